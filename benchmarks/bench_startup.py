"""From process start to the main window shown, as a clerk starts the app, beside a bare PySide6
``QMainWindow`` shown in a process of its own (the floor: Python, Qt's libraries, a window).

    python benchmarks/bench_startup.py [--runs N]

Starts ``python -m mou_drafter`` with MOU_DRAFTER_EXIT_AFTER_SHOW=1 (the app exits once its
window is shown and the events of showing it are processed) and a script that does the same with
a bare window, on the offscreen platform unless a display is set. The two are started in turn
within each repeat (the machine may be shared), whole processes timed from outside. Prints the
runs, then on its last line both medians and the median of the per-repeat ratios.
Target: at most 3x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "window = QMainWindow()\n"
    "window.resize(1200, 800)\n"
    "window.show()\n"
    "app.processEvents()\n"
    "print('shown', flush=True)\n"
)


def timed_ms(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    elapsed = (time.perf_counter() - start) * 1000
    assert "shown" in result.stdout, result.stdout + result.stderr
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ, MOU_DRAFTER_EXIT_AFTER_SHOW="1")
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as home:
        env["MOU_DRAFTER_HOME"] = home
        commands = {"app": [sys.executable, "-m", "mou_drafter"], "bare": [sys.executable, "-c", BARE]}
        for command in commands.values():
            timed_ms(command, env)  # warm the file cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        names = list(commands)
        for run in range(args.runs):
            for name in names[run % 2 :] + names[: run % 2]:
                times[name].append(timed_ms(commands[name], env))
    for name, values in times.items():
        print(f"{name} runs (ms):", " ".join(f"{t:.0f}" for t in values))
    ratios = [a / b for a, b in zip(times["app"], times["bare"], strict=True)]
    print(
        f"app shown {statistics.median(times['app']):.0f} ms; bare PySide6 QMainWindow shown "
        f"{statistics.median(times['bare']):.0f} ms; ratio {statistics.median(ratios):.2f} "
        f"({min(ratios):.2f}-{max(ratios):.2f}; target: at most 3)"
    )


if __name__ == "__main__":
    main()
