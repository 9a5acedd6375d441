"""Template lint: what would break a clerk's document, found before a clerk finds it.

Findings, one per line as ``file:line: message``:

* manifest errors (missing fields, bad status or version, folder mismatch);
* Jinja syntax errors, with the line;
* names a template uses that the draft model does not have (``draft.partys``, ``p.nmae``);
* unknown block kinds and blocks without an id;
* clause ids, and the draft fields used as placeholders, present in one language and missing in
  another;
* per clause: the data a clause prints (article numbers, amounts, dates, names — every
  placeholder that reads the draft) in one language and not in the same clause of another
  (:func:`clause_placeholders`). The template's own wording (``{% set sides = "hai Bên" … %}``,
  macros) and formatting filters (``|date``, ``|upper``) do not count: they differ by language.
* optional clauses: each one the manifest declares is in every language file (its clause
  ``opt.<name>``, shown only when the draft chooses it), and every ``opt.`` clause is declared;
* what the sandbox refuses (``docs/security.md``), found in the source: includes, imports and
  extends of files outside the version folder or of the file itself, ``_private`` attributes,
  macros calling themselves, and numbers past the limits (``'x' * 300000000``, ``range(10**9)``,
  ``** 1000``, widths in formats and filters);
* and, under the same limits, a trial render of every language file with the sample drafts of the
  template's kind (the shipped samples and an empty draft): what would fail for a clerk, with the
  file and line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from ..errors import DraftFileError, TemplateError
from ..folders import data_dir
from ..model.draft import Delegation, Draft, Party
from .engine import FILTERS, DraftEnvironment, forget_environment, render_language
from .library import Manifest, TemplateVersion, optional_clause_id, read_manifest
from .sandbox import FolderLoader, Limits, TemplateAccessError
from .source import directives, is_known_kind, source_clauses

CONTEXT_NAMES = {"draft", "lang", "languages", "export", "party", "obligations_of", "totals"}
#: What the environment offers every template besides the draft (``range`` is bounded).
GLOBAL_NAMES = {"range", "dict", "namespace", "cycler", "joiner"}
_ITEM_FIELDS = {"index"}  # added to obligations by obligations_of()


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _model_paths() -> set[str]:
    """Every attribute path under ``draft`` the model has, list items written as ``[]``."""
    schema = Draft.model_json_schema()
    defs = schema.get("$defs", {})
    paths: set[str] = set()

    def walk(node: dict[str, Any], prefix: str, depth: int) -> None:
        if depth > 8:
            return
        if "$ref" in node:
            node = defs[node["$ref"].split("/")[-1]]
        for option in node.get("anyOf", []):
            walk(option, prefix, depth + 1)
        if node.get("type") == "array" and "items" in node:
            paths.add(prefix + "[]")
            walk(node["items"], prefix + "[]", depth + 1)
        for name, sub in node.get("properties", {}).items():
            path = f"{prefix}.{name}"
            paths.add(path)
            walk(sub, path, depth + 1)

    walk(schema, "draft", 0)
    return paths


_MODEL_PATHS: set[str] | None = None


def model_paths() -> set[str]:
    global _MODEL_PATHS
    if _MODEL_PATHS is None:
        _MODEL_PATHS = _model_paths()
    return _MODEL_PATHS


class _Checker:
    """Walks a template's AST, tracking loop variables bound to lists of the draft."""

    def __init__(self, file: str, loader: FolderLoader | None = None, limits: Limits | None = None) -> None:
        self.file = file
        self.findings: list[Finding] = []
        self.used: set[str] = set()
        self.loader = loader
        self.limits = limits or DraftEnvironment.limits
        self.macros: list[str] = []

    def add(self, lineno: int, message: str) -> None:
        self.findings.append(Finding(self.file, lineno, message))

    def resolve(self, node: nodes.Node, scope: dict[str, str]) -> str | None:
        if isinstance(node, nodes.Name):
            if node.name == "draft":
                return "draft"
            return scope.get(node.name)
        if isinstance(node, nodes.Getattr):
            base = self.resolve(node.node, scope)
            return f"{base}.{node.attr}" if base else None
        if (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, int)
        ):
            base = self.resolve(node.node, scope)
            return f"{base}[]" if base else None
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
            if node.node.name == "party":
                return "draft.parties[]"
            if node.node.name == "obligations_of":
                return "draft.obligations"
        if isinstance(node, nodes.Filter) and node.node is not None:
            return None
        return None

    def check_path(self, path: str, lineno: int) -> None:
        known = model_paths()
        if path in known or path == "draft":
            return
        base, _, attr = path.rpartition(".")
        if attr in _ITEM_FIELDS and base == "draft.obligations[]":
            return
        # a text field read in one language is fine: draft.title is a string in the template
        if base in known or base == "draft":
            self.findings.append(Finding(self.file, lineno, f"'{path}' is not a field of the draft"))

    def visit(self, node: nodes.Node, scope: dict[str, str]) -> None:
        self.check_sandbox(node)
        if isinstance(node, nodes.Macro):
            self.macros.append(node.name)
            for child in node.iter_child_nodes():
                self.visit(child, dict(scope))
            self.macros.pop()
            return
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            inner = dict(scope)
            source = self.resolve(node.iter, scope)
            if source and isinstance(node.target, nodes.Name):
                inner[node.target.name] = source if source.endswith("[]") else source + "[]"
            for child in node.body + node.else_:
                self.visit(child, inner)
            return
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            self.visit(node.node, scope)
            source = self.resolve(node.node, scope)
            if source:
                scope[node.target.name] = source
            return
        if isinstance(node, nodes.Getattr):
            path = self.resolve(node, scope)
            if path:
                self.used.add(path)
                self.check_path(path, node.lineno)
                return
        if (
            isinstance(node, nodes.Filter)
            and node.name not in FILTERS
            and node.name not in jinja2.filters.FILTERS
        ):
            self.findings.append(Finding(self.file, node.lineno, f"unknown filter '{node.name}'"))
        for child in node.iter_child_nodes():
            self.visit(child, scope)

    # -- what the sandbox refuses, found in the source ----------------------------------------------
    def check_sandbox(self, node: nodes.Node) -> None:
        limits = self.limits
        if isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            self.check_file(node)
        elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            self.add(
                node.lineno, f"attribute '{node.attr}' is not allowed in a template (names starting with _)"
            )
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
            and node.arg.value.startswith("_")
        ):
            self.add(
                node.lineno,
                f"attribute '{node.arg.value}' is not allowed in a template (names starting with _)",
            )
        elif isinstance(node, nodes.Call):
            self.check_call(node)
        elif isinstance(node, nodes.Mul):
            for number, other in ((_number(node.right), node.left), (_number(node.left), node.right)):
                if number is None:
                    continue
                if isinstance(other, nodes.Const) and isinstance(other.value, str):
                    size = len(other.value) * number
                    if size > limits.text:
                        self.add(
                            node.lineno,
                            f"makes a text of {_count(size)} characters; a template's texts may "
                            f"have at most {limits.text:,} (see docs/security.md)",
                        )
                        return
                elif _number(other) is None and number > limits.items:
                    self.add(
                        node.lineno,
                        f"multiplies a text or list by {_count(number)}; a template's lists may "
                        f"have at most {limits.items:,} items and its texts at most "
                        f"{limits.text:,} characters (see docs/security.md)",
                    )
                    return
            self.check_digits(node)
        elif isinstance(node, nodes.Pow):
            self.check_digits(node)
        elif isinstance(node, nodes.Filter):
            for arg in (*node.args, *(kw.value for kw in node.kwargs)):
                number = _number(arg)
                if node.name in _SIZED_FILTERS and number is not None and number > limits.width:
                    self.add(
                        node.lineno,
                        f"|{node.name}({_count(number)}): a template may use widths and counts "
                        f"of at most {limits.width:,} (see docs/security.md)",
                    )
            if (
                node.name == "format"
                and isinstance(node.node, nodes.Const)
                and isinstance(node.node.value, str)
            ):
                self.check_format(node.lineno, node.node.value, printf=True)
        elif (
            isinstance(node, nodes.Mod)
            and isinstance(node.left, nodes.Const)
            and isinstance(node.left.value, str)
        ):
            self.check_format(node.lineno, node.left.value, printf=True)

    def check_digits(self, node: nodes.Node) -> None:
        number = _number(node)
        if number is not None and number > 10**self.limits.digits:
            size = "too large to compute" if number == math.inf else f"of {len(str(number)):,} digits"
            self.add(
                node.lineno,
                f"makes a number {size}; a template may use numbers of at most "
                f"{self.limits.digits:,} digits (see docs/security.md)",
            )
        elif isinstance(node, nodes.Pow) and _number(node.left) is None:
            exponent = _number(node.right)
            if exponent is not None and exponent > 64:
                self.add(
                    node.lineno,
                    f"raises to the power {_count(exponent)}; a template may use numbers of at "
                    f"most {self.limits.digits:,} digits (see docs/security.md)",
                )

    def check_call(self, node: nodes.Call) -> None:
        limits = self.limits
        args = [_number(a) for a in node.args]
        if isinstance(node.node, nodes.Name) and node.node.name == "range" and args and None not in args:
            size = _range_size(args)
            if size > limits.range:
                self.add(
                    node.lineno,
                    f"range() of {_count(size)} numbers; a template may use ranges of at most "
                    f"{limits.range:,} (see docs/security.md)",
                )
        if isinstance(node.node, nodes.Name) and node.node.name in self.macros:
            self.add(
                node.lineno,
                f"macro '{node.node.name}' calls itself; a template may nest calls at most "
                f"{limits.nesting} deep (see docs/security.md)",
            )
        if isinstance(node.node, nodes.Getattr):
            method = node.node.attr
            if (
                method in ("ljust", "rjust", "center", "zfill", "expandtabs")
                and args
                and args[0] is not None
                and args[0] > limits.width
            ):
                self.add(
                    node.lineno,
                    f".{method}({_count(args[0])}): a template may use widths of at most "
                    f"{limits.width:,} (see docs/security.md)",
                )
            target = node.node.node
            if (
                method in ("format", "format_map")
                and isinstance(target, nodes.Const)
                and isinstance(target.value, str)
            ):
                self.check_format(node.lineno, target.value, printf=False)

    def check_format(self, lineno: int, text: str, *, printf: bool) -> None:
        numbers = (
            [m for spec in _PRINTF.findall(text) for m in spec]
            if printf
            else [m for spec in _FORMAT.findall(text) for m in re.findall(r"\d+|\*", spec)]
        )
        for number in numbers:
            if number == "*":
                self.add(lineno, "a '*' width in a % format is not allowed in a template")
            elif number and int(number) > self.limits.width:
                self.add(
                    lineno,
                    f"a width of {int(number):,} in a format; a template may use at most "
                    f"{self.limits.width:,} (see docs/security.md)",
                )

    def check_file(self, node: nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends) -> None:
        if self.loader is None:
            return
        verb = {
            nodes.Include: "includes",
            nodes.Import: "imports",
            nodes.FromImport: "imports",
            nodes.Extends: "extends",
        }[type(node)]
        names = node.template.value if isinstance(node.template, (nodes.Const,)) else None
        if isinstance(node.template, (nodes.List, nodes.Tuple)):
            names = [item.value for item in node.template.items if isinstance(item, nodes.Const)]
        for name in [names] if isinstance(names, str) else names or []:
            if not isinstance(name, str):
                continue
            try:
                real = self.loader.resolve(name)
            except TemplateAccessError as exc:
                self.add(node.lineno, f"not allowed in a template: {exc}")
            except jinja2.TemplateNotFound:
                if not getattr(node, "ignore_missing", False):
                    self.add(
                        node.lineno,
                        f"{verb} {name!r}, which is not in the template's folder {self.loader.folder}",
                    )
            else:
                if real == Path(self.file).resolve():
                    self.add(
                        node.lineno,
                        f"{verb} itself ({name!r}): the render would never end; a template may "
                        f"nest includes at most {self.limits.nesting} deep (see docs/security.md)",
                    )


#: Filters whose number arguments are widths or counts (bounded by ``Limits.width``).
_SIZED_FILTERS = frozenset({"center", "indent", "wordwrap", "batch", "slice", "truncate", "tojson"})
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_FORMAT = re.compile(r"\{[^{}]*:([^{}]*)\}")


def _number(node: nodes.Node) -> float | int | None:
    """The whole number a constant expression makes (``10**9``), ``math.inf`` when it is too large
    to compute, or ``None`` when it is not a constant number."""
    if isinstance(node, nodes.Const):
        value = node.value
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(node, nodes.Neg):
        inner = _number(node.node)
        return None if inner is None else -inner
    if isinstance(node, (nodes.Add, nodes.Sub, nodes.Mul, nodes.Pow, nodes.FloorDiv)):
        left, right = _number(node.left), _number(node.right)
        if left is None or right is None:
            return None
        if math.inf in (left, right, -left, -right):
            return math.inf
        if not (isinstance(left, int) and isinstance(right, int)):  # only math.inf is a float here
            return None
        if isinstance(node, nodes.Pow):
            if right < 0:
                return None
            if abs(left) > 1 and (right > 100_000 or abs(left).bit_length() * right > 100_000):
                return math.inf
            return left**right
        if isinstance(node, nodes.Mul) and left.bit_length() + right.bit_length() > 100_000:
            return math.inf
        if isinstance(node, nodes.FloorDiv):
            return left // right if right else None
        return (
            left + right
            if isinstance(node, nodes.Add)
            else left - right
            if isinstance(node, nodes.Sub)
            else left * right
        )
    return None


def _range_size(args: list[Any]) -> float | int:
    if math.inf in args or -math.inf in args:
        return math.inf
    try:
        return len(range(*args))
    except (TypeError, ValueError, OverflowError):
        return math.inf


def _count(number: float | int) -> str:
    """``300,000,000``; for a number too large to write, how many digits it has."""
    if number == math.inf:
        return "a number too large to compute"
    if number > 10**30:
        return f"a {len(str(number)):,}-digit number"
    return f"{number:,}"


def lint_language_file(path: Path, env: DraftEnvironment) -> tuple[list[Finding], set[str], list]:
    findings: list[Finding] = []
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [Finding(str(path), 1, f"not a UTF-8 text file (byte {exc.start})")], set(), []
    except OSError as exc:
        return [Finding(str(path), 0, f"cannot read the file ({exc.strerror or exc})")], set(), []
    try:
        tree = env.parse(source, path.name, str(path))
    except jinja2.TemplateSyntaxError as exc:
        return [Finding(str(path), exc.lineno or 0, f"template syntax error: {exc.message}")], set(), []
    loader = env.loader if isinstance(env.loader, FolderLoader) else None
    checker = _Checker(str(path), loader, env.limits)
    checker.visit(tree, {})
    findings.extend(checker.findings)
    from jinja2 import meta

    set_names = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "store"}
    for name in sorted(meta.find_undeclared_variables(tree) - CONTEXT_NAMES - GLOBAL_NAMES - set_names):
        line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == name), 0)
        findings.append(Finding(str(path), line, f"'{name}' is not available to templates"))
    found = directives(path)
    seen: dict[str, int] = {}
    for directive in found:
        if not is_known_kind(directive.kind):
            findings.append(Finding(str(path), directive.line, f"unknown block kind '@{directive.kind}'"))
        elif directive.kind not in ("row", "cell") and not directive.id:
            findings.append(Finding(str(path), directive.line, f"'@{directive.kind}' has no id="))
        if directive.id and "{" not in directive.id:
            if directive.id in seen:
                findings.append(
                    Finding(
                        str(path),
                        directive.line,
                        f"clause id '{directive.id}' is also used on line {seen[directive.id]}",
                    )
                )
            seen[directive.id] = directive.line
    return findings, checker.used, found


def lint_version(folder: Path) -> list[Finding]:
    try:
        manifest = read_manifest(folder)
    except TemplateError as exc:
        return [Finding(str(folder / "manifest.toml"), _line_of(exc.message), exc.message.split(": ", 1)[-1])]
    env = DraftEnvironment(FolderLoader(folder))
    findings: list[Finding] = []
    ids: dict[str, list] = {}
    used: dict[str, set[str]] = {}
    for lang in manifest.languages:
        path = folder / f"{lang}.j2"
        if not path.exists():
            findings.append(
                Finding(
                    str(folder / "manifest.toml"),
                    1,
                    f"language '{lang}' is listed but {path.name} is missing",
                )
            )
            continue
        lang_findings, lang_used, lang_directives = lint_language_file(path, env)
        findings.extend(lang_findings)
        used[lang] = lang_used
        ids[lang] = lang_directives
    findings.extend(_cross_language(folder, ids, used))
    findings.extend(_clause_placeholders(folder, [lang for lang in manifest.languages if lang in used], env))
    findings.extend(_optional_clauses(folder, manifest.optional, ids))
    if not any("template syntax error" in f.message for f in findings):
        seen = {(f.file, f.line) for f in findings}  # a line already reported says it better
        findings.extend(f for f in trial_render(folder, manifest) if (f.file, f.line) not in seen)
    return findings


def _optional_clauses(
    folder: Path, declared: dict[str, dict[str, str]], ids: dict[str, list]
) -> list[Finding]:
    """Each declared optional clause in every language file, guarded by the draft's choice; no
    ``opt.`` clause that the manifest does not declare."""
    findings: list[Finding] = []
    for lang, found in ids.items():
        path = folder / f"{lang}.j2"
        source = path.read_text(encoding="utf-8")
        present = {d.id for d in found if d.id}
        for name in declared:
            clause = optional_clause_id(name)
            if clause not in present:
                findings.append(
                    Finding(str(path), 1, f"optional clause '{name}' (clause id '{clause}') is missing")
                )
            elif not re.search(
                rf"""["']{re.escape(name)}["']\s+(not\s+)?in\s+draft\.optional_clauses""", source
            ):
                findings.append(
                    Finding(
                        str(path),
                        1,
                        f"optional clause '{name}' is not guarded by "
                        f"'{{% if \"{name}\" in draft.optional_clauses %}}'",
                    )
                )
        for directive in found:
            parts = (directive.id or "").split(".")
            if parts[0] == "opt" and len(parts) > 1 and parts[1] not in declared:
                findings.append(
                    Finding(
                        str(path),
                        directive.line,
                        f"clause id '{directive.id}' is an optional "
                        f"clause '{parts[1]}' that manifest.toml does not declare ([optional.{parts[1]}])",
                    )
                )
    return findings


# -- the trial render ----------------------------------------------------------------------------

_SAMPLES: dict[str, list[tuple[str, Draft]]] = {}


def sample_drafts(kind: str) -> list[tuple[str, Draft]]:
    """The drafts a template of ``kind`` is tried with: the shipped samples, and an empty draft."""
    if kind not in _SAMPLES:
        from ..model.files import load_draft

        samples: list[tuple[str, Draft]] = []
        for path in sorted(data_dir("seeds").glob("*.moud")):
            try:
                draft = load_draft(path)
            except (DraftFileError, TemplateError):
                continue
            if draft.kind == kind:
                samples.append((path.name, draft))
        empty = Draft(kind=kind, parties=[Party(country="VN"), Party(country="LA")])
        if empty.minutes is not None:
            empty.minutes.delegations = [Delegation(party=p.id) for p in empty.parties]
            empty = Draft.model_validate(empty.model_dump())
        samples.append(("an empty draft", empty))
        _SAMPLES[kind] = samples
    return _SAMPLES[kind]


_LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$", re.DOTALL)


def trial_render(folder: Path, manifest: Manifest) -> list[Finding]:
    """Render every language file with each sample draft, under the sandbox's limits; the first
    failure of each file is a finding with the file and line."""
    version = TemplateVersion(manifest, folder, "lint")
    forget_environment(folder)  # compiled afresh: the files may have changed since the last lint
    findings: list[Finding] = []
    try:
        for lang in manifest.languages:
            path = folder / f"{lang}.j2"
            for sample, draft in sample_drafts(manifest.kind):
                try:
                    render_language(version, draft, lang, languages=list(manifest.languages))
                except TemplateError as exc:
                    match = _LOCATED.match(exc.message)
                    file, line, message = (
                        (match["file"], int(match["line"]), match["message"])
                        if match
                        else (str(path), 0, exc.message.removeprefix(f"{path}: "))
                    )
                    findings.append(Finding(file, line, f"{message} (trial render with {sample})"))
                    break
    finally:
        forget_environment(folder)
    return findings


# -- the same data in every language's clause ---------------------------------------------------

_PLACEHOLDER = re.compile(r"\{\{-?(.*?)-?\}\}")


def _wording_names(tree: nodes.Template) -> set[str]:
    """Names a template file sets to its own words (``{% set sides = "hai Bên" … %}``, a dict of
    names, anything built from them) and its macros: they print wording, not draft data."""
    names = {node.name for node in tree.find_all(nodes.Macro)}
    assigns = [node for node in tree.find_all(nodes.Assign) if isinstance(node.target, nodes.Name)]
    changed = True
    while changed:
        changed = False
        for node in assigns:
            name = node.target.name  # type: ignore[attr-defined]
            if name in names:
                continue
            arguments = {id(a) for f in node.node.find_all((nodes.Filter, nodes.Test)) for a in f.args}
            strings = any(
                isinstance(c.value, str) and id(c) not in arguments for c in node.node.find_all(nodes.Const)
            )
            uses = any(n.name in names for n in node.node.find_all(nodes.Name))
            if strings or uses:
                names.add(name)
                changed = True
    return names


def _data_refs(expression: nodes.Node, wording: set[str]) -> set[str]:
    """The draft data an expression prints: attribute chains from names that are not wording
    (``p.representative.name``, ``conf.start``, ``loop.index``, ``party(d.party).name``)."""
    refs: set[str] = set()

    def chain(node: nodes.Node) -> str | None:
        if isinstance(node, nodes.Name):
            return None if node.name in wording else node.name
        if isinstance(node, nodes.Getattr):
            base = chain(node.node)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, nodes.Getitem):
            base = chain(node.node)
            key = node.arg.value if isinstance(node.arg, nodes.Const) else "…"
            return f"{base}[{key}]" if base else None
        if (
            isinstance(node, nodes.Call)
            and isinstance(node.node, nodes.Name)
            and node.node.name in CONTEXT_NAMES
        ):
            args = ", ".join(sorted(filter(None, (chain(a) for a in node.args))))
            return f"{node.node.name}({args})"
        return None

    def visit(node: nodes.Node) -> None:
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Call)):
            ref = chain(node)
            if ref:
                refs.add(ref)
                return
        if isinstance(node, nodes.Call):  # a macro: its arguments are data, its name wording
            for child in [*node.args, *(kw.value for kw in node.kwargs)]:
                visit(child)
            return
        for inner in node.iter_child_nodes():
            visit(inner)

    visit(expression)
    return refs


def clause_placeholders(path: Path, env: DraftEnvironment) -> dict[str, tuple[int, set[str]]]:
    """Per clause id of a template file: its line and the draft data its placeholders print."""
    source = path.read_text(encoding="utf-8")
    try:
        wording = _wording_names(env.parse(source))
    except jinja2.TemplateSyntaxError:
        return {}
    out: dict[str, tuple[int, set[str]]] = {}
    for clause in source_clauses(path):
        refs: set[str] = set()
        for text in _PLACEHOLDER.findall(clause.text):
            try:
                tree = env.parse("{{ " + text + " }}")
            except jinja2.TemplateSyntaxError:
                continue
            for output in tree.find_all(nodes.Output):
                for expression in output.nodes:
                    refs |= _data_refs(expression, wording)
        line, seen = out.get(clause.id, (clause.line, set()))
        out[clause.id] = (line, seen | refs)
    return out


def _clause_placeholders(folder: Path, langs: list[str], env: DraftEnvironment) -> list[Finding]:
    per_lang = {lang: clause_placeholders(folder / f"{lang}.j2", env) for lang in langs}
    findings: list[Finding] = []
    for lang in langs:
        for other in langs:
            if other == lang:
                continue
            for clause_id, (_line, refs) in per_lang[lang].items():
                if clause_id not in per_lang[other]:
                    continue  # reported as a missing clause id
                other_line, other_refs = per_lang[other][clause_id]
                for ref in sorted(refs - other_refs):
                    findings.append(
                        Finding(
                            str(folder / f"{other}.j2"),
                            other_line,
                            f"clause '{clause_id}': placeholder '{ref}' is in {lang}.j2 but not "
                            f"in {other}.j2",
                        )
                    )
    return findings


def _cross_language(folder: Path, ids: dict[str, list], used: dict[str, set[str]]) -> list[Finding]:
    findings: list[Finding] = []
    langs = list(ids)
    for lang in langs:
        for other in langs:
            if other == lang:
                continue
            theirs = {d.id for d in ids[other] if d.id}
            for directive in ids[lang]:
                if directive.id and directive.id not in theirs:
                    findings.append(
                        Finding(
                            str(folder / f"{lang}.j2"),
                            directive.line,
                            f"clause id '{directive.id}' is missing in {other}.j2",
                        )
                    )
            for path in sorted(used[lang] - used[other]):
                findings.append(
                    Finding(
                        str(folder / f"{other}.j2"),
                        1,
                        f"placeholder '{path}' is used in {lang}.j2 but not in {other}.j2",
                    )
                )
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[Finding] = set()
    out = []
    for finding in findings:
        if finding not in seen:
            seen.add(finding)
            out.append(finding)
    return out


def _line_of(message: str) -> int:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else 1


def lint_path(path: Path) -> list[Finding]:
    """Lint a template version folder, a template folder or a root of templates."""
    if (path / "manifest.toml").exists():
        return lint_version(path)
    folders = sorted({p.parent for p in path.glob("**/manifest.toml")})
    if not folders:
        return [Finding(str(path), 0, "no template (manifest.toml) found here")]
    return [finding for folder in folders for finding in lint_version(folder)]
