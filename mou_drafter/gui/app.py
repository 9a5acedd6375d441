"""Start-up of the desktop app: Qt application, interface language, main window, recovery of an
autosaved draft after a crash, and the draft named on the command line (or by Windows' file
association)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def run(argv: list[str]) -> int:
    started = time.perf_counter()
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        print("mou-drafter: no display found (DISPLAY is not set), so the desktop app cannot open here.\n"
              "The command line works without one: mou-drafter --help", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from ..settings import load_settings
    from .i18n import set_language
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("MoU Drafter")
    app.setOrganizationName("MoU Drafter")
    set_language(load_settings().ui_language)
    window = MainWindow(started)
    offer_recovery(window)
    paths = [a for a in argv if a.endswith(".moud")]
    if paths:
        window.open_path(Path(paths[0]))
    window.show()
    if os.environ.get("MOU_DRAFTER_EXIT_AFTER_SHOW"):
        app.processEvents()
        print(f"shown {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)
        return 0
    return app.exec()


def offer_recovery(window) -> bool:
    """If an earlier session crashed with unsaved changes, offer to open what it autosaved."""
    from ..api import load_draft
    from ..errors import MouDrafterError
    from .i18n import _

    for orphan in window.autosaver.orphans():
        original = orphan.original or _("a new draft")
        if window.interaction.confirm(
            _("Recover unsaved work"),
            _("MoU Drafter was closed without saving {name}. Open the autosaved copy?").format(name=original),
        ):
            try:
                draft = load_draft(orphan.draft_path)
            except MouDrafterError as exc:
                window.interaction.error(_("Cannot open the draft"), str(exc))
                continue
            window.recover(draft, Path(orphan.original) if orphan.original else None)
            orphan.remove()
            return True
        orphan.remove()
    return False
