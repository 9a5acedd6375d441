"""Field names in the interface language, as the checks panel and the export dialog show them."""

from __future__ import annotations


def test_field_names_for_the_new_fields():
    from mou_drafter.gui.forms.field_names import describe
    from mou_drafter.gui.i18n import set_language

    set_language("vi")
    assert describe("parties[1].representative.signing_title.lo") == "Bên thứ 2 › Người đại diện › Chức vụ ký › ພາສາລາວ"
    assert describe("minutes.conference.between.vi") == "Hội nghị › Giữa (sau số lần) › Tiếng Việt"
    assert describe("document_type") == "Tên loại văn bản"
