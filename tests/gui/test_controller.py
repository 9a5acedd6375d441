"""The controller's flows without a window (issue 11): new, edit, save, open, close with the
unsaved-changes question, checks, template upgrade, export — answered by a scripted
:class:`Interaction` subclass; the files written are real and read back."""

from __future__ import annotations

from mou_drafter.api import RenderOptions, export_problems
from mou_drafter.gui.interaction import ExportRequest, FillInFirst
from mou_drafter.model.files import load_draft, save_draft
from mou_drafter.settings import ExportSettings, load_settings
from tests.conftest import ROOT
from tests.docx_checks import all_text, check_lao_runs, open_docx

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def record(signal) -> list[tuple]:
    """The arguments of every emission of ``signal`` from now on."""
    seen: list[tuple] = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def test_new_edit_save_and_open_again(controller, scripted, tmp_path):
    opened = record(controller.document_changed)
    files = record(controller.file_changed)
    checks = record(controller.issues_changed)
    assert controller.new_document("minutes")
    doc = controller.doc
    assert opened == [(doc,)] and doc.draft.kind == "minutes" and doc.path is None
    assert files[-1] == (None, False)
    assert checks[-1] == (controller.issues,)
    assert "minutes.conference.title" in {i.path for i in controller.issues}

    assert doc.set_value("minutes.conference.title.vi", "Hội nghị hợp tác")
    assert files[-1] == (None, True)
    assert controller.validation_timer.isActive()  # the checks wait for the typing to pause
    controller.update_validation()  # what the timer calls
    assert "minutes.conference.title" not in {i.path for i in controller.issues}
    assert controller.autosave() and not controller.autosave()  # nothing changed since
    assert load_draft(controller.autosaver.current.draft_path) == doc.draft

    path = tmp_path / "Biên bản hội nghị.moud"
    scripted.save_path = str(path)
    assert controller.save()  # a new draft: save asks where
    assert files[-1] == (path, False) and not doc.modified
    assert load_draft(path) == doc.draft
    assert not controller.autosaver.current.draft_path.exists()  # saved: the autosave is gone
    assert controller.settings.recent[0] == str(path.resolve()) == load_settings().recent[0]

    assert controller.open_path(path)
    assert (
        controller.doc is not doc and controller.doc.path == path and controller.doc.draft == load_draft(path)
    )
    assert len(opened) == 2 and scripted.asked == []  # nothing unsaved: nothing asked


def test_unsaved_changes_are_asked_about(controller, scripted):
    assert controller.open_sample(MOU)
    doc = controller.doc
    assert doc.path is None and not doc.modified  # a sample is a new draft; its file stays untouched
    doc.set_value("parties[0].name.vi", "huyện Đăk Glei (sửa)")
    scripted.save_answer = "cancel"
    assert not controller.new_document("minutes") and controller.doc is doc
    assert not controller.close_document() and controller.doc is doc
    assert scripted.asked == [("save-changes", "bản dự thảo mới")] * 2
    scripted.save_answer = "discard"
    closed = record(controller.document_changed)
    assert controller.close_document()
    assert controller.doc is None and closed == [(None,)] and controller.issues == []


def test_a_damaged_file_is_reported_and_the_open_draft_kept(controller, scripted, tmp_path):
    controller.open_sample(MOU)
    doc = controller.doc
    bad = tmp_path / "bad.moud"
    bad.write_text('{"kind": "mou", "schema_version": 99}', encoding="utf-8")
    assert not controller.open_path(bad)
    assert controller.doc is doc and "newer version" in scripted.errors[0]
    assert bad.read_text(encoding="utf-8") == '{"kind": "mou", "schema_version": 99}'


def test_export_from_the_choices_to_the_file(controller, scripted, qtbot, tmp_path):
    controller.open_sample(MINUTES)
    out = tmp_path / "bien-ban.docx"
    choices = ExportSettings(layout="sequential", languages=["vi", "lo"], folder=str(tmp_path))
    scripted.export_answers = [ExportRequest(out, "", choices)]
    started = record(controller.export_started)
    failed = record(controller.export_failed)
    with qtbot.waitSignal(controller.export_finished, timeout=15000) as finished:
        job = controller.export()
    assert job is not None and started == [(job,)] and finished.args == [job, [str(out)]]
    assert not controller.exporting and not failed
    assert ("exported", str(out)) in scripted.asked
    assert controller.settings.export == choices and load_settings().export == choices
    document = open_docx(out.read_bytes())
    text = all_text(document)
    assert "huyện Đăk Glei" in text and "ເມືອງດັກເກລີ" in text
    assert check_lao_runs(document) > 0


def test_two_exports_at_once_each_report_once(controller, scripted, qtbot, tmp_path):
    controller.open_sample(MOU)
    finished = record(controller.export_finished)
    options = RenderOptions(layout="side-by-side", languages=("vi", "lo"))
    first = controller.run_export(tmp_path / "a.docx", options)
    second = controller.run_export(tmp_path / "b.docx", options)
    assert first != second and controller.exporting
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=30000)
    qtbot.wait(100)
    assert sorted(finished) == [(first, [str(tmp_path / "a.docx")]), (second, [str(tmp_path / "b.docx")])]
    assert not controller.exporting
    told = sorted(answer for answer in scripted.asked if answer[0] == "exported")
    assert told == [("exported", str(tmp_path / "a.docx")), ("exported", str(tmp_path / "b.docx"))]


def test_a_failed_export_is_reported_once(controller, scripted, qtbot, tmp_path):
    controller.open_sample(MOU)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    finished = record(controller.export_finished)
    with qtbot.waitSignal(controller.export_failed, timeout=15000) as failed:
        job = controller.run_export(blocker / "mou.docx", RenderOptions())
    assert failed.args[0] == job and "not-a-folder" in failed.args[1]
    assert scripted.errors == [failed.args[1]] and not finished and not controller.exporting


def test_fill_in_first_or_cancel_exports_nothing(controller, scripted):
    controller.open_sample(MOU)
    wanted = record(controller.focus_requested)
    started = record(controller.export_started)
    scripted.export_answers = [FillInFirst("parties[1].name.lo"), None]
    assert controller.export() is None  # the clerk chose to fill in a field first
    assert wanted == [("parties[1].name.lo",)]
    assert controller.export() is None  # cancelled
    assert not started and load_settings().export == ExportSettings()


def test_more_checks_join_the_issues_errors_first(controller):
    controller.open_sample(MOU)
    controller.doc.set_value("parties[1].name.lo", "")
    plain = controller.update_validation()
    assert plain == controller.issues
    controller.checks.append(lambda draft: export_problems(draft, ["vi", "lo"]))
    issues = controller.update_validation()
    added = [i for i in issues if i not in plain]
    assert [(i.path, i.severity) for i in added] == [("parties[1].name.lo", "error")]
    severities = [i.severity for i in issues]
    assert severities == sorted(severities, key=lambda s: s != "error")


def test_the_newer_template_is_offered_and_announced(controller, scripted, released, tmp_path):
    controller.library = released
    path = tmp_path / "mou.moud"
    old = load_draft(MOU)
    old.template = "mou@1.0"
    save_draft(old, path)
    upgraded = record(controller.template_upgraded)
    assert controller.open_path(path)  # declined (the default answer)
    assert controller.doc.draft.template == "mou@1.0" and not upgraded
    scripted.upgrade_answer = True
    assert controller.open_path(path)
    assert upgraded == [("mou", "mou@1.0", "mou@1.2", "vi")]
    assert controller.doc.draft.template == "mou@1.2" and controller.doc.modified
    controller.undo()  # one undo step
    assert controller.doc.draft.template == "mou@1.0" and not controller.doc.modified
