"""The live preview after typing (issue 11): when only paragraphs' texts changed, the preview
changes those texts in its document instead of setting the whole HTML again — and the document
it shows is the one the new HTML makes. No timing here: ``benchmarks/bench_preview.py``."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from mou_drafter.gui.preview import text_changes
from tests.conftest import ROOT

SAMPLE = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def paragraphs(document: QTextDocument) -> list[tuple[str, list[str], list[tuple[str, float, bool, bool]]]]:
    """Each block: its text, the anchors on its first letter, and the font of each run."""
    out = []
    block = document.begin()
    while block.isValid():
        anchors, runs = [], []
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            font = fragment.charFormat().font()
            if not runs:
                anchors = list(fragment.charFormat().anchorNames())
            runs.append((",".join(font.families()), font.pointSizeF(), font.bold(), font.italic()))
            fragments += 1
        out.append((block.text(), anchors, sorted(set(runs))))
        block = block.next()
    return out


def fresh(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


def show_edit(qtbot, window, path: str, value: str) -> None:
    pane = window.preview_pane
    window.controller.doc.set_value(path, value)
    pane.timer.stop()
    with qtbot.waitSignal(pane.worker.finished, timeout=10000):
        pane.update_preview()


def test_typing_changes_the_paragraph_in_place_as_the_new_html_would_show_it(qtbot, window, monkeypatch):
    window.controller.open_sample(SAMPLE)
    pane = window.preview_pane
    with qtbot.waitSignal(pane.worker.finished, timeout=10000):
        pane.update_preview()
    set_whole = []
    original = pane.browser.setHtml
    monkeypatch.setattr(pane.browser, "setHtml", lambda html: (set_whole.append(html), original(html)))
    doc = window.controller.doc
    vi, lo = "minutes.results[0].vi", "minutes.results[0].lo"
    edits = [
        (vi, doc.get(vi) + " thêm"),  # at the end
        (vi, doc.get(vi).replace("thông báo", "trao đổi", 1)),  # in the middle
        (lo, doc.get(lo).replace("ສາມ", "ສີ່", 1)),  # Lao, in the middle
        (vi, doc.get(vi)[:40]),  # cut short
    ]
    for number, (path, value) in enumerate(edits):
        show_edit(qtbot, window, path, value)
        assert not set_whole, f"edit {number} set the whole document"
        assert paragraphs(pane.browser.document()) == paragraphs(fresh(pane.shown.html))
    assert pane.browser.toPlainText().count(doc.get(vi)) == 1

    # a new paragraph is more than a text: the whole document is set
    show_edit(qtbot, window, vi, doc.get(vi) + "\n\nĐoạn mới")
    assert len(set_whole) == 1
    assert paragraphs(pane.browser.document()) == paragraphs(fresh(pane.shown.html))


def test_text_changes_finds_texts_only():
    old = '<table><tr><td><p class="para" lang="vi" id="vi.a">Một &amp; hai</p></td></tr></table><p id="lo.b">ສາມ</p>'
    assert text_changes(old, old) == {}
    assert text_changes(old, old.replace("hai", "ba")) == {"vi.a": ("Một & hai", "Một & ba")}
    assert text_changes(old, old.replace("</table>", "</table><p id='x'>y</p>")) is None  # a paragraph more
    assert text_changes(old, old.replace('lang="vi"', 'lang="lo"')) is None  # its markup changed
    assert text_changes(old, old.replace("hai", "<b>hai</b>")) is None  # markup in the text
    assert text_changes(old, old.replace("hai", "hai  ba")) is None  # white space the engine folds
    assert text_changes(old, old.replace("ສາມ", "")) is None  # emptied
