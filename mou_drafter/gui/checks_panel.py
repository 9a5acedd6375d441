"""The checks panel: every finding of the draft with its field (click to jump), and the two
actions a finding may offer — *Fix* (Thai letters to Lao, a legacy encoding to Unicode) and
*Still correct* (a translation flagged because another language changed). Both are undoable
steps of the draft. Errors are red (✖), warnings orange (●), information blue (ℹ)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ..api import Issue
from .i18n import _

MARKS = {"error": ("✖", "#c62828"), "warning": ("●", "#d9822b"), "info": ("ℹ", "#1565c0")}
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecksPanel(QWidget):
    """Signals: jump(str) a field path to show; fix(object) an issue whose fix to apply;
    confirm(str) the path of a translation confirmed as still correct."""

    jump = Signal(str)
    fix = Signal(object)
    confirm = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checks-panel")
        self.issues: list[Issue] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.list = QListWidget()
        self.list.setObjectName("issues")
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.fix_button = QPushButton(_("Fix"))
        self.fix_button.setObjectName("checks.fix")
        self.fix_button.setToolTip(_("Apply the correction this check proposes (can be undone)"))
        self.fix_button.clicked.connect(self._fix)
        self.confirm_button = QPushButton(_("Still correct"))
        self.confirm_button.setObjectName("checks.confirm")
        self.confirm_button.setToolTip(_("Confirm that this translation is still correct (can be undone)"))
        self.confirm_button.clicked.connect(self._confirm)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_issues(self, issues: list[Issue], describe: Callable[[str], str], ui_lang: str) -> None:
        """Show ``issues`` (unchanged findings keep the list and the selection as they are)."""
        if issues == self.issues and self.list.count():
            return
        selected = self.current_issue()
        self.issues = list(issues)
        self.list.clear()
        for index, issue in enumerate(self.issues):
            mark, color = MARKS[issue.severity]
            item = QListWidgetItem(f"{mark} {describe(issue.path)}: {issue.message(ui_lang)}")
            item.setToolTip(issue.path)
            item.setData(Qt.ItemDataRole.UserRole, issue.path)
            item.setData(ISSUE_ROLE, index)
            item.setForeground(QColor(color))
            self.list.addItem(item)
            if issue == selected:
                self.list.setCurrentItem(item)
        if not self.issues:
            self.list.addItem(_("No problems found."))
        self._update_buttons()

    def current_issue(self) -> Issue | None:
        item = self.list.currentItem()
        index = item.data(ISSUE_ROLE) if item is not None else None
        return self.issues[index] if isinstance(index, int) and index < len(self.issues) else None

    def item_for(self, path: str, code: str = "") -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            index = item.data(ISSUE_ROLE)
            if isinstance(index, int) and self.issues[index].path == path and code in ("", self.issues[index].code):
                return item
        return None

    def _update_buttons(self) -> None:
        issue = self.current_issue()
        self.fix_button.setEnabled(issue is not None and issue.fix is not None)
        self.confirm_button.setEnabled(issue is not None and issue.code == "stale-translation")

    def _jump(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.jump.emit(path)

    def _fix(self) -> None:
        issue = self.current_issue()
        if issue is not None and issue.fix is not None:
            self.fix.emit(issue)

    def _confirm(self) -> None:
        issue = self.current_issue()
        if issue is not None and issue.code == "stale-translation":
            self.confirm.emit(issue.path)
