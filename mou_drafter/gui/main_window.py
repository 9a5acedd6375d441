"""The main window, a view of the :class:`~.controller.DraftController`: menus, the start page or
the editor (sections, form, live preview), the checks dock, the approved terms dock (it follows
the text being edited), the status bar, and the dialogs a menu opens (settings, template
comparison, about).

The window connects to the controller once, in its constructor, and follows its signals. A
change of interface language builds the widgets again (their texts are translated as they are
made) and shows the same draft at the same section and scroll position; the connections stay as
they were. The window's size and place, the splitter, whether the checks are shown and the last
section of each draft file are kept in the settings file (its ``window`` section) and restored
on the next start.

Start-up comes in two steps (``docs/architecture.md``, *Start-up*): ``MainWindow(start=...)``
makes the first frame — the menus and the start page, from the settings file read as JSON —
without importing the controller, the draft model or the engine; :meth:`MainWindow.load` (the
app calls it once that frame is painted) makes the controller and the editor side and follows
the settings as validated. Anything that needs the controller before then (a button, a menu, a
draft handed over) loads it first: :attr:`MainWindow.controller`. ``MainWindow()`` and
``MainWindow(controller)`` do both steps at once.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMenuBar,
    QProgressDialog,
    QScrollBar,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from .. import __version__
from .i18n import UI_LANGUAGES, _, current_language, set_language
from .palette import is_dark
from .shortcuts import WindowShortcuts
from .start_page import StartPage, StartSettings

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from ..api import Issue
    from ..settings import Settings
    from .checks_panel import ChecksPanel
    from .controller import DraftController
    from .dialogs.compare import CompareDialog
    from .dialogs.settings import SettingsDialog
    from .dialogs.word_edits import WordEditsDialog
    from .draft_document import DraftDocument
    from .forms.editor import SectionEditor
    from .page_view import PageRenderer
    from .preview import PreviewPane
    from .terms_panel import TermsPanel
    from .travel import DropOpener


class MainWindow(QMainWindow):
    stack: QStackedWidget
    start_page: StartPage
    splitter: QSplitter
    editor: SectionEditor
    preview_pane: PreviewPane
    checks: ChecksPanel
    terms_panel: TermsPanel
    terms_dock: QDockWidget
    page_renderer: PageRenderer
    drop_opener: DropOpener
    shortcuts: WindowShortcuts

    def __init__(
        self, controller: DraftController | None = None, *, start: StartSettings | None = None
    ) -> None:
        """The window with ``controller`` (made here unless given), complete; or, given ``start``
        (what the settings file says for the first frame), its first frame only: the menus and
        the start page, with the rest made by :meth:`load`."""
        super().__init__()
        self._controller: DraftController | None = None
        #: Whether the app's start is complete: the window loaded, the settings notices, the
        #: recovery offer and the draft named at start done (``app.run`` sets it).
        self.start_complete = False
        #: Set while :meth:`load` runs (what it calls may ask for the controller).
        self._loading = False
        #: The menu actions by key (``open``, ``save``, ``export``, ``undo``, …).
        self.menu_actions: dict[str, QAction] = {}
        self.compare_dialog: CompareDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        #: Shown while exports run.
        self.progress: QProgressDialog | None = None
        #: The section last shown of each draft file this session (saved on closing).
        self.sections: dict[str, str] = {}
        #: The draft file shown (to remember its section when another draft is opened).
        self._shown_path: str = ""
        #: Whether the clerk wants the checks shown (closing their strip hides them until asked).
        self.checks_wanted = True
        #: The approved terms beside the form: the clerk opens them (View ▸ Approved terms); they
        #: stay shown for the next drafts of this session.
        self.terms_wanted = False
        self.checks_button: QToolButton | None = None
        #: The changes made in Word to the Word file just opened, while they are shown.
        self.word_edits_dialog: WordEditsDialog | None = None
        #: Whether the palette the marks were chosen for is dark.
        self._dark = is_dark()
        self.resize(1400, 860)
        if start is None:
            self.load(controller)
            return
        #: The interface language of the first frame (the settings file as read for it).
        self._first_language = start.ui_language
        self._build_start(start.recent)
        if start.geometry:
            self.restoreGeometry(QByteArray.fromBase64(start.geometry.encode("ascii")))
        self._file_changed(None, False)

    @property
    def loaded(self) -> bool:
        """Whether the controller and the editor side are made (:meth:`load`)."""
        return self._controller is not None

    @property
    def controller(self) -> DraftController:
        """What the window shows and acts on (made now if the window shows its first frame only)."""
        if self._controller is None:
            self.load()
        assert self._controller is not None
        return self._controller

    def load(self, controller: DraftController | None = None) -> None:
        """Make what the first frame left out: the controller (``controller``, or one made here:
        the settings, the template library), the editor side, the connections; then follow the
        settings as validated (the interface language and the recent drafts the first frame
        read from the file without validating it). Does nothing if done already."""
        if self._controller is not None or self._loading:
            return
        self._loading = True
        from .controller import DraftController
        from .interaction import Interaction
        from .page_view import PageRenderer
        from .travel import DropOpener

        self._controller = (
            controller if controller is not None else DraftController(Interaction(), parent=self)
        )
        if self._controller.interaction.parent is None:
            self._controller.interaction.parent = self  # the questions' dialogs belong to the window
        settings = self._controller.settings
        #: Makes the print preview's pages; kept when the widgets are built again.
        self.page_renderer = PageRenderer(self)
        self.sections = dict(settings.window.sections)
        self.checks_wanted = settings.window.checks_visible
        #: A draft or an exported Word file dropped on the window opens.
        self.drop_opener = DropOpener(self, self._controller)
        first_frame = hasattr(self, "start_page")
        if not first_frame:
            self._build_start(settings.recent)
        elif settings.recent != list(self._start_recent):
            self.start_page.show_recent(settings.recent)
        self._build_editor()
        self._restore_window(geometry=not first_frame)
        self._show(on_start=False)
        self._connect(self._controller)
        #: Export (Ctrl+E) from a text field too: under the Linux keyboard schemes a field takes
        #: Ctrl+E as "end of line".
        self.shortcuts = WindowShortcuts(self, [QKeySequence("Ctrl+E")])
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._loading = False
        if first_frame and settings.ui_language != self._first_language:
            # the settings file the first frame read is damaged: the defaults are used
            set_language(settings.ui_language)
            self._ui_language_changed(settings.ui_language)

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
        self._build_start(self.controller.settings.recent)
        self._build_editor()

    def _build_start(self, recent: Sequence[str]) -> None:
        """The first frame's part: the start page (listing ``recent``) and the menus."""
        from .qt_strings import install

        install()
        self._start_recent = tuple(recent)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)  # deletes the widgets of an earlier build
        self.start_page = StartPage(lambda: self.controller, recent)
        self.stack.addWidget(self.start_page)
        self._build_menus()
        self.statusBar()  # in the first frame: made later, it shows laid out wrong for a frame

    def _build_editor(self) -> None:
        """The editor side (sections, form, previews), the checks and terms docks; with the controller."""
        from .checks_panel import ChecksPanel
        from .forms.editor import SectionEditor
        from .preview import PreviewPane
        from .terms_panel import TermsPanel

        self.editor = SectionEditor()
        self.editor.section_changed.connect(self._section_changed)
        self.preview_pane = PreviewPane(self.controller, self.page_renderer)
        self.preview_pane.jump_requested.connect(self.focus_path)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("editor")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.editor.section_list, self.editor, self.preview_pane):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([220, 620, 560])
        self.stack.addWidget(self.splitter)
        self.checks = ChecksPanel(self)
        self.checks.jump_requested.connect(self.focus_path)
        self.checks.fix_requested.connect(self.controller.fix_issue)
        self.checks.confirm_requested.connect(self.controller.confirm_translation)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.checks)
        self.checks.hide()
        self.checks.closed.connect(self._checks_closed)
        if self.checks_button is not None:
            self.statusBar().removeWidget(self.checks_button)
            self.checks_button.deleteLater()
        self.checks_button = QToolButton()
        self.checks_button.setObjectName("status.checks")
        self.checks_button.setAutoRaise(True)
        self.checks_button.setToolTip(_("Show or hide the checks"))
        self.checks_button.clicked.connect(self.toggle_checks)
        self.checks_button.hide()
        self.statusBar().addPermanentWidget(self.checks_button)
        self.terms_panel = TermsPanel()
        self.terms_panel.inserter = self._insert_term
        self.terms_dock = QDockWidget(_("Terms"), self)
        self.terms_dock.setObjectName("terms-dock")
        self.terms_dock.setWidget(self.terms_panel)
        self.terms_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.terms_dock)
        self.terms_dock.hide()
        self.terms_dock.visibilityChanged.connect(self._terms_visibility)
        self._sync_menus()

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

    def _sync_menus(self) -> None:
        """The menu actions that follow the open draft and the clerk's choices."""
        doc = self._controller.doc if self._controller is not None else None
        stack = doc.undo_stack if doc is not None else None
        self._undo_changed(bool(stack and stack.canUndo()), bool(stack and stack.canRedo()))
        self.menu_actions["checks"].setChecked(self.checks_wanted)
        self.menu_actions["checks"].setEnabled(doc is not None)
        self.menu_actions["terms"].setChecked(self.terms_wanted)
        self.menu_actions["terms"].setEnabled(doc is not None)

    def _build_menus(self) -> None:
        self.setMenuBar(QMenuBar(self))  # the earlier one, its menus and their actions are deleted
        self.menu_actions = {}

        def c() -> DraftController:  # the controller when an action is used (made after the first frame)
            return self.controller

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
            lambda: c().new_document("mou"),
            QKeySequence.StandardKey.New,
        )
        action(file_menu, "new-minutes", _("New conference minutes"), lambda: c().new_document("minutes"))
        action(file_menu, "open", _("Open…"), lambda: c().choose_and_open(), QKeySequence.StandardKey.Open)
        action(file_menu, "new-from", _("New from this document…"), self._new_from_document)
        action(file_menu, "start", _("Start page"), self.show_start)
        action(file_menu, "recover-older", _("Recover older drafts…"), lambda: c().recover_older())
        file_menu.addSeparator()
        action(file_menu, "save", _("Save"), lambda: c().save(), QKeySequence.StandardKey.Save)
        action(file_menu, "save-as", _("Save as…"), lambda: c().save_as(), QKeySequence.StandardKey.SaveAs)
        action(file_menu, "export", _("Export to Word…"), lambda: c().export(), QKeySequence("Ctrl+E"))
        file_menu.addSeparator()
        action(file_menu, "quit", _("Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        action(edit_menu, "undo", _("Undo"), lambda: c().undo(), QKeySequence.StandardKey.Undo)
        action(edit_menu, "redo", _("Redo"), lambda: c().redo(), QKeySequence.StandardKey.Redo)
        edit_menu.addSeparator()
        action(
            edit_menu, "settings", _("Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )

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
        action(view_menu, "print-preview", _("Print preview"), self.show_pages, QKeySequence("Ctrl+Shift+P"))
        checks = action(view_menu, "checks", _("Checks"), self.toggle_checks, QKeySequence("Ctrl+Shift+K"))
        checks.setCheckable(True)
        terms = action(
            view_menu, "terms", _("Approved terms"), self.toggle_terms, QKeySequence("Ctrl+Shift+T")
        )
        terms.setCheckable(True)
        language_menu = view_menu.addMenu(_("Interface language"))
        for code, name in UI_LANGUAGES.items():
            act = QAction(name, language_menu, checkable=True)
            act.setObjectName(f"action.ui-{code}")
            act.setChecked(code == current_language())
            act.triggered.connect(lambda _c=False, code=code: c().set_ui_language(code))
            language_menu.addAction(act)

        tools_menu = self.menuBar().addMenu(_("&Tools"))
        action(tools_menu, "compare", _("Compare template versions…"), self.open_compare)

        help_menu = self.menuBar().addMenu(_("&Help"))
        action(help_menu, "about", _("About MoU Drafter"), self.about, QKeySequence.StandardKey.HelpContents)
        self._sync_menus()

    def _new_from_document(self) -> None:
        from . import travel

        travel.new_from_document(self.controller)

    # -- following the controller ---------------------------------------------------------------
    def _document_changed(self, doc: DraftDocument | None, keep: str | None = None) -> None:
        self._remember_section()
        self.menu_actions["checks"].setEnabled(doc is not None)
        if doc is None:
            self._shown_path = ""
            self.show_start()
            self.checks.clear()  # nothing of the closed draft stays
            self._show_checks(False)
            self.preview_pane.close_document()
            self.terms_dock.hide()
            self.menu_actions["terms"].setEnabled(False)
            return
        self._shown_path = str(doc.path.resolve()) if doc.path is not None else ""
        self.editor.set_document(doc, keep or self.sections.get(self._shown_path))
        self.preview_pane.show_document()
        self.stack.setCurrentWidget(self.splitter)
        self._show_checks(self.checks_wanted)
        self.menu_actions["terms"].setEnabled(True)
        self.terms_dock.setVisible(self.terms_wanted)
        self.terms_panel.show_for("", None, None, None)

    def _file_changed(self, path: Path | None, modified: bool) -> None:
        name = path.name if path is not None else _("New draft")
        self.setWindowTitle(
            f"{name}[*] — MoU Drafter"
            if self._controller is not None and self._controller.doc is not None
            else "MoU Drafter[*]"
        )
        self.setWindowModified(modified)

    def _value_changed(self, path: str) -> None:
        self.editor.value_changed(path)
        if path == "languages":
            self.preview_pane.fill_languages()
        panel = self.terms_panel
        if panel.path and panel.path.rpartition(".")[0] == path.rpartition(".")[0]:
            self.refresh_terms()  # another language of the text being edited changed

    def _structure_changed(self, path: str) -> None:
        self.editor.structure_changed(path)

    def _edited(self) -> None:
        self.preview_pane.schedule()

    def _undo_changed(self, can_undo: bool, can_redo: bool) -> None:
        self.menu_actions["undo"].setEnabled(can_undo)
        self.menu_actions["redo"].setEnabled(can_redo)

    def _issues_changed(self, issues: list[Issue]) -> None:
        if self.controller.doc is None:
            self.checks.clear()
        else:
            self.checks.show_issues(issues)
        self.editor.show_issues(issues)
        self._update_checks_button()

    def _export_started(self, _job: int) -> None:
        if self.progress is None:
            progress = QProgressDialog(_("Exporting…"), "", 0, 0, self)
            progress.setCancelButton(None)  # Qt: no cancel button
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
        page = self.editor.current_page()
        form_scroll = page.verticalScrollBar().value() if page is not None else 0
        preview_scroll = self.preview_pane.browser.verticalScrollBar().value()
        tab = self.preview_pane.tabs.currentIndex()
        sizes = self.splitter.sizes()
        self.preview_pane.detach()
        self.removeDockWidget(self.checks)
        self.checks.deleteLater()
        self.removeDockWidget(self.terms_dock)
        self.terms_dock.deleteLater()
        self._build()
        self.splitter.setSizes(sizes)
        self.preview_pane.keep_position(preview_scroll)
        self._show(on_start=on_start, section=section)
        self.preview_pane.tabs.setCurrentIndex(tab)
        page = self.editor.current_page()
        if page is not None:
            scroll_when_ready(page.verticalScrollBar(), form_scroll)

    # -- the view's own actions -----------------------------------------------------------------
    def focus_path(self, path: str) -> bool:
        """Show the section holding ``path`` and put the cursor in its field."""
        return self.editor.focus_path(path)

    def show_pages(self) -> None:
        """Open the print preview (View ▸ Print preview)."""
        if self.controller.doc is not None:
            self.preview_pane.show_pages()

    # -- the checks strip -------------------------------------------------------------------
    def toggle_checks(self) -> None:
        """Show the checks, or hide them (the clerk's choice is kept)."""
        self.checks_wanted = not self.checks.isVisible()
        self._show_checks(self.checks_wanted)

    def _show_checks(self, visible: bool) -> None:
        visible = visible and self.controller.doc is not None
        self.checks.setVisible(visible)
        self.menu_actions["checks"].setChecked(visible)
        self._update_checks_button()

    def _checks_closed(self) -> None:
        """The clerk closed the strip with its title bar's button: hidden until asked for."""
        self.checks_wanted = False
        self.menu_actions["checks"].setChecked(False)
        self._update_checks_button()

    def _update_checks_button(self) -> None:
        if self.checks_button is None:
            return
        self.checks_button.setVisible(self.controller.doc is not None)
        self.checks_button.setText(self.checks.summary())

    # -- following the clerk ----------------------------------------------------------------
    def _section_changed(self, key: str) -> None:
        section = self.editor.current_section
        if section is not None:
            self.preview_pane.follow(section.clauses)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field got the cursor: the previews scroll to where it is printed, and the term side
        list follows the per-language text."""
        try:
            if new is None or new.window() is not self or self.controller.doc is None:
                return
            path = new.objectName()
            if not path or self.editor.registry.get(path) is not new:
                return
            section = self.editor.current_section
            if section is not None:
                self.preview_pane.follow(section.clauses, path)
            from .forms.fields import LANG_LABELS  # imported with the editor

            if path.rpartition(".")[2] in LANG_LABELS:
                self.refresh_terms(path)
        except RuntimeError:  # the window is being destroyed
            return

    # -- the window as it was left ------------------------------------------------------------
    def _restore_window(self, *, geometry: bool = True) -> None:
        saved = self.controller.settings.window
        if geometry and saved.geometry:
            self.restoreGeometry(QByteArray.fromBase64(saved.geometry.encode("ascii")))
        if saved.splitter and len(saved.splitter) == 3 and all(size > 0 for size in saved.splitter):
            self.splitter.setSizes(saved.splitter)

    def _remember_section(self) -> None:
        if self._shown_path and self.editor.current_key:
            self.sections[self._shown_path] = self.editor.current_key

    def save_window(self) -> None:
        """Keep the window's size and place, the splitter, the checks' visibility and the last
        section of each recent draft in the settings file."""
        self._remember_section()
        recent = set(self.controller.settings.recent)
        sections = {path: key for path, key in self.sections.items() if path in recent}
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        splitter = (
            self.splitter.sizes() if self.splitter.isVisible() else self.controller.settings.window.splitter
        )

        def change(settings: Settings) -> None:
            settings.window.geometry = geometry
            settings.window.splitter = list(splitter)
            settings.window.checks_visible = self.checks_wanted
            settings.window.sections = sections

        self.controller.update_settings(change)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        # The system switched between light and dark (a widget hears of it as PaletteChange;
        # ApplicationPaletteChange never reaches changeEvent): the marks' and fields' colours
        # are chosen for the palette, so the forms and marks are made again.
        if event.type() == QEvent.Type.PaletteChange and is_dark() != self._dark:
            self._dark = is_dark()
            if self._controller is not None and self._controller.doc is not None:
                self.editor.rebuild(self.editor.current_key)
                self._issues_changed(self.controller.issues)

    # -- the approved terms of the text being edited -------------------------------------------
    def _terms_visibility(self, visible: bool) -> None:
        """Closed with its title bar's button (or shown): the clerk's choice, while a draft is open."""
        if (
            self._controller is not None
            and self._controller.doc is not None
            and self.isVisible()
            and "terms" in self.menu_actions
        ):
            self.terms_wanted = visible
            self.menu_actions["terms"].setChecked(visible)

    def toggle_terms(self) -> None:
        """Show the approved terms beside the form, or hide them."""
        self.terms_wanted = not self.terms_dock.isVisible()
        self.terms_dock.setVisible(self.terms_wanted and self.controller.doc is not None)
        self.menu_actions["terms"].setChecked(self.terms_dock.isVisible())
        if self.terms_wanted:
            self.refresh_terms()

    def refresh_terms(self, path: str | None = None) -> None:
        """Show the approved terms for the text at ``path`` (default: the one shown)."""
        path = path or self.terms_panel.path
        doc = self.controller.doc
        widget = self.editor.registry.get(path) if path else None
        if doc is None or widget is None:
            self.terms_panel.show_for("", None, None, None)
            return
        self.terms_panel.show_for(path, widget, doc.get(path.rpartition(".")[0]), self.controller.terms())

    def _insert_term(self, path: str, value: str, position: int) -> None:
        """Insert a term from the side list: an undo step of its own, the cursor after the term."""
        from .forms.paste import place_cursor

        doc = self.controller.doc
        if doc is not None and doc.set_value(path, value, merge=False, label=_("Insert term")):
            widget = self.editor.registry.get(path)
            if widget is not None:
                place_cursor(widget, position)  # type: ignore[arg-type]

    def show_start(self) -> None:
        self._start_recent = tuple(self.controller.settings.recent)
        self.start_page.show_recent(self._start_recent)
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
        from . import travel
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
        self._remember_section()
        if self.controller.close_document():
            self.page_renderer.forget()
            self.save_window()
            event.accept()
        else:
            event.ignore()


def scroll_when_ready(bar: QScrollBar, value: int, wait_ms: int = 2000) -> None:
    """Scroll ``bar`` to ``value`` now, or as soon as its range allows (a page just built is laid
    out later), waiting at most ``wait_ms``."""
    if bar.maximum() >= value:
        bar.setValue(value)
        return
    connected = [True]

    def stop() -> None:
        if connected[0]:
            connected[0] = False
            with contextlib.suppress(RuntimeError):  # the bar is gone
                bar.rangeChanged.disconnect(ranged)

    def ranged(_low: int, high: int) -> None:
        if high >= value:
            bar.setValue(value)
            stop()

    bar.rangeChanged.connect(ranged)
    QTimer.singleShot(wait_ms, bar, stop)
