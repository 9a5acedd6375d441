"""The checks dock: the open draft's errors (✖), warnings (●) and information (ℹ), each named as
the clerk reads the field ("Party 2 › Name › ພາສາລາວ"); clicking one asks the window to put the
cursor in that field. Two buttons act on the selected check: *Fix* applies the correction it
proposes (Thai letters to Lao, a legacy encoding to Unicode), *Still correct* confirms a
translation flagged because another language changed; both are undoable steps of the draft.

Signals:
    jump_requested(str): the clerk clicked (or activated) the check of this field path.
    fix_requested(object): the clerk wants the fix of this :class:`~mou_drafter.api.Issue` applied.
    confirm_requested(str): the clerk confirms that the translation at this path is still correct.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..api import Issue
from .forms.field_names import describe
from .i18n import _, current_language

#: The mark and colour of a section's state (and of a check's severity: error, warning).
STATUS_MARKS = {"complete": ("✔", "#2e7d32"), "incomplete": ("●", "#d9822b"), "errors": ("✖", "#c62828")}
#: The mark and colour of a check, by severity.
SEVERITY_MARKS = {"error": ("✖", "#c62828"), "warning": ("●", "#d9822b"), "info": ("ℹ", "#1565c0")}
#: Where an item keeps the index of its issue.
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecksPanel(QDockWidget):
    jump_requested = Signal(str)
    fix_requested = Signal(object)
    confirm_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Checks"), parent)
        self.setObjectName("issues-dock")
        self.issues: list[Issue] = []
        body = QWidget()
        body.setObjectName("checks-panel")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        self.list = QListWidget()
        self.list.setObjectName("issues")
        self.list.setMaximumHeight(150)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.currentItemChanged.connect(lambda *_args: self._update_buttons())
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
        self.setWidget(body)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self._update_buttons()

    def show_issues(self, issues: list[Issue]) -> None:
        """List ``issues`` and count them in the title. The same findings again leave the list and
        its selection alone (the checks run after every edit)."""
        counts = {severity: sum(1 for i in issues if i.severity == severity) for severity in SEVERITY_MARKS}
        self.setWindowTitle(_("Checks: {errors} errors, {warnings} warnings, {notes} notes").format(
            errors=counts["error"], warnings=counts["warning"], notes=counts["info"]))
        if issues == self.issues and self.list.count():
            return
        lang = current_language()
        selected = self.current_issue()
        self.issues = list(issues)
        self.list.clear()
        for index, issue in enumerate(self.issues):
            mark, color = SEVERITY_MARKS.get(issue.severity, SEVERITY_MARKS["warning"])
            item = QListWidgetItem(f"{mark} {describe(issue.path)}: {issue.message(lang)}")
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

    def items_for(self, path: str, code: str = "") -> list[QListWidgetItem]:
        """The list's items of the checks of ``path`` (with ``code``, if given)."""
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            index = item.data(ISSUE_ROLE)
            if isinstance(index, int) and self.issues[index].path == path and code in ("", self.issues[index].code):
                found.append(item)
        return found

    def item_for(self, path: str, code: str = "") -> QListWidgetItem | None:
        items = self.items_for(path, code)
        return items[0] if items else None

    def _update_buttons(self) -> None:
        issue = self.current_issue()
        self.fix_button.setEnabled(issue is not None and issue.fix is not None)
        self.confirm_button.setEnabled(issue is not None and issue.code == "stale-translation")

    def _jump(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.jump_requested.emit(path)

    def _fix(self) -> None:
        issue = self.current_issue()
        if issue is not None and issue.fix is not None:
            self.fix_requested.emit(issue)

    def _confirm(self) -> None:
        issue = self.current_issue()
        if issue is not None and issue.code == "stale-translation":
            self.confirm_requested.emit(issue.path)
