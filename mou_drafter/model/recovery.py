"""The recovery files of drafts with unsaved changes, and finding them again after a crash
(Qt-free; the app's side — timers, questions — is ``gui/autosave.py`` and ``gui/recovery.py``).

Layout, in the autosave folder (``<user data>/autosave``)::

    session-<pid>-<n>/          one draft with unsaved changes of the app process <pid>
        draft.autosave          the full autosave: {"format", "seq", "saved", "original", ...,
                                "draft": <the draft's JSON>}, always replaced in one step
        journal                 the changes since (``model/journal.py``), appended
    declined/<unix time>-session-<pid>-<n>/
                                a recovery the clerk declined, kept for KEEP_DECLINED_DAYS

A folder belongs to the process in its name while that process runs; the folder of a process
that is gone is an *orphan*, offered for recovery. Taking one (:meth:`RecoveryStore.claim`)
renames the folder to the taking process's name, in one step, so two apps starting at once never
both take the same one and a crash while the question is shown leaves it to be offered again.
Declining renames it into ``declined/``; it is removed for good when the draft is saved, closed
with "don't save", or after the days it is kept.

Every file is written whole (``atomic_write_bytes``) except the journal, which is appended and
fsynced; a journal line cut short by a kill is ignored when it is read back (``model/journal.py``).
Nothing here runs on Qt's thread: :class:`SerialWriter` runs the writes of one process in the
order they were asked for, on one background thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DraftFileError, ExportError, MouDrafterError
from .atomic_write import atomic_write_bytes, leftovers, remove_leftovers
from .draft import Draft
from .journal import Entry, encode_entry, read_journal, replay

log = logging.getLogger(__name__)

SNAPSHOT = "draft.autosave"
JOURNAL = "journal"
DECLINED = "declined"
FORMAT = "mou-drafter-autosave"
FORMAT_VERSION = 1
#: How long a declined recovery is kept (days).
KEEP_DECLINED_DAYS = 7

_SLOT = re.compile(r"^session-(?P<pid>\d+)-(?P<serial>\d+)$")
_DECLINED = re.compile(r"^(?P<time>\d+)-(?P<slot>session-(?P<pid>\d+)-\d+)$")


def snapshot_bytes(
    draft_data: dict[str, Any],
    seq: int,
    original: str,
    original_mtime: float | None,
    saved: float | None = None,
) -> bytes:
    """The bytes of a full autosave: the draft's JSON (``Draft.model_dump(mode="json")``), the
    journal sequence number it includes, the draft's own file and that file's time then."""
    wrapper = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "seq": seq,
        "saved": round(time.time() if saved is None else saved, 3),
        "original": original,
        "original_mtime": original_mtime,
        "draft": draft_data,
    }
    return json.dumps(wrapper, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def file_time(path: str | os.PathLike[str] | None) -> float | None:
    """The modification time of ``path``, or None (no path, or no such file)."""
    if not path:
        return None
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


class DraftFiles:
    """The folder of one draft's recovery files, written by the process that owns it (through its
    :class:`SerialWriter`, so the writes happen in the order they were asked for)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __repr__(self) -> str:
        return f"DraftFiles({self.folder})"

    @property
    def snapshot(self) -> Path:
        return self.folder / SNAPSHOT

    @property
    def journal(self) -> Path:
        return self.folder / JOURNAL

    def write_snapshot(self, data: bytes) -> None:
        """Replace the full autosave with ``data``, then empty the journal (its entries are in it)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.snapshot, data)
        try:
            os.truncate(self.journal, 0)
        except FileNotFoundError:
            pass
        except OSError as exc:  # the entries are older than the autosave's seq: replay skips them
            log.warning("cannot empty the journal %s: %s", self.journal, exc)

    def append(self, line: bytes) -> None:
        """Add ``line`` to the journal and flush it to disk; on failure the journal is cut back to
        what it was, so it never holds half an entry the app still runs with."""
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.journal, flags, 0o600)
        except OSError as exc:
            raise ExportError(f"cannot write {self.journal}: {exc.strerror or exc}") from None
        try:
            size = os.fstat(fd).st_size
            try:
                view = memoryview(line)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            except OSError as exc:
                with contextlib.suppress(OSError):  # as it was, if it can be
                    os.ftruncate(fd, size)
                raise ExportError(f"cannot write {self.journal}: {exc.strerror or exc}") from None
        finally:
            os.close(fd)

    def remove(self) -> None:
        """Remove the recovery files: the full autosave first (without it what is left is never
        offered), then the rest and the folder."""
        try:
            self.snapshot.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove %s: %s", self.snapshot, exc)
            return  # kept whole: offered again rather than half removed
        _remove_tree(self.folder)


def _remove_tree(folder: Path) -> None:
    """Remove ``folder`` and what it holds; what cannot be removed is logged and left."""
    if not folder.exists():
        return
    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=lambda _f, path, exc: log.warning("cannot remove %s: %s", path, exc))
    else:
        shutil.rmtree(
            folder, onerror=lambda _f, path, info: log.warning("cannot remove %s: %s", path, info[1])
        )


def _is_autosave(wrapper: Any) -> bool:
    """Whether ``wrapper`` (read from JSON) is a full autosave as :func:`snapshot_bytes` writes it."""
    return (
        isinstance(wrapper, dict)
        and wrapper.get("format") == FORMAT
        and isinstance(wrapper.get("draft"), dict)
        and isinstance(wrapper.get("seq"), int)
    )


def _autosave_seq(raw: bytes) -> int | None:
    """The sequence number of a whole full autosave, or None (cut short, damaged, not ours)."""
    try:
        wrapper = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return int(wrapper["seq"]) if _is_autosave(wrapper) else None


def finish_killed_autosave(folder: Path) -> bool:
    """A full autosave killed after its copy was complete but before the copy replaced the last
    one (or before the draft's first one was in place) left that copy as a temporary file
    (``atomic_write_bytes``): put the newest whole copy newer than the full autosave (a higher
    sequence number) in place — what the killed write was about to do — so the latest work is
    offered. The journal's entries up to that number are in the copy, so replaying them skips
    them. Cut-short copies are left for :meth:`RecoveryStore.claim` (or the next write) to
    remove. True if a copy was put in place."""
    snapshot = folder / SNAPSHOT
    try:
        current = _autosave_seq(snapshot.read_bytes())
    except OSError:
        current = None
    for leftover in leftovers(snapshot):  # of ended processes only, newest first
        try:
            seq = _autosave_seq(leftover.path.read_bytes())
        except OSError:
            continue
        if seq is None:
            log.info("leftover %s is not a whole autosave (cut short by a kill)", leftover.path)
            continue
        if current is not None and seq <= current:
            continue
        try:
            os.replace(leftover.path, snapshot)
        except OSError as exc:  # the last full autosave is offered instead (or another app did it)
            log.warning("cannot put the unfinished autosave %s in place: %s", leftover.path, exc)
            return False
        log.info("the autosave %s was killed before it finished; its whole copy was put in place", snapshot)
        return True
    return False


@dataclass
class Recovery:
    """Recovery files found on disk, read back: the draft as it was at its last change."""

    folder: Path
    #: The process that wrote them.
    pid: int
    #: The draft's own file ("" for a draft that was never saved).
    original: str = ""
    #: That file's modification time when the recovery files were begun (None: unknown, or no file).
    original_mtime: float | None = None
    #: The draft rebuilt from the full autosave and the journal, or None if it cannot be read.
    draft: Draft | None = None
    #: Why it cannot be read ("" if it can).
    error: str = ""
    #: When the full autosave was written, and when the newest change was made (unix times).
    saved: float = 0.0
    last_change: float = 0.0
    #: Journal entries applied, and entries read but left out (they made the draft invalid).
    applied: int = 0
    dropped: int = 0
    #: Why the journal was not read to its end ("" if it was); a kill mid-write leaves this.
    journal_problem: str = ""
    #: The newest sequence number in the files (the next change of the draft continues from it).
    last_seq: int = 0
    #: When the clerk declined it (None: not declined).
    declined_at: float | None = None

    @property
    def name(self) -> str:
        return self.folder.name

    def file_state(self) -> str:
        """``"new"`` (never saved), ``"missing"`` (its file was moved or deleted since),
        ``"changed"`` (its file was written since the recovery files were begun), or ``"same"``."""
        if not self.original:
            return "new"
        now = file_time(self.original)
        if now is None:
            return "missing"
        if self.original_mtime is not None and abs(now - self.original_mtime) > 1e-3:
            return "changed"
        return "same"


def read_recovery(folder: Path, pid: int = 0, declined_at: float | None = None) -> Recovery:
    """Read the recovery files in ``folder``: the full autosave with its journal replayed."""
    found = Recovery(folder=folder, pid=pid, declined_at=declined_at)
    snapshot = folder / SNAPSHOT
    try:
        raw = snapshot.read_bytes()
        found.saved = snapshot.stat().st_mtime
    except OSError as exc:
        found.error = f"{snapshot}: cannot read ({exc.strerror or exc})"
        return found
    try:
        wrapper = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        found.error = f"{snapshot}: damaged (not the JSON the app writes)"
        return found
    if not _is_autosave(wrapper):
        found.error = f"{snapshot}: not an autosave of this app"
        return found
    found.original = str(wrapper.get("original") or "")
    mtime = wrapper.get("original_mtime")
    found.original_mtime = float(mtime) if isinstance(mtime, int | float) else None
    saved = wrapper.get("saved")
    if isinstance(saved, int | float):
        found.saved = float(saved)
    try:
        journal = (folder / JOURNAL).read_bytes()
    except FileNotFoundError:
        journal = b""
    except OSError as exc:
        journal = b""
        found.journal_problem = f"cannot read the journal ({exc.strerror or exc})"
    read = read_journal(journal)
    found.journal_problem = found.journal_problem or read.problem
    try:
        replayed = replay(wrapper["draft"], wrapper["seq"], read.entries, str(snapshot))
    except MouDrafterError as exc:
        found.error = str(exc)
        return found
    found.draft = replayed.draft
    found.applied, found.dropped = replayed.applied, replayed.dropped
    found.last_change = max(found.saved, replayed.last_change)
    found.last_seq = max([wrapper["seq"], *(entry.seq for entry in read.entries)])
    return found


class RecoveryStore:
    """The autosave folder of one app process: the slots it writes, and the recoveries others
    left. ``alive(pid)`` says whether a process still runs (never signalling it)."""

    def __init__(self, folder: Path, alive: Callable[[int], bool], pid: int | None = None) -> None:
        self.folder = folder
        self.alive = alive
        self.pid = os.getpid() if pid is None else pid
        self._serial = 0

    @property
    def declined_folder(self) -> Path:
        return self.folder / DECLINED

    def new_slot(self) -> DraftFiles:
        """A folder name for this process's next draft (made when its first autosave is written)."""
        while True:
            self._serial += 1
            folder = self.folder / f"session-{self.pid}-{self._serial}"
            if not folder.exists():
                return DraftFiles(folder)

    def orphans(self) -> list[Recovery]:
        """The recoveries of processes that are no longer running, newest change first. Folders
        of such processes without a full autosave (a first autosave killed before its copy was
        whole) hold nothing to recover and are removed. A whole copy that a killed autosave left
        is put in place first (:func:`finish_killed_autosave`)."""
        found = []
        for folder, pid in self._slot_folders():
            if pid == self.pid or self.alive(pid):
                continue
            finish_killed_autosave(folder)
            if not (folder / SNAPSHOT).exists():
                log.info("removing %s: no autosave in it", folder)
                _remove_tree(folder)
                continue
            found.append(read_recovery(folder, pid))
        return sorted(found, key=lambda r: r.last_change, reverse=True)

    def declined(self, now: float | None = None) -> list[Recovery]:
        """The declined recoveries still kept, newest first; those kept longer than
        :data:`KEEP_DECLINED_DAYS` are removed."""
        now = time.time() if now is None else now
        found = []
        try:
            entries = sorted(self.declined_folder.iterdir())
        except OSError:
            return []
        for folder in entries:
            match = _DECLINED.match(folder.name)
            if not match or not folder.is_dir():
                continue
            declined_at = float(match["time"])
            if now - declined_at > KEEP_DECLINED_DAYS * 86400:
                log.info("removing %s: declined more than %d days ago", folder, KEEP_DECLINED_DAYS)
                _remove_tree(folder)
                continue
            found.append(read_recovery(folder, int(match["pid"]), declined_at))
        return sorted(found, key=lambda r: (r.declined_at or 0, r.last_change), reverse=True)

    def claim(self, recovery: Recovery) -> DraftFiles | None:
        """Take ``recovery``'s folder for this process (one rename): from now on it is this
        process's slot. None if another app took it first (or it is gone)."""
        slot = self.new_slot()
        try:
            os.rename(recovery.folder, slot.folder)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DraftFileError(f"cannot take over {recovery.folder}: {exc.strerror or exc}") from None
        remove_leftovers(slot.snapshot)  # what killed writes of the process that had it left
        recovery.folder = slot.folder
        recovery.pid = self.pid
        recovery.declined_at = None
        return slot

    def decline(self, slot: DraftFiles, now: float | None = None) -> Path:
        """Keep a claimed recovery aside (one rename into ``declined/``); where it went."""
        now = time.time() if now is None else now
        self.declined_folder.mkdir(parents=True, exist_ok=True)
        target = self.declined_folder / f"{int(now)}-{slot.folder.name}"
        try:
            os.rename(slot.folder, target)
        except OSError as exc:
            raise DraftFileError(f"cannot keep {slot.folder} aside: {exc.strerror or exc}") from None
        slot.folder = target
        return target

    def _slot_folders(self) -> list[tuple[Path, int]]:
        try:
            entries = sorted(self.folder.iterdir())
        except OSError:
            return []
        found = []
        for folder in entries:
            match = _SLOT.match(folder.name)
            if match and folder.is_dir():
                found.append((folder, int(match["pid"])))
        return found


def journal_line(seq: int, ops: list[tuple[str, Any]], when: float | None = None) -> bytes:
    """The journal line of change ``seq`` setting each path of ``ops`` to its JSON value."""
    return encode_entry(Entry(seq, time.time() if when is None else when, ops))


class SerialWriter:
    """Runs jobs one after another, in the order submitted, on a background thread (started when
    there is work, ended when there is none). A job's exception goes to ``on_error``."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self.on_error = on_error
        self._jobs: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="mou-drafter-autosave", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._thread = None
                    self._idle.notify_all()
                    return
                job = self._jobs.popleft()
            try:
                job()
            except BaseException as exc:  # noqa: BLE001 - reported, and the next job still runs
                try:
                    self.on_error(exc)
                except BaseException as report_exc:  # noqa: BLE001 - e.g. the window is gone
                    log.warning("%s (and it could not be reported: %s)", exc, report_exc)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every job submitted so far has run; False if ``timeout`` passed first."""
        with self._lock:
            return self._idle.wait_for(lambda: self._thread is None and not self._jobs, timeout)
