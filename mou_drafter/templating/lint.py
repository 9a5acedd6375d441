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
  ``opt.<name>``, shown only when the draft chooses it), and every ``opt.`` clause is declared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from ..errors import TemplateError
from ..model.draft import Draft
from .engine import FILTERS, DraftEnvironment
from .library import optional_clause_id, read_manifest
from .source import directives, is_known_kind, source_clauses

CONTEXT_NAMES = {"draft", "lang", "languages", "export", "party", "obligations_of", "totals"}
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

    def __init__(self, file: str) -> None:
        self.file = file
        self.findings: list[Finding] = []
        self.used: set[str] = set()

    def resolve(self, node: nodes.Node, scope: dict[str, str]) -> str | None:
        if isinstance(node, nodes.Name):
            if node.name == "draft":
                return "draft"
            return scope.get(node.name)
        if isinstance(node, nodes.Getattr):
            base = self.resolve(node.node, scope)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, int):
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
        if isinstance(node, nodes.Filter) and node.name not in FILTERS and node.name not in jinja2.filters.FILTERS:
            self.findings.append(Finding(self.file, node.lineno, f"unknown filter '{node.name}'"))
        for child in node.iter_child_nodes():
            self.visit(child, scope)


def lint_language_file(path: Path, env: DraftEnvironment) -> tuple[list[Finding], set[str], list]:
    findings: list[Finding] = []
    source = path.read_text(encoding="utf-8")
    try:
        tree = env.parse(source, path.name, str(path))
    except jinja2.TemplateSyntaxError as exc:
        return [Finding(str(path), exc.lineno or 0, f"template syntax error: {exc.message}")], set(), []
    checker = _Checker(str(path))
    checker.visit(tree, {})
    findings.extend(checker.findings)
    from jinja2 import meta

    set_names = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "store"}
    for name in sorted(meta.find_undeclared_variables(tree) - CONTEXT_NAMES - set_names):
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
                findings.append(Finding(str(path), directive.line,
                                        f"clause id '{directive.id}' is also used on line {seen[directive.id]}"))
            seen[directive.id] = directive.line
    return findings, checker.used, found


def lint_version(folder: Path) -> list[Finding]:
    try:
        manifest = read_manifest(folder)
    except TemplateError as exc:
        return [Finding(str(folder / "manifest.toml"), _line_of(exc.message), exc.message.split(": ", 1)[-1])]
    env = DraftEnvironment(jinja2.FileSystemLoader(str(folder)))
    findings: list[Finding] = []
    ids: dict[str, list] = {}
    used: dict[str, set[str]] = {}
    for lang in manifest.languages:
        path = folder / f"{lang}.j2"
        if not path.exists():
            findings.append(Finding(str(folder / "manifest.toml"), 1, f"language '{lang}' is listed but {path.name} is missing"))
            continue
        lang_findings, lang_used, lang_directives = lint_language_file(path, env)
        findings.extend(lang_findings)
        used[lang] = lang_used
        ids[lang] = lang_directives
    findings.extend(_cross_language(folder, ids, used))
    findings.extend(_clause_placeholders(folder, [lang for lang in manifest.languages if lang in used], env))
    findings.extend(_optional_clauses(folder, manifest.optional, ids))
    return findings


def _optional_clauses(folder: Path, declared: dict[str, dict[str, str]], ids: dict[str, list]) -> list[Finding]:
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
                findings.append(Finding(str(path), 1, f"optional clause '{name}' (clause id '{clause}') is missing"))
            elif not re.search(rf"""["']{re.escape(name)}["']\s+(not\s+)?in\s+draft\.optional_clauses""", source):
                findings.append(Finding(str(path), 1, f"optional clause '{name}' is not guarded by "
                                                      f"'{{% if \"{name}\" in draft.optional_clauses %}}'"))
        for directive in found:
            parts = (directive.id or "").split(".")
            if parts[0] == "opt" and len(parts) > 1 and parts[1] not in declared:
                findings.append(Finding(str(path), directive.line, f"clause id '{directive.id}' is an optional "
                                        f"clause '{parts[1]}' that manifest.toml does not declare ([optional.{parts[1]}])"))
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
            strings = any(isinstance(c.value, str) and id(c) not in arguments for c in node.node.find_all(nodes.Const))
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
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name in CONTEXT_NAMES:
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
        for child in node.iter_child_nodes():
            visit(child)

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
                    findings.append(Finding(str(folder / f"{other}.j2"), other_line,
                                            f"clause '{clause_id}': placeholder '{ref}' is in {lang}.j2 but not "
                                            f"in {other}.j2"))
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
                    findings.append(Finding(str(folder / f"{lang}.j2"), directive.line,
                                            f"clause id '{directive.id}' is missing in {other}.j2"))
            for path in sorted(used[lang] - used[other]):
                findings.append(Finding(str(folder / f"{other}.j2"), 1,
                                        f"placeholder '{path}' is used in {lang}.j2 but not in {other}.j2"))
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
