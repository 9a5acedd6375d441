"""Documents that travel (issue 14): what importing an exported DOCX, carrying the draft in it and
making a PDF cost.

    python benchmarks/bench_travel.py [--runs N] [--pdf-runs N]

For the largest sample and a generated large draft (50 parties, 200 areas, 500 obligations),
trilingual side by side:

* DOCX export with and without the export record (the draft and the clause bookmarks);
* import: the draft back from the file (``open_docx``), the check that nothing was changed in Word
  (``docx_edits`` on the file as exported: fingerprint only) and the report of one word changed
  (``docx_edits`` with the traced rendering that sorts the change);
* PDF through LibreOffice (one start of ``soffice`` per export), one file and three originals.

Prints medians in ms (PDF in s). Run by hand; no targets are asserted.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drafts import generated, largest_sample  # noqa: E402

from mou_drafter import api  # noqa: E402
from mou_drafter.api import RenderOptions, render_to_bytes  # noqa: E402
from mou_drafter.render.docx import render_docx  # noqa: E402

OPTIONS = RenderOptions(languages=("vi", "lo", "en"))


def median(func, runs: int) -> float:
    func()  # warm-up: imports, templates, ICU
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def one_word_changed(data: bytes, old: str, new: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(old.encode(), new.encode(), 1)
            target.writestr(info, content)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--pdf-runs", type=int, default=3)
    args = parser.parse_args()
    name, sample = largest_sample()
    drafts = [(name, sample), ("generated 50 parties, 200 areas, 500 obligations", generated())]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, draft in drafts:
            print(f"== {label}")
            document = api.render_document(draft, OPTIONS)
            carry = api._carried(draft, OPTIONS, "")
            plain = median(lambda document=document: render_docx(document, OPTIONS), args.runs)
            carried = median(
                lambda document=document, carry=carry: render_docx(document, OPTIONS, carry=carry), args.runs
            )
            data = render_to_bytes(draft, OPTIONS)[""]
            print(
                f"DOCX writing (document model to file): {carried * 1000:.0f} ms with the export record, "
                f"{plain * 1000:.0f} ms without; file {len(data) // 1024} KB"
            )
            path = folder / "exported.docx"
            path.write_bytes(data)
            restore = median(lambda path=path: api.open_docx(path), args.runs)
            unchanged = median(lambda path=path: api.docx_edits(api.open_docx(path)), args.runs)
            word = "Glei" if "Glei" in draft.parties[0].name.vi else draft.parties[0].name.vi.split()[-1]
            edited = folder / "edited.docx"
            edited.write_bytes(one_word_changed(data, word, word + "x"))
            changed = median(lambda edited=edited: api.docx_edits(api.open_docx(edited)), args.runs)
            report = api.docx_edits(api.open_docx(edited))
            print(
                f"import: draft restored {restore * 1000:.1f} ms; checked unchanged {unchanged * 1000:.1f} ms; "
                f"one word changed, reported and sorted {changed * 1000:.0f} ms "
                f"({len(report.changes())} change(s), kinds {sorted({c.kind for c in report.changes()})})"
            )
        if api.pdf_converter_name() is None:
            print("PDF: no converter (LibreOffice or Word) found")
            return
        print(f"== PDF through {api.pdf_converter_name()}, {name}")
        one = median(lambda: render_to_bytes(sample, OPTIONS, fmt="pdf"), args.pdf_runs)
        three = median(
            lambda: render_to_bytes(sample, RenderOptions(originals="alternat", pdf_a=True), fmt="pdf"),
            args.pdf_runs,
        )
        print(
            f"PDF export: one file {one:.1f} s; three originals as PDF/A-2b in one conversion {three:.1f} s"
        )


if __name__ == "__main__":
    main()
