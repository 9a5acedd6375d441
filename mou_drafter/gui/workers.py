"""Slow work off the UI thread: a QRunnable per job, results back by queued signals that carry the
job's id, so a receiver connected once tells its jobs apart (no connecting per request)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..errors import MouDrafterError

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, job: int, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.job, self.func, self.relay = job, func, relay

    def run(self) -> None:
        try:
            result = self.func()
        except MouDrafterError as exc:
            self.relay.failed.emit(self.job, str(exc))
        except Exception as exc:  # shown to the user, never a crash of the UI thread; the details logged
            log.exception("internal error in a background job")
            self.relay.failed.emit(self.job, f"{type(exc).__name__}: {exc}")
        else:
            self.relay.done.emit(self.job, result)


class Worker(QObject):
    """Runs jobs of one kind in the thread pool; each :meth:`submit` returns the job's id.

    With ``latest_only`` (previews, comparisons) a result is reported only if no newer job was
    submitted since: older results are stale and dropped. Without it (exports) every job reports.

    Signals:
        finished(int, object): a job's id and its result.
        failed(int, str): a job's id and its error message.
    """

    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None, *, latest_only: bool = True) -> None:
        super().__init__(parent)
        self.latest_only = latest_only
        #: The id of the newest job (0 before the first).
        self.latest = 0
        #: The jobs submitted and not yet reported.
        self.pending: set[int] = set()
        self.pool = QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return bool(self.pending)

    def submit(self, func: Callable[[], Any]) -> int:
        self.latest += 1
        self.pending.add(self.latest)
        self.pool.start(_Job(self.latest, func, self._relay))
        return self.latest

    def _reports(self, job: int) -> bool:
        self.pending.discard(job)
        if self.latest_only and job != self.latest:
            return False
        if self.latest_only:
            self.pending.clear()
        return True

    def _on_done(self, job: int, result: object) -> None:
        if self._reports(job):
            self.finished.emit(job, result)

    def _on_failed(self, job: int, message: str) -> None:
        if self._reports(job):
            self.failed.emit(job, message)
