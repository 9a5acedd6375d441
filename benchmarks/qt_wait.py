"""Waiting in the benchmarks that drive the app: the event loop runs until a signal fires."""

from __future__ import annotations

import time
from typing import Any


def wait_for(app: Any, *signals: Any, timeout_ms: int = 10000) -> float:
    """Run the event loop until one of ``signals`` fires (or ``timeout_ms`` passes; with no
    signal, for ``timeout_ms``), then the events it left; the seconds waited."""
    from PySide6.QtCore import QEventLoop, QTimer

    started = time.perf_counter()
    loop = QEventLoop()
    for signal in signals:
        signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    for signal in signals:
        signal.disconnect(loop.quit)
    app.processEvents()
    return time.perf_counter() - started
