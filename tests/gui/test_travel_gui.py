"""Documents that travel, in the app (issue 14): an exported DOCX opens as its draft (File ▸ Open,
dropped on the window), "New from this document", the edited-in-Word view with changes taken
back, optional clauses in the final-clauses section, and the export dialog's PDF and
originals-per-party choices."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton

from mou_drafter import api
from mou_drafter.api import RenderOptions, load_draft
from mou_drafter.model.files import draft_to_json
from tests.compare.test_edits import edited
from tests.conftest import ROOT, soffice
from tests.gui.conftest import when_dialog

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def exported(tmp_path, seed=MINUTES, name="minutes.docx", **options):
    [path] = api.render_to_path(load_draft(seed), tmp_path / name, RenderOptions(**options))
    return path


def test_file_open_shows_the_draft_an_exported_docx_carries(qtbot, window, tmp_path):
    path = exported(tmp_path, layout="sequential")
    c = window.controller
    c.interaction.open_path = str(path)
    c.choose_and_open()
    assert c.doc is not None and c.doc.path is None  # a new draft: Save as… asks where
    assert draft_to_json(c.doc.draft) == draft_to_json(load_draft(MINUTES))
    assert c.doc.suggested_path == path.with_suffix(".moud")
    assert "không có thay đổi nào trong Word" in window.statusBar().currentMessage()
    assert window.editor.section_list.count() == 7 and not c.doc.modified
    c.interaction.save_path = str(tmp_path / "minutes.moud")
    assert c.save() and load_draft(tmp_path / "minutes.moud") == load_draft(MINUTES)


def drop(window, path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        window.rect().center(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    accepted = enter.isAccepted()
    QApplication.sendEvent(
        window,
        QDropEvent(
            QPointF(window.rect().center()),
            actions,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    return accepted


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Qt's QDragEnterEvent(QPoint, …), the one there is
def test_a_docx_or_a_draft_dropped_on_the_window_opens(qtbot, window, tmp_path):
    path = exported(tmp_path, seed=MOU, name="mou.docx")
    assert drop(window, path)
    doc = lambda: window.controller.doc  # noqa: E731
    assert doc() is not None and doc().draft.kind == "mou"
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    assert not drop(window, notes)  # other files are not taken
    assert drop(window, MINUTES) and doc().draft.kind == "minutes" and doc().path == MINUTES


def test_a_word_file_from_elsewhere_gets_a_clear_message(qtbot, window, tmp_path):
    import docx

    plain = tmp_path / "letter.docx"
    docx.Document().save(plain)
    assert not window.controller.open_path(plain)
    assert window.controller.doc is None
    assert "holds no MoU Drafter draft" in window.controller.interaction.errors[-1]


def test_new_from_this_document(qtbot, window):
    window.controller.open_sample(MINUTES)
    window.menu_actions["new-from"].trigger()
    draft = window.controller.doc.draft
    assert draft.minutes.conference.ordinal == 19 and draft.signing.date is None
    assert draft.minutes.conference.start is None and draft.template == "minutes@1.2"
    assert [p.name.vi for p in draft.parties] == [p.name.vi for p in load_draft(MINUTES).parties]
    assert window.controller.doc.modified  # a new draft with content: closing asks to save
    # the move to the newest version is shown as the upgrade offer shows it
    dialog = window.compare_dialog
    assert (
        dialog.isVisible()
        and dialog.old.currentData() == "minutes@1.1"
        and dialog.new.currentData() == "minutes@1.2"
    )


def test_new_from_a_document_on_the_start_page_asks_for_the_file(qtbot, window, tmp_path):
    window.controller.interaction.open_path = str(exported(tmp_path, seed=MOU, name="mou.docx"))
    window.start_page.findChild(QPushButton, "start.new-from").click()
    draft = window.controller.doc.draft
    assert draft.template == "mou@1.3" and draft.period.start is None


def test_the_edited_in_word_view_takes_changes_back(qtbot, window, tmp_path):
    path = exported(tmp_path, seed=MOU, name="mou.docx")
    description = "tạo điều kiện trao đổi hàng hóa và nông sản qua biên giới"
    path.write_bytes(
        edited(
            path.read_bytes(),
            (description, description.replace("nông", "thủy")),
            ("ມິດຕະພາບອັນຍາວນານ", "ມິດຕະພາບອັນດີງາມ"),
        )
    )
    c = window.controller
    c.open_path(path)
    dialog = window.word_edits_dialog
    qtbot.waitUntil(dialog.isVisible)
    items = [dialog.list.item(i) for i in range(dialog.list.count())]
    texts = [item.text() for item in items]
    assert any("area.trade (Tiếng Việt): “nông” → “thủy” — nội dung đã nhập" in t for t in texts), texts
    assert any("art.purpose.1 (ພາສາລາວ): “ຍາວນານ” → “ດີງາມ” — câu chữ mẫu đã sửa" in t for t in texts), texts
    typed = next(item for item in items if "area.trade" in item.text())
    assert typed.checkState() == Qt.CheckState.Checked
    wording = next(item for item in items if "art.purpose.1" in item.text())
    assert not wording.flags() & Qt.ItemFlag.ItemIsUserCheckable  # kept as wording, not a field
    # the comparison view, word by word, per language
    html = dialog.view.toHtml()
    assert "nông" in html and "thủy" in html
    dialog.list.setCurrentItem(wording)
    assert dialog.language.currentData() == "lo" and "ດີງາມ" in dialog.view.toHtml()

    dialog.findChild(type(dialog.take_button), "word-edits.take-back").click()
    assert c.doc.draft.areas[3].description.vi == description.replace("nông", "thủy")
    assert [(o.clause, o.lang) for o in c.doc.draft.overrides] == [("art.purpose.1", "lo")]
    c.update_validation()
    checks = [window.checks.list.item(i).text() for i in range(window.checks.list.count())]
    assert any("art.purpose.1" in line and "Word" in line for line in checks), checks
    c.undo()  # one step takes it all back
    assert c.doc.draft.areas[3].description.vi == description and c.doc.draft.overrides == []


def test_optional_clauses_in_the_final_clauses_section(qtbot, window):
    c = window.controller
    c.open_sample(MOU)
    c.doc.set_value("template", "mou@1.3")  # the forms follow the template's optional clauses
    pages = window.editor.registry.pages

    def final():
        return pages.get("final")

    qtbot.waitUntil(
        lambda: final() is not None and final().findChild(QCheckBox, "optional.confidentiality") is not None
    )
    page = final()
    confidentiality = page.findChild(QCheckBox, "optional.confidentiality")
    amendment_preview = page.findChild(QLabel, "optional.amendment.preview")
    assert not confidentiality.isChecked()
    assert (
        page.findChild(QLabel, "optional.confidentiality.preview")
        .text()
        .startswith("Điều 6. Bảo mật thông tin\nBa Bên không tiết lộ")
    )
    assert amendment_preview.text().startswith("Điều 7. Sửa đổi, bổ sung")
    confidentiality.click()
    assert c.doc.draft.optional_clauses == ["confidentiality"]
    assert amendment_preview.text().startswith("Điều 8. Sửa đổi, bổ sung")  # numbered on
    document = api.render_document(c.doc.draft)
    assert [b.number for b in document.texts["vi"] if b.id == "opt.confidentiality"] == [6]
    c.undo()
    assert c.doc.draft.optional_clauses == [] and not confidentiality.isChecked()
    c.open_sample(MINUTES)  # minutes: in the conference section, "offers none" for minutes@1.1
    qtbot.waitUntil(
        lambda: (
            pages.get("conference") is not None
            and pages["conference"].findChild(QLabel, "optional-clauses.none") is not None
        )
    )


def answer_export(seen: dict, act) -> None:
    def answer(dialog) -> None:
        act(dialog, seen)

    when_dialog(answer)


def test_the_export_dialog_offers_pdf_and_one_original_per_party(qtbot, window, tmp_path, monkeypatch):
    window.controller.open_sample(MINUTES)
    monkeypatch.setenv("MOU_DRAFTER_SOFFICE", "none")
    monkeypatch.setattr("sys.platform", "linux")
    seen: dict = {}

    def look(dialog, seen) -> None:
        seen["pdf-enabled"] = dialog.format_buttons["pdf"].isEnabled()
        seen["note"] = dialog.pdf_note.text()
        dialog.originals.setChecked(True)
        separate = next(b for b in dialog.layouts.buttons() if b.property("layout") == "separate")
        seen["separate-enabled"] = separate.isEnabled()
        seen["originals"] = dialog.originals_choice
        dialog.reject()

    answer_export(seen, look)
    window.controller.export()
    assert seen["pdf-enabled"] is False and "LibreOffice" in seen["note"]
    assert seen["separate-enabled"] is False and seen["originals"] == "alternat"


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_originals_per_party_exported_from_the_dialog(qtbot, window, tmp_path):
    c = window.controller
    c.open_sample(MINUTES)
    out = tmp_path / "minutes.docx"
    written: list = []
    c.export_finished.connect(lambda _job, paths: written.extend(paths))

    def choose(dialog, seen) -> None:
        dialog.path.setText(str(out))
        dialog.format_buttons["pdf"].setChecked(True)
        seen["path"] = dialog.path.text()
        dialog.originals.setChecked(True)
        dialog.export_button.click()

    seen: dict = {}
    answer_export(seen, choose)
    c.export()
    pdf = tmp_path / "minutes.pdf"
    assert seen["path"] == str(pdf)  # the extension follows the format
    qtbot.waitUntil(lambda: any(a[0] == "exported" for a in c.interaction.asked), timeout=120000)
    assert [p.rsplit("/", 1)[-1] for p in written] == [
        "minutes.dakglei.pdf",
        "minutes.xanxay.pdf",
        "minutes.dakcheung.pdf",
    ]
    assert (tmp_path / "minutes.xanxay.pdf").read_bytes().startswith(b"%PDF")
    assert c.settings.export.format == "pdf" and c.settings.export.originals == "alternat"


def test_open_with_hands_an_exported_docx_to_the_running_app(qtbot, window, tmp_path):
    """Windows' "Open with ▸ MoU Drafter" starts the app with the file: it goes to the running app."""
    from mou_drafter.gui.app import open_in_front
    from mou_drafter.gui.single_instance import InstanceServer
    from tests.gui.test_single_instance import start_second_app, wait

    server = InstanceServer(lambda path: open_in_front(window, path), window)
    assert server.listen()
    path = exported(tmp_path, name="Biên bản hội nghị.DOCX")
    code, output = wait(qtbot, start_second_app(str(path)))
    assert code == 0 and "shown" not in output, output
    qtbot.waitUntil(lambda: window.controller.doc is not None, timeout=5000)
    assert draft_to_json(window.controller.doc.draft) == draft_to_json(load_draft(MINUTES))
