"""The raw WordprocessingML corner (``mou_drafter/render/oxml.py``), XML in and XML out, in the
manner of python-docx's own tests: for each helper, a table of inputs and the exact XML expected,
written out here (ISO/IEC 29500 element order included: Word rejects files that break it).
Whole documents are checked elsewhere by reopening them (``test_renderers.py``) and printing them
(``test_printed_pages.py``)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from mou_drafter.render import oxml as x
from mou_drafter.render.options import Fonts
from tests.conftest import ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONTS = Fonts()
TNR = (
    'w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"'
)
PHET = 'w:ascii="Phetsarath OT" w:hAnsi="Phetsarath OT" w:eastAsia="Phetsarath OT" w:cs="Phetsarath OT" w:hint="cs"'
LAO_LANG = '<w:lang w:val="lo-LA" w:eastAsia="lo-LA" w:bidi="lo-LA"/>'
#: A Lao run at the body size (12 pt) and a Vietnamese one (13 pt).
LO_RPR = f'<w:rPr><w:rFonts {PHET}/><w:sz w:val="24"/><w:szCs w:val="24"/>{LAO_LANG}</w:rPr>'
VI_RPR = f'<w:rPr><w:rFonts {TNR}/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr>'
WHEN = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
MARK = 'w:author="MoU Drafter" w:date="2024-01-02T03:04:05Z"'


def xml_of(element) -> str:
    """An lxml element as a string without namespace declarations."""
    return re.sub(r' xmlns:\w+="[^"]*"', "", etree.tostring(element, encoding=str))


# -- runs: the Lao run properties ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "style", "expected"),
    [
        # Lao: the Lao font in all four slots with the complex-script hint, complex-script twins of
        # bold and size, the lo-LA tag as language, East Asian and complex-script language
        ("lo", x.RunStyle(), LO_RPR),
        (
            "lo",
            x.RunStyle(bold=True),
            f'<w:rPr><w:rFonts {PHET}/><w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>{LAO_LANG}</w:rPr>',
        ),
        # Lao is never italic (the font has no italic face); underline is kept
        (
            "lo",
            x.RunStyle(italic=True, underline=True),
            f'<w:rPr><w:rFonts {PHET}/><w:sz w:val="24"/><w:szCs w:val="24"/><w:u w:val="single"/>{LAO_LANG}</w:rPr>',
        ),
        # a size given for Latin text is a point smaller in Lao (13 - 12), unless exact
        (
            "lo",
            x.RunStyle(size=14),
            f'<w:rPr><w:rFonts {PHET}/><w:sz w:val="26"/><w:szCs w:val="26"/>{LAO_LANG}</w:rPr>',
        ),
        (
            "lo",
            x.RunStyle(size=14, exact_size=True),
            f'<w:rPr><w:rFonts {PHET}/><w:sz w:val="28"/><w:szCs w:val="28"/>{LAO_LANG}</w:rPr>',
        ),
        ("vi", x.RunStyle(), VI_RPR),
        (
            "vi",
            x.RunStyle(bold=True, italic=True, underline=True, size=12.5),
            f'<w:rPr><w:rFonts {TNR}/><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="25"/><w:szCs w:val="25"/>'
            '<w:u w:val="single"/><w:lang w:val="vi-VN"/></w:rPr>',
        ),
        (
            "en",
            x.RunStyle(),
            f'<w:rPr><w:rFonts {TNR}/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="en-US"/></w:rPr>',
        ),
    ],
)
def test_run_properties(lang, style, expected):
    assert x.rpr(lang, FONTS, style) == expected


def test_run_properties_name_the_configured_fonts_escaped():
    fonts = Fonts(latin='Liberation "Serif"', lao="Saysettha OT", latin_size=12, lao_size=11)
    assert x.rpr("lo", fonts, x.RunStyle()) == (
        '<w:rPr><w:rFonts w:ascii="Saysettha OT" w:hAnsi="Saysettha OT" w:eastAsia="Saysettha OT" '
        f'w:cs="Saysettha OT" w:hint="cs"/><w:sz w:val="22"/><w:szCs w:val="22"/>{LAO_LANG}</w:rPr>'
    )
    assert x.rpr("vi", fonts, x.RunStyle()).startswith(
        '<w:rPr><w:rFonts w:ascii="Liberation &quot;Serif&quot;" w:hAnsi="Liberation &quot;Serif&quot;"'
    )


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Hà Nội", "vi", f'<w:r>{VI_RPR}<w:t xml:space="preserve">Hà Nội</w:t></w:r>'),
        # Lao letters inside Vietnamese text get a Lao run; spaces stay with the run before them
        (
            "Bản ເມືອງ có",
            "vi",
            f'<w:r>{VI_RPR}<w:t xml:space="preserve">Bản </w:t></w:r>'
            f'<w:r>{LO_RPR}<w:t xml:space="preserve">ເມືອງ </w:t></w:r>'
            f'<w:r>{VI_RPR}<w:t xml:space="preserve">có</w:t></w:r>',
        ),
        # and Latin letters inside Lao text a Latin (Vietnamese) run; digits are neutral
        (
            "ເລກທີ 05/BB-HN",
            "lo",
            f'<w:r>{LO_RPR}<w:t xml:space="preserve">ເລກທີ 05/</w:t></w:r>'
            f'<w:r>{VI_RPR}<w:t xml:space="preserve">BB-HN</w:t></w:r>',
        ),
        # line breaks are w:br; markup characters are escaped
        (
            "a\nb <&>",
            "vi",
            f'<w:r>{VI_RPR}<w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b &lt;&amp;&gt;</w:t></w:r>',
        ),
        # an empty text is an empty run that still carries the properties
        ("", "vi", f"<w:r>{VI_RPR}</w:r>"),
    ],
)
def test_runs(text, lang, expected):
    assert x.runs(text, lang, FONTS) == expected


_STRONG = re.compile("[\u0e80-\u0eff]+|[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]+")


def _segments_word_by_word(text: str, base_lang: str) -> list[tuple[str, str]]:
    """The definition of script segments, word by word: a new run starts at each letter (or
    stretch of letters) of the other script; neutral characters stay with the run before them.
    Text without a letter of the other script (combining marks aside) is one run."""
    if not re.search("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]" if base_lang == "lo" else "[\u0e80-\u0eff]", text):
        return [(text, base_lang)]
    latin_lang = base_lang if base_lang != "lo" else "vi"
    segments, current, start = [], base_lang, 0
    for match in _STRONG.finditer(text):
        lang = "lo" if "\u0e80" <= match.group()[0] <= "\u0eff" else latin_lang
        if lang != current:
            segments.append((text[start : match.start()], current))
            start, current = match.start(), lang
    segments.append((text[start:], current))
    return [s for s in segments if s[0]] or [("", base_lang)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from(list("aăđ ÀỹZ\u0301\u0300ເມືອງ່ ້ 05/-.\n<&")), max_size=30),
    st.sampled_from(["vi", "lo", "en"]),
)
def test_script_segments_follow_the_word_by_word_definition(text, lang):
    assert x.script_segments(text, lang) == _segments_word_by_word(text, lang)
    assert "".join(s for s, _lang in x.script_segments(text, lang)) == text


@settings(max_examples=500, deadline=None)
@given(
    st.text(st.characters(max_codepoint=0x2FFF, exclude_categories=("Cs",)), max_size=40)
    | st.text(
        st.sampled_from(["a", "ỹ", " ", "\u0e7f", "\u0e80", "\u0ebf", "\u0ec0", "\u0eff", "\u0f00", "ຂ"])
    ),
    st.sampled_from(["vi", "lo", "en"]),
)
def test_texts_with_letters_of_the_other_script_are_found(text, lang):
    """The quick look for Lao letters (in the UTF-8 bytes) finds exactly what a Lao character
    class finds, at every edge of the Lao block."""
    lao, latin = re.compile("[\u0e80-\u0eff]"), re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
    assert x._mixed(text, lang) == bool((latin if lang == "lo" else lao).search(text))


def test_zero_width_spaces_between_lao_words_only_when_asked():
    assert (
        x.runs("ລາດຕະເວນຮ່ວມ", "lo", FONTS)
        == f'<w:r>{LO_RPR}<w:t xml:space="preserve">ລາດຕະເວນຮ່ວມ</w:t></w:r>'
    )
    spaced = x.runs("ລາດຕະເວນຮ່ວມ", "lo", FONTS, zwsp=True)
    assert spaced == f'<w:r>{LO_RPR}<w:t xml:space="preserve">ລາດຕະເວນ\u200bຮ່ວມ</w:t></w:r>'


# -- paragraphs: keep with next ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (
            x.ParaStyle(),
            '<w:pPr><w:spacing w:before="0" w:after="120" w:line="264" w:lineRule="auto"/>'
            '<w:jc w:val="both"/></w:pPr>',
        ),
        # keep-with-next is written when the paragraph is built, first in w:pPr
        (
            x.ParaStyle(align="left", keep_next=True),
            '<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="120" w:line="264" w:lineRule="auto"/>'
            '<w:jc w:val="left"/></w:pPr>',
        ),
        (
            x.ParaStyle(
                align="center",
                first_line_cm=1.0,
                before_pt=6,
                after_pt=3,
                keep_next=True,
                page_break_before=True,
                line=240,
            ),
            '<w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:before="120" w:after="60" w:line="240" '
            'w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="center"/></w:pPr>',
        ),
    ],
)
def test_paragraph_properties(style, expected):
    assert x.ppr(style) == expected
    assert x.paragraph("<w:r/>", style) == f"<w:p>{expected}<w:r/></w:p>"


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (
            x.spacer(6),
            '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>',
        ),
        (
            x.spacer(3, keep_next=True),
            '<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="60" '
            'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>',
        ),
        (x.page_break(), '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'),
        (
            x.empty_paragraph(4),
            '<w:p><w:pPr><w:spacing w:before="0" w:after="80" w:line="264" w:lineRule="auto"/>'
            '<w:jc w:val="both"/></w:pPr></w:p>',
        ),
    ],
)
def test_spacers_and_breaks(xml, expected):
    assert xml == expected


# -- tables: header rows, rows that do not split, spans ----------------------------------------------

NIL = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
SINGLE = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _tbl_pr(width: int, borders: str, margin: int = 85) -> str:
    return (
        f'<w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{borders}'
        f'</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
    )


def _tc(width: int, content: str, extra: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}</w:tcPr>{content}</w:tc>'


@pytest.mark.parametrize(
    ("rows", "widths", "options", "expected"),
    [
        # borderless layout table; an empty cell still holds a paragraph (Word requires one)
        (
            [["<w:p>A</w:p>", ""]],
            [1000, 2000],
            {"borders": False},
            f'<w:tbl>{_tbl_pr(3000, NIL)}<w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/></w:tblGrid>'
            f"<w:tr>{_tc(1000, '<w:p>A</w:p>')}{_tc(2000, '<w:p/>')}</w:tr></w:tbl>",
        ),
        # data table: the header row repeats on every page and never splits; the other rows do not
        # split either when asked
        (
            [["<w:p>H</w:p>"], ["<w:p>1</w:p>"]],
            [500],
            {"borders": True, "header_rows": 1, "cant_split": True, "cell_margin": 40},
            f'<w:tbl>{_tbl_pr(500, SINGLE, 40)}<w:tblGrid><w:gridCol w:w="500"/></w:tblGrid>'
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{_tc(500, '<w:p>H</w:p>')}</w:tr>"
            f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{_tc(500, '<w:p>1</w:p>')}</w:tr></w:tbl>",
        ),
        # rows of their own shape: a cell over two grid columns, the row's own cell margins
        (
            [x.TableRow(("<w:p>A</w:p>", "<w:p>B</w:p>"), spans=(2, 1), cant_split=True, margin=50)],
            [100, 200, 300],
            {"borders": False},
            f'<w:tbl>{_tbl_pr(600, NIL)}<w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="200"/><w:gridCol w:w="300"/>'
            "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + _tc(
                300,
                "<w:p>A</w:p>",
                '<w:gridSpan w:val="2"/><w:tcMar><w:left w:w="50" w:type="dxa"/>'
                '<w:right w:w="50" w:type="dxa"/></w:tcMar>',
            )
            + _tc(
                300,
                "<w:p>B</w:p>",
                '<w:tcMar><w:left w:w="50" w:type="dxa"/><w:right w:w="50" w:type="dxa"/></w:tcMar>',
            )
            + "</w:tr></w:tbl>",
        ),
        (
            [x.TableRow(("<w:p/>",), header=True)],
            [700],
            {"borders": False},
            f'<w:tbl>{_tbl_pr(700, NIL)}<w:tblGrid><w:gridCol w:w="700"/></w:tblGrid>'
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{_tc(700, '<w:p/>')}</w:tr></w:tbl>",
        ),
    ],
)
def test_tables(rows, widths, options, expected):
    assert x.table(rows, widths, **options) == expected


# -- tracked changes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "change", "expected"),
    [
        ("Điều 5", "vi", None, f'<w:r>{VI_RPR}<w:t xml:space="preserve">Điều 5</w:t></w:r>'),
        (
            "mới",
            "vi",
            "insert",
            f'<w:ins w:id="1" {MARK}><w:r>{VI_RPR}<w:t xml:space="preserve">mới</w:t></w:r></w:ins>',
        ),
        # deleted text is w:delText; each run of another script is a change of its own
        (
            "ລາວ\nx",
            "lo",
            "delete",
            f'<w:del w:id="1" {MARK}><w:r>{LO_RPR}<w:delText xml:space="preserve">ລາວ</w:delText><w:br/></w:r></w:del>'
            f'<w:del w:id="2" {MARK}><w:r>{VI_RPR}<w:delText xml:space="preserve">x</w:delText></w:r></w:del>',
        ),
    ],
)
def test_tracked_runs(text, lang, change, expected):
    assert (
        x.tracked_runs(text, lang, FONTS, x.RunStyle(), change, x.Revisions("MoU Drafter", WHEN)) == expected
    )


def test_tracked_paragraph_marks_take_the_next_ids():
    revisions = x.Revisions('Bộ "Ngoại giao" & co', WHEN)
    runs = x.tracked_runs("a", "vi", FONTS, x.RunStyle(), "delete", revisions)
    tail = 'w:author="Bộ &quot;Ngoại giao&quot; &amp; co" w:date="2024-01-02T03:04:05Z"'
    assert x.revision_paragraph(runs, "delete", revisions) == (
        f'<w:p><w:pPr><w:spacing w:after="120"/><w:rPr><w:del w:id="2" {tail}/></w:rPr></w:pPr>'
        f'<w:del w:id="1" {tail}><w:r>{VI_RPR}<w:delText xml:space="preserve">a</w:delText></w:r></w:del></w:p>'
    )
    assert x.revision_paragraph("", "insert", revisions) == (
        f'<w:p><w:pPr><w:spacing w:after="120"/><w:rPr><w:ins w:id="3" {tail}/></w:rPr></w:pPr></w:p>'
    )
    assert x.revision_paragraph("<w:r/>") == '<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r/></w:p>'
    with pytest.raises(ValueError):
        x.revision_paragraph("", "insert")


# -- the page number, document defaults, core properties, the body -----------------------------------

PAGE_RPR = f'<w:rPr><w:rFonts {TNR}/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr>'
PAGE_FIELD = (
    f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    f'<w:r>{PAGE_RPR}<w:fldChar w:fldCharType="begin"/></w:r>'
    f'<w:r>{PAGE_RPR}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    f'<w:r>{PAGE_RPR}<w:fldChar w:fldCharType="separate"/></w:r>'
    f"<w:r>{PAGE_RPR}<w:t>2</w:t></w:r>"
    f'<w:r>{PAGE_RPR}<w:fldChar w:fldCharType="end"/></w:r></w:p>'
)


def test_page_number_field():
    assert x.page_number_field(FONTS, "vi") == PAGE_FIELD.replace("<w:p>", f'<w:p xmlns:w="{W}">', 1)


def test_page_number_replaces_the_empty_header_paragraph():
    header = etree.fromstring(f'<w:hdr xmlns:w="{W}"><w:p/></w:hdr>')
    x.put_page_number(header[0], FONTS, "vi")
    assert xml_of(header) == f"<w:hdr>{PAGE_FIELD}</w:hdr>"


def test_document_defaults():
    styles = etree.fromstring(
        f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/>'
        '<w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="200"/></w:pPr>'
        '</w:pPrDefault></w:docDefaults><w:style w:styleId="Normal"/></w:styles>'
    )
    x.set_document_defaults(styles, FONTS, "vi")
    assert xml_of(styles) == (
        '<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
        'w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Phetsarath OT"/><w:sz w:val="26"/>'
        '<w:szCs w:val="26"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="lo-LA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        '</w:docDefaults><w:style w:styleId="Normal"/></w:styles>'
    )


def test_core_properties():
    assert x.core_properties("Biên bản <ghi nhớ> & ລາວ", "vi-VN", "template mou@1.2", WHEN).decode(
        "utf-8"
    ) == (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Biên bản &lt;ghi nhớ&gt; &amp; ລາວ</dc:title><dc:creator>MoU Drafter</dc:creator>"
        "<cp:lastModifiedBy>MoU Drafter</cp:lastModifiedBy><dc:description>template mou@1.2</dc:description>"
        "<dc:language>vi-VN</dc:language>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-02T03:04:05Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-02T03:04:05Z</dcterms:modified></cp:coreProperties>'
    )


@pytest.mark.parametrize(
    ("document", "body", "expected"),
    [
        (
            '<w:document xmlns:w="W"><w:body><w:sectPr><w:pgSz/></w:sectPr></w:body></w:document>',
            "<w:p>X</w:p>",
            '<w:document xmlns:w="W"><w:body><w:p>X</w:p><w:sectPr><w:pgSz/></w:sectPr></w:body></w:document>',
        ),
        # what the skeleton held before the section properties is replaced
        (
            "<w:document><w:body><w:p/><w:p/><w:sectPr/></w:body></w:document>",
            "<w:tbl/><w:p>Y</w:p>",
            "<w:document><w:body><w:tbl/><w:p>Y</w:p><w:sectPr/></w:body></w:document>",
        ),
    ],
)
def test_body_splice(document, body, expected):
    head, tail = x.around_body(document)
    assert head + body + tail == expected


# -- clause bookmarks and the export record (issue 14) ------------------------------------------------

P1 = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>A</w:t></w:r></w:p>'
P2 = "<w:p><w:r><w:t>B</w:t></w:r></w:p>"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # the start after the first paragraph's properties, the end before the last paragraph's end
        (
            P1,
            '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:bookmarkStart w:id="7" w:name="_Mou7"/>'
            '<w:r><w:t>A</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>',
        ),
        (
            P2 + P1,
            '<w:p><w:bookmarkStart w:id="7" w:name="_Mou7"/><w:r><w:t>B</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>A</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>',
        ),
    ],
)
def test_bookmarked(paragraphs, expected):
    assert x.bookmarked(paragraphs, 7, "_Mou7") == expected


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_marked_paragraphs_are_the_paragraphs_bookmarked(count):
    """Paragraphs written inside their bookmark at once read exactly as the paragraphs written
    and then bookmarked."""
    styles = [
        x.ParaStyle(align="center", before_pt=12.0 * (i == 0), keep_next=i < count - 1) for i in range(count)
    ]
    paragraphs = [(f"<w:r><w:t>{i}</w:t></w:r>", style) for i, style in enumerate(styles)]
    written = x.marked_paragraphs(paragraphs, (7, "_Mou7"))
    assert written == x.bookmarked("".join(x.paragraph(c, s) for c, s in paragraphs), 7, "_Mou7")
    assert written.count("<w:bookmarkStart ") == 1 and written.count("<w:p>") == count


def test_bookmarked_twice_nests_and_takes_paragraphs_only():
    twice = x.bookmarked(x.bookmarked(P2, 1, "_Mou1"), 2, "_Mou2")
    assert twice == (
        '<w:p><w:bookmarkStart w:id="2" w:name="_Mou2"/><w:bookmarkStart w:id="1" w:name="_Mou1"/>'
        '<w:r><w:t>B</w:t></w:r><w:bookmarkEnd w:id="1"/><w:bookmarkEnd w:id="2"/></w:p>'
    )
    with pytest.raises(ValueError):
        x.bookmarked("<w:tbl/>", 1, "_Mou1")


def test_export_record_xml_escapes_everything_it_is_given():
    xml = x.export_record_xml(
        "urn:test",
        {"template": "mou@1.3", "party": 'a"&<'},
        '{"k": "<&>"}',
        [("_Mou1", "art.1", "lo", "ລາວ & <ສອງ>\nແຖວ")],
    )
    assert xml.decode("utf-8") == (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<export xmlns="urn:test" template="mou@1.3" party="a&quot;&amp;&lt;">'
        '<draft>{"k": "&lt;&amp;&gt;"}</draft>'
        '<marks><mark name="_Mou1" clause="art.1" lang="lo">ລາວ &amp; &lt;ສອງ&gt;\nແຖວ</mark></marks></export>'
    )
    assert etree.fromstring(xml).find("{urn:test}draft").text == '{"k": "<&>"}'
    odd = x.export_record_xml(
        "urn:test", {}, "{}", [("_Mou1", "a.1", "vi", "x"), ("_Mou2", 'b"&<', "en", "y")]
    )
    assert b'<mark name="_Mou2" clause="b&quot;&amp;&lt;" lang="en">y</mark>' in odd


def test_with_custom_xml_adds_the_next_item_its_properties_and_relationships():
    parts = {
        "[Content_Types].xml": b'<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "word/_rels/document.xml.rels": b'<Relationships xmlns="r"><Relationship Id="rId9" Type="x" '
        b'Target="styles.xml"/></Relationships>',
        "customXml/item1.xml": b"<b:Sources/>",
    }
    out = x.with_custom_xml(parts, b"<export/>", "urn:test", "{ID}")
    assert out["customXml/item1.xml"] == b"<b:Sources/>" and out["customXml/item2.xml"] == b"<export/>"
    assert out["customXml/itemProps2.xml"].decode() == (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{ID}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>'
        '<ds:schemaRef ds:uri="urn:test"/></ds:schemaRefs></ds:datastoreItem>'
    )
    assert (
        out["customXml/_rels/item2.xml.rels"]
        .decode()
        .endswith(
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'customXmlProps" Target="itemProps2.xml"/></Relationships>'
        )
    )
    assert (
        out["[Content_Types].xml"]
        .decode()
        .endswith(
            '<Override PartName="/customXml/itemProps2.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.customXmlProperties+xml"/></Types>'
        )
    )
    assert (
        out["word/_rels/document.xml.rels"]
        .decode()
        .endswith(
            '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'customXml" Target="../customXml/item2.xml"/></Relationships>'
        )
    )
    assert parts["customXml/item1.xml"] == b"<b:Sources/>" and "customXml/item2.xml" not in parts  # a copy


# -- one corner ----------------------------------------------------------------------------------------


def test_no_other_module_writes_wordprocessingml():
    """Only render/oxml.py writes ``w:`` XML or uses python-docx's XML functions; render/inspect.py
    reads exported files with ``qn``."""
    found = []
    for path in sorted((ROOT / "mou_drafter").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative == "mou_drafter/render/oxml.py":
            continue
        source = path.read_text(encoding="utf-8")
        patterns = [r"<w:", r"</w:", r"parse_xml", r"OxmlElement", r"\bdocx\.oxml\b", r"\bqn\("]
        if relative == "mou_drafter/render/inspect.py":
            patterns = patterns[:4]
        for pattern in patterns:
            for match in re.finditer(pattern, source):
                line = source.count("\n", 0, match.start()) + 1
                found.append(f"{relative}:{line}: {pattern}")
    assert not found, found
