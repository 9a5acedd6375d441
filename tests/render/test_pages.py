"""Pages as printed (render/pages.py, api.render_pages): LibreOffice's PDF of the exported DOCX,
its pages as images, its words traced back to clause ids and field paths; child processes that
stop, with their children, when a render is cancelled."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mou_drafter import api
from mou_drafter.document import Block, Document
from mou_drafter.render.pages import Cancelled, Word, locate, missing_tools, run, squeeze

from ..conftest import ROOT, soffice

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
needs_tools = pytest.mark.skipif(
    soffice() is None or bool(missing_tools()),
    reason="LibreOffice and poppler-utils (pdftoppm, pdftotext) are needed; CI installs them",
)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by its parent) is not running
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(")")[-1].split()[0] == "Z")


@pytest.mark.skipif(sys.platform == "win32", reason="process groups: POSIX")
def test_a_cancelled_child_stops_with_its_own_children(tmp_path):
    log = tmp_path / "log"
    script = (
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    cancel = threading.Event()
    threading.Timer(0.8, cancel.set).start()
    started = time.perf_counter()
    with pytest.raises(Cancelled):
        run([sys.executable, "-c", script], log, cancel)
    assert time.perf_counter() - started < 5
    grandchild = int(log.read_text().split()[0])
    deadline = time.time() + 5
    while alive(grandchild) and time.time() < deadline:
        time.sleep(0.05)
    assert not alive(grandchild)


def test_a_set_cancel_runs_nothing(tmp_path):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        run([sys.executable, "-c", "open('ran', 'w')"], tmp_path / "log", cancel)
    assert not (tmp_path / "ran").exists()


def test_missing_tools_are_named(monkeypatch):
    monkeypatch.setenv("MOU_DRAFTER_SOFFICE", "none")
    monkeypatch.setenv("MOU_DRAFTER_POPPLER", "none")
    assert missing_tools() == ["LibreOffice", "pdftoppm", "pdftotext"]
    assert api.missing_page_tools() == ["LibreOffice", "pdftoppm", "pdftotext"]


def test_squeeze_compares_as_printed():
    # pdftotext gives Lao marks as words of their own, and the templates print names in capitals
    assert squeeze("ເມືອງ ດັກເກລີ") == squeeze("ເ ມື ອງດັກ ເ ກ ລີ") == "ເມອງດກເກລ"
    assert squeeze("TM. ỦY BAN\u200b") == squeeze("tm.ủy ban")
    assert squeeze("ﬁnal") == "final"


def word(text: str, x: float, line: int, page: int = 0) -> Word:
    return Word(page, x, 10.0 * line, x + 8 * len(text), 10.0 * line + 9, text, line)


def test_printed_words_are_traced_to_their_clause_and_field():
    vi = [
        Block("para", "party.a", "vi", ["1. Huyện Đăk Glei, do Nguyễn Văn Hùng, Chủ tịch, làm đại diện;"]),
        Block("para", "party.b", "vi", ["2. Huyện Xan Xay, do Somphone Keomany, làm đại diện;"]),
    ]
    lo = [Block("para", "party.a", "lo", ["1. ເມືອງດັກເກລີ, ໂດຍມີ ທ່ານ ຫງວຽນ ວັນ ຮຸ່ງ"])]
    document = Document("mou", "mou@1.2", ["vi", "lo"], {"vi": vi, "lo": lo})
    values = {
        "vi": [
            ("parties[0].name.vi", "huyện Đăk Glei"),
            ("parties[1].name.vi", "huyện Xan Xay"),
            ("parties[1].representative.name.vi", "Somphone Keomany"),
        ],
        "lo": [("parties[0].name.lo", "ເມືອງດັກເກລີ")],
    }
    printed = [
        word("2.", 0, 0),
        word("Huyện", 30, 0),
        word("Xan", 80, 0),
        word("Xay,", 110, 0),
        word("do", 150, 0),
        word("Somphone", 170, 0),
        word("Keomany,", 250, 0),
        # the Lao line as pdftotext gives it: a mark set apart from its letter
        word("1.", 0, 1),
        word("ເມອງດັກເກລີ,", 30, 1),
        word("ື", 40, 1),
        word("ໂດຍມີ", 140, 1),
    ]
    located = {w.text: w for w in locate(printed, document, values)}
    assert located["Xan"].clause == "party.b" and located["Xan"].path == "parties[1].name.vi"
    assert located["Keomany,"].path == "parties[1].representative.name.vi"
    assert located["do"].clause == "party.b" and located["do"].path == ""  # the template's word
    assert located["ເມອງດັກເກລີ,"].path == "parties[0].name.lo"
    assert located["ື"].clause == "party.a"  # the mark goes with its letters
    assert located["ໂດຍມີ"].clause == "party.a" and located["ໂດຍມີ"].path == ""


def test_the_preview_knows_where_each_field_is_and_keeps_amounts_whole():
    draft = api.load_draft(MOU)
    shown = api.preview(draft, api.RenderOptions(languages=("vi", "lo")))
    assert shown.clauses[:3] == ["header", "title", "subtitle"] and "art.areas" in shown.clauses
    assert shown.fields["areas[2].title.lo"] == "area." + draft.areas[2].id
    assert shown.fields["parties[0].name.vi"] == "party." + draft.parties[0].id  # not the subject line
    assert shown.fields["contributions[0].amount"] == "contributions"
    assert 'id="vi.art.areas"' in shown.html and 'id="lo.art.areas"' in shown.html
    # no line break inside an amount or a currency name
    assert "585.000.000\u00a0đồng" in shown.html and "24.000\u00a0đô\u00a0la\u00a0Mỹ" in shown.html
    assert "585.000.000\u00a0ດົ່ງ" in shown.html
    english = api.preview(draft, api.RenderOptions(languages=("en",), layout="sequential")).html
    assert "VND\u00a0585,000,000" in english


@pytest.mark.realclient
@needs_tools
@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
def test_pages_are_the_printed_pdf_with_words_traced_to_fields(tmp_path, layout):
    draft = api.load_draft(MOU)
    pages = api.render_pages(
        draft, tmp_path, api.RenderOptions(layout=layout, languages=("vi", "lo")), dpi=60
    )
    info = subprocess.run(["pdfinfo", str(pages.pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages.count == count == len(pages.images) >= 3
    header = pages.images[0].read_bytes()[:20].split(b"\n")
    width, height = (int(n) for n in header[1].split())
    assert header[0] == b"P6" and abs(width - 210 / 25.4 * 60) <= 1 and abs(height - 297 / 25.4 * 60) <= 1
    assert [(round(w), round(h)) for w, h in pages.sizes] == [(595, 842)] * count  # A4 in points
    words = pages.words
    assert all(w.clause for w in words)  # every printed word belongs to a block
    by_text = {}
    for w in words:
        by_text.setdefault(w.text.strip(",.;:"), set()).add((w.clause, w.path))
    representative = draft.parties[2].representative.name.vi.split()[-1]  # a surname printed twice
    assert {p for _c, p in by_text[representative]} == {"parties[2].representative.name.vi"}
    assert ("art.areas", "") in by_text["Lĩnh"]  # the article heading is the template's
    assert any(p == "contributions[0].amount" for _c, p in by_text["585.000.000"])
    lao_area = draft.areas[3].title.lo.split()[0]
    assert any(p == "areas[3].title.lo" for _c, p in by_text[lao_area])
    # a click on a word finds it
    target = next(w for w in words if w.path == "parties[2].representative.name.vi")
    found = pages.at(target.page, (target.x0 + target.x1) / 2, (target.y0 + target.y1) / 2)
    assert found is not None and found.path == target.path


@pytest.mark.realclient
@needs_tools
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="looks for the LibreOffice process in /proc")
def test_cancelling_stops_libreoffice_at_once(tmp_path):
    draft = api.load_draft(MOU)
    cancel = threading.Event()
    outcome: list[object] = []
    profile = tmp_path / "profile"

    def render() -> None:
        try:
            outcome.append(api.render_pages(draft, tmp_path / "pages", profile=profile, cancel=cancel))
        except Cancelled as exc:
            outcome.append(exc)

    thread = threading.Thread(target=render)
    thread.start()

    def office_running() -> bool:
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if str(profile).encode() in cmdline.read_bytes():
                    return True
            except OSError:
                pass
        return False

    deadline = time.time() + 30
    while not office_running() and time.time() < deadline:
        time.sleep(0.05)
    assert office_running()
    cancelled = time.perf_counter()
    cancel.set()
    thread.join(10)
    assert isinstance(outcome[0], Cancelled) and time.perf_counter() - cancelled < 2
    assert not office_running()
    # the profile a cancelled conversion leaves serves the next one
    pages = api.render_pages(draft, tmp_path / "again", profile=profile, dpi=40)
    assert pages.count >= 3
