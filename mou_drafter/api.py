"""The public operations, shared by the command line and the desktop app (no Qt here)."""

from __future__ import annotations

import os
from pathlib import Path

from .document import Document
from .errors import UsageError
from .model.draft import DOCUMENT_TYPES, LANGUAGES, Draft, Party
from .render.docx import LAYOUTS
from .settings import FontSettings
from .templating.library import TemplateVersion

FORMATS = ("docx", "html", "txt")


def new_draft(kind: str = "mou", languages: list[str] | None = None) -> Draft:
    """An empty draft of ``kind`` with a Vietnamese and a Lao party to fill in."""
    if kind not in ("mou", "minutes"):
        raise UsageError(f"kind must be mou or minutes, not {kind!r}")
    draft = Draft(kind=kind, languages=languages or ["vi", "lo"], document_type=DOCUMENT_TYPES[kind][0],
                  parties=[Party(country="VN"), Party(country="LA")])
    if kind == "minutes" and draft.minutes is not None:
        from .model.draft import Delegation

        draft.minutes.delegations = [Delegation(party=p.id) for p in draft.parties]
        draft.minutes.conference.host = draft.parties[0].id
    return draft


def check_options(layout: str, fmt: str, languages: list[str] | None) -> None:
    if layout not in LAYOUTS:
        raise UsageError(f"--layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if languages is not None:
        bad = [lang for lang in languages if lang not in LANGUAGES]
        if bad:
            raise UsageError(f"--languages: unknown language {bad[0]!r}; use vi, lo and/or en")
        if not languages or len(set(languages)) != len(languages):
            raise UsageError("--languages: give one to three different languages, e.g. vi,lo")


def render_document(draft: Draft, languages: list[str] | None = None,
                    template: str | TemplateVersion | None = None, *, layout: str = "side-by-side",
                    export_languages: list[str] | None = None) -> Document:
    """The document model of ``draft`` in ``languages``, rendered through its template (or
    ``template``) for an export in ``layout`` of ``export_languages`` (default: ``languages``):
    the closing clause describes that export (see :class:`mou_drafter.templating.engine.Export`)."""
    from .templating.engine import Export, build_document

    langs = list(languages or draft.languages)
    export = Export(layout, tuple(export_languages or langs))
    return build_document(draft, langs, template, export)


def render_documents(draft: Draft, layout: str, languages: list[str] | None = None,
                     template: str | TemplateVersion | None = None) -> dict[str, Document]:
    """The documents of one export: ``{"": doc}``, or ``{lang: doc}`` for ``separate`` — one file per
    language, each rendered on its own so its closing clause speaks of that file."""
    langs = list(languages or draft.languages)
    if layout == "separate":
        return {lang: render_document(draft, [lang], template, layout=layout, export_languages=langs)
                for lang in langs}
    return {"": render_document(draft, langs, template, layout=layout)}


def render_to_bytes(draft: Draft, *, fmt: str = "docx", layout: str = "side-by-side",
                    languages: list[str] | None = None, template: str | TemplateVersion | None = None,
                    fonts: FontSettings | None = None) -> dict[str, bytes]:
    """Render to bytes: ``{"": data}``, or ``{lang: data}`` for the ``separate`` layout."""
    check_options(layout, fmt, languages)
    docs = render_documents(draft, layout, languages, template)
    if fmt == "docx":
        from .render.docx import render_docx

        out: dict[str, bytes] = {}
        for doc in docs.values():
            out.update(render_docx(doc, layout, doc.languages, fonts))
        return out
    sub_layout = "sequential" if layout == "separate" else layout
    if fmt == "html":
        from .render.html import render_html

        return {k: render_html(doc, sub_layout, doc.languages, fonts).encode("utf-8") for k, doc in docs.items()}
    from .render.text import render_text

    return {k: render_text(doc, sub_layout, doc.languages).encode("utf-8") for k, doc in docs.items()}


def output_paths(path: str | os.PathLike[str], keys: list[str]) -> dict[str, Path]:
    """``out.docx`` for a single file; ``out.vi.docx``, ``out.lo.docx`` for one file per language."""
    base = Path(path)
    return {key: base if not key else base.with_name(f"{base.stem}.{key}{base.suffix}") for key in keys}


def render_to_path(draft: Draft, path: str | os.PathLike[str], *, fmt: str | None = None,
                   layout: str = "side-by-side", languages: list[str] | None = None,
                   template: str | TemplateVersion | None = None,
                   fonts: FontSettings | None = None) -> list[Path]:
    """Render and write atomically; returns the files written. ``fmt`` defaults to the suffix."""
    from .model.atomic_write import atomic_write_bytes

    target = Path(path)
    if fmt is None:
        fmt = target.suffix.lstrip(".").lower() or "docx"
        if fmt not in FORMATS:
            raise UsageError(f"{target}: cannot tell the format from the extension; use .docx, .html or .txt")
    data = render_to_bytes(draft, fmt=fmt, layout=layout, languages=languages, template=template, fonts=fonts)
    paths = output_paths(target, list(data))
    return [atomic_write_bytes(paths[key], content) for key, content in data.items()]
