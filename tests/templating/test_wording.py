"""Wording and form (issue 10 §5): dates over several days, counts, "the" before names of bodies, no
doubled full stop, the document title chosen by the draft, "Hai Bên", the ordinal before the
parties, empty sections left out. Expected texts are written out here, not computed by the code."""

from __future__ import annotations

import datetime as dt

import pytest

from mou_drafter.api import RenderOptions, new_draft, render_to_bytes
from mou_drafter.model.draft import Delegation, Draft, LocalizedText
from mou_drafter.model.files import load_draft
from mou_drafter.templating.formatting import end_with, english_article, format_count, format_date_range
from tests.conftest import ROOT

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (D(2023, 11, 22), D(2023, 11, 23), "vi", "từ ngày 22 đến ngày 23 tháng 11 năm 2023"),
        (D(2023, 11, 30), D(2023, 12, 2), "vi", "từ ngày 30 tháng 11 đến ngày 02 tháng 12 năm 2023"),
        (D(2023, 12, 30), D(2024, 1, 2), "vi", "từ ngày 30 tháng 12 năm 2023 đến ngày 02 tháng 01 năm 2024"),
        (D(2023, 11, 23), D(2023, 11, 23), "vi", "ngày 23 tháng 11 năm 2023"),
        (D(2024, 2, 5), None, "vi", "ngày 05 tháng 02 năm 2024"),
        (D(2023, 11, 22), D(2023, 11, 23), "lo", "ແຕ່ວັນທີ 22 ຫາ 23 ພະຈິກ 2023"),
        (D(2023, 11, 30), D(2023, 12, 2), "lo", "ແຕ່ວັນທີ 30 ພະຈິກ ຫາ ວັນທີ 2 ທັນວາ 2023"),
        (D(2023, 12, 30), D(2024, 1, 2), "lo", "ແຕ່ວັນທີ 30 ທັນວາ 2023 ຫາ ວັນທີ 2 ມັງກອນ 2024"),
        (D(2023, 11, 23), None, "lo", "ວັນທີ 23 ພະຈິກ 2023"),
        (D(2023, 11, 22), D(2023, 11, 23), "en", "from 22 to 23 November 2023"),
        (D(2023, 11, 30), D(2023, 12, 2), "en", "from 30 November to 2 December 2023"),
        (D(2023, 12, 30), D(2024, 1, 2), "en", "from 30 December 2023 to 2 January 2024"),
        (D(2023, 11, 23), D(2023, 11, 23), "en", "on 23 November 2023"),
    ],
)
def test_date_ranges(start, end, lang, expected):
    assert format_date_range(start, end, lang) == expected


def test_date_range_without_dates_is_a_blank():
    assert format_date_range(None, None, "vi") == "……"
    assert format_date_range(None, D(2023, 11, 23), "en") == "on 23 November 2023"


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [
        (3, "vi", "ba (03)"),
        (1, "vi", "một (01)"),
        (12, "vi", "12"),
        (3, "lo", "ສາມ"),
        (2, "lo", "ສອງ"),
        (12, "lo", "12"),
        (3, "en", "three"),
        (1, "en", "one"),
        (12, "en", "12"),
    ],
)
def test_counts_as_each_language_writes_them(count, lang, expected):
    assert format_count(count, lang) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Ministry of Foreign Affairs of the Lao People's Democratic Republic",
            "the Ministry of Foreign Affairs of the Lao People's Democratic Republic",
        ),
        (
            "Department of Foreign Affairs of Kon Tum province",
            "the Department of Foreign Affairs of Kon Tum province",
        ),
        ("Kon Tum Provincial People's Committee", "the Kon Tum Provincial People's Committee"),
        ("Xan Xay District Administration", "the Xan Xay District Administration"),
        ("Lao People's Democratic Republic", "the Lao People's Democratic Republic"),
        ("the Ministry of Health", "the Ministry of Health"),
        ("Dak Glei district", "Dak Glei district"),
        ("Dak Glei", "Dak Glei"),
        ("Viet Nam", "Viet Nam"),
        ("Laos", "Laos"),
        ("……", "……"),
    ],
)
def test_the_before_english_names_of_bodies(name, expected):
    assert english_article(name) == expected


@pytest.mark.parametrize(
    ("text", "mark", "expected"),
    [
        ("thu hút đầu tư.", ";", "thu hút đầu tư;"),
        ("thu hút đầu tư.", ".", "thu hút đầu tư."),
        ("thu hút đầu tư", ".", "thu hút đầu tư."),
        ("promote cooperation.", ".", "promote cooperation."),
        ("promote cooperation.", ";", "promote cooperation;"),
        ("promote cooperation;", ".", "promote cooperation."),
        ("promote cooperation. ", "", "promote cooperation"),
        ("ແລກປ່ຽນ.", ".", "ແລກປ່ຽນ."),
        ("và các lĩnh vực khác…", ".", "và các lĩnh vực khác…"),
        ("bao giờ?", ";", "bao giờ?;"),
    ],
)
def test_end_with_never_doubles_a_stop(text, mark, expected):
    assert end_with(text, mark) == expected


# -- in the rendered documents ------------------------------------------------------------------


def txt(draft: Draft, languages: list[str], layout: str = "sequential") -> dict[str, str]:
    return {
        k: v.decode("utf-8")
        for k, v in render_to_bytes(
            draft, RenderOptions(layout=layout, languages=languages), fmt="txt"
        ).items()
    }


def t(vi: str, lo: str, en: str) -> LocalizedText:
    return LocalizedText(vi=vi, lo=lo, en=en)


def bilateral_minutes() -> Draft:
    """Two-day talks between two parties, numbered as a series, with a member list."""
    draft = new_draft("minutes", ["vi", "lo", "en"])
    a, b = draft.parties
    a.name = t(
        "Sở Ngoại vụ tỉnh Kon Tum",
        "ພະແນກການຕ່າງປະເທດ ແຂວງກອນຕູມ",
        "Department of Foreign Affairs of Kon Tum province",
    )
    b.name = t(
        "Sở Ngoại vụ tỉnh Attapư",
        "ພະແນກການຕ່າງປະເທດ ແຂວງອັດຕະປື",
        "Department of Foreign Affairs of Attapeu province",
    )
    conf = draft.minutes.conference
    conf.ordinal = 18
    conf.title = t("Hội nghị hợp tác", "ກອງປະຊຸມຮ່ວມມື", "cooperation conference")
    conf.between = t(
        "giữa Sở Ngoại vụ tỉnh Kon Tum và Sở Ngoại vụ tỉnh Attapư",
        "ລະຫວ່າງ ພະແນກການຕ່າງປະເທດ ແຂວງກອນຕູມ ແລະ ພະແນກການຕ່າງປະເທດ ແຂວງອັດຕະປື",
        "between the Departments of Foreign Affairs of Kon Tum and Attapeu provinces",
    )
    conf.start, conf.end = D(2023, 11, 22), D(2023, 11, 23)
    conf.venue = t("thành phố Kon Tum", "ນະຄອນກອນຕູມ", "Kon Tum city")
    draft.signing.place = t("Kon Tum", "ກອນຕູມ", "Kon Tum")
    draft.signing.date = D(2023, 11, 23)
    draft.minutes.delegations = [Delegation(party=a.id), Delegation(party=b.id)]
    for d, name in zip(draft.minutes.delegations, ("Nguyễn Văn A", "Somsak B"), strict=True):
        d.head.name = t(name, name, name)
        d.head.title = t("Giám đốc Sở", "ຫົວໜ້າພະແນກ", "Director")
    draft.minutes.agreed = [
        {
            "area": t("Đầu tư", "ການລົງທຶນ", "Investment"),
            "points": [
                t("Thúc đẩy thu hút đầu tư.", "ຊຸກຍູ້ການດຶງດູດການລົງທຶນ.", "Promote investment cooperation."),
                t(
                    "Trao đổi thông tin về thu hút đầu tư.",
                    "ແລກປ່ຽນຂໍ້ມູນ.",
                    "Exchange information on cooperation.",
                ),
            ],
        }
    ]
    draft.minutes.next_conference.host = b.id
    draft.minutes.next_conference.year = 2024
    return draft


def test_bilateral_minutes_wording_in_three_languages():
    out = txt(bilateral_minutes(), ["vi", "lo", "en"])[""]
    # the document title the draft chose (new drafts of minutes: the conference's minutes)
    assert "\nBIÊN BẢN HỘI NGHỊ\n" in out and "\nບົດບັນທຶກກອງປະຊຸມ\n" in out and "\nMINUTES\n" in out
    # the ordinal before the words naming the parties
    assert ("\nHội nghị hợp tác lần thứ 18 giữa Sở Ngoại vụ tỉnh Kon Tum và Sở Ngoại vụ tỉnh Attapư\n") in out
    assert ("\nກອງປະຊຸມຮ່ວມມື ຄັ້ງທີ 18 ລະຫວ່າງ ພະແນກການຕ່າງປະເທດ ແຂວງກອນຕູມ ແລະ ພະແນກການຕ່າງປະເທດ ແຂວງອັດຕະປື\n") in out
    assert (
        "\nof the 18th cooperation conference between the Departments of Foreign Affairs of Kon Tum and "
        "Attapeu provinces\n"
    ) in out
    # a conference over two days; "the" before the name of a body
    assert (
        "\nTừ ngày 22 đến ngày 23 tháng 11 năm 2023, tại thành phố Kon Tum, Sở Ngoại vụ tỉnh Kon Tum đã "
        "đăng cai tổ chức Hội nghị hợp tác lần thứ 18 giữa Sở Ngoại vụ tỉnh Kon Tum và Sở Ngoại vụ tỉnh "
        "Attapư.\n"
    ) in out
    assert "\nແຕ່ວັນທີ 22 ຫາ 23 ພະຈິກ 2023, ທີ່ ນະຄອນກອນຕູມ, ພະແນກການຕ່າງປະເທດ ແຂວງກອນຕູມ ໄດ້ເປັນເຈົ້າພາບຈັດ" in out
    assert (
        "\nFrom 22 to 23 November 2023, the Department of Foreign Affairs of Kon Tum province hosted the "
        "18th cooperation conference between"
    ) in out
    assert "1. The delegation of the Department of Foreign Affairs of Kon Tum province, headed by" in out
    # no doubled full stop after a typed point
    assert "\n- Thúc đẩy thu hút đầu tư;\n" in out and "\n- Trao đổi thông tin về thu hút đầu tư.\n" in out
    assert (
        "\n- Promote investment cooperation;\n" in out and "\n- Exchange information on cooperation.\n" in out
    )
    assert ".." not in out and ".;" not in out
    # two parties: Hai Bên / ສອງຝ່າຍ; the next conference numbered 19, before the parties
    assert (
        "\nHai Bên thống nhất tổ chức Hội nghị hợp tác lần thứ 19 giữa Sở Ngoại vụ tỉnh Kon Tum và Sở "
        "Ngoại vụ tỉnh Attapư vào năm 2024, do Sở Ngoại vụ tỉnh Attapư đăng cai.\n"
    ) in out
    assert "\nສອງຝ່າຍຕົກລົງເປັນເອກະພາບຈັດກອງປະຊຸມຮ່ວມມື ຄັ້ງທີ 19 ລະຫວ່າງ" in out
    assert "\nThe two Parties agreed to hold the 19th cooperation conference between" in out
    assert "hosted by the Department of Foreign Affairs of Attapeu province.\n" in out
    assert "Các Bên" not in out and "ບັນດາຝ່າຍ" not in out
    # sections without content are left out and the others numbered in order
    assert "KẾT QUẢ THỰC HIỆN" not in out and "HỖ TRỢ VÀ ĐÓNG GÓP" not in out
    for heading in (
        "I. THÀNH PHẦN THAM DỰ",
        "II. CÁC NỘI DUNG ĐÃ THỐNG NHẤT",
        "III. HỘI NGHỊ LẦN TIẾP THEO",
        "I. ອົງປະກອບຜູ້ເຂົ້າຮ່ວມ",
        "II. ເນື້ອໃນທີ່ໄດ້ຕົກລົງເປັນເອກະພາບ",
        "III. ກອງປະຊຸມຄັ້ງຕໍ່ໄປ",
        "I. PARTICIPANTS",
        "II. AGREED POINTS",
        "III. NEXT CONFERENCE",
    ):
        assert f"\n{heading}\n" in out, heading


def test_minutes_without_next_conference_leave_the_section_out():
    draft = bilateral_minutes()
    draft.minutes.next_conference = type(draft.minutes.next_conference)()
    draft.minutes.results = [t("Hai Bên đã thực hiện tốt.", "ສອງຝ່າຍໄດ້ປະຕິບັດດີ.", "Both did well.")]
    out = txt(draft, ["vi", "lo", "en"])[""]
    assert "HỘI NGHỊ LẦN TIẾP THEO" not in out and "ກອງປະຊຸມຄັ້ງຕໍ່ໄປ" not in out and "NEXT CONFERENCE" not in out
    assert "\nII. KẾT QUẢ THỰC HIỆN HỢP TÁC THỜI GIAN QUA\n" in out and "\nIII. AGREED POINTS\n" in out
    assert "\nHai Bên đã thực hiện tốt.\n" in out


@pytest.mark.parametrize(
    ("kind", "doc_type", "titles", "reference"),
    [
        (
            "mou",
            "memorandum",
            ("BIÊN BẢN GHI NHỚ", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ", "MEMORANDUM OF UNDERSTANDING"),
            (
                "Biên bản ghi nhớ này có hiệu lực",
                "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ມີຜົນສັກສິດນັບແຕ່",
                "This Memorandum of Understanding takes effect",
            ),
        ),
        (
            "mou",
            "agreement",
            ("THỎA THUẬN HỢP TÁC", "ຂໍ້ຕົກລົງຮ່ວມມື", "COOPERATION AGREEMENT"),
            ("Thỏa thuận này có hiệu lực", "ຂໍ້ຕົກລົງຮ່ວມມືສະບັບນີ້ ມີຜົນສັກສິດນັບແຕ່", "This Agreement takes effect"),
        ),
        (
            "minutes",
            "conference",
            ("BIÊN BẢN HỘI NGHỊ", "ບົດບັນທຶກກອງປະຊຸມ", "MINUTES"),
            ("Biên bản hội nghị này được lập tại", "ບົດບັນທຶກກອງປະຊຸມສະບັບນີ້ ເຮັດທີ່", "Done at"),
        ),
        (
            "minutes",
            "talks",
            ("BIÊN BẢN HỘI ĐÀM", "ບົດບັນທຶກການເຈລະຈາ", "MINUTES OF TALKS"),
            ("Biên bản hội đàm này được lập tại", "ບົດບັນທຶກການເຈລະຈາສະບັບນີ້ ເຮັດທີ່", "Done at"),
        ),
        (
            "minutes",
            "working",
            ("BIÊN BẢN LÀM VIỆC", "ບົດບັນທຶກການເຮັດວຽກ", "MINUTES OF THE WORKING SESSION"),
            ("Biên bản làm việc này được lập tại", "ບົດບັນທຶກການເຮັດວຽກສະບັບນີ້ ເຮັດທີ່", "Done at"),
        ),
        (
            "minutes",
            "memorandum",
            ("BIÊN BẢN GHI NHỚ", "ບົດບັນທຶກຄວາມເຂົ້າໃຈ", "MEMORANDUM OF UNDERSTANDING"),
            ("Biên bản ghi nhớ này được lập tại", "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່", "Done at"),
        ),
    ],
)
def test_document_title_chosen_by_the_draft(kind, doc_type, titles, reference):
    seed = {
        "mou": "mou-dakglei-xanxay-dakcheung-2024-2028",
        "minutes": "minutes-dakglei-xanxay-dakcheung-2023",
    }
    draft = load_draft(ROOT / "seeds" / f"{seed[kind]}.moud")
    draft.document_type = doc_type
    out = txt(draft, ["vi", "lo", "en"])[""]
    for title in titles:
        assert f"\n{title}\n" in out, title
    for text in reference:
        assert f"\n{text}" in out, text


def test_mou_wording_three_parties_and_no_empty_obligations():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    out = txt(draft, ["vi", "lo", "en"])[""]
    assert "hợp tác giữa các địa phương, ba Bên gồm:" in out and "\nĐiều 3. Trách nhiệm của ba Bên\n" in out
    assert "\nມາດຕາ 3. ພັນທະຂອງສາມຝ່າຍ\n" in out and "\nArticle 3. Obligations of the three Parties\n" in out
    # a due date in full, in each language's way
    assert "(thời hạn: ngày 31 tháng 12 năm 2024)" in out
    assert "(ກຳນົດເວລາ: ວັນທີ 31 ທັນວາ 2024)" in out and "(by 31 December 2024)" in out
    # a party without obligations gets no heading of its own; with none at all, no article
    draft.obligations = [ob for ob in draft.obligations if ob.party != "xanxay"]
    out = txt(draft, ["vi"])[""]
    assert "Trách nhiệm của huyện Xan Xay" not in out
    assert (
        "\n1. Trách nhiệm của huyện Đăk Glei:\n" in out and "\n2. Trách nhiệm của huyện Đăk Chưng:\n" in out
    )
    assert "\n3. Trách nhiệm chung của ba Bên:\n" in out
    draft.obligations = []
    out = txt(draft, ["vi", "en"])[""]
    assert "Trách nhiệm" not in out and "Obligations of" not in out
    assert "\nĐiều 3. Kinh phí\n" in out and "\nArticle 3. Funding\n" in out


def test_two_party_mou_says_hai_ben_and_the_other_party():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    draft.parties = draft.parties[:2]
    draft.obligations = [ob for ob in draft.obligations if ob.party in ("dakglei", "all")]
    out = txt(draft, ["vi", "lo", "en"])[""]
    assert "\nHai Bên hợp tác nhằm giữ gìn" in out and "\nĐiều 3. Trách nhiệm của hai Bên\n" in out
    assert "cho Bên kia ý định chấm dứt" in out
    assert "\nສອງຝ່າຍຮ່ວມມືກັນ ເພື່ອປົກປັກຮັກສາ" in out
    assert "\nThe two Parties cooperate to preserve" in out and "notifies the other Party in writing" in out
    assert "Các Bên" not in out and "các Bên" not in out and "ບັນດາຝ່າຍ" not in out


def test_english_plurals_of_years_and_months():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    draft.period.end = None
    draft.period.duration_years = 1
    draft.signing.notice_months = 1
    out = txt(draft, ["en"])[""]
    assert "for a period of 1 year and" in out and "at least 1 month in advance" in out
    draft.period.duration_years, draft.signing.notice_months = 5, 3
    out = txt(draft, ["en"])[""]
    assert "for a period of 5 years and" in out and "at least 3 months in advance" in out


def test_a_document_title_the_kind_does_not_have_is_a_validation_error():
    from mou_drafter.model.validation import validate_draft

    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    draft.document_type = "talks"  # minutes of talks are not a memorandum's articles
    issues = [(i.path, i.code) for i in validate_draft(draft) if i.severity == "error"]
    assert issues == [("document_type", "document_type")]
    draft.document_type = "agreement"
    assert not [i for i in validate_draft(draft) if i.severity == "error"]
