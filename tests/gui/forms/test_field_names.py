"""Field names in the interface language, as the checks panel and the export dialog show them."""

from __future__ import annotations


def test_field_names_for_the_new_fields():
    from mou_drafter.gui.forms.field_names import describe
    from mou_drafter.gui.i18n import set_language

    set_language("vi")
    assert (
        describe("parties[1].representative.signing_title.lo")
        == "Bên thứ 2 › Người đại diện › Chức vụ ký › Tiếng Lào"
    )
    assert describe("minutes.conference.between.vi") == "Hội nghị › Giữa (sau số lần) › Tiếng Việt"
    assert describe("document_type") == "Tên loại văn bản"


def test_every_part_of_a_field_name_follows_the_interface_language():
    """Issue 15: a Vietnamese message named the language of a field in Lao ("… › ພາສາລາວ")."""
    from mou_drafter.gui.forms.field_names import describe
    from mou_drafter.gui.i18n import set_language

    try:
        set_language("en")
        assert describe("parties[0].name.lo") == "Party 1 › Name › Lao"
        set_language("lo")
        assert describe("parties[0].name.vi").endswith("ພາສາຫວຽດນາມ")
        set_language("vi")
        assert describe("parties[0].name.en") == "Bên thứ 1 › Tên › Tiếng Anh"
        assert describe("signing.place.lo") == "Nơi ký › Tiếng Lào"
    finally:
        set_language("vi")


def test_a_title_is_a_job_title_or_the_name_of_an_area():
    """Issue 15: the area's name field was labelled "Chức vụ" (job title): one "Title" string had
    two meanings; now each has its context (msgctxt) in the catalogues."""
    from mou_drafter.gui.forms.field_names import describe
    from mou_drafter.gui.i18n import set_language

    set_language("vi")
    assert describe("areas[1].title.vi") == "Lĩnh vực 2 › Tên lĩnh vực › Tiếng Việt"
    assert (
        describe("parties[0].representative.title.vi") == "Bên thứ 1 › Người đại diện › Chức vụ › Tiếng Việt"
    )
    assert describe("minutes.delegations[0].members[2].title.lo").endswith(
        "Thành viên 3 › Chức vụ › Tiếng Lào"
    )
    assert describe("minutes.delegations[0].members[2].name.lo").endswith(
        "Thành viên 3 › Họ và tên › Tiếng Lào"
    )
    assert describe("minutes.conference.title.vi") == "Tên hội nghị › Tiếng Việt"
