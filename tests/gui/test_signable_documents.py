"""The app side of issue 10: fields for the signing title, the capacity line of heads of
delegation, the words after the conference ordinal and the document title; the export dialog
lists texts missing in the chosen languages and asks before exporting."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QListWidget, QPushButton

from mou_drafter.render.inspect import open_docx, paragraph_texts
from tests.conftest import ROOT

from .conftest import type_text, when_dialog

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def preview_text(qtbot, window) -> str:
    with qtbot.waitSignal(window.preview_pane.worker.finished, timeout=10000):
        window.preview_pane.update_preview()
    return window.preview_pane.browser.toPlainText()


def test_signing_title_and_document_title_fields(qtbot, window, released):
    window.controller.library = released  # new drafts take the newest approved version: mou@1.2 is checked
    window.controller.new_document("mou")
    fields = window.editor.registry
    assert window.controller.doc.draft.document_type == "memorandum"
    assert window.controller.doc.draft.template == "mou@1.2"
    type_text(fields["parties[0].representative.authority.vi"], "TM. Ủy ban nhân dân huyện Đăk Glei")
    type_text(fields["parties[0].representative.title.vi"], "Chủ tịch Ủy ban nhân dân huyện Đăk Glei")
    type_text(fields["parties[0].representative.signing_title.vi"], "Chủ tịch")
    type_text(fields["parties[0].representative.signing_title.lo"], "ປະທານ")
    type_text(fields["parties[0].representative.name.vi"], "Nguyễn Văn Hùng")
    rep = window.controller.doc.draft.parties[0].representative
    assert rep.signing_title.vi == "Chủ tịch" and rep.signing_title.lo == "ປະທານ"
    preview = preview_text(qtbot, window)
    assert "TM. ỦY BAN NHÂN DÂN HUYỆN ĐĂK GLEI\nCHỦ TỊCH\n" in preview.replace("\u2029", "\n")
    assert "Chủ tịch Ủy ban nhân dân huyện Đăk Glei, làm đại diện" in preview

    combo = fields["document_type"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Biên bản ghi nhớ", "Thỏa thuận hợp tác"]
    combo.setCurrentIndex(combo.findData("agreement"))
    assert window.controller.doc.draft.document_type == "agreement"
    preview = preview_text(qtbot, window)
    assert "THỎA THUẬN HỢP TÁC" in preview and "Thỏa thuận này" in preview
    window.controller.undo()
    assert window.controller.doc.draft.document_type == "memorandum"


def test_minutes_fields_for_heads_and_the_words_after_the_ordinal(qtbot, window):
    window.controller.new_document("minutes")
    fields = window.editor.registry
    combo = fields["document_type"]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Biên bản hội nghị",
        "Biên bản hội đàm",
        "Biên bản làm việc",
        "Biên bản ghi nhớ",
    ]
    window.focus_path("minutes.conference.title")
    window.controller.doc.set_value("minutes.conference.ordinal", 18)
    type_text(fields["minutes.conference.title.vi"], "Hội nghị hợp tác")
    type_text(fields["minutes.conference.between.vi"], "giữa huyện Đăk Glei và huyện Xan Xay")
    assert window.controller.doc.draft.minutes.conference.between.vi == "giữa huyện Đăk Glei và huyện Xan Xay"
    window.focus_path("minutes.delegations[0].head.name")
    type_text(fields["minutes.delegations[0].head.authority.vi"], "TM. Đoàn đại biểu huyện Đăk Glei")
    type_text(fields["minutes.delegations[0].head.signing_title.vi"], "Trưởng đoàn")
    head = window.controller.doc.draft.minutes.delegations[0].head
    assert head.authority.vi == "TM. Đoàn đại biểu huyện Đăk Glei" and head.signing_title.vi == "Trưởng đoàn"
    preview = preview_text(qtbot, window).replace("\u2029", "\n")
    assert "Hội nghị hợp tác lần thứ 18 giữa huyện Đăk Glei và huyện Xan Xay" in preview
    assert "TM. ĐOÀN ĐẠI BIỂU HUYỆN ĐĂK GLEI\nTRƯỞNG ĐOÀN" in preview
    # a contribution given by all parties together
    window.focus_path("contributions")
    window.findChild(QPushButton, "contributions.add").click()
    giver = fields["contributions[0].party"]
    giver.setCurrentIndex(giver.findData("all"))
    assert window.controller.doc.draft.contributions[0].party == "all"


def test_export_dialog_lists_missing_texts_and_asks(qtbot, window, tmp_path):
    from mou_drafter.gui.dialogs.export import ExportDialog

    window.controller.open_sample(MOU)
    window.controller.doc.set_value("parties[1].name.lo", "")
    window.controller.doc.set_value("parties[2].representative.signing_title.en", "")
    dialog = ExportDialog(window.controller.doc.draft, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for lang, box in dialog.language_boxes.items():
        box.setChecked(lang in ("vi", "lo"))
    problems = dialog.findChild(QListWidget, "export.problems")
    assert [problems.item(i).text() for i in range(problems.count())] == [
        "✖ Bên thứ 2 › Tên › Tiếng Lào: thiếu nội dung tiếng Lào; khi xuất sẽ in thành ……"
    ]
    assert dialog.export_button.text() == "Vẫn xuất"
    assert dialog.problem_note.text() == (
        "Còn thiếu trong các ngôn ngữ đã chọn: 1. Các nội dung này sẽ in thành "
        "“……”. Vẫn xuất, hay hủy để nhập bổ sung?"
    )
    dialog.language_boxes["en"].setChecked(True)
    assert problems.count() == 2
    assert "Bên thứ 3 › Người đại diện › Chức vụ ký › Tiếng Anh" in problems.item(1).text()
    dialog.language_boxes["lo"].setChecked(False)
    dialog.language_boxes["en"].setChecked(False)
    assert (
        problems.count() == 0
        and dialog.export_button.text() == "Xuất"
        and not dialog.problem_note.isVisible()
    )

    # English prevailing without English, in the clerk's words
    window.controller.doc.set_value("signing.prevailing", "en")
    dialog = ExportDialog(window.controller.doc.draft, None, window)
    qtbot.addWidget(dialog)
    for lang, box in dialog.language_boxes.items():
        box.setChecked(lang == "vi")
    assert [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())] == [
        "✖ Giá trị các văn bản: văn bản tiếng Anh được dùng làm căn cứ nhưng không xuất tiếng Anh"
    ]


def test_from_the_export_dialog_to_the_missing_field(qtbot, window):
    """Double-clicking a missing text closes the dialog and puts the cursor in that field."""
    window.controller.open_sample(MOU)
    window.controller.doc.set_value("parties[1].name.lo", "")
    seen = {}

    def answer(dialog) -> None:
        seen["dialog"] = dialog
        for lang, box in dialog.language_boxes.items():
            box.setChecked(lang in ("vi", "lo"))
        item = dialog.problem_list.item(0)
        dialog.problem_list.itemDoubleClicked.emit(item)

    when_dialog(answer)
    window.controller.export()
    assert seen["dialog"].jump_path == "parties[1].name.lo"
    assert window.editor.sections[window.editor.section_list.currentRow()].key == "parties"
    field = window.editor.registry["parties[1].name.lo"]
    qtbot.waitUntil(lambda: window.focusWidget() is field, timeout=3000)


def test_export_anyway_writes_the_blank(qtbot, window, tmp_path):
    window.controller.open_sample(MOU)
    window.controller.doc.set_value("parties[1].name.lo", "")
    out = tmp_path / "mou.docx"

    def answer(dialog) -> None:
        for lang, box in dialog.language_boxes.items():
            box.setChecked(lang in ("vi", "lo"))
        dialog.path.setText(str(out))
        assert dialog.problem_list.count() == 1
        for button in dialog.findChildren(QPushButton):
            if button.objectName() == "export.ok":
                button.click()

    when_dialog(answer)
    window.controller.export()
    qtbot.waitUntil(lambda: ("exported", str(out)) in window.controller.interaction.asked, timeout=15000)
    paragraphs = paragraph_texts(open_docx(out.read_bytes()))
    assert any(p.startswith("2. ……, ແຂວງອັດຕະປື") for p in paragraphs)
