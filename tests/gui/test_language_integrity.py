"""Language integrity in the app, on real widgets, typing as a clerk does (conventions §7): a
TCVN3 paste becomes Unicode at once and Undo gives it back as pasted; changing a Vietnamese text
turns the Lao marker to "check", ✓ confirms it and Undo brings the flag back; a Thai word typed in
a Lao box is an error in the checks panel, with a fix; the term side list follows the focus."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from mou_drafter.language.legacy import to_mojibake
from tests.conftest import ROOT

from .conftest import type_text

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def paste(widget, text: str, html: str = "") -> None:
    mime = QMimeData()
    mime.setText(text)
    if html:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # the clipboard owns the data: left there, the offscreen platform crashes at exit
    # (segmentation fault after the last test, exit code 139)
    QGuiApplication.clipboard().clear()


def test_tcvn3_paste_becomes_unicode_and_undo_gives_it_back(qtbot, window):
    window.controller.open_sample(MOU)
    editor = window.editor.registry["parties[0].locality.vi"]  # a field that grows (issue 15)
    editor.setText("")  # emptied as typed: an edit of the draft
    assert window.controller.doc.draft.parties[0].locality.vi == ""
    type_text(editor, "tỉnh ")
    mojibake = to_mojibake("Kon Tum, Việt Nam", "tcvn3")
    assert mojibake == "Kon Tum, ViÖt Nam"
    paste(editor, mojibake)
    assert editor.text() == "tỉnh Kon Tum, Việt Nam"
    assert window.controller.doc.draft.parties[0].locality.vi == "tỉnh Kon Tum, Việt Nam"
    assert "TCVN3" in window.statusBar().currentMessage()
    window.menu_actions["undo"].trigger()  # the conversion
    assert editor.text() == "tỉnh Kon Tum, ViÖt Nam"
    window.menu_actions["undo"].trigger()  # the paste
    assert editor.text() == "tỉnh "
    window.menu_actions["redo"].trigger()
    window.menu_actions["redo"].trigger()
    assert editor.text() == "tỉnh Kon Tum, Việt Nam"


def test_multiline_paste_in_vni_and_capital_font_in_tcvn3(qtbot, window):
    window.controller.open_sample(MINUTES)
    editor = window.editor.registry["minutes.results[0].vi"]
    editor.selectAll()
    paste(editor, to_mojibake("Độc lập - Tự do - Hạnh phúc", "vni"))
    assert editor.toPlainText() == "Độc lập - Tự do - Hạnh phúc"
    assert window.controller.doc.draft.minutes.results[0].vi == "Độc lập - Tự do - Hạnh phúc"
    editor.selectAll()
    # Word's HTML names the font: all in .VnTimeH, the capital font, so the text is capitals
    paste(editor, "§éc lËp", html='<span style="font-family:.VnTimeH">§éc lËp</span>')
    assert editor.toPlainText() == "ĐỘC LẬP"
    window.menu_actions["undo"].trigger()
    assert editor.toPlainText() == "§éc lËp"


def test_unicode_paste_is_left_alone(qtbot, window):
    window.controller.open_sample(MOU)
    editor = window.editor.registry["parties[0].locality.vi"]
    editor.selectAll()
    paste(editor, "tỉnh Kon Tum")
    assert editor.text() == "tỉnh Kon Tum" and "TCVN3" not in window.statusBar().currentMessage()


def test_changed_vietnamese_text_turns_the_lao_marker_to_check(qtbot, window):
    window.controller.open_sample(MOU)
    vi = window.editor.registry["obligations[0].text.vi"]
    lo = window.editor.registry["obligations[0].text.lo"]
    confirm = window.findChild(QToolButton, "obligations[0].text.lo.confirm")
    assert lo.property("marker") == "" and confirm.isHidden()
    type_text(vi, " mỗi năm")
    assert lo.property("marker") == "check" and not confirm.isHidden()
    assert vi.property("marker") == ""
    assert "Tiếng Việt" in lo.toolTip() and "border: 2px dashed" in lo.styleSheet()
    window.controller.update_validation()
    assert window.checks.item_for("obligations[0].text.lo", "stale-translation") is not None
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert lo.property("marker") == "" and confirm.isHidden()
    window.controller.update_validation()
    assert window.checks.item_for("obligations[0].text.lo", "stale-translation") is None
    window.menu_actions["undo"].trigger()  # the confirmation
    assert lo.property("marker") == "check"
    window.menu_actions["undo"].trigger()  # the typing
    assert lo.property("marker") == "" and vi.toPlainText().endswith(
        "khó khăn của huyện Xan Xay và huyện Đăk Chưng"
    )


def test_still_correct_from_the_checks_panel(qtbot, window):
    window.controller.open_sample(MOU)
    type_text(
        window.editor.registry["parties[1].short_name.vi"], " "
    )  # a space: no change of meaning, but a change
    type_text(window.editor.registry["parties[1].short_name.vi"], "mới")
    window.controller.update_validation()
    item = window.checks.item_for("parties[1].short_name.lo", "stale-translation")
    window.checks.list.setCurrentItem(item)
    assert window.checks.confirm_button.isEnabled() and not window.checks.fix_button.isEnabled()
    qtbot.mouseClick(window.checks.confirm_button, Qt.MouseButton.LeftButton)
    assert window.checks.item_for("parties[1].short_name.lo", "stale-translation") is None
    assert window.editor.registry["parties[1].short_name.lo"].property("marker") == ""


def test_the_strip_shows_fix_and_still_correct_only_for_findings_they_act_on(qtbot, window):
    window.controller.open_sample(MOU)
    window.controller.update_validation()
    checks = window.checks
    assert not any(i.fix is not None or i.code == "stale-translation" for i in checks.issues)
    assert checks.fix_button.isHidden() and checks.confirm_button.isHidden()
    type_text(window.editor.registry["parties[1].short_name.vi"], " mới")
    window.controller.update_validation()
    assert not checks.confirm_button.isHidden() and checks.fix_button.isHidden()
    window.menu_actions["undo"].trigger()
    window.controller.update_validation()
    assert checks.confirm_button.isHidden()


def test_thai_word_in_a_lao_box_is_an_error_with_its_fix(qtbot, window):
    window.controller.open_sample(MOU)
    lo = window.editor.registry["areas[1].description.lo"]
    lo.selectAll()
    type_text(lo, "ลาดตะเวนร่วม")  # typed on a Thai keyboard layout
    window.controller.update_validation()
    item = window.checks.item_for("areas[1].description.lo", "wrong-script")
    assert item is not None and item.text().startswith("✖")
    assert "chữ Thái" in item.text()  # the interface is Vietnamese
    assert lo.property("issue") == "error" and "border: 2px solid #c62828" in lo.styleSheet()
    states = {s.key: window.editor.section_state(s) for s in window.editor.sections}
    assert states["areas"] == "errors"
    window.checks.list.setCurrentItem(item)
    assert window.checks.fix_button.isEnabled()
    qtbot.mouseClick(window.checks.fix_button, Qt.MouseButton.LeftButton)
    assert lo.toPlainText() == "ລາດຕະເວນຣ່ວມ" == window.controller.doc.draft.areas[1].description.lo
    assert (
        lo.property("issue") == ""
        and window.checks.item_for("areas[1].description.lo", "wrong-script") is None
    )
    window.menu_actions["undo"].trigger()
    assert lo.toPlainText() == "ลาดตะเวนร่วม"


def test_checks_panel_jumps_and_shows_information(qtbot, window):
    window.controller.open_sample(MOU)
    lo = window.editor.registry["obligations[3].text.lo"]
    lo.selectAll()
    type_text(lo, "ປະສານງານກັນ ແລກປ່ຽນຂໍ້ມູນຂ່າວສານ")  # no ລາດຕະເວນຮ່ວມ (joint patrols) any more
    window.controller.update_validation()
    items = [window.checks.list.item(i) for i in range(window.checks.list.count())]
    item = next(
        i
        for i in items
        if i.data(Qt.ItemDataRole.UserRole) == "obligations[3].text.lo" and "ລາດຕະເວນຮ່ວມ" in i.text()
    )
    assert item.text().startswith("ℹ") and "tuần tra chung" in item.text()
    assert "ghi chú" in window.checks.windowTitle()
    window.checks.list.itemClicked.emit(item)
    assert window.editor.sections[window.editor.section_list.currentRow()].key == "obligations"
    qtbot.waitUntil(lo.hasFocus, timeout=3000)


def test_term_side_list_offers_the_approved_equivalents(qtbot, window):
    window.controller.open_sample(MINUTES)
    window.focus_path("minutes.agreed[1].points[0].lo")
    lo = window.editor.registry["minutes.agreed[1].points[0].lo"]
    qtbot.waitUntil(lambda: window.terms_panel.path == "minutes.agreed[1].points[0].lo", timeout=3000)
    entries = [window.terms_panel.list.item(i).text() for i in range(window.terms_panel.list.count())]
    assert any(entry.startswith("✓ ລາດຕະເວນຮ່ວມ") and "tuần tra chung" in entry for entry in entries), entries
    lo.selectAll()
    type_text(lo, "ເພີ່ມທະວີ ")
    window.refresh_terms()
    item = next(
        window.terms_panel.list.item(i)
        for i in range(window.terms_panel.list.count())
        if "ລາດຕະເວນຮ່ວມ" in window.terms_panel.list.item(i).text()
    )
    assert not item.text().startswith("✓")
    window.terms_panel.list.itemDoubleClicked.emit(item)
    assert window.controller.doc.draft.minutes.agreed[1].points[0].lo == "ເພີ່ມທະວີ ລາດຕະເວນຮ່ວມ"
    window.menu_actions["undo"].trigger()
    assert window.controller.doc.draft.minutes.agreed[1].points[0].lo == "ເພີ່ມທະວີ "


def test_export_dialog_lists_language_findings(qtbot, window):
    from mou_drafter.gui.dialogs.export import ExportDialog

    window.controller.open_sample(MOU)
    window.controller.doc.draft.obligations[0].text.lo = (
        window.controller.doc.draft.obligations[0].text.lo + " 25"
    )
    window.controller.doc.draft.parties[1].name.lo = "เมือง"
    dialog = ExportDialog(window.controller.doc.draft, None, window, library=window.controller.library)
    qtbot.addWidget(dialog)
    lines = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any(line.startswith("✖") and "chữ Thái" in line for line in lines), lines
    assert any(line.startswith("●") and "con số" in line for line in lines), lines
    assert dialog.export_button.text() == "Vẫn xuất"  # "Export anyway"
    dialog.language_boxes["lo"].setChecked(False)  # without Lao, nothing in Lao to report
    assert dialog.findings and all(i.lang == "vi" for i in dialog.findings)
    # the Vietnamese texts are flagged: the Lao ones changed after them (edited without a record)
    assert {i.code for i in dialog.findings} == {"stale-translation"}
