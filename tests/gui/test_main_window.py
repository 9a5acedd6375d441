import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from mou_drafter.api import RenderOptions
from mou_drafter.model.files import load_draft, save_draft
from tests.conftest import ROOT, run_cli
from tests.docx_checks import all_text, check_lao_runs, open_docx

from .conftest import type_text

SAMPLE = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
PARTIES = [("Huyện Đăk Glei", "ເມືອງດັກເກລີ"), ("Huyện Xan Xay", "ເມືອງຊານໄຊ"), ("Huyện Đăk Chưng", "ເມືອງດາກຈຶງ")]


def click(qtbot, window, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_preview(qtbot, window) -> str:
    with qtbot.waitSignal(window.preview_pane.worker.finished, timeout=10000):
        window.preview_pane.update_preview()  # the debounce timer's slot, called directly
    return window.preview_pane.browser.toPlainText()


def test_create_mou_from_start_page_and_export(qtbot, window, tmp_path):
    click(qtbot, window, "start.new-mou")
    assert window.controller.doc is not None and window.controller.doc.draft.kind == "mou"
    click(qtbot, window, "parties.add")
    assert len(window.controller.doc.draft.parties) == 3
    for index, (vi, lo) in enumerate(PARTIES):
        type_text(window.editor.registry[f"parties[{index}].name.vi"], vi)
        type_text(window.editor.registry[f"parties[{index}].name.lo"], lo)
    assert [p.name.vi for p in window.controller.doc.draft.parties] == [vi for vi, _ in PARTIES]
    assert [p.name.lo for p in window.controller.doc.draft.parties] == [lo for _, lo in PARTIES]

    window.editor.go(2)  # parties -> period -> areas, as Next does
    assert window.editor.sections[window.editor.section_list.currentRow()].key == "areas"
    click(qtbot, window, "areas.add")
    type_text(window.editor.registry["areas[0].title.vi"], "Tuần tra chung biên giới")
    type_text(window.editor.registry["areas[0].title.lo"], "ລາດຕະເວນຮ່ວມ")
    click(qtbot, window, "nav.next")
    click(qtbot, window, "obligations.add")
    type_text(window.editor.registry["obligations[0].text.vi"], "Trao 20 suất học bổng")
    assert window.controller.doc.draft.obligations[0].text.vi == "Trao 20 suất học bổng"

    preview = wait_preview(qtbot, window)
    for vi, lo in PARTIES:
        assert vi in preview and lo in preview
    assert "Tuần tra chung biên giới" in preview and "Trao 20 suất học bổng" in preview

    out = tmp_path / "mou.docx"
    options = RenderOptions(layout="side-by-side", languages=("vi", "lo"), template="mou@1.0")
    window.controller.run_export(out, options)
    qtbot.waitUntil(lambda: ("exported", str(out)) in window.controller.interaction.asked, timeout=15000)
    document = open_docx(out.read_bytes())
    text = all_text(document)
    for vi, lo in PARTIES:
        assert vi in text and lo in text
    assert "Trao 20 suất học bổng" in text and "ລາດຕະເວນຮ່ວມ" in text
    assert check_lao_runs(document) > 0


def test_undo_redo(qtbot, window):
    window.controller.open_sample(SAMPLE)
    editor = window.editor.registry["parties[1].name.vi"]
    before = window.controller.doc.draft.parties[1].name.vi
    type_text(editor, " mới")
    assert window.controller.doc.draft.parties[1].name.vi == before + " mới"
    assert window.isWindowModified()
    window.menu_actions["undo"].trigger()
    assert window.controller.doc.draft.parties[1].name.vi == before and editor.text() == before
    window.menu_actions["redo"].trigger()
    assert editor.text() == before + " mới"
    count = len(window.controller.doc.draft.areas)
    click(qtbot, window, "areas.add")
    assert len(window.controller.doc.draft.areas) == count + 1
    window.controller.undo()
    assert len(window.controller.doc.draft.areas) == count
    click(qtbot, window, "areas[1].up")
    assert window.controller.doc.draft.areas[0].id == "border"
    window.controller.undo()
    assert window.controller.doc.draft.areas[0].id == "relations"


def test_validation_click_jumps_to_field(qtbot, window):
    click(qtbot, window, "start.new-minutes")
    window.controller.update_validation()
    items = [window.checks.list.item(i) for i in range(window.checks.list.count())]
    target = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == "minutes.conference.title")
    assert "chưa nhập trường bắt buộc" in target.text()
    window.checks.list.itemClicked.emit(target)
    section = window.editor.sections[window.editor.section_list.currentRow()]
    assert section.key == "conference"
    field = window.editor.registry["minutes.conference.title.vi"]
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    states = {s.key: window.editor.section_state(s) for s in window.editor.sections}
    assert states["conference"] == "errors"


def test_save_reopen_compare(qtbot, window, tmp_path):
    window.controller.open_sample(SAMPLE)
    type_text(window.editor.registry["parties[0].short_name.lo"], " ໃໝ່")
    path = tmp_path / "saved.moud"
    window.controller.interaction.save_path = str(path)
    assert window.controller.save()
    assert not window.isWindowModified() and "saved.moud" in window.windowTitle()
    saved = load_draft(path)
    assert saved == window.controller.doc.draft and saved.parties[0].short_name.lo.endswith("ໃໝ່")
    assert window.controller.open_path(path)
    assert window.controller.doc.draft == saved and window.controller.doc.path == path


def test_damaged_file_is_reported_and_untouched(qtbot, window, tmp_path):
    bad = tmp_path / "bad.moud"
    bad.write_text('{"kind": "mou", "schema_version": 99}', encoding="utf-8")
    assert not window.controller.open_path(bad)
    assert "newer version" in window.controller.interaction.errors[0]
    assert bad.read_text(encoding="utf-8") == '{"kind": "mou", "schema_version": 99}'


def test_unsaved_changes_prompt(qtbot, window):
    window.controller.open_sample(SAMPLE)
    type_text(window.editor.registry["parties[0].name.vi"], "x")
    window.controller.interaction.save_answer = "cancel"
    window.controller.new_document("minutes")
    assert window.controller.doc.draft.kind == "mou"
    assert window.controller.interaction.asked[-1][0] == "save-changes"
    assert not window.close()
    window.controller.interaction.save_answer = "discard"
    window.controller.new_document("minutes")
    assert window.controller.doc.draft.kind == "minutes"


def test_autosave_and_recovery_after_crash(qtbot, window, tmp_path):
    from mou_drafter.gui.autosave import autosave_dir
    from mou_drafter.model.recovery import RecoveryStore, read_recovery, snapshot_bytes
    from tests.conftest import dead_pid

    window.controller.open_sample(SAMPLE)
    type_text(window.editor.registry["parties[0].name.vi"], " (sửa)")
    window.controller.autosave()
    window.controller.autosaver.wait(10)
    own = window.controller.autosaver.slot.folder
    assert read_recovery(own).draft.parties[0].name.vi.endswith("(sửa)")

    # A crashed session: its process is gone, its recovery files are still there.
    original = tmp_path / "orig.moud"
    save_draft(load_draft(SAMPLE), original)
    draft = load_draft(SAMPLE)
    draft.title.vi = "Bản chưa lưu trước khi mất điện"
    crashed = RecoveryStore(autosave_dir(), lambda pid: False, dead_pid()).new_slot()
    crashed.write_snapshot(snapshot_bytes(draft.model_dump(mode="json"), 0, str(original), None))

    window.controller.doc.mark_saved(tmp_path / "other.moud")
    window.controller.interaction.recovery_answer = 0
    assert window.controller.offer_recovery()
    assert window.controller.doc.draft.title.vi == "Bản chưa lưu trước khi mất điện"
    assert window.controller.doc.modified and window.isWindowModified()
    assert window.controller.doc.path == original
    assert not crashed.folder.exists()  # taken by this session: now the recovered draft's own files
    window.controller.autosaver.wait(10)
    adopted = window.controller.autosaver.slot.folder
    assert read_recovery(adopted).draft.title.vi == "Bản chưa lưu trước khi mất điện"
    assert not own.exists()  # the draft put away had been saved: its files went with it


def test_interface_language_switch(qtbot, window):
    assert window.menuBar().actions()[0].text() == "&Tệp"
    window.controller.set_ui_language("en")
    assert window.menuBar().actions()[0].text() == "&File"
    window.controller.set_ui_language("lo")
    assert window.menuBar().actions()[0].text() == "&ໄຟລ໌"
    window.controller.set_ui_language("vi")


def receivers(obj) -> dict[str, int]:
    """How many connections each of ``obj``'s own signals has."""
    from PySide6.QtCore import SIGNAL, QMetaMethod, QObject

    meta = obj.metaObject()
    signals = [meta.method(i) for i in range(QObject.staticMetaObject.methodCount(), meta.methodCount())]
    names = [
        bytes(m.methodSignature()).decode()
        for m in signals
        if m.methodType() == QMetaMethod.MethodType.Signal
    ]
    return {name: obj.receivers(SIGNAL(name)) for name in names}


def test_language_switch_keeps_the_draft_and_connects_nothing_twice(qtbot, window, tmp_path):
    ctl = window.controller
    ctl.open_sample(SAMPLE)
    doc = ctl.doc
    window.editor.go(2)
    connected = receivers(ctl)
    assert connected["export_finished(int,QVariantList)"] == 1  # the window's
    ctl.set_ui_language("en")
    assert window.menuBar().actions()[0].text() == "&File" and window.editor.current_key == "areas"
    ctl.set_ui_language("vi")
    assert window.menuBar().actions()[0].text() == "&Tệp"
    assert receivers(ctl) == connected
    assert ctl.doc is doc and window.stack.currentWidget() is window.splitter and window.checks.isVisible()
    assert window.editor.current_key == "areas"  # the same draft, at the same section
    assert window.editor.registry["parties[0].name.vi"].text() == doc.draft.parties[0].name.vi
    assert "Đăk Glei" in wait_preview(qtbot, window)

    finished = []
    ctl.export_finished.connect(lambda *args: finished.append(args))
    out = tmp_path / "after-switch.docx"
    job = ctl.run_export(out, RenderOptions(layout="side-by-side", languages=("vi", "lo")))
    qtbot.waitUntil(lambda: bool(finished), timeout=15000)
    qtbot.wait(200)
    assert finished == [(job, [str(out)])]
    assert ctl.interaction.asked.count(("exported", str(out))) == 1
    assert window.progress is None  # the view's progress dialog closed
    doc.set_value("parties[0].name.vi", "huyện Đăk Glei mới")  # edits reach the rebuilt view
    assert window.editor.registry["parties[0].name.vi"].text() == "huyện Đăk Glei mới"


def test_every_interface_string_has_a_vietnamese_translation():
    import ast

    from babel.messages.pofile import read_po

    with (ROOT / "mou_drafter" / "gui" / "locale" / "vi.po").open("rb") as handle:
        catalog = read_po(handle)
    missing = []
    for source in sorted((ROOT / "mou_drafter" / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                message = catalog.get(node.args[0].value)
                if message is None or not message.string:
                    missing.append(f"{source.name}: {node.args[0].value!r}")
    assert not missing, missing


def test_screenshots_are_not_blank(qtbot, window, tmp_path):
    from mou_drafter.gui.dialogs.export import ExportDialog

    shots = tmp_path / "screenshots"
    shots.mkdir()

    def save(widget, name: str) -> Path:
        path = shots / name
        assert widget.grab().save(str(path))
        image = widget.grab().toImage().scaled(80, 60)
        colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
        assert len(colours) > 8, f"{name} looks blank"
        return path

    save(window, "start-page.png")
    window.controller.open_sample(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    wait_preview(qtbot, window)
    save(window, "form-with-sample.png")
    dialog = ExportDialog(window.controller.doc.draft, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    save(dialog, "export-dialog.png")
    print(f"screenshots in {shots}")


def test_opening_a_draft_offers_the_newer_template_and_shows_changes(qtbot, window, tmp_path, released):
    window.controller.library = released  # the versions up to mou@1.2: the counts below are of 1.0 -> 1.2
    path = tmp_path / "mou.moud"
    old = load_draft(SAMPLE)
    old.template = "mou@1.0"  # the sample itself uses mou@1.2, the newest approved version
    save_draft(old, path)
    window.controller.interaction.upgrade_answer = True
    assert window.controller.open_path(path)
    assert ("upgrade", "mou@1.0->mou@1.2") in window.controller.interaction.asked  # mou@1.1 is retired
    assert window.controller.doc.draft.template == "mou@1.2" and window.controller.doc.modified
    dialog = window.compare_dialog
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10000)
    assert "2 added" in dialog.summary.text() or "2" in dialog.summary.text()
    # mou@1.0 -> mou@1.2 with this draft in Vietnamese: 20 changed clauses, 2 added, 2 removed
    assert dialog.change_count() == 24
    click(qtbot, dialog, "compare.next")
    assert dialog.current_change == 0
    click(qtbot, dialog, "compare.previous")
    assert dialog.current_change == dialog.change_count() - 1
    html = dialog.view.toPlainText()
    assert "art.disputes" in html, html[:3000]
    window.controller.undo()
    assert window.controller.doc.draft.template == "mou@1.0"
    dialog.close()


def test_compare_view_language_and_template_text(qtbot, window, released):
    from mou_drafter.gui.dialogs.compare import CompareDialog

    dialog = CompareDialog(None, window, name="mou", language="lo", library=released)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10000)
    assert dialog.comparison.language == "lo" and dialog.comparison.new_label == "mou@1.2"
    assert "draft.signing.notice_months" in dialog.view.toPlainText()


def test_adding_english_to_the_draft_adds_english_inputs(qtbot, window):
    from PySide6.QtWidgets import QComboBox

    window.controller.open_sample(SAMPLE)
    assert "parties[0].name.en" not in window.editor.registry
    window.focus_path("signing.originals")
    combo = window.editor.registry["languages"]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("vi,lo,en"))
    qtbot.waitUntil(lambda: "parties[0].name.en" in window.editor.registry, timeout=3000)
    assert window.controller.doc.draft.languages == ["vi", "lo", "en"]
    assert window.editor.registry["parties[0].name.en"].text() == "Dak Glei district"
    window.controller.undo()
    qtbot.waitUntil(lambda: "parties[0].name.en" not in window.editor.registry, timeout=3000)
    assert window.controller.doc.draft.languages == ["vi", "lo"]


def test_contribution_amount_and_equivalent(qtbot, window):
    window.controller.new_document("minutes")
    window.focus_path("contributions")
    click(qtbot, window, "contributions.add")
    type_text(window.editor.registry["contributions[0].amount"], "585000000")
    type_text(window.editor.registry["contributions[0].equivalent"], "24000")
    contribution = window.controller.doc.draft.contributions[0]
    assert str(contribution.amount) == "585000000" and contribution.currency == "VND"
    assert contribution.equivalent is not None and str(contribution.equivalent.amount) == "24000"
    assert contribution.equivalent.currency == "USD"
    preview = wait_preview(qtbot, window)
    assert "585.000.000 đồng (tương đương 24.000 đô la Mỹ)" in preview


def test_settings_dialog_saves_fonts_and_shared_templates(qtbot, window, tmp_path):
    import shutil

    from mou_drafter.gui.dialogs.settings import SettingsDialog
    from mou_drafter.settings import load_settings, template_library

    shared = tmp_path / "share"
    folder = shared / "mou" / "2.0"
    shutil.copytree(ROOT / "templates" / "mou" / "1.2", folder)
    manifest = folder / "manifest.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        .replace('version = "1.2"', 'version = "2.0"', 1)
        .replace('status = "approved"', 'status = "draft"', 1),
        encoding="utf-8",
    )
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.lao.setCurrentText("Saysettha OT")
    dialog.shared.setText(str(shared))
    dialog.save()
    settings = load_settings()
    assert settings.fonts.lao == "Saysettha OT" and settings.shared_templates_dir == str(shared)
    assert ("mou@2.0", "shared", "draft") in {
        (t.ref, t.source, t.manifest.status) for t in template_library().versions()
    }
    listing = run_cli("templates", env={"MOU_DRAFTER_HOME": os.environ["MOU_DRAFTER_HOME"]}).stdout
    assert "2.0" in listing and "shared" in listing


def test_autosave_writes_only_when_something_changed(qtbot, window):
    from mou_drafter.model.recovery import read_recovery

    window.controller.open_sample(SAMPLE)
    type_text(window.editor.registry["parties[0].name.vi"], "a")
    assert window.controller.autosave()
    window.controller.autosaver.wait(10)
    path = window.controller.autosaver.slot.snapshot
    first = path.stat().st_mtime_ns
    marker = path.read_bytes()
    assert not window.controller.autosave()  # nothing changed since: the file is not rewritten
    type_text(window.editor.registry["parties[0].name.vi"], "b")  # merged into the same undo step
    assert window.controller.autosave()
    window.controller.autosaver.wait(10)
    assert path.read_bytes() != marker
    assert read_recovery(path.parent).draft.parties[0].name.vi.endswith("ab")
    assert path.stat().st_mtime_ns >= first


def test_no_display_message(monkeypatch, capsys):
    from mou_drafter.gui.app import run

    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert run([]) == 2
    assert "no display found" in capsys.readouterr().err


def test_qt_own_strings_follow_the_interface_language(qtbot, window):
    from PySide6.QtWidgets import QLineEdit

    from mou_drafter.gui.qt_strings import QT_STRINGS

    edit = QLineEdit()
    qtbot.addWidget(edit)
    texts = [a.text() for a in edit.createStandardContextMenu().actions() if a.text()]
    assert "&Hoàn tác" in texts[0] and any("Chọn tất cả" in t for t in texts)
    from babel.messages.pofile import read_po

    for lang in ("vi", "lo"):
        with (ROOT / "mou_drafter" / "gui" / "locale" / f"{lang}.po").open("rb") as handle:
            catalog = read_po(handle)
        for strings in QT_STRINGS.values():
            for text in strings:
                assert catalog.get(text) is not None and catalog.get(text).string, (lang, text)
