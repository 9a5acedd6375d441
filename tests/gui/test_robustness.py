"""The app when things go wrong (issue 12): a full disk and I/O errors are shown and the file
kept, an export is never written over its draft, broken template folders are listed with their
path, a complete copy left by a killed save is offered, a damaged settings file is set aside and
said once, an unexpected error is logged and shown."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from mou_drafter.api import RenderOptions, TemplateLibrary, load_draft, save_draft
from mou_drafter.logs import log_path
from mou_drafter.model.atomic_write import temporary_name
from mou_drafter.model.recovery import SNAPSHOT, snapshot_bytes
from tests.conftest import POSIX_LINKS, ROOT

SEED = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def fail(monkeypatch, call: str, code: int) -> None:
    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, call, failing)


def test_a_full_disk_on_save_is_shown_and_the_file_kept(controller, scripted, tmp_path, monkeypatch):
    path = tmp_path / "d.moud"
    save_draft(load_draft(SEED), path)
    before = path.read_bytes()
    assert controller.open_path(path)
    controller.doc.set_value("title.vi", "Về hợp tác (sửa)")
    fail(monkeypatch, "write", errno.ENOSPC)
    assert not controller.save()
    monkeypatch.undo()
    assert (
        scripted.errors
        and f"cannot write {path}: the disk is full; the existing file was left unchanged"
        in scripted.errors[-1]
    )
    assert path.read_bytes() == before and temporaries(tmp_path) == []
    assert controller.doc.modified  # nothing lost: the edit is still there, unsaved
    assert controller.save() and load_draft(path).title.vi == "Về hợp tác (sửa)"


def test_an_io_error_during_export_is_shown_and_the_file_kept(
    controller, scripted, qtbot, tmp_path, monkeypatch
):
    out = tmp_path / "out.docx"
    out.write_bytes(b"the exported file of yesterday")
    controller.open_draft(load_draft(SEED))
    fail(monkeypatch, "fsync", errno.EIO)
    failed: list[str] = []
    controller.export_failed.connect(lambda job, message: failed.append(message))
    assert controller.run_export(out, RenderOptions(languages=("vi", "lo"))) is not None
    qtbot.waitUntil(lambda: bool(failed), timeout=20000)
    monkeypatch.undo()
    assert "input/output error" in failed[0] and "left unchanged" in failed[0]
    assert scripted.errors == failed  # shown once, as it is
    assert out.read_bytes() == b"the exported file of yesterday" and temporaries(tmp_path) == []


def test_a_read_only_draft_is_not_saved_over(controller, scripted, tmp_path):
    path = tmp_path / "d.moud"
    save_draft(load_draft(SEED), path)
    path.chmod(0o444)
    try:
        controller.open_path(path)
        controller.doc.set_value("title.vi", "sửa")
        assert not controller.save()
        assert "the file is read-only" in scripted.errors[-1]
        assert load_draft(path).title.vi != "sửa"
    finally:
        path.chmod(0o644)


@POSIX_LINKS
def test_the_export_dialog_refuses_the_draft_itself(qtbot, tmp_path):
    from mou_drafter.gui.dialogs.export import ExportDialog

    draft_path = tmp_path / "X.moud"
    save_draft(load_draft(SEED), draft_path)
    (tmp_path / "link.docx").symlink_to(draft_path)
    dialog = ExportDialog(load_draft(draft_path), draft_path)
    qtbot.addWidget(dialog)
    for output in (draft_path, tmp_path / "link.docx", tmp_path / "other.moud"):
        dialog.path.setText(str(output))
        dialog.export_button.click()
        assert dialog.result() != ExportDialog.DialogCode.Accepted
        assert "Hãy chọn tệp khác" in dialog.message.text() or "Choose another file" in dialog.message.text()
    dialog.path.setText(str(tmp_path / "X.docx"))
    dialog.export_button.click()
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_the_controller_passes_the_draft_file_to_the_export(controller, scripted, qtbot, tmp_path):
    """A second guard behind the dialog: the export itself refuses the draft's file."""
    path = tmp_path / "X.moud"
    save_draft(load_draft(SEED), path)
    before = path.read_bytes()
    controller.open_path(path)
    failed: list[str] = []
    controller.export_failed.connect(lambda job, message: failed.append(message))
    controller.run_export(path, RenderOptions(), fmt="docx")
    qtbot.waitUntil(lambda: bool(failed), timeout=20000)
    assert "that is the draft file being exported" in failed[0] and path.read_bytes() == before


def broken_shared_folder(root: Path) -> Path:
    """A shared template folder with one version whose manifest is damaged."""
    broken = root / "mou" / "7.0"
    broken.mkdir(parents=True)
    (broken / "manifest.toml").write_text('name = "mou"\nversion = [', encoding="utf-8")
    return broken


def test_broken_template_folders_are_listed_in_the_export_dialog(qtbot, tmp_path):
    from mou_drafter.folders import data_dir
    from mou_drafter.gui.dialogs.export import ExportDialog

    broken = broken_shared_folder(tmp_path / "shared")
    library = TemplateLibrary([("built-in", data_dir("templates")), ("shared", tmp_path / "shared")])
    dialog = ExportDialog(load_draft(SEED), None, library=library)
    qtbot.addWidget(dialog)
    assert not dialog.template_problems.isHidden()
    assert f"{broken / 'manifest.toml'}: damaged manifest" in dialog.template_problems.text()
    offered = [dialog.template.itemData(i) for i in range(dialog.template.count())]
    assert "mou@1.2" in offered  # the built-in ones still work


def test_broken_template_folders_are_listed_in_the_compare_dialog(qtbot, tmp_path):
    from mou_drafter.folders import data_dir
    from mou_drafter.gui.dialogs.compare import CompareDialog

    broken = broken_shared_folder(tmp_path / "shared")
    library = TemplateLibrary([("built-in", data_dir("templates")), ("shared", tmp_path / "shared")])
    dialog = CompareDialog(library=library)
    qtbot.addWidget(dialog)
    assert not dialog.template_problems.isHidden()
    assert f"{broken / 'manifest.toml'}: damaged manifest" in dialog.template_problems.text()
    assert "mou" in [dialog.name.itemData(i) for i in range(dialog.name.count())]

    clean = CompareDialog(library=TemplateLibrary([("built-in", data_dir("templates"))]))
    qtbot.addWidget(clean)
    assert clean.template_problems.isHidden() and clean.template_problems.text() == ""


def test_a_shared_folder_with_broken_templates_is_said_when_chosen(controller, tmp_path):
    broken = broken_shared_folder(tmp_path / "shared")
    messages: list[str] = []
    controller.status_message.connect(lambda text, ms: messages.append(text))
    assert not controller.report_template_problems() and messages == []  # the built-in ones are fine
    controller.update_settings(
        lambda settings: setattr(settings, "shared_templates_dir", str(tmp_path / "shared"))
    )
    controller.reload_settings()
    assert any(str(broken / "manifest.toml") in text and "damaged manifest" in text for text in messages), (
        messages
    )
    assert controller.library.newest("mou").ref.startswith("mou@")  # the others still work


def test_a_newer_complete_copy_left_by_a_killed_save_is_offered(controller, scripted, tmp_path):
    path = tmp_path / "d.moud"
    draft = load_draft(SEED)
    save_draft(draft, path)
    os.utime(path, (time.time() - 120, time.time() - 120))
    newer = draft.model_copy(deep=True)
    newer.title.vi = "Bản sửa chưa kịp lưu"
    left = tmp_path / temporary_name(path, pid=999_999_999)
    save_draft(newer, tmp_path / "x.moud")
    (tmp_path / "x.moud").rename(left)
    assert controller.open_path(path)
    assert ("confirm", "Bản sao mới hơn chưa được lưu") in scripted.asked
    assert controller.doc.draft.title.vi == "Bản sửa chưa kịp lưu" and controller.doc.modified
    assert controller.doc.path == path and load_draft(path).title.vi != "Bản sửa chưa kịp lưu"
    assert controller.save()
    assert load_draft(path).title.vi == "Bản sửa chưa kịp lưu" and not left.exists()


def test_a_declined_copy_is_removed_and_not_offered_again(controller, scripted, tmp_path):
    path = tmp_path / "d.moud"
    save_draft(load_draft(SEED), path)
    os.utime(path, (time.time() - 120, time.time() - 120))
    left = tmp_path / temporary_name(path, pid=999_999_999)
    left.write_bytes(path.read_bytes())
    scripted.confirm_answer = False
    assert controller.open_path(path)
    assert not controller.doc.modified and not left.exists()
    scripted.asked.clear()
    scripted.save_answer = "discard"
    assert controller.open_path(path) and not [a for a in scripted.asked if a[0] == "confirm"]


def test_a_damaged_settings_file_is_set_aside_and_said_once(qtbot, scripted):
    from mou_drafter.gui.controller import DraftController
    from mou_drafter.gui.i18n import set_language
    from mou_drafter.settings import settings_path

    set_language("vi")
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"ui_language": "vi", "fonts": {', encoding="utf-8")
    controller = DraftController(scripted)
    try:
        controller.report_settings_notices()
        controller.report_settings_notices()
        [said] = scripted.errors
        [kept] = list(path.parent.glob("settings.damaged-*.json"))
        assert str(path) in said and kept.name in said
        assert kept.read_text(encoding="utf-8") == '{"ui_language": "vi", "fonts": {'
        controller.remember_recent(Path(SEED))  # new settings are written; the damaged file stays aside
        assert path.exists() and kept.exists()
    finally:
        controller.autosave_timer.stop()
        controller.deleteLater()


def test_an_unexpected_error_is_logged_and_shown(window, scripted):
    from mou_drafter.gui.app import report_unexpected
    from mou_drafter.logs import setup_logging

    log_file = setup_logging()
    try:
        raise ZeroDivisionError("division by zero in a slot")
    except ZeroDivisionError as exc:
        report_unexpected(window, log_file, type(exc), exc, exc.__traceback__)
    assert scripted.errors and "ZeroDivisionError: division by zero in a slot" in scripted.errors[-1]
    assert str(log_file) in scripted.errors[-1]
    for handler in __import__("logging").getLogger("mou_drafter").handlers:
        handler.flush()
    text = log_path().read_text(encoding="utf-8")
    assert "unexpected error" in text and "Traceback" in text and "division by zero in a slot" in text


def test_a_failed_template_offer_is_said_not_swallowed(controller, scripted, tmp_path, monkeypatch):
    from mou_drafter.errors import TemplateError

    def broken(ref):
        raise TemplateError(f"template {ref} cannot be used: manifest.toml: damaged manifest")

    messages: list[str] = []
    controller.status_message.connect(lambda text, ms: messages.append(text))
    controller.open_draft(load_draft(SEED))
    monkeypatch.setattr(controller.library, "upgrade_for", broken)
    assert not controller.offer_template_upgrade()
    assert messages and "damaged manifest" in messages[-1]


def autosave_of(title: str, seq: int) -> bytes:
    draft = load_draft(SEED)
    draft.title.vi = title
    return snapshot_bytes(draft.model_dump(mode="json"), seq, "", None)


def killed_autosave(controller, title: str, *, complete: bool = True, before: str | None = None) -> Path:
    """What a session (process 999999999, ended) left in its draft's recovery folder: its last
    full autosave with ``before`` as title (if any; change 5), and the copy of the next one
    (change 9), killed before it was put in place (cut short if not ``complete``)."""
    folder = controller.autosaver.store.folder / "session-999999999-1"
    folder.mkdir(parents=True)
    snapshot = folder / SNAPSHOT
    if before is not None:
        snapshot.write_bytes(autosave_of(before, 5))
    data = autosave_of(title, 9)
    copy = folder / temporary_name(snapshot, pid=999_999_999)
    copy.write_bytes(data if complete else data[: len(data) // 2])
    return folder


def left_in(controller) -> list[str]:
    """The temporary files in the autosave folder, once the autosaver's writes are done."""
    controller.autosaver.wait(10)
    return sorted(p.name for p in controller.autosaver.store.folder.rglob("*.tmp"))


def test_an_autosave_killed_before_it_was_put_in_place_is_recovered(controller, scripted):
    folder = killed_autosave(controller, "Bản tự lưu sau cùng", before="Bản tự lưu trước đó")
    assert controller.offer_recovery()
    assert controller.doc.draft.title.vi == "Bản tự lưu sau cùng" and controller.doc.modified
    assert not folder.exists() and left_in(controller) == []  # taken over, its leftovers removed


def test_a_first_autosave_killed_is_recovered_when_complete(controller, scripted):
    folder = killed_autosave(controller, "Lần tự lưu đầu tiên")
    assert controller.offer_recovery()
    assert controller.doc.draft.title.vi == "Lần tự lưu đầu tiên"
    assert not folder.exists() and left_in(controller) == []


def test_a_first_autosave_cut_short_is_removed_and_not_offered(controller, scripted):
    folder = killed_autosave(controller, "Lần tự lưu bị cắt", complete=False)
    assert not controller.offer_recovery() and scripted.asked == []
    assert left_in(controller) == [] and not folder.exists()


def test_an_older_copy_does_not_replace_the_last_autosave(controller, scripted):
    folder = killed_autosave(controller, "Bản sao cũ", before="Bản tự lưu sau cùng")
    snapshot = folder / SNAPSHOT
    [copy] = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    snapshot.write_bytes(autosave_of("Bản tự lưu sau cùng", 12))  # newer than the copy's change 9
    os.utime(snapshot, (time.time() - 600, time.time() - 600))  # older on the clock: the number decides
    assert copy.exists()
    assert controller.offer_recovery()
    assert controller.doc.draft.title.vi == "Bản tự lưu sau cùng"
    assert left_in(controller) == []


def test_a_cut_short_copy_leaves_the_last_autosave_offered(controller, scripted):
    folder = killed_autosave(controller, "Bản sao bị cắt", complete=False, before="Bản tự lưu sau cùng")
    assert controller.offer_recovery()
    assert controller.doc.draft.title.vi == "Bản tự lưu sau cùng"
    assert not folder.exists() and left_in(controller) == []


def test_template_checks_that_cannot_run_are_logged(caplog, tmp_path):
    """A draft whose template cannot be found: its optional clauses are not checked, and the log
    says so (nothing swallowed in silence)."""
    from mou_drafter.gui.travel import template_checks

    draft = load_draft(SEED)
    draft.template = "mou@9.9"
    draft.optional_clauses = ["confidentiality"]
    with caplog.at_level("WARNING", logger="mou_drafter"):
        assert template_checks(TemplateLibrary([("user", tmp_path)]), draft) == []
    assert any("did not run" in r.getMessage() and "mou@9.9" in r.getMessage() for r in caplog.records)
