"""The checks dock: the open draft's errors and warnings, each named as the clerk reads the field
("Party 2 › Name › Lao", in the interface language); clicking one asks the window to put the
cursor in that field.

It is a strip at the foot of the window that takes the room its findings need — one line when
there is nothing to report, a line per finding up to :data:`MAX_ROWS` (then it scrolls) — and the
clerk can close it (its title bar, or View ▸ Checks) and open it again; it is emptied when the
draft is closed.

Signals:
    jump_requested(str): the clerk clicked (or activated) the check of this field path.
    closed(): the clerk closed the strip (its title bar's button).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from ..api import Issue
from .forms.field_names import describe
from .i18n import _, current_language
from .palette import mark_color

#: The mark and colour of a section's state (and of a check's severity: error, warning), the
#: colour on a light background; :func:`~.palette.mark_color` gives the one for the palette in use.
STATUS_MARKS = {"complete": ("✔", "#2b6e2f"), "incomplete": ("●", "#9a5200"), "errors": ("✖", "#c62828")}
#: The most findings shown at once; more scroll.
MAX_ROWS = 8


class ChecksPanel(QDockWidget):
    jump_requested = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Checks"), parent)
        self.setObjectName("issues-dock")
        self.list = QListWidget()
        self.list.setObjectName("issues")
        self.list.setAccessibleName(_("Checks"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.setWidget(self.list)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.issues: list[Issue] = []
        self.clear()

    def show_issues(self, issues: list[Issue]) -> None:
        """List ``issues`` (errors marked ✖, warnings ●) and count them in the title."""
        self.issues = list(issues)
        lang = current_language()
        self.list.clear()
        for issue in issues:
            state = "errors" if issue.severity == "error" else "incomplete"
            item = QListWidgetItem(f"{STATUS_MARKS[state][0]} {describe(issue.path)}: {issue.message(lang)}")
            item.setToolTip(issue.path)
            item.setData(Qt.ItemDataRole.UserRole, issue.path)
            item.setForeground(mark_color(state))
            self.list.addItem(item)
        if not issues:
            self.list.addItem(_("No problems found."))
        self.setWindowTitle(self.summary())
        self._fit()

    def clear(self) -> None:
        """No draft: nothing to report, and nothing of the draft that was closed."""
        self.issues = []
        self.list.clear()
        self.setWindowTitle(_("Checks"))
        self._fit()

    def summary(self) -> str:
        errors = sum(1 for i in self.issues if i.severity == "error")
        return _("Checks: {errors} errors, {warnings} warnings").format(errors=errors,
                                                                       warnings=len(self.issues) - errors)

    def _fit(self) -> None:
        """As tall as the findings (one line at least, :data:`MAX_ROWS` at most)."""
        rows = max(1, min(MAX_ROWS, self.list.count()))
        row = max((self.list.sizeHintForRow(i) for i in range(min(rows, self.list.count()))), default=0)
        row = max(row, self.list.fontMetrics().lineSpacing() + 4)
        self.list.setFixedHeight(rows * row + 2 * self.list.frameWidth() + 2)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def _jump(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.jump_requested.emit(path)
