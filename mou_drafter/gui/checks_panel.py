"""The checks strip: the open draft's errors (✖), warnings (●) and information (ℹ), each named as
the clerk reads the field ("Party 2 › Name › ພາສາລາວ", in the interface language); clicking one
asks the window to put the cursor in that field. Two buttons act on the selected check: *Fix*
applies the correction it proposes (Thai letters to Lao, a legacy encoding to Unicode), *Still
correct* confirms a translation flagged because another language changed; both are undoable steps
of the draft.

It is a strip at the foot of the window that takes the room its findings need — one line when
there is nothing to report, a line per finding up to :data:`MAX_ROWS` (then it scrolls) — and the
clerk can close it (its title bar, or View ▸ Checks) and open it again; it is emptied when the
draft is closed.

Signals:
    jump_requested(str): the clerk clicked (or activated) the check of this field path.
    fix_requested(object): the clerk wants the fix of this :class:`~mou_drafter.api.Issue` applied.
    confirm_requested(str): the clerk confirms that the translation at this path is still correct.
    closed(): the clerk closed the strip (its title bar's button).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
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
from .palette import mark_color

#: The mark and colour of a section's state (and of a check's severity: error, warning), the
#: colour on a light background; :func:`~.palette.mark_color` gives the one for the palette in use.
STATUS_MARKS = {"complete": ("✔", "#2b6e2f"), "incomplete": ("●", "#9a5200"), "errors": ("✖", "#c62828")}
#: The mark of a check, by severity, and the state whose colour it takes (:func:`~.palette.mark_color`).
SEVERITY_MARKS = {"error": ("✖", "errors"), "warning": ("●", "incomplete"), "info": ("ℹ", "info")}
#: Where an item keeps the index of its issue.
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The most findings shown at once; more scroll.
MAX_ROWS = 8


class ChecksPanel(QDockWidget):
    jump_requested = Signal(str)
    fix_requested = Signal(object)
    confirm_requested = Signal(str)
    closed = Signal()

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
        self.list.setAccessibleName(_("Checks"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.clear()

    def show_issues(self, issues: list[Issue]) -> None:
        """List ``issues`` and count them in the title. The same findings again leave the list and
        its selection alone (the checks run after every edit)."""
        if issues == self.issues and self.list.count():
            self.setWindowTitle(self.summary())
            return
        lang = current_language()
        selected = self.current_issue()
        self.issues = list(issues)
        self.list.clear()
        for index, issue in enumerate(self.issues):
            mark, state = SEVERITY_MARKS.get(issue.severity, SEVERITY_MARKS["warning"])
            item = QListWidgetItem(f"{mark} {describe(issue.path)}: {issue.message(lang)}")
            item.setToolTip(issue.path)
            item.setData(Qt.ItemDataRole.UserRole, issue.path)
            item.setData(ISSUE_ROLE, index)
            item.setForeground(mark_color(state))
            self.list.addItem(item)
            if issue == selected:
                self.list.setCurrentItem(item)
        if not self.issues:
            self.list.addItem(_("No problems found."))
        self.setWindowTitle(self.summary())
        self._fit()
        self._update_buttons()

    def clear(self) -> None:
        """No draft: nothing to report, and nothing of the draft that was closed."""
        self.issues = []
        self.list.clear()
        self.setWindowTitle(_("Checks"))
        self._fit()
        self._update_buttons()

    def summary(self) -> str:
        counts = {
            severity: sum(1 for i in self.issues if i.severity == severity) for severity in SEVERITY_MARKS
        }
        return _("Checks: {errors} errors, {warnings} warnings, {notes} notes").format(
            errors=counts["error"], warnings=counts["warning"], notes=counts["info"]
        )

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
            if (
                isinstance(index, int)
                and self.issues[index].path == path
                and code in ("", self.issues[index].code)
            ):
                found.append(item)
        return found

    def item_for(self, path: str, code: str = "") -> QListWidgetItem | None:
        items = self.items_for(path, code)
        return items[0] if items else None

    def _update_buttons(self) -> None:
        """Each button shows while a finding it can act on is listed (a calm strip otherwise), and
        acts on the selected one."""
        issue = self.current_issue()
        self.fix_button.setVisible(any(i.fix is not None for i in self.issues))
        self.confirm_button.setVisible(any(i.code == "stale-translation" for i in self.issues))
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
