"""Whole-process time of ``mou-drafter render SAMPLE -o x.docx`` against a baseline script that
only imports python-docx, Jinja2, Babel and pydantic and saves a one-line DOCX.

    python benchmarks/bench_cli.py [--runs N]

The two are started in turn within each repeat (the machine may be shared); prints both medians
and the median of the per-repeat ratios. Target: the CLI at most 2.0x the baseline (lazy imports,
no settings or manifest scans on the render path, compiled templates cached).

Both run from compiled bytecode, as an installed app does (pip and the frozen bundle ship it), and
with their own empty user folders (``MOU_DRAFTER_HOME``), filled by the warm-up run as a clerk's are
after the first render: ``PYTHONDONTWRITEBYTECODE`` is dropped and the bytecode goes to a temporary
``PYTHONPYCACHEPREFIX``, written by one warm-up run of each (as in ``bench_startup.py``).
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

ROOT = Path(__file__).resolve().parent.parent
BASELINE = (
    "import docx, jinja2, babel.numbers, babel.dates, pydantic, sys\n"
    "d = docx.Document(); d.add_paragraph('Biên bản ghi nhớ'); d.save(sys.argv[1])\n"
)


def timed_s(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    sample = max((ROOT / "seeds").glob("*.moud"), key=lambda p: p.stat().st_size)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        env["MOU_DRAFTER_HOME"] = str(Path(tmp) / "home")
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "bytecode")
        out = Path(tmp) / "x.docx"
        commands = {
            "cli": [sys.executable, "-m", "mou_drafter", "render", str(sample), "-o", str(out)],
            "base": [sys.executable, "-c", BASELINE, str(Path(tmp) / "b.docx")],
        }
        for command in commands.values():
            timed_s(command, env)  # write the bytecode and the caches, warm the file cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs):
            for name in ["cli", "base"] if run % 2 == 0 else ["base", "cli"]:
                times[name].append(timed_s(commands[name], env))
    cli, base = statistics.median(times["cli"]), statistics.median(times["base"])
    ratios = [a / b for a, b in zip(times["cli"], times["base"], strict=True)]
    print(f"baseline (imports + one-line DOCX): {base * 1000:.0f} ms")
    print(f"mou-drafter render {sample.name}: {cli * 1000:.0f} ms")
    print(f"ratio {statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f}; target: at most 2.0)")


if __name__ == "__main__":
    main()
