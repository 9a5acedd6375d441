"""The main window: start page, section list, form, live preview, validation panel, menus.

Everything the user edits goes into :class:`DraftDocument` (the pydantic Draft plus an undo
stack); the preview and the validation panel follow it after a short debounce, the preview
rendered off the UI thread by the engine's HTML renderer.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QColor, QDesktopServices, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..api import (
    Fonts,
    Issue,
    RenderOptions,
    TemplateLibrary,
    TermList,
    TermListError,
    compare_versions,
    load_draft,
    new_draft,
    render_to_path,
    save_draft,
    term_list,
    validate_draft,
)
from ..errors import MouDrafterError
from ..folders import data_dir
from ..model.draft import Draft
from ..model.paths import field_prefix
from ..settings import ExportSettings, Settings, load_settings, save_settings, template_library
from .autosave import Autosaver
from .checks_panel import ChecksPanel
from .dialogs.export import ExportDialog
from .draft_document import DraftDocument
from .forms.field_names import describe
from .forms.fields import LANG_LABELS, Form
from .forms.markers import set_issue
from .forms.sections import Section, section_for_path, sections_for
from .i18n import UI_LANGUAGES, _, current_language, set_language
from .interaction import Interaction
from .terms_panel import TermsPanel
from .workers import Worker

PREVIEW_DELAY_MS = 200
STATUS_MARKS = {"complete": ("✔", "#2e7d32"), "incomplete": ("●", "#d9822b"), "errors": ("✖", "#c62828")}


def _render_preview(draft: Draft, options: RenderOptions, library: TemplateLibrary) -> str:
    """The document as HTML."""
    from ..api import render_to_bytes

    return render_to_bytes(draft, options, fmt="html", library=library)[""].decode("utf-8")


def _sample_title(path: Path) -> str:
    """A sample's title in the interface language (the file name if it cannot be read)."""
    try:
        draft = load_draft(path)
    except MouDrafterError:
        return path.stem
    lang = current_language()
    if draft.kind == "minutes" and draft.minutes is not None:
        conf = draft.minutes.conference
        title = conf.title.get(lang) or conf.title.vi
        year = conf.start.year if conf.start else ""
        return f"{_('Minutes')}: {title} ({conf.ordinal}, {year})"
    return f"{_('MoU')}: {draft.title.get(lang) or draft.title.vi}"


class StartPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("start-page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        title = QLabel(f"<h1>MoU Drafter</h1><p>{_('Bilingual Vietnamese–Lao memoranda of understanding and conference minutes, exported to Word.')}</p>")
        title.setWordWrap(True)
        outer.addWidget(title)
        row = QHBoxLayout()
        outer.addLayout(row)
        actions = QVBoxLayout()
        row.addLayout(actions, 1)
        for name, label, slot in (
            ("start.new-mou", _("New memorandum of understanding"), lambda: window.new_document("mou")),
            ("start.new-minutes", _("New conference minutes"), lambda: window.new_document("minutes")),
            ("start.open", _("Open a draft…"), window.open_dialog),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.setMinimumHeight(44)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        lists = QVBoxLayout()
        row.addLayout(lists, 2)
        lists.addWidget(QLabel(f"<b>{_('Recent drafts')}</b>"))
        self.recent = QListWidget()
        self.recent.setObjectName("start.recent")
        for path in load_settings().recent:
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        if not self.recent.count():
            self.recent.addItem(_("(none yet)"))
        self.recent.itemActivated.connect(lambda item: item.data(Qt.ItemDataRole.UserRole)
                                          and window.open_path(Path(item.data(Qt.ItemDataRole.UserRole))))
        lists.addWidget(self.recent)
        lists.addWidget(QLabel(f"<b>{_('Samples')}</b>"))
        self.samples = QListWidget()
        self.samples.setObjectName("start.samples")
        for path in sorted(data_dir("seeds").glob("*.moud")):
            item = QListWidgetItem(_sample_title(path))
            item.setToolTip(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.samples.addItem(item)
        self.samples.itemActivated.connect(lambda item: window.open_sample(Path(item.data(Qt.ItemDataRole.UserRole))))
        lists.addWidget(self.samples)


class MainWindow(QMainWindow):
    def __init__(self, started: float | None = None) -> None:
        super().__init__()
        self.started = started or time.perf_counter()
        self.interaction = Interaction(self)
        self.doc: DraftDocument | None = None
        self.sections: list[Section] = []
        self.forms: dict[str, Form] = {}
        self.pages: dict[str, QWidget] = {}
        self.registry: dict[str, QWidget] = {}
        self.issues: list[Issue] = []
        self.autosaver = Autosaver()
        self.preview_worker = Worker(self)
        self.preview_worker.finished.connect(self._show_preview)
        self.preview_worker.failed.connect(lambda msg: self.preview.setPlainText(msg))
        self.export_worker = Worker(self)
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)
        self.validation_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.validation_timer.timeout.connect(self.update_validation)
        self.party_names_timer = QTimer(self, singleShot=True, interval=800)
        self.party_names_timer.timeout.connect(self._refresh_party_choices)
        #: The settings as last read: the fonts of the preview and of exports.
        self.settings = load_settings()
        #: Why the settings file could not be written the last time, or "".
        self.settings_problem = ""
        #: The templates in the folders the settings name; made again when the settings change.
        self.library = template_library(self.settings)
        self.autosave_timer = QTimer(self, interval=self.settings.autosave_seconds * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.resize(1400, 860)
        self._build()
        from PySide6.QtWidgets import QApplication

        QApplication.instance().focusChanged.connect(self._focus_changed)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        from .qt_strings import install

        install()
        self.setWindowTitle("MoU Drafter[*]")
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start_page = StartPage(self)
        self.stack.addWidget(self.start_page)

        editor = QSplitter(Qt.Orientation.Horizontal)
        editor.setObjectName("editor")
        self.section_list = QListWidget()
        self.section_list.setObjectName("sections")
        self.section_list.setMinimumWidth(200)
        self.section_list.currentRowChanged.connect(self._section_selected)
        editor.addWidget(self.section_list)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        self.section_title = QLabel()
        self.section_title.setObjectName("section-title")
        middle_layout.addWidget(self.section_title)
        self.form_stack = QStackedWidget()
        middle_layout.addWidget(self.form_stack, 1)
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
        middle_layout.addLayout(nav)
        editor.addWidget(middle)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(_("Preview")))
        self.preview_view = QComboBox()
        self.preview_view.setObjectName("preview.view")
        self.preview_view.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        controls.addWidget(self.preview_view, 1)
        self.preview_layout = QComboBox()
        self.preview_layout.setObjectName("preview.layout")
        self.preview_layout.addItem(_("Side by side"), "side-by-side")
        self.preview_layout.addItem(_("Sequential"), "sequential")
        self.preview_layout.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        controls.addWidget(self.preview_layout, 1)
        right_layout.addLayout(controls)
        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        self.preview.setOpenLinks(False)
        right_layout.addWidget(self.preview, 1)
        editor.addWidget(right)
        editor.setSizes([220, 620, 560])
        self.stack.addWidget(editor)
        self.editor = editor

        self.checks = ChecksPanel()
        self.checks.jump.connect(self.focus_path)
        self.checks.fix.connect(self.fix_issue)
        self.checks.confirm.connect(self.confirm_translation)
        self.issue_list = self.checks.list
        dock = QDockWidget(_("Checks"), self)
        dock.setObjectName("issues-dock")
        dock.setWidget(self.checks)
        self.checks.setMaximumHeight(190)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.issue_dock = dock
        dock.hide()
        self.terms_panel = TermsPanel()
        self.terms_panel.inserter = self._insert_term
        terms_dock = QDockWidget(_("Terms"), self)
        terms_dock.setObjectName("terms-dock")
        terms_dock.setWidget(self.terms_panel)
        terms_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                               | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, terms_dock)
        self.terms_dock = terms_dock
        terms_dock.hide()
        self._marked: dict[str, tuple[str, str]] = {}
        self._build_menus()
        if self.doc is not None:
            self._load_document(self.doc)

    def _build_menus(self) -> None:
        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(_("&File"))
        self.actions: dict[str, QAction] = {}

        def action(menu, key: str, text: str, slot, shortcut=None) -> QAction:
            act = QAction(text, self)
            act.setObjectName(f"action.{key}")
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            menu.addAction(act)
            self.actions[key] = act
            return act

        action(file_menu, "new-mou", _("New memorandum of understanding"), lambda: self.new_document("mou"),
               QKeySequence.StandardKey.New)
        action(file_menu, "new-minutes", _("New conference minutes"), lambda: self.new_document("minutes"))
        action(file_menu, "open", _("Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        action(file_menu, "start", _("Start page"), self.show_start)
        file_menu.addSeparator()
        action(file_menu, "save", _("Save"), self.save, QKeySequence.StandardKey.Save)
        action(file_menu, "save-as", _("Save as…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        action(file_menu, "export", _("Export to Word…"), self.export, QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        action(file_menu, "quit", _("Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.undo_action = action(edit_menu, "undo", _("Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = action(edit_menu, "redo", _("Redo"), self.redo, QKeySequence.StandardKey.Redo)
        edit_menu.addSeparator()
        action(edit_menu, "settings", _("Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences)

        view_menu = self.menuBar().addMenu(_("&View"))
        action(view_menu, "next-section", _("Next section"), lambda: self.go(1), QKeySequence("Ctrl+PgDown"))
        action(view_menu, "previous-section", _("Previous section"), lambda: self.go(-1), QKeySequence("Ctrl+PgUp"))
        action(view_menu, "checks", _("Show checks"), lambda: self.issue_dock.setVisible(True))
        action(view_menu, "terms", _("Show approved terms"), lambda: self.terms_dock.setVisible(True))
        language_menu = view_menu.addMenu(_("Interface language"))
        for code, name in UI_LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setObjectName(f"action.ui-{code}")
            act.setChecked(code == current_language())
            act.triggered.connect(lambda _c=False, c=code: self.set_ui_language(c))
            language_menu.addAction(act)

        tools_menu = self.menuBar().addMenu(_("&Tools"))
        action(tools_menu, "compare", _("Compare template versions…"), self.open_compare)

        help_menu = self.menuBar().addMenu(_("&Help"))
        action(help_menu, "about", _("About MoU Drafter"), self.about, QKeySequence.StandardKey.HelpContents)

    # -- documents ------------------------------------------------------------------------------
    def _confirm_discard(self) -> bool:
        if self.doc is None or not self.doc.modified:
            return True
        name = self.doc.path.name if self.doc.path else _("the new draft")
        answer = self.interaction.ask_save_changes(name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_document(self, kind: str) -> None:
        if self._confirm_discard():
            self._load_document(DraftDocument(new_draft(kind, library=self.library), None, self))

    def open_dialog(self) -> None:
        folder = str(self.doc.path.parent) if self.doc and self.doc.path else str(Path.home())
        path = self.interaction.open_file_name(folder)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        if not self._confirm_discard():
            return False
        try:
            draft = load_draft(path)
        except MouDrafterError as exc:
            self.interaction.error(_("Cannot open the draft"), str(exc) + "\n\n" + _("The file was not changed."))
            return False
        self._load_document(DraftDocument(draft, path, self))
        self._remember_recent(path)
        self.offer_template_upgrade()
        return True

    def offer_template_upgrade(self) -> bool:
        """If the draft's template has a newer approved version, offer to move to it and show the
        changes as this draft would show them."""
        assert self.doc is not None
        name = self.doc.draft.template.partition("@")[0]
        try:
            target = self.library.upgrade_for(self.doc.draft.template)
        except MouDrafterError:
            return False
        if target is None:
            return False
        lang = self.doc.draft.languages[0]
        try:
            comparison = compare_versions(self.doc.draft.template, target.ref, lang, self.doc.draft,
                                          library=self.library)
        except MouDrafterError:
            return False
        counts = comparison.counts()
        if not self.interaction.offer_template_upgrade(self.doc.draft.template, target.ref, counts):
            return False
        old_ref = self.doc.draft.template
        self.doc.set_value("template", target.ref)
        self.open_compare(name=name, old=old_ref, new=target.ref, language=lang)
        return True

    def open_compare(self, *_args, name: str = "", old: str = "", new: str = "", language: str = "") -> None:
        from .dialogs.compare import CompareDialog

        draft = self.doc.draft if self.doc is not None else None
        self.compare_dialog = CompareDialog(draft, self, name=name or (draft.kind if draft else ""), old=old,
                                            new=new, language=language, library=self.library)
        self.compare_dialog.show()

    def open_sample(self, path: Path) -> None:
        """A sample opens as a new, unsaved draft, so the shipped file is never overwritten."""
        if not self._confirm_discard():
            return
        try:
            draft = load_draft(path)
        except MouDrafterError as exc:
            self.interaction.error(_("Cannot open the draft"), str(exc))
            return
        self._load_document(DraftDocument(draft, None, self))

    def recover(self, draft: Draft, original: Path | None) -> None:
        doc = DraftDocument(draft, original, self)
        self._load_document(doc)
        doc.mark_modified()

    def _load_document(self, doc: DraftDocument) -> None:
        self.party_names_timer.stop()
        if self.doc is not None and self.doc is not doc:
            self.doc.deleteLater()
        self.doc = doc
        doc.value_changed.connect(self._value_changed)
        doc.structure_changed.connect(self._structure_changed)
        doc.changed_any.connect(self._changed)
        doc.modified_changed.connect(self._update_title)
        doc.rejected.connect(lambda path, msg: self.statusBar().showMessage(f"{path}: {msg}", 8000))
        doc.notice.connect(lambda message: self.statusBar().showMessage(message, 10000))
        doc.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        doc.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.sections = sections_for(doc.draft.kind)
        self._fill_preview_languages()
        self._rebuild_sections()
        self.stack.setCurrentWidget(self.editor)
        self.issue_dock.show()
        self.terms_dock.show()
        self._marked = {}
        self._update_title()
        self.update_validation()
        self.update_preview()

    def _rebuild_sections(self, keep: str | None = None) -> None:
        assert self.doc is not None
        current = keep or (self.sections[self.section_list.currentRow()].key
                           if 0 <= self.section_list.currentRow() < len(self.sections) else self.sections[0].key)
        self.registry = {}
        self.forms = {}
        self._marked = {}  # new inputs carry no marks yet
        while self.form_stack.count():
            widget = self.form_stack.widget(0)
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

    def _build_section(self, section: Section) -> QWidget:
        assert self.doc is not None
        form = Form(self.doc, self.registry)
        self.forms[section.key] = form
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setObjectName(f"section.{section.key}")
        scroll.setWidget(section.build(form))
        self.pages[section.key] = scroll
        return scroll

    def _replace_section(self, section: Section) -> None:
        index = self.sections.index(section)
        old = self.form_stack.widget(index)
        bar = old.verticalScrollBar().value() if isinstance(old, QScrollArea) else 0
        stale = [p for p, w in self.registry.items() if self.forms[section.key].refreshers.get(p)]
        for path in stale:
            self.registry.pop(path, None)
            self._marked.pop(path, None)
        new = self._build_section(section)
        self.form_stack.insertWidget(index, new)
        self.form_stack.removeWidget(old)
        old.deleteLater()
        if self.section_list.currentRow() == index:
            self.form_stack.setCurrentIndex(index)
        new.verticalScrollBar().setValue(bar)

    # -- reacting to the draft -----------------------------------------------------------------
    def _value_changed(self, path: str) -> None:
        if path == "languages":  # every per-language input changes: rebuild the forms
            QTimer.singleShot(0, self._languages_changed)
            return
        for form in self.forms.values():
            if path in form.refreshers:
                form.refresh(path)
        if self.terms_panel.path and self.terms_panel.path.rpartition(".")[0] == path.rpartition(".")[0]:
            self.refresh_terms()
        if path.startswith("parties[") and (".name." in path or ".short_name." in path):
            self.party_names_timer.start()  # party choices elsewhere show the names

    def _languages_changed(self) -> None:
        if self.doc is None:
            return
        self._fill_preview_languages()
        self._rebuild_sections()

    def _fill_preview_languages(self) -> None:
        assert self.doc is not None
        self.preview_view.blockSignals(True)
        self.preview_view.clear()
        self.preview_view.addItem(_("All languages"), "")
        for lang in self.doc.draft.languages:
            self.preview_view.addItem(LANG_LABELS[lang], lang)
        self.preview_view.blockSignals(False)

    def _refresh_party_choices(self) -> None:
        if self.doc is None:
            return
        for section in self.sections:
            if section.key in ("obligations", "contributions", "delegations", "conference", "next"):
                self._replace_section(section)

    def _structure_changed(self, path: str) -> None:
        affected = {s.key for s in self.sections if s.owns(path)}
        if path == "parties":
            affected |= {"obligations", "contributions", "delegations", "conference", "next"}
        for section in self.sections:
            if section.key in affected:
                self._replace_section(section)

    def _changed(self) -> None:
        self.schedule_preview()
        self.validation_timer.start()

    def _update_title(self, *_args) -> None:
        name = self.doc.path.name if self.doc and self.doc.path else _("New draft")
        self.setWindowTitle(f"{name}[*] — MoU Drafter")
        self.setWindowModified(bool(self.doc and self.doc.modified))

    # -- sections and navigation ---------------------------------------------------------------
    def _section_selected(self, row: int) -> None:
        if not 0 <= row < len(self.sections):
            return
        self.form_stack.setCurrentIndex(row)
        self.section_title.setText(f"<h2>{self.sections[row].title()}</h2>")
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.sections) - 1)

    def go(self, step: int) -> None:
        row = self.section_list.currentRow() + step
        if 0 <= row < len(self.sections):
            self.section_list.setCurrentRow(row)

    def focus_path(self, path: str) -> bool:
        """Show the section holding ``path`` and focus its field."""
        if self.doc is None:
            return False
        target = field_prefix(path)
        section = section_for_path(self.sections, target)
        if section is None:
            return False
        self.section_list.setCurrentRow(self.sections.index(section))
        widget = self.registry.get(target)
        while widget is None and ("." in target or "[" in target):
            target = target[: max(target.rfind("."), target.rfind("["))]
            widget = self.registry.get(target) or self.registry.get(f"{target}.vi")
        if widget is None:
            page = self.pages.get(section.key)
            widget = page.findChild(QWidget, f"{path}.add") if page else None
        if widget is None:
            return False
        page = self.pages[section.key]
        if isinstance(page, QScrollArea):
            page.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- validation -----------------------------------------------------------------------------
    def terms(self) -> TermList | None:
        """The approved term list of the template folders (None, with a note in the status bar,
        when a term list cannot be read: the built-in one is used)."""
        try:
            return term_list(self.library)
        except TermListError as exc:
            self.statusBar().showMessage(_("Term list not read: {error}").format(error=exc), 10000)
            return None

    def update_validation(self) -> None:
        """Check the draft (findings of unchanged texts are cached, so this stays quick while
        typing) and show the findings in the checks panel, on the fields and on the sections."""
        if self.doc is None:
            return
        self.issues = validate_draft(self.doc.draft, terms=self.terms())
        lang = current_language()
        self.checks.set_issues(self.issues, describe, lang)
        self._mark_fields(lang)
        errors = sum(1 for i in self.issues if i.severity == "error")
        warnings = sum(1 for i in self.issues if i.severity == "warning")
        self.issue_dock.setWindowTitle(_("Checks: {errors} errors, {warnings} warnings, {notes} notes").format(
            errors=errors, warnings=warnings, notes=len(self.issues) - errors - warnings))
        for row, section in enumerate(self.sections):
            state = self.section_state(section)
            mark, color = STATUS_MARKS[state]
            item = self.section_list.item(row)
            if item is not None:
                item.setText(f"{mark}  {section.title()}")
                item.setForeground(QColor(color))
                item.setData(Qt.ItemDataRole.UserRole, state)

    def _mark_fields(self, lang: str) -> None:
        """Red or orange frames on the fields with a script or encoding finding (changed ones only:
        restyling every input of a large draft after each key would be slow)."""
        marked: dict[str, tuple[str, str]] = {}
        for issue in self.issues:
            if issue.code in ("wrong-script", "legacy-encoding") and issue.path not in marked:
                marked[issue.path] = (issue.severity, issue.message(lang))
        previous = self._marked
        for path in set(previous) | set(marked):
            if previous.get(path) != marked.get(path) and path in self.registry:
                set_issue(self.registry[path], *marked.get(path, ("", "")))
        self._marked = marked

    def fix_issue(self, issue: Issue) -> None:
        """Apply the fix of a finding to its field, as an undoable step."""
        if self.doc is None or issue.fix is None:
            return
        label = _("Fix: {check}").format(check=issue.code)
        if self.doc.set_value(issue.path, issue.fix, merge=False, label=label):
            self.statusBar().showMessage(_("Fixed {field}; Undo brings the old text back.").format(
                field=describe(issue.path)), 8000)
            self.update_validation()

    def confirm_translation(self, path: str) -> None:
        if self.doc is not None and self.doc.confirm_translation(path):
            self.update_validation()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The term side list follows the text being edited."""
        try:
            if self.doc is None or new is None:
                return
            path = new.objectName()
            if path.rpartition(".")[2] not in LANG_LABELS or self.registry.get(path) is not new:
                return
            self.refresh_terms(path)
        except RuntimeError:  # the window is being destroyed
            return

    def _insert_term(self, path: str, value: str, position: int) -> None:
        from .forms.paste import place_cursor

        if self.doc is not None and self.doc.set_value(path, value, merge=False, label=_("Insert term")):
            widget = self.registry.get(path)
            if widget is not None:
                place_cursor(widget, position)  # type: ignore[arg-type]

    def refresh_terms(self, path: str | None = None) -> None:
        path = path or self.terms_panel.path
        if self.doc is None or not path or path not in self.registry:
            self.terms_panel.show_for("", None, None, None)
            return
        text = self.doc.get(path.rpartition(".")[0])
        self.terms_panel.show_for(path, self.registry[path], text, self.terms())

    def section_state(self, section: Section) -> str:
        own = [i for i in self.issues if section_for_path(self.sections, i.path) is section and i.severity != "info"]
        if any(i.severity == "error" for i in own):
            return "errors"
        return "incomplete" if own else "complete"

    # -- preview --------------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        self.preview_timer.start()

    def preview_choice(self) -> tuple[str, list[str]]:
        assert self.doc is not None
        lang = self.preview_view.currentData()
        languages = [lang] if lang else list(self.doc.draft.languages)
        layout = self.preview_layout.currentData() or "side-by-side"
        return ("sequential" if len(languages) == 1 else layout), languages

    def preview_options(self) -> RenderOptions:
        """The preview's layout and languages, in the document fonts at screen size (the page
        sizes are for paper)."""
        layout, languages = self.preview_choice()
        fonts = self.settings.fonts
        screen = Fonts(latin=fonts.latin, lao=fonts.lao, latin_size=10, lao_size=10)
        return RenderOptions(layout=layout, languages=tuple(languages), fonts=screen)

    def update_preview(self) -> None:
        if self.doc is None:
            return
        options, library = self.preview_options(), self.library
        snapshot = self.doc.draft.model_copy(deep=True)
        self.preview_worker.submit(lambda: _render_preview(snapshot, options, library))

    def _show_preview(self, html: str) -> None:
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(html)
        bar.setValue(min(position, bar.maximum()))

    # -- files ----------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        suggested = str(self.doc.path or Path.home() / "ban-du-thao.moud")
        path = self.interaction.save_file_name(suggested)
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        assert self.doc is not None
        try:
            save_draft(self.doc.draft, path)
        except MouDrafterError as exc:
            self.interaction.error(_("Cannot save the draft"), str(exc))
            return False
        self.doc.mark_saved(path)
        self.autosaver.clear()
        self._remember_recent(path)
        self._update_title()
        self.statusBar().showMessage(_("Saved {path}").format(path=path), 5000)
        return True

    def _remember_recent(self, path: Path) -> None:
        settings = load_settings()
        entry = str(path.resolve())
        settings.recent = [entry, *[p for p in settings.recent if p != entry]][:10]
        self.save_settings(settings)

    def save_settings(self, settings: Settings) -> bool:
        """Save the settings file; a failure is said in the status bar (the choice is kept for
        this session), never lost silently."""
        try:
            save_settings(settings)
        except (MouDrafterError, OSError) as exc:
            self.settings_problem = _("Settings not saved: {error}").format(error=exc)
            self.statusBar().showMessage(self.settings_problem, 10000)
            return False
        self.settings_problem = ""
        return True

    def autosave(self) -> None:
        """Write the draft to the autosave folder if it changed since the last autosave."""
        if self.doc is None or not self.doc.modified:
            return
        state = (id(self.doc), self.doc.revision)
        if state == getattr(self, "_autosaved_state", None):
            return
        try:
            self.autosaver.save(self.doc.draft, self.doc.path)
        except MouDrafterError as exc:
            self.statusBar().showMessage(_("Autosave failed: {error}").format(error=exc), 8000)
            return
        self._autosaved_state = state

    # -- export ---------------------------------------------------------------------------------
    def missing_fonts(self) -> list[str]:
        fonts = self.settings.fonts
        installed = set(QFontDatabase.families())
        return [name for name in (fonts.latin, fonts.lao) if name not in installed]

    def export(self) -> None:
        if self.doc is None:
            return
        dialog = ExportDialog(self.doc.draft, self.doc.path, self, last=self.settings.export, library=self.library)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            if dialog.jump_path:  # the clerk chose to fill in a missing text first
                self.activateWindow()
                self.focus_path(dialog.jump_path)
            return
        self.remember_export(dialog.choices())
        options = RenderOptions(layout=dialog.layout_choice, languages=tuple(dialog.languages),
                                fonts=self.settings.fonts, lao_zero_width_spaces=dialog.zero_width_spaces,
                                template=dialog.template_ref or "")
        self.run_export(Path(dialog.path.text()), options)

    def remember_export(self, choices: ExportSettings) -> None:
        """Keep the export dialog's choices for next time: the settings' ``export`` section is
        the one place they live."""
        self.settings.export = choices
        settings = load_settings()
        settings.export = choices
        self.save_settings(settings)

    def run_export(self, path: Path, options: RenderOptions) -> None:
        assert self.doc is not None
        missing = self.missing_fonts()
        if missing:
            text = _("These fonts are not installed on this computer: {fonts}. The document still names them; "
                     "on a computer without them, Word shows another font and Lao text may show as boxes. "
                     "Export anyway?").format(fonts=", ".join(missing))
            if not self.interaction.confirm(_("Fonts missing"), text):
                return
        snapshot = self.doc.draft.model_copy(deep=True)
        library = self.library
        progress = QProgressDialog(_("Exporting…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowTitle(_("Export to Word"))
        progress.setMinimumDuration(300)
        self.export_worker.finished.connect(progress.close)
        self.export_worker.failed.connect(progress.close)

        def done(paths: object) -> None:
            self._disconnect_export()
            self.exported = [str(p) for p in paths]  # type: ignore[attr-defined]
            message = _("Exported {path}").format(path=", ".join(self.exported))
            # the choices could not be kept: say so after the export too, not only while it ran
            self.statusBar().showMessage(" · ".join(filter(None, [message, self.settings_problem])),
                                         10000 if self.settings_problem else 8000)
            choice = self.interaction.exported(self.exported)
            if choice == "file":
                QDesktopServices.openUrl(QUrl.fromLocalFile(self.exported[0]))
            elif choice == "folder":
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.exported[0]).parent)))

        def failed(message: str) -> None:
            self._disconnect_export()
            self.export_error = message
            self.interaction.error(_("Export failed"), message)

        self.export_worker.finished.connect(done)
        self.export_worker.failed.connect(failed)
        self.export_worker.submit(lambda: render_to_path(snapshot, path, options, fmt="docx", library=library))

    def _disconnect_export(self) -> None:
        for signal in (self.export_worker.finished, self.export_worker.failed):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass

    # -- misc -----------------------------------------------------------------------------------
    def undo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.undo()

    def redo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.redo()

    def show_start(self) -> None:
        self.stack.setCurrentWidget(self.start_page)

    def set_ui_language(self, code: str) -> None:
        set_language(code)
        settings = load_settings()
        settings.ui_language = code
        self.save_settings(settings)
        on_start = self.stack.currentWidget() is self.start_page
        self.removeDockWidget(self.issue_dock)
        self.removeDockWidget(self.terms_dock)
        self._build()
        if on_start or self.doc is None:
            self.show_start()

    def open_settings(self) -> None:
        from .dialogs.settings import SettingsDialog

        self.settings_dialog = SettingsDialog(self)
        if self.settings_dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.settings = load_settings()
            self.library = template_library(self.settings)  # the shared folder may have changed
            self.autosave_timer.setInterval(self.settings.autosave_seconds * 1000)
            self.schedule_preview()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, _("About MoU Drafter"),
                          f"MoU Drafter {__version__}\n" + _("Bilingual Vietnamese–Lao memoranda of understanding "
                                                              "and conference minutes, exported to Word."))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(1400, 860)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._confirm_discard():
            self.autosaver.clear()
            event.accept()
        else:
            event.ignore()
