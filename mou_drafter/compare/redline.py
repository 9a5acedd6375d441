"""A comparison as a Word document with real tracked changes (``w:ins``/``w:del`` with author and
date): accepting all changes gives the new version's text, rejecting all gives the old one.

One paragraph per clause, in the new order; a removed clause stands where it stood, its text and
its paragraph mark deleted; an added clause has its text and paragraph mark inserted; a moved
clause is deleted at its old place and inserted at its new one.
"""

from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher
from itertools import count
from xml.sax.saxutils import escape

from ..render import oxml as x
from ..render.docx import package_docx
from ..settings import FontSettings
from .align import Comparison, Span

AUTHOR = "MoU Drafter"


class _Marks:
    def __init__(self, author: str, when: dt.datetime) -> None:
        self.ids = count(1)
        self.attrs_tail = f'w:author="{escape(author, {chr(34): "&quot;"})}" w:date="{when.strftime("%Y-%m-%dT%H:%M:%SZ")}"'

    def attrs(self) -> str:
        return f'w:id="{next(self.ids)}" {self.attrs_tail}'


def _run(text: str, rpr: str, deleted: bool) -> str:
    tag = "w:delText" if deleted else "w:t"
    parts = []
    for i, piece in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        if piece:
            parts.append(f'<{tag} xml:space="preserve">{escape(piece)}</{tag}>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def _spans_xml(spans: list[Span], lang: str, fonts: FontSettings, marks: _Marks, style: x.RunStyle) -> str:
    out = []
    for span in spans:
        for segment, seg_lang in x.script_segments(span.text, lang):
            rpr = x.rpr(seg_lang, fonts, style)
            if span.kind == "equal":
                out.append(_run(segment, rpr, False))
            elif span.kind == "delete":
                out.append(f"<w:del {marks.attrs()}>{_run(segment, rpr, True)}</w:del>")
            else:
                out.append(f"<w:ins {marks.attrs()}>{_run(segment, rpr, False)}</w:ins>")
    return "".join(out)


def _paragraph(content: str, mark: str = "") -> str:
    """A paragraph; ``mark`` is ``<w:ins …/>`` or ``<w:del …/>`` for an inserted/deleted paragraph mark."""
    rpr = f"<w:rPr>{mark}</w:rPr>" if mark else ""
    return f'<w:p><w:pPr><w:spacing w:after="120"/>{rpr}</w:pPr>{content}</w:p>'


def redline_docx(comparison: Comparison, fonts: FontSettings | None = None, *, author: str = AUTHOR,
                 when: dt.datetime | None = None) -> bytes:
    fonts = fonts or FontSettings()
    lang = comparison.language
    marks = _Marks(author, when or dt.datetime.now(dt.timezone.utc))
    style = x.RunStyle()
    body = [
        _paragraph(x.runs(f"{comparison.old_label} → {comparison.new_label}", "en" if lang == "lo" else lang,
                          fonts, x.RunStyle(bold=True)))
    ]
    by_id = {d.id: d for d in comparison.clauses if d.old is not None and d.new is not None}
    old_ids = [c.id for c in comparison.old_clauses]
    new_ids = [c.id for c in comparison.new_clauses]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old_ids, new_ids, autojunk=False).get_opcodes():
        if op == "equal":
            for cid in new_ids[j1:j2]:
                body.append(_paragraph(_spans_xml(by_id[cid].spans, lang, fonts, marks, style)))
            continue
        # removed or moved away: text and paragraph mark deleted where the clause stood
        for clause in comparison.old_clauses[i1:i2]:
            spans = [Span("delete", clause.text)] if clause.text else []
            body.append(_paragraph(_spans_xml(spans, lang, fonts, marks, style), f"<w:del {marks.attrs()}/>"))
        # added or moved here: text and paragraph mark inserted
        for clause in comparison.new_clauses[j1:j2]:
            spans = [Span("insert", clause.text)] if clause.text else []
            body.append(_paragraph(_spans_xml(spans, lang, fonts, marks, style), f"<w:ins {marks.attrs()}/>"))
    body.append(_paragraph(""))
    main_lang = lang if lang != "lo" else "vi"
    return package_docx("".join(body), fonts, main_lang, title=f"{comparison.old_label} → {comparison.new_label}",
                        description=f"comparison in {lang}")


def plain_lines(clauses_text: list[str]) -> list[str]:
    """The non-empty lines of a sequence of clause texts: what a word processor's text export of the
    accepted or rejected redline shows."""
    return [line.strip() for text in clauses_text for line in text.split("\n") if line.strip()]
