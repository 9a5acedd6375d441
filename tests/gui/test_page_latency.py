"""Issue 15, the print preview while the clerk types: what a page render leaves to the UI thread.
The page images are decoded and greyed in a worker thread (tested by the thread that does it, not
by a time), drawn one image pixel to one screen pixel at the zoom and screen scale they were made
for (on 100 %, 125 % and 150 % screens, each in a process of its own), made again when the zoom
changes; the live preview hidden behind the print preview is laid out when it is looked at.
Timings are for ``benchmarks/bench_pages.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from mou_drafter.api import missing_page_tools
from mou_drafter.gui import page_view
from tests.conftest import ROOT

from .test_desk import MINUTES, pdf_pages

needs_pages = pytest.mark.skipif(bool(missing_page_tools()), reason="needs LibreOffice and poppler-utils")


@needs_pages
def test_page_images_are_decoded_off_the_ui_thread_and_made_again_for_a_new_zoom(qtbot, window, monkeypatch):
    decoded: list[tuple[bool, int]] = []
    decode = page_view.decode_page

    def spy(path, ratio):
        decoded.append((QThread.currentThread() is QApplication.instance().thread(), threading.get_ident()))
        return decode(path, ratio)

    monkeypatch.setattr(page_view, "decode_page", spy)
    window.resize(1200, 900)
    window.controller.open_sample(MINUTES)
    renderer, view = window.page_renderer, window.preview_pane.page_view
    with qtbot.waitSignal(renderer.ready, timeout=180000) as ready:
        window.show_pages()
    rendered = ready.args[0]
    count = pdf_pages(rendered.pages.pdf)
    assert len(decoded) == count == view.page_count
    assert not any(on_ui for on_ui, _ident in decoded)
    assert threading.get_ident() not in {ident for _on_ui, ident in decoded}
    # made for the zoom shown: no new images asked for
    assert (rendered.dpi, rendered.ratio) == view.canvas.wanted()
    # another zoom: new images from the PDF, again off the UI thread, then drawn at that zoom
    decoded.clear()
    view.fit_button.setChecked(False)
    with qtbot.waitSignal(renderer.rescaled, timeout=60000):
        view.set_zoom(1.5)
        view.canvas.repaint()
    assert rendered.dpi == page_view.image_dpi(1.5, view.canvas.devicePixelRatioF()) == 144
    assert len(decoded) == count and not any(on_ui for on_ui, _ident in decoded)
    width = rendered.images[0].image.width()
    assert abs(width - view.canvas.page_rect(0).width()) <= 1
    # the greyed copy is the page blended with white, pixel for pixel
    page = rendered.images[0]
    y = page.image.height() // 3
    inked = next(x for x in range(page.image.width()) if page.image.pixel(x, y) & 0xFF < 200)
    ink, grey = page.image.pixel(inked, y) & 0xFF, page.dimmed.pixel(inked, y) & 0xFF
    assert grey == round(ink + (255 - ink) * page_view.DIM / 255)


@needs_pages
@pytest.mark.parametrize("factor", ["1", "1.25", "1.5"])
def test_the_pages_follow_the_screen_scale_pixel_for_pixel(factor):
    env = {**os.environ, "QT_SCALE_FACTOR": factor, "QT_QPA_PLATFORM": "offscreen"}
    probe = ROOT / "tests" / "gui" / "page_scale_probe.py"
    done = subprocess.run(
        [sys.executable, str(probe)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    ratio = float(factor)
    assert shown["ratio"] == pytest.approx(ratio) and shown["image_ratio"] == pytest.approx(ratio)
    assert shown["pages"] == shown["pdf_pages"] == len(shown["images"])
    assert shown["dpi"] == pytest.approx(96 * shown["zoom"] * ratio, abs=0.01)
    for (width, height), (rect_width, rect_height) in zip(shown["images"], shown["rects"], strict=True):
        # one image pixel to one device pixel: the page's rectangle times the screen's scale
        assert abs(width - rect_width * ratio) <= 1.5 and abs(height - rect_height * ratio) <= 1.5
    grab_width, grab_height, width, height = shown["grab"]
    assert abs(grab_width - width * ratio) <= 1 and abs(grab_height - height * ratio) <= 1
    # the screen shows the image's own pixels (inked ones compared): nothing scaled on the way
    assert shown["compared"] >= 100 and shown["same"] == shown["compared"]


def test_the_hidden_live_preview_is_laid_out_when_it_is_looked_at(qtbot, window, monkeypatch):
    from mou_drafter import api

    monkeypatch.setattr(api, "missing_page_tools", lambda: ["LibreOffice (soffice)"])
    window.controller.open_sample(MINUTES)
    pane = window.preview_pane
    pane.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(pane.worker.finished, timeout=10000):
        pane.update_preview()
    before = pane.browser.toPlainText()
    doc = window.controller.doc
    doc.set_value("minutes.conference.title.vi", "Hội nghị thử xem trước")
    window.show_pages()
    with qtbot.waitSignal(pane.worker.finished, timeout=10000):
        pane.update_preview()
    assert "Hội nghị thử xem trước" in pane.shown.html  # rendered, kept for following the edit
    assert pane.browser.toPlainText() == before  # not laid out behind the print preview
    pane.tabs.setCurrentIndex(0)
    assert "Hội nghị thử xem trước" in pane.browser.toPlainText()
