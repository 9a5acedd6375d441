"""Validation time in-process, language checks included: the largest sample and a draft of 100
parties and 2,000 obligations whose texts name parties, use terms of the list and carry numbers.

    python benchmarks/bench_validation.py [--runs N]
    python benchmarks/bench_validation.py --gui      # the app's checks panel after a keystroke

Targets: the largest sample under 50 ms, the large draft under 500 ms. Printed: the first run in
a fresh process (regular expressions of the term list and the names compiled, every text
checked) and the median of the runs after it (what the app pays after an edit: findings of
unchanged texts are cached by value). CPU time of this process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.drafts import largest_sample
from mou_drafter.api import record_all, term_list, validate_draft
from mou_drafter.model.draft import Draft


def _t(vi: str, lo: str, en: str) -> dict[str, str]:
    return {"vi": vi, "lo": lo, "en": en}


def large_draft(parties: int = 100, obligations: int = 2000) -> Draft:
    """Parties with names in three languages; obligations naming another party, with a term of the
    list and a figure, as a clerk's text does."""
    lao_digits = str.maketrans("0123456789", "໐໑໒໓໔໕໖໗໘໙")
    people = [
        _t(f"Nguyễn Văn {chr(65 + i % 26)}{i}", f"ຫງວຽນ ວັນ {i}", f"Nguyen Van {chr(65 + i % 26)}{i}")
        for i in range(parties)
    ]
    draft = Draft.model_validate(
        {
            "kind": "mou",
            "schema_version": 4,
            "languages": ["vi", "lo", "en"],
            "title": _t(
                "Về hợp tác giữa các huyện biên giới giai đoạn 2024 - 2028",
                "ວ່າດ້ວຍການຮ່ວມມືລະຫວ່າງເມືອງຊາຍແດນ ໄລຍະ 2024 - 2028",
                "on cooperation between border districts for the period 2024 - 2028",
            ),
            "parties": [
                {
                    "id": f"p{i}",
                    "country": "VN" if i % 2 else "LA",
                    "name": _t(f"huyện Biên Giới {i}", f"ເມືອງຊາຍແດນ {i}", f"Border District {i}"),
                    "short_name": _t(f"huyện Biên Giới {i}", f"ເມືອງຊາຍແດນ {i}", f"Border District {i}"),
                    "locality": _t(f"tỉnh Miền Núi {i}", f"ແຂວງພູດອຍ {i}", f"Highland Province {i}"),
                    "representative": {
                        "name": people[i],
                        "title": _t(
                            f"Chủ tịch Ủy ban nhân dân huyện Biên Giới {i}",
                            f"ປະທານຄະນະກຳມະການປະຊາຊົນເມືອງຊາຍແດນ {i}",
                            f"Chairman of the People's Committee of Border District {i}",
                        ),
                    },
                }
                for i in range(parties)
            ],
            "period": {"start": dt.date(2024, 1, 1), "end": dt.date(2028, 12, 31)},
            "signing": {"place": _t("Đăk Glei", "ເມືອງດັກເກລີ", "Dak Glei"), "date": dt.date(2023, 11, 23)},
            "areas": [
                {
                    "id": "a1",
                    "title": _t(
                        "Quốc phòng, an ninh biên giới",
                        "ປ້ອງກັນຊາດ-ປ້ອງກັນຄວາມສະຫງົບຊາຍແດນ",
                        "Defence and border security",
                    ),
                }
            ],
            "obligations": [
                {
                    "party": f"p{i % parties}",
                    "text": _t(
                        f"Phối hợp tuần tra chung với huyện Biên Giới {(i + 1) % parties} trên tuyến biên giới chung, "
                        f"{i % 12 + 1} lượt trong năm {2024 + i % 5} (nhiệm vụ {i + 1})",
                        f"ປະສານງານລາດຕະເວນຮ່ວມກັບເມືອງຊາຍແດນ {(i + 1) % parties} ຕາມເສັ້ນຊາຍແດນຮ່ວມ, "
                        f"{str(i % 12 + 1).translate(lao_digits)} ຄັ້ງ ໃນປີ {2024 + i % 5} (ໜ້າທີ່ {i + 1})",
                        f"Coordinate joint patrols with Border District {(i + 1) % parties} along the shared borderline, "
                        f"{i % 12 + 1} times in {2024 + i % 5} (task {i + 1})",
                    ),
                }
                for i in range(obligations)
            ],
        }
    )
    record_all(draft)
    return draft


def median_ms(draft: Draft, runs: int) -> tuple[float, float, int]:
    """First run and median of the next ``runs``, in ms of this process's CPU time (the machine
    may be shared: wall time would count other processes)."""
    terms = term_list()
    start = time.process_time()
    issues = validate_draft(draft, terms=terms)
    first = time.process_time() - start
    times = []
    for _ in range(runs):
        start = time.process_time()
        validate_draft(draft, terms=terms)
        times.append(time.process_time() - start)
    return first * 1000, statistics.median(times) * 1000, len(issues)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--gui", action="store_true", help="also the checks panel in the app after a keystroke"
    )
    args = parser.parse_args()
    name, sample = largest_sample()
    first, median, count = median_ms(sample, args.runs)
    print(
        f"largest sample {name}: {median:.1f} ms (first run {first:.1f} ms; {count} findings; target < 50 ms)"
    )
    big = large_draft()
    first, median, count = median_ms(big, max(3, args.runs // 3))
    texts = 1 + len(big.parties) * 6 + len(big.obligations) + 3
    print(
        f"100 parties, 2,000 obligations ({texts} texts × 3 languages): {median:.0f} ms "
        f"(first run {first:.0f} ms; {count} findings; target < 500 ms)"
    )


if __name__ == "__main__" and "--gui" not in sys.argv:
    main()


def gui(runs: int, obligations: int) -> None:
    """The checks after a keystroke, in the app (offscreen, on the UI thread): the controller's
    validation, the checks panel and the section editor's marks."""
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MOU_DRAFTER_HOME", tempfile.mkdtemp())
    from PySide6.QtWidgets import QApplication

    from mou_drafter.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    drafts = (
        ("largest sample", largest_sample()[1]),
        (f"100 parties, {obligations:,} obligations", large_draft(obligations=obligations)),
    )
    for label, draft in drafts:
        window = MainWindow()
        controller = window.controller
        start = time.perf_counter()
        controller.open_draft(draft)
        opened = time.perf_counter() - start
        times = []
        for i in range(runs):
            controller.doc.set_value(
                "parties[0].short_name.vi", draft.parties[0].short_name.vi + "x" * (i + 1)
            )
            app.processEvents()
            start = time.process_time()
            controller.update_validation()
            times.append(time.process_time() - start)
        print(
            f"app, {label}: checks after a keystroke {statistics.median(times) * 1000:.0f} ms "
            f"(opening the draft, forms included: {opened:.1f} s)"
        )
        for timer in (window.preview_pane.timer, controller.validation_timer, controller.autosave_timer):
            timer.stop()
        app.processEvents()
        controller.doc = None
        window.close()


if __name__ == "__main__" and "--gui" in sys.argv:
    gui(5, 2000)
