"""Shortcuts of the window that a text field must not take for itself.

Under the X11, KDE and GNOME keyboard schemes (Linux desktops) a text field takes Ctrl+E as "end of
line": it claims the key before the window's shortcuts see it, so Export (Ctrl+E) did nothing
while the cursor was in a field — where a clerk's cursor always is. :class:`WindowShortcuts`, an
event filter on the widget that has the focus (where Qt asks whether a key is claimed), refuses a
field's claim to the window's own shortcuts (the field never sees the claim), so they work from
anywhere in the window; End still moves to the end of the line.

It filters the focused widget only, not the whole application: a filter on the application is
called, in Python, for every event of every widget (paints, layouts, timers — hundreds a second
while the print preview works), and each call waits for Python's lock, which a render running in
a worker thread holds for up to 5 ms at a time: keystrokes and paints were held up by tens of
milliseconds (``benchmarks/bench_pages.py``).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class WindowShortcuts(QObject):
    """Lets ``sequences`` reach ``window``'s actions whatever widget of the window has the focus.
    Installed on the application while the window lives (it is the window's child)."""

    def __init__(self, window: QWidget, sequences: list[QKeySequence]) -> None:
        super().__init__(window)
        self.window = window
        self.sequences = [QKeySequence(s) for s in sequences]
        #: The widget filtered now (the window's focus widget), if any.
        self.watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.watched is not None:
            with contextlib.suppress(RuntimeError):  # the widget is gone
                self.watched.removeEventFilter(self)
            self.watched = None
        if new is not None and new.window() is self.window:
            new.installEventFilter(self)
            self.watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        if any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in self.sequences):
            event.ignore()  # not the field's: the window's shortcut runs
            return True
        return False
