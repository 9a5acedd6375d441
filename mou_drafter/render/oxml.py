"""Every piece of raw WordprocessingML the app writes: the body of a document, the few things
python-docx has no API for, tracked changes, and the parts of the package we fill in ourselves.
No other module writes ``w:`` XML or calls python-docx's ``parse_xml``/``qn`` (a test checks;
:mod:`mou_drafter.render.inspect` only reads). The XML each helper writes is tested as a table of
input and expected XML in ``tests/render/test_oxml.py``.

python-docx's ``font.name`` sets only the ``ascii``/``hAnsi`` font slots and has no complex-script
size, bold or language (see ``docs/lao-runs.md``). Lao text needs all four ``w:rFonts`` slots set
to the Lao font, ``w:bCs``/``w:iCs``/``w:szCs`` beside ``w:b``/``w:i``/``w:sz`` and
``w:lang w:bidi="lo-LA"``; without them Word shows Lao in a fallback face or as boxes.

The body is built as one XML string and parsed once: building paragraphs and table cells through
python-docx's object API costs several times more for large tables (see ``benchmarks/``). Every
helper returns a string fragment in the ``w:`` namespace; element order inside ``w:rPr``,
``w:pPr`` and ``w:tcPr`` follows ISO/IEC 29500 (Word rejects files that break it). The few
helpers that change python-docx's own parts (document defaults, the header) take the lxml
element and import python-docx only when called.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import count
from typing import Any, Literal

from .options import Fonts

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LANG_TAGS = {"vi": "vi-VN", "en": "en-US", "lo": "lo-LA"}

_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
#: Letters of the other script with what follows them up to the next letter of the block's own
#: script: in Lao text, a Latin letter (or combining mark) and the neutral characters after it up
#: to the next Lao letter; in Latin text, a Lao letter and what follows up to the next Latin one.
_LATIN_IN_LAO = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f][^\u0e80-\u0eff]*")
_LAO_IN_LATIN = re.compile("[\u0e80-\u0eff][^A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]*")


def script_segments(text: str, base_lang: str) -> list[tuple[str, str]]:
    """Split ``text`` into (segment, language) runs so that Lao letters are always in a Lao run and
    Latin letters inside Lao text in a Latin run. Neutral characters (spaces, digits, punctuation)
    stay with the run before them, at the start with the block's language."""
    if not _mixed(text, base_lang):
        return [(text, base_lang)]
    return _mixed_segments(text, base_lang)


def _mixed(text: str, base_lang: str) -> bool:
    """Whether ``text`` of a block in ``base_lang`` has letters of the other script: Latin
    letters in Lao text, Lao letters in other text. Lao letters are looked for in the UTF-8
    bytes (the Lao block is ``E0 BA 80``-``E0 BB BF``, and ``E0`` only ever leads a character):
    finding two bytes is several times faster than matching a class of characters, and most
    texts are searched to their end."""
    if base_lang == "lo":
        return _LATIN_LETTER.search(text) is not None
    if text.isascii():
        return False
    encoded = text.encode("utf-8", "surrogatepass")
    return b"\xe0\xba" in encoded or b"\xe0\xbb" in encoded


def _mixed_segments(text: str, base_lang: str) -> list[tuple[str, str]]:
    """:func:`script_segments` of a text with letters of the other script."""
    other, other_lang = (_LATIN_IN_LAO, "vi") if base_lang == "lo" else (_LAO_IN_LATIN, "lo")
    # one match per stretch of the other script: the block's own script fills the gaps
    segments: list[tuple[str, str]] = []
    start = 0
    for match in other.finditer(text):
        if match.start() > start:
            segments.append((text[start : match.start()], base_lang))
        segments.append((match.group(), other_lang))
        start = match.end()
    if start < len(text):
        segments.append((text[start:], base_lang))
    return segments


@dataclass(frozen=True)
class RunStyle:
    bold: bool = False
    #: Italic for Vietnamese and English only: Lao is always set upright (Phetsarath OT has no
    #: italic face, so Word and LibreOffice would slant the glyphs artificially).
    italic: bool = False
    underline: bool = False
    #: Size in points; ``None`` takes the body size of the run's script.
    size: float | None = None
    #: ``size`` applies to Lao as given. Otherwise a Lao run is set smaller by the difference
    #: between the Latin and the Lao body sizes (Lao glyphs look larger); the national header is
    #: the exception, the same size in every language.
    exact_size: bool = False


def run_size(lang: str, fonts: Fonts, style: RunStyle) -> float:
    """The size in points a run in ``lang`` is set at."""
    return _size(lang == "lo", style, fonts.latin_size, fonts.lao_size)


def _size(lao: bool, style: RunStyle, latin_size: float, lao_size: float) -> float:
    if style.size is None:
        return lao_size if lao else latin_size
    if lao and not style.exact_size:
        return max(8.0, style.size - (latin_size - lao_size))
    return style.size


def rpr(lang: str, fonts: Fonts, style: RunStyle) -> str:
    """``w:rPr`` of a run in ``lang``: every font slot, complex-script twins, language tag."""
    return _rpr(lang, style, fonts.latin, fonts.lao, fonts.latin_size, fonts.lao_size)


@lru_cache(maxsize=512)
def _rpr(lang: str, style: RunStyle, latin: str, lao_font: str, latin_size: float, lao_size: float) -> str:
    lao = lang == "lo"
    face = _attr(lao_font if lao else latin)
    half_points = int(round(_size(lao, style, latin_size, lao_size) * 2))
    hint = ' w:hint="cs"' if lao else ""
    parts = [f'<w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" w:cs="{face}"{hint}/>']
    if style.bold:
        parts.append("<w:b/><w:bCs/>")
    if style.italic and not lao:
        parts.append("<w:i/><w:iCs/>")
    parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    if style.underline:
        parts.append('<w:u w:val="single"/>')
    tag = LANG_TAGS[lang]
    if lao:
        parts.append(f'<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}"/>')
    else:
        parts.append(f'<w:lang w:val="{tag}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (what ``xml.sax.saxutils.escape`` does, without its
    loop over extra entities: this runs for every run of every document). Most texts have none
    of them, and looking is several times faster than replacing."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _attr(text: str) -> str:
    """:func:`_escape` for an attribute value in double quotes."""
    text = _escape(text)
    return text.replace('"', "&quot;") if '"' in text else text


def _text_xml(text: str, tag: str = "w:t") -> str:
    """The text of a run: ``w:t`` (``w:delText`` in a deletion), a ``w:br`` for each line break."""
    if "\n" not in text:
        if not text:
            return ""
        if "&" in text or "<" in text or ">" in text:  # most texts have none: no call to _escape
            text = _escape(text)
        return f'<{tag} xml:space="preserve">{text}</{tag}>'
    return "<w:br/>".join(
        f'<{tag} xml:space="preserve">{_escape(piece)}</{tag}>' if piece else "" for piece in text.split("\n")
    )


def runs(text: str, lang: str, fonts: Fonts, style: RunStyle = RunStyle(), *, zwsp: bool = False) -> str:
    """Runs for ``text`` of a block in ``lang``, split by script; each run carries its own fonts.
    With ``zwsp``, U+200B between the words of Lao runs (the export option for programs that
    cannot break Lao lines)."""
    return styled_runs(text, lang, run_properties(style, fonts), zwsp=zwsp)


def run_properties(style: RunStyle, fonts: Fonts) -> dict[str, str]:
    """:func:`rpr` of ``style`` for every language, for :func:`styled_runs`."""
    return _run_properties(style, fonts.latin, fonts.lao, fonts.latin_size, fonts.lao_size)


def styled_runs(text: str, lang: str, properties: dict[str, str], *, zwsp: bool = False) -> str:
    """:func:`runs` with the run properties of its style (:func:`run_properties`) looked up
    already: a writer of many paragraphs of a few styles looks them up once per style."""
    if not _mixed(text, lang):
        if not (zwsp and lang == "lo"):
            return f"<w:r>{properties[lang]}{_text_xml(text)}</w:r>"  # most texts: one run
        segments = [(text, lang)]
    else:
        segments = _mixed_segments(text, lang)
    if len(segments) == 1 and not (zwsp and segments[0][1] == "lo"):
        return f"<w:r>{properties[segments[0][1]]}{_text_xml(text)}</w:r>"
    out = []
    for segment, seg_lang in segments:
        if seg_lang == "lo" and zwsp:
            from ..words.tokens import lao_with_word_breaks

            segment = lao_with_word_breaks(segment)
        out.append(f"<w:r>{properties[seg_lang]}{_text_xml(segment)}</w:r>")
    return "".join(out)


@lru_cache(maxsize=128)
def _run_properties(
    style: RunStyle, latin: str, lao_font: str, latin_size: float, lao_size: float
) -> dict[str, str]:
    """:func:`rpr` of one style for every language, looked up once per text rather than per run."""
    return {lang: _rpr(lang, style, latin, lao_font, latin_size, lao_size) for lang in LANG_TAGS}


@dataclass(frozen=True)
class ParaStyle:
    align: str = "both"  # left, center, right, both (justified)
    first_line_cm: float = 0.0
    before_pt: float = 0.0
    after_pt: float = 6.0
    keep_next: bool = False
    page_break_before: bool = False
    #: Line spacing in 240ths of a line (240 = single).
    line: int = 264

    @cached_property
    def xml(self) -> str:
        """:func:`ppr` of this style, made once per style object (a paragraph is written for
        every block: hashing its style to look the properties up costs more than the rest)."""
        return _ppr(self)


def twips_cm(cm: float) -> int:
    return int(round(cm * 567))


def ppr(style: ParaStyle) -> str:
    """``w:pPr`` of a paragraph of ``style``."""
    return style.xml


@lru_cache(maxsize=256)
def _ppr(style: ParaStyle) -> str:
    parts = []
    if style.keep_next:
        parts.append("<w:keepNext/>")
    if style.page_break_before:
        parts.append("<w:pageBreakBefore/>")
    parts.append(
        f'<w:spacing w:before="{int(style.before_pt * 20)}" w:after="{int(style.after_pt * 20)}" '
        f'w:line="{style.line}" w:lineRule="auto"/>'
    )
    if style.first_line_cm:
        parts.append(f'<w:ind w:firstLine="{twips_cm(style.first_line_cm)}"/>')
    parts.append(f'<w:jc w:val="{style.align}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def paragraph(content_runs: str, style: ParaStyle, mark: tuple[int, str] | None = None) -> str:
    """A paragraph; with ``mark`` (number, name), its text inside that bookmark (as
    :func:`bookmarked` puts it, written at once)."""
    properties = style.xml
    if mark is None:
        return f"<w:p>{properties}{content_runs}</w:p>"
    start, end = bookmark_tags(*mark)
    return f"<w:p>{properties}{start}{content_runs}{end}</w:p>"


def marked_paragraphs(paragraphs: Sequence[tuple[str, ParaStyle]], mark: tuple[int, str]) -> str:
    """Paragraphs, each its content runs and style, inside one bookmark (number, name), as
    :func:`bookmarked` puts it around them, written at once."""
    if len(paragraphs) == 1:
        return paragraph(*paragraphs[0], mark)
    (first, first_style), *middle, (last, last_style) = paragraphs
    start, end = bookmark_tags(*mark)
    return (
        f"<w:p>{first_style.xml}{start}{first}</w:p>"
        + "".join(paragraph(content, style) for content, style in middle)
        + f"<w:p>{last_style.xml}{last}{end}</w:p>"
    )


def empty_paragraph(after_pt: float = 0.0) -> str:
    return paragraph("", ParaStyle(after_pt=after_pt))


def spacer(height_pt: float, keep_next: bool = False) -> str:
    """An empty paragraph exactly ``height_pt`` high: the gap between two tables (Word joins
    tables that touch) and, with ``keep_next``, the link that keeps them on one page."""
    keep = "<w:keepNext/>" if keep_next else ""
    return (
        f'<w:p><w:pPr>{keep}<w:spacing w:before="0" w:after="0" w:line="{int(height_pt * 20)}" '
        'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
    )


def page_break() -> str:
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


@dataclass(frozen=True)
class TableRow:
    """One row of :func:`table`: cell contents (each a string of paragraphs) and, when cells span
    several grid columns, the number of grid columns of each cell."""

    cells: tuple[str, ...]
    spans: tuple[int, ...] = ()
    #: Repeated at the top of every page the table runs onto (only the table's first rows).
    header: bool = False
    #: Never split across a page (a row taller than a page would then be cut off by Word).
    cant_split: bool = False
    #: Left and right margin of this row's cells in twips, when not the table's.
    margin: int | None = None


def table(
    rows: Sequence[Sequence[str] | TableRow],
    widths: list[int],
    *,
    borders: bool,
    header_rows: int = 0,
    cant_split: bool = False,
    cell_margin: int = 85,
) -> str:
    """A table with fixed grid column widths in twips. ``rows`` are lists of cell contents, one per
    grid column (split and header flags from ``cant_split`` and ``header_rows``), or
    :class:`TableRow` s with their own spans and flags."""
    border_xml = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        if borders
        else f'<w:{side} w:val="nil"/>'
        for side in _BORDER_SIDES
    )
    total = sum(widths)
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{border_xml}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/><w:right w:w="{cell_margin}" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        + "</w:tblGrid>"
    ]
    # the start of each cell, by its first grid column and span, made once per table
    cell_starts: dict[tuple[int, int, int | None], str] = {}
    plain = [_cell_start(widths, col, 1, None, cell_starts) for col in range(len(widths))]
    for index, row in enumerate(rows):
        if not isinstance(row, TableRow):
            # a row of one cell per grid column: its flags from the table's
            out.append(_row_start(cant_split, index < header_rows))
            if len(row) > len(plain):  # cells past the grid (Word makes them as wide as it likes)
                plain += [
                    _cell_start(widths, col, 1, None, cell_starts) for col in range(len(plain), len(row))
                ]
            for start, content in zip(plain, row, strict=False):
                out += (start, content or "<w:p/>", "</w:tc>")
            out.append("</w:tr>")
            continue
        out.append(_row_start(row.cant_split, row.header))
        col = 0
        for content, span in zip(row.cells, row.spans or (1,) * len(row.cells), strict=True):
            out += (_cell_start(widths, col, span, row.margin, cell_starts), content or "<w:p/>", "</w:tc>")
            col += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _row_start(cant_split: bool, header: bool) -> str:
    """The start of a table row up to its first cell: a header row (repeated on every page) is
    never split either."""
    flags = ("<w:cantSplit/>" if cant_split or header else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{flags}</w:trPr>" if flags else "<w:tr>"


def _cell_start(
    widths: list[int], col: int, span: int, margin: int | None, made: dict[tuple[int, int, int | None], str]
) -> str:
    """The start of a table cell from grid column ``col`` over ``span`` columns, up to its
    content (``made``: those already made for the table)."""
    key = (col, span, margin)
    start = made.get(key)
    if start is None:
        width = sum(widths[col : col + span])
        grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        cell_margin = (
            ""
            if margin is None
            else f'<w:tcMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tcMar>'
        )
        start = made[key] = (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{cell_margin}</w:tcPr>'
        )
    return start


def page_number_field(fonts: Fonts, lang: str) -> str:
    """A centred PAGE field (13 pt) for the header."""
    run_pr = rpr(lang, fonts, RunStyle(size=13))
    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{run_pr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{run_pr}<w:t>2</w:t></w:r>"
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def doc_defaults_rpr(fonts: Fonts, main_lang: str) -> str:
    face = _attr(fonts.latin)
    lao = _attr(fonts.lao)
    size = int(round(fonts.latin_size * 2))
    return (
        f'<w:rPr xmlns:w="{W_NS}"><w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" w:cs="{lao}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        f'<w:lang w:val="{LANG_TAGS[main_lang]}" w:eastAsia="{LANG_TAGS[main_lang]}" w:bidi="lo-LA"/></w:rPr>'
    )


def doc_defaults_ppr() -> str:
    return f'<w:pPr xmlns:w="{W_NS}"><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'


# -- tracked changes ------------------------------------------------------------------------------

#: A tracked change: text (or a paragraph mark) inserted or deleted.
Change = Literal["insert", "delete"]
_CHANGE_TAGS = {"insert": "w:ins", "delete": "w:del"}


class Revisions:
    """Author, date and ids of the tracked changes (``w:ins``, ``w:del``) of one document: each
    change takes the next id."""

    def __init__(self, author: str, when: dt.datetime) -> None:
        self._ids = count(1)
        self._tail = f'w:author="{_attr(author)}" w:date="{when.strftime("%Y-%m-%dT%H:%M:%SZ")}"'

    def attributes(self) -> str:
        """``w:id``, ``w:author`` and ``w:date`` of the next change."""
        return f'w:id="{next(self._ids)}" {self._tail}'


def tracked_runs(
    text: str, lang: str, fonts: Fonts, style: RunStyle, change: Change | None, revisions: Revisions
) -> str:
    """Runs for ``text`` as :func:`runs` writes them, each run inserted or deleted as a tracked
    change of its own (``w:ins``/``w:del`` around it; deleted text in ``w:delText``), or unchanged
    when ``change`` is ``None``."""
    out = []
    for segment, seg_lang in script_segments(text, lang):
        run = f"<w:r>{rpr(seg_lang, fonts, style)}{_text_xml(segment, 'w:delText' if change == 'delete' else 'w:t')}</w:r>"
        if change is None:
            out.append(run)
        else:
            tag = _CHANGE_TAGS[change]
            out.append(f"<{tag} {revisions.attributes()}>{run}</{tag}>")
    return "".join(out)


def revision_paragraph(
    content_runs: str, mark: Change | None = None, revisions: Revisions | None = None
) -> str:
    """A paragraph 6 pt apart from the next (the comparison document's paragraph); with ``mark``,
    its paragraph mark is a tracked insertion or deletion, so accepting or rejecting the change
    also joins or keeps the paragraph."""
    mark_xml = ""
    if mark is not None:
        if revisions is None:
            raise ValueError("a tracked paragraph mark needs the document's revisions")
        mark_xml = f"<w:rPr><{_CHANGE_TAGS[mark]} {revisions.attributes()}/></w:rPr>"
    return f'<w:p><w:pPr><w:spacing w:after="120"/>{mark_xml}</w:pPr>{content_runs}</w:p>'


# -- python-docx's parts: document defaults, header ------------------------------------------------


def set_document_defaults(styles: Any, fonts: Fonts, main_lang: str) -> None:
    """Replace the run and paragraph defaults (``w:docDefaults``) of the ``w:styles`` element
    ``styles`` with :func:`doc_defaults_rpr` and :func:`doc_defaults_ppr`."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    for child in list(rpr_default):
        rpr_default.remove(child)
    rpr_default.append(parse_xml(doc_defaults_rpr(fonts, main_lang)))
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        for child in list(ppr_default):
            ppr_default.remove(child)
        ppr_default.append(parse_xml(doc_defaults_ppr()))


def put_page_number(paragraph: Any, fonts: Fonts, lang: str) -> None:
    """Put the centred page number (:func:`page_number_field`) in place of the ``w:p`` element
    ``paragraph`` (the empty paragraph of a new header)."""
    from docx.oxml import parse_xml

    paragraph.addnext(parse_xml(page_number_field(fonts, lang)))
    paragraph.getparent().remove(paragraph)


# -- parts we write ourselves: the body, the core properties ---------------------------------------


def around_body(document_xml: str) -> tuple[str, str]:
    """``word/document.xml`` up to the start of ``w:body`` and from its ``w:sectPr`` on: the body
    goes between them (whatever stood there before is dropped). Writing the body as strings
    between the two costs a fraction of parsing it into python-docx's element classes (see
    ``benchmarks/bench_render.py``), and a large body is never joined into one string with the rest."""
    start = document_xml.index("<w:body>") + len("<w:body>")
    marker = document_xml.index("<w:sectPr", start)
    return document_xml[:start], document_xml[marker:]


def core_properties(title: str, language: str, description: str, when: dt.datetime) -> bytes:
    """``docProps/core.xml``: title, language tag and description, made by MoU Drafter at ``when``."""
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_escape(title)}</dc:title><dc:creator>MoU Drafter</dc:creator>"
        f"<cp:lastModifiedBy>MoU Drafter</cp:lastModifiedBy><dc:description>{_escape(description)}</dc:description>"
        f"<dc:language>{_escape(language)}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
    ).encode()


# -- clause ids in the document: bookmarks --------------------------------------------------------


def bookmark_tags(number: int, name: str) -> tuple[str, str]:
    """The start and end of the bookmark ``name`` with ``w:id`` ``number``."""
    return f'<w:bookmarkStart w:id="{number}" w:name="{_attr(name)}"/>', f'<w:bookmarkEnd w:id="{number}"/>'


def bookmarked(paragraphs: str, number: int, name: str) -> str:
    """``paragraphs`` (one or more ``w:p`` as written by :func:`paragraph`) inside the bookmark
    ``name``: its start after the first paragraph's properties, its end before the last
    paragraph's end, so the bookmark holds the text of the paragraphs and Word and LibreOffice keep
    it with them. ``number`` is the bookmark's ``w:id``, unique in the document."""
    start, end = bookmark_tags(number, name)
    head = paragraphs.find("</w:pPr>")
    first = paragraphs.find("<w:p>")
    if first < 0 or not paragraphs.endswith("</w:p>"):
        raise ValueError("bookmarked() takes paragraphs")
    cut = head + len("</w:pPr>") if head >= 0 and head < paragraphs.find("</w:p>") else first + len("<w:p>")
    return paragraphs[:cut] + start + paragraphs[cut : -len("</w:p>")] + end + "</w:p>"


# -- package parts: the export record as a custom XML part ----------------------------------------

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DATASTORE_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def export_record_xml(
    namespace: str, attributes: dict[str, str], draft_json: str, marks: Sequence[tuple[str, str, str, str]]
) -> bytes:
    """The export record (see :mod:`mou_drafter.render.record`): a root ``export`` element in
    ``namespace`` with ``attributes``, the draft as JSON (ASCII, so no program on the way can
    change its characters; element text, so its quotes stay as they are) and one ``mark`` per
    clause bookmark: its name, clause id, language and text as exported."""
    attrs = "".join(f' {key}="{_attr(value)}"' for key, value in attributes.items())
    # names, clause ids and languages need no escaping (they are made of letters, digits and
    # ".-_"): looked at once, all together, rather than a mark at a time
    heads = "\0".join(["\0".join(mark[:3]) for mark in marks])
    esc = _attr if _attr(heads) is not heads else str
    marks_xml = "".join(
        [
            f'<mark name="{esc(name)}" clause="{esc(clause)}" lang="{esc(lang)}">{_escape(text)}</mark>'
            for name, clause, lang, text in marks
        ]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<export xmlns="{namespace}"{attrs}><draft>{_escape(draft_json)}</draft>'
        f"<marks>{marks_xml}</marks></export>"
    ).encode()


def with_custom_xml(parts: dict[str, bytes], item: bytes, namespace: str, item_id: str) -> dict[str, bytes]:
    """The package ``parts`` (name → bytes) with ``item`` added as Word's custom XML part
    (``customXml/itemN.xml`` with its properties naming ``namespace``, related from the main
    document), the place where Word keeps data of other programs and LibreOffice keeps it too.
    ``item_id`` is the ``{GUID}`` of the item's properties."""
    numbers = [int(m.group(1)) for name in parts if (m := re.fullmatch(r"customXml/item(\d+)\.xml", name))]
    n = max(numbers, default=0) + 1
    out = dict(parts)
    out[f"customXml/item{n}.xml"] = item
    out[f"customXml/itemProps{n}.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{item_id}" xmlns:ds="{_DATASTORE_NS}"><ds:schemaRefs>'
        f'<ds:schemaRef ds:uri="{_attr(namespace)}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    out[f"customXml/_rels/item{n}.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_RELS_NS}"><Relationship Id="rId1" Type="{_CUSTOM_XML_PROPS_REL}" '
        f'Target="itemProps{n}.xml"/></Relationships>'
    ).encode()
    types = out["[Content_Types].xml"].decode("utf-8")
    override = f'<Override PartName="/customXml/itemProps{n}.xml" ContentType="{_CUSTOM_XML_PROPS_TYPE}"/>'
    out["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode("utf-8")
    rels_name = "word/_rels/document.xml.rels"
    rels = out[rels_name].decode("utf-8")
    rid = max((int(i) for i in re.findall(r'Id="rId(\d+)"', rels)), default=0) + 1
    relationship = f'<Relationship Id="rId{rid}" Type="{_CUSTOM_XML_REL}" Target="../customXml/item{n}.xml"/>'
    out[rels_name] = rels.replace("</Relationships>", relationship + "</Relationships>").encode("utf-8")
    return out
