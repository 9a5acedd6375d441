"""Helpers that read exported DOCX files back with python-docx (no mocks: the real file)."""

from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn

LAO = re.compile("[\u0e80-\u0eff]")
SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def paragraph_texts(document) -> list[str]:
    """Text of every paragraph in the body, tables included, in document order."""
    out = []
    for p in document.element.body.iter(qn("w:p")):
        out.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return out


def all_text(document) -> str:
    return "\n".join(paragraph_texts(document))


def runs_with_text(document):
    parts = [document.element.body]
    for section in document.sections:
        parts.extend([section.header._element, section.first_page_header._element])
    for part in parts:
        for run in part.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            if text:
                yield run, text


def check_lao_runs(document, lao_font: str = "Phetsarath OT") -> int:
    """Assert every run containing Lao has the Lao font in all slots and lo-LA; return the count."""
    count = 0
    for run, text in runs_with_text(document):
        rpr = run.find(qn("w:rPr"))
        if LAO.search(text):
            count += 1
            fonts = rpr.find(qn("w:rFonts"))
            assert fonts is not None, text
            for slot in SLOTS:
                assert fonts.get(qn(slot)) == lao_font, (slot, text)
            lang = rpr.find(qn("w:lang"))
            assert lang.get(qn("w:bidi")) == "lo-LA" and lang.get(qn("w:val")) == "lo-LA", text
            assert rpr.find(qn("w:szCs")) is not None, text
            if rpr.find(qn("w:b")) is not None:
                assert rpr.find(qn("w:bCs")) is not None, text
        else:
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            if fonts is not None and fonts.get(qn("w:ascii")) == lao_font:
                continue  # digits or punctuation inside Lao text stay in the Lao face
    return count
