"""Pages: the exported Word document as it prints, for the app's print preview ("Xem trước bản in").

The DOCX is converted to PDF by LibreOffice (headless, with a profile of its own, so a LibreOffice
the clerk has open is neither used nor disturbed); Poppler's ``pdftoppm`` turns the PDF's pages
into images and ``pdftotext -bbox-layout`` reads its words with their boxes. Each step is a child
process that can be cancelled (:class:`Cancelled`): the app cancels a render as soon as the draft
changes, and the child is stopped at once, with LibreOffice's own children (it is started as the
leader of a process group of its own; on Windows ``taskkill /T`` stops the tree).

Every printed word is traced back to the document model (:func:`locate`): the block (clause id)
whose text holds its line and, among the texts the clerk typed (and the dates and amounts the
draft holds), the field printed there (``areas[2].title.lo``), so a click on a page can put the
cursor in that field. Printed text and the document model are compared with spaces, zero-width
spaces and combining marks removed and letters case-folded (:func:`squeeze`): ``pdftotext``
separates Lao marks from their letters, and the templates print some fields in capitals.

Qt-free; the app reaches it through :func:`mou_drafter.api.render_pages`. ``MOU_DRAFTER_SOFFICE``
names the ``soffice`` to use and ``MOU_DRAFTER_POPPLER`` the folder of ``pdftoppm`` and
``pdftotext`` (``none``: as if not installed).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Block, Document
from ..errors import ExportError
from .pdf import LibreOffice, find_soffice
from .processes import Cancelled, run, tail

#: The page images' resolution when none is asked for (dots per inch).
DEFAULT_DPI = 120
_XHTML = "{http://www.w3.org/1999/xhtml}"
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})
#: A gap wider than this (points) between two words of a printed line separates two texts
#: (two columns of a table, say) that may belong to different blocks.
COLUMN_GAP_PT = 12.0


# -- the tools ---------------------------------------------------------------------------------


def _disabled(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("", "none")


def find_poppler(tool: str) -> str | None:
    """Poppler's ``pdftoppm`` or ``pdftotext``: in ``MOU_DRAFTER_POPPLER`` (a folder), else on the PATH."""
    folder = os.environ.get("MOU_DRAFTER_POPPLER")
    if folder is not None:
        if _disabled(folder):
            return None
        return shutil.which(tool, path=folder)
    return shutil.which(tool)


def missing_tools() -> list[str]:
    """What the page view needs and this computer lacks: ``LibreOffice``, ``pdftoppm``, ``pdftotext``."""
    missing = [] if find_soffice() else ["LibreOffice"]
    return missing + [tool for tool in ("pdftoppm", "pdftotext") if not find_poppler(tool)]


def docx_to_pdf(
    docx: Path,
    folder: Path,
    *,
    soffice: str | None = None,
    profile: Path | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """``docx`` printed to PDF by LibreOffice (:class:`.pdf.LibreOffice`, the PDF export's), in
    ``folder``, at a low CPU priority (the print preview renders while the clerk types).
    ``profile``: LibreOffice's user profile folder to use (made on first use; reusing one saves
    its set-up on later renders); a temporary one without. Cancelled (:class:`Cancelled`) when
    ``cancel`` is set."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise ExportError("LibreOffice is not installed on this computer")
    return LibreOffice(soffice).convert([docx], folder, profile=profile, cancel=cancel, background=True)[0]


def page_images(
    pdf: Path, folder: Path, dpi: float = DEFAULT_DPI, *, cancel: threading.Event | None = None
) -> list[Path]:
    """Every page of ``pdf`` as an image (PPM: uncompressed, quick to write and to read) in
    ``folder`` (made if needed), ``dpi`` dots per inch (a fraction allowed: the print preview asks
    for the screen's pixels at its zoom, so the images are shown without scaling)."""
    tool = find_poppler("pdftoppm")
    if tool is None:
        raise ExportError("pdftoppm (Poppler) is not installed on this computer")
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "pdftoppm.log"
    code = run([tool, "-r", f"{dpi:g}", str(pdf), str(folder / "page")], log, cancel, background=True)
    images = sorted(folder.glob("page-*.ppm"), key=lambda p: int(p.stem.rpartition("-")[2]))
    if code != 0 or not images:
        raise ExportError(f"pdftoppm made no page images of {pdf.name} (exit code {code}): {tail(log)}")
    return images


# -- the printed words -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    """A printed word: its page (from 0), box in points from the page's top left, text, and where
    it comes from — the clause id of its block and the field path (``""`` when not known)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    line: int
    clause: str = ""
    path: str = ""

    def distance(self, x: float, y: float) -> float:
        dx = max(self.x0 - x, 0.0, x - self.x1)
        dy = max(self.y0 - y, 0.0, y - self.y1)
        return (dx * dx + dy * dy) ** 0.5


@dataclass
class Pages:
    """A document as printed: its PDF, one image per page (none when not asked for), page sizes
    in points, the printed words."""

    pdf: Path
    images: list[Path]
    sizes: list[tuple[float, float]]
    dpi: float
    words: list[Word] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sizes)

    def at(self, page: int, x: float, y: float, reach: float = 4.0) -> Word | None:
        """The printed word at (``x``, ``y``) points on ``page`` (or within ``reach`` points of it)."""
        best: tuple[float, Word] | None = None
        for word in self.words:
            if word.page != page:
                continue
            d = word.distance(x, y)
            if d <= reach and (best is None or d < best[0]):
                best = (d, word)
        return best[1] if best else None


def read_words(
    pdf: Path, folder: Path, *, cancel: threading.Event | None = None
) -> tuple[list[tuple[float, float]], list[Word]]:
    """The page sizes (points) and the printed words of ``pdf`` in reading order, each knowing its line."""
    tool = find_poppler("pdftotext")
    if tool is None:
        raise ExportError("pdftotext (Poppler) is not installed on this computer")
    out = folder / "words.html"
    code = run([tool, "-bbox-layout", str(pdf), str(out)], folder / "pdftotext.log", cancel, background=True)
    try:
        return _words_of(out)
    except (OSError, ET.ParseError) as exc:
        raise ExportError(
            f"pdftotext could not read the words of {pdf.name} (exit code {code}): {exc}"
        ) from None


def _words_of(html: Path) -> tuple[list[tuple[float, float]], list[Word]]:
    """The page sizes and words of ``pdftotext -bbox-layout``'s output ``html``. Parsed as it is
    read, 16 KB at a time (``iterparse``): the parser holds Python's interpreter lock while it
    works, and the whole output of a document (a few hundred kilobytes) parsed in one call kept the
    app's window waiting 35 ms while a page render ran."""
    sizes: list[tuple[float, float]] = []
    words: list[Word] = []
    page_tag, line_tag, word_tag = f"{_XHTML}page", f"{_XHTML}line", f"{_XHTML}word"
    line_number = 0
    for event, element in ET.iterparse(html, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == page_tag:
                sizes.append((float(element.get("width", 0)), float(element.get("height", 0))))
        elif tag == word_tag:
            words.append(
                Word(
                    len(sizes) - 1,
                    float(element.get("xMin", 0)),
                    float(element.get("yMin", 0)),
                    float(element.get("xMax", 0)),
                    float(element.get("yMax", 0)),
                    element.text or "",
                    line_number,
                )
            )
        elif tag == line_tag:
            line_number += 1
            element.clear()  # its words are read: the tree need not hold them
    return sizes, words


# -- from printed words back to clauses and fields -----------------------------------------------------


@functools.lru_cache(maxsize=8192)
def squeeze(text: str) -> str:
    """``text`` as compared with the printed page: NFC, case-folded, without spaces, zero-width
    characters and combining marks (pdftotext separates Lao marks from their letters).

    Kept for the texts seen last: the live preview squeezes every block and field of the draft
    after each edit (:func:`field_clauses`), and an edit changes one of them."""
    text = unicodedata.normalize("NFC", text.translate(_LIGATURES)).casefold()
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Mn", "Mc", "Cf")
    )


def printed_text(document: Document, block: Block) -> str:
    """What a block prints: its lines, an article with its heading, a table's cells in order."""
    if block.kind == "article":
        return document.article_heading(block)
    if block.kind == "table":
        return "\n".join(line for row in block.rows for cell in row.cells for line in cell)
    return block.text


@dataclass
class _Target:
    """A block as the printed words are matched to it."""

    order: int
    block: Block
    text: str
    #: (start, end, path) of each field printed in the block, in squeezed characters.
    spans: list[tuple[int, int, str]]
    #: Where the last matched line ended: the next line of the block is looked for after it.
    consumed: int = 0


def _squeezed(values: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """``values`` with each text squeezed, leaving out those too short to tell anything ("1", "Ba")."""
    out: dict[str, list[tuple[str, str]]] = {}
    for lang, pairs in values.items():
        out[lang] = [(path, needle) for path, text in pairs if len(needle := squeeze(text)) >= 3]
    return out


def _spans(text: str, values: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Where each (squeezed) field value is in a block's squeezed ``text``: (start, end, path)."""
    spans = []
    for path, needle in values:
        start = text.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle), path))
            start = text.find(needle, start + 1)
    return spans


def field_clauses(document: Document, values: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """For each field printed in ``document``, the clause id of the first block that prints it
    (``values`` as for :func:`locate`): where a preview scrolls to when the field is edited."""
    squeezed = _squeezed(values)
    found: dict[str, str] = {}
    for lang in document.languages:
        for block in document.texts.get(lang, []):
            spans = _spans(squeeze(printed_text(document, block)), squeezed.get(lang, []))
            for start, end, path in spans:
                inside = any(s <= start and end <= e and e - s > end - start for s, e, _p in spans)
                if not inside:  # a party's name within the subject line is not where the name is
                    found.setdefault(path, block.id)
    return found


def _segments(line: list[Word]) -> list[list[Word]]:
    """A printed line cut where a wide gap separates two texts (two table columns, say)."""
    segments: list[list[Word]] = [[line[0]]]
    for previous, word in zip(line, line[1:], strict=False):
        if word.x0 - previous.x1 > COLUMN_GAP_PT or word.x0 < previous.x0:
            segments.append([])
        segments[-1].append(word)
    return segments


def locate(words: list[Word], document: Document, values: dict[str, list[tuple[str, str]]]) -> list[Word]:
    """The printed ``words`` with the clause id and the field path of each, where known.

    ``values`` are the draft's printed values per language, ``(path, text)``: the texts the clerk
    typed and the draft's dates and amounts as the documents write them. A printed line (or a
    part of it set apart by a wide gap) belongs to the block whose text holds it, the nearest one
    after the block of the line before in the same language when several do; within the block a
    word shows the longest field whose text covers it."""
    squeezed = _squeezed(values)
    targets: list[_Target] = []
    for lang in document.languages:
        for block in document.texts.get(lang, []):
            text = squeeze(printed_text(document, block))
            if text:
                targets.append(_Target(len(targets), block, text, _spans(text, squeezed.get(lang, []))))
    last: dict[str, int] = {}
    located: list[Word] = []
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    for line in lines.values():
        for segment in _segments(line):
            located.extend(_place(segment, targets, last))
    return _marks_follow_letters(located)


def _marks_follow_letters(words: list[Word]) -> list[Word]:
    """A "word" of combining marks alone (pdftotext sets Lao vowel and tone marks apart from their
    letters) belongs where the nearest printed letter on its page belongs."""
    out = []
    for word in words:
        if not word.clause and not squeeze(word.text):
            near = [w for w in words if w.page == word.page and w.clause and squeeze(w.text)]
            if near:
                nearest = min(
                    near, key=lambda w: w.distance((word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2)
                )
                word = Word(
                    word.page,
                    word.x0,
                    word.y0,
                    word.x1,
                    word.y1,
                    word.text,
                    word.line,
                    nearest.clause,
                    nearest.path,
                )
        out.append(word)
    return out


def _place(segment: list[Word], targets: list[_Target], last: dict[str, int]) -> list[Word]:
    """The words of ``segment`` traced to their block and fields; a segment no block holds is
    cut at its widest gap (two table cells printed close together) and each part traced."""
    needle = squeeze("".join(w.text for w in segment))
    found = _match(needle, targets, last) if needle else None
    if found is None:
        if len(segment) < 2:
            return segment
        cut = max(range(1, len(segment)), key=lambda i: segment[i].x0 - segment[i - 1].x1)
        return _place(segment[:cut], targets, last) + _place(segment[cut:], targets, last)
    target, start = found
    last[target.block.lang] = target.order
    target.consumed = start + len(needle)
    placed = []
    offset = start
    for word in segment:
        width = len(squeeze(word.text))
        covering = [
            s for s in target.spans if s[0] <= offset < s[1] or (width and s[0] < offset + width <= s[1])
        ]
        path = max(covering, key=lambda s: s[1] - s[0])[2] if covering else ""
        placed.append(
            Word(word.page, word.x0, word.y0, word.x1, word.y1, word.text, word.line, target.block.id, path)
        )
        offset += width
    return placed


def _match(needle: str, targets: list[_Target], last: dict[str, int]) -> tuple[_Target, int] | None:
    best: tuple[tuple[int, int], _Target, int] | None = None
    for target in targets:
        start = target.text.find(needle, target.consumed)
        if start < 0:
            start = target.text.find(needle)
        if start < 0:
            continue
        previous = last.get(target.block.lang, -1)
        # after the previous line's block of the same language first, the nearer the better
        rank = (0, target.order - previous) if target.order >= previous else (1, previous - target.order)
        if best is None or rank < best[0]:
            best = (rank, target, start)
    return (best[1], best[2]) if best else None


def render_pages(
    docx: bytes,
    folder: Path,
    document: Document,
    values: dict[str, list[tuple[str, str]]],
    *,
    dpi: float = DEFAULT_DPI,
    images: bool = True,
    profile: Path | None = None,
    cancel: threading.Event | None = None,
) -> Pages:
    """The Word document ``docx`` (the rendering of ``document``) printed and cut into pages in
    ``folder``: PDF, page images (unless ``images`` is false: :func:`page_images` makes them
    later, at the resolution the page sizes call for), printed words traced to clauses and fields
    (see :func:`locate`)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "document.docx"
    source.write_bytes(docx)
    pdf = docx_to_pdf(source, folder, profile=profile, cancel=cancel)
    sizes, words = read_words(pdf, folder, cancel=cancel)
    paths = page_images(pdf, folder, dpi, cancel=cancel) if images else []
    if cancel is not None and cancel.is_set():
        raise Cancelled
    return Pages(pdf, paths, sizes, dpi, locate(words, document, values))


__all__ = [
    "DEFAULT_DPI",
    "Cancelled",
    "Pages",
    "Word",
    "docx_to_pdf",
    "field_clauses",
    "find_poppler",
    "find_soffice",
    "locate",
    "missing_tools",
    "page_images",
    "printed_text",
    "read_words",
    "render_pages",
    "run",
    "squeeze",
]
