"""Every export as printed: each sample, a ten-party MoU and a two-day minutes draft, in every
layout and every language set, converted to PDF by LibreOffice in one batch and read back with
pdftotext. One function per check (``check_*``), each given one printed file.

What is checked on the printed page (issue 10):

* each national header line and motto stands on one line (expected texts written out below);
* every number of the DOCX text is in the PDF text as often (nothing clipped or lost);
* no page is more than half empty unless it ends the document or a language section (so a
  signature block never moves on leaving half a page behind);
* the closing paragraph of each language is printed complete;
* no Lao word or name in a table or a signature block is broken across lines.

A page count table is printed at the end of the run (``-s`` not needed: it goes to the terminal).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mou_drafter.api import RenderOptions, render_documents, render_to_path
from mou_drafter.model.files import load_draft
from mou_drafter.render.inspect import open_docx, paragraph_texts
from tests.conftest import SEEDS, soffice
from tests.printed_drafts import ten_party_mou, two_day_minutes

pytestmark = [
    pytest.mark.realclient,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; CI installs it"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
    ),
]

LANGUAGE_SETS = [("vi", "lo"), ("vi", "en"), ("lo", "en"), ("vi", "lo", "en")]
LAYOUTS = ("side-by-side", "sequential", "separate")
DRAFTS = {
    **{p.stem: (lambda p=p: load_draft(p)) for p in SEEDS},
    "ten-party-mou": ten_party_mou,
    "two-day-minutes": two_day_minutes,
}

#: The national header of each language, line by line, as it must be printed: each on one line.
NATIONAL_HEADERS = {
    "vi": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    "lo": ["ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ", "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ"],
    "en": [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        "LAO PEOPLE'S DEMOCRATIC REPUBLIC",
        "Peace - Independence - Democracy - Unity - Prosperity",
    ],
}
#: A page may be at most this much empty, unless it is the last of the file or of a language.
MAX_EMPTY = 0.5
#: Decree 30 top and bottom margins (mm): the text area the fill of a page is measured in.
MARGIN_MM = 20
#: Lines at the top of a page the national header must be among (the page number comes first).
HEADER_ZONE_LINES = 8


def squeeze(text: str) -> str:
    """pdftotext separates Lao combining marks from their consonants and moves them about:
    compare base letters only, without spaces."""
    return "".join(
        ch
        for ch in unicodedata.normalize("NFC", text)
        if not ch.isspace() and unicodedata.category(ch) not in ("Mn", "Mc")
    )


def collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class Printed:
    """One exported file and what LibreOffice printed of it."""

    draft: str
    layout: str
    languages: tuple[str, ...]
    #: The languages in this file (one for a file of the separate layout).
    file_languages: tuple[str, ...]
    docx: Path
    pdf: Path
    pages: list[str] = field(default_factory=list)  # pdftotext -layout, per page
    #: Per page: (page height in pt, [(xMin, yMin, yMax, word)]) from pdftotext -bbox.
    boxes: list[tuple[float, list[tuple[float, float, float, str]]]] = field(default_factory=list)
    #: Page widths in pt, per page.
    widths: list[float] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.pdf.name


def _case_id(draft: str, layout: str, languages: tuple[str, ...]) -> str:
    return f"{draft}-{layout}-{'+'.join(languages)}"


CASES = [(d, layout, langs) for d in DRAFTS for layout in LAYOUTS for langs in LANGUAGE_SETS]


def _read_pdf(item: Printed) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(item.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    item.pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(item.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.DOTALL):
        words = [
            (float(m.group(1)), float(m.group(2)), float(m.group(3)), html.unescape(m.group(4)))
            for m in re.finditer(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>',
                page.group(3),
            )
        ]
        item.widths.append(float(page.group(1)))
        item.boxes.append((float(page.group(2)), words))


@pytest.fixture(scope="module")
def printed(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> dict[str, list[Printed]]:
    """Every case exported and converted by LibreOffice in a single soffice call."""
    out = tmp_path_factory.mktemp("printed")
    started = time.perf_counter()
    files: dict[str, list[Printed]] = {}
    for draft_name, make in DRAFTS.items():
        draft = make()
        for layout in LAYOUTS:
            for langs in LANGUAGE_SETS:
                case = _case_id(draft_name, layout, langs)
                written = render_to_path(
                    draft, out / f"{case}.docx", RenderOptions(layout=layout, languages=list(langs))
                )
                files[case] = [
                    Printed(
                        draft_name,
                        layout,
                        langs,
                        (path.stem.rsplit(".", 1)[1],) if layout == "separate" else langs,
                        path,
                        path.with_suffix(".pdf"),
                    )
                    for path in written
                ]
    rendered = time.perf_counter()
    docx_paths = [str(p.docx) for items in files.values() for p in items]
    profile = out / "lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *docx_paths,
        ],
        check=True,
        capture_output=True,
        timeout=1800,
    )
    converted = time.perf_counter()
    for items in files.values():
        for item in items:
            assert item.pdf.exists(), f"LibreOffice did not convert {item.docx.name}"
            _read_pdf(item)
    read = time.perf_counter()
    _report(
        request,
        files,
        [
            ("render", rendered - started),
            ("LibreOffice", converted - rendered),
            ("pdftotext", read - converted),
        ],
    )
    return files


def _report(
    request: pytest.FixtureRequest, files: dict[str, list[Printed]], times: list[tuple[str, float]]
) -> None:
    """Page counts per draft, layout and language set, printed to the terminal."""
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    if reporter is None:
        return
    lines = ["", "printed pages (LibreOffice): draft, layout, languages -> pages per file"]
    for case, items in files.items():
        counts = ", ".join(f"{'+'.join(i.file_languages)}: {len(i.pages)}" for i in items)
        lines.append(f"  {case:58} {counts}")
    total = sum(len(items) for items in files.values())
    lines.append(f"  {total} files; " + ", ".join(f"{label} {seconds:.1f} s" for label, seconds in times))
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        for line in lines:
            reporter.write_line(line)


# -- the checks, one per function ------------------------------------------------------------------


def header_pages(item: Printed, lang: str) -> list[int]:
    """Pages (0-based) whose first lines hold every line of ``lang``'s national header, each
    within one printed line."""
    found = []
    for number, page in enumerate(item.pages):
        top = [line for line in page.splitlines() if line.strip()][:HEADER_ZONE_LINES]
        if lang == "lo":
            ok = all(
                any(squeeze(expected) in squeeze(line) for line in top) for expected in NATIONAL_HEADERS[lang]
            )
        else:
            ok = all(any(expected in collapse(line) for line in top) for expected in NATIONAL_HEADERS[lang])
        if ok:
            found.append(number)
    return found


def check_national_headers(item: Printed) -> None:
    """Each national header line and motto of each language in the file on one printed line,
    once: on page 1 (side by side, one file per language) or on the first page of the
    language's part (sequential)."""
    for lang in item.file_languages:
        pages = header_pages(item, lang)
        assert len(pages) == 1, (
            f"{item.name}: the {lang} national header is not printed with each line on one line "
            f"(found on pages {pages}); page 1 begins:\n" + "\n".join(item.pages[0].splitlines()[:8])
        )
    if item.layout != "sequential":
        assert all(header_pages(item, lang) == [0] for lang in item.file_languages), item.name


def check_numbers(item: Printed) -> None:
    """Every number of the DOCX text printed as often (the page numbers of the PDF aside)."""
    docx_numbers = Counter(re.findall(r"\d+", "\n".join(paragraph_texts(open_docx(item.docx.read_bytes())))))
    pdf_numbers = Counter(re.findall(r"\d+", "\n".join(item.pages)))
    for page in range(2, len(item.pages) + 1):  # page numbers in the top margin from page 2
        pdf_numbers[str(page)] -= 1
    missing = {n: (count, pdf_numbers[n]) for n, count in docx_numbers.items() if pdf_numbers[n] < count}
    assert not missing, f"{item.name}: numbers missing from the printed page (in DOCX, printed): {missing}"


def section_ends(item: Printed) -> set[int]:
    """Pages that end the file or a language's part (the page before another language's
    national header)."""
    ends = {len(item.pages) - 1}
    for lang in item.file_languages:
        ends.update(p - 1 for p in header_pages(item, lang) if p > 0)
    return ends


def page_fill(item: Printed, page: int) -> float:
    """How much of the page's text area (Decree 30 margins) is used, 0..1: the lowest word."""
    height, words = item.boxes[page]
    margin = MARGIN_MM / 25.4 * 72
    body = [w for w in words if w[1] >= margin * 0.9]  # the page number sits in the top margin
    if not body:
        return 0.0
    return (max(w[2] for w in body) - margin) / (height - 2 * margin)


def check_no_half_empty_pages(item: Printed) -> None:
    """No page more than half empty unless it ends the file or a language's part: in particular
    a signature block never moves on leaving more than half a page behind."""
    ends = section_ends(item)
    short = {
        p + 1: round(page_fill(item, p), 2)
        for p in range(len(item.pages))
        if p not in ends and page_fill(item, p) < 1 - MAX_EMPTY
    }
    assert not short, f"{item.name}: pages more than half empty (page: share used): {short}"


def file_document(item: Printed):
    """The document model of this very file (each file of the separate layout is rendered on its
    own, with its own closing clause)."""
    documents = render_documents(
        DRAFTS[item.draft](), RenderOptions(layout=item.layout, languages=item.languages)
    )
    return documents[item.file_languages[0] if item.layout == "separate" else ""]


def closing_paragraphs(item: Printed) -> dict[str, str]:
    """The closing paragraph of each language of the file: the last block before the signatures."""
    document = file_document(item)
    out = {}
    for lang in item.file_languages:
        body = [b for b in document.texts[lang] if b.kind not in ("signer", "table")]
        out[lang] = body[-1].text
    return out


def reading_order(item: Printed) -> str:
    """The printed words page by page, line by line (words on one baseline), left to right.
    pdftotext's own reading order can move the start of a Lao line after its end when the line
    starts with a tone mark; the word boxes keep their places."""
    return "\n".join(_lines(words) for _height, words in item.boxes)


def _lines(words: list[tuple[float, float, float, str]]) -> str:
    """Word boxes as lines of text: words on one baseline, left to right."""
    lines_out = []
    line: list[tuple[float, str]] = []
    baseline = None
    for x_min, _y_min, y_max, word in sorted(words, key=lambda w: (w[2], w[0])):
        if baseline is not None and y_max - baseline > 2:
            lines_out.append(" ".join(w for _x, w in sorted(line)))
            line = []
        baseline = y_max
        line.append((x_min, word))
    lines_out.append(" ".join(w for _x, w in sorted(line)))
    return "\n".join(lines_out)


def check_closing_paragraphs_complete(item: Printed) -> None:
    """The closing paragraph of each language printed complete: each of its words (Lao: each
    ICU word) found in the printed text, in order. A paragraph may run over a page break, and in
    columns other text stands between its lines; base letters are compared, so the Lao marks
    pdftotext moves about do not count."""
    from mou_drafter.words.tokens import tokenize

    printed = squeeze(reading_order(item))
    for lang, text in closing_paragraphs(item).items():
        position = 0
        for word in (squeeze(w) for w in tokenize(text, lang)):
            found = printed.find(word, position) if word else position
            assert found >= 0, (
                f"{item.name}: the {lang} closing paragraph is not printed complete: "
                f"{word!r} missing after …{printed[max(0, position - 40) : position]!r}"
            )
            position = found + len(word)


#: Longest unspaced Lao phrase (base letters) of a table cell that must stand on one line: a
#: name or a short label; longer ones are running text and wrap between words.
LAO_CELL_PHRASE = 16


def lao_phrases(item: Printed) -> list[str]:
    """The unspaced Lao phrases of the file that must never be broken: every one of the
    signature blocks' lines (the blocks are set as wide as their longest Lao phrase) and the
    short ones of table cells (names, labels)."""
    document = file_document(item)
    phrases = []
    for block in document.texts.get("lo", []) if "lo" in item.file_languages else []:
        if block.kind == "signer":
            phrases += [c for line in block.lines for c in line.split()]
        elif block.kind == "table":
            phrases += [
                c
                for row in block.rows
                for cell in row.cells
                for line in cell
                for c in line.split()
                if len(squeeze(c)) <= LAO_CELL_PHRASE
            ]
    return [p for p in phrases if re.search("[\u0e80-\u0eff]", p)]


def check_lao_words_unbroken(item: Printed) -> None:
    """No Lao word or name broken across lines in tables and signature blocks
    (`ເມືອງດັກເກ|ລີ`, `ຊ່ວຍເຫຼື|ອ`): each such phrase stands within one printed line."""
    lines = [squeeze(line) for line in reading_order(item).splitlines()]
    broken = sorted({p for p in lao_phrases(item) if not any(squeeze(p) in line for line in lines)})
    assert not broken, f"{item.name}: Lao words or names broken across lines: {broken}"


#: How each language names the languages in its closing clause (written out, not taken from the
#: templates under test).
LANGUAGE_NAMES = {
    "vi": {"vi": "tiếng Việt", "lo": "tiếng Lào", "en": "tiếng Anh"},
    "lo": {"vi": "ພາສາຫວຽດນາມ", "lo": "ພາສາລາວ", "en": "ພາສາອັງກິດ"},
    "en": {"vi": "Vietnamese", "lo": "Lao", "en": "English"},
}
#: For one document holding the exported languages: the phrase that lists them, per exported set.
ONE_DOCUMENT_PHRASES = {
    ("vi", "lo"): {"vi": "mỗi bản bằng tiếng Việt và tiếng Lào", "lo": "ແຕ່ລະສະບັບເປັນພາສາລາວ ແລະ ພາສາຫວຽດນາມ"},
    ("vi", "en"): {
        "vi": "mỗi bản bằng tiếng Việt và tiếng Anh",
        "en": "each in the Vietnamese and English languages",
    },
    ("lo", "en"): {"lo": "ແຕ່ລະສະບັບເປັນພາສາລາວ ແລະ ພາສາອັງກິດ", "en": "each in the Lao and English languages"},
    ("vi", "lo", "en"): {
        "vi": "mỗi bản bằng tiếng Việt, tiếng Lào và tiếng Anh",
        "lo": "ແຕ່ລະສະບັບເປັນພາສາລາວ, ພາສາຫວຽດນາມ ແລະ ພາສາອັງກິດ",
        "en": "each in the Vietnamese, Lao and English languages",
    },
}
#: One file per language: each file speaks of the originals in each exported language.
SEPARATE_PHRASES = {
    "vi": "bản gốc bằng {name}",
    "lo": "{name}",
    "en": "in the {name} language",
}
PREVAILS = {
    "vi": "văn bản tiếng Anh được dùng làm căn cứ",
    "lo": "ໃຫ້ຖືເອົາສະບັບພາສາອັງກິດເປັນຫຼັກ",
    "en": "the English text shall prevail",
}


#: Decree 30 left and right margins in points (30 mm and 15 mm).
LEFT_MARGIN_PT, RIGHT_MARGIN_PT = 30 / 25.4 * 72, 15 / 25.4 * 72
#: Decree 30 top margin in points (20 mm); the page number is set above it.
TOP_MARGIN_PT = 20 / 25.4 * 72


def column_text(item: Printed, lang: str) -> str:
    """The printed words of ``lang``'s column (side by side: the language columns share the text
    width equally, in export order), line by line; the whole page otherwise."""
    if item.layout != "side-by-side":
        return reading_order(item)
    index, count = item.languages.index(lang), len(item.languages)
    lines_out = []
    for page_number, (_height, words) in enumerate(item.boxes):
        page_width = item.widths[page_number]
        column = (page_width - LEFT_MARGIN_PT - RIGHT_MARGIN_PT) / count
        low, high = LEFT_MARGIN_PT + index * column - 2, LEFT_MARGIN_PT + (index + 1) * column - 2
        # the page number stands in the top margin, above the columns
        mine = [w for w in words if low <= w[0] < high and w[2] > TOP_MARGIN_PT]
        lines_out.append(_lines(mine))
    return "\n".join(lines_out)


def check_closing_clause_languages(item: Printed) -> None:
    """The closing clause names exactly the exported languages (every one of them and no other),
    says which text prevails only when the draft says so, and is printed so."""
    prevails_en = DRAFTS[item.draft]().signing.prevailing == "en"
    for lang, text in closing_paragraphs(item).items():
        names = LANGUAGE_NAMES[lang]
        # Lao writes no spaces between words: a name is found as a substring there
        bounded = (lambda n: re.escape(n)) if lang == "lo" else (lambda n: rf"(?<!\w){re.escape(n)}(?!\w)")
        without_prevailing = text.replace(PREVAILS[lang], "")  # it names English once more, that is all
        named = {code for code, name in names.items() if re.search(bounded(name), without_prevailing)}
        assert named == set(item.languages), (
            f"{item.name}: the {lang} closing clause names {sorted(named)}, exported {list(item.languages)}: {text}"
        )
        if item.layout == "separate":
            phrases = [SEPARATE_PHRASES[lang].format(name=names[code]) for code in item.languages]
        else:
            phrases = [ONE_DOCUMENT_PHRASES[tuple(item.languages)][lang]]
        printed = squeeze(column_text(item, lang))
        for phrase in phrases:
            assert phrase in text, f"{item.name}: {phrase!r} not in the {lang} closing clause: {text}"
            assert squeeze(phrase) in printed, f"{item.name}: {phrase!r} not printed in the {lang} text"
        assert (PREVAILS[lang] in text) == prevails_en, (
            f"{item.name}: prevailing text wrong in {lang}: {text}"
        )
        assert "(01) originals" not in text and "one (01)" not in text, text


# -- the tests -------------------------------------------------------------------------------------


def _items(printed: dict[str, list[Printed]], case: tuple[str, str, tuple[str, ...]]) -> list[Printed]:
    items = printed[_case_id(*case)]
    assert items, case
    return items


@pytest.mark.parametrize("case", CASES, ids=[_case_id(*c) for c in CASES])
def test_national_headers_on_one_line(printed, case):
    for item in _items(printed, case):
        check_national_headers(item)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(*c) for c in CASES])
def test_every_number_printed(printed, case):
    for item in _items(printed, case):
        check_numbers(item)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(*c) for c in CASES])
def test_no_page_more_than_half_empty(printed, case):
    for item in _items(printed, case):
        check_no_half_empty_pages(item)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(*c) for c in CASES])
def test_closing_paragraph_printed_complete(printed, case):
    for item in _items(printed, case):
        check_closing_paragraphs_complete(item)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(*c) for c in CASES])
def test_lao_words_in_tables_and_signatures_unbroken(printed, case):
    for item in _items(printed, case):
        check_lao_words_unbroken(item)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(*c) for c in CASES])
def test_closing_clause_names_the_exported_languages(printed, case):
    for item in _items(printed, case):
        check_closing_clause_languages(item)
