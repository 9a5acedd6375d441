"""From process start to the main window shown, as a clerk starts the app, beside a bare PySide6
``QMainWindow`` shown in a process of its own (the floor: Python, Qt's libraries, a window).

    python benchmarks/bench_startup.py [--runs N]

Starts ``python -m mou_drafter`` with MOU_DRAFTER_EXIT_AFTER_SHOW=1 and a script that shows a
bare window, on the offscreen platform unless a display is set. The app prints ``shown …`` once
its first frame is painted: the real main window, its menus and its start page complete (the
buttons, the recent drafts, the samples). Then it loads the rest (the controller, the editor
side, the settings validated, the recovery offer), prints ``loaded …`` and exits. The
two are started in turn within each repeat (the machine may be shared), timed from outside: from
starting the process to its ``shown`` line, to its ``loaded`` line, and to the process's end
(which adds the loading and Python's and Qt's tear-down).

Both run from compiled bytecode, as an installed app does (pip and the frozen bundle ship it):
``PYTHONDONTWRITEBYTECODE`` is dropped and the bytecode goes to a temporary
``PYTHONPYCACHEPREFIX``, written by one warm-up run of each. Prints the runs, then on its last line
both medians and the median of the per-repeat ratios. Target: at most 3x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def timed_ms(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Milliseconds from starting ``command`` to its ``shown`` line, to its ``loaded`` line (the
    app: the rest loaded after the first frame; the bare window has none: 0) and to its end."""
    start = time.perf_counter()
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        shown = loaded = 0.0
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("shown") and not shown:
                shown = (time.perf_counter() - start) * 1000
            elif line.startswith("loaded") and not loaded:
                loaded = (time.perf_counter() - start) * 1000
        errors = process.stderr.read()
        code = process.wait()
    ended = (time.perf_counter() - start) * 1000
    assert code == 0 and shown, "".join(lines) + errors
    return shown, loaded, ended


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ, MOU_DRAFTER_EXIT_AFTER_SHOW="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as home:
        env["MOU_DRAFTER_HOME"] = home
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "bytecode")
        commands = {"app": [sys.executable, "-m", "mou_drafter"], "bare": [sys.executable, "-c", BARE]}
        for command in commands.values():
            timed_ms(command, env)  # write the bytecode, warm the file cache
        shown: dict[str, list[float]] = {name: [] for name in commands}
        loaded: dict[str, list[float]] = {name: [] for name in commands}
        ended: dict[str, list[float]] = {name: [] for name in commands}
        names = list(commands)
        for run in range(args.runs):
            for name in names[run % 2 :] + names[: run % 2]:
                at, rest, end = timed_ms(commands[name], env)
                shown[name].append(at)
                loaded[name].append(rest)
                ended[name].append(end)
    for name in names:
        print(f"{name} shown (ms):", " ".join(f"{t:.0f}" for t in shown[name]))
        if any(loaded[name]):
            print(f"{name} loaded (ms):", " ".join(f"{t:.0f}" for t in loaded[name]))
        print(f"{name} ended (ms):", " ".join(f"{t:.0f}" for t in ended[name]))
    print(
        f"app: the rest loaded (controller, editor, settings validated, recovery offer) "
        f"{statistics.median(loaded['app']):.0f} ms after its start, "
        f"{statistics.median(a - b for a, b in zip(loaded['app'], shown['app'], strict=True)):.0f} ms "
        "after the first frame"
    )
    whole = [a / b for a, b in zip(ended["app"], ended["bare"], strict=True)]
    print(
        f"whole process (start to exit): app {statistics.median(ended['app']):.0f} ms, bare "
        f"{statistics.median(ended['bare']):.0f} ms, ratio {statistics.median(whole):.2f}"
    )
    ratios = [a / b for a, b in zip(shown["app"], shown["bare"], strict=True)]
    print(
        f"app shown {statistics.median(shown['app']):.0f} ms; bare PySide6 QMainWindow shown "
        f"{statistics.median(shown['bare']):.0f} ms; ratio {statistics.median(ratios):.2f} "
        f"({min(ratios):.2f}-{max(ratios):.2f}; target: at most 3)"
    )


if __name__ == "__main__":
    main()
