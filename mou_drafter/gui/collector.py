"""Python's cyclic garbage collection, on the UI thread only.

Python collects reference cycles in whichever thread allocates when a generation passes its
threshold. Previews, page renders and exports run Python in worker threads, so that is often a
worker. A cycle holding a Qt object that Python owns (a controller without a parent and the
lambdas connected to its signals, say) is then destroyed in that worker; Qt objects must be
destroyed in their own thread, and a timer destroyed elsewhere stays in the UI thread's list of
timers: when it would next fire, the app crashes (seen in the GUI tests: a segmentation fault in
``QTimerInfoList::activateTimers`` right after a draft was opened again).

:class:`UiThreadCollector` switches automatic collection off and checks the generations'
thresholds a few times a second on the UI thread, collecting as Python would: the youngest
generation often, the oldest rarely (at most every :data:`FULL_EVERY_S` seconds, standing in for
Python's own rule that a full collection waits until a quarter of the heap is new). The recipe is
the one PyQt and PySide projects use for this crash.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

#: How often the thresholds are looked at (ms).
INTERVAL_MS = 200
#: The least time between two full collections (s).
FULL_EVERY_S = 10.0


class UiThreadCollector(QObject):
    """While it lives, garbage cycles are collected on the thread that made it (the UI thread),
    by its timer; :meth:`stop` (or its deletion) gives collection back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.last_full = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()
        self.destroyed.connect(_enable)

    def check(self) -> int:
        """Collect the oldest generation past its threshold, as Python would; what was found."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                if generation == 2:
                    if time.monotonic() - self.last_full < FULL_EVERY_S:
                        continue
                    self.last_full = time.monotonic()
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Collect what is left here, then let Python collect again by itself."""
        self.timer.stop()
        gc.collect()
        gc.enable()


def _enable() -> None:
    gc.enable()
