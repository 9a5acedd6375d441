"""Run by tests/gui/test_page_latency.py in a process of its own (``QT_SCALE_FACTOR`` is read when
the QApplication starts): the print preview of the minutes sample on real widgets offscreen, and
what it shows, as JSON on stdout — the device pixel ratio, the page count, the images' resolution
and sizes against the page rectangles, and whether the screen shows the images' pixels one to one."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MOU_DRAFTER_HOME", tempfile.mkdtemp())
ROOT = Path(__file__).resolve().parents[2]


def unscaled(grabbed, image, left: int, top: int) -> tuple[int, int]:
    """(matching, compared): pixels of ``image`` where ``grabbed`` shows the same colour, at the
    best of the offsets within one device pixel of (``left``, ``top``); only inked pixels compared."""
    points = [
        (x, y)
        for y in range(image.height() // 8, image.height() // 2, 7)
        for x in range(0, image.width(), 3)
        if image.pixel(x, y) & 0xFFFFFF != 0xFFFFFF
    ][:400]
    best = 0
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            same = sum(
                grabbed.pixel(left + dx + x, top + dy + y) & 0xFFFFFF == image.pixel(x, y) & 0xFFFFFF
                for x, y in points
            )
            best = max(best, same)
    return best, len(points)


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from mou_drafter.gui.i18n import set_language
    from mou_drafter.gui.main_window import MainWindow

    app = QApplication(sys.argv)
    set_language("vi")
    window = MainWindow()
    window.resize(1200, 900)
    window.show()
    window.controller.open_sample(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    renderer, view = window.page_renderer, window.preview_pane.page_view
    shown: list[object] = []
    renderer.ready.connect(shown.append)
    renderer.rescaled.connect(shown.append)
    window.show_pages()

    def settled() -> bool:
        app.processEvents()
        rendered = view.rendered
        return bool(shown) and rendered is not None and (rendered.dpi, rendered.ratio) == view.canvas.wanted()

    import time

    deadline = time.monotonic() + 120
    while not settled() and time.monotonic() < deadline:
        time.sleep(0.02)
    rendered = view.rendered
    assert rendered is not None, "no pages"
    view.go_to(0)
    app.processEvents()
    canvas = view.canvas
    ratio = canvas.devicePixelRatioF()
    grabbed = canvas.grab().toImage()
    rect = canvas.page_rect(0)
    image = rendered.images[0].image
    same, compared = unscaled(grabbed, image, round(rect.x() * ratio), round(rect.y() * ratio))
    print(
        json.dumps(
            {
                "ratio": ratio,
                "pages": view.page_count,
                "pdf_pages": pdf_pages(rendered.pages.pdf),
                "dpi": rendered.dpi,
                "zoom": canvas.zoom,
                "image_ratio": image.devicePixelRatio(),
                "images": [[p.image.width(), p.image.height()] for p in rendered.images],
                "rects": [
                    [canvas.page_rect(i).width(), canvas.page_rect(i).height()]
                    for i in range(view.page_count)
                ],
                "grab": [grabbed.width(), grabbed.height(), canvas.width(), canvas.height()],
                "same": same,
                "compared": compared,
            }
        )
    )
    renderer.forget()
    renderer.wait()


if __name__ == "__main__":
    main()
