"""GUI tests: real widgets on Qt's offscreen platform, driven with pytest-qt.

Vietnamese and Lao text is typed one character at a time with the text carried by the key event:
``qtbot.keyClicks`` with non-ASCII text aborts the process with PySide6 6.12 offscreen.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from mou_drafter.gui.interaction import Interaction  # noqa: E402


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


def type_text(widget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


class ScriptedInteraction(Interaction):
    """Answers the app's questions as a test wants, and records them. The export dialog is the
    real one unless ``export_answers`` holds the answers to give instead."""

    upgrade_answer = False

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []
        self.save_answer = "discard"
        self.confirm_answer = True
        self.save_path = ""
        self.open_path = ""
        self.errors: list[str] = []
        self.export_answers: list = []

    def ask_save_changes(self, name: str) -> str:
        self.asked.append(("save-changes", name))
        return self.save_answer

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append(("confirm", title))
        return self.confirm_answer

    def error(self, title: str, text: str) -> None:
        self.errors.append(text)

    #: The recovered draft to open (an index of the offers), or None to open none.
    recovery_answer: int | None = 0

    def ask_recovery(self, offers, *, older: bool):
        self.asked.append(("recover-older" if older else "recovery", " | ".join(o.line() for o in offers)))
        self.offers = offers
        return self.recovery_answer

    def offer_template_upgrade(self, old: str, new: str, counts) -> bool:
        self.asked.append(("upgrade", f"{old}->{new}"))
        return self.upgrade_answer

    def ask_export(self, draft, draft_path, last, library):
        if self.export_answers:
            self.asked.append(("export", str(draft_path or "")))
            return self.export_answers.pop(0)
        return super().ask_export(draft, draft_path, last, library)

    def exported(self, paths):
        self.asked.append(("exported", paths[0]))
        return "close"

    def open_file_name(self, folder: str) -> str:
        return self.open_path

    def save_file_name(self, suggested: str) -> str:
        return self.save_path


@pytest.fixture
def scripted() -> ScriptedInteraction:
    return ScriptedInteraction()


@pytest.fixture
def controller(qtbot, scripted):
    """A controller without a window, answered by ``scripted``."""
    from mou_drafter.gui.controller import DraftController
    from mou_drafter.gui.i18n import set_language

    set_language("vi")
    ctl = DraftController(scripted)
    yield ctl
    ctl.autosave_timer.stop()
    ctl.validation_timer.stop()
    ctl.autosaver.clear()
    ctl.deleteLater()


@pytest.fixture
def window(qtbot, scripted):
    from mou_drafter.gui.controller import DraftController
    from mou_drafter.gui.i18n import set_language
    from mou_drafter.gui.main_window import MainWindow

    set_language("vi")
    win = MainWindow(DraftController(scripted))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    timers = (
        win.preview_pane.timer,
        win.editor.party_names_timer,
        win.controller.validation_timer,
        win.controller.autosave_timer,
    )
    for timer in timers:
        timer.stop()
    scripted.save_answer = "discard"  # nothing to keep when the test closes the window
