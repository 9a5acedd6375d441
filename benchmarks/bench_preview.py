"""From an edit to the updated preview on the largest sample, and the cost of one keystroke on
the UI thread.

    python benchmarks/bench_preview.py [--runs N]

The preview waits for a debounce (PREVIEW_DELAY_MS) after the last keystroke, then renders off
the UI thread; this prints the work after the debounce (the snapshot of the draft, the render in
the worker, the new HTML shown in the preview — typing changes the paragraph in place — laid out
and painted; and, apart, when the whole document is set again), the UI-thread time of one edit
(model update, undo command, field refresh, journal) and the checks that run after their own
debounce (VALIDATION_DELAY_MS: validation, language checks, the template's checks, the checks
panel and the field marks) — everything the app does after one keystroke, apart from the
autosave journal's write on its own thread. Target: edit to preview under 30 ms of work; typing
never blocks. On a busy machine the CPU time of the process (all its threads) says the work
better than the wall clock.
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
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from mou_drafter.gui.main_window import MainWindow
    from mou_drafter.gui.preview import PREVIEW_DELAY_MS

    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sample = max((ROOT / "seeds").glob("*.moud"), key=lambda p: p.stat().st_size)
    window.controller.open_sample(sample)
    doc = window.controller.doc
    pane = window.preview_pane
    path = "minutes.results[0].vi" if doc.draft.kind == "minutes" else "areas[0].description.vi"

    def wait_preview() -> None:
        wait_for(app, pane.worker.finished)

    pane.update_preview()
    wait_preview()
    controller = window.controller
    edit_ms, preview_ms, preview_cpu_ms, checks_cpu_ms, total_cpu_ms = [], [], [], [], []
    whole_cpu_ms = []
    for run in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        doc.set_value(path, doc.get(path) + "x")
        app.processEvents()
        edit_ms.append((time.perf_counter() - start) * 1000)
        edit_cpu = time.process_time() - start_cpu
        pane.timer.stop()
        controller.validation_timer.stop()
        start, start_cpu = time.perf_counter(), time.process_time()
        pane.update_preview()  # what the debounce timer calls
        wait_preview()
        preview_ms.append((time.perf_counter() - start) * 1000)
        preview_cpu = time.process_time() - start_cpu
        preview_cpu_ms.append(preview_cpu * 1000)
        start_cpu = time.process_time()
        controller.update_validation()  # what the checks' debounce timer calls
        app.processEvents()
        checks_cpu = time.process_time() - start_cpu
        checks_cpu_ms.append(checks_cpu * 1000)
        total_cpu_ms.append((edit_cpu + preview_cpu + checks_cpu) * 1000)
        if run % 4 == 3:  # the same, with the whole document set again (an edit that adds a paragraph)
            doc.set_value(path, doc.get(path) + "x")
            app.processEvents()
            pane.timer.stop()
            controller.validation_timer.stop()
            pane.shown = None
            start_cpu = time.process_time()
            pane.update_preview()
            wait_preview()
            whole_cpu_ms.append((time.process_time() - start_cpu) * 1000)
    print(f"sample: {sample.name}; debounce {PREVIEW_DELAY_MS} ms")
    print(
        f"one keystroke on the UI thread: median {statistics.median(edit_ms):.1f} ms, max {max(edit_ms):.1f} ms"
    )
    print(
        f"edit to updated preview after the debounce: median {statistics.median(preview_ms):.0f} ms "
        f"(CPU time of the process, all threads: {statistics.median(preview_cpu_ms):.0f} ms)"
    )
    print(
        "the same when the whole document is set again (an edit that changes more than the text of "
        f"paragraphs): CPU median {statistics.median(whole_cpu_ms):.0f} ms"
    )
    print(
        f"the checks after their debounce: CPU median {statistics.median(checks_cpu_ms):.1f} ms; "
        f"keystroke + preview + checks, CPU: median {statistics.median(total_cpu_ms):.0f} ms"
    )


if __name__ == "__main__":
    main()
