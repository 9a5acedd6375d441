"""Start-up of the desktop app: Qt application, interface language, main window, recovery of an
autosaved draft after a crash, and the draft named on the command line (or by Windows' file
association) — handed to the app already running, if there is one (``single_instance``).

The window shows in two steps (``docs/architecture.md``, *Start-up*): its first frame — menus
and the start page — is made and painted before the controller, the draft model and the engine
are imported; right after that paint the window loads the rest, and the settings notices, the
template folders' problems, the recovery offer and the draft to open follow.

``MOU_DRAFTER_EXIT_AFTER_SHOW=1`` shows the window, prints ``shown <ms>, scale <factor>`` once the
first frame is painted, loads the rest, prints ``loaded <ms>`` and exits (packaging checks,
``benchmarks/bench_startup.py``); ``MOU_DRAFTER_SCREENSHOT=FILE.png`` saves the loaded window
first.
(Tests that drive the real app in another process do it from outside: ``tests/gui/app_driver.py``.)

Failures handled on the way go to the log file (:mod:`mou_drafter.logs`); an error no code
expected is logged with its details and shown, and the app goes on. A damaged settings file is
said once, after the window shows."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow


def run(argv: list[str]) -> int:
    started = time.perf_counter()
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        print(
            "mou-drafter: no display found (DISPLAY is not set), so the desktop app cannot open here.\n"
            "The command line works without one: mou-drafter --help",
            file=sys.stderr,
        )
        return 2
    # Start-up allocates much and frees little: no garbage collection until the window is loaded
    # (a full collection over everything just imported took a fifth of the start); then what is
    # left is kept out of later collections (gc.freeze), which makes them shorter too.
    gc.disable()
    from PySide6.QtWidgets import QApplication

    from ..logs import setup_logging
    from .collector import UiThreadCollector
    from .i18n import set_language
    from .main_window import MainWindow
    from .single_instance import InstanceServer, hand_over
    from .start_page import read_start_settings

    log_file = setup_logging()

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("MoU Drafter")
    app.setOrganizationName("MoU Drafter")
    # drafts, and exported Word files ("Open with ▸ MoU Drafter" on Windows): the draft they carry
    paths = [Path(a) for a in argv if a.lower().endswith((".moud", ".docx"))]
    if paths and hand_over(paths):
        gc.enable()
        return 0
    exit_after_show = bool(os.environ.get("MOU_DRAFTER_EXIT_AFTER_SHOW"))
    # The first frame: the window with its menus and the start page (buttons, recent drafts,
    # samples), before the controller, the draft model and the engine are imported.
    start = read_start_settings()
    set_language(start.ui_language)
    window = MainWindow(start=start)
    sys.excepthook = lambda kind, error, tb: report_unexpected(window, log_file, kind, error, tb)
    #: Drafts handed over by later starts before the start was complete: opened after the rest.
    handed: list[Path] = []
    done: list[bool] = []

    def handed_over(path: Path) -> None:
        if done:
            open_in_front(window, path)
        else:
            handed.append(path)

    InstanceServer(handed_over, window).listen()

    def load() -> None:
        """The rest, once the first frame is painted: the controller and the editor side, then
        what is said or asked at start (after the window shows, so a question has it behind it)."""
        if done:
            return
        done.append(True)
        controller = window.controller  # loads the window (unless a button or menu did already)
        controller.ask_upgrades = not exit_after_show  # a start-up check asks nothing
        controller.report_settings_notices()
        controller.report_template_problems()
        controller.offer_recovery()
        if paths:
            controller.open_path(paths[0])
        while handed:
            open_in_front(window, handed.pop(0))
        window.start_complete = True
        gc.collect()
        gc.freeze()
        # from here on, cycles are collected on this thread only, never in a worker (collector.py)
        UiThreadCollector(app)

    painted = FirstPaint(window.start_page)
    window.show()
    if exit_after_show:
        deadline = time.perf_counter() + 5
        while not painted.done and time.perf_counter() < deadline:
            app.processEvents()
        shown = (time.perf_counter() - started) * 1000
        print(f"shown {shown:.0f} ms, scale {window.devicePixelRatioF():g}", flush=True)
        load()
        QThreadPool.globalInstance().waitForDone(30000)  # the preview of a draft opened, say
        app.processEvents()
        shot = os.environ.get("MOU_DRAFTER_SCREENSHOT")
        if shot and not window.grab().save(shot):
            print(f"mou-drafter: cannot save the screenshot {shot}", file=sys.stderr)
            return 1
        print(f"loaded {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)
        return 0
    painted.then(load)
    return app.exec()


class FirstPaint(QObject):
    """Tells when ``widget`` was first painted (the first frame is on the screen), and calls
    what :meth:`then` gives right after that paint; at the latest after ``wait_ms`` (a window
    started minimized, say, is not painted)."""

    def __init__(self, widget: QWidget, wait_ms: int = 1000) -> None:
        super().__init__(widget.window())
        self.done = False
        self.wait_ms = wait_ms
        self._then: list[Callable[[], None]] = []
        widget.installEventFilter(self)

    def then(self, call: Callable[[], None]) -> None:
        self._then.append(call)
        if self.done:
            QTimer.singleShot(0, self._call)
        else:
            QTimer.singleShot(self.wait_ms, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._call)  # after this paint is on the screen
        return False

    def _call(self) -> None:
        calls, self._then = self._then, []
        for call in calls:
            call()


def report_unexpected(
    window: MainWindow, log_file: Path, kind: type[BaseException], error: BaseException, tb: object
) -> None:
    """An error no code expected (in a slot, a timer, ...): logged with its details and shown;
    the app goes on, with the draft still open."""
    import logging

    from .i18n import _

    logging.getLogger("mou_drafter.gui").error("unexpected error", exc_info=(kind, error, tb))  # type: ignore[arg-type]
    if issubclass(kind, KeyboardInterrupt):
        return
    text = _(
        "Something went wrong: {error}. The details were written to {log}. Your draft is still open; "
        "save it, under a new name if in doubt."
    ).format(error=f"{kind.__name__}: {error}", log=log_file)
    window.controller.interaction.error(_("Unexpected error"), text)  # loads the window if need be


def open_in_front(window: MainWindow, path: Path) -> None:
    """A draft handed over by a later start: open it and bring the window to the front."""
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    window.controller.open_path(path)
