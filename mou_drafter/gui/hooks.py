"""Driving the real app from a test in another process (the kill test of issue 12): a few
environment variables, read only when the app starts with one of them set.

``MOU_DRAFTER_TEST_EDITS=MS``
    Open a new MoU and change its title every MS milliseconds, as a clerk typing; autosave every
    100 ms instead of every few seconds (``MOU_DRAFTER_TEST_AUTOSAVE_MS`` to change that); print
    ``autosaved <title>`` after each autosave.
``MOU_DRAFTER_TEST_ANSWER=yes|no``
    Answer every yes/no question so, printing ``asked: <title>``; after start-up (recovery
    offered) print ``open: <title of the open draft> modified=<bool>``. With
    ``MOU_DRAFTER_EXIT_AFTER_SHOW=1`` the app then exits.

Nothing here runs unless one of these is set; the questions are otherwise asked as always.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from .main_window import MainWindow

ENV = ("MOU_DRAFTER_TEST_EDITS", "MOU_DRAFTER_TEST_ANSWER")


def wanted() -> bool:
    return any(os.environ.get(name) for name in ENV)


def _say(text: str) -> None:
    print(text, flush=True)


def install(window: MainWindow) -> None:
    """Before start-up questions: answer them as told."""
    answer = os.environ.get("MOU_DRAFTER_TEST_ANSWER")
    if answer:
        interaction = window.controller.interaction

        def confirm(title: str, text: str) -> bool:
            _say(f"asked: {title}")
            return answer == "yes"

        interaction.confirm = confirm  # type: ignore[method-assign]


def after_start(window: MainWindow) -> None:
    """After the recovery offer: say what is open, or start editing and autosaving."""
    controller = window.controller
    if os.environ.get("MOU_DRAFTER_TEST_ANSWER"):
        doc = controller.doc
        _say(f"open: {doc.draft.title.vi if doc else ''} modified={bool(doc and doc.modified)}")
    edits = os.environ.get("MOU_DRAFTER_TEST_EDITS")
    if not edits:
        return
    controller.new_document("mou")
    controller.autosave_timer.setInterval(int(os.environ.get("MOU_DRAFTER_TEST_AUTOSAVE_MS", "100")))
    controller.autosaved.connect(lambda _path: _say(f"autosaved {controller.doc.draft.title.vi if controller.doc else ''}"))
    count = [0]

    def edit() -> None:
        if controller.doc is not None:
            count[0] += 1
            controller.doc.set_value("title.vi", f"Biên bản ghi nhớ, lần sửa {count[0]}")

    timer = QTimer(window, interval=int(edits))
    timer.timeout.connect(edit)
    timer.start()
