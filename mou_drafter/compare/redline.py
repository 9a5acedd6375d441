"""A comparison as a Word document with real tracked changes (``w:ins``/``w:del`` with author and
date): accepting all changes gives the new version's text, rejecting all gives the old one.

One paragraph per clause, in the new order; a removed clause stands where it stood, its text and
its paragraph mark deleted; an added clause has its text and paragraph mark inserted; a moved
clause is deleted at its old place and inserted at its new one.
"""

from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher

from ..render import oxml as x
from ..render.docx import package_docx
from ..render.options import Fonts
from .align import Comparison, Span

AUTHOR = "MoU Drafter"


#: The tracked change each kind of span is.
_CHANGES: dict[str, x.Change | None] = {"equal": None, "delete": "delete", "insert": "insert"}


def _spans_xml(spans: list[Span], lang: str, fonts: Fonts, revisions: x.Revisions, style: x.RunStyle) -> str:
    return "".join(
        x.tracked_runs(span.text, lang, fonts, style, _CHANGES[span.kind], revisions) for span in spans
    )


def redline_docx(
    comparison: Comparison,
    fonts: Fonts | None = None,
    *,
    author: str = AUTHOR,
    when: dt.datetime | None = None,
) -> bytes:
    fonts = fonts or Fonts()
    lang = comparison.language
    revisions = x.Revisions(author, when or dt.datetime.now(dt.UTC))
    style = x.RunStyle()
    body = [
        x.revision_paragraph(
            x.runs(
                f"{comparison.old_label} → {comparison.new_label}",
                "en" if lang == "lo" else lang,
                fonts,
                x.RunStyle(bold=True),
            )
        )
    ]
    by_id = {d.id: d for d in comparison.clauses if d.old is not None and d.new is not None}
    old_ids = [c.id for c in comparison.old_clauses]
    new_ids = [c.id for c in comparison.new_clauses]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old_ids, new_ids, autojunk=False).get_opcodes():
        if op == "equal":
            for cid in new_ids[j1:j2]:
                body.append(x.revision_paragraph(_spans_xml(by_id[cid].spans, lang, fonts, revisions, style)))
            continue
        # removed or moved away: text and paragraph mark deleted where the clause stood
        for clause in comparison.old_clauses[i1:i2]:
            spans = [Span("delete", clause.text)] if clause.text else []
            body.append(
                x.revision_paragraph(_spans_xml(spans, lang, fonts, revisions, style), "delete", revisions)
            )
        # added or moved here: text and paragraph mark inserted
        for clause in comparison.new_clauses[j1:j2]:
            spans = [Span("insert", clause.text)] if clause.text else []
            body.append(
                x.revision_paragraph(_spans_xml(spans, lang, fonts, revisions, style), "insert", revisions)
            )
    body.append(x.revision_paragraph(""))
    main_lang = lang if lang != "lo" else "vi"
    return package_docx(
        "".join(body),
        fonts,
        main_lang,
        title=f"{comparison.old_label} → {comparison.new_label}",
        description=f"comparison in {lang}",
    )


def plain_lines(clauses_text: list[str]) -> list[str]:
    """The non-empty lines of a sequence of clause texts: what a word processor's text export of the
    accepted or rejected redline shows."""
    return [line.strip() for text in clauses_text for line in text.split("\n") if line.strip()]
