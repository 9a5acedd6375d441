"""Start-up of the desktop app: Qt application, interface language, main window, recovery of an
autosaved draft after a crash, and the draft named on the command line (or by Windows' file
association) — handed to the app already running, if there is one (``single_instance``).

``MOU_DRAFTER_EXIT_AFTER_SHOW=1`` shows the window, prints the time it took and the screen's scale
factor, and exits (packaging checks); ``MOU_DRAFTER_SCREENSHOT=FILE.png`` saves the window first.
(Tests that drive the real app in another process do it from outside: ``tests/gui/app_driver.py``.)

Failures handled on the way go to the log file (:mod:`mou_drafter.logs`); an error no code
expected is logged with its details and shown, and the app goes on. A damaged settings file is
said once, after the window shows."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

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
    from PySide6.QtWidgets import QApplication

    from ..logs import setup_logging
    from ..settings import load_settings
    from .i18n import set_language
    from .main_window import MainWindow
    from .single_instance import InstanceServer, hand_over

    log_file = setup_logging()

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("MoU Drafter")
    app.setOrganizationName("MoU Drafter")
    # drafts, and exported Word files ("Open with ▸ MoU Drafter" on Windows): the draft they carry
    paths = [Path(a) for a in argv if a.lower().endswith((".moud", ".docx"))]
    if paths and hand_over(paths):
        return 0
    set_language(load_settings().ui_language)
    window = MainWindow()
    window.controller.ask_upgrades = not os.environ.get(
        "MOU_DRAFTER_EXIT_AFTER_SHOW"
    )  # a start-up check asks nothing
    sys.excepthook = lambda kind, error, tb: report_unexpected(window, log_file, kind, error, tb)
    InstanceServer(lambda path: open_in_front(window, path), window).listen()
    window.show()  # before any question about the draft, so the question has its window behind it
    window.controller.report_settings_notices()
    window.controller.report_template_problems()
    window.controller.offer_recovery()
    if paths:
        window.controller.open_path(paths[0])
    if os.environ.get("MOU_DRAFTER_EXIT_AFTER_SHOW"):
        app.processEvents()
        shot = os.environ.get("MOU_DRAFTER_SCREENSHOT")
        if shot and not window.grab().save(shot):
            print(f"mou-drafter: cannot save the screenshot {shot}", file=sys.stderr)
            return 1
        print(
            f"shown {(time.perf_counter() - started) * 1000:.0f} ms, scale {window.devicePixelRatioF():g}",
            flush=True,
        )
        return 0
    return app.exec()


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
    window.controller.interaction.error(_("Unexpected error"), text)


def open_in_front(window: MainWindow, path: Path) -> None:
    """A draft handed over by a later start: open it and bring the window to the front."""
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    window.controller.open_path(path)
