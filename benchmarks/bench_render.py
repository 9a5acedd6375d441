"""Render the same content three ways and compare: our engine, docxtpl, bare python-docx.

    python benchmarks/bench_render.py [--runs N]

For the largest sample and for generated drafts (50 parties, 200 areas, 500 obligations, and
double that), trilingual side by side, in-process render + DOCX export to bytes. Prints medians
in ms and the ratios the project's targets are stated in. docxtpl is a benchmark-only dependency
(``pip install -e ".[bench]"``): what clerks would otherwise use, a Word template with Jinja tags.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docx  # noqa: E402
from drafts import generated, largest_sample  # noqa: E402

from mou_drafter.api import RenderOptions, render_to_bytes  # noqa: E402
from mou_drafter.model.draft import Draft  # noqa: E402

LANGS = ["vi", "lo", "en"]


def median_ms(func, runs: int) -> float:
    func()  # warm-up: imports, template compilation, locale data
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def engine(draft: Draft) -> bytes:
    return render_to_bytes(draft, RenderOptions(layout="side-by-side", languages=LANGS))[""]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    try:
        import docxtpl  # noqa: F401 - only whether the bench extra is installed

        template = _docxtpl_template()
    except ImportError:
        template = None
        print("docxtpl not installed (pip install -e '.[bench]'): skipping its column")

    name, sample = largest_sample()
    cases = [(f"sample {name}", sample), ("generated 50/200/500", generated()),
             ("generated 100/400/1000", generated(100, 400, 1000))]
    results = {}
    print(f"{'case':38} {'engine':>9} {'docxtpl':>9} {'python-docx':>12}  engine/docx  engine/docxtpl")
    for label, draft in cases:
        runs = args.runs if "sample" in label else max(5, args.runs // 3)
        ours = median_ms(lambda d=draft: engine(d), runs)
        tpl = median_ms(lambda d=draft: with_docxtpl(d, template), runs) if template else float("nan")
        bare = median_ms(lambda d=draft: bare_python_docx(d), runs)
        results[label] = ours
        print(f"{label:38} {ours:9.1f} {tpl:9.1f} {bare:12.1f}  {ours / bare:11.2f}  {ours / tpl:14.2f}")
    growth = results["generated 100/400/1000"] / results["generated 50/200/500"]
    print(f"doubling the generated draft multiplies the engine time by {growth:.2f} (target: at most 2)")


if __name__ == "__main__":
    main()
