"""Issue 15, the desk a clerk enjoys: the print preview on real widgets (pages made by LibreOffice),
the previews following the section edited, a calmer window, the six rough edges, keyboard and
accessible names, colours in light and dark palettes, the window as it was left."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QScrollBar

from mou_drafter.api import missing_page_tools
from tests.conftest import ROOT

from .conftest import type_text

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"
needs_pages = pytest.mark.skipif(bool(missing_page_tools()), reason="needs LibreOffice and poppler-utils")


def pdf_pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def section(window, key: str) -> None:
    keys = [s.key for s in window.editor.sections]
    window.editor.section_list.setCurrentRow(keys.index(key))


# -- the print preview ------------------------------------------------------------------------
@needs_pages
def test_print_preview_shows_the_printed_pages_with_zoom_navigation_and_count(qtbot, window):
    window.controller.open_sample(MINUTES)
    pane, renderer = window.preview_pane, window.page_renderer
    with qtbot.waitSignal(renderer.ready, timeout=180000) as ready:
        window.menu_actions["print-preview"].trigger()
    rendered = ready.args[0]
    view = pane.page_view
    assert pane.tabs.currentWidget() is view and view.stack.currentWidget() is view.scroller
    count = pdf_pages(rendered.pages.pdf)
    assert count >= 2 and view.page_count == count == len(rendered.images)
    assert all(not page.image.isNull() and not page.dimmed.isNull() for page in rendered.images)
    assert view.count_label.text() == f"/ {count}" and view.page_box.maximum() == count
    # page navigation
    assert view.page == 0 and not view.previous.isEnabled()
    view.next.click()
    assert view.page == 1 and view.page_box.value() == 2
    view.page_box.setValue(count)
    assert view.page == count - 1 and not view.next.isEnabled()
    # zoom
    view.fit_button.setChecked(False)
    view.set_zoom(1.0)
    assert view.zoom_label.text() == "100 %"
    width = view.canvas.width()
    view.zoom_in.click()
    assert view.zoom_label.text() == "110 %" and view.canvas.width() > width
    view.zoom_out.click()
    view.zoom_out.click()
    assert view.zoom_label.text() == "90 %"
    # a click on a printed field puts the cursor in it
    view.go_to(0)
    word = next(w for w in rendered.pages.words if w.path and w.page == 0)
    rect = view.canvas.page_rect(0)
    scale = 96 / 72 * view.canvas.zoom
    point = QPoint(
        rect.x() + round((word.x0 + word.x1) / 2 * scale), rect.y() + round((word.y0 + word.y1) / 2 * scale)
    )
    QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    focused = QApplication.focusWidget()
    assert focused is not None and window.editor.registry.get(word.path) is focused
    # the same draft again: from the cache, at once
    assert renderer.request(
        window.controller.doc.draft, pane.page_options(), window.controller.library, view.scale()
    )


@needs_pages
def test_a_draft_change_cancels_the_running_page_render(qtbot, window):
    window.controller.open_sample(MOU)
    pane, renderer = window.preview_pane, window.page_renderer
    shown = []
    renderer.ready.connect(shown.append)
    with qtbot.waitSignal(renderer.started, timeout=10000):
        pane.show_pages()
    assert renderer.busy
    first = renderer.wanted
    ((_key, cancel, _folder),) = renderer.running.values()
    window.controller.doc.set_value("title.vi", window.controller.doc.get("title.vi") + " sửa")
    assert cancel.is_set() and not renderer.busy  # stopped at once, not left to finish
    assert pane.pages_timer.isActive()  # the new pages after the pause
    with qtbot.waitSignal(renderer.ready, timeout=180000):
        pane.update_pages()
    assert renderer.wanted != first
    assert [r.key for r in shown] == [renderer.wanted]  # the stale render was never shown
    assert any("sửa" in w.text for w in shown[0].pages.words)


def test_without_libreoffice_the_print_preview_says_what_is_missing(qtbot, window, monkeypatch):
    from mou_drafter import api

    monkeypatch.setattr(api, "missing_page_tools", lambda: ["LibreOffice (soffice)"])
    window.controller.open_sample(MOU)
    window.show_pages()
    view = window.preview_pane.page_view
    assert view.stack.currentWidget() is view.message
    assert "LibreOffice (soffice)" in view.message.text() and not window.page_renderer.busy
    window.preview_pane.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(window.preview_pane.worker.finished, timeout=10000):
        window.preview_pane.update_preview()
    assert "Đăk Glei" in window.preview_pane.browser.toPlainText()


# -- the live preview follows the section ------------------------------------------------------
def test_the_live_preview_follows_the_section_edited(qtbot, window):
    window.resize(1600, 1000)
    window.controller.open_sample(MOU)
    pane = window.preview_pane
    with qtbot.waitSignal(pane.worker.finished, timeout=10000):
        pane.update_preview()
    bar = pane.browser.verticalScrollBar()
    section(window, "parties")
    top = bar.value()
    section(window, "final")
    qtbot.waitUntil(lambda: bar.value() > top, timeout=3000)
    assert "final" in (window.editor.current_section.clauses)
    section(window, "parties")
    qtbot.waitUntil(lambda: bar.value() < pane.browser.verticalScrollBar().maximum(), timeout=3000)


# -- a calmer window --------------------------------------------------------------------------
def test_the_checks_strip_fits_its_findings_can_be_hidden_and_is_emptied_on_close(qtbot, window):
    window.resize(1600, 1000)
    checks = window.checks
    assert not checks.isVisible()  # no draft, no checks
    window.controller.new_document("mou")
    qtbot.waitUntil(lambda: checks.isVisible() and bool(checks.issues), timeout=5000)
    many = checks.list.height()
    assert many < window.height() / 4  # a strip, not a third of the window
    window.menu_actions["checks"].trigger()  # View > Checks: hidden, the status bar still counts
    assert not checks.isVisible() and window.checks_button.isVisible()
    assert re.search(r"\d+", window.checks_button.text())
    window.checks_button.click()
    assert checks.isVisible()
    window.controller.close_document()
    assert not checks.isVisible() and checks.list.count() == 0 and checks.issues == []
    assert not window.checks_button.isVisible()


def test_language_headings_over_the_columns_in_the_interface_language(qtbot, window):
    window.controller.open_sample(MOU)
    section(window, "parties")
    names = {"vi": ("Tiếng Việt", "Tiếng Lào"), "en": ("Vietnamese", "Lao"), "lo": ("ພາສາຫວຽດນາມ", "ພາສາລາວ")}
    for code, (vi, lo) in names.items():
        window.controller.set_ui_language(code)
        page = window.editor.current_page()
        headings = {
            label.objectName(): label.text()
            for label in page.findChildren(type(window.editor.section_title))
            if label.objectName().startswith("heading.")
        }
        assert vi in headings["heading.vi"] and lo in headings["heading.lo"], code
    window.controller.set_ui_language("vi")


def test_long_fields_grow_and_show_their_whole_text(qtbot, window):
    window.controller.open_sample(MOU)
    section(window, "areas")
    field = window.editor.registry["areas[0].title.vi"]
    qtbot.waitUntil(lambda: field.isVisible(), timeout=3000)
    before = field.height()
    long = (
        "Hợp tác phát triển kinh tế, thương mại, du lịch, nông nghiệp và lâm nghiệp ở khu vực biên giới " * 3
    )
    field.setFocus()
    field.selectAll()
    type_text(field, long)
    qtbot.waitUntil(lambda: field.height() > before, timeout=3000)
    assert field.toPlainText() == long and "\n" not in field.toPlainText()
    assert long.strip() in field.toolTip()
    QTest.keyClick(field, Qt.Key.Key_Return)  # one line: Enter moves on, no new line
    assert "\n" not in field.toPlainText()


def test_the_sample_list_fits_the_start_page(qtbot, window):
    window.resize(1000, 700)
    samples = window.start_page.samples
    qtbot.waitUntil(lambda: samples.isVisible(), timeout=3000)
    QApplication.processEvents()
    assert samples.count() >= 3
    assert samples.horizontalScrollBar().maximum() == 0
    width = samples.viewport().width()
    assert all(samples.visualItemRect(samples.item(i)).width() <= width for i in range(samples.count()))


def test_switching_the_interface_language_keeps_the_section_and_the_scroll(qtbot, window):
    window.resize(1600, 900)
    window.controller.open_sample(MOU)
    section(window, "areas")
    page = window.editor.current_page()
    bar = page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100, timeout=3000)
    bar.setValue(100)
    window.controller.set_ui_language("en")
    assert window.editor.current_key == "areas"
    bar = window.editor.current_page().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == 100, timeout=3000)
    window.controller.set_ui_language("vi")


# -- the six rough edges ----------------------------------------------------------------------
def test_1_an_area_name_is_not_a_job_title_and_every_two_meaning_string_has_a_context(qtbot, window):
    from babel.messages.pofile import read_po

    from mou_drafter.gui.i18n import LOCALE_DIR

    window.controller.open_sample(MOU)
    section(window, "areas")
    labels = [
        label.text() for label in window.editor.current_page().findChildren(type(window.editor.section_title))
    ]
    assert "Tên lĩnh vực" in labels and "Chức vụ" not in labels
    section(window, "parties")
    labels = [
        label.text() for label in window.editor.current_page().findChildren(type(window.editor.section_title))
    ]
    assert "Chức vụ" in labels
    for po in ("vi.po", "lo.po"):
        with open(LOCALE_DIR / po, "rb") as handle:
            catalog = read_po(handle)
        contexts = {(m.context, m.id) for m in catalog if m.id and m.context}
        for meaning in ("job title", "name of an area"):
            assert (meaning, "Title") in contexts, po
        titles = {m.string for m in catalog if m.id == "Title" and m.context}
        assert len(titles) == 2, po  # two meanings, two words


def test_2_ctrl_e_exports_from_inside_a_text_field(qtbot, window, scripted):
    window.controller.open_sample(MOU)
    section(window, "parties")
    field = next(w for w in window.editor.current_page().findChildren(QLineEdit) if w.isVisible())
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=3000)
    # Qt asks the focused field whether it claims a key (ShortcutOverride); under the Linux key
    # schemes a field claims Ctrl+E ("end of line"). The window's filter on the focused widget
    # refuses such a claim for its shortcuts. Shown here with Ctrl+A, which a field claims on
    # every platform (select all): refused once it is one of the window's shortcuts.
    from mou_drafter.gui.shortcuts import WindowShortcuts

    claim = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.sendEvent(field, claim)
    assert claim.isAccepted()  # the field's
    select_all = WindowShortcuts(window, [QKeySequence("Ctrl+A")])
    claim = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.sendEvent(field, claim)
    assert not claim.isAccepted()  # refused: the window's
    assert window.shortcuts.watched is field and select_all.watched is field  # the focused widget only
    select_all.deleteLater()
    triggered = []
    window.menu_actions["export"].triggered.connect(lambda *_a: triggered.append(True))
    scripted.export_answers = [None]  # the clerk cancels the dialog
    QTest.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert triggered and ("export", "") in scripted.asked
    QTest.keyClick(field, Qt.Key.Key_End)  # End still goes to the end of the line
    assert field.cursorPosition() == len(field.text())


def test_3_the_export_dialog_names_the_template_as_a_clerk_reads_it(qtbot, window):
    from mou_drafter.gui.dialogs.export import ExportDialog
    from mou_drafter.settings import ExportSettings

    window.controller.open_sample(MINUTES)
    dialog = ExportDialog(
        window.controller.doc.draft, None, last=ExportSettings(), library=window.controller.library
    )
    qtbot.addWidget(dialog)
    texts = [dialog.template.itemText(i) for i in range(dialog.template.count())]
    assert texts and all("@" not in text and "minutes" not in text for text in texts)
    assert all(text.startswith("Biên bản hội nghị — phiên bản ") for text in texts)
    assert any("đã duyệt" in text for text in texts)


def test_4_the_missing_font_message_names_the_font_and_its_real_consequence(window, monkeypatch):
    ctl = window.controller
    monkeypatch.setattr(ctl, "missing_fonts", lambda: [ctl.settings.fonts.latin])
    text = ctl.missing_font_message()
    assert ctl.settings.fonts.latin in text and "ô vuông" not in text and "Lào" not in text.split(".")[0]
    monkeypatch.setattr(ctl, "missing_fonts", lambda: [ctl.settings.fonts.lao])
    text = ctl.missing_font_message()
    assert ctl.settings.fonts.lao in text and "chữ Lào" in text
    monkeypatch.setattr(ctl, "missing_fonts", lambda: [])
    assert ctl.missing_font_message() == ""


def test_5_font_sizes_in_whole_points(qtbot, window):
    from mou_drafter.gui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.latin_size.setValue(13)
    assert dialog.latin_size.text() == "13 pt"
    dialog.latin_size.stepUp()
    assert dialog.latin_size.text() == "14 pt"
    dialog.lao_size.setValue(12.5)  # a half point, as Word allows, stays
    assert dialog.lao_size.text() in ("12,5 pt", "12.5 pt")


def test_6_field_names_in_the_checks_follow_the_interface_language(qtbot, window):
    window.controller.open_sample(MOU)
    window.controller.doc.set_value("title.lo", "")
    qtbot.waitUntil(lambda: any(i.path == "title.lo" for i in window.checks.issues), timeout=5000)
    lao = re.compile("[\u0e80-\u0eff]")
    for code, name in (("vi", "Trích yếu › Tiếng Lào"), ("en", "Subject › Lao")):
        window.controller.set_ui_language(code)
        qtbot.waitUntil(lambda: window.checks.list.count() > 0, timeout=5000)
        texts = [window.checks.list.item(i).text() for i in range(window.checks.list.count())]
        assert not any(lao.search(t) for t in texts), texts
        assert any(name in t for t in texts), texts
    window.controller.set_ui_language("vi")


# -- keyboard, accessible names, colours, the window as it was left -----------------------------
def test_icon_buttons_have_accessible_names_and_the_form_is_reached_by_tab(qtbot, window):
    window.controller.open_sample(MOU)
    section(window, "areas")
    page = window.editor.current_page()
    buttons = [b for b in page.findChildren(QPushButton) if b.text() in ("↑", "↓", "✕")]
    assert len(buttons) >= 3
    for button in buttons:
        name = button.accessibleName()
        assert name and name not in ("↑", "↓", "✕") and re.search(r"\d", name), name
    # Tab goes from field to field in reading order, down the form
    first = window.editor.registry["areas[0].title.vi"]
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=3000)
    order = [first]
    for _step in range(6):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[1] is window.editor.registry["areas[0].title.lo"]
    ys = [w.mapTo(page.widget(), QPoint(0, 0)).y() for w in order if page.widget().isAncestorOf(w)]
    # left to right along a row (its inputs can differ a little in height), then down
    assert (
        len(ys) >= 5
        and all(y >= previous - 15 for previous, y in zip(ys, ys[1:], strict=False))
        and ys[-1] > ys[0] + 30
    )


@pytest.mark.parametrize("dark", [False, True])
def test_marks_readable_in_light_and_dark_palettes(dark):
    from mou_drafter.gui.palette import contrast, error_color, mark_color, missing_style, note_color

    pal = QPalette(QGuiApplication.palette())
    base, window_bg, text = ("#1e1e1e", "#2b2b2b", "#e6e6e6") if dark else ("#ffffff", "#efefef", "#1a1a1a")
    pal.setColor(QPalette.ColorRole.Base, QColor(base))
    pal.setColor(QPalette.ColorRole.Window, QColor(window_bg))
    pal.setColor(QPalette.ColorRole.Text, QColor(text))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(text))
    for state in ("complete", "incomplete", "errors"):
        assert contrast(mark_color(state, pal), QColor(base)) >= 4.5, state
        assert contrast(mark_color(state, pal), QColor(window_bg)) >= 4.5, state
    assert contrast(error_color(pal), QColor(window_bg)) >= 4.5
    assert contrast(note_color(pal), QColor(window_bg)) >= 4.5
    style = missing_style(pal)
    background = QColor(re.search(r"background: (#\w+)", style).group(1))
    assert contrast(QColor(text), background) >= 4.5


def test_the_window_is_restored_as_it_was_left(qtbot, scripted, tmp_path):
    import shutil

    from mou_drafter.gui.controller import DraftController
    from mou_drafter.gui.main_window import MainWindow

    draft = tmp_path / "mou.moud"
    shutil.copy(MOU, draft)
    first = MainWindow(DraftController(scripted))
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)
    assert first.controller.open_path(draft)
    first.splitter.setSizes([250, 600, 384])
    sizes = first.splitter.sizes()
    section(first, "obligations")
    first.menu_actions["checks"].trigger()  # checks hidden
    size = (first.width(), first.height())  # as it was left (the docks of a draft may widen it)
    first.close()
    second = MainWindow(DraftController(scripted))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == size
    assert not second.checks_wanted
    assert second.controller.open_path(draft)
    assert second.splitter.sizes() == sizes
    assert second.editor.current_key == "obligations"
    assert not second.checks.isVisible()
    second.close()


def test_scroll_when_ready_waits_for_the_range():
    from mou_drafter.gui.main_window import scroll_when_ready

    bar = QScrollBar()
    bar.setRange(0, 50)
    scroll_when_ready(bar, 120)
    assert bar.value() == 50 or bar.value() < 120
    bar.setRange(0, 200)
    assert bar.value() == 120


def test_a_dark_palette_redraws_the_marks_and_frames_for_it(qtbot, window):
    """The system switched to dark: the section marks and the missing-translation frames are
    drawn again in the dark palette's colours."""
    from mou_drafter.gui.palette import MARK_COLORS

    app = QApplication.instance()
    light = QPalette(app.palette())
    window.controller.open_sample(MOU)
    window.controller.doc.set_value("title.lo", "")
    qtbot.waitUntil(lambda: any(i.path == "title.lo" for i in window.controller.issues), timeout=5000)
    colours = lambda: {
        window.editor.section_list.item(r).foreground().color().name()  # noqa: E731
        for r in range(window.editor.section_list.count())
    }
    assert colours() <= {light_colour for light_colour, _dark in MARK_COLORS.values()}
    dark = QPalette(light)
    for role, colour in (
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
    ):
        dark.setColor(role, QColor(colour))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: colours() <= {d for _l, d in MARK_COLORS.values()}, timeout=3000)
        field = window.editor.registry["title.lo"]
        assert MARK_COLORS["incomplete"][1] in field.styleSheet()
    finally:
        app.setPalette(light)
