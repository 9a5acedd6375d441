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


def bookmark_texts(data: bytes, prefix: str = "") -> dict[str, str]:
    """The text inside each bookmark of the DOCX ``data`` whose name starts with ``prefix``:
    ``w:t`` text, a line break for each ``w:br`` (not page breaks) and between paragraphs, tabs as
    tabs. Text deleted with tracked changes is left out, text inserted is in: what the document
    reads once the changes are accepted.

    Bookmarks are followed by name: LibreOffice writes a bookmark over several paragraphs of a
    table cell with its start twice (two ids, one name) and one end, so a bookmark runs from the
    first start of its name to an end of any of its ids; one whose end is lost is left out."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(
            package.read("word/document.xml"),
            etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True),
        )
    from docx.oxml.ns import qn

    start, end, t, br, tab, p, r = (
        qn("w:bookmarkStart"),
        qn("w:bookmarkEnd"),
        qn("w:t"),
        qn("w:br"),
        qn("w:tab"),
        qn("w:p"),
        qn("w:r"),
    )
    w_id, w_name, w_type = qn("w:id"), qn("w:name"), qn("w:type")
    names: dict[str, str] = {}  # bookmark id -> name
    open_names: list[str] = []
    texts: dict[str, list[str]] = {}
    closed: set[str] = set()
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == start:
                name = element.get(w_name, "")
                if name.startswith(prefix):
                    names[element.get(w_id, "")] = name
                    if name not in open_names and name not in closed:
                        open_names.append(name)
                        texts[name] = []
            elif tag == end:
                name = names.get(element.get(w_id, ""), "")
                if name in open_names:
                    open_names.remove(name)
                    closed.add(name)
            elif open_names:
                piece = ""
                if tag == t:
                    piece = element.text or ""
                elif tag == br and element.get(w_type) in (None, "textWrapping"):
                    piece = "\n"
                elif tag == tab and element.getparent() is not None and element.getparent().tag == r:
                    piece = "\t"
                if piece:
                    for name in open_names:
                        texts[name].append(piece)
        elif tag == p and open_names:
            for name in open_names:
                texts[name].append("\n")
    return {name: "".join(texts[name]).rstrip("\n") for name in closed}
