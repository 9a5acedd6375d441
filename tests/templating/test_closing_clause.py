"""The closing clause describes what is exported (issue 10 §1): the languages actually in the
document or file, the originals (per language and party for one file per language), which text
prevails. Every expected clause is written out here in full."""

from __future__ import annotations

import datetime as dt

import pytest

from mou_drafter.api import RenderOptions, new_draft, render_to_bytes
from mou_drafter.model.draft import Draft, LocalizedText
from mou_drafter.render.inspect import open_docx, paragraph_texts

EN_PREVAILS = {
    "vi": " Trường hợp có sự khác biệt trong giải thích, văn bản tiếng Anh được dùng làm căn cứ.",
    "lo": " ໃນກໍລະນີມີການຕີຄວາມໝາຍແຕກຕ່າງກັນ ໃຫ້ຖືເອົາສະບັບພາສາອັງກິດເປັນຫຼັກ.",
    "en": " In case of divergence of interpretation, the English text shall prevail.",
}

#: One document holding the exported languages (side by side or one after the other).
ONE_DOCUMENT = {
    ("vi", "lo"): {
        "vi": "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành hai (02) bản gốc, "
        "mỗi bản bằng tiếng Việt và tiếng Lào, mỗi Bên giữ một bản; các văn bản có giá trị như nhau.",
        "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 5 ມີນາ 2024, ເປັນສອງສະບັບຕົ້ນ, "
        "ແຕ່ລະສະບັບເປັນພາສາລາວ ແລະ ພາສາຫວຽດນາມ, ແຕ່ລະຝ່າຍຖືໄວ້ຝ່າຍລະໜຶ່ງສະບັບ, "
        "ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
    },
    ("vi", "en"): {
        "vi": "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành hai (02) bản gốc, "
        "mỗi bản bằng tiếng Việt và tiếng Anh, mỗi Bên giữ một bản; các văn bản có giá trị như nhau.",
        "en": "Done at Dak Glei on 5 March 2024, in two originals, each in the Vietnamese and English languages, "
        "one for each Party, all texts being equally authentic.",
    },
    ("lo", "en"): {
        "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 5 ມີນາ 2024, ເປັນສອງສະບັບຕົ້ນ, "
        "ແຕ່ລະສະບັບເປັນພາສາລາວ ແລະ ພາສາອັງກິດ, ແຕ່ລະຝ່າຍຖືໄວ້ຝ່າຍລະໜຶ່ງສະບັບ, "
        "ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
        "en": "Done at Dak Glei on 5 March 2024, in two originals, each in the Lao and English languages, "
        "one for each Party, all texts being equally authentic.",
    },
    ("vi", "lo", "en"): {
        "vi": "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành hai (02) bản gốc, "
        "mỗi bản bằng tiếng Việt, tiếng Lào và tiếng Anh, mỗi Bên giữ một bản; các văn bản có giá trị "
        "như nhau.",
        "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 5 ມີນາ 2024, ເປັນສອງສະບັບຕົ້ນ, "
        "ແຕ່ລະສະບັບເປັນພາສາລາວ, ພາສາຫວຽດນາມ ແລະ ພາສາອັງກິດ, ແຕ່ລະຝ່າຍຖືໄວ້ຝ່າຍລະໜຶ່ງສະບັບ, "
        "ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
        "en": "Done at Dak Glei on 5 March 2024, in two originals, each in the Vietnamese, Lao and English "
        "languages, one for each Party, all texts being equally authentic.",
    },
}

#: One file per language: each file speaks of the originals in every language.
ONE_FILE_PER_LANGUAGE = {
    ("vi", "lo"): {
        "vi": "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành hai (02) bản gốc "
        "bằng tiếng Việt và hai (02) bản gốc bằng tiếng Lào, mỗi Bên giữ một bản bằng mỗi thứ tiếng; "
        "các văn bản có giá trị như nhau.",
        "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 5 ມີນາ 2024, "
        "ເປັນພາສາລາວສອງສະບັບຕົ້ນ ແລະ ພາສາຫວຽດນາມສອງສະບັບຕົ້ນ, ແຕ່ລະຝ່າຍຖືໄວ້ພາສາລະໜຶ່ງສະບັບ, "
        "ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
    },
    ("vi", "en"): {
        "vi": "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành hai (02) bản gốc "
        "bằng tiếng Việt và hai (02) bản gốc bằng tiếng Anh, mỗi Bên giữ một bản bằng mỗi thứ tiếng; "
        "các văn bản có giá trị như nhau.",
        "en": "Done at Dak Glei on 5 March 2024, in two originals in the Vietnamese language and two originals "
        "in the English language, each Party keeping one original in each language, all texts being "
        "equally authentic.",
    },
    ("lo", "en"): {
        "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 5 ມີນາ 2024, "
        "ເປັນພາສາລາວສອງສະບັບຕົ້ນ ແລະ ພາສາອັງກິດສອງສະບັບຕົ້ນ, ແຕ່ລະຝ່າຍຖືໄວ້ພາສາລະໜຶ່ງສະບັບ, "
        "ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
        "en": "Done at Dak Glei on 5 March 2024, in two originals in the Lao language and two originals in the "
        "English language, each Party keeping one original in each language, all texts being equally "
        "authentic.",
    },
    ("vi", "lo", "en"): {
        "vi": "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành hai (02) bản gốc "
        "bằng tiếng Việt, hai (02) bản gốc bằng tiếng Lào và hai (02) bản gốc bằng tiếng Anh, mỗi Bên giữ "
        "một bản bằng mỗi thứ tiếng; các văn bản có giá trị như nhau.",
        "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 5 ມີນາ 2024, "
        "ເປັນພາສາລາວສອງສະບັບຕົ້ນ, ພາສາຫວຽດນາມສອງສະບັບຕົ້ນ ແລະ ພາສາອັງກິດສອງສະບັບຕົ້ນ, "
        "ແຕ່ລະຝ່າຍຖືໄວ້ພາສາລະໜຶ່ງສະບັບ, ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
        "en": "Done at Dak Glei on 5 March 2024, in two originals in the Vietnamese language, two originals in "
        "the Lao language and two originals in the English language, each Party keeping one original in "
        "each language, all texts being equally authentic.",
    },
}


def t(vi: str, lo: str, en: str) -> LocalizedText:
    return LocalizedText(vi=vi, lo=lo, en=en)


def bilateral_mou(prevailing: str = "equal") -> Draft:
    draft = new_draft("mou", ["vi", "lo", "en"])
    a, b = draft.parties
    a.name, b.name = (
        t("huyện Đăk Glei", "ເມືອງດັກເກລີ", "Dak Glei district"),
        t("huyện Xan Xay", "ເມືອງຊານໄຊ", "Xan Xay district"),
    )
    for p in (a, b):
        p.representative.name = t("Người ký", "ຜູ້ລົງນາມ", "Signer")
        p.representative.title = t("Chủ tịch", "ປະທານ", "Chairman")
    draft.title = t("Về hợp tác", "ວ່າດ້ວຍການຮ່ວມມື", "on cooperation")
    draft.areas = [{"title": t("Biên giới", "ຊາຍແດນ", "Border")}]
    draft.period.start, draft.period.duration_years = dt.date(2024, 3, 5), 5
    draft.signing.place = t("Đăk Glei", "ເມືອງດັກເກລີ", "Dak Glei")
    draft.signing.date = dt.date(2024, 3, 5)
    draft.signing.originals = 2
    draft.signing.prevailing = prevailing
    return draft


LEADS = (
    "Biên bản ghi nhớ này được làm tại",
    "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່",
    "Done at",
    "Biên bản hội nghị này được lập tại",
    "ບົດບັນທຶກກອງປະຊຸມສະບັບນີ້ ເຮັດທີ່",
)


def clauses(text: str, layout: str) -> dict[str, list[str]]:
    """The closing clause of each language in a plain-text export."""
    found: dict[str, list[str]] = {}
    lang = ""
    for line in text.splitlines():
        if line.startswith("== ") and line.endswith(" =="):
            lang = line[3:-3]
        body = line
        if layout == "side-by-side" and line[2:4] == "| ":
            lang, body = line[:2], line[4:]
        if body.startswith(LEADS):
            found.setdefault(lang, []).append(body)
    return found


SETS = [("vi", "lo"), ("vi", "en"), ("lo", "en"), ("vi", "lo", "en")]
#: English prevailing without English is refused at export (tests/test_export_checks.py).
CASES = [
    (langs, prevailing)
    for langs in SETS
    for prevailing in ("equal", "en")
    if prevailing == "equal" or "en" in langs
]
CASE_IDS = [f"{','.join(langs)}-{prevailing}" for langs, prevailing in CASES]


@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
@pytest.mark.parametrize(("languages", "prevailing"), CASES, ids=CASE_IDS)
def test_one_document_names_exactly_its_languages(languages, layout, prevailing):
    files = render_to_bytes(
        bilateral_mou(prevailing), RenderOptions(layout=layout, languages=list(languages)), fmt="txt"
    )
    assert list(files) == [""]
    found = clauses(files[""].decode("utf-8"), layout)
    expected = {
        lang: [text + (EN_PREVAILS[lang] if prevailing == "en" else "")]
        for lang, text in ONE_DOCUMENT[languages].items()
    }
    assert found == expected


@pytest.mark.parametrize(("languages", "prevailing"), CASES, ids=CASE_IDS)
def test_one_file_per_language_counts_originals_per_language(languages, prevailing):
    files = render_to_bytes(
        bilateral_mou(prevailing), RenderOptions(layout="separate", languages=list(languages)), fmt="txt"
    )
    assert list(files) == list(languages)
    for lang, data in files.items():
        found = clauses(data.decode("utf-8"), "separate")
        expected = ONE_FILE_PER_LANGUAGE[languages][lang] + (EN_PREVAILS[lang] if prevailing == "en" else "")
        assert found == {lang: [expected]}, lang


def test_separate_docx_files_carry_their_own_clause():
    files = render_to_bytes(
        bilateral_mou(), RenderOptions(layout="separate", languages=("vi", "lo")), fmt="docx"
    )
    for lang in ("vi", "lo"):
        paragraphs = paragraph_texts(open_docx(files[lang]))
        assert ONE_FILE_PER_LANGUAGE[("vi", "lo")][lang] in paragraphs, lang
    side = paragraph_texts(
        open_docx(
            render_to_bytes(bilateral_mou(), RenderOptions(layout="side-by-side", languages=("vi", "lo")))[""]
        )
    )
    assert ONE_DOCUMENT[("vi", "lo")]["vi"] in side and ONE_DOCUMENT[("vi", "lo")]["lo"] in side


def test_english_in_the_draft_does_not_make_it_prevail():
    """mou@1.1 said "the English text shall prevail" whenever English was exported (retired for it)."""
    draft = bilateral_mou("equal")
    text = render_to_bytes(
        draft, RenderOptions(layout="sequential", languages=("vi", "lo", "en")), fmt="txt"
    )[""].decode()
    assert "prevail" not in text and "căn cứ." not in text and "ເປັນຫຼັກ" not in text
    draft.template = "mou@1.1"
    old = render_to_bytes(draft, RenderOptions(layout="sequential", languages=("vi", "lo", "en")), fmt="txt")[
        ""
    ].decode()
    assert "the English text shall prevail" in old  # the bug stays in the retired version, unchanged


@pytest.mark.parametrize(
    ("originals", "expected"),
    [
        (
            1,
            {
                "vi": "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành một (01) bản gốc "
                "bằng tiếng Việt và tiếng Lào; các văn bản có giá trị như nhau.",
                "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 5 ມີນາ 2024, ເປັນໜຶ່ງສະບັບຕົ້ນ "
                "ເປັນພາສາລາວ ແລະ ພາສາອັງກິດ, ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
                "en": "Done at Dak Glei on 5 March 2024, in one original in the Vietnamese and English languages, all "
                "texts being equally authentic.",
            },
        ),
        (
            12,
            {
                "vi": "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành 12 bản gốc, mỗi "
                "bản bằng tiếng Việt và tiếng Lào; các văn bản có giá trị như nhau.",
                "lo": "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 5 ມີນາ 2024, ເປັນ 12 ສະບັບຕົ້ນ, "
                "ແຕ່ລະສະບັບເປັນພາສາລາວ ແລະ ພາສາອັງກິດ, ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
                "en": "Done at Dak Glei on 5 March 2024, in 12 originals, each in the Vietnamese and English "
                "languages, all texts being equally authentic.",
            },
        ),
    ],
)
def test_singular_and_large_counts(originals, expected):
    draft = bilateral_mou()
    draft.signing.originals = originals
    pairs = {"vi": ["vi", "lo"], "lo": ["lo", "en"], "en": ["vi", "en"]}
    for lang, languages in pairs.items():
        text = render_to_bytes(draft, RenderOptions(layout="sequential", languages=languages), fmt="txt")[
            ""
        ].decode()
        assert clauses(text, "sequential")[lang] == [expected[lang]]
    english = render_to_bytes(draft, RenderOptions(layout="sequential", languages=("en",)), fmt="txt")[
        ""
    ].decode()
    assert "(01)" not in english and "one (01) originals" not in english and "1 originals" not in english


def test_a_single_exported_language():
    text = render_to_bytes(bilateral_mou(), RenderOptions(layout="sequential", languages=("en",)), fmt="txt")[
        ""
    ].decode()
    assert clauses(text, "sequential") == {
        "en": [
            "Done at Dak Glei on 5 March 2024, in two originals in the English language, one for each Party."
        ]
    }
    text = render_to_bytes(bilateral_mou(), RenderOptions(layout="sequential", languages=("vi",)), fmt="txt")[
        ""
    ].decode()
    assert clauses(text, "sequential") == {
        "vi": [
            "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 05 tháng 3 năm 2024, thành hai (02) bản gốc bằng "
            "tiếng Việt, mỗi Bên giữ một bản."
        ]
    }


def test_minutes_closing_clause_follows_the_export():
    from mou_drafter.model.files import load_draft
    from tests.conftest import ROOT

    draft = load_draft(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    side = render_to_bytes(draft, RenderOptions(layout="side-by-side", languages=("vi", "lo")), fmt="txt")[
        ""
    ].decode()
    assert clauses(side, "side-by-side") == {
        "vi": [
            "Biên bản hội nghị này được lập tại Đăk Glei, ngày 23 tháng 11 năm 2023, thành ba (03) bản gốc, "
            "mỗi bản bằng tiếng Việt và tiếng Lào, mỗi Bên giữ một bản; các văn bản có giá trị như nhau."
        ],
        "lo": [
            "ບົດບັນທຶກກອງປະຊຸມສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 23 ພະຈິກ 2023, ເປັນສາມສະບັບຕົ້ນ, "
            "ແຕ່ລະສະບັບເປັນພາສາລາວ ແລະ ພາສາຫວຽດນາມ, ແຕ່ລະຝ່າຍຖືໄວ້ຝ່າຍລະໜຶ່ງສະບັບ, "
            "ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ."
        ],
    }
    separate = render_to_bytes(
        draft, RenderOptions(layout="separate", languages=("vi", "lo", "en")), fmt="txt"
    )
    assert clauses(separate["en"].decode(), "separate") == {
        "en": [
            "Done at Dak Glei on 23 November 2023, in three originals in the Vietnamese language, three originals in "
            "the Lao language and three originals in the English language, each Party keeping one original in each "
            "language, all texts being equally authentic."
        ]
    }
    assert clauses(separate["vi"].decode(), "separate") == {
        "vi": [
            "Biên bản hội nghị này được lập tại Đăk Glei, ngày 23 tháng 11 năm 2023, thành ba (03) bản gốc bằng "
            "tiếng Việt, ba (03) bản gốc bằng tiếng Lào và ba (03) bản gốc bằng tiếng Anh, mỗi Bên giữ một bản bằng "
            "mỗi thứ tiếng; các văn bản có giá trị như nhau."
        ]
    }
