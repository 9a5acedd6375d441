"""The app side of issue 10: fields for the signing title, the capacity line of heads of
delegation, the words after the conference ordinal and the document title; the export dialog
lists texts missing in the chosen languages and asks before exporting."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QPushButton

from mou_drafter.render.inspect import open_docx, paragraph_texts
from tests.conftest import ROOT

from .conftest import type_text

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def preview_text(qtbot, window) -> str:
    with qtbot.waitSignal(window.preview_worker.finished, timeout=10000):
        window.update_preview()
    return window.preview.toPlainText()


def test_signing_title_and_document_title_fields(qtbot, window, released):
    window.library = released  # new drafts take the newest approved version: here mou@1.2, whose wording is checked
    window.new_document("mou")
    assert window.doc.draft.document_type == "memorandum" and window.doc.draft.template == "mou@1.2"
    type_text(window.registry["parties[0].representative.authority.vi"], "TM. Ủy ban nhân dân huyện Đăk Glei")
    type_text(window.registry["parties[0].representative.title.vi"], "Chủ tịch Ủy ban nhân dân huyện Đăk Glei")
    type_text(window.registry["parties[0].representative.signing_title.vi"], "Chủ tịch")
    type_text(window.registry["parties[0].representative.signing_title.lo"], "ປະທານ")
    type_text(window.registry["parties[0].representative.name.vi"], "Nguyễn Văn Hùng")
    rep = window.doc.draft.parties[0].representative
    assert rep.signing_title.vi == "Chủ tịch" and rep.signing_title.lo == "ປະທານ"
    preview = preview_text(qtbot, window)
    assert "TM. ỦY BAN NHÂN DÂN HUYỆN ĐĂK GLEI\nCHỦ TỊCH\n" in preview.replace("\u2029", "\n")
    assert "Chủ tịch Ủy ban nhân dân huyện Đăk Glei, làm đại diện" in preview

    combo = window.registry["document_type"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Biên bản ghi nhớ", "Thỏa thuận hợp tác"]
    combo.setCurrentIndex(combo.findData("agreement"))
    assert window.doc.draft.document_type == "agreement"
    preview = preview_text(qtbot, window)
    assert "THỎA THUẬN HỢP TÁC" in preview and "Thỏa thuận này" in preview
    window.undo()
    assert window.doc.draft.document_type == "memorandum"


def test_minutes_fields_for_heads_and_the_words_after_the_ordinal(qtbot, window):
    window.new_document("minutes")
    combo = window.registry["document_type"]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Biên bản hội nghị", "Biên bản hội đàm", "Biên bản làm việc", "Biên bản ghi nhớ"]
    window.focus_path("minutes.conference.title")
    window.doc.set_value("minutes.conference.ordinal", 18)
    type_text(window.registry["minutes.conference.title.vi"], "Hội nghị hợp tác")
    type_text(window.registry["minutes.conference.between.vi"], "giữa huyện Đăk Glei và huyện Xan Xay")
    assert window.doc.draft.minutes.conference.between.vi == "giữa huyện Đăk Glei và huyện Xan Xay"
    window.focus_path("minutes.delegations[0].head.name")
    type_text(window.registry["minutes.delegations[0].head.authority.vi"], "TM. Đoàn đại biểu huyện Đăk Glei")
    type_text(window.registry["minutes.delegations[0].head.signing_title.vi"], "Trưởng đoàn")
    head = window.doc.draft.minutes.delegations[0].head
    assert head.authority.vi == "TM. Đoàn đại biểu huyện Đăk Glei" and head.signing_title.vi == "Trưởng đoàn"
    preview = preview_text(qtbot, window).replace("\u2029", "\n")
    assert "Hội nghị hợp tác lần thứ 18 giữa huyện Đăk Glei và huyện Xan Xay" in preview
    assert "TM. ĐOÀN ĐẠI BIỂU HUYỆN ĐĂK GLEI\nTRƯỞNG ĐOÀN" in preview
    # a contribution given by all parties together
    window.focus_path("contributions")
    window.findChild(QPushButton, "contributions.add").click()
    giver = window.registry["contributions[0].party"]
    giver.setCurrentIndex(giver.findData("all"))
    assert window.doc.draft.contributions[0].party == "all"


def test_export_dialog_lists_missing_texts_and_asks(qtbot, window, tmp_path):
    from mou_drafter.gui.dialogs.export import ExportDialog

    window.open_sample(MOU)
    window.doc.set_value("parties[1].name.lo", "")
    window.doc.set_value("parties[2].representative.signing_title.en", "")
    dialog = ExportDialog(window.doc.draft, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for lang, box in dialog.language_boxes.items():
        box.setChecked(lang in ("vi", "lo"))
    problems = dialog.findChild(QListWidget, "export.problems")
    assert [problems.item(i).text() for i in range(problems.count())] == [
        "✖ Bên thứ 2 › Tên › ພາສາລາວ: thiếu nội dung tiếng Lào; khi xuất sẽ in thành ……"]
    assert dialog.export_button.text() == "Vẫn xuất"
    assert dialog.problem_note.text() == ("Còn thiếu trong các ngôn ngữ đã chọn: 1. Các nội dung này sẽ in thành "
                                          "“……”. Vẫn xuất, hay hủy để nhập bổ sung?")
    dialog.language_boxes["en"].setChecked(True)
    assert problems.count() == 2
    assert "Bên thứ 3 › Người đại diện › Chức vụ ký › English" in problems.item(1).text()
    dialog.language_boxes["lo"].setChecked(False)
    dialog.language_boxes["en"].setChecked(False)
    assert problems.count() == 0 and dialog.export_button.text() == "Xuất" and not dialog.problem_note.isVisible()

    # English prevailing without English, in the clerk's words
    window.doc.set_value("signing.prevailing", "en")
    dialog = ExportDialog(window.doc.draft, None, window)
    qtbot.addWidget(dialog)
    for lang, box in dialog.language_boxes.items():
        box.setChecked(lang == "vi")
    assert [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())] == [
        "✖ Giá trị các văn bản: văn bản tiếng Anh được dùng làm căn cứ nhưng không xuất tiếng Anh"]


def test_from_the_export_dialog_to_the_missing_field(qtbot, window):
    """Double-clicking a missing text closes the dialog and puts the cursor in that field."""
    window.open_sample(MOU)
    window.doc.set_value("parties[1].name.lo", "")
    seen = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        for lang, box in dialog.language_boxes.items():
            box.setChecked(lang in ("vi", "lo"))
        item = dialog.problem_list.item(0)
        dialog.problem_list.itemDoubleClicked.emit(item)

    QTimer.singleShot(200, answer)
    window.export()
    assert seen["dialog"].jump_path == "parties[1].name.lo"
    assert window.sections[window.section_list.currentRow()].key == "parties"
    field = window.registry["parties[1].name.lo"]
    qtbot.waitUntil(lambda: window.focusWidget() is field, timeout=3000)


def test_export_anyway_writes_the_blank(qtbot, window, tmp_path):
    window.open_sample(MOU)
    window.doc.set_value("parties[1].name.lo", "")
    out = tmp_path / "mou.docx"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        for lang, box in dialog.language_boxes.items():
            box.setChecked(lang in ("vi", "lo"))
        dialog.path.setText(str(out))
        assert dialog.problem_list.count() == 1
        for button in dialog.findChildren(QPushButton):
            if button.objectName() == "export.ok":
                button.click()

    QTimer.singleShot(200, answer)
    window.export()
    qtbot.waitUntil(lambda: ("exported", str(out)) in window.interaction.asked, timeout=15000)
    paragraphs = paragraph_texts(open_docx(out.read_bytes()))
    assert any(p.startswith("2. ……, ແຂວງອັດຕະປື") for p in paragraphs)
