"""The public operations, shared by the command line and the desktop app (no Qt here).

Drafts (:func:`new_draft`, :func:`load_draft`, :func:`save_draft`, :func:`validate_draft`,
:func:`export_problems`), exports (:func:`render_to_path`, :func:`render_to_bytes`,
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

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .compare.align import Comparison
from .document import Document
from .errors import UsageError
from .model.draft import DOCUMENT_TYPES, Draft, Party
from .model.files import json_schema as draft_schema
from .model.files import load_draft, save_draft
from .model.validation import Issue, export_problems, has_errors, validate_draft
from .render.options import FORMATS, LAYOUTS, Fonts, Format, Layout, RenderOptions, check_format, format_for
from .templating.library import TemplateLibrary, TemplateVersion, default_library

if TYPE_CHECKING:
    from .templating.lint import Finding

__all__ = [
    "FORMATS", "LAYOUTS", "Comparison", "Document", "Fonts", "Format", "Issue", "Layout", "RenderOptions",
    "TemplateLibrary", "TemplateVersion", "compare_versions", "comparison_docx", "comparison_html",
    "comparison_summary", "comparison_text", "default_library", "draft_schema", "export_problems", "format_amount",
    "format_for", "has_errors", "lint_templates", "list_templates", "load_draft", "new_draft", "output_paths",
    "render_document", "render_documents", "render_to_bytes", "render_to_path", "save_draft", "upgrade_for",
    "validate_draft", "write_comparison",
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
    with _no_cycle_collection():
        return _render(draft, options, fmt, library)


def _render(draft: Draft, options: RenderOptions, fmt: Format, library: TemplateLibrary | None) -> dict[str, bytes]:
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
