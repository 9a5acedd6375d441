"""Where templates live and what versions exist.

A template version is a folder ``<root>/<name>/<version>/`` holding ``manifest.toml`` and one Jinja
file per language (``vi.j2``, ``lo.j2``, ``en.j2``). Roots are searched in order: the built-in
templates shipped with the app, the user's template folder and an optional shared (office network)
folder from the settings. The same name and version in a later root does not replace a built-in one.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TemplateError

STATUSES = ("draft", "approved", "retired")


def data_dir(name: str) -> Path:
    """A data folder shipped with the app: ``templates`` or ``seeds``.

    Looks inside the installed package (wheel or PyInstaller bundle) first, then in the source tree.
    """
    package = Path(__file__).resolve().parent.parent
    candidates = [package / "_data" / name, package.parent / name]
    if getattr(sys, "frozen", False):
        candidates.insert(0, Path(getattr(sys, "_MEIPASS", package)) / "mou_drafter" / "_data" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


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


def read_manifest(folder: Path) -> Manifest:
    """Read and check ``folder/manifest.toml``; errors name the file."""
    path = folder / "manifest.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"{path}: manifest is missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: {exc}") from None
    problems = []
    for key, kind in (("name", str), ("kind", str), ("version", str), ("date", dt.date), ("status", str),
                      ("languages", list)):
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
        raise TemplateError(f"{path}: version must be numbers separated by dots, not {data['version']!r}") from None
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
    return Manifest(
        name=data["name"], kind=data["kind"], version=data["version"], date=data["date"],
        status=data["status"], languages=tuple(data["languages"]),
        description=str(data.get("description", "")), labels=dict(data.get("labels", {})),
        changelog=changelog,
    )


def template_roots(shared: str | os.PathLike[str] | None = None) -> list[tuple[str, Path]]:
    from ..settings import load_settings, user_templates_dir

    roots = [("built-in", data_dir("templates")), ("user", user_templates_dir())]
    shared_dir = shared if shared is not None else load_settings().shared_templates_dir
    if shared_dir:
        roots.append(("shared", Path(shared_dir)))
    return roots


def discover(roots: list[tuple[str, Path]] | None = None) -> list[TemplateVersion]:
    """All template versions found, sorted by name and version. Broken manifests raise."""
    found: dict[str, TemplateVersion] = {}
    for source, root in roots if roots is not None else template_roots():
        if not root.is_dir():
            continue
        for manifest_path in sorted(root.glob("*/*/manifest.toml")):
            manifest = read_manifest(manifest_path.parent)
            found.setdefault(manifest.ref, TemplateVersion(manifest, manifest_path.parent, source))
    return sorted(found.values(), key=lambda t: (t.manifest.name, version_key(t.manifest.version)))


def find_template(ref: str, roots: list[tuple[str, Path]] | None = None) -> TemplateVersion:
    """Resolve ``name@version`` (or ``name`` for the latest approved version)."""
    name, _, version = ref.partition("@")
    versions = [t for t in discover(roots) if t.manifest.name == name]
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
