"""Language integrity of a draft: one test per finding code, with texts in Vietnamese, Lao and
English; the samples are clean; format 4 records translations and format-3 files have no flags."""

from __future__ import annotations

import json

import pytest

from mou_drafter.api import fix_issue, issues_as_json, record_all
from mou_drafter.language.legacy import to_mojibake
from mou_drafter.model.draft import SCHEMA_VERSION, Draft, LocalizedText
from mou_drafter.model.files import draft_to_json, load_draft, parse_draft, save_draft
from mou_drafter.model.translations import confirm_translation, edit_text
from mou_drafter.model.validation import has_errors, validate_draft
from tests.conftest import ROOT, SEEDS, run_cli

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"
CLEAN_CODES = {"wrong-script", "legacy-encoding", "number-mismatch"}


def trilingual() -> Draft:
    draft = load_draft(MINUTES)
    draft.languages = ["vi", "lo", "en"]
    return draft


def found(draft: Draft, code: str) -> dict[str, object]:
    return {i.path: i for i in validate_draft(draft) if i.code == code}


# -- wrong-script --------------------------------------------------------------------------------


def test_thai_letters_in_a_lao_text_are_an_error_with_a_fix():
    draft = trilingual()
    draft.minutes.agreed[0].points[0].lo = "ลาดตะเวนร่วม"  # "ລາດຕະເວນຮ່ວມ" typed on a Thai layout
    issue = found(draft, "wrong-script")["minutes.agreed[0].points[0].lo"]
    assert issue.severity == "error" and has_errors(validate_draft(draft))
    assert issue.fix == "ລາດຕະເວນຣ່ວມ"  # letter by letter: ร becomes ຣ, the clerk checks the spelling
    assert "Thai letters" in issue.message("en") and "chữ Thái" in issue.message("vi")
    assert "ຕົວອັກສອນໄທ" in issue.message("lo")
    assert fix_issue(draft, issue)
    assert "minutes.agreed[0].points[0].lo" not in found(draft, "wrong-script")


def test_thai_letters_without_a_single_lao_letter_are_a_warning():
    draft = trilingual()
    draft.parties[1].name.lo = "เมืองศรีสะเกษ"  # ศ and ษ have no one Lao letter
    issue = found(draft, "wrong-script")["parties[1].name.lo"]
    assert issue.severity == "warning" and issue.fix is None and "ศ" in issue.value


def test_a_lao_text_without_lao_letters_and_lao_letters_elsewhere_are_warnings():
    draft = trilingual()
    draft.parties[1].representative.title.lo = "Huyện trưởng huyện Xan Xay"  # Vietnamese in the Lao box
    draft.minutes.results[0].vi = "ສາມຝ່າຍໄດ້ແຈ້ງໃຫ້ກັນຊາບ"  # Lao in the Vietnamese box
    draft.minutes.results[1].en = "ສາຍພົວພັນມິດຕະພາບ"  # and in the English one
    draft.parties[1].representative.name.lo = "ສົມພອນ Keomany"  # a Latin name inside Lao text is fine
    issues = found(draft, "wrong-script")
    assert issues["parties[1].representative.title.lo"].variant == "no-lao"
    assert issues["minutes.results[0].vi"].variant == "lao"
    assert (
        issues["minutes.results[1].en"].message("en")
        == "Lao letters in the English text (typed in the wrong field?)"
    )
    assert "parties[1].representative.name.lo" not in issues
    assert all(i.severity == "warning" for i in issues.values())


# -- legacy-encoding -----------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "lang"), [("tcvn3", "vi"), ("vni", "en"), ("viscii", "lo")])
def test_legacy_encodings_are_warnings_with_a_fix(encoding, lang):
    """Vietnamese mojibake, in a Vietnamese text, and as a Vietnamese name in the English and in
    the Lao text."""
    draft = trilingual()
    point = draft.minutes.agreed[1].points[0]
    unicode = {
        "vi": "Tăng cường phối hợp tuần tra chung trên tuyến biên giới",
        "en": "Joint patrols with Đồn Biên phòng Đắk Long",
        "lo": "ລາດຕະເວນຮ່ວມກັບ Đồn Biên phòng Đắk Long",
    }[lang]
    setattr(point, lang, to_mojibake(unicode, encoding))
    issue = found(draft, "legacy-encoding")[f"minutes.agreed[1].points[0].{lang}"]
    assert issue.severity == "warning" and issue.fix == unicode
    assert issue.message("en").startswith("text in the old ")
    fix_issue(draft, issue)
    assert getattr(point, lang) == unicode and not found(draft, "legacy-encoding")


# -- stale-translation ---------------------------------------------------------------------------


@pytest.mark.parametrize("changed", ["vi", "lo", "en"])
def test_a_changed_language_flags_the_others_until_edited_or_confirmed(changed):
    draft = trilingual()
    record_all(draft)
    assert not found(draft, "stale-translation")
    point = draft.minutes.agreed[0].points[1]
    edit_text(draft, f"minutes.agreed[0].points[1].{changed}", getattr(point, changed) + " (sửa)")
    stale = found(draft, "stale-translation")
    others = [lang for lang in ("vi", "lo", "en") if lang != changed]
    assert set(stale) == {f"minutes.agreed[0].points[1].{lang}" for lang in others}
    first = stale[f"minutes.agreed[0].points[1].{others[0]}"]
    assert first.other == changed and "changed after this one was written" in first.message("en")
    edit_text(draft, f"minutes.agreed[0].points[1].{others[0]}", getattr(point, others[0]) + " …")
    confirm_translation(draft, f"minutes.agreed[0].points[1].{others[1]}")
    assert not found(draft, "stale-translation")


def test_stale_flags_only_in_document_languages():
    draft = load_draft(MINUTES)  # vi and lo; the sample has English texts too
    draft.minutes.results[0].vi += " Thêm một câu."  # changed in the file: no record updated
    assert set(found(draft, "stale-translation")) == {"minutes.results[0].lo"}


def test_sample_edited_in_a_text_editor_raises_the_flag(tmp_path):
    """The samples are saved with their fingerprints: change one language with a text editor and
    the other languages of that text are flagged."""
    text = MOU.read_text(encoding="utf-8")
    old = "Tiếp tục trao học bổng cho học sinh có hoàn cảnh khó khăn"
    assert text.count(old) == 1
    path = tmp_path / "edited.moud"
    path.write_text(
        text.replace(old, "Trao 30 suất học bổng mỗi năm cho học sinh có hoàn cảnh khó khăn"),
        encoding="utf-8",
    )
    issues = validate_draft(load_draft(path))
    stale = {i.path for i in issues if i.code == "stale-translation"}
    assert stale == {"obligations[0].text.lo"}  # the MoU is in Vietnamese and Lao
    assert {i.path for i in issues if i.code == "number-mismatch"} == {"obligations[0].text.lo"}


# -- number-mismatch -----------------------------------------------------------------------------


def test_numbers_differ_between_languages():
    draft = trilingual()
    result = draft.minutes.results[2]
    result.vi = "huyện Đăk Glei đã trao 20 suất học bổng"
    result.lo = "ເມືອງດັກເກລີ ໄດ້ມອບທຶນ 25 ທຶນ"
    result.en = "Dak Glei district awarded 20 scholarships"
    issues = found(draft, "number-mismatch")
    assert set(issues) == {"minutes.results[2].lo"}
    issue = issues["minutes.results[2].lo"]
    assert issue.message("en") == "the numbers differ from the Vietnamese text: 20 there, 25 here"
    assert issue.message("vi") == "các con số khác với văn bản tiếng Việt: bên đó 20, ở đây 25"
    result.lo = "ເມືອງດັກເກລີ ໄດ້ມອບທຶນ ໒໐ ທຶນ"  # Lao digits are the same number
    result.en = "Dak Glei district awarded 20 scholarships on 23 November 2023"
    issues = found(draft, "number-mismatch")
    assert (
        set(issues) == {"minutes.results[2].en"} and issues["minutes.results[2].en"].value2 == "11, 23, 2023"
    )


# -- name-mismatch -------------------------------------------------------------------------------


def test_a_party_named_in_one_language_only():
    draft = trilingual()
    result = draft.minutes.results[2]
    result.lo = result.lo.replace("ເມືອງຊານໄຊ", "ເມືອງອື່ນ")  # the Lao text lost Xan Xay
    result.en = result.en.replace("Dak Glei district", "the host district")  # the English one Dak Glei
    issues = found(draft, "name-mismatch")
    assert set(issues) == {"minutes.results[2].lo", "minutes.results[2].en"}
    lo = issues["minutes.results[2].lo"]
    assert lo.value == "huyện Xan Xay" and lo.value2 == "ເມືອງຊານໄຊ"
    assert "names none of its Lao names" in lo.message("en")
    assert issues["minutes.results[2].en"].value == "huyện Đăk Glei"


def test_a_name_only_in_the_translation_flags_the_source():
    draft = trilingual()
    draft.minutes.agreed[2].points[0].lo += " ກັບເມືອງດາກຈຶງ"
    issue = found(draft, "name-mismatch")["minutes.agreed[2].points[0].vi"]
    assert issue.other == "lo" and issue.value == "ເມືອງດາກຈຶງ" and issue.value2 == "huyện Đăk Chưng"


# -- terminology ---------------------------------------------------------------------------------


def test_approved_terms_missing_in_another_language_are_information():
    draft = trilingual()
    point = draft.minutes.agreed[1].points[0]
    point.lo = point.lo.replace("ລາດຕະເວນຮ່ວມ", "ກວດກາຮ່ວມກັນ")  # another word for the joint patrols
    point.en = point.en.replace("joint patrols", "common rounds")
    issues = [i for i in validate_draft(draft) if i.code == "terminology"]
    by_path = {(i.path, i.value) for i in issues}
    assert ("minutes.agreed[1].points[0].lo", "tuần tra chung") in by_path
    assert ("minutes.agreed[1].points[0].en", "tuần tra chung") in by_path
    issue = next(i for i in issues if i.path == "minutes.agreed[1].points[0].lo")
    assert issue.severity == "info" and issue.value2 == "ລາດຕະເວນຮ່ວມ"
    assert not has_errors(issues)


# -- the samples, JSON, format 4 -----------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_samples_have_no_script_encoding_or_number_findings(seed):
    result = run_cli("validate", "--json", str(seed))
    findings = json.loads(result.stdout)
    assert result.returncode == 0, result.stderr
    assert {f["code"] for f in findings} & CLEAN_CODES == set(), findings
    assert all(set(f) == {"severity", "path", "code", "message"} for f in findings)
    assert not [f for f in findings if f["code"] in ("stale-translation", "name-mismatch")]


def test_validate_json_in_the_interface_language(tmp_path):
    draft = load_draft(MOU)
    draft.parties[1].name.lo = "เมือง"
    path = save_draft(draft, tmp_path / "thai.moud")
    result = run_cli("validate", "--json", "--ui-language", "lo", str(path))
    assert result.returncode == 1  # an error
    finding = next(f for f in json.loads(result.stdout) if f["code"] == "wrong-script")
    assert finding["severity"] == "error" and finding["path"] == "parties[1].name.lo"
    assert "ຕົວອັກສອນໄທ" in finding["message"]
    assert issues_as_json(validate_draft(draft), "vi")[0]["message"].startswith(
        "văn bản tiếng Lào có chữ Thái"
    )


def test_format_4_records_travel_with_the_text_and_format_3_has_no_flags():
    draft = load_draft(MINUTES)
    assert draft.schema_version == SCHEMA_VERSION == 4
    assert draft.parties[0].name.seen["lo"]["vi"]  # the samples are saved with their records
    data = json.loads(draft_to_json(draft))
    assert data["parties"][0]["name"]["seen"]["vi"]["lo"] == draft.parties[0].name.seen["vi"]["lo"]
    assert parse_draft(draft_to_json(draft).encode()) == draft
    # a text without a record writes no "seen"
    assert "seen" not in json.loads(LocalizedText(vi="a").model_dump_json())

    # format 3: no records, no flags, even with the languages disagreeing
    def without_records(node):
        if isinstance(node, dict):
            return {k: without_records(v) for k, v in node.items() if k != "seen"}
        return [without_records(v) for v in node] if isinstance(node, list) else node

    data = without_records(data)
    data["schema_version"] = 3
    data["parties"][0]["name"]["vi"] = "huyện Đăk Glei mới"
    old = parse_draft(json.dumps(data, ensure_ascii=False).encode())
    assert old.schema_version == 4 and not old.parties[0].name.seen
    assert not found(old, "stale-translation")
    # the first edit records the state before it: the other languages are flagged
    edit_text(old, "parties[0].name.vi", "huyện Đăk Glei")
    assert set(found(old, "stale-translation")) == {"parties[0].name.lo"}


def test_bad_records_are_refused_with_the_field():
    with pytest.raises(Exception, match=r"title\.seen"):
        parse_draft(
            b'{"kind": "mou", "schema_version": 4, "title": {"vi": "a", "seen": {"vi": {"lo": "xyz"}}}}'
        )
