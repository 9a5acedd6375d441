"""``mou-drafter --self-test``: prove an installation (or a frozen bundle) works.

Renders every sample in every layout to a temporary folder, reopens each file, checks the Lao runs
carry the configured Lao font and language tag, checks the template library (every version found
and lint-clean), the Babel locale data for vi/lo/en, python-docx's default template and the
interface catalogues; prints a short report and returns 0 or 1. No Qt is needed.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path


def run_self_test(out=print) -> int:
    started = time.perf_counter()
    results: list[tuple[str, bool, str]] = []

    def check(name: str, func: Callable[[], str]) -> None:
        try:
            detail = func()
            results.append((name, True, detail))
        except Exception as exc:  # a self-test reports every failure, it never stops at the first
            results.append((name, False, f"{type(exc).__name__}: {exc}"))
            if os.environ.get("MOU_DRAFTER_DEBUG"):
                traceback.print_exc()

    def locale_data() -> str:
        import datetime as dt
        from decimal import Decimal

        from .templating.formatting import format_amount, format_date

        day = dt.date(2023, 11, 23)
        got = [
            format_date(day, "vi"),
            format_date(day, "lo"),
            format_date(day, "en"),
            format_amount(Decimal(585000000), "VND", "vi"),
        ]
        expected = ["ngày 23 tháng 11 năm 2023", "ວັນທີ 23 ພະຈິກ 2023", "23 November 2023", "585.000.000 đồng"]
        if got != expected:
            raise AssertionError(f"{got} != {expected}")
        return "vi, lo, en dates and amounts"

    def default_template() -> str:
        import docx

        docx.Document()
        return "python-docx default template loads"

    def templates() -> str:
        from .settings import template_library
        from .templating.lint import lint_path

        library = template_library()
        versions = library.versions()
        refs = {t.ref for t in versions}
        for kind in ("mou", "minutes"):
            library.newest(kind)  # new drafts of each kind need an approved version
        findings = [str(f) for t in versions for f in lint_path(t.folder)]
        if findings:
            raise AssertionError("; ".join(findings[:3]))
        return ", ".join(sorted(refs))

    def fonts() -> str:
        from .settings import load_settings

        f = load_settings().fonts
        if not f.latin or not f.lao:
            raise AssertionError("font settings are empty")
        return f"{f.latin} {f.latin_size} pt, {f.lao} {f.lao_size} pt"

    def catalogues() -> str:
        from .folders import LOCALE_DIR

        found = sorted(p.name for p in LOCALE_DIR.glob("*.[mp]o"))
        if not any(name.startswith("vi.") for name in found):
            raise AssertionError(f"no Vietnamese catalogue in {LOCALE_DIR}")
        return ", ".join(found)

    def samples() -> str:
        from .api import LAYOUTS, RenderOptions, render_to_path
        from .api import open_docx as reopen_draft
        from .folders import data_dir
        from .model.files import draft_to_json, load_draft
        from .render.inspect import lao_run_problems, open_docx, paragraph_texts
        from .settings import load_settings, template_library

        settings = load_settings()
        fonts, library = settings.fonts, template_library(settings)
        seeds = sorted(data_dir("seeds").glob("*.moud"))
        if not seeds:
            raise AssertionError(f"no samples in {data_dir('seeds')}")
        files = 0
        with tempfile.TemporaryDirectory() as tmp:
            for seed in seeds:
                draft = load_draft(seed)
                for layout in LAYOUTS:
                    options = RenderOptions(layout=layout, languages=("vi", "lo", "en"), fonts=fonts)
                    for path in render_to_path(
                        draft, Path(tmp) / f"{seed.stem}-{layout}.docx", options, library=library
                    ):
                        document = open_docx(path.read_bytes())
                        text = "\n".join(paragraph_texts(document)).lower()
                        lang = next((code for code in ("vi", "lo", "en") if f".{code}." in path.name), "vi")
                        name = draft.parties[-1].name.get(lang).lower()
                        if name not in text:
                            raise AssertionError(
                                f"{path.name}: the party name {name!r} is not in the document"
                            )
                        count, problems = lao_run_problems(document, fonts.lao)
                        if problems:
                            raise AssertionError(f"{path.name}: {problems[0]}")
                        if count == 0 and (".lo." in path.name or layout != "separate"):
                            raise AssertionError(f"{path.name} has no Lao text")
                        if draft_to_json(reopen_draft(path).draft) != draft_to_json(draft):
                            raise AssertionError(
                                f"{path.name}: the draft it carries is not the draft exported"
                            )
                        files += 1
        return f"{len(seeds)} samples, {files} files rendered and reopened, each carrying its draft"

    def word_breaks() -> str:
        from .words.icu import load_icu
        from .words.tokens import tokenize

        icu = load_icu()
        if icu is None:
            raise AssertionError("no ICU library found: Lao comparisons would go phrase by phrase")
        words = tokenize("ເພີ່ມທະວີການປະສານງານລາດຕະເວນຮ່ວມ", "lo")
        if "ລາດຕະເວນ" not in words:
            raise AssertionError(f"unexpected Lao words {words}")
        return f"Lao words from {Path(icu.origin).name}"

    check("locale data (Babel)", locale_data)
    check("ICU word breaks", word_breaks)
    check("python-docx template", default_template)
    check("template library", templates)
    check("font settings", fonts)
    check("interface catalogues", catalogues)
    check("samples in every layout", samples)
    for name, ok, detail in results:
        out(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
    failed = sum(1 for _n, ok, _d in results if not ok)
    out(
        f"self-test {'passed' if not failed else 'FAILED'} in {time.perf_counter() - started:.1f} s"
        f" ({len(results) - failed}/{len(results)} checks)"
    )
    return 1 if failed else 0
