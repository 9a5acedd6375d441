"""The main window, a view of the :class:`~.controller.DraftController`: menus, the start page or
the editor (sections, form, live preview), the checks dock, the status bar, and the dialogs a
menu opens (settings, template comparison, about).

The window connects to the controller once, in its constructor, and follows its signals. A
change of interface language builds the widgets again (their texts are translated as they are
made) and shows the same draft at the same section; the connections stay as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QProgressDialog, QSplitter, QStackedWidget

from .. import __version__
from . import travel
from .checks_panel import ChecksPanel
from .controller import DraftController
from .draft_document import DraftDocument
from .forms.editor import SectionEditor
from .i18n import UI_LANGUAGES, _, current_language
from .interaction import Interaction
from .preview import PreviewPane
from .start_page import StartPage

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from ..api import Issue
    from .dialogs.compare import CompareDialog
    from .dialogs.settings import SettingsDialog
    from .dialogs.word_edits import WordEditsDialog


class MainWindow(QMainWindow):
    stack: QStackedWidget
    start_page: StartPage
    splitter: QSplitter
    editor: SectionEditor
    preview_pane: PreviewPane
    checks: ChecksPanel

    def __init__(self, controller: DraftController | None = None) -> None:
        super().__init__()
        #: What the window shows and acts on; made here unless given.
        self.controller = (
            controller if controller is not None else DraftController(Interaction(), parent=self)
        )
        if self.controller.interaction.parent is None:
            self.controller.interaction.parent = self  # the questions' dialogs belong to the window
        #: The menu actions by key (``open``, ``save``, ``export``, ``undo``, …).
        self.menu_actions: dict[str, QAction] = {}
        self.compare_dialog: CompareDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        #: Shown while exports run.
        self.progress: QProgressDialog | None = None
        #: The changes made in Word to the Word file just opened, while they are shown.
        self.word_edits_dialog: WordEditsDialog | None = None
        self.resize(1400, 860)
        #: A draft or an exported Word file dropped on the window opens.
        self.drop_opener = travel.DropOpener(self, self.controller)
        self._build()
        self._show(on_start=False)
        self._connect(self.controller)

    def _connect(self, controller: DraftController) -> None:
        """Follow the controller (once: the widgets built again later are reached through self)."""
        controller.document_changed.connect(self._document_changed)
        controller.file_changed.connect(self._file_changed)
        controller.value_changed.connect(self._value_changed)
        controller.structure_changed.connect(self._structure_changed)
        controller.edited.connect(self._edited)
        controller.undo_changed.connect(self._undo_changed)
        controller.issues_changed.connect(self._issues_changed)
        controller.export_started.connect(self._export_started)
        controller.export_finished.connect(self._export_ended)
        controller.export_failed.connect(self._export_ended)
        controller.template_upgraded.connect(self._template_upgraded)
        controller.focus_requested.connect(self._focus_requested)
        controller.status_message.connect(self._status_message)
        controller.settings_changed.connect(self._settings_changed)
        controller.ui_language_changed.connect(self._ui_language_changed)
        controller.word_edits_found.connect(self.show_word_edits)

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        """Make the widgets, menus and dock in the interface language (:meth:`_show` fills them)."""
        from .qt_strings import install

        install()
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)  # deletes the widgets of an earlier build
        self.start_page = StartPage(self.controller)
        self.stack.addWidget(self.start_page)
        self.editor = SectionEditor()
        self.preview_pane = PreviewPane(self.controller)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("editor")
        for widget in (self.editor.section_list, self.editor, self.preview_pane):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([220, 620, 560])
        self.stack.addWidget(self.splitter)
        self.checks = ChecksPanel(self)
        self.checks.jump_requested.connect(self.focus_path)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.checks)
        self.checks.hide()
        self._build_menus()

    def _show(self, *, on_start: bool, section: str | None = None) -> None:
        """Show the controller's draft (at ``section``; the start page in front if ``on_start``), or
        the start page if none is open."""
        doc = self.controller.doc
        if doc is not None:
            self._document_changed(doc, keep=section)
            self._issues_changed(self.controller.issues)
        if on_start or doc is None:
            self.show_start()
        self._file_changed(doc.path if doc is not None else None, bool(doc is not None and doc.modified))

    def _build_menus(self) -> None:
        self.setMenuBar(QMenuBar(self))  # the earlier one, its menus and their actions are deleted
        self.menu_actions = {}
        c = self.controller

        def action(
            menu: QMenu,
            key: str,
            text: str,
            slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        ) -> QAction:
            act = QAction(text, menu)
            act.setObjectName(f"action.{key}")
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            menu.addAction(act)
            self.menu_actions[key] = act
            return act

        file_menu = self.menuBar().addMenu(_("&File"))
        action(
            file_menu,
            "new-mou",
            _("New memorandum of understanding"),
            lambda: c.new_document("mou"),
            QKeySequence.StandardKey.New,
        )
        action(file_menu, "new-minutes", _("New conference minutes"), lambda: c.new_document("minutes"))
        action(file_menu, "open", _("Open…"), c.choose_and_open, QKeySequence.StandardKey.Open)
        action(file_menu, "new-from", _("New from this document…"), lambda: travel.new_from_document(c))
        action(file_menu, "start", _("Start page"), self.show_start)
        file_menu.addSeparator()
        action(file_menu, "save", _("Save"), c.save, QKeySequence.StandardKey.Save)
        action(file_menu, "save-as", _("Save as…"), c.save_as, QKeySequence.StandardKey.SaveAs)
        action(file_menu, "export", _("Export to Word…"), c.export, QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        action(file_menu, "quit", _("Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        action(edit_menu, "undo", _("Undo"), c.undo, QKeySequence.StandardKey.Undo)
        action(edit_menu, "redo", _("Redo"), c.redo, QKeySequence.StandardKey.Redo)
        edit_menu.addSeparator()
        action(
            edit_menu, "settings", _("Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        stack = c.doc.undo_stack if c.doc is not None else None
        self._undo_changed(bool(stack and stack.canUndo()), bool(stack and stack.canRedo()))

        view_menu = self.menuBar().addMenu(_("&View"))
        action(
            view_menu,
            "next-section",
            _("Next section"),
            lambda: self.editor.go(1),
            QKeySequence("Ctrl+PgDown"),
        )
        action(
            view_menu,
            "previous-section",
            _("Previous section"),
            lambda: self.editor.go(-1),
            QKeySequence("Ctrl+PgUp"),
        )
        action(view_menu, "checks", _("Show checks"), lambda: self.checks.setVisible(True))
        language_menu = view_menu.addMenu(_("Interface language"))
        for code, name in UI_LANGUAGES.items():
            act = QAction(name, language_menu, checkable=True)
            act.setObjectName(f"action.ui-{code}")
            act.setChecked(code == current_language())
            act.triggered.connect(lambda _c=False, code=code: c.set_ui_language(code))
            language_menu.addAction(act)

        tools_menu = self.menuBar().addMenu(_("&Tools"))
        action(tools_menu, "compare", _("Compare template versions…"), self.open_compare)

        help_menu = self.menuBar().addMenu(_("&Help"))
        action(help_menu, "about", _("About MoU Drafter"), self.about, QKeySequence.StandardKey.HelpContents)

    # -- following the controller ---------------------------------------------------------------
    def _document_changed(self, doc: DraftDocument | None, keep: str | None = None) -> None:
        if doc is None:
            self.show_start()
            self.checks.hide()
            return
        self.editor.set_document(doc, keep)
        self.preview_pane.show_document()
        self.stack.setCurrentWidget(self.splitter)
        self.checks.show()

    def _file_changed(self, path: Path | None, modified: bool) -> None:
        name = path.name if path is not None else _("New draft")
        self.setWindowTitle(
            f"{name}[*] — MoU Drafter" if self.controller.doc is not None else "MoU Drafter[*]"
        )
        self.setWindowModified(modified)

    def _value_changed(self, path: str) -> None:
        self.editor.value_changed(path)
        if path == "languages":
            self.preview_pane.fill_languages()

    def _structure_changed(self, path: str) -> None:
        self.editor.structure_changed(path)

    def _edited(self) -> None:
        self.preview_pane.schedule()

    def _undo_changed(self, can_undo: bool, can_redo: bool) -> None:
        self.menu_actions["undo"].setEnabled(can_undo)
        self.menu_actions["redo"].setEnabled(can_redo)

    def _issues_changed(self, issues: list[Issue]) -> None:
        self.checks.show_issues(issues)
        self.editor.show_issues(issues)

    def _export_started(self, _job: int) -> None:
        if self.progress is None:
            progress = QProgressDialog(_("Exporting…"), "", 0, 0, self)
            progress.setCancelButton(None)  # type: ignore[arg-type]  # Qt: no cancel button
            progress.setWindowTitle(_("Export to Word"))
            progress.setMinimumDuration(300)
            self.progress = progress

    def _export_ended(self, _job: int, _outcome: object) -> None:
        if self.progress is not None and not self.controller.exporting:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _template_upgraded(self, name: str, old: str, new: str, language: str) -> None:
        self.open_compare(name=name, old=old, new=new, language=language)

    def _focus_requested(self, path: str) -> None:
        self.activateWindow()
        self.focus_path(path)

    def _status_message(self, text: str, timeout: int) -> None:
        self.statusBar().showMessage(text, timeout)

    def _settings_changed(self) -> None:
        self.preview_pane.schedule()

    def _ui_language_changed(self, _code: str) -> None:
        on_start = self.stack.currentWidget() is self.start_page
        section = self.editor.current_key
        self.removeDockWidget(self.checks)
        self.checks.deleteLater()
        self._build()
        self._show(on_start=on_start, section=section)

    # -- the view's own actions -----------------------------------------------------------------
    def focus_path(self, path: str) -> bool:
        """Show the section holding ``path`` and put the cursor in its field."""
        return self.editor.focus_path(path)

    def show_start(self) -> None:
        self.start_page.show_recent(self.controller.settings.recent)
        self.stack.setCurrentWidget(self.start_page)

    def open_compare(
        self, *_args: object, name: str = "", old: str = "", new: str = "", language: str = ""
    ) -> None:
        from .dialogs.compare import CompareDialog

        doc = self.controller.doc
        draft = doc.draft if doc is not None else None
        self.compare_dialog = CompareDialog(
            draft,
            self,
            name=name or (draft.kind if draft else ""),
            old=old,
            new=new,
            language=language,
            library=self.controller.library,
        )
        self.compare_dialog.show()

    def show_word_edits(self, edits: object) -> None:
        """What was changed in Word in the Word file just opened, to take back into the draft."""
        from .dialogs.word_edits import WordEditsDialog

        dialog = WordEditsDialog(edits, self)
        self.word_edits_dialog = dialog
        dialog.accepted.connect(
            lambda: travel.take_back_into(
                self.controller, edits, dialog.accepted_changes(), dialog.keep_template.isChecked()
            )
        )
        dialog.open()

    def open_settings(self) -> None:
        from .dialogs.settings import SettingsDialog

        self.settings_dialog = SettingsDialog(self)
        if self.settings_dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.controller.reload_settings()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            _("About MoU Drafter"),
            f"MoU Drafter {__version__}\n"
            + _(
                "Bilingual Vietnamese–Lao memoranda of understanding "
                "and conference minutes, exported to Word."
            ),
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(1400, 860)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.controller.close_document():
            event.accept()
        else:
            event.ignore()
