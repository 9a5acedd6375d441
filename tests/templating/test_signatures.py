"""Signature blocks per Decree 30/2020 (issue 10 §4): the capacity line naming the body, the short
signing title, then the name; draft format 3 (signing title, document type, words after the
conference ordinal) and its migration from format 2. Expected lines are written out here."""

from __future__ import annotations

import json

from mou_drafter.api import RenderOptions, render_to_bytes
from mou_drafter.model.draft import SCHEMA_VERSION
from mou_drafter.model.files import draft_to_json, json_schema, load_draft, parse_draft, save_draft
from mou_drafter.render.inspect import open_docx, paragraph_texts
from mou_drafter.templating.engine import build_document
from tests.conftest import ROOT

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def signer_lines(draft, lang: str) -> dict[str, list[str]]:
    doc = build_document(draft, [lang])
    return {b.id: b.lines for b in doc.texts[lang] if b.kind == "signer"}


def test_mou_signature_blocks_name_the_body_then_the_short_title_then_the_name():
    draft = load_draft(MOU)
    assert signer_lines(draft, "vi") == {
        "sig.dakglei": ["TM. ỦY BAN NHÂN DÂN HUYỆN ĐĂK GLEI", "CHỦ TỊCH", "Nguyễn Văn Hùng"],
        "sig.xanxay": ["TM. CHÍNH QUYỀN HUYỆN XAN XAY", "HUYỆN TRƯỞNG", "Somphone Keomany"],
        "sig.dakcheung": ["TM. CHÍNH QUYỀN HUYỆN ĐĂK CHƯNG", "HUYỆN TRƯỞNG", "Bounmy Phommachanh"],
    }
    assert signer_lines(draft, "lo") == {
        "sig.dakglei": ["ຕາງໜ້າ ຄະນະກຳມະການປະຊາຊົນເມືອງດັກເກລີ", "ປະທານ", "ຫງວຽນ ວັນ ຮຸ່ງ"],
        "sig.xanxay": ["ຕາງໜ້າ ອົງການປົກຄອງເມືອງຊານໄຊ", "ເຈົ້າເມືອງ", "ສົມພອນ ແກ້ວມະນີ"],
        "sig.dakcheung": ["ຕາງໜ້າ ອົງການປົກຄອງເມືອງດາກຈຶງ", "ເຈົ້າເມືອງ", "ບຸນມີ ພົມມະຈັນ"],
    }
    assert signer_lines(draft, "en") == {
        "sig.dakglei": ["FOR THE DAK GLEI DISTRICT PEOPLE'S COMMITTEE", "CHAIRMAN", "Nguyen Van Hung"],
        "sig.xanxay": ["FOR THE XAN XAY DISTRICT ADMINISTRATION", "DISTRICT GOVERNOR", "Somphone Keomany"],
        "sig.dakcheung": [
            "FOR THE DAK CHEUNG DISTRICT ADMINISTRATION",
            "DISTRICT GOVERNOR",
            "Bounmy Phommachanh",
        ],
    }
    # the full title stays in the preamble
    preamble = next(b for b in build_document(draft, ["vi"]).texts["vi"] if b.id == "party.dakglei")
    assert "do Nguyễn Văn Hùng, Chủ tịch Ủy ban nhân dân huyện Đăk Glei, làm đại diện;" in preamble.text


def test_minutes_are_signed_by_the_heads_of_delegation():
    draft = load_draft(MINUTES)
    assert signer_lines(draft, "vi")["sig.dakglei"] == [
        "TM. ĐOÀN ĐẠI BIỂU HUYỆN ĐĂK GLEI",
        "TRƯỞNG ĐOÀN",
        "Thái Văn Tường",
    ]
    assert signer_lines(draft, "lo")["sig.xanxay"] == ["ຕາງໜ້າ ຄະນະຜູ້ແທນເມືອງຊານໄຊ", "ຫົວໜ້າຄະນະ", "ສົມພອນ ແກ້ວມະນີ"]
    assert signer_lines(draft, "en")["sig.dakcheung"] == [
        "FOR THE DELEGATION OF DAK CHEUNG DISTRICT",
        "HEAD OF DELEGATION",
        "Bounmy Phommachanh",
    ]


def test_signature_lines_in_the_docx_in_order():
    draft = load_draft(MOU)
    for layout in ("side-by-side", "sequential"):
        paragraphs = paragraph_texts(
            open_docx(render_to_bytes(draft, RenderOptions(layout=layout, languages=("vi", "lo")))[""])
        )
        for lines in (
            ["TM. ỦY BAN NHÂN DÂN HUYỆN ĐĂK GLEI", "CHỦ TỊCH"],
            ["ຕາງໜ້າ ຄະນະກຳມະການປະຊາຊົນເມືອງດັກເກລີ", "ປະທານ"],
        ):
            first = paragraphs.index(lines[0])
            assert paragraphs[first + 1] == lines[1], (layout, paragraphs[first : first + 3])
        assert "Nguyễn Văn Hùng" in paragraphs and "ຫງວຽນ ວັນ ຮຸ່ງ" in paragraphs


# -- format 3 and the migration from format 2 -------------------------------------------------------

FORMAT_2 = {
    "kind": "mou",
    "schema_version": 2,
    "languages": ["vi", "lo"],
    "title": {"vi": "Về hợp tác", "lo": "ວ່າດ້ວຍການຮ່ວມມື", "en": ""},
    "parties": [
        {
            "id": "dakglei",
            "name": {"vi": "huyện Đăk Glei", "lo": "ເມືອງດັກເກລີ", "en": ""},
            "representative": {
                "name": {"vi": "Nguyễn Văn Hùng", "lo": "ຫງວຽນ ວັນ ຮຸ່ງ", "en": ""},
                "title": {
                    "vi": "Chủ tịch Ủy ban nhân dân huyện Đăk Glei",
                    "lo": "ປະທານຄະນະກຳມະການປະຊາຊົນເມືອງດັກເກລີ",
                    "en": "",
                },
                "authority": {
                    "vi": "TM. Ủy ban nhân dân huyện",
                    "lo": "ຕາງໜ້າ ຄະນະກຳມະການປະຊາຊົນເມືອງ",
                    "en": "",
                },
            },
        },
        {
            "id": "xanxay",
            "name": {"vi": "huyện Xan Xay", "lo": "ເມືອງຊານໄຊ", "en": ""},
            "representative": {
                "name": {"vi": "Somphone Keomany", "lo": "ສົມພອນ ແກ້ວມະນີ", "en": ""},
                "title": {"vi": "Huyện trưởng huyện Xan Xay", "lo": "ເຈົ້າເມືອງຊານໄຊ", "en": ""},
            },
        },
    ],
    "period": {"start": "2024-01-01", "duration_years": 5},
    "signing": {"place": {"vi": "Đăk Glei", "lo": "ເມືອງດັກເກລີ", "en": ""}, "date": "2023-11-23"},
    "areas": [{"title": {"vi": "Biên giới", "lo": "ຊາຍແດນ", "en": ""}}],
}

FORMAT_2_MINUTES = {
    "kind": "minutes",
    "schema_version": 2,
    "template": "minutes@1.0",
    "languages": ["vi", "lo"],
    "parties": [
        {
            "id": "a",
            "name": {"vi": "huyện Đăk Glei", "lo": "ເມືອງດັກເກລີ"},
            "short_name": {"vi": "huyện Đăk Glei", "lo": "ເມືອງດັກເກລີ"},
        },
        {"id": "b", "name": {"vi": "huyện Xan Xay", "lo": "ເມືອງຊານໄຊ"}},
    ],
    "signing": {"place": {"vi": "Đăk Glei", "lo": "ເມືອງດັກເກລີ"}, "date": "2023-11-23"},
    "minutes": {
        "conference": {
            "ordinal": 18,
            "title": {"vi": "Hội nghị hợp tác giữa hai huyện", "lo": "ກອງປະຊຸມຮ່ວມມືລະຫວ່າງສອງເມືອງ"},
            "start": "2023-11-23",
            "venue": {"vi": "Đăk Glei", "lo": "ດັກເກລີ"},
            "host": "a",
        },
        "delegations": [
            {
                "party": "a",
                "head": {
                    "name": {"vi": "Thái Văn Tường", "lo": "ໄທ ວັນ ເຕື່ອງ"},
                    "title": {"vi": "Bí thư Huyện ủy Đăk Glei", "lo": "ເລຂາພັກເມືອງດັກເກລີ"},
                },
            }
        ],
        "agreed": [
            {"area": {"vi": "Biên giới", "lo": "ຊາຍແດນ"}, "points": [{"vi": "Tuần tra", "lo": "ລາດຕະເວນ"}]}
        ],
    },
}


def test_format_2_is_migrated_and_keeps_its_meaning(tmp_path):
    path = tmp_path / "old.moud"
    path.write_text(json.dumps(FORMAT_2, ensure_ascii=False), encoding="utf-8")
    draft = load_draft(path)
    assert draft.schema_version == SCHEMA_VERSION
    # a format-2 file without a template field was made with mou@1.0, not today's default
    assert draft.template == "mou@1.0"
    assert draft.document_type == "" and draft.parties[0].representative.signing_title.is_empty()
    # with its own template it renders as before: the authority line, then the full title
    assert signer_lines(draft, "vi")["sig.dakglei"] == [
        "TM. ỦY BAN NHÂN DÂN HUYỆN",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ĐĂK GLEI",
        "Nguyễn Văn Hùng",
    ]
    # moved to mou@1.2: an empty signing title still falls back to the full title
    draft.template = "mou@1.2"
    assert signer_lines(draft, "vi")["sig.dakglei"] == [
        "TM. ỦY BAN NHÂN DÂN HUYỆN",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ĐĂK GLEI",
        "Nguyễn Văn Hùng",
    ]
    assert signer_lines(draft, "lo")["sig.xanxay"] == ["ເຈົ້າເມືອງຊານໄຊ", "ສົມພອນ ແກ້ວມະນີ"]
    # an empty document type: the template's own title
    assert next(b for b in build_document(draft, ["vi"]).texts["vi"] if b.kind == "title").lines == [
        "BIÊN BẢN GHI NHỚ"
    ]
    # saved, it is in the current format
    again = json.loads(save_draft(draft, tmp_path / "new.moud").read_text(encoding="utf-8"))
    assert again["schema_version"] == SCHEMA_VERSION and again["document_type"] == ""
    assert again["parties"][0]["representative"]["signing_title"] == {"vi": "", "lo": "", "en": ""}


def test_format_2_minutes_keep_their_signature_blocks():
    draft = parse_draft(json.dumps(FORMAT_2_MINUTES, ensure_ascii=False).encode())
    assert draft.template == "minutes@1.0" and draft.minutes.conference.between.is_empty()
    old = signer_lines(draft, "vi")["sig.a"]
    assert old == ["TRƯỞNG ĐOÀN HUYỆN ĐĂK GLEI", "BÍ THƯ HUYỆN ỦY ĐĂK GLEI", "Thái Văn Tường"]
    draft.template = "minutes@1.1"  # no capacity line given: the same block as minutes@1.0
    assert signer_lines(draft, "vi")["sig.a"] == old
    assert signer_lines(draft, "lo")["sig.a"] == ["ຫົວໜ້າຄະນະຜູ້ແທນ ເມືອງດັກເກລີ", "ເລຂາພັກເມືອງດັກເກລີ", "ໄທ ວັນ ເຕື່ອງ"]
    subtitle = next(b for b in build_document(draft, ["vi"]).texts["vi"] if b.id == "subtitle")
    assert subtitle.lines == ["Hội nghị hợp tác giữa hai huyện lần thứ 18"]  # one title, as in format 2


def test_format_3_round_trip_and_schema():
    draft = load_draft(MINUTES)
    assert parse_draft(draft_to_json(draft).encode()) == draft
    defs = json_schema()["$defs"]
    assert {"authority", "signing_title", "name", "title"} <= set(defs["Representative"]["properties"])
    assert defs["Delegation"]["properties"]["head"]["$ref"].endswith("/Representative")
    assert "between" in defs["Conference"]["properties"]
    assert set(json_schema()["properties"]["document_type"]["enum"]) == {
        "",
        "memorandum",
        "agreement",
        "talks",
        "conference",
        "working",
    }
    assert json_schema()["properties"]["schema_version"]["default"] == SCHEMA_VERSION
