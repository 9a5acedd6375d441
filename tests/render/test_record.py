"""The export record every DOCX carries (issue 14): the draft, what the export was, and the clause
bookmarks with their text; read back from the package as Word and LibreOffice leave it."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from mou_drafter.api import RenderOptions, render_document, render_to_bytes
from mou_drafter.errors import DraftFileError
from mou_drafter.model.files import load_draft
from mou_drafter.render.inspect import bookmark_texts, open_docx, paragraph_texts
from mou_drafter.render.record import (
    MARK_PREFIX,
    RECORD_NS,
    ExportRecord,
    Mark,
    canon,
    clause_texts,
    find_record,
    fingerprint,
    parse_record,
    record_xml,
)
from tests.conftest import ROOT, SEEDS

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_body(body: str) -> bytes:
    """A package holding only ``word/document.xml`` with ``body``: what bookmark_texts reads."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
    return out.getvalue()


def test_an_exported_docx_carries_its_draft_and_clause_marks():
    draft = load_draft(MOU)
    data = render_to_bytes(draft, RenderOptions(languages=("vi", "lo", "en")))[""]
    record = find_record(data)
    assert record is not None
    assert (record.template, record.layout, record.languages, record.export_languages, record.party) == (
        "mou@1.2",
        "side-by-side",
        ("vi", "lo", "en"),
        ("vi", "lo", "en"),
        "",
    )
    assert json.loads(record.draft_json) == json.loads(draft.model_dump_json())
    assert record.draft_json.isascii()  # no program on the way can change its characters
    document = render_document(draft, RenderOptions(languages=("vi", "lo", "en")))
    # every clause but the national header is marked, in every language, with its text as printed
    expected = {
        (b.id, b.lang): canon(document.clause_text(b))
        for lang in document.languages
        for b in document.texts[lang]
        if b.kind != "national-header"
    }
    assert record.clause_texts() == expected
    assert record.fingerprint == fingerprint(expected)
    # the bookmarks in the text read what the record says
    assert clause_texts(record.marks, bookmark_texts(data, MARK_PREFIX)) == expected
    assert "Điều 1. Mục đích và nguyên tắc hợp tác" in paragraph_texts(
        open_docx(data)
    )  # python-docx opens it


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_each_file_of_one_file_per_language_carries_the_whole_draft(seed):
    draft = load_draft(seed)
    files = render_to_bytes(draft, RenderOptions(layout="separate", languages=("lo", "vi")))
    for lang, data in files.items():
        record = find_record(data)
        assert record.languages == (lang,) and record.export_languages == ("lo", "vi")
        assert {m.lang for m in record.marks} == {lang}
        assert json.loads(record.draft_json) == json.loads(draft.model_dump_json())


def test_canon_drops_only_what_lays_the_text_out():
    assert canon(" ສາມ\u200bຝ່າຍ \nຮ່ວມມື\nແຖວ ") == "ສາມຝ່າຍ ຮ່ວມມື\nແຖວ"


def test_clause_texts_join_a_clause_s_pieces_in_order_and_the_fingerprint_orders_by_id_then_language():
    marks = [
        Mark("_Mou1", "ob.1", "vi", "một "),
        Mark("_Mou2", "ob.10", "vi", "mười"),
        Mark("_Mou3", "ob.1", "lo", "ໜຶ່ງ\u200b ສອງ \nແຖວ"),
        Mark("_Mou4", "ob.1", "vi", "hai"),
        Mark("_Mou5", "ob.1-a", "en", "one-a"),
        Mark("_Mou6", "ob.1", "en", "one"),
    ]
    expected = {
        ("ob.1", "vi"): "một\nhai",
        ("ob.10", "vi"): "mười",
        ("ob.1", "lo"): "ໜຶ່ງ ສອງ ແຖວ",
        ("ob.1-a", "en"): "one-a",
        ("ob.1", "en"): "one",
    }
    assert ExportRecord("t", "l", (), (), "{}", tuple(marks)).clause_texts() == expected
    texts = {m.name: m.text for m in marks if m.name != "_Mou4"}
    assert clause_texts(marks, texts) == {**expected, ("ob.1", "vi"): "một"}
    # the order the fingerprint hashes in: by (id, language), an id before the ids it starts
    ordered = "".join(f"{c}\x1f{lang}\x1f{t}\x1e" for (c, lang), t in sorted(expected.items()))
    assert (
        ordered.index("ob.1\x1fen")
        < ordered.index("ob.1\x1flo")
        < ordered.index("ob.1-a")
        < ordered.index("ob.10")
    )
    assert fingerprint(expected) == hashlib.sha256(ordered.encode()).hexdigest()
    assert fingerprint(dict(reversed(expected.items()))) == fingerprint(expected)


def test_a_record_round_trips_and_refuses_what_it_cannot_read():
    record = ExportRecord(
        template="minutes@1.2",
        layout="sequential",
        languages=("vi",),
        export_languages=("vi", "lo"),
        draft_json='{"kind": "minutes"}',
        marks=(Mark("_Mou1", "intro", "vi", "Ngày 23 & <24>"),),
        party="dakglei",
        app_version="0.1.0",
        fingerprint="abc",
    )
    again = parse_record(record_xml(record))
    assert again == record
    with pytest.raises(DraftFileError, match="newer MoU Drafter"):
        parse_record(record_xml(record).replace(b'version="1"', b'version="2"'))
    with pytest.raises(DraftFileError, match="damaged"):
        parse_record(record_xml(record)[:-20], "x.docx")
    with pytest.raises(DraftFileError, match="missing"):
        parse_record(f'<export xmlns="{RECORD_NS}" version="1"/>'.encode())


def test_a_word_file_from_elsewhere_has_no_record_and_other_files_are_no_word_files():
    import docx

    plain = io.BytesIO()
    docx.Document().save(plain)
    assert find_record(plain.getvalue()) is None
    with pytest.raises(DraftFileError, match="not a Word document"):
        find_record(b"%PDF-1.6", "a.pdf")


def test_bookmark_texts_follow_names_paragraphs_breaks_and_tracked_changes():
    body = (
        # a bookmark over two paragraphs, with a line break and a tab
        '<w:p><w:bookmarkStart w:id="1" w:name="_Mou1"/><w:r><w:t>Dòng một</w:t><w:br/><w:t>hai</w:t></w:r></w:p>'
        '<w:p><w:r><w:tab/><w:t>ba</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>'
        # LibreOffice: the same name started twice with two ids, one end
        '<w:p><w:bookmarkStart w:id="5" w:name="_Mou2"/><w:r><w:t>A</w:t></w:r></w:p>'
        '<w:p><w:bookmarkStart w:id="6" w:name="_Mou2"/><w:r><w:t>B</w:t></w:r><w:bookmarkEnd w:id="6"/></w:p>'
        # tracked changes: deleted text out, inserted text in; a page break is no line break
        '<w:p><w:bookmarkStart w:id="7" w:name="_Mou3"/><w:del><w:r><w:delText>cũ</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t>mới</w:t></w:r></w:ins><w:r><w:br w:type="page"/></w:r><w:bookmarkEnd w:id="7"/></w:p>'
        # another program's bookmark, and one whose end was lost
        '<w:p><w:bookmarkStart w:id="8" w:name="_GoBack"/><w:bookmarkEnd w:id="8"/>'
        '<w:bookmarkStart w:id="9" w:name="_Mou4"/><w:r><w:t>lost</w:t></w:r></w:p>'
    )
    assert bookmark_texts(docx_with_body(body), MARK_PREFIX) == {
        "_Mou1": "Dòng một\nhai\n\tba",
        "_Mou2": "A\nB",
        "_Mou3": "mới",
    }
