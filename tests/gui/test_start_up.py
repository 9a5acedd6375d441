"""Start-up in two steps (issue 11): the window's first frame — menus and a complete start page —
is made from the settings file read as JSON, before the controller, the draft model and the
engine are imported; the rest is loaded right after it is painted, and then the window follows
the settings as validated. No timing here: ``benchmarks/bench_startup.py`` measures it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QPushButton

from mou_drafter.folders import data_dir, settings_file
from mou_drafter.gui.i18n import set_language
from mou_drafter.gui.main_window import MainWindow
from mou_drafter.gui.start_page import StartSettings, read_start_settings, sample_title
from tests.conftest import ROOT

SAMPLES = sorted(data_dir("seeds").glob("*.moud"))


def write_settings(data: object) -> None:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def items(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


@pytest.fixture
def first_frame(qtbot):
    """The window as the app shows it first (``MainWindow(start=...)``), shown."""
    made = []

    def make(start: StartSettings) -> MainWindow:
        set_language(start.ui_language)
        window = MainWindow(start=start)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        if window.loaded:
            window.controller.autosave_timer.stop()
            window.controller.validation_timer.stop()
    set_language("vi")


def test_the_first_frame_imports_neither_the_draft_model_nor_the_controller(tmp_path):
    """In a fresh process, as the app starts: the start page is complete and pydantic, the
    controller, the API and the engine are not imported yet; loading brings them."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from mou_drafter.gui.main_window import MainWindow\n"
        "from mou_drafter.gui.start_page import read_start_settings\n"
        "window = MainWindow(start=read_start_settings())\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = ['pydantic', 'mou_drafter.gui.controller', 'mou_drafter.api', 'mou_drafter.model.draft',\n"
        "         'mou_drafter.settings', 'jinja2', 'babel', 'docx']\n"
        "print('before', sorted(m for m in heavy if m in sys.modules))\n"
        "print('samples', window.start_page.samples.count(), 'recent', window.start_page.recent.count())\n"
        "window.load()\n"
        "print('after', sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOU_DRAFTER_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["before"] == "[]", result.stdout
    assert lines["samples"] == f"{len(SAMPLES)} recent 1"  # the samples, and "(none yet)"
    assert "pydantic" in lines["after"] and "mou_drafter.gui.controller" in lines["after"]


def test_the_start_page_of_the_first_frame_is_complete(first_frame, tmp_path):
    recent = tmp_path / "Biên bản 2024.moud"
    recent.write_bytes((ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud").read_bytes())
    write_settings({"ui_language": "vi", "recent": [str(recent)]})

    window = first_frame(read_start_settings())

    assert not window.loaded
    page = window.start_page
    assert window.stack.currentWidget() is page and page.isVisible()
    for name in ("start.new-mou", "start.new-minutes", "start.open", "start.new-from"):
        assert page.findChild(QPushButton, name).isVisible()
    assert items(page.recent) == [recent.name]
    assert items(page.samples) == [sample_title(path) for path in SAMPLES]
    assert all(not title.endswith(".moud") and ": " in title for title in items(page.samples))
    assert {"new-mou", "open", "save", "export", "undo", "settings"} <= set(window.menu_actions)
    assert not window.menu_actions["undo"].isEnabled()
    assert window.windowTitle() == "MoU Drafter[*]"


def test_a_button_used_before_the_window_is_loaded_loads_it_first(first_frame):
    window = first_frame(StartSettings())
    assert not window.loaded

    window.start_page.findChild(QPushButton, "start.new-minutes").click()

    assert window.loaded
    assert window.controller.doc is not None and window.controller.doc.draft.kind == "minutes"
    assert window.stack.currentWidget() is window.splitter
    assert window.menu_actions["checks"].isEnabled()


def test_loading_keeps_the_first_frame_and_follows_the_settings(first_frame, tmp_path):
    recent = [str(tmp_path / "a.moud"), str(tmp_path / "b.moud")]
    write_settings({"ui_language": "en", "recent": recent, "window": {"checks_visible": False}})
    window = first_frame(read_start_settings())
    page = window.start_page

    window.load()

    assert window.start_page is page  # the same start page: nothing is replaced under the clerk
    assert items(page.recent) == ["a.moud", "b.moud"]
    assert page.findChild(QPushButton, "start.new-mou").text() == "New memorandum of understanding"
    assert window.controller.settings.recent == recent
    assert not window.checks_wanted and not window.menu_actions["checks"].isChecked()


def test_a_damaged_settings_file_read_for_the_first_frame_is_followed_by_the_defaults(
    first_frame, scripted, tmp_path
):
    """JSON the first frame can read, but not valid settings (an autosave every second): the
    full read sets it aside and the window follows the defaults — Vietnamese, no recent drafts —
    and says so once."""
    from mou_drafter.gui.controller import DraftController

    write_settings({"ui_language": "en", "recent": [str(tmp_path / "a.moud")], "autosave_seconds": 1})
    start = read_start_settings()
    assert start.ui_language == "en" and len(start.recent) == 1
    window = first_frame(start)
    assert window.start_page.findChild(QPushButton, "start.open").text() == "Open a draft…"

    window.load(DraftController(scripted))
    window.controller.report_settings_notices()

    assert window.controller.settings.ui_language == "vi"
    assert window.start_page.findChild(QPushButton, "start.open").text() == "Mở bản dự thảo…"
    assert items(window.start_page.recent) == ["(chưa có)"]
    assert window.menu_actions["open"].text() == "Mở…"
    assert any(settings_file().parent.glob("settings.damaged-*.json"))
    [said] = scripted.errors
    assert str(settings_file()) in said


@pytest.mark.parametrize(
    "content",
    [
        None,  # no file
        b"{not json",
        b"[1, 2]",
        json.dumps({"ui_language": 5}).encode(),
        json.dumps({"recent": "a.moud"}).encode(),
        json.dumps({"recent": ["a.moud", 3]}).encode(),
        json.dumps({"window": {"geometry": 12}}).encode(),
    ],
)
def test_start_settings_that_cannot_be_read_give_the_defaults(content):
    if content is not None:
        settings_file().parent.mkdir(parents=True, exist_ok=True)
        settings_file().write_bytes(content)
    assert read_start_settings() == StartSettings()


def test_start_settings_are_what_the_settings_model_reads():
    from mou_drafter.settings import Settings, WindowSettings, load_settings, save_settings

    save_settings(
        Settings(
            ui_language="lo",
            recent=["/a/b.moud", "C:\\x\\y.moud"],
            window=WindowSettings(geometry="AdnQyw=="),
        )
    )
    loaded, start = load_settings(), read_start_settings()
    assert start == StartSettings(loaded.ui_language, tuple(loaded.recent), loaded.window.geometry)


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_sample_titles_read_from_json_are_the_titles_of_the_validated_drafts(lang):
    """The start page reads the samples' titles without the draft model: they are the titles
    the validated drafts give (as the start page made them before issue 11)."""
    from mou_drafter.api import load_draft
    from mou_drafter.gui.i18n import _

    set_language(lang)
    try:
        for path in SAMPLES:
            draft = load_draft(path)
            if draft.kind == "minutes" and draft.minutes is not None:
                conf = draft.minutes.conference
                title = conf.title.get(lang) or conf.title.vi
                year = conf.start.year if conf.start else ""
                expected = f"{_('Minutes')}: {title} ({conf.ordinal}, {year})"
            else:
                expected = f"{_('MoU')}: {draft.title.get(lang) or draft.title.vi}"
            assert sample_title(path) == expected
    finally:
        set_language("vi")


def test_a_sample_that_cannot_be_read_is_listed_by_its_file_name(tmp_path):
    damaged = tmp_path / "hỏng.moud"
    damaged.write_text('{"kind": "mou", "title": 5}', encoding="utf-8")
    assert sample_title(damaged) == "hỏng"
    damaged.write_bytes(b"\xff\xfe")
    assert sample_title(damaged) == "hỏng"


def test_the_app_prints_shown_at_the_first_frame_then_loaded(tmp_path):
    """``MOU_DRAFTER_EXIT_AFTER_SHOW``: ``shown`` once the first frame is painted, ``loaded`` once the
    rest is loaded and what start-up says is done (the packaging checks and the benchmark read them)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MOU_DRAFTER_EXIT_AFTER_SHOW": "1",
        "MOU_DRAFTER_HOME": str(tmp_path),
        "MOU_DRAFTER_SCREENSHOT": str(tmp_path / "shot.png"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "mou_drafter"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("shown ") and lines[1].startswith("loaded "), lines
    shown, loaded = int(lines[0].split()[1]), int(lines[1].split()[1])
    assert loaded >= shown
    assert (tmp_path / "shot.png").stat().st_size > 0
