"""Reading exported DOCX files back: text and the fonts of Lao runs. Used by the self-test and the
tests, so "the file is right" means the same thing in both."""

from __future__ import annotations

import io
import re

LAO = re.compile("[\u0e80-\u0eff]")
SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def open_docx(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def paragraph_texts(document) -> list[str]:
    from docx.oxml.ns import qn

    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]


def lao_run_problems(document, lao_font: str) -> tuple[int, list[str]]:
    """(number of runs with Lao text, problems): each Lao run needs the Lao font in every slot of
    ``w:rFonts``, ``w:szCs`` and ``w:lang w:val/w:bidi="lo-LA"``, and must not be italic (the Lao
    font has no italic face: Word and LibreOffice would slant it artificially); in the body,
    tables and headers."""
    from docx.oxml.ns import qn

    parts = [document.element.body]
    for section in document.sections:
        parts.extend([section.header._element, section.first_page_header._element])
    count, problems = 0, []
    for part in parts:
        for run in part.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            if not LAO.search(text):
                continue
            count += 1
            rpr = run.find(qn("w:rPr"))
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            lang = rpr.find(qn("w:lang")) if rpr is not None else None
            if fonts is None or any(fonts.get(qn(slot)) != lao_font for slot in SLOTS):
                problems.append(f"Lao run without {lao_font} in every font slot: {text[:30]!r}")
            elif lang is None or lang.get(qn("w:bidi")) != "lo-LA" or lang.get(qn("w:val")) != "lo-LA":
                problems.append(f"Lao run without the lo-LA language tag: {text[:30]!r}")
            elif rpr.find(qn("w:szCs")) is None:
                problems.append(f"Lao run without a complex-script size: {text[:30]!r}")
            elif rpr.find(qn("w:b")) is not None and rpr.find(qn("w:bCs")) is None:
                problems.append(f"bold Lao run without complex-script bold: {text[:30]!r}")
            elif rpr.find(qn("w:i")) is not None or rpr.find(qn("w:iCs")) is not None:
                problems.append(f"italic Lao run (the Lao font has no italic): {text[:30]!r}")
    return count, problems
