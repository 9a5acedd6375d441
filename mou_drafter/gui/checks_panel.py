"""The checks dock: the open draft's errors and warnings, each named as the clerk reads the field
("Party 2 › Name › ພາສາລາວ"); clicking one asks the window to put the cursor in that field.

Signals:
    jump_requested(str): the clerk clicked (or activated) the check of this field path.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from ..api import Issue
from .forms.field_names import describe
from .i18n import _, current_language

#: The mark and colour of a section's state (and of a check's severity: error, warning).
STATUS_MARKS = {"complete": ("✔", "#2e7d32"), "incomplete": ("●", "#d9822b"), "errors": ("✖", "#c62828")}


class ChecksPanel(QDockWidget):
    jump_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Checks"), parent)
        self.setObjectName("issues-dock")
        self.list = QListWidget()
        self.list.setObjectName("issues")
        self.list.setMaximumHeight(150)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.setWidget(self.list)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)

    def show_issues(self, issues: list[Issue]) -> None:
        """List ``issues`` (errors marked ✖, warnings ●) and count them in the title."""
        lang = current_language()
        self.list.clear()
        for issue in issues:
            mark = "✖" if issue.severity == "error" else "●"
            item = QListWidgetItem(f"{mark} {describe(issue.path)}: {issue.message(lang)}")
            item.setToolTip(issue.path)
            item.setData(Qt.ItemDataRole.UserRole, issue.path)
            item.setForeground(
                QColor(STATUS_MARKS["errors" if issue.severity == "error" else "incomplete"][1])
            )
            self.list.addItem(item)
        if not issues:
            self.list.addItem(_("No problems found."))
        errors = sum(1 for i in issues if i.severity == "error")
        self.setWindowTitle(
            _("Checks: {errors} errors, {warnings} warnings").format(
                errors=errors, warnings=len(issues) - errors
            )
        )

    def _jump(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.jump_requested.emit(path)
