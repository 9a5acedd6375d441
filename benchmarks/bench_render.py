"""Render the same content three ways and compare: our engine, docxtpl, bare python-docx.

    python benchmarks/bench_render.py [--runs N] [--clock cpu] [--stages]

For the largest sample and for generated drafts (50 parties, 200 areas, 500 obligations, and
double that), trilingual side by side, in-process render + DOCX export to bytes. docxtpl is a
benchmark-only dependency (``pip install -e ".[bench]"``): what clerks would otherwise use, a Word
template with Jinja tags.

The machine is shared, so the three are timed in turn within each repeat (rotating who goes
first), and the figures are medians with their spread (lowest and highest of the repeats); a ratio
is the median of the per-repeat ratios, so a slow moment weighs on both sides of it. No garbage
collection is forced between runs: what the collector costs a render is part of its time, as it
is for a clerk. ``--clock cpu`` times the process's CPU time instead of the wall clock: less
disturbed by other programs on a busy machine. ``--stages`` also times the engine's two stages
(templates; DOCX body, export record and package) on each draft. Targets: engine at most 1.0x docxtpl on the
generated drafts; doubling the generated draft at most 2.05x the engine time.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
from drafts import generated, largest_sample  # noqa: E402

from mou_drafter.api import RenderOptions, render_to_bytes  # noqa: E402
from mou_drafter.model.draft import Draft  # noqa: E402

LANGS = ["vi", "lo", "en"]


def engine(draft: Draft) -> bytes:
    return render_to_bytes(draft, RenderOptions(layout="side-by-side", languages=LANGS))[""]


def engine_stages(draft: Draft, runs: int) -> dict[str, list[float]]:
    """Times (ms) of the engine's two stages, as :func:`mou_drafter.api.render_to_bytes` runs
    them (the collector paused): the templates (draft to document model) and the DOCX (body,
    export record and package)."""
    from mou_drafter import api
    from mou_drafter.render.docx import render_docx

    options = RenderOptions(layout="side-by-side", languages=LANGS)
    times: dict[str, list[float]] = {"templates": [], "docx": []}
    for _ in range(runs):
        with api._no_cycle_collection():
            start = clock()
            docs = api.render_documents(draft, options)
            middle = clock()
            render_docx(docs[""], options, carry=api._carried(draft, options, ""))
            end = clock()
        times["templates"].append((middle - start) * 1000)
        times["docx"].append((end - middle) * 1000)
    return times


def _rows(draft: Draft) -> list[tuple[str, str, str]]:
    """The clause rows a hand-made template would show: one (vi, lo, en) triple per clause."""
    rows = [tuple(p.name.get(lang) for lang in LANGS) for p in draft.parties]
    rows += [tuple(f"{a.title.get(lang)}: {a.description.get(lang)}" for lang in LANGS) for a in draft.areas]
    rows += [tuple(o.text.get(lang) for lang in LANGS) for o in draft.obligations]
    return rows


def _docxtpl_template() -> bytes:
    """A Word template with Jinja tags, as a clerk's IT colleague would make for docxtpl."""
    document = docx.Document()
    document.add_paragraph("{{ title_vi }}")
    document.add_paragraph("{{ title_lo }}")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "{%tr for row in rows %}"
    for i in range(3):
        table.cell(1, i).text = f"{{{{ row[{i}] }}}}"
    table.cell(2, 0).text = "{%tr endfor %}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_docxtpl(draft: Draft, template: bytes) -> bytes:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render({"title_vi": draft.title.vi, "title_lo": draft.title.lo, "rows": _rows(draft)})
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def bare_python_docx(draft: Draft) -> bytes:
    document = docx.Document()
    document.add_paragraph(draft.title.vi)
    document.add_paragraph(draft.title.lo)
    rows = _rows(draft)
    table = document.add_table(rows=0, cols=3)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCKS["wall"]


def timed(func: Callable[[], object]) -> float:
    start = clock()
    func()
    return (clock() - start) * 1000


def interleaved(funcs: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Times (ms) of each function, run in turn ``runs`` times after one warm-up each."""
    for func in funcs.values():
        func()  # warm-up: imports, template compilation, locale data
    times: dict[str, list[float]] = {name: [] for name in funcs}
    names = list(funcs)
    for run in range(runs):
        for name in names[run % len(names) :] + names[: run % len(names)]:
            times[name].append(timed(funcs[name]))
    return times


def spread(values: list[float], digits: int = 1) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    parser.add_argument(
        "--stages", action="store_true", help="also time the engine's stages (templates, DOCX) on each draft"
    )
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    try:
        import docxtpl  # noqa: F401 - only whether the bench extra is installed

        template: bytes | None = _docxtpl_template()
    except ImportError:
        template = None
        print("docxtpl not installed (pip install -e '.[bench]'): skipping its column")

    name, sample = largest_sample()
    cases = [
        (f"sample {name}", sample),
        ("generated 50/200/500", generated()),
        ("generated 100/400/1000", generated(100, 400, 1000)),
    ]
    engine_times: dict[str, list[float]] = {}
    print(
        f"{args.clock} clock; medians in ms (lowest-highest of the runs); ratios: median of the per-run ratios "
        "(lowest-highest)"
    )
    for label, draft in cases:
        runs = args.runs if label.startswith("sample") else max(5, args.runs // 2)
        funcs: dict[str, Callable[[], object]] = {
            "engine": lambda d=draft: engine(d),
            "python-docx": lambda d=draft: bare_python_docx(d),
        }
        if template is not None:
            funcs["docxtpl"] = lambda d=draft: with_docxtpl(d, template)
        times = interleaved(funcs, runs)
        engine_times[label] = times["engine"]
        print(f"{label} ({runs} runs)")
        for func_name, values in times.items():
            print(f"  {func_name:12} {spread(values)}")
        if template is not None:
            ratios = [a / b for a, b in zip(times["engine"], times["docxtpl"], strict=True)]
            print(f"  engine/docxtpl {spread(ratios, 2)}")
        if args.stages:
            for stage, values in engine_stages(draft, runs).items():
                print(f"  engine stage {stage:10} {spread(values)}")
    doubled, single = engine_times["generated 100/400/1000"], engine_times["generated 50/200/500"]
    growth = [a / b for a, b in zip(doubled, single, strict=False)]
    print(
        f"doubling the generated draft: engine x{statistics.median(doubled) / statistics.median(single):.2f} "
        f"(ratio of medians; per-run pairs {spread(growth, 2)}; target: at most 2.05)"
    )


if __name__ == "__main__":
    main()
