"""The export dialog returns its choices (zero-width spaces included) and the main window keeps
them in one place, the settings' export section; a settings file that cannot be written is said
in the status bar, and the choices still hold for the session (issue 11)."""

from __future__ import annotations

import json

from mou_drafter.render.inspect import open_docx, paragraph_texts
from mou_drafter.settings import load_settings, settings_path
from tests.conftest import ROOT
from tests.gui.conftest import when_dialog

MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def _answer(out, *, zwsp: bool, seen: dict) -> None:
    def answer(dialog) -> None:
        seen["start"] = (dialog.zwsp.isChecked(), dialog.layout_choice, dialog.languages)
        dialog.findChild(type(dialog.zwsp), "export.zwsp").setChecked(zwsp)
        for lang, box in dialog.language_boxes.items():
            box.setChecked(lang == "lo")
        for radio in dialog.layouts.buttons():
            radio.setChecked(radio.property("layout") == "sequential")
        dialog.path.setText(str(out))
        dialog.export_button.click()

    when_dialog(answer)


def test_export_choices_are_returned_and_remembered_in_the_export_section(qtbot, window, tmp_path):
    window.controller.open_sample(MINUTES)
    out = tmp_path / "lao.docx"
    seen: dict = {}
    _answer(out, zwsp=True, seen=seen)
    window.controller.export()
    qtbot.waitUntil(lambda: ("exported", str(out)) in window.controller.interaction.asked, timeout=15000)
    assert seen["start"] == (False, "side-by-side", ["vi", "lo"])
    text = "\n".join(paragraph_texts(open_docx(out.read_bytes())))
    assert "ລາດຕະເວນ\u200bຮ່ວມ" in text  # the choice reached the renderer

    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["export"] == {
        "layout": "sequential",
        "languages": ["lo"],
        "folder": str(tmp_path),
        "lao_zero_width_spaces": True,
        "format": "docx",
        "pdf_a": False,
        "originals": "shared",
    }
    assert "lao_zero_width_spaces" not in saved["fonts"]  # not a font setting any more
    assert load_settings().export.lao_zero_width_spaces

    # the next export starts from the remembered choices
    out2 = tmp_path / "again.docx"
    _answer(out2, zwsp=False, seen=seen)
    window.controller.export()
    qtbot.waitUntil(lambda: ("exported", str(out2)) in window.controller.interaction.asked, timeout=15000)
    assert seen["start"] == (True, "sequential", ["lo"])
    assert "\u200b" not in "\n".join(paragraph_texts(open_docx(out2.read_bytes())))
    assert load_settings().export.lao_zero_width_spaces is False


def test_a_failed_settings_save_is_said_in_the_status_bar(qtbot, window, tmp_path):
    window.controller.open_sample(MINUTES)
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().mkdir()  # the settings file cannot be written: a folder stands in its place
    out = tmp_path / "x.docx"
    seen: dict = {}
    _answer(out, zwsp=True, seen=seen)
    window.controller.export()
    qtbot.waitUntil(lambda: ("exported", str(out)) in window.controller.interaction.asked, timeout=15000)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Đã xuất {out} · Không lưu được cài đặt:") and "settings.json" in message, (
        message
    )
    # the export still happened with the choices, and they hold for the rest of the session
    export = window.controller.settings.export
    assert export.lao_zero_width_spaces and export.languages == ["lo"]
    _answer(tmp_path / "y.docx", zwsp=True, seen=seen)
    window.controller.export()
    qtbot.waitUntil(
        lambda: ("exported", str(tmp_path / "y.docx")) in window.controller.interaction.asked, timeout=15000
    )
    assert seen["start"] == (True, "sequential", ["lo"])


def test_the_app_reads_the_template_folders_again_when_the_settings_change(qtbot, window, tmp_path):
    from mou_drafter.templating.library import TemplateLibrary
    from tests.templating.test_library import add_version

    shared = tmp_path / "share"
    add_version(shared, "mou", "99.0", status="draft")
    built_in = [
        t.ref
        for t in TemplateLibrary([("built-in", ROOT / "templates")]).versions_of("mou")
        if t.manifest.status != "retired"
    ]
    window.controller.open_sample(MINUTES.with_name("mou-dakglei-xanxay-dakcheung-2024-2028.moud"))
    assert "mou@99.0" not in {t.ref for t in window.controller.library.versions()}

    def fill(dialog) -> None:
        dialog.shared.setText(str(shared))
        dialog.save()

    when_dialog(fill)
    window.open_settings()
    assert ("mou@99.0", "shared") in {(t.ref, t.source) for t in window.controller.library.versions()}
    seen = {}

    def look(dialog) -> None:
        seen["offered"] = [dialog.template.itemData(i) for i in range(dialog.template.count())]
        dialog.reject()

    when_dialog(look)
    window.controller.export()
    assert seen["offered"] == [*built_in, "mou@99.0"] and "mou@1.1" not in built_in  # mou@1.1 is retired
