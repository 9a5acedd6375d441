"""GUI tests: real widgets on Qt's offscreen platform, driven with pytest-qt.

Vietnamese and Lao text is typed one character at a time with the text carried by the key event:
``qtbot.keyClicks`` with non-ASCII text aborts the process with PySide6 6.12 offscreen.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QThreadPool, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from mou_drafter.gui.interaction import Interaction  # noqa: E402


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


#: A modal dialog still open this long is taken for a test that forgot it (or answered it before it
#: was shown): it is closed and the test fails, instead of the suite waiting for ever.
MODAL_LIMIT_S = 60.0
#: How long :func:`when_dialog` waits for the dialog to appear (a slow machine builds it late).
DIALOG_WAIT_S = 30.0

_stuck: list[str] = []
#: The dialogs :func:`when_dialog` waits for, each with whether it came ("shown") or the wait ended.
_waits: list[dict[str, bool]] = []


def _describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__} «{widget.windowTitle()}» {text}".strip()


def _close_modal(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.done(QDialog.DialogCode.Rejected.value)
    else:
        widget.close()


@pytest.fixture(autouse=True)
def _collect_on_the_ui_thread(qapp):
    """As in the app: garbage cycles collected on the UI thread only (mou_drafter.gui.collector);
    after the test, with its background work finished (the window fixture waits for it), Python
    collects by itself again for the tests without Qt."""
    from mou_drafter.gui.collector import UiThreadCollector

    collector = UiThreadCollector()
    yield
    QThreadPool.globalInstance().waitForDone(30000)
    collector.stop()


@pytest.fixture(autouse=True)
def _no_forgotten_dialog(qapp):
    """Fail a test that leaves a modal dialog open for :data:`MODAL_LIMIT_S` (closing it, so the
    nested event loop returns), or whose :func:`when_dialog` saw no dialog, rather than hanging
    the whole run (``test_guards.py``)."""
    yield from dialog_guard()


def dialog_guard() -> Iterator[None]:
    """What :func:`_no_forgotten_dialog` does, as a generator: watching from the first ``next``,
    failing (``pytest.fail``) at the second."""
    seen: dict[int, float] = {}

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            seen.clear()
            return
        first = seen.setdefault(id(widget), time.monotonic())
        if time.monotonic() - first > MODAL_LIMIT_S:
            _stuck.append(f"a modal dialog was left open for {MODAL_LIMIT_S:.0f} s: {_describe(widget)}")
            seen.pop(id(widget))
            _close_modal(widget)

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(look)
    timer.start()
    yield
    timer.stop()
    for wait in _waits:
        if not wait["shown"]:
            _stuck.append("the test waited for a modal dialog that never appeared")
        wait["ended"] = True
    stuck = list(_stuck)
    _stuck.clear()
    _waits.clear()
    if stuck:
        pytest.fail("; ".join(stuck))


def when_dialog(act: Callable[[QDialog], None]) -> None:
    """Call ``act`` with the modal dialog about to be opened, once it is shown (the caller then
    opens it; ``exec`` runs the event loop that calls ``act``). A dialog that takes long to build
    is waited for, up to :data:`DIALOG_WAIT_S`; one that never comes fails the test."""
    deadline = time.monotonic() + DIALOG_WAIT_S
    wait = {"shown": False, "ended": False}
    _waits.append(wait)

    def look() -> None:
        if wait["ended"]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            wait["shown"] = wait["ended"] = True
            act(dialog)
        elif time.monotonic() < deadline:
            QTimer.singleShot(50, look)
        else:
            wait["ended"] = True

    QTimer.singleShot(50, look)


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
    ctl.autosaver.wait(10)  # the thread pool is waited for by _collect_on_the_ui_thread
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
    settle(win)


def settle(win) -> None:
    """Close ``win`` and wait for its own background work (page renders, autosave writes) to end,
    as the app does when it quits, so no job of this test reports to widgets being deleted while
    the next test runs (the shared thread pool of the previews is waited for by
    :func:`_collect_on_the_ui_thread`, after this)."""
    win.close()
    win.page_renderer.wait()
    win.controller.autosaver.wait(10)
    QApplication.processEvents()
