"""The public operations, shared by the command line and the desktop app (no Qt here).

Drafts (:func:`new_draft`, :func:`load_draft`, :func:`save_draft`, :func:`validate_draft`,
:func:`export_problems`), language integrity (:func:`term_list`, :func:`fix_issue`,
:func:`edit_text`, :func:`confirm_translation`, :func:`detect_legacy_encoding`,
:func:`thai_to_lao`; ``docs/language-checks.md``), exports (:func:`render_to_path`, :func:`render_to_bytes`,
:func:`render_document`) with typed :class:`RenderOptions`, templates (:class:`TemplateLibrary`,
:func:`list_templates`, :func:`upgrade_for`, :func:`lint_templates`) and comparisons of template
versions (:func:`compare_versions`, :func:`comparison_html`, :func:`comparison_text`,
:func:`comparison_docx`, :func:`write_comparison`). The command line and the app call these, not
the modules behind them; the app may still import the model and document types it shows.

Every function that needs templates takes ``library``; without one, :func:`default_library` (the
built-in templates and the user's template folder) is used. Nothing here reads the settings file.
Importing this module loads neither python-docx nor Qt: the DOCX writer is imported when a DOCX
is made.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .compare.align import Comparison
from .document import Document
from .errors import UsageError
from .model.draft import DOCUMENT_TYPES, Draft, Party
from .model.files import json_schema as draft_schema
from .model.files import load_draft, save_draft
from .language.legacy import Detection
from .language.legacy import detect as detect_legacy_encoding
from .language.scripts import thai_to_lao
from .language.terms import Term, TermList, TermListError, load_term_list
from .model.paths import set_path
from .model.translations import confirm_translation, edit_text, record_all, stale_languages
from .model.validation import Issue, export_problems, has_errors
from .model.validation import validate_draft as _validate_draft
from .render.options import FORMATS, LAYOUTS, Fonts, Format, Layout, RenderOptions, check_format, format_for
from .templating.library import TemplateLibrary, TemplateVersion, default_library

if TYPE_CHECKING:
    from .templating.lint import Finding

__all__ = [
    "FORMATS", "LAYOUTS", "Comparison", "Detection", "Document", "Fonts", "Format", "Issue", "Layout",
    "RenderOptions", "TemplateLibrary", "TemplateVersion", "Term", "TermList", "TermListError", "compare_versions",
    "comparison_docx", "comparison_html", "comparison_summary", "comparison_text", "confirm_translation",
    "default_library", "detect_legacy_encoding", "draft_schema", "edit_text", "export_problems", "fix_issue",
    "format_amount", "format_for", "has_errors", "issues_as_json", "lint_templates", "list_templates", "load_draft",
    "new_draft", "output_paths", "record_all", "render_document", "render_documents", "render_to_bytes",
    "render_to_path", "save_draft", "stale_languages", "term_list", "thai_to_lao", "upgrade_for", "validate_draft",
    "write_comparison",
]


def new_draft(kind: str = "mou", languages: list[str] | None = None, *,
              library: TemplateLibrary | None = None) -> Draft:
    """An empty draft of ``kind`` with a Vietnamese and a Lao party to fill in, pinned to the
    newest approved template version of its kind in ``library``."""
    if kind not in ("mou", "minutes"):
        raise UsageError(f"kind must be mou or minutes, not {kind!r}")
    if languages is not None:
        RenderOptions(languages=tuple(languages))  # the same check as an export's languages
    template = (library or default_library()).newest(kind).ref
    draft = Draft(kind=kind, template=template, languages=languages or ["vi", "lo"],
                  document_type=DOCUMENT_TYPES[kind][0], parties=[Party(country="VN"), Party(country="LA")])
    if kind == "minutes" and draft.minutes is not None:
        from .model.draft import Delegation

        draft.minutes.delegations = [Delegation(party=p.id) for p in draft.parties]
        draft.minutes.conference.host = draft.parties[0].id
    return draft


# -- checks -----------------------------------------------------------------------------------

_TERM_CACHE: dict[tuple, TermList] = {}


def term_list(library: TemplateLibrary | None = None) -> TermList:
    """The approved term list of ``library``'s folders: the built-in ``terms.csv``, then those of
    the user's and the shared template folder, later entries replacing earlier ones with the same
    Vietnamese text. Read again when a file changes. Raises :class:`TermListError` (file and line)
    for a file that cannot be read."""
    roots = (library or default_library()).roots
    files = []
    for source, root in roots:
        path = Path(root) / "terms.csv"
        try:
            files.append((source, str(path), path.stat().st_mtime_ns))
        except OSError:
            continue
    key = tuple(files)
    terms = _TERM_CACHE.get(key)
    if terms is None:
        terms = load_term_list(roots)
        _TERM_CACHE.clear()
        _TERM_CACHE[key] = terms
    return terms


def validate_draft(draft: Draft, *, library: TemplateLibrary | None = None, terms: TermList | None = None,
                   language: bool = True) -> list[Issue]:
    """Every finding of ``draft``: errors, then warnings, then information, each with its field
    path (see :mod:`mou_drafter.model.validation` and ``docs/language-checks.md``). The term list
    is ``terms``, or that of ``library`` (:func:`term_list`)."""
    if language and terms is None:
        terms = term_list(library)
    return _validate_draft(draft, terms=terms, language=language)


def fix_issue(draft: Draft, issue: Issue) -> bool:
    """Apply the fix an issue carries (Thai letters to Lao, a legacy encoding to Unicode) to the
    field at its path, recorded as an edit of that text; False when the issue has no fix."""
    if issue.fix is None:
        return False
    try:
        edit_text(draft, issue.path, issue.fix)
    except ValueError:
        set_path(draft, issue.path, issue.fix)
    return True


def issues_as_json(issues: list[Issue], ui_language: str = "en") -> list[dict[str, str]]:
    """Findings as ``validate --json`` prints them: ``{"severity", "path", "code", "message"}``,
    the message in ``ui_language``."""
    return [{"severity": i.severity, "path": i.path, "code": i.code, "message": i.message(ui_language)}
            for i in issues]


def render_document(draft: Draft, options: RenderOptions | None = None, *, language: str | None = None,
                    template: TemplateVersion | None = None, library: TemplateLibrary | None = None) -> Document:
    """The document model of ``draft`` for the export ``options`` describe, rendered through the
    draft's template (or ``options.template``, or ``template``): all exported languages in one
    document, or with ``language``, the one file of that language (the ``separate`` layout). The
    closing clause describes the whole export (see :class:`mou_drafter.templating.engine.Export`)."""
    from .templating.engine import Export, build_document

    options = options or RenderOptions()
    langs = options.languages_of(draft)
    export = Export(options.layout, tuple(langs))
    return build_document(draft, [language] if language else langs, template or options.template or None, export,
                          library=library)


def render_documents(draft: Draft, options: RenderOptions | None = None, *,
                     library: TemplateLibrary | None = None) -> dict[str, Document]:
    """The documents of one export: ``{"": doc}``, or ``{lang: doc}`` for ``separate`` — one file per
    language, each rendered on its own so its closing clause speaks of that file."""
    options = options or RenderOptions()
    library = library or default_library()
    if options.layout == "separate":
        return {lang: render_document(draft, options, language=lang, library=library)
                for lang in options.languages_of(draft)}
    return {"": render_document(draft, options, library=library)}


def render_to_bytes(draft: Draft, options: RenderOptions | None = None, *, fmt: Format = "docx",
                    library: TemplateLibrary | None = None) -> dict[str, bytes]:
    """Render to bytes in ``fmt``: ``{"": data}``, or ``{lang: data}`` for the ``separate`` layout.
    Templates are looked up in ``library`` (default: :func:`default_library`)."""
    options = options or RenderOptions()
    fmt = check_format(fmt)
    docs = render_documents(draft, options, library=library)
    if fmt == "docx":
        from .render.docx import render_docx

        out: dict[str, bytes] = {}
        for doc in docs.values():
            out.update(render_docx(doc, options))
        return out
    if fmt == "html":
        from .render.html import render_html

        return {k: render_html(doc, options).encode("utf-8") for k, doc in docs.items()}
    from .render.text import render_text

    return {k: render_text(doc, options).encode("utf-8") for k, doc in docs.items()}


def output_paths(path: str | os.PathLike[str], keys: list[str]) -> dict[str, Path]:
    """``out.docx`` for a single file; ``out.vi.docx``, ``out.lo.docx`` for one file per language."""
    base = Path(path)
    return {key: base if not key else base.with_name(f"{base.stem}.{key}{base.suffix}") for key in keys}


def render_to_path(draft: Draft, path: str | os.PathLike[str], options: RenderOptions | None = None, *,
                   fmt: Format | None = None, library: TemplateLibrary | None = None) -> list[Path]:
    """Render and write atomically; returns the files written. ``fmt`` defaults to the suffix."""
    from .model.atomic_write import atomic_write_bytes

    fmt = format_for(path, fmt)
    data = render_to_bytes(draft, options, fmt=fmt, library=library)
    paths = output_paths(path, list(data))
    return [atomic_write_bytes(paths[key], content) for key, content in data.items()]


def format_amount(amount: Decimal | int | None, currency: str, lang: str) -> str:
    """An amount as the documents write it in ``lang``: ``585.000.000 đồng``, ``VND 585,000,000``."""
    from .templating.formatting import format_amount as formatted

    return formatted(amount, currency, lang)


# -- templates ------------------------------------------------------------------------------------


def list_templates(library: TemplateLibrary | None = None) -> list[TemplateVersion]:
    """Every template version in ``library``, sorted by name and version."""
    return (library or default_library()).versions()


def upgrade_for(draft: Draft, library: TemplateLibrary | None = None) -> TemplateVersion | None:
    """The newest approved version of the draft's template newer than the one it uses, or
    ``None`` (what the app offers to move a draft to when it opens it)."""
    return (library or default_library()).upgrade_for(draft.template)


def lint_templates(path: str | os.PathLike[str] | None = None, *,
                   library: TemplateLibrary | None = None) -> list[Finding]:
    """Lint a template version folder, a folder of templates, or (without ``path``) every folder
    of ``library``: one finding per problem, ``file:line: message``."""
    from .templating.lint import lint_path

    if path is not None:
        target = Path(path)
        if not target.exists():
            raise UsageError(f"{target}: no such folder")
        return lint_path(target)
    library = library or default_library()
    return [finding for _source, root in library.roots if root.is_dir() for finding in lint_path(root)]


# -- comparing template versions ---------------------------------------------------------------


def compare_versions(old: str, new: str, language: str, draft: Draft | None = None, *,
                     library: TemplateLibrary | None = None) -> Comparison:
    """Compare ``name@old`` with ``name@new`` in ``language`` clause by clause and word by word:
    rendered with ``draft``'s data, or, without a draft, as template text with its placeholders."""
    from .compare.sources import compare_versions as compare

    return compare(old, new, language, draft, library=library)


def comparison_summary(comparison: Comparison) -> str:
    """One line: ``mou@1.1 → mou@1.2 (vi): 3 changed, 1 added, …``."""
    from .compare.report import summary

    return summary(comparison)


def comparison_text(comparison: Comparison, *, all_clauses: bool = False) -> str:
    """The changes as plain text, ``[-deleted-]{+inserted+}`` per changed clause."""
    from .compare.report import comparison_text as text

    return text(comparison, all_clauses=all_clauses)


def comparison_html(comparison: Comparison, *, labels: dict[str, str] | None = None) -> str:
    """The comparison side by side as an HTML page (``labels``: its words, translated)."""
    from .compare.report import comparison_html as html

    return html(comparison, labels=labels)


def comparison_docx(comparison: Comparison, fonts: Fonts | None = None) -> bytes:
    """The comparison as a Word document with tracked changes (accept all: the new text)."""
    from .compare.redline import redline_docx

    return redline_docx(comparison, fonts)


def write_comparison(comparison: Comparison, path: str | os.PathLike[str], *, fonts: Fonts | None = None) -> Path:
    """Write the comparison atomically as ``.html``, ``.txt`` or ``.docx`` (by the extension)."""
    from .model.atomic_write import atomic_write_bytes

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".html":
        data = comparison_html(comparison).encode("utf-8")
    elif suffix == ".txt":
        data = comparison_text(comparison).encode("utf-8")
    elif suffix == ".docx":
        data = comparison_docx(comparison, fonts)
    else:
        raise UsageError(f"{target}: the output must end in .html, .docx or .txt")
    return atomic_write_bytes(target, data)
