"""Whole-process time of ``mou-drafter render SAMPLE -o x.docx`` against a baseline script that
only imports python-docx, Jinja2, Babel and pydantic and saves a one-line DOCX.

    python benchmarks/bench_cli.py [--runs N]

Target: the CLI within 3x of the baseline (start-up imports kept lean).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = (
    "import docx, jinja2, babel.numbers, babel.dates, pydantic, sys\n"
    "d = docx.Document(); d.add_paragraph('Biên bản ghi nhớ'); d.save(sys.argv[1])\n"
)


def median_s(command: list[str], runs: int) -> float:
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    sample = max((ROOT / "seeds").glob("*.moud"), key=lambda p: p.stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.docx"
        cli = median_s([sys.executable, "-m", "mou_drafter", "render", str(sample), "-o", str(out)], args.runs)
        base = median_s([sys.executable, "-c", BASELINE, str(Path(tmp) / "b.docx")], args.runs)
    print(f"baseline (imports + one-line DOCX): {base * 1000:.0f} ms")
    print(f"mou-drafter render {sample.name}: {cli * 1000:.0f} ms")
    print(f"ratio {cli / base:.2f} (target: at most 3)")


if __name__ == "__main__":
    main()
