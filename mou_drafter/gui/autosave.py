"""Autosave of the open draft, so that a crash (or a kill, or a power cut) loses at most the last
half second of typing; the files themselves and reading them back are ``model/recovery.py``.

Every change of the draft (an edit, an undo, a redo; typing in one field merges as on the undo
stack) marks its field path. At most :data:`JOURNAL_DELAY_MS` after the first change, the values
of the marked paths are appended to the draft's journal and flushed to disk; the first time, the
full autosave is written instead. The full autosave is written again :data:`IDLE_SAVE_MS` after
the last change and on the settings' interval (the controller's timer), and each time the journal
is emptied. All writes run on one background thread, in order (:class:`SerialWriter`), so the
window never waits for the disk.

The recovery files of a draft are removed when it is saved, or put away (closed, another draft
opened) after the clerk saved it or chose not to — never before; see ``docs/recovery.md``.
"""

from __future__ import annotations

import time
from pathlib import Path

from pydantic_core import to_jsonable_python
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from ..folders import data_home
from ..model import recovery as store
from ..model.paths import get_path
from ..model.processes import process_alive
from .draft_document import DraftDocument

#: A change reaches the journal on disk at most this long after it was made (plus the write).
JOURNAL_DELAY_MS = 200
#: The full autosave is written this long after the last change.
IDLE_SAVE_MS = 2000


def autosave_dir() -> Path:
    return data_home() / "autosave"


def covering(paths: list[str]) -> list[str]:
    """``paths`` without those inside another of them (``parties`` covers ``parties[0].name.vi``),
    sorted: the paths a journal entry sets, none overlapping another."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        inside = any(
            len(path) > len(outer) and path.startswith(outer) and path[len(outer)] in ".[" for outer in kept
        )
        if not inside:
            kept.append(path)
    return kept


class Autosaver(QObject):
    """Keeps the recovery files of the open draft (:meth:`follow`) and finds those of drafts of
    earlier sessions (:meth:`orphans`, :meth:`declined`).

    Signals:
        failed(str): writing the recovery files failed, with this reason (the draft is unchanged;
            the next change or autosave tries again).
        saved(str): a full autosave is on disk, in this file. Emitted on the writer's thread, right
            after the write (a direct connection sees the file as written; others get it queued).
    """

    failed = Signal(str)
    saved = Signal(str)

    def __init__(
        self, parent: QObject | None = None, *, folder: Path | None = None, pid: int | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store.RecoveryStore(folder or autosave_dir(), process_alive, pid)
        self.writer = store.SerialWriter(lambda exc: self.failed.emit(str(exc)))
        #: The draft followed, and the folder of its recovery files (None: none written yet).
        self.doc: DraftDocument | None = None
        self.slot: store.DraftFiles | None = None
        #: The number of the newest change, and of the newest change in the full autosave
        #: (None: no full autosave written for this draft yet).
        self.seq = 0
        self.saved_seq: int | None = None
        #: The modification time of the draft's file when its recovery files were begun (to tell
        #: the clerk, after a crash, that someone changed the file since).
        self.original_mtime: float | None = None
        #: Whether the last full autosave failed (set on the writer's thread): the next change
        #: writes it again instead of a journal entry that would have nothing to apply to.
        self.save_failed = False
        #: Paths changed since the last journal entry (a dict keeps their order).
        self.dirty: dict[str, None] = {}
        self.journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_DELAY_MS)
        self.journal_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.journal_timer.timeout.connect(self.flush)
        self.idle_timer = QTimer(self, singleShot=True, interval=IDLE_SAVE_MS)
        self.idle_timer.timeout.connect(self.save)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.finish)

    # -- the open draft -------------------------------------------------------------------------
    def follow(self, doc: DraftDocument | None) -> None:
        """Record the changes of ``doc`` from now on (its recovery files are made at its first
        change). The files of the draft followed before must have been removed or adopted."""
        if self.doc is not None:
            self.doc.value_changed.disconnect(self._changed)
            self.doc.structure_changed.disconnect(self._changed)
            self.doc.modified_changed.disconnect(self._marked)
        self.doc, self.slot, self.seq, self.saved_seq, self.save_failed = doc, None, 0, None, False
        self.dirty.clear()
        self.journal_timer.stop()
        self.idle_timer.stop()
        if doc is not None:
            doc.value_changed.connect(self._changed)
            doc.structure_changed.connect(self._changed)
            doc.modified_changed.connect(self._marked)

    def adopt(self, slot: store.DraftFiles, recovery: store.Recovery) -> None:
        """The followed draft was recovered from ``slot`` (``recovery``'s files, claimed): write
        its own full autosave there now; the recovered files stay until it has."""
        self.slot, self.seq, self.saved_seq = slot, recovery.last_seq + 1, None
        self.original_mtime = recovery.original_mtime if self.doc and self.doc.path else None
        self.save()

    @Slot(str)
    def _changed(self, path: str) -> None:
        self.seq += 1
        self.dirty[path] = None
        if not self.journal_timer.isActive():  # started by the first change, not restarted
            self.journal_timer.start()
        self.idle_timer.start()

    @Slot(bool)
    def _marked(self, modified: bool) -> None:
        """A draft marked modified before any change (one made from another document: New from
        this document): unsaved work already, so its first full autosave is written now."""
        if modified and self.slot is None and self.seq == 0:
            self.seq = 1
            self.save()

    def flush(self) -> bool:
        """Append the changes not yet in the journal (what the journal timer calls); the first
        time, write the full autosave instead. True if something was queued for writing."""
        self.journal_timer.stop()
        if self.doc is None or not self.dirty:
            return False
        if self.slot is None or self.saved_seq is None or self.save_failed:
            self.saved_seq = None
            return self.save()
        try:
            ops = [
                (path, to_jsonable_python(get_path(self.doc.draft, path)))
                for path in covering(list(self.dirty))
            ]
        except (AttributeError, IndexError, KeyError, TypeError, ValueError):
            return self.save()  # a path gone meanwhile: the full autosave holds everything
        self.dirty.clear()
        line = store.journal_line(self.seq, ops)
        slot = self.slot
        self.writer.submit(lambda: slot.append(line))
        return True

    def save(self) -> bool:
        """Write the full autosave if the draft changed since the last one (the idle and the
        interval timers call this); True if it was queued for writing."""
        doc = self.doc
        if doc is None or (self.saved_seq == self.seq and self.slot is not None and not self.save_failed):
            return False
        if self.saved_seq is None and self.seq == 0:
            return False  # nothing changed since it was opened
        original = str(doc.path) if doc.path else ""
        if self.slot is None:
            self.slot = self.store.new_slot()
            self.original_mtime = store.file_time(original)
        data = store.snapshot_bytes(
            doc.draft.model_dump(mode="json"), self.seq, original, self.original_mtime
        )
        self.saved_seq = self.seq
        self.dirty.clear()
        self.journal_timer.stop()
        self.idle_timer.stop()
        slot = self.slot

        def write() -> None:
            try:
                slot.write_snapshot(data)
            except BaseException:
                self.save_failed = True
                raise
            self.save_failed = False
            self.saved.emit(str(slot.snapshot))

        self.writer.submit(write)
        return True

    def clear(self) -> None:
        """Remove the recovery files of the followed draft (it was saved, or put away after the
        clerk saved it or chose not to). Its next change begins new ones."""
        self.dirty.clear()
        self.journal_timer.stop()
        self.idle_timer.stop()
        slot, self.slot, self.saved_seq = self.slot, None, None
        if slot is not None:
            self.writer.submit(slot.remove)

    @Slot()
    def finish(self) -> None:
        """Before the app quits: write what is pending and wait for the disk."""
        if self.dirty:
            self.flush()
        self.wait(10)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the writes asked for so far are on disk (tests; quitting)."""
        return self.writer.wait(timeout)

    # -- drafts of earlier sessions -------------------------------------------------------------
    def orphans(self) -> list[store.Recovery]:
        """Recovery files of app processes that are no longer running, newest first."""
        return self.store.orphans()

    def declined(self, now: float | None = None) -> list[store.Recovery]:
        """Recoveries declined in the last :data:`~mou_drafter.model.recovery.KEEP_DECLINED_DAYS`
        days, newest first (older ones are removed)."""
        return self.store.declined(time.time() if now is None else now)

    def claim(self, recovery: store.Recovery) -> store.DraftFiles | None:
        return self.store.claim(recovery)

    def decline(self, slot: store.DraftFiles) -> None:
        self.store.decline(slot)

    def remove(self, slot: store.DraftFiles) -> None:
        self.writer.submit(slot.remove)
