"""What was changed in Word (issue 14), on exported files edited in their XML as Word would leave
them (a word typed over inside a run). The same edits made in LibreOffice through UNO are in
``tests/test_travel_realclient.py``."""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

import pytest

from mou_drafter import api
from mou_drafter.api import RenderOptions, load_draft, render_to_bytes
from mou_drafter.model.files import draft_to_json
from mou_drafter.render.record import MARK_PREFIX, find_record
from mou_drafter.templating.library import TemplateLibrary
from tests.conftest import ROOT

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def edited(data: bytes, *replacements: tuple[str, str], drop_marks: tuple[str, ...] = ()) -> bytes:
    """``data`` with the first occurrence of each old text (inside one ``w:t``) typed over, and the
    bookmarks named in ``drop_marks`` gone (their clause's text deleted in Word)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    for old, new in replacements:
        assert escape(old) in xml, old
        xml = xml.replace(escape(old), escape(new), 1)
    for name in drop_marks:
        number = re.search(rf'<w:bookmarkStart w:id="(\d+)" w:name="{name}"/>', xml).group(1)
        xml = xml.replace(f'<w:bookmarkStart w:id="{number}" w:name="{name}"/>', "")
        xml = xml.replace(f'<w:bookmarkEnd w:id="{number}"/>', "")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(
                info, xml.encode("utf-8") if info.filename == "word/document.xml" else source.read(info)
            )
    return out.getvalue()


def write(tmp_path, data: bytes, name: str = "edited.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def edits_of(tmp_path, data: bytes, **kwargs):
    return api.docx_edits(api.open_docx(write(tmp_path, data)), **kwargs)


def by_clause(edits):
    return {(c.clause, c.lang): c for c in edits.clauses}


def test_an_unedited_file_has_no_changes(tmp_path):
    data = render_to_bytes(load_draft(MINUTES))[""]
    edits = edits_of(tmp_path, data)
    assert edits.unchanged and edits.clauses == [] and "no changes made in Word" in api.edits_report(edits)


def test_typed_text_and_template_wording_are_told_apart_and_taken_back(tmp_path):
    draft = load_draft(MOU)
    data = render_to_bytes(draft)[""]
    description = (
        "tạo điều kiện trao đổi hàng hóa và nông sản qua biên giới"  # areas[3], ends in ";" when printed
    )
    edits = edits_of(
        tmp_path,
        edited(
            data, (description, description.replace("nông", "thủy")), ("ມິດຕະພາບອັນຍາວນານ", "ມິດຕະພາບອັນດີງາມ")
        ),
    )
    clauses = by_clause(edits)
    [typed] = clauses[("area.trade", "vi")].changes
    assert (typed.kind, typed.old, typed.new, typed.path) == (
        "typed",
        "nông",
        "thủy",
        "areas[3].description.vi",
    )
    assert typed.field_text == description.replace("nông", "thủy") and typed.can_take_back
    [wording] = clauses[("art.purpose.1", "lo")].changes
    assert (wording.kind, wording.old, wording.new) == ("template", "ຍາວນານ", "ດີງາມ")
    report = api.edits_report(edits)
    assert "area.trade (vi)" in report and "art.purpose.1 (lo)" in report
    assert "[-nông-]{+thủy+}" in report and "[-ຍາວນານ-]{+ດີງາມ+}" in report
    assert "edited template text (kept as this draft's wording)" in report

    new, notes = api.take_back(edits)
    assert notes == []
    assert new.areas[3].description.vi == description.replace("nông", "thủy")
    assert [(o.clause, o.lang) for o in new.overrides] == [("art.purpose.1", "lo")]
    assert not any(i.code == "override_stale" for i in api.document_checks(new))
    assert [i.code for i in api.validate_draft(new) if i.path.startswith("overrides")] == ["override"]
    # exported again, the file reads as it did in Word
    again = find_record(render_to_bytes(new)[""])
    texts = again.clause_texts()
    assert "thủy sản" in texts[("area.trade", "vi")] and "ມິດຕະພາບອັນດີງາມ" in texts[("art.purpose.1", "lo")]
    # a clerk may take no typed change back: the draft keeps its text, the wording is still kept
    kept, _notes = api.take_back(edits, accept=[])
    assert kept.areas[3].description.vi == description and len(kept.overrides) == 1
    assert api.take_back(edits, keep_template=False)[0].overrides == []
    assert draft_to_json(edits.draft) == draft_to_json(draft)  # the imported draft is left as it was


def test_an_edited_wording_survives_a_later_change_of_a_typed_text_in_the_same_clause(tmp_path):
    draft = load_draft(MINUTES)
    data = render_to_bytes(draft)[""]
    edits = edits_of(tmp_path, edited(data, ("đã đăng cai tổ chức", "đã long trọng đăng cai tổ chức")))
    [change] = edits.changes()
    assert (change.clause, change.kind, change.new.strip()) == ("intro", "template", "long trọng")
    new, _notes = api.take_back(edits)
    new.minutes.conference.venue.vi = "thị trấn Plei Kần"
    intro = next(b for b in api.render_document(new).texts["vi"] if b.id == "intro").text
    assert "tại thị trấn Plei Kần, huyện Đăk Glei đã long trọng đăng cai" in intro
    # wording edited right where the typed text then changed does not fit: printed as the template writes it
    edits = edits_of(tmp_path, edited(data, ("Kon Tum, huyện Đăk Glei đã", "Kon Tum; huyện Đăk Glei đã")))
    new, _notes = api.take_back(edits)
    assert [o.clause for o in new.overrides] == ["intro"]
    new.minutes.conference.venue.vi = "thị trấn Plei Kần"
    assert [i.code for i in api.document_checks(new)] == ["override_stale"]


def test_computed_text_capitals_removed_clauses_and_tables(tmp_path):
    draft = load_draft(MINUTES)
    data = render_to_bytes(draft)[""]
    record = find_record(data)
    subject = next(m.name for m in record.marks if (m.clause, m.lang) == ("subtitle", "lo"))
    edits = edits_of(
        tmp_path,
        edited(
            data,
            ("Ngày 23 tháng 11 năm 2023, tại", "Ngày 24 tháng 11 năm 2023, tại"),  # a date: computed
            ("TM. ĐOÀN ĐẠI BIỂU ", "TM. ĐOÀN CÔNG TÁC "),  # typed, printed in capitals
            ("Nội dung", "Nội dung hỗ trợ"),  # a table header: template
            (
                "Hỗ trợ xây dựng công trình hữu nghị",
                "Hỗ trợ xây dựng công trường hữu nghị",
            ),  # typed, in a table
            drop_marks=(subject,),
        ),
    )
    kinds = {(c.clause, c.lang): [(ch.kind, ch.can_take_back) for ch in c.changes] for c in edits.clauses}
    assert kinds[("intro", "vi")] == [("computed", False)]
    assert kinds[("sig.dakglei", "vi")] == [("typed", False), ("typed", False)]  # ĐẠI → CÔNG, BIỂU → TÁC
    assert kinds[("subtitle", "lo")] == [("removed", False)]
    assert sorted(kinds[("contributions", "vi")]) == [("template", False), ("typed", True)]
    new, notes = api.take_back(edits)
    assert new.contributions[0].purpose.vi == "Hỗ trợ xây dựng công trường hữu nghị"
    assert new.overrides == [] and new.minutes.conference.start == draft.minutes.conference.start
    text = "\n".join(notes)
    assert (
        "intro (vi): computed change not taken" in text and "subtitle (lo): removed change not taken" in text
    )
    assert "minutes.delegations[0].head.authority.vi but cannot be written back by itself" in text
    assert "contributions (vi): wording edited in a table is not kept" in text


def test_two_changes_in_one_field_go_back_together(tmp_path):
    draft = load_draft(MOU)
    data = render_to_bytes(draft, RenderOptions(languages=("vi", "lo")))[""]
    text = "tuần tra chung, bảo vệ mốc quốc giới, phòng chống ma túy"
    edits = edits_of(
        tmp_path,
        edited(
            data,
            (text, text.replace("tuần tra", "tuần tra song phương").replace("ma túy", "ma túy, buôn người")),
        ),
    )
    changes = edits.changes()
    assert len(changes) == 2 and {c.path for c in changes} == {"areas[1].description.vi"}
    new, notes = api.take_back(edits)
    assert notes == [] and new.areas[1].description.vi.startswith(
        "tuần tra song phương chung, bảo vệ mốc quốc giới, phòng chống ma túy, buôn người"
    )


def test_the_original_of_a_party_takes_changes_back_into_that_partys_fields(tmp_path):
    draft = load_draft(MINUTES)
    files = render_to_bytes(draft, RenderOptions(originals="alternat"))
    assert list(files) == ["dakglei", "xanxay", "dakcheung"]
    edits = edits_of(
        tmp_path, edited(files["dakcheung"], ("Bounmy Phommachanh, Bí thư", "Bounmy Phommachan, Bí thư"))
    )
    [change] = edits.changes()
    # in this original the Dak Cheung delegation comes first; the change goes to its own field
    assert (change.clause, change.path) == ("delegation.1", "minutes.delegations[2].head.name.vi")
    new, _notes = api.take_back(edits)
    assert new.minutes.delegations[2].head.name.vi == "Bounmy Phommachan"
    assert new.minutes.delegations[0].head.name.vi == draft.minutes.delegations[0].head.name.vi


def test_without_the_template_changes_are_listed_unsorted(tmp_path):
    data = render_to_bytes(load_draft(MINUTES))[""]
    edits = edits_of(
        tmp_path,
        edited(data, ("đã đăng cai tổ chức", "đã tổ chức")),
        library=TemplateLibrary([("built-in", tmp_path / "none")]),
    )
    assert not edits.sorted and [c.kind for c in edits.changes()] == ["unsorted"]
    assert "is not installed here" in api.edits_report(edits)
    assert api.take_back(edits)[0].overrides == []


def test_bookmarks_use_hidden_names():
    record = find_record(render_to_bytes(load_draft(MOU))[""])
    assert all(re.fullmatch(rf"{MARK_PREFIX}\d+", m.name) for m in record.marks)  # Word hides "_" names


@pytest.mark.parametrize("kind", ["mou", "minutes"])
def test_new_from_this_document(kind):
    draft = load_draft(MOU if kind == "mou" else MINUTES)
    new, moved_from = api.next_draft(draft)
    assert new.parties == draft.parties and new.areas == draft.areas
    assert new.signing.date is None and new.period.start is None and new.period.end is None
    assert all(o.due is None for o in new.obligations) and new.number == ""
    assert (
        moved_from is not None
        and moved_from.ref == draft.template
        and new.template == f"{kind}@" + ("1.3" if kind == "mou" else "1.2")
    )
    if kind == "minutes":
        conference = new.minutes.conference
        assert conference.ordinal == draft.minutes.conference.ordinal + 1 and conference.start is None
        following = draft.minutes.next_conference
        assert conference.host == following.host and conference.venue == following.place
        assert new.minutes.next_conference.place.is_empty()
    again, moved = api.next_draft(new)
    assert moved is None and again.template == new.template  # already on the newest version
