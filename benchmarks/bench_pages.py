"""The print preview on the largest sample: from "open the print preview" to the first page shown,
and what a page render costs the UI thread.

    python benchmarks/bench_pages.py [--keys N]

1. Open the print preview (a LibreOffice profile made on first use) and time until the pages are
   shown; then again after an edit (the profile is there) — what a clerk waits for.
2. UI-thread stalls while a render runs: the longest gaps between ticks of a 5 ms timer, and how
   many gaps fell in each range (over the first render and the one after an edit).
3. Keystroke latency without a page render (the live preview tab shown), for comparison; then
   with page renders running: a character typed into a field every 60 ms while the print
   preview is open, with the pause before a new render set to 0, so every keystroke
   cancels a running render and starts the next (the worst case: a render always runs). Each
   keystroke is timed from its key event to the end of its processing on the UI thread.
Target: keystrokes under 16 ms (one frame at 60 Hz). Needs LibreOffice and poppler-utils.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MOU_DRAFTER_HOME", tempfile.mkdtemp())
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from qt_wait import wait_for  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60, help="keystrokes typed while renders run")
    parser.add_argument(
        "--switch-ms",
        type=float,
        default=0,
        help="Python's thread switch interval in ms (default: Python's own, 5 ms), to compare",
    )
    args = parser.parse_args()
    if args.switch_ms:
        sys.setswitchinterval(args.switch_ms / 1000)
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mou_drafter.api import missing_page_tools
    from mou_drafter.gui.i18n import set_language
    from mou_drafter.gui.main_window import MainWindow

    if missing_page_tools():
        sys.exit(f"needs {', '.join(missing_page_tools())}")
    app = QApplication.instance() or QApplication(sys.argv)
    set_language("vi")
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    sample = max((ROOT / "seeds").glob("*.moud"), key=lambda p: p.stat().st_size)
    window.controller.open_sample(sample)
    # garbage collection as in the app once loaded (gui/app.py): what was loaded frozen, cycles
    # collected on the UI thread only
    import gc

    from mou_drafter.gui.collector import UiThreadCollector

    gc.collect()
    gc.freeze()
    collector = UiThreadCollector(app)
    pane = window.preview_pane
    renderer = window.page_renderer
    # the live preview of the sample first (its first layout, with the fonts loaded, is the
    # live preview's cost, not the print preview's)
    wait_for(app, pane.worker.finished, timeout_ms=30000)

    def wait_pages() -> float:
        """Seconds until the pages are shown."""
        return wait_for(app, renderer.ready, renderer.failed, timeout_ms=120000)

    # 1. time to the first page, and the longest UI stall while it renders
    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer(interval=5)

    def tick() -> None:
        gaps.append(clock.restart())

    ticker.timeout.connect(tick)
    clock.start()
    ticker.start()
    started = time.perf_counter()
    window.show_pages()
    wait_pages()
    cold = time.perf_counter() - started
    ticker.stop()
    pages = pane.page_view.page_count
    doc = window.controller.doc
    path = "minutes.results[0].vi" if doc.draft.kind == "minutes" else "areas[0].description.vi"
    doc.set_value(path, doc.get(path) + " x")
    clock.restart()
    ticker.start()
    started = time.perf_counter()
    pane.update_pages()  # what the pause after an edit calls
    warm = wait_pages()
    ticker.stop()
    stalls = sorted(gaps)[-3:]
    ranges = ((0, 10), (10, 16), (16, 33), (33, 100), (100, 10**6))
    histogram = [sum(lo <= g < hi for g in gaps) for lo, hi in ranges]
    cached = time.perf_counter()
    doc.undo_stack.undo()
    pane.update_pages()  # undone: the pages of before, from the cache
    app.processEvents()
    cached = time.perf_counter() - cached

    # 3. keystrokes while renders run
    pane.pages_timer.setInterval(0)
    field = window.editor.registry[
        "minutes.conference.title.vi" if doc.draft.kind == "minutes" else "title.vi"
    ]
    window.focus_path(field.objectName())
    app.processEvents()

    def type_keys(count: int) -> tuple[list[float], list[bool]]:
        typed: list[float] = []
        running: list[bool] = []
        for index in range(count):
            ch = "abcdefghij"[index % 10]
            start = time.perf_counter()
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, field, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
            app.processEvents()
            typed.append((time.perf_counter() - start) * 1000)
            running.append(renderer.busy)
            wait_for(app, timeout_ms=60)
        return typed, running

    # the same typing with the live preview shown (no page render): what typing costs anyway
    pane.tabs.setCurrentIndex(0)
    baseline, _idle = type_keys(args.keys)
    pane.tabs.setCurrentWidget(pane.page_view)
    typed, running = type_keys(args.keys)
    renderer.cancel()
    renderer.wait()
    busy = [t for t, r in zip(typed, running, strict=True) if r]
    print(
        f"sample: {sample.name}, {pages} pages, layout side by side, vi+lo; "
        f"thread switch interval {sys.getswitchinterval() * 1000:g} ms; "
        f"garbage collected on the UI thread ({collector.thresholds})"
    )
    print(
        f"open print preview to first page shown: {cold:.2f} s (first render of the session); "
        f"after an edit: {warm:.2f} s; undo back to cached pages: {cached * 1000:.0f} ms"
    )
    print(
        f"UI-thread stalls while rendering: longest gaps of a 5 ms timer {', '.join(f'{g} ms' for g in stalls)}"
    )
    print(
        "gaps of the 5 ms timer over both renders: "
        + ", ".join(
            f"{lo}-{hi} ms: {n}" if hi < 10**6 else f"{lo}+ ms: {n}"
            for (lo, hi), n in zip(ranges, histogram, strict=True)
        )
    )
    print(
        f"keystroke latency without a page render (live preview shown): median {statistics.median(baseline):.1f} ms, "
        f"95th percentile {sorted(baseline)[int(len(baseline) * 0.95) - 1]:.1f} ms, max {max(baseline):.1f} ms"
    )
    print(
        f"keystroke latency with renders running ({len(busy)} of {len(typed)} keystrokes during a render): "
        f"median {statistics.median(busy or typed):.1f} ms, 95th percentile "
        f"{sorted(busy or typed)[int(len(busy or typed) * 0.95) - 1]:.1f} ms, max {max(busy or typed):.1f} ms"
    )


if __name__ == "__main__":
    main()
