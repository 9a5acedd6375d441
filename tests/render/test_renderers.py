import datetime as dt
from decimal import Decimal

import pytest
from docx.shared import Mm

from mou_drafter.api import Fonts, RenderOptions, render_to_bytes, render_to_path
from mou_drafter.model.files import load_draft
from mou_drafter.templating.formatting import format_amount, format_date
from tests.conftest import LANGUAGE_SETS, LAYOUTS, ROOT
from tests.docx_checks import all_text, check_lao_runs, open_docx


def expected_strings(draft, lang):
    """Party names, amounts and dates as they must appear in the ``lang`` text."""
    out = [p.name.get(lang) for p in draft.parties]
    out += [format_amount(c.amount, c.currency, lang) for c in draft.contributions]
    out.append(format_date(draft.signing.date, lang))
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("languages", LANGUAGE_SETS, ids=",".join)
def test_every_sample_every_layout_docx(seed_path, layout, languages):
    draft = load_draft(seed_path)
    files = render_to_bytes(draft, RenderOptions(layout=layout, languages=languages))
    assert list(files) == (languages if layout == "separate" else [""])
    for key, data in files.items():
        document = open_docx(data)
        text = all_text(document)
        for lang in [key] if key else languages:
            for expected in expected_strings(draft, lang):
                assert expected in text, (lang, expected)
        lao_runs = check_lao_runs(document)
        assert (lao_runs > 0) == ("lo" in ([key] if key else languages))
        section = document.sections[0]
        assert sorted(round(v / Mm(1)) for v in (section.page_width, section.page_height)) == [210, 297]
        assert round(section.left_margin / Mm(1)) == 30 and round(section.right_margin / Mm(1)) == 15
        assert section.different_first_page_header_footer


def test_fonts_are_settings():
    draft = load_draft(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    fonts = Fonts(lao="Saysettha OT", latin="Liberation Serif")
    document = open_docx(render_to_bytes(draft, RenderOptions(fonts=fonts))[""])
    assert check_lao_runs(document, "Saysettha OT") > 0
    assert 'w:ascii="Liberation Serif"' in document.element.body.xml


def test_vietnamese_runs_carry_vi_tag_and_latin_font():
    draft = load_draft(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    xml = open_docx(
        render_to_bytes(draft, RenderOptions(languages=("vi",), layout="sequential"))[""]
    ).element.body.xml
    assert 'w:ascii="Times New Roman"' in xml and 'w:val="vi-VN"' in xml
    assert "Phetsarath" not in xml


def test_lao_inside_vietnamese_text_gets_lao_run():
    draft = load_draft(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    draft.minutes.results[0].vi = "Bản ເມືອງຊານໄຊ có 12 bản"
    document = open_docx(render_to_bytes(draft, RenderOptions(languages=("vi",), layout="sequential"))[""])
    assert check_lao_runs(document) == 1


def _cells(row):
    """The distinct cells of a row (python-docx repeats a cell for each grid column it spans)."""
    seen = []
    for cell in row.cells:
        if cell._tc not in [c._tc for c in seen]:
            seen.append(cell)
    return seen


def test_side_by_side_rows_align_clauses():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    document = open_docx(render_to_bytes(draft, RenderOptions(languages=("vi", "lo")))[""])
    header = [c.text for c in document.tables[0].rows[0].cells]  # the national headers side by side
    assert header[0].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and header[1].startswith("ສາທາລະນະລັດ")
    row_texts = [[c.text for c in _cells(row)] for table in document.tables for row in table.rows]
    article3 = next(r for r in row_texts if r[0].startswith("Điều 3."))
    assert article3[1].startswith("ມາດຕາ 3.")
    # the signatures are the last rows of the last table: titles, then names, side by side
    last = document.tables[-1].rows
    names = [p.representative.name.vi for p in draft.parties]
    name_rows = [i for i, row in enumerate(last) if any(c.text.startswith(tuple(names)) for c in _cells(row))]
    assert name_rows and all(
        "TM." in _cells(last[i - 1])[0].text or "TM." in _cells(last[i - 1])[1].text for i in name_rows
    )
    assert sum(c.text.startswith(tuple(names)) for i in name_rows for c in _cells(last[i])) == 3


def test_three_languages_side_by_side_is_landscape():
    draft = load_draft(ROOT / "seeds" / "minutes-vn-la-foreign-ministers-2023.moud")
    section = open_docx(render_to_bytes(draft, RenderOptions(languages=("vi", "lo", "en")))[""]).sections[0]
    assert section.page_width > section.page_height


def test_sequential_starts_each_language_on_new_page():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    xml = open_docx(
        render_to_bytes(draft, RenderOptions(layout="sequential", languages=("vi", "lo", "en")))[""]
    ).element.body.xml
    assert xml.count('w:type="page"') == 2


def test_ten_parties_and_signatures_wrap():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    base = draft.parties[0].model_dump()
    draft.parties = [
        {**base, "id": f"p{i}", "name": {"vi": f"Bên số {i}", "lo": f"ຝ່າຍ {i}", "en": f"Party {i}"}}
        for i in range(10)
    ]
    draft.obligations = []
    draft.contributions = []
    document = open_docx(render_to_bytes(draft)[""])
    text = all_text(document)
    assert all(f"Bên số {i}" in text for i in range(10))
    rows = document.tables[-1].rows
    name = draft.parties[0].representative.name.vi
    name_rows = [i for i, row in enumerate(rows) if any(c.text.startswith(name) for c in _cells(row))]
    # each row of names under its own row of titles, every block of a row on one row
    assert sum(c.text.startswith(name) for i in name_rows for c in _cells(rows[i])) == 10
    assert all(not any(c.text.startswith(name) for c in _cells(rows[i - 1])) for i in name_rows)
    assert 3 <= len(name_rows) <= 5  # two or three blocks to a row, as the Lao titles allow


def test_html_and_text_renderers(seed_path):
    draft = load_draft(seed_path)
    html = render_to_bytes(draft, RenderOptions(languages=("vi", "lo")), fmt="html")[""].decode()
    assert html.startswith("<!DOCTYPE html>") and 'lang="lo"' in html and "data-clause=" in html
    for p in draft.parties:
        assert p.name.vi in html or p.name.vi.replace("'", "&#x27;") in html
    txt = render_to_bytes(draft, RenderOptions(layout="sequential", languages=("vi", "lo")), fmt="txt")[
        ""
    ].decode()
    assert "== vi ==" in txt and "== lo ==" in txt
    assert format_date(draft.signing.date, "lo") in txt


def test_html_escapes_user_text():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    draft.areas[0].title.vi = "<script>alert(1)</script>"
    html = render_to_bytes(draft, fmt="html")[""].decode()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_render_to_path_separate(tmp_path):
    draft = load_draft(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    written = render_to_path(draft, tmp_path / "out.docx", RenderOptions(layout="separate"))
    assert [p.name for p in written] == ["out.vi.docx", "out.lo.docx"]


def test_amount_with_cents_and_totals():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    extra = draft.contributions[0].model_copy(update={"amount": Decimal("15000000"), "equivalent": None})
    draft.contributions = [draft.contributions[0], extra]
    draft.signing.date = dt.date(2024, 2, 1)
    text = all_text(open_docx(render_to_bytes(draft, RenderOptions(languages=("vi", "lo")))[""]))
    assert "600.000.000 đồng" in text and "600.000.000 ດົ່ງ" in text
    assert "ngày 01 tháng 02 năm 2024" in text


def test_numbered_minutes_use_the_decree_30_header():
    draft = load_draft(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    draft.number = "05/BB-HN"
    document = open_docx(
        render_to_bytes(draft, RenderOptions(layout="sequential", languages=("vi", "lo")))[""]
    )
    first = document.tables[0]
    left, right = (cell.text for cell in first.rows[0].cells)
    assert left.startswith("HUYỆN ĐĂK GLEI") and "Số: 05/BB-HN" in left
    assert (
        right.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        and "Đăk Glei, ngày 23 tháng 11 năm 2023" in right
    )
    # the Lao text starts on its own page with its own header
    lao_headers = [t for t in document.tables if "ເລກທີ: 05/BB-HN" in t.rows[0].cells[0].text]
    assert len(lao_headers) == 1 and "ສາທາລະນະລັດ" in lao_headers[0].rows[0].cells[1].text


def test_zero_width_spaces_between_lao_words_is_an_export_option():
    draft = load_draft(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    plain = all_text(
        open_docx(render_to_bytes(draft, RenderOptions(languages=("lo",), layout="sequential"))[""])
    )
    assert "\u200b" not in plain
    options = RenderOptions(languages=("lo",), layout="sequential", lao_zero_width_spaces=True)
    spaced = all_text(open_docx(render_to_bytes(draft, options)[""]))
    assert "ລາດຕະເວນ\u200bຮ່ວມ" in spaced
    assert spaced.replace("\u200b", "") == plain  # nothing else changes


def test_closing_clause_stays_with_the_signatures():
    from docx.oxml.ns import qn

    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    for layout in ("side-by-side", "sequential"):
        document = open_docx(render_to_bytes(draft, RenderOptions(layout=layout, languages=("vi", "lo")))[""])
        final = next(
            p
            for p in document.element.body.iter(qn("w:p"))
            if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(
                "Biên bản ghi nhớ này được làm tại"
            )
        )
        assert final.find(qn("w:pPr")).find(qn("w:keepNext")) is not None, layout
