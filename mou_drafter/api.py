"""The public operations, shared by the command line and the desktop app (no Qt here).

Drafts (:func:`new_draft`, :func:`load_draft`, :func:`save_draft`, :func:`validate_draft`,
:func:`export_problems`), language integrity (:func:`term_list`, :func:`fix_issue`,
:func:`edit_text`, :func:`confirm_translation`, :func:`detect_legacy_encoding`,
:func:`thai_to_lao`; ``docs/language-checks.md``), exports (:func:`render_to_path`, :func:`render_to_bytes`,
:func:`render_document`) with typed :class:`RenderOptions`, templates (:class:`TemplateLibrary`,
:func:`list_templates`, :func:`upgrade_for`, :func:`lint_templates`) and comparisons of template
versions (:func:`compare_versions`, :func:`comparison_html`, :func:`comparison_text`,
:func:`comparison_docx`, :func:`write_comparison`), documents that travel (:func:`open_docx`,
:func:`docx_edits`, :func:`edits_report`, :func:`take_back`, :func:`next_draft`,
:func:`override_problems`), optional clauses (:func:`optional_clauses`,
:func:`optional_clause_preview`) and PDF (:func:`pdf_converter_name`; ``fmt="pdf"``). The command line and the app call these, not
the modules behind them; the app may still import the model and document types it shows.

Every function that needs templates takes ``library``; without one, :func:`default_library` (the
built-in templates and the user's template folder) is used. Nothing here reads the settings file.
Importing this module loads neither python-docx nor Qt: the DOCX writer is imported when a DOCX
is made.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .compare.align import Comparison
from .document import Document
from .errors import UsageError
from .language.legacy import Detection
from .language.legacy import detect as detect_legacy_encoding
from .language.scripts import thai_to_lao
from .language.terms import Term, TermList, TermListError, load_term_list
from .model.atomic_write import remove_leftovers, same_file
from .model.draft import DOCUMENT_TYPES, Draft, Party
from .model.files import DRAFT_SUFFIX, UnsavedCopy, complete_leftovers, load_draft, save_draft
from .model.files import json_schema as draft_schema
from .model.paths import set_path
from .model.translations import confirm_translation, edit_text, record_all, stale_languages
from .model.validation import Issue, export_problems, has_errors
from .model.validation import validate_draft as _validate_draft
from .render.options import (
    FORMATS,
    LAYOUTS,
    ORIGINALS,
    Fonts,
    Format,
    Layout,
    Originals,
    RenderOptions,
    check_format,
    format_for,
)
from .templating.library import TemplateLibrary, TemplateProblem, TemplateVersion, default_library

if TYPE_CHECKING:
    import threading

    from .compare.edits import WordEdits
    from .render.pages import (
        Pages,
        Word,  # noqa: F401 - for the app's type hints (api.Word)
    )
    from .render.record import ExportRecord
    from .templating.lint import Finding

__all__ = [
    "Comparison",
    "Detection",
    "Document",
    "FORMATS",
    "Fonts",
    "Format",
    "ImportedDocx",
    "Issue",
    "LAYOUTS",
    "Layout",
    "ORIGINALS",
    "OptionalClause",
    "Originals",
    "Preview",
    "RenderOptions",
    "TemplateLibrary",
    "TemplateProblem",
    "TemplateVersion",
    "Term",
    "TermList",
    "TermListError",
    "UnsavedCopy",
    "check_output_path",
    "compare_versions",
    "comparison_docx",
    "comparison_html",
    "comparison_summary",
    "comparison_text",
    "complete_leftovers",
    "confirm_translation",
    "default_library",
    "detect_legacy_encoding",
    "document_checks",
    "docx_edits",
    "draft_schema",
    "edit_text",
    "edits_comparison",
    "edits_report",
    "export_problems",
    "fix_issue",
    "format_amount",
    "format_for",
    "has_errors",
    "issues_as_json",
    "lint_templates",
    "list_templates",
    "load_draft",
    "missing_page_tools",
    "new_draft",
    "next_draft",
    "open_docx",
    "optional_clause_preview",
    "optional_clauses",
    "output_paths",
    "page_images",
    "pdf_converter_name",
    "preview",
    "printed_values",
    "record_all",
    "remove_leftovers",
    "render_document",
    "render_documents",
    "render_pages",
    "render_to_bytes",
    "render_to_path",
    "save_draft",
    "stale_languages",
    "take_back",
    "template_problems",
    "term_list",
    "thai_to_lao",
    "upgrade_for",
    "validate_draft",
    "write_comparison",
]


def new_draft(
    kind: str = "mou", languages: list[str] | None = None, *, library: TemplateLibrary | None = None
) -> Draft:
    """An empty draft of ``kind`` with a Vietnamese and a Lao party to fill in, pinned to the
    newest approved template version of its kind in ``library``."""
    if kind not in ("mou", "minutes"):
        raise UsageError(f"kind must be mou or minutes, not {kind!r}")
    if languages is not None:
        RenderOptions(languages=tuple(languages))  # the same check as an export's languages
    template = (library or default_library()).newest(kind).ref
    draft = Draft(
        kind=kind,
        template=template,
        languages=languages or ["vi", "lo"],
        document_type=DOCUMENT_TYPES[kind][0],
        parties=[Party(country="VN"), Party(country="LA")],
    )
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


def validate_draft(
    draft: Draft,
    *,
    library: TemplateLibrary | None = None,
    terms: TermList | None = None,
    language: bool = True,
) -> list[Issue]:
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
    return [
        {"severity": i.severity, "path": i.path, "code": i.code, "message": i.message(ui_language)}
        for i in issues
    ]


def render_document(
    draft: Draft,
    options: RenderOptions | None = None,
    *,
    language: str | None = None,
    template: TemplateVersion | None = None,
    library: TemplateLibrary | None = None,
) -> Document:
    """The document model of ``draft`` for the export ``options`` describe, rendered through the
    draft's template (or ``options.template``, or ``template``): all exported languages in one
    document, or with ``language``, the one file of that language (the ``separate`` layout). The
    closing clause describes the whole export (see :class:`mou_drafter.templating.engine.Export`)."""
    from .templating.engine import Export, build_document

    options = options or RenderOptions()
    langs = options.languages_of(draft)
    export = Export(options.layout, tuple(langs))
    return build_document(
        draft,
        [language] if language else langs,
        template or options.template or None,
        export,
        library=library,
    )


def render_documents(
    draft: Draft, options: RenderOptions | None = None, *, library: TemplateLibrary | None = None
) -> dict[str, Document]:
    """The documents of one export: ``{"": doc}``, or ``{lang: doc}`` for ``separate`` — one file per
    language, each rendered on its own so its closing clause speaks of that file — or, with one
    original per party (``originals="alternat"``), ``{party id: doc}``, each with that party first."""
    options = options or RenderOptions()
    library = library or default_library()
    if options.originals == "alternat":
        from .model.originals import party_first

        out = {}
        for party in draft.parties:
            arranged, languages = party_first(draft, party.id, options.languages_of(draft))
            out[party.id] = render_document(
                arranged, options.with_changes(languages=tuple(languages)), library=library
            )
        return out
    if options.layout == "separate":
        return {
            lang: render_document(draft, options, language=lang, library=library)
            for lang in options.languages_of(draft)
        }
    return {"": render_document(draft, options, library=library)}


def _carried(draft: Draft, options: RenderOptions, party: str) -> ExportRecord:
    """What every exported DOCX carries about the export: the draft and the languages."""
    import json

    from . import __version__
    from .render.record import ExportRecord

    languages = options.languages_of(draft)
    if party:
        from .model.originals import languages_for

        own = draft.party_by_id(party)
        if own is not None:  # the caller's party ids are the draft's
            languages = languages_for(own, languages)
    return ExportRecord(
        template="",
        layout=options.layout,
        languages=(),
        export_languages=tuple(languages),
        draft_json=json.dumps(draft.model_dump(mode="json"), ensure_ascii=True),
        party=party,
        app_version=__version__,
    )


def render_to_bytes(
    draft: Draft,
    options: RenderOptions | None = None,
    *,
    fmt: Format = "docx",
    library: TemplateLibrary | None = None,
) -> dict[str, bytes]:
    """Render to bytes in ``fmt``: ``{"": data}``, or ``{lang: data}`` for the ``separate`` layout,
    or ``{party id: data}`` for one original per party. Templates are looked up in ``library``
    (default: :func:`default_library`). Every DOCX carries the draft it was made from (see
    :func:`open_docx`); PDF is the DOCX printed by LibreOffice or Word (:func:`pdf_converter_name`;
    :class:`~mou_drafter.errors.NoPdfConverter` when neither is installed)."""
    options = options or RenderOptions()
    fmt = check_format(fmt)
    with _no_cycle_collection():
        out = _render(draft, options, fmt, library)
    if fmt == "pdf":  # LibreOffice or Word prints it, with the collector back on
        from .render.pdf import docx_to_pdf

        return docx_to_pdf(out, pdf_a=options.pdf_a)
    return out


def _render(
    draft: Draft, options: RenderOptions, fmt: Format, library: TemplateLibrary | None
) -> dict[str, bytes]:
    docs = render_documents(draft, options, library=library)
    if fmt in ("docx", "pdf"):
        from .render.docx import render_docx

        out: dict[str, bytes] = {}
        for key, doc in docs.items():
            party = key if options.originals == "alternat" else ""
            files = render_docx(doc, options, carry=_carried(draft, options, party))
            out.update({party: files[""]} if party else files)  # one file per original
        return out  # for "pdf", the DOCX files to print
    if fmt == "html":
        from .render.html import render_html
        from .templating.formatting import currency_names

        keep = currency_names()
        return {k: render_html(doc, options, keep_together=keep).encode("utf-8") for k, doc in docs.items()}
    from .render.text import render_text

    return {k: render_text(doc, options).encode("utf-8") for k, doc in docs.items()}


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while a document is rendered, as Mercurial does while it
    builds large containers (``util.nogc``). A render makes tens of thousands of containers (the
    draft's data in each language, blocks, rows, run properties) that live until it ends, and
    each collection of the oldest generation walks every object alive: it ran about once in eight
    renders of a 50-party draft and once in four of a 100-party one, each time longer, so its cost
    grew with the square of the draft (``benchmarks/bench_render.py``). Reference counting still
    frees everything as usual (the render's objects are gone, with its frames, before the
    collector is back on); the few hundred objects in cycles a render leaves (Jinja's) are
    collected afterwards. Left alone when the application has switched it off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def output_paths(path: str | os.PathLike[str], keys: list[str]) -> dict[str, Path]:
    """``out.docx`` for a single file; ``out.vi.docx``, ``out.lo.docx`` for one file per language;
    ``out.dakglei.docx`` … for one original per party (named by party id)."""
    base = Path(path)
    return {key: base if not key else base.with_name(f"{base.stem}.{key}{base.suffix}") for key in keys}


def check_output_path(path: str | os.PathLike[str], *, source: str | os.PathLike[str] | None = None) -> Path:
    """Refuse (:class:`UsageError`) an output that would overwrite a draft: a ``.moud`` name, or
    the draft file ``source`` itself (also through a link or another name for it)."""
    target = Path(path)
    if source is not None and same_file(target, source):
        raise UsageError(
            f"{target}: that is the draft file being exported ({source}); choose another name for "
            "the output. The draft was not changed."
        )
    if target.suffix.lower() == DRAFT_SUFFIX:
        raise UsageError(
            f"{target}: an export must not be written over a draft file ({DRAFT_SUFFIX}); choose a name "
            "ending in .docx, .html or .txt"
        )
    return target


def render_to_path(
    draft: Draft,
    path: str | os.PathLike[str],
    options: RenderOptions | None = None,
    *,
    fmt: Format | None = None,
    library: TemplateLibrary | None = None,
    source: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Render and write atomically; returns the files written. ``fmt`` defaults to the suffix.
    ``source``: the draft's file, which an output may not overwrite (:func:`check_output_path`)."""
    from .model.atomic_write import atomic_write_bytes

    check_output_path(path, source=source)
    fmt = format_for(path, fmt)
    data = render_to_bytes(draft, options, fmt=fmt, library=library)
    paths = output_paths(path, list(data))
    for target in paths.values():
        check_output_path(target, source=source)
    return [atomic_write_bytes(paths[key], content) for key, content in data.items()]


# -- pages, as printed ---------------------------------------------------------------------------


def missing_page_tools() -> list[str]:
    """What :func:`render_pages` needs and this computer lacks (``LibreOffice``, ``pdftoppm``,
    ``pdftotext``); empty when pages can be made."""
    from .render.pages import missing_tools

    return missing_tools()


def printed_values(draft: Draft, languages: list[str]) -> dict[str, list[tuple[str, str]]]:
    """What of ``draft`` the documents print, per language, as ``(field path, text)``: the texts the
    clerk typed, and the dates and amounts as the documents write them."""
    import datetime as dt

    from pydantic import BaseModel

    from .model.paths import texts_by_path
    from .templating.formatting import format_amount as amount_text
    from .templating.formatting import format_date, format_date_short

    values: dict[str, list[tuple[str, str]]] = {lang: [] for lang in languages}
    for path, text in texts_by_path(draft):
        lang = path.rpartition(".")[2]
        if lang in values:
            values[lang].append((path, text))

    def data(node: object, path: str) -> None:
        if isinstance(node, dt.date):
            for lang in languages:
                values[lang] += [
                    (path, format_date(node, lang, prefix=False)),
                    (path, format_date_short(node, lang)),
                ]
        elif isinstance(node, BaseModel):
            if isinstance(getattr(node, "amount", None), Decimal) and isinstance(
                getattr(node, "currency", None), str
            ):
                # a contribution (an item of a list) has its amount field; an equivalent (Money) is one field
                target = f"{path}.amount" if path.endswith("]") else path
                for lang in languages:
                    values[lang].append((target, amount_text(node.amount, node.currency, lang)))  # type: ignore[attr-defined]
            for name in type(node).model_fields:
                data(getattr(node, name), f"{path}.{name}" if path else name)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                data(item, f"{path}[{index}]")

    data(draft, "")
    return values


@dataclass(frozen=True)
class Preview:
    """The live preview of a draft: its HTML, the clause ids in the order they are shown, and for
    each printed field the clause that first prints it (what the preview scrolls to)."""

    html: str
    clauses: list[str]
    fields: dict[str, str]


def preview(
    draft: Draft, options: RenderOptions | None = None, *, library: TemplateLibrary | None = None
) -> Preview:
    """The draft as the app's live preview shows it (one document: side by side or one language
    after another), with where each clause and field is."""
    from .render.html import render_html
    from .render.pages import field_clauses
    from .templating.formatting import currency_names

    options = options or RenderOptions()
    document = render_document(draft, options, library=library)
    html = render_html(document, options, keep_together=currency_names())
    clauses = list(dict.fromkeys(block.id for lang in document.languages for block in document.texts[lang]))
    return Preview(html, clauses, field_clauses(document, printed_values(draft, list(document.languages))))


def render_pages(
    draft: Draft,
    folder: str | os.PathLike[str],
    options: RenderOptions | None = None,
    *,
    dpi: float = 0,
    images: bool = True,
    library: TemplateLibrary | None = None,
    profile: str | os.PathLike[str] | None = None,
    cancel: threading.Event | None = None,
) -> Pages:
    """The export ``options`` describe (side by side or one language after another: one document)
    as printed, in ``folder``: converted by LibreOffice, one image per page (``dpi``; none without
    ``images``: :func:`page_images` makes them), the printed words traced to clause ids and field
    paths. Setting ``cancel`` stops it (``Cancelled``)."""
    from .render.docx import render_docx
    from .render.pages import DEFAULT_DPI
    from .render.pages import render_pages as pages

    options = options or RenderOptions()
    if options.layout == "separate":
        raise UsageError("pages are shown for one document: layout side-by-side or sequential, not separate")
    document = render_document(draft, options, library=library)
    docx = render_docx(document, options)[""]
    return pages(
        docx,
        Path(folder),
        document,
        printed_values(draft, list(document.languages)),
        dpi=dpi or DEFAULT_DPI,
        images=images,
        profile=Path(profile) if profile else None,
        cancel=cancel,
    )


def page_images(
    pages: Pages, folder: str | os.PathLike[str], dpi: float, *, cancel: threading.Event | None = None
) -> list[Path]:
    """The pages of ``pages`` (its PDF) as images at ``dpi`` (a fraction allowed), in ``folder``;
    setting ``cancel`` stops it (``Cancelled``)."""
    from .render.pages import page_images as images

    return images(pages.pdf, Path(folder), dpi, cancel=cancel)


def format_amount(amount: Decimal | int | None, currency: str, lang: str) -> str:
    """An amount as the documents write it in ``lang``: ``585.000.000 đồng``, ``VND 585,000,000``."""
    from .templating.formatting import format_amount as formatted

    return formatted(amount, currency, lang)


# -- templates ------------------------------------------------------------------------------------


def list_templates(library: TemplateLibrary | None = None) -> list[TemplateVersion]:
    """Every template version in ``library``, sorted by name and version."""
    return (library or default_library()).versions()


def template_problems(library: TemplateLibrary | None = None) -> list[TemplateProblem]:
    """The template folders of ``library`` that were skipped (damaged or unreadable manifest, names
    not matching the folder, unreadable folder, ...), each with its path and why."""
    return (library or default_library()).problems()


def upgrade_for(draft: Draft, library: TemplateLibrary | None = None) -> TemplateVersion | None:
    """The newest approved version of the draft's template newer than the one it uses, or
    ``None`` (what the app offers to move a draft to when it opens it)."""
    return (library or default_library()).upgrade_for(draft.template)


def lint_templates(
    path: str | os.PathLike[str] | None = None, *, library: TemplateLibrary | None = None
) -> list[Finding]:
    """Lint a template version folder, a folder of templates, or (without ``path``) every folder
    of ``library``: one finding per problem, ``file:line: message``."""
    from .templating.lint import lint_path

    if path is not None:
        target = Path(path)
        if not target.exists():
            raise UsageError(f"{target}: no such folder")
        return lint_path(target)
    from .templating.lint import Finding

    library = library or default_library()
    findings = [finding for _source, root in library.roots if root.is_dir() for finding in lint_path(root)]
    # what lint of the folders does not see: folders it cannot read, versions without a manifest,
    # a shared folder not found, a version hidden by the same one in an earlier folder
    for problem in library.problems():
        if not problem.message.startswith(str(problem.folder / "manifest.toml")):
            findings.append(
                Finding(str(problem.folder), 0, problem.message.removeprefix(f"{problem.folder}: "))
            )
    return findings


# -- comparing template versions ---------------------------------------------------------------


def compare_versions(
    old: str, new: str, language: str, draft: Draft | None = None, *, library: TemplateLibrary | None = None
) -> Comparison:
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


def write_comparison(
    comparison: Comparison,
    path: str | os.PathLike[str],
    *,
    fonts: Fonts | None = None,
    source: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the comparison atomically as ``.html``, ``.txt`` or ``.docx`` (by the extension);
    never over the draft file ``source`` it was rendered with."""
    from .model.atomic_write import atomic_write_bytes

    target = check_output_path(path, source=source)
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


# -- documents that travel: a DOCX back as its draft, edits made in Word -----------------------


@dataclass(frozen=True)
class ImportedDocx:
    """An exported DOCX read back: the draft it carries (exactly as exported), what the export
    was (template, layout, languages, party), and the file's bytes (for :func:`docx_edits`)."""

    path: Path
    draft: Draft
    record: ExportRecord
    data: bytes = field(repr=False)


#: Largest Word file read as a draft (a 600-party export is a few MB).
MAX_DOCX_BYTES = 100 * 1024 * 1024


def open_docx(path: str | os.PathLike[str]) -> ImportedDocx:
    """The draft an exported DOCX carries (the JSON of the returned draft equals the JSON of the
    draft exported). A Word file from elsewhere raises
    :class:`~mou_drafter.errors.NoDraftInDocument` with a message saying so; a damaged file or a
    damaged stored draft a :class:`~mou_drafter.errors.DraftFileError` naming the file."""
    from .errors import NoDraftInDocument
    from .model.files import parse_draft, read_file
    from .render.record import find_record

    source = Path(path)
    data = read_file(source, limit=MAX_DOCX_BYTES, what="a Word document", locked="is it open in Word?")
    record = find_record(data, str(source))
    if record is None:
        raise NoDraftInDocument(
            f"{source}: this Word document holds no MoU Drafter draft, so it cannot be opened as one: it was "
            "not exported by MoU Drafter (or by an older version, which did not store the draft in it). Open "
            "the draft (.moud) it was made from, or start a new draft and copy the text across."
        )
    draft = parse_draft(record.draft_json.encode("utf-8"), f"{source} (the draft stored in it)")
    return ImportedDocx(source, draft, record, data)


def docx_edits(imported: ImportedDocx, *, library: TemplateLibrary | None = None) -> WordEdits:
    """What was changed in Word since the DOCX was exported, per clause and language, each change
    sorted as typed text (to take back into the draft), template wording (kept as an override),
    computed text (dates, numbers: change them in the form) or a removed clause."""
    from .compare.edits import word_edits

    return word_edits(
        imported.data,
        imported.record,
        imported.draft,
        source=str(imported.path),
        library=library or default_library(),
    )


def edits_report(edits: WordEdits) -> str:
    """The changes as text: one line per change with its clause, language and kind."""
    from .compare.edits import report_text

    return report_text(edits)


def edits_comparison(edits: WordEdits, language: str) -> Comparison:
    """The changes made in Word in one language as a comparison of clauses (as exported → as in
    the file), word by word, for the comparison view (:func:`comparison_html`)."""
    from .compare.align import Clause, ClauseDiff, Span

    clauses = []
    for edit in edits.clauses:
        if edit.lang != language:
            continue
        old = Clause(edit.clause, edit.exported, edit.kind or "para")
        if edit.current is None:
            clauses.append(ClauseDiff(edit.clause, "removed", old, None, [Span("delete", edit.exported)]))
        else:
            clauses.append(
                ClauseDiff(
                    edit.clause, "changed", old, Clause(edit.clause, edit.current, old.kind), list(edit.spans)
                )
            )
    name = edits.source.replace("\\", "/").rsplit("/", 1)[-1]
    return Comparison(language, edits.record.template or name, name, clauses)


def take_back(
    edits: WordEdits, accept: Iterable[int] | None = None, *, keep_template: bool = True
) -> tuple[Draft, list[str]]:
    """The draft with the chosen changes of typed texts (by :attr:`Change.index`; ``None``: all
    that can be taken) written into its fields and, with ``keep_template``, the changes of template
    wording kept as per-draft overrides of their clauses; and notes on what was not taken."""
    from .compare.edits import take_back as taken

    return taken(edits, None if accept is None else set(accept), keep_template=keep_template)


def next_draft(
    draft: Draft, *, library: TemplateLibrary | None = None
) -> tuple[Draft, TemplateVersion | None]:
    """ "New from this document": next year's draft from this one — the same parties, areas,
    delegations and texts, every date cleared, the document number cleared, the conference
    ordinal one higher (minutes: the next conference's host and place become the conference's),
    moved to the newest approved version of its template when there is a newer one. Returns the
    new draft and the version it was moved from (``None``: not moved), so the app can show the
    comparison as it does when it offers the move."""
    new = draft.model_copy(deep=True)
    new.number = ""
    new.period.start = new.period.end = None
    new.signing.date = None
    for obligation in new.obligations:
        obligation.due = None
    if new.minutes is not None:
        conference, following = new.minutes.conference, new.minutes.next_conference
        if conference.ordinal is not None and conference.ordinal < 1000:
            conference.ordinal += 1
        if following.host:
            conference.host = following.host
        if not following.place.is_empty():
            conference.venue = following.place.model_copy()
        conference.start = conference.end = None
        new.minutes.next_conference = type(following)()
    moved_from = None
    upgrade = upgrade_for(draft, library)
    if upgrade is not None:
        moved_from = (library or default_library()).find(draft.template)
        new.template = upgrade.ref
        offered = set(upgrade.manifest.optional)
        new.optional_clauses = [name for name in new.optional_clauses if name in offered]
    return new, moved_from


def document_checks(draft: Draft, *, library: TemplateLibrary | None = None) -> list[Issue]:
    """What only the draft's template can tell (:func:`validate_draft` reports the rest): optional
    clauses chosen that the template does not offer, and wording edited in Word (overrides) that
    no longer fits its clause, which is then printed as the template writes it."""
    library = library or default_library()
    issues = []
    offered = {clause.name for clause in optional_clauses(draft, library=library)}
    for index, name in enumerate(draft.optional_clauses):
        if name not in offered:
            issues.append(Issue("warning", f"optional_clauses[{index}]", "optional_unknown", value=name))
    if draft.overrides:
        languages = tuple(dict.fromkeys([*draft.languages, *(o.lang for o in draft.overrides)]))
        document = render_document(draft, RenderOptions(languages=languages), library=library)
        for index in document.unapplied_overrides:
            override = draft.overrides[index]
            issues.append(
                Issue(
                    "warning",
                    f"overrides[{index}]",
                    "override_stale",
                    value=override.clause,
                    lang=override.lang,
                )
            )
    return issues


# -- optional clauses ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionalClause:
    """An optional clause the draft's template offers: its name, its title per language and
    whether the draft chose it."""

    name: str
    titles: dict[str, str]
    chosen: bool

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles.get("vi") or self.name


def optional_clauses(draft: Draft, *, library: TemplateLibrary | None = None) -> list[OptionalClause]:
    """The optional clauses the draft's template version declares, in its order."""
    library = library or default_library()
    version = library.find(draft.template) if draft.template else library.newest(draft.kind)
    return [
        OptionalClause(name, dict(titles), name in draft.optional_clauses)
        for name, titles in version.manifest.optional.items()
    ]


def optional_clause_preview(
    draft: Draft, name: str, lang: str, *, library: TemplateLibrary | None = None
) -> str:
    """The text optional clause ``name`` would have in ``lang`` in this draft (chosen or not),
    with its article or section number as it would be."""
    from .templating.library import optional_clause_id

    chosen = draft.model_copy(update={"optional_clauses": [*draft.optional_clauses, name]})
    document = render_document(chosen, RenderOptions(languages=(lang,)), language=lang, library=library)
    clause = optional_clause_id(name)
    return "\n".join(
        document.clause_text(block)
        for block in document.texts[lang]
        if block.id == clause or block.id.startswith(clause + ".")
    )


def pdf_converter_name() -> str | None:
    """What would make a PDF here: ``"LibreOffice"``, ``"Microsoft Word"``, or ``None``."""
    from .render.pdf import find_converter

    converter = find_converter()
    return converter.name if converter is not None else None
