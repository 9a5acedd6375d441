"""The editor of the open draft: the list of sections (with each one's state: complete, incomplete,
errors), the form of the chosen section, Back and Next.

The window lays out :attr:`SectionEditor.section_list` and the editor side by side and forwards
the controller's changes: :meth:`value_changed` refreshes the widgets showing a field,
:meth:`structure_changed` rebuilds the sections showing a list, :meth:`show_issues` marks the
sections. Which widget shows which path is kept in :attr:`registry`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...api import Issue
from ...model.paths import field_prefix
from ..checks_panel import STATUS_MARKS
from ..draft_document import DraftDocument
from ..i18n import _
from ..palette import mark_color
from .markers import set_issue
from .registry import FieldRegistry
from .sections import Section, section_for_path, sections_for

#: Checks shown on the field itself (a red or orange frame with the message as its tooltip).
FIELD_CODES = ("wrong-script", "legacy-encoding")

#: Sections with party choices: rebuilt when the parties or their names change.
PARTY_CHOICES = ("obligations", "contributions", "delegations", "conference", "next")
#: After a party's name is typed, the party choices elsewhere follow after this pause.
PARTY_NAMES_DELAY_MS = 800


class SectionEditor(QWidget):
    """Signals:
    section_changed(str): the section shown is now this one (its key).
    """

    section_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: DraftDocument | None = None
        self.sections: list[Section] = []
        self.issues: list[Issue] = []
        #: Fields framed for a script or encoding finding: path → (severity, message).
        self._marked: dict[str, tuple[str, str]] = {}
        #: Which widget shows which path; the forms and pages of the sections.
        self.registry = FieldRegistry()
        #: The sections, laid out by the window beside the editor.
        self.section_list = QListWidget()
        self.section_list.setObjectName("sections")
        self.section_list.setAccessibleName(_("Sections"))
        self.section_list.setMinimumWidth(200)
        self.section_list.currentRowChanged.connect(self._section_selected)
        layout = QVBoxLayout(self)
        self.section_title = QLabel()
        self.section_title.setObjectName("section-title")
        layout.addWidget(self.section_title)
        self.form_stack = QStackedWidget()
        layout.addWidget(self.form_stack, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton("← " + _("Back"))
        self.back_button.setObjectName("nav.back")
        self.back_button.clicked.connect(lambda: self.go(-1))
        self.next_button = QPushButton(_("Next") + " →")
        self.next_button.setObjectName("nav.next")
        self.next_button.clicked.connect(lambda: self.go(1))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        self.party_names_timer = QTimer(self, singleShot=True, interval=PARTY_NAMES_DELAY_MS)
        self.party_names_timer.timeout.connect(self._refresh_party_choices)

    # -- the draft ------------------------------------------------------------------------------
    def set_document(self, doc: DraftDocument, keep: str | None = None) -> None:
        """Show ``doc``'s sections, at section ``keep`` if it has one, else at the first."""
        self.party_names_timer.stop()
        self.doc = doc
        self.issues = []  # until the controller's checks of this draft arrive
        self.sections = sections_for(doc.draft.kind)
        self.rebuild(keep)

    @property
    def current_key(self) -> str | None:
        row = self.section_list.currentRow()
        return self.sections[row].key if 0 <= row < len(self.sections) else None

    def rebuild(self, keep: str | None = None) -> None:
        """Build every section's form again (the languages changed, or another draft)."""
        current = keep or self.current_key or self.sections[0].key
        self.registry.clear()
        while (widget := self.form_stack.widget(0)) is not None:
            self.form_stack.removeWidget(widget)
            widget.deleteLater()
        self.section_list.blockSignals(True)
        self.section_list.clear()
        for section in self.sections:
            self.section_list.addItem(QListWidgetItem(section.title()))
            self.form_stack.addWidget(self._build_section(section))
        self.section_list.blockSignals(False)
        index = next((i for i, s in enumerate(self.sections) if s.key == current), 0)
        self.section_list.setCurrentRow(index)
        self._section_selected(index)
        self.show_issues(self.issues)

    def _build_section(self, section: Section) -> QScrollArea:
        assert self.doc is not None
        form = self.registry.new_form(section.key, self.doc)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setObjectName(f"section.{section.key}")
        scroll.setWidget(section.build(form))
        self.registry.set_page(section.key, scroll)
        return scroll

    def _replace_section(self, section: Section) -> None:
        index = self.sections.index(section)
        old = self.form_stack.widget(index)
        bar = old.verticalScrollBar().value() if isinstance(old, QScrollArea) else 0
        new = self._build_section(section)
        self.form_stack.insertWidget(index, new)
        if old is not None:
            self.form_stack.removeWidget(old)
            old.deleteLater()
        if self.section_list.currentRow() == index:
            self.form_stack.setCurrentIndex(index)
        new.verticalScrollBar().setValue(bar)

    # -- reacting to the draft ------------------------------------------------------------------
    def value_changed(self, path: str) -> None:
        # every per-language input changes, or the optional clauses the template offers: rebuild
        # the forms, after the widget that changed them has returned
        if path in ("languages", "template"):
            QTimer.singleShot(0, self._languages_changed)
            return
        self.registry.refresh(path)
        if path.startswith("parties[") and (".name." in path or ".short_name." in path):
            self.party_names_timer.start()  # party choices elsewhere show the names

    def _languages_changed(self) -> None:
        if self.doc is not None:
            self.rebuild()

    def _refresh_party_choices(self) -> None:
        if self.doc is None:
            return
        for section in self.sections:
            if section.key in PARTY_CHOICES:
                self._replace_section(section)

    def structure_changed(self, path: str) -> None:
        affected = {s.key for s in self.sections if s.owns(path)}
        if path == "parties":
            affected |= set(PARTY_CHOICES)
        for section in self.sections:
            if section.key in affected:
                self._replace_section(section)

    # -- checks ---------------------------------------------------------------------------------
    def show_issues(self, issues: list[Issue]) -> None:
        """Mark each section complete, incomplete (warnings) or with errors, and the fields with
        a script or encoding finding."""
        self.issues = issues
        self._mark_fields(issues)
        for row, section in enumerate(self.sections):
            state = self.section_state(section)
            mark = STATUS_MARKS[state][0]
            item = self.section_list.item(row)
            if item is not None:
                item.setText(f"{mark}  {section.title()}")
                item.setForeground(mark_color(state))
                item.setData(Qt.ItemDataRole.UserRole, state)

    def _mark_fields(self, issues: list[Issue]) -> None:
        """Frame the inputs of the fields with a script or encoding finding; only inputs whose
        mark changes are touched (restyling every input of a large draft would be slow)."""
        from ..i18n import current_language

        lang = current_language()
        marks: dict[str, tuple[str, str]] = {}
        for issue in issues:
            if issue.code in FIELD_CODES and issue.path not in marks:
                marks[issue.path] = (issue.severity, issue.message(lang))
        for path in set(self._marked) | set(marks):
            widget = self.registry.get(path)
            severity, message = marks.get(path, ("", ""))
            if widget is not None and (
                widget.property("issue") or "",
                widget.property("issue_tip") or "",
            ) != (severity, message):
                set_issue(widget, severity, message)
        self._marked = marks

    def section_state(self, section: Section) -> str:
        """``errors``, ``incomplete`` (warnings) or ``complete``; information does not count."""
        own = [
            i
            for i in self.issues
            if section_for_path(self.sections, i.path) is section and i.severity != "info"
        ]
        if any(i.severity == "error" for i in own):
            return "errors"
        return "incomplete" if own else "complete"

    # -- sections and navigation ----------------------------------------------------------------
    def _section_selected(self, row: int) -> None:
        if not 0 <= row < len(self.sections):
            return
        self.form_stack.setCurrentIndex(row)
        self.section_title.setText(f"<h2>{self.sections[row].title()}</h2>")
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.sections) - 1)
        self.section_changed.emit(self.sections[row].key)

    @property
    def current_section(self) -> Section | None:
        row = self.section_list.currentRow()
        return self.sections[row] if 0 <= row < len(self.sections) else None

    def current_page(self) -> QScrollArea | None:
        """The scroll area of the section shown."""
        widget = self.form_stack.currentWidget()
        return widget if isinstance(widget, QScrollArea) else None

    def go(self, step: int) -> None:
        row = self.section_list.currentRow() + step
        if 0 <= row < len(self.sections):
            self.section_list.setCurrentRow(row)

    def focus_path(self, path: str) -> bool:
        """Show the section holding ``path`` and put the cursor in its field."""
        if self.doc is None:
            return False
        section = section_for_path(self.sections, field_prefix(path))
        if section is None:
            return False
        self.section_list.setCurrentRow(self.sections.index(section))
        return self.registry.focus(path, section.key)
