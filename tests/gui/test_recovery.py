"""Autosave and recovery in the app, in this process (issue 17): when the journal and the full
autosave are written, when the recovery files are removed (saved, "don't save", declined — and
only then), what is offered after a crash and what the clerk is told (never saved, several
drafts, file moved or deleted, file changed, unreadable), a declined recovery kept seven days
and opened from *Recover older drafts…*, accepting that keeps the files until the recovered
draft's own autosave is written. A crashed session is a controller whose recovery files carry
the id of a process that has ended; the real kills are in ``test_crash_recovery.py``."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from mou_drafter.gui.autosave import IDLE_SAVE_MS, JOURNAL_DELAY_MS, autosave_dir, covering
from mou_drafter.model.files import load_draft, save_draft
from mou_drafter.model.journal import read_journal
from mou_drafter.model.recovery import DECLINED, KEEP_DECLINED_DAYS, read_recovery
from tests.conftest import ROOT, dead_pid

from .conftest import ScriptedInteraction

SAMPLE = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


@pytest.fixture
def crashed(qtbot):
    """Controllers of sessions that "crash": their recovery files carry an ended process's id,
    and what they had written is what a kill leaves (pending writes finished, timers not)."""
    from mou_drafter.gui.controller import DraftController

    made = []

    def make():
        ctl = DraftController(ScriptedInteraction())
        ctl.autosave_timer.stop()
        ctl.autosaver.store.pid = dead_pid()
        made.append(ctl)
        return ctl

    yield make
    for ctl in made:
        for timer in (ctl.autosaver.journal_timer, ctl.autosaver.idle_timer, ctl.validation_timer):
            timer.stop()
        ctl.autosaver.wait(10)
        ctl.deleteLater()


def crash(ctl) -> Path:
    """Stop ``ctl`` as a kill would after its writes are on disk; its slot folder."""
    ctl.autosaver.flush()
    ctl.autosaver.wait(10)
    for timer in (ctl.autosaver.journal_timer, ctl.autosaver.idle_timer):
        timer.stop()
    return ctl.autosaver.slot.folder


def folders() -> list[str]:
    return sorted(p.name for p in autosave_dir().glob("session-*"))


def test_covering_paths_do_not_overlap():
    assert covering(
        ["parties[0].name.vi", "parties", "title.vi", "parties[10].id", "title.lo", "titles"]
    ) == ["parties", "title.lo", "title.vi", "titles"]
    assert covering(["a.b", "a.bc", "a"]) == ["a"]


def test_changes_go_to_the_journal_within_its_delay_and_the_full_autosave_after_a_pause(qtbot, controller):
    saver = controller.autosaver
    assert JOURNAL_DELAY_MS <= 250 and IDLE_SAVE_MS == 2000
    assert controller.new_document("mou")
    assert not saver.journal_timer.isActive() and saver.slot is None  # nothing changed: nothing written
    doc = controller.doc
    doc.set_value("title.vi", "H")
    assert saver.journal_timer.isActive() and saver.idle_timer.isActive()
    first_deadline = saver.journal_timer.remainingTime()
    qtbot.wait(40)
    doc.set_value("title.vi", "Hộ")
    assert saver.journal_timer.remainingTime() <= first_deadline  # typing never postpones the journal
    qtbot.waitUntil(lambda: not saver.journal_timer.isActive(), timeout=5000)
    saver.wait(10)
    slot = saver.slot
    assert slot.snapshot.exists() and not slot.journal.exists()  # the first time: the full autosave
    assert read_recovery(slot.folder).draft.title.vi == "Hộ"

    qtbot.wait(400)
    assert saver.idle_timer.remainingTime() < IDLE_SAVE_MS - 300
    doc.set_value("title.vi", "Hội")
    assert saver.idle_timer.remainingTime() > IDLE_SAVE_MS - 150  # the pause counts from the last change
    doc.set_value("title.lo", "ກອງ")
    qtbot.waitUntil(lambda: not saver.journal_timer.isActive(), timeout=5000)
    saver.wait(10)
    [entry] = read_journal(slot.journal.read_bytes()).entries
    assert entry.ops == [("title.lo", "ກອງ"), ("title.vi", "Hội")]
    snapshot = slot.snapshot.read_bytes()
    qtbot.waitUntil(lambda: not saver.idle_timer.isActive(), timeout=10000)
    saver.wait(10)
    assert slot.snapshot.read_bytes() != snapshot and slot.journal.read_bytes() == b""  # emptied
    assert read_recovery(slot.folder).draft == doc.draft


def test_undo_redo_and_list_changes_are_journaled(qtbot, controller):
    assert controller.open_sample(SAMPLE)
    doc = controller.doc
    doc.set_value("title.vi", "Tiêu đề")
    controller.autosaver.flush()
    parties = list(doc.draft.parties)
    doc.replace_list("parties", parties[:1], "Remove item")
    doc.set_value("parties[0].name.lo", "ເມືອງ")
    controller.autosaver.flush()
    doc.undo_stack.undo()  # the name back
    doc.undo_stack.undo()  # the party back
    doc.set_value("number", "05/BBGN")
    controller.autosaver.flush()
    controller.autosaver.wait(10)
    found = read_recovery(controller.autosaver.slot.folder)
    assert found.applied == 2 and found.draft == doc.draft
    assert len(found.draft.parties) == len(parties)


def test_saving_removes_the_recovery_files_and_the_next_change_begins_new_ones(
    qtbot, controller, scripted, tmp_path
):
    assert controller.new_document("mou")
    controller.doc.set_value("title.vi", "Bản mới")
    controller.autosaver.flush()
    controller.autosaver.wait(10)
    first = controller.autosaver.slot.folder
    scripted.save_path = str(tmp_path / "mới.moud")
    assert controller.save()
    controller.autosaver.wait(10)
    assert not first.exists() and folders() == []
    controller.doc.set_value("title.vi", "Bản mới, sửa")
    controller.autosaver.flush()
    controller.autosaver.wait(10)
    found = read_recovery(controller.autosaver.slot.folder)
    assert found.original == str(tmp_path / "mới.moud") and found.draft.title.vi == "Bản mới, sửa"


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_another_draft_opened_removes_the_files_only_after_the_clerk_answered(
    qtbot, controller, scripted, tmp_path, answer
):
    a = tmp_path / "a.moud"
    save_draft(load_draft(SAMPLE), a)
    assert controller.open_path(a)
    controller.doc.set_value("title.vi", "A, chưa lưu")
    controller.autosaver.flush()
    controller.autosaver.wait(10)
    slot = controller.autosaver.slot.folder
    scripted.save_answer = answer
    opened = controller.new_document("minutes")
    controller.autosaver.wait(10)
    assert opened == (answer != "cancel")
    assert slot.exists() == (answer == "cancel")
    assert (load_draft(a).title.vi == "A, chưa lưu") == (answer == "save")


def test_a_draft_that_fails_to_open_keeps_the_open_drafts_files(qtbot, controller, scripted, tmp_path):
    assert controller.new_document("mou")
    controller.doc.set_value("title.vi", "Còn mở")
    controller.autosaver.flush()
    controller.autosaver.wait(10)
    broken = tmp_path / "hỏng.moud"
    broken.write_text("{", encoding="utf-8")
    scripted.save_answer = "discard"
    assert not controller.open_path(broken)
    controller.autosaver.wait(10)
    assert controller.doc.draft.title.vi == "Còn mở" and controller.autosaver.slot.folder.exists()


def test_a_never_saved_draft_is_offered_and_opens_as_a_new_draft(qtbot, controller, scripted, crashed):
    old = crashed()
    assert old.new_document("minutes")
    old.doc.set_value("minutes.conference.title.vi", "Hội nghị lần thứ 18")
    crash(old)
    assert controller.offer_recovery()
    [(kind, line)] = scripted.asked
    assert kind == "recovery" and "Hội nghị lần thứ 18" in line
    [offer] = scripted.offers
    assert offer.recovery.file_state() == "new" and offer.note
    assert controller.doc.path is None and controller.doc.modified
    assert controller.doc.draft.minutes.conference.title.vi == "Hội nghị lần thứ 18"


def test_a_draft_made_from_another_is_autosaved_before_any_change(qtbot, controller, scripted, crashed):
    """New from this document (#14) opens a draft with unsaved content before any keystroke: its
    full autosave is written at once, and a crash before the first change offers it."""
    from mou_drafter.gui import travel

    old = crashed()
    assert old.open_path(SAMPLE)
    assert travel.new_from_document(old)
    made = old.doc.draft
    assert old.doc.modified and old.doc.path is None
    folder = crash(old)
    assert read_recovery(folder).draft == made
    assert controller.offer_recovery()
    assert controller.doc.draft == made and controller.doc.path is None and controller.doc.modified


def test_accepting_keeps_the_files_until_the_recovered_draft_has_its_own_autosave(qtbot, controller, crashed):
    old = crashed()
    assert old.new_document("mou")
    old.doc.set_value("title.vi", "Trước")
    old.autosaver.flush()
    old.autosaver.wait(10)
    old.doc.set_value("title.vi", "Trước khi mất điện")  # only in the journal
    folder = crash(old)
    assert read_journal((folder / "journal").read_bytes()).entries
    assert controller.offer_recovery()
    taken = controller.autosaver.slot.folder
    assert not folder.exists() and taken.name.startswith(f"session-{os.getpid()}-")  # the same files, taken
    controller.autosaver.wait(10)
    found = read_recovery(taken)
    assert found.draft.title.vi == "Trước khi mất điện" and (taken / "journal").read_bytes() == b""
    controller.doc.set_value("title.vi", "Trước khi mất điện, sửa tiếp")
    controller.autosaver.flush()
    controller.autosaver.wait(10)
    assert read_recovery(taken).draft.title.vi == "Trước khi mất điện, sửa tiếp"


def test_declined_recovery_is_kept_seven_days_and_opens_from_the_menu(qtbot, controller, scripted, crashed):
    """Defect 4: "Không" used to delete the autosave at once, with no way back."""
    old = crashed()
    assert old.new_document("mou")
    old.doc.set_value("title.vi", "Không mất")
    crash(old)
    scripted.recovery_answer = None
    assert not controller.offer_recovery()
    assert controller.doc is None and folders() == []
    [kept] = (autosave_dir() / DECLINED).iterdir()
    assert read_recovery(kept).draft.title.vi == "Không mất"

    scripted.asked.clear()
    assert controller.offer_recovery() is False and scripted.asked == []  # not offered at start again
    scripted.recovery_answer = 0
    assert controller.recover_older()
    assert scripted.asked[-1][0] == "recover-older" and "Không mất" in scripted.asked[-1][1]
    assert controller.doc.draft.title.vi == "Không mất" and controller.doc.modified
    assert not kept.exists()

    # declined again, eight days ago: gone
    controller.autosaver.wait(10)
    slot = controller.autosaver.slot
    controller.autosaver.follow(None)
    controller.autosaver.store.decline(slot, now=time.time() - (KEEP_DECLINED_DAYS + 1) * 86400)
    assert len(list((autosave_dir() / DECLINED).iterdir())) == 1
    assert not controller.offer_recovery()  # the next start removes it
    assert list((autosave_dir() / DECLINED).iterdir()) == []


def test_several_drafts_are_listed_and_those_not_opened_are_kept(qtbot, controller, scripted, crashed):
    for title in ("Thứ nhất", "Thứ hai", "Thứ ba"):
        old = crashed()
        assert old.new_document("mou")
        old.doc.set_value("title.vi", title)
        crash(old)
        time.sleep(0.01)  # distinct times of last change
    scripted.recovery_answer = 1
    assert controller.offer_recovery()
    assert [o.title for o in scripted.offers] == ["Thứ ba", "Thứ hai", "Thứ nhất"]  # newest first
    assert controller.doc.draft.title.vi == "Thứ hai"
    declined = controller.autosaver.declined()
    assert sorted(d.draft.title.vi for d in declined) == ["Thứ ba", "Thứ nhất"]
    scripted.save_answer = "discard"
    scripted.recovery_answer = 0
    assert controller.recover_older()
    assert controller.doc.draft.title.vi in ("Thứ ba", "Thứ nhất")


def test_a_moved_or_changed_file_is_said(qtbot, controller, scripted, crashed, tmp_path):
    moved, changed = tmp_path / "đã chuyển.moud", tmp_path / "đã sửa.moud"
    for path, title in ((moved, "chuyển"), (changed, "sửa")):
        save_draft(load_draft(SAMPLE), path)
        old = crashed()
        assert old.open_path(path)
        old.doc.set_value("title.vi", title)
        crash(old)
    moved.unlink()
    os.utime(changed, (time.time() + 5, time.time() + 5))
    scripted.recovery_answer = 0
    assert controller.offer_recovery()
    states = {o.recovery.draft.title.vi: (o.recovery.file_state(), o.note) for o in scripted.offers}
    assert states["chuyển"][0] == "missing" and str(moved) in states["chuyển"][1]
    assert states["sửa"][0] == "changed" and str(changed) in states["sửa"][1]
    opened = controller.doc.draft.title.vi
    assert controller.doc.path == (None if opened == "chuyển" else changed)


def test_a_draft_saved_just_before_the_crash_is_not_offered(qtbot, controller, scripted, crashed, tmp_path):
    path = tmp_path / "đã lưu.moud"
    save_draft(load_draft(SAMPLE), path)
    old = crashed()
    assert old.open_path(path)
    old.doc.set_value("title.vi", "Đã lưu")
    folder = crash(old)
    save_draft(old.doc.draft, path)  # saved; killed before its recovery files were removed
    os.utime(path, (os.stat(path).st_atime, read_recovery(folder).original_mtime))
    assert not controller.offer_recovery() and scripted.asked == []
    controller.autosaver.wait(10)
    assert folders() == [] and not (autosave_dir() / DECLINED).exists()


def test_an_unreadable_recovery_is_said_and_kept_aside(qtbot, controller, scripted, crashed):
    old = crashed()
    assert old.new_document("mou")
    old.doc.set_value("title.vi", "x")
    folder = crash(old)
    (folder / "draft.autosave").write_text(
        '{"format": "mou-drafter-autosave", "seq": 0, "draft": {"kind": 5}}', encoding="utf-8"
    )
    assert not controller.offer_recovery()
    [offer] = scripted.offers
    assert not offer.can_open and offer.note
    assert len(list((autosave_dir() / DECLINED).iterdir())) == 1


def test_autosave_failures_are_said_in_the_status_bar(qtbot, controller, tmp_path):
    messages = []
    controller.status_message.connect(lambda text, _ms: messages.append(text))
    controller.autosaver.store.folder = tmp_path / "a file, not a folder"
    controller.autosaver.store.folder.write_text("", encoding="utf-8")
    assert controller.new_document("mou")
    controller.doc.set_value("title.vi", "x")
    controller.autosaver.flush()
    controller.autosaver.wait(10)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[0].startswith("Tự động lưu không thành công: ")
    assert controller.autosaver.save_failed
    controller.autosaver.store.folder.unlink()  # the folder can be made again: the next change writes it all
    controller.autosaver.slot.folder = controller.autosaver.store.folder / "session-1-1"
    controller.doc.set_value("title.vi", "xy")
    controller.autosaver.flush()
    controller.autosaver.wait(10)
    assert not controller.autosaver.save_failed
    assert read_recovery(controller.autosaver.slot.folder).draft.title.vi == "xy"


def test_the_recovery_dialog_and_the_menu(qtbot, window, crashed):
    from mou_drafter.gui.recovery import RecoveryDialog, describe

    assert window.menu_actions["recover-older"].text() == "Khôi phục bản dự thảo cũ hơn…"
    offers = []
    for title in ("Một", "Hai"):
        old = crashed()
        assert old.new_document("mou")
        old.doc.set_value("title.vi", title)
        found = read_recovery(crash(old))
        if title == "Hai":
            found.draft, found.error = None, "hỏng"
        offers.append(describe(found))
    dialog = RecoveryDialog(offers, older=False, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2 and "Một" in dialog.list.item(0).text()
    assert dialog.open_button.isEnabled() and dialog.note.text() == offers[0].note
    dialog.list.setCurrentRow(1)
    assert not dialog.open_button.isEnabled() and "hỏng" in dialog.note.text()
    empty = RecoveryDialog([], older=True, parent=window)
    qtbot.addWidget(empty)
    assert not empty.open_button.isEnabled() and empty.list.isHidden()
