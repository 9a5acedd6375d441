"""Where templates live and what versions exist.

A template version is a folder ``<root>/<name>/<version>/`` holding ``manifest.toml`` and one Jinja
file per language (``vi.j2``, ``lo.j2``, ``en.j2``). A :class:`TemplateLibrary` is told its root
folders, searched in order: the built-in templates shipped with the app, the user's template
folder and, when the settings name one, a shared (office network) folder. The same name and
version in a later root does not replace a built-in one. The library reads the manifests once and
keeps them until :meth:`TemplateLibrary.refresh`; it never reads the settings file (the command
line and the app build it from the settings and pass it on).

A template folder that cannot be used (a damaged or unreadable ``manifest.toml``, a folder whose
name does not match its manifest, an unreadable folder) is skipped and reported in
:meth:`TemplateLibrary.problems`, with its path; the other templates keep working.

A release is a new version folder: new drafts take the newest *approved* version of their kind
(:meth:`TemplateLibrary.newest`), so releasing a version needs no code change.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TemplateError
from ..folders import data_dir, user_templates_dir

log = logging.getLogger(__name__)

STATUSES = ("draft", "approved", "retired")


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


@dataclass(frozen=True)
class Manifest:
    name: str
    kind: str
    version: str
    date: dt.date
    status: str
    languages: tuple[str, ...]
    description: str
    labels: dict[str, dict[str, str]] = field(default_factory=dict, hash=False)
    changelog: tuple[str, ...] = ()
    #: Optional clauses a draft may choose (``[optional.<name>]``: the title in each language),
    #: in the order of the manifest. The clause's id in the language files is ``opt.<name>``.
    optional: dict[str, dict[str, str]] = field(default_factory=dict, hash=False)

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class TemplateVersion:
    manifest: Manifest
    folder: Path
    source: str  # "built-in", "user" or "shared"

    @property
    def ref(self) -> str:
        return self.manifest.ref

    def language_file(self, lang: str) -> Path:
        return self.folder / f"{lang}.j2"


@dataclass(frozen=True)
class TemplateProblem:
    """A template folder that was skipped: its folder, the root's source and why (``message``
    names the file)."""

    folder: Path
    source: str
    message: str

    def __str__(self) -> str:
        return self.message


def read_manifest(folder: Path) -> Manifest:
    """Read and check ``folder/manifest.toml``; errors name the file."""
    path = folder / "manifest.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"{path}: manifest is missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: damaged manifest: {exc}") from None
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the manifest ({exc.strerror or exc})") from None
    problems = []
    for key, kind in (
        ("name", str),
        ("kind", str),
        ("version", str),
        ("date", dt.date),
        ("status", str),
        ("languages", list),
    ):
        if not isinstance(data.get(key), kind):
            problems.append(f"'{key}' is missing or not a {kind.__name__}")
    if problems:
        raise TemplateError(f"{path}: " + "; ".join(problems))
    if data["status"] not in STATUSES:
        raise TemplateError(f"{path}: status must be one of {', '.join(STATUSES)}, not {data['status']!r}")
    if data["kind"] not in ("mou", "minutes"):
        raise TemplateError(f"{path}: kind must be mou or minutes, not {data['kind']!r}")
    try:
        version_key(data["version"])
    except ValueError:
        raise TemplateError(
            f"{path}: version must be numbers separated by dots, not {data['version']!r}"
        ) from None
    if folder.name != data["version"] or folder.parent.name != data["name"]:
        raise TemplateError(
            f"{path}: name and version ({data['name']}@{data['version']}) must match the folder "
            f"{folder.parent.name}/{folder.name}"
        )
    bad = [lang for lang in data["languages"] if lang not in ("vi", "lo", "en")]
    if bad:
        raise TemplateError(f"{path}: unknown language(s) {', '.join(map(str, bad))}")
    changelog = tuple(
        f"{entry.get('version', '?')}: {entry.get('text', '')}" for entry in data.get("changelog", [])
    )
    optional = _optional_clauses(path, data.get("optional", {}), data["languages"])
    return Manifest(
        name=data["name"],
        kind=data["kind"],
        version=data["version"],
        date=data["date"],
        status=data["status"],
        languages=tuple(data["languages"]),
        description=str(data.get("description", "")),
        labels=dict(data.get("labels", {})),
        changelog=changelog,
        optional=optional,
    )


#: Names of optional clauses: what drafts store in ``optional_clauses``.
OPTIONAL_NAME = re.compile(r"^[a-z0-9_\-]{1,60}$")


def optional_clause_id(name: str) -> str:
    """The clause id of optional clause ``name`` in the language files."""
    return f"opt.{name}"


def _optional_clauses(path: Path, table: object, languages: list[str]) -> dict[str, dict[str, str]]:
    """``[optional.<name>]`` tables of the manifest, each with a title in every language of the
    template."""
    if not isinstance(table, dict):
        raise TemplateError(f"{path}: [optional] must be a table of optional clauses")
    out: dict[str, dict[str, str]] = {}
    for name, titles in table.items():
        if not OPTIONAL_NAME.match(name):
            raise TemplateError(
                f"{path}: optional clause {name!r}: names use lower-case letters, digits, _ and -"
            )
        if not isinstance(titles, dict):
            raise TemplateError(f'{path}: [optional.{name}] must give a title per language (vi = "…")')
        missing = [lang for lang in languages if not str(titles.get(lang, "")).strip()]
        if missing:
            raise TemplateError(f"{path}: [optional.{name}] has no title in {', '.join(missing)}")
        out[name] = {str(lang): str(title) for lang, title in titles.items()}
    return out


class TemplateLibrary:
    """The template versions in some root folders, each with its source (``built-in``, ``user``,
    ``shared``, or any label), searched in order.

    Manifests are read once, on first use, and kept until :meth:`refresh`; ``name@version`` is
    looked up in its own folder without reading the others. Compiled Jinja templates are cached per
    version folder by the engine.
    """

    def __init__(self, roots: Iterable[tuple[str, str | os.PathLike[str]]]) -> None:
        self.roots: tuple[tuple[str, Path], ...] = tuple((source, Path(root)) for source, root in roots)
        self._versions: list[TemplateVersion] | None = None
        self._problems: list[TemplateProblem] = []
        self._found: dict[str, TemplateVersion] = {}

    @classmethod
    def standard(cls, shared: str | os.PathLike[str] | None = None) -> TemplateLibrary:
        """The built-in templates, the user's template folder and, when given, a shared folder."""
        roots: list[tuple[str, str | os.PathLike[str]]] = [
            ("built-in", data_dir("templates")),
            ("user", user_templates_dir()),
        ]
        if shared:
            roots.append(("shared", shared))
        return cls(roots)

    def __repr__(self) -> str:
        return f"TemplateLibrary({[(source, str(root)) for source, root in self.roots]!r})"

    def refresh(self) -> None:
        """Forget what was read: the next lookup reads the manifests again."""
        self._versions = None
        self._problems = []
        self._found = {}

    def versions(self) -> list[TemplateVersion]:
        """Every usable template version found, sorted by name and version. Folders that cannot be
        used are skipped and listed by :meth:`problems`."""
        if self._versions is None:
            found: dict[str, TemplateVersion] = {}
            problems: list[TemplateProblem] = []
            for source, root in self.roots:
                folders, skipped = _version_folders(root, source)
                problems.extend(skipped)
                for folder in folders:
                    try:
                        manifest = read_manifest(folder)
                    except TemplateError as exc:
                        problems.append(TemplateProblem(folder, source, exc.message))
                        continue
                    first = found.setdefault(manifest.ref, TemplateVersion(manifest, folder, source))
                    if first.folder != folder:
                        problems.append(
                            TemplateProblem(
                                folder,
                                source,
                                (
                                    f"{folder}: {manifest.ref} is also in the {first.source} folder ({first.folder}); "
                                    "that one is used"
                                ),
                            )
                        )
            self._versions = sorted(
                found.values(), key=lambda t: (t.manifest.name, version_key(t.manifest.version))
            )
            self._problems = problems
            for problem in problems:
                log.warning("template folder skipped (%s folder): %s", problem.source, problem)
        return list(self._versions)

    def problems(self) -> list[TemplateProblem]:
        """The template folders skipped because they cannot be used, each with its path and why."""
        self.versions()
        return list(self._problems)

    def versions_of(self, name: str) -> list[TemplateVersion]:
        """The versions of template ``name``, oldest first."""
        return [t for t in self.versions() if t.manifest.name == name]

    def find(self, ref: str) -> TemplateVersion:
        """Resolve ``name@version``, or ``name`` for its newest approved version."""
        name, _, version = ref.partition("@")
        if version and ref not in self._found and self._versions is None:
            for source, root in self.roots:  # only the version's own folder is read
                folder = root / name / version
                if (folder / "manifest.toml").is_file():
                    self._found[ref] = TemplateVersion(read_manifest(folder), folder, source)
                    break
        if ref in self._found:
            return self._found[ref]
        versions = self.versions_of(name)
        skipped = [
            p
            for p in self.problems()
            if p.folder.parent.name == name and (not version or p.folder.name == version)
        ]
        if skipped and (not versions or version):
            raise TemplateError(f"template {ref} cannot be used: {skipped[0].message}")
        if not versions:
            raise TemplateError(f"no template named {name!r}; see 'mou-drafter templates'")
        if not version:
            approved = [t for t in versions if t.manifest.status == "approved"] or versions
            return approved[-1]
        for candidate in versions:
            if candidate.manifest.version == version:
                return candidate
        available = ", ".join(t.manifest.version for t in versions)
        raise TemplateError(f"template {name!r} has no version {version!r} (available: {available})")

    def newest(self, kind: str) -> TemplateVersion:
        """The newest approved version of the template named after ``kind`` (``mou``,
        ``minutes``), or of another template of that kind when there is none: what a new draft of
        that kind is made with."""
        approved = [t for t in self.versions() if t.manifest.kind == kind and t.manifest.status == "approved"]
        if not approved:
            raise TemplateError(f"no approved template for {kind}; see 'mou-drafter templates'")
        standard = [t for t in approved if t.manifest.name == kind] or approved
        return max(standard, key=lambda t: (version_key(t.manifest.version), t.manifest.name))

    def upgrade_for(self, ref: str) -> TemplateVersion | None:
        """The newest approved version of the template of ``ref`` (``name@version``) that is newer
        than it, or ``None``."""
        name, _, version = ref.partition("@")
        try:
            current = version_key(version)
        except ValueError:
            return None
        newer = [
            t
            for t in self.versions_of(name)
            if t.manifest.status == "approved" and version_key(t.manifest.version) > current
        ]
        return newer[-1] if newer else None


def _subfolders(folder: Path) -> list[Path]:
    """The folders in ``folder``, sorted, hidden ones left out; raises :class:`OSError`."""
    with os.scandir(folder) as entries:
        return sorted(Path(e.path) for e in entries if not e.name.startswith(".") and e.is_dir())


def _version_folders(root: Path, source: str) -> tuple[list[Path], list[TemplateProblem]]:
    """The version folders (``<root>/<name>/<version>/``) of one root, and the folders that cannot
    be read or hold no manifest. A missing root is no problem (the user's folder is made when
    needed), except a shared folder the settings name."""
    try:
        names = _subfolders(root)
    except FileNotFoundError:
        if source == "shared":
            return [], [TemplateProblem(root, source, f"{root}: the shared template folder cannot be found")]
        return [], []
    except OSError as exc:
        return [], [
            TemplateProblem(root, source, f"{root}: cannot read the template folder ({exc.strerror or exc})")
        ]
    folders: list[Path] = []
    problems: list[TemplateProblem] = []
    for name in names:
        try:
            versions = _subfolders(name)
        except OSError as exc:
            problems.append(
                TemplateProblem(
                    name, source, f"{name}: cannot read the template folder ({exc.strerror or exc})"
                )
            )
            continue
        for path in versions:
            if (path / "manifest.toml").is_file():
                folders.append(path)
            else:
                problems.append(
                    TemplateProblem(path, source, f"{path}: not a template version (no manifest.toml)")
                )
    return folders, problems


_DEFAULT: dict[Path, TemplateLibrary] = {}


def default_library() -> TemplateLibrary:
    """The library used when none is given: the built-in templates and the user's template
    folder (platformdirs, or under ``MOU_DRAFTER_HOME``). No shared folder: that one is named in
    the settings file, which only the command line, the self-test and the app read; they pass a
    library that includes it. One library per user folder, kept for the process."""
    user = user_templates_dir()
    library = _DEFAULT.get(user)
    if library is None:
        library = _DEFAULT[user] = TemplateLibrary.standard()
    return library
