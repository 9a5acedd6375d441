"""Slow work off the UI thread: a QRunnable per job, results back by queued signals, stale
results (an older generation than the latest request) dropped by the receiver."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..errors import MouDrafterError


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, generation: int, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.generation, self.func, self.relay = generation, func, relay

    def run(self) -> None:
        try:
            result = self.func()
        except MouDrafterError as exc:
            self.relay.failed.emit(self.generation, str(exc))
        except Exception as exc:  # shown to the user, never a crash of the UI thread
            self.relay.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
        else:
            self.relay.done.emit(self.generation, result)


class Worker(QObject):
    """Runs one kind of job; ``finished``/``failed`` fire only for the newest request.

    Signals:
        finished(object): the result of the newest job.
        failed(str): the error message of the newest job.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.pool = QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self.busy = False

    def submit(self, func: Callable[[], Any]) -> int:
        self.generation += 1
        self.busy = True
        self.pool.start(_Job(self.generation, func, self._relay))
        return self.generation

    def _on_done(self, generation: int, result: object) -> None:
        if generation == self.generation:
            self.busy = False
            self.finished.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.busy = False
            self.failed.emit(message)
