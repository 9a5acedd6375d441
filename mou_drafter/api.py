"""The public operations, shared by the command line and the desktop app (no Qt here)."""

from __future__ import annotations

import os
from pathlib import Path

from .document import Document
from .errors import UsageError
from .model.draft import DOCUMENT_TYPES, Draft, Party
from .render.options import FORMATS, LAYOUTS, Fonts, Format, Layout, RenderOptions, check_format, format_for
from .templating.library import TemplateLibrary, TemplateVersion, default_library

__all__ = ["FORMATS", "LAYOUTS", "Fonts", "Format", "Layout", "RenderOptions", "TemplateLibrary", "TemplateVersion",
           "default_library", "new_draft", "output_paths", "render_document", "render_documents", "render_to_bytes",
           "render_to_path"]


def new_draft(kind: str = "mou", languages: list[str] | None = None) -> Draft:
    """An empty draft of ``kind`` with a Vietnamese and a Lao party to fill in."""
    if kind not in ("mou", "minutes"):
        raise UsageError(f"kind must be mou or minutes, not {kind!r}")
    if languages is not None:
        RenderOptions(languages=tuple(languages))  # the same check as an export's languages
    draft = Draft(kind=kind, languages=languages or ["vi", "lo"], document_type=DOCUMENT_TYPES[kind][0],
                  parties=[Party(country="VN"), Party(country="LA")])
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
