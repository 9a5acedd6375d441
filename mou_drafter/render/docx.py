"""DOCX renderer: a :class:`~mou_drafter.document.Document` to Word files.

Layouts (the rules each follows are in ``docs/document-layout.md``):

* ``side-by-side``: the national headers of all languages side by side on one line each, in a
  header table whose columns are fitted to the header text; then one column per language in a
  borderless table, one row per clause id, so Article 3 in Vietnamese stands beside Article 3 in
  Lao. Data tables leave the columns and run across the page, each cell holding its text in every
  language, so their rows are never clipped and their header rows repeat on every page. The
  signatures of all parties follow, side by side, with each party's capacity and title lines in
  every language. Three languages use landscape pages.
* ``sequential``: one language after another, each starting on a new page, each with its own
  header and signature blocks.
* ``separate``: one file per language (see :func:`render_docx`).

Pages are A4 with the margins of Decree 30/2020/ND-CP (top and bottom 20 mm, left 30 mm, right
15 mm) and a centred page number in the top margin, hidden on the first page.

Widths and heights are estimated with the metrics of the default fonts
(:mod:`mou_drafter.render.font_metrics`): the header sizes, the width of table columns (a Lao word or
name is never broken) and whether the closing clause can stay on the page of the first row of
signatures without leaving more than half a page empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import io
import json
import math
import os
import tempfile
import time
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple, TypeVar

from ..document import Block, Document, MergedCell, merge_tables
from ..folders import cache_dir
from . import oxml as x
from .font_metrics import (
    CharWidths,
    char_widths,
    font_factor,
    line_height_pt,
    style_name,
    units_per_em,
    widest_char_em,
)
from .options import Fonts, RenderOptions
from .record import (
    MARK_PREFIX,
    RECORD_NS,
    ExportRecord,
    Mark,
    exported_texts,
    fingerprint,
    record_item_id,
    record_xml,
)

#: Most signature blocks to a row (portrait; landscape pages take one more).
SIGNERS_PER_ROW = 3
#: Empty lines left for the signature and the seal (Decree 30 shows about four).
SIGNATURE_SPACE_LINES = 4
#: Space between one row of signature blocks and the next, in points.
SIGNATURE_ROW_GAP_PT = 24
#: National header sizes (Decree 30: country line 12-13 pt, motto 13-14 pt), used where they fit;
#: where they do not, every header line is scaled down alike, but never below MIN_HEADER_PT.
COUNTRY_PT, MOTTO_PT, MIN_HEADER_PT = 12.0, 13.0, 9.0
#: Share of the page width the issuing body keeps beside the national header (Decree 30 header).
MIN_ISSUER_SHARE = 0.30
#: A page may be at most this much empty before the closing clause and the first row of
#: signatures move on together; beyond it only the signatures move.
MAX_EMPTY_PAGE = 0.5
#: Words that start the name of an administrative unit or body: where a signature block's capacity
#: line is best broken ("TM. ỦY BAN NHÂN DÂN / HUYỆN ĐĂK GLEI").
_UNITS = {
    "vi": ("huyện", "tỉnh", "xã", "phường", "quận", "thị", "bộ", "sở"),
    "lo": ("ເມືອງ", "ແຂວງ", "ບ້ານ", "ນະຄອນ", "ກະຊວງ", "ພະແນກ", "ຄະນະ"),
}


def _even_breaks(widths: list[int], space: int, count: int, allowed: Iterable[int], room: float) -> list[int]:
    """Where to break words of ``widths`` into ``count`` lines, breaking only before the word
    indices in ``allowed``, so that the widest line is as narrow as it can be and at most
    ``room``; ``[]`` if no such breaks exist. Dynamic programming over (lines, words), keeping
    for each line count and end the narrowest widest line and the break before the last line
    (the earliest, where several give the same width)."""
    n = len(widths)
    if count < 2:
        return []  # one line has no breaks
    allowed = set(allowed)
    ends = [j for j in range(1, n) if j in allowed]
    if len(ends) < count - 1:
        return []  # fewer places to break than breaks needed
    # reach[j] - reach[i] - space: the width of the line of words[i:j] (integers: exact)
    reach = [0]
    for w in widths:
        reach.append(reach[-1] + w + space)
    # only the ends a state of k lines can have: its words and spaces at most k lines and spaces
    # wide, and the rest at most count - k (a twip more, so no rounding of ``room`` drops an end).
    # An end beyond the first bound has no state; one beyond the second has one no breaks within
    # ``room`` pass through, so leaving it out changes no choice on the way to the best breaks.
    at = [reach[j] for j in ends]

    def span(k: int) -> list[int]:
        least = reach[n] - (count - k) * (room + space) - 1
        most = k * (room + space) + 1
        return ends[bisect_left(at, least) : bisect_right(at, most)]

    # the states of one line count: the ends they reach (ascending) and the narrowest widest
    # line setting the words before each end in that many lines; first, one line
    ends_of: list[int] = []
    widest: list[float] = []
    for j in span(1):
        line = reach[j] - space
        if line > room:
            break  # a later end makes a wider first line
        ends_of.append(j)
        widest.append(line)
    # back[k - 2][j]: the break before the last line of the best state of k lines ending at j
    back: list[dict[int, int]] = []
    for k in range(2, count + 1):
        row_ends: list[int] = []
        row_widest: list[float] = []
        pointers: dict[int, int] = {}
        for j in [n] if k == count else span(k):
            best, best_i = math.inf, -1
            end = reach[j] - space
            # the latest break first: a later break makes a narrower last line
            for index in range(bisect_left(ends_of, j) - 1, -1, -1):
                i = ends_of[index]
                line = end - reach[i]
                if line > room or line > best:
                    break  # earlier breaks make the last line wider still: none can be better
                before = widest[index]
                candidate = before if before > line else line
                if candidate <= best:  # <=: the earliest of equal breaks
                    best, best_i = candidate, i
            if best_i >= 0:
                row_ends.append(j)
                row_widest.append(best)
                pointers[j] = best_i
        ends_of, widest = row_ends, row_widest
        back.append(pointers)
    if n not in back[-1]:
        return []
    breaks, j = [], n
    for pointers in reversed(back):
        j = pointers[j]
        breaks.append(j)
    return breaks[::-1]


def _greedy_fill(widths: list[int], space: int, room: float) -> tuple[int, int]:
    """The number of lines and the widest line of words of ``widths`` set as many to a line as
    fit ``room`` (a word wider than ``room`` on a line of its own): the fewest lines there can
    be, and a width no even breaking into that many lines exceeds."""
    count, used, widest = 1, -space, 0
    for w in widths:
        if used + space + w > room and used >= 0:
            count, used, widest = count + 1, w, max(widest, used)
        else:
            used += space + w
    return count, max(widest, used)


#: Space between language columns in the side-by-side layout (twips; 283 = 5 mm).
_GUTTER = 283
#: Left and right cell margin of data and header tables (twips; 85 = 1.5 mm).
_CELL_MARGIN = 85
#: A word or unspaced Lao phrase up to this share of the table width must fit its column whole;
#: longer ones are running text and wrap between words.
_CHUNK_SHARE = 0.4
#: Page area (twips): A4 less the Decree 30 margins.
_PAGE_HEIGHT = {False: int((297 - 40) / 25.4 * 1440), True: int((210 - 40) / 25.4 * 1440)}

_P_BODY = x.ParaStyle(align="both", first_line_cm=1.0, after_pt=6)
_P_ITEM = x.ParaStyle(align="both", first_line_cm=1.0, after_pt=3)
_P_CENTER = x.ParaStyle(align="center", after_pt=0, line=240)
_P_HEADING = x.ParaStyle(align="left", before_pt=6, after_pt=6, keep_next=True)
_P_ARTICLE = x.ParaStyle(align="both", first_line_cm=1.0, before_pt=6, after_pt=6, keep_next=True)
_HEAD_KINDS = ("national-header", "issuer", "place-date")
_BOLD = x.RunStyle(bold=True)
#: Run and paragraph style of each block kind set as lines of text.
_STYLES: dict[str, tuple[x.RunStyle, x.ParaStyle]] = {
    "title": (x.RunStyle(bold=True, size=14), x.ParaStyle(align="center", before_pt=12, after_pt=0)),
    "subtitle": (_BOLD, x.ParaStyle(align="center", after_pt=12)),
    "place-date": (x.RunStyle(italic=True), x.ParaStyle(align="center", before_pt=6, after_pt=6)),
    "issuer": (x.RunStyle(), x.ParaStyle(align="left", after_pt=6)),
    "basis": (x.RunStyle(italic=True), _P_BODY),
    "heading": (_BOLD, _P_HEADING),
    "article": (_BOLD, _P_ARTICLE),
    "item": (x.RunStyle(), _P_ITEM),
    "signer": (_BOLD, _P_CENTER),
    "para": (x.RunStyle(), _P_BODY),
}
_TABLE_PT = 12
#: A capacity or title line of a signature block, and a signer's name.
_P_SIGNER_LINE = x.ParaStyle(align="center", after_pt=0, line=240, keep_next=True)
_P_SIGNER_NAME = x.ParaStyle(align="center", after_pt=0, line=240)
#: The room to sign and seal under a signature block's titles.
_SIGNATURE_SPACE = x.paragraph("", x.ParaStyle(after_pt=0, keep_next=True)) * SIGNATURE_SPACE_LINES


@lru_cache(maxsize=64)
def _kept(para: x.ParaStyle) -> x.ParaStyle:
    """``para`` kept with the next paragraph."""
    return replace(para, keep_next=True)


@lru_cache(maxsize=64)
def _spaced(para: x.ParaStyle, before_pt: float | None = None, after_pt: float | None = None) -> x.ParaStyle:
    """``para`` with the space before or after it given."""
    return replace(
        para,
        before_pt=para.before_pt if before_pt is None else before_pt,
        after_pt=para.after_pt if after_pt is None else after_pt,
    )


@lru_cache(maxsize=64)
def _flush_left(para: x.ParaStyle) -> x.ParaStyle:
    """``para`` flush left, for Lao: justifying could only stretch the few phrase-ending spaces
    (``docs/lao-runs.md``)."""
    return replace(para, align="left")


def _cell_text(block: Block, row: int, col: int) -> str:
    """The text of one cell of a table block as :func:`~mou_drafter.document.merge_tables` has it."""
    cells = block.rows[row].cells
    return "\n".join(cells[col]).strip() if col < len(cells) else ""


def _chunks(text: str) -> list[str]:
    return [c for c in text.replace("\n", " ").split(" ") if c]


_K = TypeVar("_K")


class _Memo(dict[_K, int]):
    """``function`` of one argument, each value computed once: ``memo[key]`` (and so
    ``map(memo.__getitem__, keys)`` runs in C for the keys met before)."""

    def __init__(self, function: Callable[[_K], int]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: _K) -> int:
        value = self[key] = self.function(key)
        return value


class _Face(NamedTuple):
    """The measures of text of one style in one language (:meth:`_Writer.face`)."""

    widths: CharWidths
    per_em: int
    #: Size in points.
    size: float
    #: What the default font's widths are multiplied by (:func:`font_factor`).
    factor: float
    #: Font units of the words measured one by one (signature lines, Lao phrases): the same
    #: words come back in every signature block.
    word_units: _Memo[str]
    #: Width in twips of text so many font units wide, for each width met.
    twips_of: _Memo[int]

    def twips(self, units: int) -> int:
        """Width in twips of text ``units`` wide (:meth:`CharWidths.units`)."""
        return self.twips_of[units]


class _Writer:
    """Writes the blocks of one document as WordprocessingML strings."""

    def __init__(
        self, doc: Document, fonts: Fonts, text_width: int, landscape: bool = False, *, zwsp: bool = False
    ) -> None:
        self.doc = doc
        self.fonts = fonts
        #: Zero-width spaces between Lao words (:attr:`RenderOptions.lao_zero_width_spaces`).
        self.zwsp = zwsp
        self.text_width = text_width
        self.page_height = _PAGE_HEIGHT[landscape]
        self.max_signers = SIGNERS_PER_ROW + (1 if landscape else 0)
        self._factors = {lao: font_factor(fonts.lao if lao else fonts.latin, lao) for lao in (False, True)}
        self._faces: dict[tuple[str, int], tuple[x.RunStyle, _Face]] = {}
        self._run_properties: dict[int, tuple[x.RunStyle, dict[str, str]]] = {}
        self._block_styles: dict[tuple[str, str, bool], tuple[dict[str, str], x.ParaStyle]] = {}
        #: The clause bookmarks written, in document order (see :mod:`mou_drafter.render.record`).
        self.marks: list[Mark] = []

    def marked(self, paragraphs: str, block: Block, text: str, langs: Iterable[str] = ()) -> str:
        """``paragraphs`` of ``block`` inside a bookmark that keeps the clause id with its text in
        Word (``text``: the text of the paragraphs as written, lines joined by line breaks); a
        table cell whose text stands for several languages gets one bookmark per language."""
        for lang in langs or (block.lang,):
            paragraphs = x.bookmarked(paragraphs, *self._mark(block, text, lang))
        return paragraphs

    def marked_paragraph(self, content_runs: str, para: x.ParaStyle, block: Block, text: str) -> str:
        """One paragraph of ``block`` inside its bookmark, as :meth:`marked` makes it."""
        return x.paragraph(content_runs, para, self._mark(block, text, block.lang))

    def _mark(self, block: Block, text: str, lang: str) -> tuple[int, str]:
        """The number and name of the next clause bookmark, recorded for ``block`` in ``lang``."""
        number = len(self.marks) + 1
        name = f"{MARK_PREFIX}{number}"
        self.marks.append(Mark(name, block.id, lang, text))
        return number, name

    def runs(self, text: str, lang: str, style: x.RunStyle) -> str:
        # the run properties of each style looked up once, by identity (as in :meth:`face`)
        entry = self._run_properties.get(id(style))
        if entry is None or entry[0] is not style:
            entry = self._run_properties[id(style)] = (style, x.run_properties(style, self.fonts))
        return x.styled_runs(text, lang, entry[1], zwsp=self.zwsp)

    # -- measuring ---------------------------------------------------------------------------
    def width(self, text: str, lang: str, style: x.RunStyle) -> int:
        """Width of ``text`` on one line, in twips."""
        face = self.face(lang, style)
        return face.twips(face.widths.units(text))

    def face(self, lang: str, style: x.RunStyle) -> _Face:
        """How text of ``style`` in ``lang`` is measured. Looked up by the style's identity (the
        entry keeps the style, so its id is never another's): hashing a style for every word
        measured costs more than the measuring."""
        entry = self._faces.get((lang, id(style)))
        if entry is not None and entry[0] is style:
            return entry[1]
        lao = lang == "lo"
        widths = char_widths(lao, style_name(style.bold, style.italic and not lao))
        per_em, size, factor = units_per_em(lao), x.run_size(lang, self.fonts, style), self._factors[lao]

        def twips(units: int) -> int:
            return math.ceil(20 * (units / per_em) * size * factor)

        face = _Face(widths, per_em, size, factor, _Memo(widths.units), _Memo(twips))
        self._faces[lang, id(style)] = (style, face)
        return face

    def longest_unbreakable(self, text: str, lang: str, style: x.RunStyle, limit: int) -> int:
        """The widest word (Lao: the widest unspaced phrase, so a name is never broken) up to
        ``limit`` twips; a longer unspaced Lao phrase is running text, wrapped between words."""
        widest = 0
        face = self.face(lang, style)
        for chunk in _chunks(text):
            width = face.twips(face.word_units[chunk])
            if width > limit and lang == "lo":
                from ..words.tokens import tokenize

                width = max((self.width(w, lang, style) for w in tokenize(chunk, "lo")), default=0)
            widest = max(widest, width)
        return widest

    def keep_lao_phrases(self, text: str, lang: str, style: x.RunStyle, width: int) -> str:
        """Lao ``text`` with a line break after each space where the next unspaced phrase would
        not fit the rest of the line but fits a line of its own (``width`` twips). Word and
        LibreOffice break Lao between dictionary words, and so inside a name they do not know
        (`ເມືອງດັກເກ|ລີ`); breaking at the space first keeps every phrase that fits a line whole.
        The space stays before the break, so the text reads the same."""
        if lang != "lo":
            return text
        face = self.face(lang, style)
        units_of, twips = face.word_units.__getitem__, face.twips_of.__getitem__
        space = units_of(" ")
        lines = []
        for line in text.split("\n"):
            # the phrases on the line so far and their width with the spaces between them, in
            # font units: the width of a candidate line is a sum, not a new measurement
            current: list[str] = []
            used = 0
            for chunk in line.split(" "):
                units = units_of(chunk)
                if current and twips(used + space + units) > width and twips(units) <= width:
                    lines.append(" ".join(current) + " ")
                    current, used = [chunk] if chunk else [], units
                elif current:
                    current.append(chunk)
                    used += space + units
                elif chunk:  # nothing on the line yet: spaces before the first phrase are dropped
                    current, used = [chunk], units
            lines.append(" ".join(current))
        return "\n".join(lines)

    def balanced(self, text: str, lang: str, style: x.RunStyle, width: int) -> str:
        """``text`` broken at spaces into as few lines as it needs at ``width`` twips, the lines as
        even as they can be and, where that still fits, broken before the word naming an
        administrative unit ("TM. ỦY BAN NHÂN DÂN / HUYỆN ĐĂK GLEI", not "… HUYỆN ĐĂK / GLEI"):
        for the capacity and title lines of signature blocks, where a name cut at the end of a
        line reads badly. A word wider than a line is left to the word processor. As in
        :meth:`keep_lao_phrases`, the space stays before each break, so the text reads the same."""
        room = width * 0.96  # what Word may measure wider than our metrics
        out = []
        face = self.face(lang, style)
        units_of, twips = face.word_units.__getitem__, face.twips_of.__getitem__
        space_units = units_of(" ")
        space = twips(space_units)
        for line in text.split("\n"):
            words = line.split(" ")
            if len(words) < 2:
                out.append(line)
                continue
            # the line's width is the sum of its words' and spaces' (font units are integers)
            word_units = list(map(units_of, words))
            if twips(sum(word_units) + space_units * (len(words) - 1)) <= room:
                out.append(line)
                continue
            widths = list(map(twips, word_units))
            # as few lines as a greedy fill needs; its widest line bounds the even breaks
            count, filled = _greedy_fill(widths, space, room)
            units = _UNITS.get(lang, ())
            anchors = [i for i, word in enumerate(words) if i and word.lower().startswith(units)]
            cuts = _even_breaks(widths, space, count, anchors, room) or _even_breaks(
                widths, space, count, range(1, len(words)), filled
            )
            bounds = [0, *cuts, len(words)]
            out.append(" \n".join(" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)))
        return "\n".join(out)

    def height(self, text: str, lang: str, style: x.RunStyle, para: x.ParaStyle, width: int) -> float:
        """Estimated height in points of a paragraph of ``text`` set ``width`` twips wide."""
        size = x.run_size(lang, self.fonts, style)
        usable = max(1, width - x.twips_cm(para.first_line_cm))
        lines = sum(
            max(1, math.ceil(self.width(line, lang, style) * 1.08 / usable)) for line in text.split("\n")
        )
        return (
            lines * line_height_pt(size, lao=lang == "lo") * para.line / 240 + para.before_pt + para.after_pt
        )

    def block_height(self, block: Block, width: int) -> float:
        if block.kind == "table":
            return sum(
                self.height(
                    "\n".join("  ".join(c) for c in row.cells),
                    block.lang,
                    x.RunStyle(size=_TABLE_PT),
                    _P_CENTER,
                    width,
                )
                for row in block.rows
            )
        style, para = self._styles(block)
        text = self.doc.article_heading(block) if block.kind == "article" else block.text
        return self.height(text, block.lang, style, para, width)

    # -- single blocks ---------------------------------------------------------------------
    @staticmethod
    def _styles(block: Block) -> tuple[x.RunStyle, x.ParaStyle]:
        return _STYLES.get(block.kind, _STYLES["para"])

    def block(self, block: Block, width: int, keep_next: bool = False) -> str:
        """One block set ``width`` twips wide; with ``keep_next``, every paragraph of it is kept on
        the page of what follows (the closing clause with the signatures, a lead-in with its
        table)."""
        kind = block.kind
        if kind == "national-header":
            return self.national_header(block, (COUNTRY_PT, MOTTO_PT), keep_next)
        if kind == "table":
            return self.data_table([block], width, keep_next)
        if kind == "signer":
            return self.signatures(self.signature_rows([[block]], width), width)
        lang = block.lang
        # the run properties and paragraph style of each kind of block, looked up once
        styles = self._block_styles.get((kind, lang, keep_next))
        if styles is None:
            style, para = self._styles(block)
            if keep_next:
                para = _kept(para)
            if kind != "article":
                para = self._lines_style(lang, para)
            styles = self._block_styles[kind, lang, keep_next] = (x.run_properties(style, self.fonts), para)
        properties, para = styles
        text = self.doc.article_heading(block) if kind == "article" else block.text
        runs = x.styled_runs(text, lang, properties, zwsp=self.zwsp)
        return x.paragraph(runs, para, self._mark(block, text, lang))

    @staticmethod
    def _lines_style(lang: str, para: x.ParaStyle) -> x.ParaStyle:
        """The paragraph style of a block's lines: Lao never justified (see :func:`_flush_left`)."""
        return _flush_left(para) if lang == "lo" and para.align == "both" else para

    def _lines(self, block: Block, run: x.RunStyle, para: x.ParaStyle) -> str:
        lang, text = block.lang, block.text
        return self.marked_paragraph(self.runs(text, lang, run), self._lines_style(lang, para), block, text)

    # -- the head: national header, issuing body and number, place and date ------------------
    @staticmethod
    def _header_style(index: int, sizes: tuple[float, float]) -> x.RunStyle:
        motto = index % 2 == 1
        return x.RunStyle(bold=True, underline=motto, size=sizes[1] if motto else sizes[0], exact_size=True)

    def national_header(self, block: Block, sizes: tuple[float, float], keep_next: bool = False) -> str:
        """The national header: country lines (odd) and mottos (even, underlined), centred, each
        on one line, the same size in every language."""
        out = []
        for i, line in enumerate(block.lines):
            last_motto = i % 2 == 1 and i >= len(block.lines) - 2
            out.append(
                x.paragraph(
                    self.runs(line, block.lang, self._header_style(i, sizes)),
                    x.ParaStyle(
                        align="center", after_pt=4 if last_motto else 0, line=240, keep_next=keep_next
                    ),
                )
            )
        return "".join(out)

    def header_width(self, blocks: list[Block], sizes: tuple[float, float]) -> int:
        """Width in twips of the widest national header line of ``blocks`` at ``sizes``."""
        return max(
            (
                self.width(line, b.lang, self._header_style(i, sizes))
                for b in blocks
                if b.kind == "national-header"
                for i, line in enumerate(b.lines)
            ),
            default=0,
        )

    def fit_header(self, columns: list[list[Block]], available: list[int]) -> tuple[float, float] | None:
        """The largest header sizes, at most Decree 30's, at which every header line of each
        column fits the column's available width (twips); ``None`` when even MIN_HEADER_PT does
        not."""
        full = (COUNTRY_PT, MOTTO_PT)
        scale = 1.0
        for blocks, room in zip(columns, available, strict=True):
            need = self.header_width(blocks, full)
            if need > room:
                scale = min(scale, room / need)
        sizes = (math.floor(COUNTRY_PT * scale * 2) / 2, math.floor(MOTTO_PT * scale * 2) / 2)
        while sizes[0] >= MIN_HEADER_PT:
            if all(self.header_width(b, sizes) <= room for b, room in zip(columns, available, strict=True)):
                return sizes
            sizes = (sizes[0] - 0.5, sizes[1] - 0.5)
        return None

    def issuer(self, block: Block) -> str:
        """Issuing body (bold capitals) and, on its last line, the number (Decree 30 boxes 2, 3)."""
        out = []
        for i, line in enumerate(block.lines):
            is_number = i == len(block.lines) - 1 and len(block.lines) > 1
            style = x.RunStyle(bold=not is_number, size=13 if is_number else 12.5)
            out.append(
                x.paragraph(
                    self.runs(line, block.lang, style),
                    x.ParaStyle(align="center", after_pt=6 if is_number else 0, line=240),
                )
            )
        return self.marked("".join(out), block, "\n".join(block.lines)) if out else ""

    def head_column(self, blocks: list[Block], sizes: tuple[float, float], *, issuer: bool = True) -> str:
        """National header, then (when ``issuer``) the issuing body and number, then the place and
        date centred under the motto."""
        out = []
        for block in blocks:
            if block.kind == "national-header":
                out.append(self.national_header(block, sizes))
            elif block.kind == "issuer":
                if issuer:
                    out.append(self.issuer(block))
            else:
                style, para = self._styles(block)
                out.append(self._lines(block, style, para))
        return "".join(out)

    def head_side_by_side(self, columns: list[list[Block]]) -> str:
        """One column per language, fitted to its national header, every line on one line."""
        margins = 2 * _CELL_MARGIN
        naturals = [self.header_width(c, (COUNTRY_PT, MOTTO_PT)) + margins for c in columns]
        # the room each column can have: its share of the width, in proportion to its header
        total = sum(naturals) or 1
        rooms = [int(self.text_width * n / total) - margins for n in naturals]
        if sum(naturals) <= self.text_width:
            rooms = [n - margins for n in naturals]
        sizes = self.fit_header(columns, rooms)
        if sizes is None:  # too long to stand side by side: one language under the other
            return "".join(self.head_full_width(c) for c in columns)
        needs = [self.header_width(c, sizes) + margins for c in columns]
        spare = (self.text_width - sum(needs)) // len(columns)
        widths = [n + spare for n in needs]
        widths[-1] = self.text_width - sum(widths[:-1])
        row = [self.head_column(c, sizes) for c in columns]
        return x.table([row], widths, borders=False, cell_margin=_CELL_MARGIN) + x.spacer(6)

    def head_full_width(self, blocks: list[Block]) -> str:
        """Decree 30 header of one language across the page: with an issuing body, the body and
        number top left and the national header top right with the place and date under it;
        without one, the national header centred and the place and date centred under it."""
        margins = 2 * _CELL_MARGIN
        if not any(b.kind == "issuer" for b in blocks):
            sizes = self.fit_header([blocks], [self.text_width - margins]) or (MIN_HEADER_PT, MIN_HEADER_PT)
            return self.head_column(blocks, sizes) + x.spacer(6)
        right_room = int(self.text_width * (1 - MIN_ISSUER_SHARE)) - margins
        sizes = self.fit_header([blocks], [right_room]) or (MIN_HEADER_PT, MIN_HEADER_PT)
        right = max(self.header_width(blocks, sizes) + margins, self.text_width // 2)
        left_xml = "".join(self.issuer(b) for b in blocks if b.kind == "issuer")
        right_xml = self.head_column(blocks, sizes, issuer=False)
        return x.table(
            [[left_xml, right_xml]], [self.text_width - right, right], borders=False, cell_margin=_CELL_MARGIN
        ) + x.spacer(6)

    # -- data tables ---------------------------------------------------------------------------
    def _table_style(self, header: bool) -> x.RunStyle:
        return x.RunStyle(bold=header, size=_TABLE_PT)

    def column_widths(self, rows: list[tuple[list[MergedCell], bool]], width: int) -> list[int]:
        """Column widths (twips) fitted to the content: every column at least as wide as its
        widest word or Lao name, the rest shared in proportion to how much each column holds."""
        columns = max(len(cells) for cells, _header in rows)
        margins = 2 * _CELL_MARGIN
        limit = int(width * _CHUNK_SHARE)
        mins, wants = [margins + 200] * columns, [margins + 200] * columns
        for cells, header in rows:
            style = self._table_style(header)
            for col, texts in enumerate(cells):
                for text, lang in texts:
                    mins[col] = max(mins[col], self.longest_unbreakable(text, lang, style, limit) + margins)
                    wants[col] = max(
                        wants[col], max(self.width(t, lang, style) for t in text.split("\n")) + margins
                    )
        wants = [max(w, m) for w, m in zip(wants, mins, strict=True)]
        if sum(wants) <= width:
            widths = [w + (width - sum(wants)) * w // sum(wants) for w in wants]
        elif sum(mins) <= width:
            spare = width - sum(mins)
            extra = [w - m for w, m in zip(wants, mins, strict=True)]
            widths = [m + spare * e // (sum(extra) or 1) for m, e in zip(mins, extra, strict=True)]
        else:
            widths = [m * width // sum(mins) for m in mins]
        widths[-1] = width - sum(widths[:-1])
        return widths

    def data_table(self, blocks: list[Block], width: int, keep_next: bool = False) -> str:
        """A data table across ``width`` with its header rows repeated on every page. Given the
        same table in several languages, one table whose cells hold each language in turn (a
        text the same in every language, such as a row number, once); tables of different
        shapes one after another. With ``keep_next`` every paragraph is kept with the next one."""
        merged = merge_tables(blocks)
        if merged is None:
            return "".join(self.data_table([b], width, keep_next) for b in blocks)
        widths = self.column_widths(merged, width)
        header_rows = next((i for i, (_cells, header) in enumerate(merged) if not header), len(merged))
        rows = []
        for index, (cells, header) in enumerate(merged):
            repeated = index < header_rows
            style = self._table_style(header)
            contents, height = [], 0.0
            for col, texts in enumerate(cells):
                align = "center" if header or col == 0 else "left"
                paras, cell_height = [], 0.0
                room = widths[col] - 2 * _CELL_MARGIN
                for n, (text, lang) in enumerate(texts):
                    para = x.ParaStyle(
                        align=align,
                        before_pt=2 if n else 0,
                        after_pt=0,
                        line=240,
                        keep_next=repeated or keep_next,
                    )
                    # the languages this text stands for (a row number once for all of them)
                    langs = [b.lang for b in blocks if _cell_text(b, index, col) == text]
                    text = self.keep_lao_phrases(text, lang, style, room)
                    paras.append(
                        self.marked(
                            x.paragraph(self.runs(text, lang, style), para),
                            next(b for b in blocks if b.lang == lang),
                            text,
                            langs,
                        )
                    )
                    cell_height += self.height(text, lang, style, para, room)
                contents.append("".join(paras))
                height = max(height, cell_height)
            # a short row moves whole to the next page; a row taller than a quarter page may split
            short = height * 20 < self.page_height / 4
            rows.append(x.TableRow(tuple(contents), header=repeated, cant_split=short))
        return x.table(rows, widths, borders=True, cell_margin=_CELL_MARGIN)

    # -- signatures ---------------------------------------------------------------------------
    def signers_per_row(self, signers: list[list[Block]], width: int) -> int:
        """As many blocks to a row as fit (at most ``max_signers``) with no word of a title or
        name broken (a Lao title is unspaced: it must fit whole), balanced over the rows."""
        per_row = min(self.max_signers, len(signers))
        narrowest = width // per_row - 2 * _CELL_MARGIN
        # only a phrase of more characters than the narrowest block holds of the widest
        # character can be too wide: measure those
        room = {
            lang: narrowest
            / (
                20
                * widest_char_em(lang == "lo", True)
                * x.run_size(lang, self.fonts, _BOLD)
                * self._factors[lang == "lo"]
            )
            for lang in ("vi", "lo", "en")
        }
        widest = max(
            (
                self.longest_unbreakable(line, b.lang, _BOLD, width)
                for group in signers
                for b in group
                for line in b.lines
                if max(map(len, line.split()), default=0) > room[b.lang]
            ),
            default=0,
        )
        while per_row > 1 and widest > width // per_row - 2 * _CELL_MARGIN:
            per_row -= 1
        rows = math.ceil(len(signers) / per_row)
        return math.ceil(len(signers) / rows)

    def signer_titles(self, blocks: list[Block], top_gap: float, width: int) -> str:
        """Capacity and title lines of one party (in each language), then room to sign and seal."""
        out: list[str] = []
        top = _spaced(_P_SIGNER_LINE, before_pt=top_gap)  # the first line of the first block
        for block in blocks:
            lang = block.lang
            lines = [self.balanced(line, lang, _BOLD, width) for line in block.lines[:-1]]
            if lines:
                paras = [
                    (self.runs(line, lang, _BOLD), _P_SIGNER_LINE if out or i else top)
                    for i, line in enumerate(lines)
                ]
                out.append(x.marked_paragraphs(paras, self._mark(block, "\n".join(lines), lang)))
        out.append(_SIGNATURE_SPACE)
        return "".join(out)

    def signer_names(self, blocks: list[Block], gap: float, width: int) -> str:
        names = [b for b in blocks if b.lines]
        out = []
        last = _spaced(_P_SIGNER_NAME, after_pt=gap)
        for i, b in enumerate(names):
            name = self.keep_lao_phrases(b.lines[-1], b.lang, _BOLD, width)
            para = last if i == len(names) - 1 else _P_SIGNER_NAME
            out.append(x.paragraph(self.runs(name, b.lang, _BOLD), para, self._mark(b, name, b.lang)))
        return "".join(out)

    def signature_rows(self, signers: list[list[Block]], width: int) -> list[list[list[Block]]]:
        """The signature blocks (each a party's blocks in every language) in rows."""
        if not signers:
            return []
        per_row = self.signers_per_row(signers, width)
        rows: list[list[list[Block]]] = []
        remaining = list(signers)
        while remaining:
            # balanced: 10 blocks at three to a row are 3, 3, 2, 2
            count = math.ceil(len(remaining) / math.ceil(len(remaining) / per_row))
            rows.append(remaining[:count])
            remaining = remaining[count:]
        return rows

    def signature_row_height(self, row: list[list[Block]], width: int) -> float:
        """Estimated height in points of one row of signature blocks (titles, space, names)."""
        cell = width // len(row) - 2 * _CELL_MARGIN
        heights = [
            sum(self.height(line, b.lang, _BOLD, _P_CENTER, cell) for b in group for line in b.lines)
            for group in row
        ]
        space = SIGNATURE_SPACE_LINES * line_height_pt(self.fonts.latin_size, lao=False) * 1.1
        return max(heights, default=0) + space + SIGNATURE_ROW_GAP_PT

    def signature_table_rows(
        self, rows: list[list[list[Block]]], grid: _Grid, top_gap: float
    ) -> list[x.TableRow]:
        """Rows of signature blocks (:meth:`signature_rows`) side by side, as rows of a table on
        ``grid``: each row's names stand on one line whatever the number of title lines above
        them, rows part by clear space, a row never splits and its titles stay with its names (a
        row may move on whole). A short last row is centred."""
        per_row = max(len(r) for r in rows)
        out = []
        for index, row in enumerate(rows):
            empty = per_row - len(row)  # half-columns left empty either side
            cuts = [0] + ([empty] if empty else []) + [empty + 2 * (i + 1) for i in range(len(row))]
            cuts += [2 * per_row] if empty else []
            spans = grid.spans(2 * per_row, cuts)
            pad = ("",) if empty else ()
            gap = SIGNATURE_ROW_GAP_PT if index < len(rows) - 1 else 0
            room = grid.width // per_row - 2 * _CELL_MARGIN
            titles = tuple(self.signer_titles(g, top_gap if index == 0 else 0, room) for g in row)
            names = tuple(self.signer_names(g, gap, room) for g in row)
            out.append(x.TableRow(pad + titles + pad, spans, cant_split=True, margin=_CELL_MARGIN))
            out.append(x.TableRow(pad + names + pad, spans, cant_split=True, margin=_CELL_MARGIN))
        return out

    def signatures(self, rows: list[list[list[Block]]], width: int, top_gap: float = 12) -> str:
        if not rows:
            return ""
        grid = _Grid(width, [2 * max(len(r) for r in rows)])
        return x.table(
            self.signature_table_rows(rows, grid, top_gap),
            grid.widths,
            borders=False,
            cell_margin=_CELL_MARGIN,
        )

    def keeps_closing(self, closing_height: float, rows: list[list[list[Block]]], width: int) -> bool:
        """Whether the closing clause can be kept on the page of the first row of signatures:
        if both move on, the page they leave is at most MAX_EMPTY_PAGE empty."""
        if not rows:
            return False
        return (
            closing_height + self.signature_row_height(rows[0], width)
        ) * 20 <= self.page_height * MAX_EMPTY_PAGE

    # -- layouts ---------------------------------------------------------------------------
    # The layouts return the body in pieces, in order, for package_docx to write one by one: a
    # large body is then never joined into one string.
    def sequential(self, languages: Iterable[str]) -> list[str]:
        out = []
        for n, lang in enumerate(languages):
            if n:
                out.append(x.page_break())
            blocks = self.doc.texts[lang]
            head = 0
            while head < len(blocks) and blocks[head].kind in _HEAD_KINDS:
                head += 1
            if head:
                out.append(self.head_full_width(blocks[:head]))
            signers = self.signature_rows([[b] for b in blocks[head:] if b.kind == "signer"], self.text_width)
            body = [b for b in blocks[head:] if b.kind != "signer"]
            keep = bool(body) and self.keeps_closing(
                self.block_height(body[-1], self.text_width), signers, self.text_width
            )
            for index, block in enumerate(body):
                # the closing clause stays on the page of the signatures, a lead-in with its table
                keep_next = (keep and index == len(body) - 1) or (
                    index + 1 < len(body) and body[index + 1].kind == "table"
                )
                out.append(self.block(block, self.text_width, keep_next))
                if block.kind == "table":
                    out.append(x.spacer(6))
            out.append(self.signatures(signers, self.text_width))
        return out

    def _lead_in(self, rows: list[dict[str, Block]]) -> list[dict[str, Block]]:
        """The rows before a data table that go with it across the page: the last row (the
        table's lead-in or heading) and the headings above it, if each is short."""
        lead: list[dict[str, Block]] = []
        limit = 3 * line_height_pt(self.fonts.latin_size, lao=False) * 1.1 + 12
        while rows:
            cells = rows[-1]
            kinds = {b.kind for b in cells.values()}
            if lead and not kinds <= {"heading", "article"}:
                break
            if not kinds <= {"heading", "article", "para", "item", "subtitle"} or any(
                self.block_height(b, self.text_width) > limit for b in cells.values()
            ):
                break
            lead.insert(0, rows.pop())
        return lead

    def language_rows(
        self, content: list[dict[str, Block]], languages: list[str], width: int, *, keep_last: bool = False
    ) -> list[list[str]]:
        """Rows of blocks, one column per language (an empty cell where a language lacks the
        clause); with ``keep_last``, the last row is kept with what follows."""
        last = len(content) - 1
        return [
            [
                self.block(cells[lang], width, keep_last and index == last) if lang in cells else ""
                for lang in languages
            ]
            for index, cells in enumerate(content)
        ]

    def side_by_side(self, languages: list[str]) -> list[str]:
        column = self.text_width // len(languages)
        cell_width = column - _GUTTER
        aligned = self.doc.aligned_rows(languages)
        head = 0
        while head < len(aligned) and all(b.kind in _HEAD_KINDS for b in aligned[head][1].values()):
            head += 1
        out = []
        if head:
            columns = [[cells[lang] for _cid, cells in aligned[:head] if lang in cells] for lang in languages]
            out.append(self.head_side_by_side([c for c in columns if c]))
        signers: list[list[Block]] = []
        # segments: rows in language columns; data tables across the page, with their lead-in
        # set across the page too, language under language (LibreOffice does not keep the last
        # row of one table with the next table, but does keep a paragraph with it)
        segments: list[tuple[str, list]] = []
        for _clause_id, cells in aligned[head:]:
            first = next(iter(cells.values()))
            if first.kind == "signer":
                signers.append([cells[lang] for lang in languages if lang in cells])
            elif first.kind == "table":
                if segments and segments[-1][0] == "rows":
                    lead = self._lead_in(segments[-1][1])
                    if not segments[-1][1]:
                        segments.pop()
                    if lead:
                        segments.append(("lead", lead))
                segments.append(("table", [cells[lang] for lang in languages if lang in cells]))
            else:
                if not segments or segments[-1][0] != "rows":
                    segments.append(("rows", []))
                segments[-1][1].append(cells)
        if signers and (not segments or segments[-1][0] != "rows"):
            segments.append(("rows", []))
        for index, (kind, content) in enumerate(segments):
            if kind == "table":
                out += [self.data_table(content, self.text_width), x.spacer(6)]
                continue
            if kind == "lead":
                out.extend(
                    self.block(cells[lang], self.text_width, keep_next=True)
                    for cells in content
                    for lang in languages
                    if lang in cells
                )
                continue
            last = index == len(segments) - 1
            if last and signers:
                # the signatures are rows of the same table: LibreOffice keeps a row with the
                # next row of its table, not with the next table
                signature_rows = self.signature_rows(signers, self.text_width)
                grid = _Grid(self.text_width, [len(languages), 2 * max(len(r) for r in signature_rows)])
                spans = grid.spans(len(languages), list(range(len(languages) + 1)))
                closing = (
                    max((self.block_height(b, cell_width) for b in content[-1].values()), default=0)
                    if content
                    else 0
                )
                keep = bool(content) and self.keeps_closing(closing, signature_rows, self.text_width)
                rows = self.language_rows(content, languages, cell_width, keep_last=keep)
                table_rows = [x.TableRow(tuple(r), spans) for r in rows]
                table_rows += self.signature_table_rows(signature_rows, grid, 12)
                out.append(x.table(table_rows, grid.widths, borders=False, cell_margin=_GUTTER // 2))
            else:
                rows = self.language_rows(content, languages, cell_width)
                out.append(x.table(rows, [column] * len(languages), borders=False, cell_margin=_GUTTER // 2))
                out.append(x.spacer(6))
        return out


class _Grid:
    """Grid columns of a table whose rows divide the width differently (language columns, halves
    of signature columns): the union of every division's boundaries."""

    def __init__(self, width: int, divisions: list[int]) -> None:
        self.width = width
        points = sorted({round(i * width / n) for n in divisions for i in range(n + 1)})
        merged = [points[0]]
        for point in points[1:]:
            if point - merged[-1] > 20:  # a twip of rounding is no column
                merged.append(point)
        merged[-1] = width
        self.points = merged
        self.widths = [b - a for a, b in pairwise(merged)]

    def spans(self, division: int, cuts: list[int]) -> tuple[int, ...]:
        """Grid columns spanned by consecutive cells whose edges are ``cuts`` (in units of
        ``width / division``)."""

        def index(cut: int) -> int:
            position = round(cut * self.width / division)
            return min(range(len(self.points)), key=lambda i: abs(self.points[i] - position))

        edges = [index(c) for c in cuts]
        return tuple(b - a for a, b in pairwise(edges))


def _setup(docx_doc, fonts: Fonts, main_lang: str, landscape: bool) -> int:
    """Page size, margins, defaults and page numbers; returns the text width in twips."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    x.set_document_defaults(docx_doc.styles.element, fonts, main_lang)

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
    x.put_page_number(section.header.paragraphs[0]._p, fonts, main_lang)
    return int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU -> twips


#: The parts of the package made anew for every document; the skeleton's other parts are copied.
_BODY_PART, _CORE_PART = "word/document.xml", "docProps/core.xml"
#: The skeleton's parts an export record adds to (:func:`~mou_drafter.render.oxml.with_custom_xml`),
#: with its custom XML parts (python-docx's template has one; the record's is numbered after it):
#: kept apart, uncompressed, and written with every document.
_RECORD_PARTS = ("[Content_Types].xml", "word/_rels/document.xml.rels")


@lru_cache(maxsize=16)
def _skeleton(
    fonts: Fonts, main_lang: str, landscape: bool
) -> tuple[bytes, bytes, bytes, dict[str, bytes], int]:
    """The package around the body, made once per fonts, language and orientation:
    python-docx's default template with our styles, page setup and page-number header. Returns
    a zip of every part but ``word/document.xml``, the core properties and the parts an export
    record adds to, compressed once (the styles alone are 800 kB); ``word/document.xml`` before
    and after the body, encoded; the parts an export record adds to (``_RECORD_PARTS``); and the
    text width in twips.

    Kept in the user's cache folder too (:func:`_stored_skeleton`): a new process (``mou-drafter
    render``) then neither imports python-docx nor builds and compresses the skeleton again."""
    key = _skeleton_key(fonts, main_lang, landscape)
    stored = _stored_skeleton(key) if key else None
    if stored is not None:
        return stored
    built = _build_skeleton(fonts, main_lang, landscape)
    if key:
        _store_skeleton(key, built)
    return built


def _build_skeleton(
    fonts: Fonts, main_lang: str, landscape: bool
) -> tuple[bytes, bytes, bytes, dict[str, bytes], int]:
    from docx import Document as new_docx

    docx_doc = new_docx()
    text_width = _setup(docx_doc, fonts, main_lang, landscape)
    out = io.BytesIO()
    docx_doc.save(out)
    rest = io.BytesIO()
    own: dict[str, bytes] = {}
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(rest, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in _RECORD_PARTS or info.filename.startswith("customXml/"):
                own[info.filename] = source.read(info)
            elif info.filename not in (_BODY_PART, _CORE_PART):
                target.writestr(info, source.read(info))
        head, tail = x.around_body(source.read(_BODY_PART).decode("utf-8"))
    return rest.getvalue(), head.encode("utf-8"), tail.encode("utf-8"), own, text_width


#: The files the skeleton is made from: ours (the page setup here, the XML in ``oxml``, the fonts
#: in ``options``) and python-docx's (its version and its default template).
_SKELETON_SOURCES = ("docx.py", "oxml.py", "options.py")
_SKELETON_FORMAT = "3"


def _skeleton_key(fonts: Fonts, main_lang: str, landscape: bool) -> str | None:
    """A digest of everything the skeleton is made from, naming its file in the cache; ``None``
    where a source cannot be read (a frozen app without its ``.py`` files): no cache then."""
    digest = hashlib.sha1(repr((_SKELETON_FORMAT, fonts, main_lang, landscape)).encode("utf-8"))
    try:
        spec = importlib.util.find_spec("docx")  # finds python-docx without importing it
        if spec is None or not spec.submodule_search_locations:
            return None
        docx_dir = list(spec.submodule_search_locations)[0]
        here = os.path.dirname(os.path.abspath(__file__))
        paths = [os.path.join(here, name) for name in _SKELETON_SOURCES]
        paths += [os.path.join(docx_dir, "__init__.py"), os.path.join(docx_dir, "templates", "default.docx")]
        for path in paths:
            with open(path, "rb") as file:
                digest.update(file.read())
    except (OSError, ImportError, ValueError):
        return None
    return digest.hexdigest()


def _skeleton_path(key: str) -> str:
    return os.path.join(cache_dir(), "skeletons", f"{key}.bin")


def _stored_skeleton(key: str) -> tuple[bytes, bytes, bytes, dict[str, bytes], int] | None:
    """The skeleton stored under ``key``: a line of JSON (the text width, the sizes of the three
    pieces, the names and sizes of the parts a record adds to), then the pieces and those parts;
    ``None`` if there is none or it is unreadable."""
    try:
        with open(_skeleton_path(key), "rb") as file:
            data = file.read()
        header, _, pieces = data.partition(b"\n")
        meta = json.loads(header)
        sizes, width, names = meta["sizes"], meta["width"], meta["own"]
        if len(sizes) != 3 + len(names) or sum(sizes) != len(pieces) or not isinstance(width, int):
            return None
        starts = [sum(sizes[:i]) for i in range(len(sizes))]
        rest, head, tail, *parts = (pieces[a : a + n] for a, n in zip(starts, sizes, strict=True))
        own = dict(zip(names, parts, strict=True))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return rest, head, tail, own, width


def _store_skeleton(key: str, skeleton: tuple[bytes, bytes, bytes, dict[str, bytes], int]) -> None:
    """Write the skeleton for later processes (to a temporary file renamed into place, so another
    process never reads half of it); a cache that cannot be written only costs the building."""
    rest, head, tail, own, width = skeleton
    pieces = [rest, head, tail, *own.values()]
    header = json.dumps({"width": width, "own": list(own), "sizes": [len(p) for p in pieces]}).encode("ascii")
    path = _skeleton_path(key)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(header + b"\n" + b"".join(pieces))
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)
            raise
    except OSError:
        pass


#: zlib's level for the parts written at each export: level 3 compresses a large body at
#: about twice the speed of the default 6, for a file about a fifth larger (benchmarks/bench_render.py).
ZIP_LEVEL = 3


def package_docx(
    body_xml: str | Iterable[str],
    fonts: Fonts,
    main_lang: str,
    *,
    landscape: bool = False,
    title: str = "",
    description: str = "",
    record: ExportRecord | None = None,
) -> bytes:
    """A DOCX package: the cached skeleton's parts, with ``body_xml`` (a string, or pieces of
    one in order) as the body of ``word/document.xml``, before ``w:sectPr``
    (:func:`~mou_drafter.render.oxml.around_body`), and fresh core properties, added to the zip of
    the skeleton's other parts (copied as they were compressed); with ``record``, the export
    record as a custom XML part (:mod:`mou_drafter.render.record`).

    Building the body as strings and writing them out costs a fraction of parsing it into
    python-docx's element classes and serialising it again (see ``benchmarks/bench_render.py``);
    the pieces are encoded and compressed one by one, so a large body is never copied whole into
    one string with the rest of the part (each copy of a few megabytes costs fresh memory pages).
    """
    rest, head, tail, own, _width = _skeleton(fonts, main_lang, landscape)
    if record is not None:
        own = x.with_custom_xml(own, record_xml(record), RECORD_NS, record_item_id(record.fingerprint))
    now = dt.datetime.now(dt.UTC)
    out = io.BytesIO(rest)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as target:
        for name, data in own.items():
            target.writestr(name, data)
        entry = zipfile.ZipInfo(_BODY_PART, date_time=time.localtime()[:6])
        entry.compress_type = zipfile.ZIP_DEFLATED
        # what ZipFile.open(name, "w") sets (typeshed lacks this attribute; compress_level from 3.13 on)
        entry._compresslevel = ZIP_LEVEL  # type: ignore[attr-defined]
        with target.open(entry, "w") as part:
            part.write(head)
            for piece in [body_xml] if isinstance(body_xml, str) else body_xml:
                part.write(piece.encode("utf-8"))
            part.write(tail)
        target.writestr(_CORE_PART, x.core_properties(title, x.LANG_TAGS[main_lang], description, now))
    return out.getvalue()


def text_width(fonts: Fonts, main_lang: str, landscape: bool) -> int:
    return _skeleton(fonts, main_lang, landscape)[4]


def _docx_bytes(
    doc: Document,
    layout: str,
    languages: list[str],
    options: RenderOptions,
    carry: ExportRecord | None = None,
) -> bytes:
    fonts = options.fonts
    landscape = layout == "side-by-side" and len(languages) >= 3
    main_lang = "vi" if "vi" in languages else languages[0]
    writer = _Writer(
        doc, fonts, text_width(fonts, main_lang, landscape), landscape, zwsp=options.lao_zero_width_spaces
    )
    body = writer.side_by_side(languages) if layout == "side-by-side" else writer.sequential(languages)
    record = None
    if carry is not None:
        marks = tuple(writer.marks)
        record = replace(
            carry,
            template=doc.template,
            layout=options.layout,
            languages=tuple(languages),
            marks=marks,
            fingerprint=fingerprint(exported_texts(marks)),
        )
    return package_docx(
        body,
        fonts,
        main_lang,
        landscape=landscape,
        title=_title(doc, languages[0]),
        description=f"template {doc.template}",
        record=record,
    )


def _title(doc: Document, lang: str) -> str:
    parts = [b.text for b in doc.texts.get(lang, []) if b.kind in ("title", "subtitle")][:2]
    return " ".join(parts).replace("\n", " ")[:250]


def render_docx(
    doc: Document, options: RenderOptions | None = None, *, carry: ExportRecord | None = None
) -> dict[str, bytes]:
    """The languages of ``doc`` as Word files laid out as ``options`` say: ``{"": data}``, or
    ``{lang: data}`` for ``separate`` (one file per language of ``doc``). With ``carry`` (the
    draft and what the export is), each file carries its export record with the clause bookmarks
    (:mod:`mou_drafter.render.record`); the renderer fills in the template, layout, languages,
    marks and fingerprint."""
    options = options or RenderOptions()
    if options.layout == "separate":
        return {lang: _docx_bytes(doc, "sequential", [lang], options, carry) for lang in doc.languages}
    return {"": _docx_bytes(doc, options.layout, list(doc.languages), options, carry)}
