"""DOCX renderer: a :class:`~mou_drafter.document.Document` to Word files.

Layouts:

* ``side-by-side``: one column per language in a borderless table, one row per clause id, so
  Article 3 in Vietnamese stands beside Article 3 in Lao; signatures of all parties follow, side by
  side, with each party's title lines in every language. Three languages use landscape pages.
* ``sequential``: one language after another, each starting on a new page, each with its own
  signature blocks.
* ``separate``: one file per language (see :func:`render_docx_files`).

Pages are A4 with the margins of Decree 30/2020/ND-CP (top and bottom 20 mm, left 30 mm, right
15 mm) and a centred page number in the top margin, hidden on the first page.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm

from . import docx_xml as x
from .document import Block, Document
from .settings import FontSettings

LAYOUTS = ("side-by-side", "sequential", "separate")
#: Signature blocks per row of the signature table.
SIGNERS_PER_ROW = 3
#: Space between language columns in the side-by-side layout (twips; 283 = 5 mm).
_GUTTER = 283

_P_BODY = x.ParaStyle(align="both", first_line_cm=1.0, after_pt=6)
_P_ITEM = x.ParaStyle(align="both", first_line_cm=1.0, after_pt=3)
_P_CENTER = x.ParaStyle(align="center", after_pt=0, line=240)
_P_CELL = x.ParaStyle(align="left", after_pt=0, line=240)
_P_HEADING = x.ParaStyle(align="left", before_pt=6, after_pt=6, keep_next=True)
_P_ARTICLE = x.ParaStyle(align="both", first_line_cm=1.0, before_pt=6, after_pt=6, keep_next=True)


class _Writer:
    """Writes the blocks of one document as WordprocessingML strings."""

    def __init__(self, doc: Document, fonts: FontSettings, text_width: int) -> None:
        self.doc = doc
        self.fonts = fonts
        self.text_width = text_width

    # -- single blocks ---------------------------------------------------------------------
    def block(self, block: Block, width: int) -> str:
        lang = block.lang
        kind = block.kind
        if kind == "national-header":
            out = []
            for i, line in enumerate(block.lines):
                motto = i % 2 == 1
                style = x.RunStyle(bold=True, underline=motto, size=13 if motto else 12)
                after = 10 if motto else 0
                out.append(x.paragraph(x.runs(line, lang, self.fonts, style),
                                       x.ParaStyle(align="center", after_pt=after, line=240)))
            return "".join(out)
        if kind == "title":
            return self._lines(block, x.RunStyle(bold=True, size=14), x.ParaStyle(align="center", before_pt=12, after_pt=0))
        if kind == "subtitle":
            return self._lines(block, x.RunStyle(bold=True), x.ParaStyle(align="center", after_pt=12))
        if kind == "place-date":
            return self._lines(block, x.RunStyle(italic=True), x.ParaStyle(align="right", after_pt=6))
        if kind == "issuer":
            return self._lines(block, x.RunStyle(), x.ParaStyle(align="left", after_pt=6))
        if kind == "basis":
            return self._lines(block, x.RunStyle(italic=True), _P_BODY)
        if kind == "heading":
            return self._lines(block, x.RunStyle(bold=True), _P_HEADING)
        if kind == "article":
            return x.paragraph(x.runs(self.doc.article_heading(block), lang, self.fonts, x.RunStyle(bold=True)),
                               _P_ARTICLE)
        if kind == "item":
            return self._lines(block, x.RunStyle(), _P_ITEM)
        if kind == "table":
            return self.data_table(block, width)
        if kind == "signer":
            return self.signature_table([[block]])
        return self._lines(block, x.RunStyle(), _P_BODY)

    def _lines(self, block: Block, run: x.RunStyle, para: x.ParaStyle) -> str:
        if block.lang == "lo" and para.align == "both":
            para = replace(para, align="left")
        return x.paragraph(x.runs(block.text, block.lang, self.fonts, run), para)

    def data_table(self, block: Block, width: int) -> str:
        columns = max((len(r.cells) for r in block.rows), default=1)
        # A narrow number column, the amount column wider than the others.
        if columns == 4:
            shares = [0.13, 0.20, 0.29, 0.38]
        else:
            shares = [1 / columns] * columns
        widths = [int(width * s) for s in shares]
        rows = []
        header_rows = 0
        for index, row in enumerate(block.rows):
            style = x.RunStyle(bold=row.header, size=12)
            if row.header and index == header_rows:
                header_rows += 1
            cells = []
            for col in range(columns):
                lines = row.cells[col] if col < len(row.cells) else []
                para = x.ParaStyle(align="center" if row.header or col == 0 else "left", after_pt=0, line=240)
                cells.append("".join(x.paragraph(x.runs(line, block.lang, self.fonts, style), para) for line in lines))
            rows.append(cells)
        return x.table(rows, widths, borders=True, header_rows=header_rows, cant_split=True) + x.empty_paragraph(6)

    def signer_titles(self, blocks: list[Block]) -> str:
        """Authority and title lines of one party (in each language), then room to sign and seal."""
        out = [x.paragraph(x.runs(line, block.lang, self.fonts, x.RunStyle(bold=True)), _P_CENTER)
               for block in blocks for line in block.lines[:-1]]
        out.append(x.empty_paragraph() * 4)
        return "".join(out)

    def signer_names(self, blocks: list[Block]) -> str:
        return "".join(x.paragraph(x.runs(block.lines[-1], block.lang, self.fonts, x.RunStyle(bold=True)), _P_CENTER)
                       for block in blocks if block.lines)

    def signature_table(self, signers: list[list[Block]], width: int = 0) -> str:
        """Signature blocks side by side, at most SIGNERS_PER_ROW to a row; the names of a row
        stand on one line, whatever the number of title lines above them."""
        if not signers:
            return ""
        per_row = min(SIGNERS_PER_ROW, len(signers))
        widths = [(width or self.text_width) // per_row] * per_row
        rows = []
        for start in range(0, len(signers), per_row):
            chunk = signers[start:start + per_row]
            padding = [""] * (per_row - len(chunk))
            rows.append([x.keep_with_next(self.signer_titles(s)) for s in chunk] + padding)
            rows.append([self.signer_names(s) for s in chunk] + padding)
        return x.keep_with_next(x.empty_paragraph(12)) + x.table(rows, widths, borders=False, cant_split=True)

    # -- layouts ---------------------------------------------------------------------------
    def decree_header(self, blocks: list[Block]) -> str:
        """Decree 30/2020 layout of the first lines: issuing body and number top left, national
        header top right with place and date under it, side by side in a borderless table."""
        left = [b for b in blocks if b.kind == "issuer"]
        right = [b for b in blocks if b.kind != "issuer"]
        left_xml = []
        for block in left:
            for i, line in enumerate(block.lines):
                is_number = i == len(block.lines) - 1 and len(block.lines) > 1
                style = x.RunStyle(bold=not is_number, size=13 if is_number else 12.5)
                left_xml.append(x.paragraph(x.runs(line, block.lang, self.fonts, style),
                                            x.ParaStyle(align="center", after_pt=6 if is_number else 0, line=240)))
        right_xml = []
        for block in right:
            if block.kind == "place-date":
                right_xml.append(self._lines(block, x.RunStyle(italic=True), x.ParaStyle(align="center", after_pt=6)))
            else:
                right_xml.append(self.block(block, self.text_width))
        widths = [int(self.text_width * 0.42), self.text_width - int(self.text_width * 0.42)]
        return x.table([["".join(left_xml), "".join(right_xml)]], widths, borders=False) + x.empty_paragraph(6)

    def sequential(self, languages: Iterable[str]) -> str:
        out = []
        for n, lang in enumerate(languages):
            if n:
                out.append(x.page_break())
            blocks = self.doc.texts[lang]
            head = 0
            while head < len(blocks) and blocks[head].kind in ("national-header", "issuer", "place-date"):
                head += 1
            if any(b.kind == "issuer" for b in blocks[:head]):
                out.append(self.decree_header(blocks[:head]))
            else:
                head = 0
            signers = [[b] for b in blocks[head:] if b.kind == "signer"]
            body = [b for b in blocks[head:] if b.kind != "signer"]
            for index, block in enumerate(body):
                xml = self.block(block, self.text_width)
                # the closing clause stays on the page of the signatures
                out.append(x.keep_with_next(xml) if signers and index == len(body) - 1 else xml)
            out.append(self.signature_table(signers))
        return "".join(out)

    def side_by_side(self, languages: list[str]) -> str:
        width = self.text_width // len(languages)
        rows = []
        signers: dict[str, list[Block]] = {}
        for clause_id, cells in self.doc.aligned_rows(languages):
            first = next(iter(cells.values()))
            if first.kind == "signer":
                signers[clause_id] = [cells[lang] for lang in languages if lang in cells]
                continue
            rows.append([self.block(cells[lang], width - _GUTTER) if lang in cells else "" for lang in languages])
        if signers and rows:  # the closing clause stays on the page of the signatures
            rows[-1] = [x.keep_with_next(cell) for cell in rows[-1]]
        # the signatures are the table's last row, so "keep with next" holds across it
        signatures = self.signature_table(list(signers.values()), self.text_width - _GUTTER)
        return x.table(rows, [width] * len(languages), borders=False, cell_margin=_GUTTER // 2,
                       last_row_spanning=signatures)


def _setup(docx_doc, fonts: FontSettings, main_lang: str, landscape: bool) -> int:
    """Page size, margins, defaults and page numbers; returns the text width in twips."""
    styles = docx_doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    for child in list(rpr_default):
        rpr_default.remove(child)
    rpr_default.append(parse_xml(x.doc_defaults_rpr(fonts, main_lang)))
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        for child in list(ppr_default):
            ppr_default.remove(child)
        ppr_default.append(parse_xml(x.doc_defaults_ppr()))

    section = docx_doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(20)
    section.left_margin = Mm(30)
    section.right_margin = Mm(15)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    header = section.header
    header_p = header.paragraphs[0]._p
    header_p.addnext(parse_xml(x.page_number_field(fonts, main_lang)))
    header_p.getparent().remove(header_p)
    return int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU -> twips


@lru_cache(maxsize=16)
def _skeleton(fonts_json: str, main_lang: str, landscape: bool) -> tuple[bytes, int]:
    """The package around the body, made once per font settings, language and orientation:
    python-docx's default template with our styles, page setup and page-number header."""
    docx_doc = new_docx()
    text_width = _setup(docx_doc, FontSettings.model_validate_json(fonts_json), main_lang, landscape)
    out = io.BytesIO()
    docx_doc.save(out)
    return out.getvalue(), text_width


def _core_properties(title: str, language: str, description: str) -> bytes:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>MoU Drafter</dc:creator>"
        f"<cp:lastModifiedBy>MoU Drafter</cp:lastModifiedBy><dc:description>{escape(description)}</dc:description>"
        f"<dc:language>{escape(language)}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'
    ).encode("utf-8")


def package_docx(body_xml: str, fonts: FontSettings, main_lang: str, *, landscape: bool = False,
                 title: str = "", description: str = "") -> bytes:
    """A DOCX package: the cached skeleton's parts, with ``body_xml`` spliced into
    ``word/document.xml`` before ``w:sectPr`` and fresh core properties.

    Building the body as one string and splicing it costs a fraction of parsing it into
    python-docx's element classes and serialising it again (see ``benchmarks/bench_render.py``).
    """
    skeleton, _width = _skeleton(fonts.model_dump_json(), main_lang, landscape)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(skeleton)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                start = xml.index("<w:body>") + len("<w:body>")
                marker = xml.index("<w:sectPr", start)
                data = (xml[:start] + body_xml + xml[marker:]).encode("utf-8")
            elif info.filename == "docProps/core.xml":
                data = _core_properties(title, x.LANG_TAGS[main_lang], description)
            target.writestr(info, data)
    return out.getvalue()


def text_width(fonts: FontSettings, main_lang: str, landscape: bool) -> int:
    return _skeleton(fonts.model_dump_json(), main_lang, landscape)[1]


def _docx_bytes(doc: Document, layout: str, languages: list[str], fonts: FontSettings) -> bytes:
    landscape = layout == "side-by-side" and len(languages) >= 3
    main_lang = "vi" if "vi" in languages else languages[0]
    writer = _Writer(doc, fonts, text_width(fonts, main_lang, landscape))
    body_xml = writer.side_by_side(languages) if layout == "side-by-side" else writer.sequential(languages)
    return package_docx(body_xml, fonts, main_lang, landscape=landscape, title=_title(doc, languages[0]),
                        description=f"template {doc.template}")


def _title(doc: Document, lang: str) -> str:
    parts = [b.text for b in doc.texts.get(lang, []) if b.kind in ("title", "subtitle")][:2]
    return " ".join(parts).replace("\n", " ")[:250]


def render_docx(doc: Document, layout: str = "side-by-side", languages: list[str] | None = None,
                fonts: FontSettings | None = None) -> dict[str, bytes]:
    """Render to DOCX bytes. Returns ``{"": data}`` or, for ``separate``, ``{lang: data}``."""
    langs = list(languages or doc.languages)
    fonts = fonts or FontSettings()
    if layout == "separate":
        return {lang: _docx_bytes(doc, "sequential", [lang], fonts) for lang in langs}
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    return {"": _docx_bytes(doc, layout, langs, fonts)}
