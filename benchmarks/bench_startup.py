"""From process start to the main window shown, as a clerk starts the app.

    python benchmarks/bench_startup.py [--runs N]

Starts ``python -m mou_drafter`` with MOU_DRAFTER_EXIT_AFTER_SHOW=1 (the app exits once its
window is shown) on the offscreen platform unless a display is set, and prints the median in ms
on its last line. Target: under 1500 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, MOU_DRAFTER_EXIT_AFTER_SHOW="1")
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as home:
        env["MOU_DRAFTER_HOME"] = home
        subprocess.run([sys.executable, "-m", "mou_drafter"], env=env, capture_output=True, check=True)  # warm
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "mou_drafter"], env=env, capture_output=True, text=True,
                                    check=True)
            times.append((time.perf_counter() - start) * 1000)
            assert "shown" in result.stdout, result.stdout + result.stderr
    print("runs (ms):", " ".join(f"{t:.0f}" for t in times))
    print(f"median start-up to window shown: {statistics.median(times):.0f} ms")


if __name__ == "__main__":
    main()
