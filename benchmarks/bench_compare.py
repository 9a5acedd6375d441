"""Comparing mou 1.0 with 1.1 for all three languages with a sample draft, in-process.

    python benchmarks/bench_compare.py [--runs N]

Target: under 300 ms for the three languages.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from mou_drafter.compare.sources import compare_versions
from mou_drafter.model.files import load_draft

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")

    def run() -> None:
        for lang in ("vi", "lo", "en"):
            compare_versions("mou@1.0", "mou@1.1", lang, draft)

    start = time.perf_counter()
    run()
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    print(f"first run (ICU and templates loading): {first:.0f} ms")
    print(f"median compare mou@1.0 -> mou@1.1, vi+lo+en, with a draft: {statistics.median(times):.0f} ms")


if __name__ == "__main__":
    main()
