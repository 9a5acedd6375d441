import json
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from mou_drafter.api import new_draft
from mou_drafter.errors import DraftFileError, ExportError
from mou_drafter.model.draft import MAX_TEXT_LENGTH, SCHEMA_VERSION, Draft, LocalizedText
from mou_drafter.model.files import (
    DraftInvalid,
    draft_to_json,
    json_schema,
    load_draft,
    parse_draft,
    save_draft,
)
from mou_drafter.model.validation import validate_draft
from tests.conftest import SEEDS
from tests.templating.test_library import NEWEST


def test_draft_defaults_and_party_ids():
    draft = Draft(kind="minutes", parties=[{}, {"id": "p1"}, {}])
    assert draft.template == ""  # no version in code: rendered with the newest approved one of its kind
    assert new_draft("minutes").template == NEWEST["minutes"]  # new drafts are pinned to it when made
    assert draft.languages == ["vi", "lo"]
    assert draft.minutes is not None
    assert len({p.id for p in draft.parties}) == 3


@pytest.mark.parametrize("languages", [["vi"], ["vi", "vi"], ["vi", "lo", "en", "vi"], ["fr", "vi"]])
def test_bad_language_sets_are_rejected(languages):
    with pytest.raises(ValidationError):
        Draft(languages=languages)


def test_localized_text_is_cleaned_and_bounded():
    text = LocalizedText(vi="  Ha\u0300 Nội\x00 ", lo="ນະຄອນຫຼວງ\u200bວຽງຈັນ")
    assert text.vi == "  Hà Nội " and text.get("vi") == "Hà Nội"  # stripped when read, not while typing
    assert text.lo == "ນະຄອນຫຼວງວຽງຈັນ"
    with pytest.raises(ValidationError):
        LocalizedText(vi="x" * (MAX_TEXT_LENGTH + 1))


def test_ten_parties_work():
    draft = new_draft("mou")
    draft.parties = [{"name": {"vi": f"Bên {i}", "lo": f"ຝ່າຍ {i}"}} for i in range(10)]
    draft = Draft.model_validate(draft.model_dump())
    assert len(draft.parties) == 10


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_round_trip(path: Path, tmp_path: Path):
    draft = load_draft(path)
    assert not [i for i in validate_draft(draft) if i.severity == "error"]
    out = save_draft(draft, tmp_path / "copy.moud")
    assert load_draft(out) == draft
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data)[:4] == ["kind", "schema_version", "template", "languages"]
    assert data["parties"][0]["name"].keys() == {
        "vi",
        "lo",
        "en",
        "seen",
    }  # the samples carry their records (format 4)
    assert oct(out.stat().st_mode & 0o777) != "0o600"


def test_malformed_json_names_line(tmp_path):
    path = tmp_path / "bad.moud"
    path.write_text('{\n "kind": "mou",\n "schema_version": 2,\n "title": {"vi": "x",}\n}', encoding="utf-8")
    with pytest.raises(DraftFileError, match=r"bad.moud: line 4, column \d+: damaged draft file"):
        load_draft(path)


def test_wrong_type_and_missing_field_name_the_field():
    with pytest.raises(DraftInvalid, match=r"parties\[0\]\.name\.vi"):
        parse_draft(
            json.dumps({"kind": "mou", "schema_version": 2, "parties": [{"name": {"vi": 5}}]}).encode()
        )
    with pytest.raises(DraftInvalid, match=r"signing\.originals"):
        parse_draft(
            json.dumps({"kind": "mou", "schema_version": 2, "signing": {"originals": "two"}}).encode()
        )
    with pytest.raises(DraftInvalid, match=r"kind: required field is missing"):
        parse_draft(json.dumps({"schema_version": 2}).encode())


def test_huge_text_field_is_refused_clearly():
    raw = json.dumps({"kind": "mou", "schema_version": 2, "title": {"vi": "a" * 5_000_000}}).encode()
    with pytest.raises(
        DraftInvalid, match=r"title\.vi: text is too long \(5000000 characters; at most 20000\)"
    ):
        parse_draft(raw)


def test_newer_version_is_refused_and_not_touched(tmp_path):
    path = tmp_path / "future.moud"
    content = json.dumps({"kind": "mou", "schema_version": SCHEMA_VERSION + 1, "new_thing": 1})
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftFileError, match="newer version of MoU Drafter"):
        load_draft(path)
    assert path.read_text(encoding="utf-8") == content


def test_version_1_is_migrated():
    v1 = {
        "kind": "mou",
        "schema_version": 1,
        "template": "mou@1.0",
        "languages": ["vi", "lo"],
        "title": "Về hợp tác",
        "parties": [{"name": "huyện A", "short_name": "A"}, {"name": {"lo": "ເມືອງ B"}}],
        "obligations": [{"who": "p1", "text": "Làm việc"}],
        "basis": ["Căn cứ X"],
    }
    draft = parse_draft(json.dumps(v1).encode())
    assert draft.schema_version == SCHEMA_VERSION
    assert draft.title.vi == "Về hợp tác"
    assert draft.parties[0].name.vi == "huyện A" and draft.parties[1].name.lo == "ເມືອງ B"
    assert draft.obligations[0].party == "p1" and draft.basis[0].vi == "Căn cứ X"


def test_format_3_is_migrated_to_format_4_with_both_additions_empty():
    """One migration 3 → 4 adds issue 13's translation records (none: nothing flagged) and issue
    14's optional clauses and Word overrides (none: the draft prints as before)."""
    from mou_drafter.model.files import MIGRATIONS

    v3 = {
        "kind": "mou",
        "schema_version": 3,
        "template": "mou@1.2",
        "languages": ["vi", "lo"],
        "title": {"vi": "Về hợp tác", "lo": "ວ່າດ້ວຍການຮ່ວມມື"},
        "parties": [{"name": {"vi": "huyện A"}}],
    }
    assert MIGRATIONS[3](dict(v3)) == {**v3, "schema_version": 4, "optional_clauses": [], "overrides": []}
    draft = parse_draft(json.dumps(v3, ensure_ascii=False).encode())
    assert draft.schema_version == SCHEMA_VERSION == 4
    assert draft.optional_clauses == [] and draft.overrides == []
    assert draft.title.seen == {} and draft.parties[0].name.seen == {}
    assert not [i for i in validate_draft(draft) if i.code == "stale-translation"]
    data = json.loads(draft_to_json(draft))
    assert data["schema_version"] == 4 and "seen" not in data["title"]
    assert data["optional_clauses"] == [] and data["overrides"] == []


def test_format_4_keeps_records_optional_clauses_and_overrides_together(tmp_path):
    draft = load_draft(SEEDS[0])
    assert draft.parties[0].name.seen  # the samples carry their translation records
    draft.optional_clauses = ["confidentiality"]
    draft.overrides = [{"clause": "art.disputes.1", "lang": "vi", "before": "Hai Bên", "after": "Các Bên"}]
    out = save_draft(draft, tmp_path / "both.moud")
    again = load_draft(out)
    assert again == draft
    assert again.parties[0].name.seen == draft.parties[0].name.seen and again.optional_clauses == [
        "confidentiality"
    ]
    assert again.overrides[0].after == "Các Bên"


def test_not_json_object_and_not_utf8(tmp_path):
    with pytest.raises(DraftFileError, match="must contain a JSON object"):
        parse_draft(b"[1, 2]")
    with pytest.raises(DraftFileError, match="not a UTF-8 text file"):
        parse_draft(b"\xff\xfe\x00k")
    with pytest.raises(DraftFileError, match="no such file"):
        load_draft(tmp_path / "missing.moud")


def test_atomic_save_keeps_old_file_when_folder_unwritable(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "d.moud"
    target.write_text("old", encoding="utf-8")
    # root writes anywhere, and Windows ignores a folder's read-only attribute: make creating the
    # temporary file fail as it would
    if os.name == "nt" or os.geteuid() == 0:
        real_open = os.open

        def refuse(file, flags, *args, **kwargs):
            if Path(file).parent == folder and flags & os.O_CREAT:
                raise PermissionError(13, "Permission denied")
            return real_open(file, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="not writable"):
            save_draft(new_draft("mou"), target)
        assert target.read_text(encoding="utf-8") == "old"
    finally:
        folder.chmod(0o700)


def test_atomic_save_to_missing_folder(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        save_draft(new_draft("mou"), tmp_path / "nope" / "d.moud")


def test_failed_replace_leaves_target_intact(tmp_path, monkeypatch):
    target = tmp_path / "out.docx"
    target.write_bytes(b"existing")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    from mou_drafter.model.atomic_write import atomic_write_bytes

    with pytest.raises(ExportError, match="open in another program"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"existing"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]  # no temp file left behind


def test_schema_lists_top_level_fields():
    schema = json_schema()
    assert {"kind", "schema_version", "template", "languages"} <= set(schema["properties"])
    assert "LocalizedText" in schema["$defs"]


def test_json_is_utf8_not_escaped():
    draft = new_draft("mou")
    draft.parties[0].name.vi = "huyện Đăk Glei"
    assert "huyện Đăk Glei" in draft_to_json(draft)
