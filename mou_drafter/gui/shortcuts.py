"""Shortcuts of the window that a text field must not take for itself.

Under the X11, KDE and GNOME keyboard schemes (Linux desktops) a text field takes Ctrl+E as "end of
line": it claims the key before the window's shortcuts see it, so Export (Ctrl+E) did nothing
while the cursor was in a field — where a clerk's cursor always is. :class:`WindowShortcuts`, an
application-wide event filter, refuses a field's claim to the window's own shortcuts (the field
never sees the claim), so they work from anywhere in the window; End still moves to the end of
the line.
"""

from __future__ import annotations

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
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        pressed = QKeySequence(event.keyCombination())
        if any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in self.sequences):
            event.ignore()  # not the field's: the window's shortcut runs
            return True
        return False
