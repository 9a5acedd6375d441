"""The app's controller: the open draft and everything done to it as a whole — new, open, save,
save as, close (asking about unsaved changes), autosave and recovery after a crash, the offer of
a newer template version, the checks, export — with no widgets of its own: questions go through
an :class:`~.interaction.Interaction`, and the window (a view) follows the signals below,
connected once.

Edits themselves go through :class:`~.draft_document.DraftDocument` (the pydantic Draft and its
undo stack); the controller relays its signals, so a view connects to the controller once and
never to a document.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QFontInfo

from .. import api
from ..api import Format, Issue, RenderOptions, TemplateLibrary
from ..errors import MouDrafterError
from ..model.draft import Draft
from ..model.recovery import DraftFiles, Recovery
from ..settings import ExportSettings, Settings, load_settings, save_settings, template_library
from . import recovery, travel
from .autosave import Autosaver
from .draft_document import DraftDocument
from .i18n import _, set_language
from .interaction import FillInFirst, Interaction
from .workers import Worker

log = logging.getLogger(__name__)
#: After an edit, the checks run again after this pause.
VALIDATION_DELAY_MS = 200

#: A check of a whole draft: the issues it finds (``api.validate_draft`` is the first).
Check = Callable[[Draft], list[Issue]]


class DraftController(QObject):
    """The open draft, its file, its checks and its exports.

    Signals:
        document_changed(object): another draft is open: the new :class:`DraftDocument`, or None
            (closed). Sent before the first ``issues_changed`` of that draft.
        file_changed(object, bool): the open draft's file (a ``Path``, or None for a new draft)
            or whether it has unsaved changes changed.
        value_changed(str): a field at this path got a new value (edit, undo, redo).
        structure_changed(str): the list at this path was added to, removed from or reordered.
        edited(): the draft changed in any way (after ``value_changed``/``structure_changed``).
        undo_changed(bool, bool): whether there is something to undo, and to redo.
        issues_changed(list): the checks of the open draft (``list[Issue]``), run again.
        export_started(int): an export job (its id) is running.
        export_finished(int, list): the job's files were written (``list[str]``); then the
            controller says so in the status bar and asks the clerk whether to open them.
        export_failed(int, str): the job failed with this message; then the controller shows it.
        template_upgraded(str, str, str, str): the draft moved to a newer template version: the
            template's name, the old and the new version (``name@version``), the language to
            show the changes in.
        focus_requested(str): the clerk wants the cursor in the field at this path.
        status_message(str, int): a message for the status bar, and for how many milliseconds.
        settings_changed(): the settings were read again (fonts, template folders, autosave).
        ui_language_changed(str): the interface language changed to this code: views rebuild.
        autosaved(str): the open draft's full autosave was written to this file.
        word_edits_found(object): the Word file just opened was changed in Word: the changes
            (``api.docx_edits``), for the view to show and the clerk to take back.
    """

    document_changed = Signal(object)
    file_changed = Signal(object, bool)
    value_changed = Signal(str)
    structure_changed = Signal(str)
    edited = Signal()
    undo_changed = Signal(bool, bool)
    issues_changed = Signal(list)
    export_started = Signal(int)
    export_finished = Signal(int, list)
    export_failed = Signal(int, str)
    template_upgraded = Signal(str, str, str, str)
    focus_requested = Signal(str)
    status_message = Signal(str, int)
    settings_changed = Signal()
    ui_language_changed = Signal(str)
    autosaved = Signal(str)
    word_edits_found = Signal(object)

    def __init__(self, interaction: Interaction | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Asks the clerk (dialogs); a test or a console mode answers instead.
        self.interaction = interaction or Interaction()
        #: The settings as last read: the fonts of the preview and of exports, the last export choices.
        self.settings: Settings = load_settings()
        #: Why the settings file could not be written the last time, or "".
        self.settings_problem = ""
        #: The templates in the folders the settings name; made again when the settings change.
        self.library: TemplateLibrary = template_library(self.settings)
        #: The open draft, or None (the start page).
        self.doc: DraftDocument | None = None
        #: The checks run on the draft, in order; their issues are shown together. The first is
        #: the draft's validation with the approved term list of the template folders; the second
        #: what only its template can tell (optional clauses, wording edited in Word).
        self.checks: list[Check] = [self.validate, lambda draft: travel.template_checks(self.library, draft)]
        #: What the checks found in the open draft the last time they ran.
        self.issues: list[Issue] = []
        #: The open draft's recovery files: a journal of every change within half a second, the
        #: full autosave after a pause and on the interval (``autosave.py``, ``docs/recovery.md``).
        self.autosaver = Autosaver(self)
        self.autosaver.failed.connect(self._autosave_failed)  # queued: it comes from the writer's thread
        self.autosaver.saved.connect(self.autosaved)  # queued too
        self.autosave_timer = QTimer(self, interval=self.settings.autosave_seconds * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.validation_timer = QTimer(self, singleShot=True, interval=VALIDATION_DELAY_MS)
        self.validation_timer.timeout.connect(self.update_validation)
        self.export_worker = Worker(self, latest_only=False)
        self.export_worker.finished.connect(self._export_done)
        self.export_worker.failed.connect(self._export_failed)
        #: The exports running: job id → the file asked for.
        self.exports: dict[int, Path] = {}
        #: Offer a newer template version when a draft opens (not when the app only shows its
        #: window for a start-up check: no question may wait for an answer there).
        self.ask_upgrades = True
        #: What was changed in Word in the last Word file opened (``api.docx_edits``), if anything.
        self.word_edits: object | None = None
        #: The changes the clerk chose that could not be taken back into the draft, and why.
        self.taken_back_notes: list = []

    # -- the open draft -------------------------------------------------------------------------
    @property
    def exporting(self) -> bool:
        return bool(self.exports)

    def _set_document(self, doc: DraftDocument | None) -> None:
        old = self.doc
        if old is not None and old is not doc:
            old.blockSignals(True)
            old.undo_stack.blockSignals(True)
            old.deleteLater()
        self.doc = doc
        # the draft put away has no unsaved changes, or the clerk chose not to save them
        self.autosaver.clear()
        self.autosaver.follow(doc)
        self.issues = []
        self.validation_timer.stop()
        if doc is not None:
            doc.value_changed.connect(self.value_changed)
            doc.structure_changed.connect(self.structure_changed)
            doc.changed_any.connect(self._edited)
            doc.modified_changed.connect(self._file_changed)
            doc.rejected.connect(lambda path, message: self.status_message.emit(f"{path}: {message}", 8000))
            doc.notice.connect(lambda message: self.status_message.emit(message, 10000))
            doc.undo_stack.canUndoChanged.connect(self._undo_changed)
            doc.undo_stack.canRedoChanged.connect(self._undo_changed)
        self.document_changed.emit(doc)
        self._file_changed()
        self._undo_changed()
        self.update_validation()

    def _edited(self) -> None:
        self.schedule_validation()
        self.edited.emit()

    def _file_changed(self, *_args: object) -> None:
        doc = self.doc
        self.file_changed.emit(doc.path if doc else None, bool(doc and doc.modified))

    def _undo_changed(self, *_args: object) -> None:
        stack = self.doc.undo_stack if self.doc is not None else None
        self.undo_changed.emit(bool(stack and stack.canUndo()), bool(stack and stack.canRedo()))

    def undo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.undo()

    def redo(self) -> None:
        if self.doc is not None:
            self.doc.undo_stack.redo()

    # -- files ----------------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Whether the open draft may be put away: it has no unsaved changes, or the clerk saved
        them, or chose not to."""
        if self.doc is None or not self.doc.modified:
            return True
        name = self.doc.path.name if self.doc.path else _("the new draft")
        answer = self.interaction.ask_save_changes(name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_document(self, kind: str) -> bool:
        """A new draft of ``kind`` (``mou``, ``minutes``) on the newest approved template."""
        if not self.confirm_discard():
            return False
        self._set_document(DraftDocument(api.new_draft(kind, library=self.library), None, self))
        return True

    def open_draft(self, draft: Draft, path: Path | None = None) -> bool:
        """Show ``draft`` (read from ``path``, or a new unsaved draft if None), after asking about
        the open draft's unsaved changes."""
        return self.open_document(DraftDocument(draft, path, self))

    def open_document(self, doc: DraftDocument) -> bool:
        """Show ``doc`` after asking about the open draft's unsaved changes."""
        if not self.confirm_discard():
            doc.deleteLater()
            return False
        self._set_document(doc)
        return True

    def choose_and_open(self) -> bool:
        """Ask for a draft file and open it."""
        folder = str(self.doc.path.parent) if self.doc and self.doc.path else str(Path.home())
        path = self.interaction.open_file_name(folder)
        return bool(path) and self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open the draft file ``path`` (or the draft an exported Word file carries); a damaged
        file is reported and left as it is. Offers a complete copy a killed save left behind, when
        it is newer than the file, and a newer template version if there is one."""
        if path.suffix.lower() == ".docx":
            return travel.open_exported(self, path)
        if not self.confirm_discard():
            return False
        try:
            draft = api.load_draft(path)
        except MouDrafterError as exc:
            self.interaction.error(
                _("Cannot open the draft"), str(exc) + "\n\n" + _("The file was not changed.")
            )
            return False
        newer = self.offer_unsaved_copy(path)
        self._set_document(DraftDocument(newer or draft, path, self))
        if newer is not None and self.doc is not None:
            self.doc.mark_modified()  # what the copy holds is not in the file until it is saved
        self.remember_recent(path)
        self.offer_template_upgrade()
        return True

    def offer_unsaved_copy(self, path: Path) -> Draft | None:
        """A save of ``path`` that was stopped (the app or the computer) may have left a complete
        copy newer than the file: offer it. Declined copies are removed, so they are offered once;
        a taken one is removed by the next save."""
        try:
            copies = api.complete_leftovers(path)
        except OSError as exc:  # the folder cannot be listed: nothing to offer, and said in the log
            log.warning("cannot look for unsaved copies of %s: %s", path, exc)
            return None
        if not copies:
            return None
        newest = copies[0]
        text = _(
            "A save of {name} did not finish (MoU Drafter or the computer stopped during it), but it left a "
            "complete copy from {time}, newer than the file. Open that copy? The file is not changed until "
            "you save."
        ).format(name=path.name, time=newest.written.strftime("%d/%m/%Y %H:%M:%S"))
        if self.interaction.confirm(_("Newer unsaved copy"), text):
            log.info("opened the unsaved copy %s of %s", newest.path, path)
            return newest.draft
        removed = api.remove_leftovers(path)
        log.info("the unsaved copies of %s were declined; %d removed", path, removed)
        return None

    def open_sample(self, path: Path) -> bool:
        """A sample opens as a new, unsaved draft, so the shipped file is never overwritten."""
        try:
            draft = api.load_draft(path)
        except MouDrafterError as exc:
            self.interaction.error(_("Cannot open the draft"), str(exc))
            return False
        return self.open_draft(draft)

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        suggested = str(self.doc.path or self.doc.suggested_path or Path.home() / "ban-du-thao.moud")
        path = self.interaction.save_file_name(suggested)
        return bool(path) and self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the draft to ``path`` (atomically); from now on it is the draft's file."""
        assert self.doc is not None
        try:
            api.save_draft(self.doc.draft, path)
        except MouDrafterError as exc:
            log.warning("save failed: %s", exc)
            self.interaction.error(_("Cannot save the draft"), str(exc))
            return False
        self.doc.mark_saved(path)  # file_changed follows
        self.autosaver.clear()
        self.remember_recent(path)
        self.status_message.emit(_("Saved {path}").format(path=path), 5000)
        return True

    def close_document(self) -> bool:
        """Put the open draft away (asking about unsaved changes first) and remove its autosave;
        False if the clerk cancelled."""
        if not self.confirm_discard():
            return False
        self.autosaver.clear()
        if self.doc is not None:
            self._set_document(None)
        return True

    # -- autosave and recovery ------------------------------------------------------------------
    def autosave(self) -> bool:
        """Write the full autosave if the draft changed since the last one (the interval timer;
        the autosaver also writes it after a pause in typing, and journals every change within
        half a second); True if it was queued for writing (on the autosaver's thread)."""
        return self.autosaver.save()

    @Slot(str)
    def _autosave_failed(self, error: str) -> None:
        log.warning("autosave failed: %s", error)
        self.status_message.emit(_("Autosave failed: {error}").format(error=error), 8000)

    def recover(
        self,
        draft: Draft,
        original: Path | None,
        files: DraftFiles | None = None,
        found: Recovery | None = None,
    ) -> None:
        """Show a recovered ``draft`` of the file ``original`` (None: a new draft), as modified.
        Asks nothing. ``files``: the recovery files it came from (``found``), taken for this
        session; they become this draft's own, its full autosave written there at once."""
        doc = DraftDocument(draft, original, self)
        self._set_document(doc)
        if files is not None and found is not None:
            self.autosaver.adopt(files, found)  # before marking it modified: it has its files
        doc.mark_modified()

    def offer_recovery(self) -> bool:
        """At start: offer what earlier sessions left unsaved (``recovery.offer_at_start``); True
        if a draft was recovered. Those not opened are kept aside, never deleted."""
        return recovery.offer_at_start(self)

    def recover_older(self) -> bool:
        """*File → Recover older drafts…* (``recovery.offer_older``); True if one was opened."""
        return recovery.offer_older(self)

    # -- templates ------------------------------------------------------------------------------
    def offer_template_upgrade(self) -> bool:
        """If the draft's template has a newer approved version, offer to move to it (one undo
        step); on yes, ``template_upgraded`` asks the view to show the changes as this draft
        would show them."""
        assert self.doc is not None
        if not self.ask_upgrades:
            return False
        draft = self.doc.draft
        try:
            target = self.library.upgrade_for(draft.template)
        except MouDrafterError as exc:  # the draft still opens; the offer is what is missed, and said
            self._not_offered(draft.template, exc)
            return False
        if target is None:
            return False
        lang = draft.languages[0]
        try:
            comparison = api.compare_versions(draft.template, target.ref, lang, draft, library=self.library)
        except MouDrafterError as exc:
            self._not_offered(target.ref, exc)
            return False
        old_ref = draft.template
        if not self.interaction.offer_template_upgrade(old_ref, target.ref, comparison.counts()):
            return False
        self.doc.set_value("template", target.ref)
        self.template_upgraded.emit(old_ref.partition("@")[0], old_ref, target.ref, lang)
        return True

    def _not_offered(self, ref: str, exc: MouDrafterError) -> None:
        log.warning("no template upgrade offered for %s: %s", ref, exc)
        self.status_message.emit(_("Template {ref}: {error}").format(ref=ref, error=exc), 10000)

    # -- checks ---------------------------------------------------------------------------------
    def schedule_validation(self) -> None:
        """Run the checks after a short pause (restarted by every call)."""
        self.validation_timer.start()

    def update_validation(self) -> list[Issue]:
        """Run the checks now; their issues, errors first, then warnings, then information. The
        language checks cache their findings by text, so after an edit this costs little more
        than walking the draft (``benchmarks/bench_validation.py --gui``)."""
        self.validation_timer.stop()
        found = (
            [issue for check in self.checks for issue in check(self.doc.draft)]
            if self.doc is not None
            else []
        )
        order = {"error": 0, "warning": 1, "info": 2}
        self.issues = sorted(found, key=lambda issue: order.get(issue.severity, 1))
        self.issues_changed.emit(self.issues)
        return self.issues

    def terms(self) -> api.TermList:
        """The approved term list of the template folders (built-in, user, shared). One that
        cannot be read is said in the status bar, and the built-in list is used."""
        try:
            return api.term_list(self.library)
        except MouDrafterError as exc:
            self.status_message.emit(_("Term list not read: {error}").format(error=exc), 10000)
            return api.term_list(api.TemplateLibrary(self.library.roots[:1]))

    def validate(self, draft: Draft) -> list[Issue]:
        """The draft's validation, language checks with the term list of the template folders."""
        return api.validate_draft(draft, terms=self.terms())

    def fix_issue(self, issue: Issue) -> bool:
        """Apply the fix a check proposes to its field, as an undoable step; the checks run again."""
        if self.doc is None or issue.fix is None:
            return False
        if not self.doc.set_value(
            issue.path, issue.fix, merge=False, label=_("Fix: {check}").format(check=issue.code)
        ):
            return False
        from .forms.field_names import describe

        self.status_message.emit(
            _("Fixed {field}; Undo brings the old text back.").format(field=describe(issue.path)), 8000
        )
        self.update_validation()
        return True

    def confirm_translation(self, path: str) -> bool:
        """The clerk confirms that the translation at ``path`` is still correct (undoable)."""
        if self.doc is None or not self.doc.confirm_translation(path):
            return False
        self.update_validation()
        return True

    # -- export ---------------------------------------------------------------------------------
    def missing_fonts(self) -> list[str]:
        """The document fonts of the settings that this computer does not have."""
        fonts = self.settings.fonts
        installed = set(QFontDatabase.families())
        return [name for name in (fonts.latin, fonts.lao) if name not in installed]

    def missing_font_message(self) -> str:
        """Each missing document font named with what it means here, and the question; "" if
        none is missing."""
        fonts = self.settings.fonts
        missing = self.missing_fonts()
        parts = []
        if fonts.latin in missing:
            substitute = QFontInfo(QFont(fonts.latin)).family()
            parts.append(
                _(
                    "{font}, the font of the Vietnamese and English text, is not installed on this computer. "
                    "The document still names it, and prints in it on a computer that has it; here Word shows "
                    "that text in another font ({substitute}), so its lines and page breaks may differ."
                ).format(font=fonts.latin, substitute=substitute)
            )
        if fonts.lao in missing:
            others = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Lao) if f != fonts.lao]
            if others:
                parts.append(
                    _(
                        "{font}, the font of the Lao text, is not installed on this computer. The document "
                        "still names it, and prints in it on a computer that has it; here the Lao text shows "
                        "in another Lao font ({substitute})."
                    ).format(font=fonts.lao, substitute=others[0])
                )
            else:
                parts.append(
                    _(
                        "{font}, the font of the Lao text, is not installed on this computer, and no other "
                        "Lao font is: here the Lao text shows as empty boxes. The document still names it, "
                        "and prints in it on a computer that has it."
                    ).format(font=fonts.lao)
                )
        return "\n\n".join([*parts, _("Export anyway?")]) if parts else ""

    def export(self) -> int | None:
        """Ask for the export's choices, keep them for next time and start it; the job's id, or
        None if nothing was started (cancelled, or the clerk chose to fill in a field first)."""
        if self.doc is None:
            return None
        answer = self.interaction.ask_export(
            self.doc.draft, self.doc.path, self.settings.export, self.library
        )
        if isinstance(answer, FillInFirst):
            self.focus_requested.emit(answer.path)
            return None
        if answer is None:
            return None
        self.remember_export(answer.choices)
        return self.run_export(answer.path, answer.options(self.settings.fonts), answer.format)

    def run_export(self, path: Path, options: RenderOptions, fmt: Format = "docx") -> int | None:
        """Export a snapshot of the draft to ``path`` off the UI thread (asking first if the fonts
        are missing); the job's id, or None if the clerk chose not to. The outcome comes as
        ``export_finished`` or ``export_failed``."""
        assert self.doc is not None
        text = self.missing_font_message()
        if text and not self.interaction.confirm(_("Fonts missing"), text):
            return None
        snapshot = self.doc.draft.model_copy(deep=True)
        library, source = self.library, self.doc.path
        job = self.export_worker.submit(
            lambda: api.render_to_path(snapshot, path, options, fmt=fmt, library=library, source=source)
        )
        self.exports[job] = path
        self.export_started.emit(job)
        return job

    def _export_done(self, job: int, paths: list[Path]) -> None:
        if self.exports.pop(job, None) is None:
            return
        written = [str(p) for p in paths]
        self.export_finished.emit(job, written)
        message = _("Exported {path}").format(path=", ".join(written))
        # the choices could not be kept: say so after the export too, not only while it ran
        self.status_message.emit(
            " · ".join(filter(None, [message, self.settings_problem])),
            10000 if self.settings_problem else 8000,
        )
        choice = self.interaction.exported(written)
        if choice == "file":
            QDesktopServices.openUrl(QUrl.fromLocalFile(written[0]))
        elif choice == "folder":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(written[0]).parent)))

    def _export_failed(self, job: int, message: str) -> None:
        if self.exports.pop(job, None) is None:
            return
        log.warning("export failed: %s", message)
        self.export_failed.emit(job, message)
        self.interaction.error(_("Export failed"), message)

    # -- settings -------------------------------------------------------------------------------
    def update_settings(self, change: Callable[[Settings], None]) -> bool:
        """Apply ``change`` to the settings of this session and to the settings file (read again,
        so what others wrote is kept); a failure to write is said in the status bar and the change
        still holds for this session."""
        change(self.settings)
        settings = load_settings()
        change(settings)
        try:
            save_settings(settings)
        except (MouDrafterError, OSError) as exc:
            log.warning("settings not saved: %s", exc)
            self.settings_problem = _("Settings not saved: {error}").format(error=exc)
            self.status_message.emit(self.settings_problem, 10000)
            return False
        self.settings_problem = ""
        return True

    def remember_recent(self, path: Path) -> None:
        entry = str(path.resolve())

        def change(settings: Settings) -> None:
            settings.recent = [entry, *[p for p in settings.recent if p != entry]][:10]

        self.update_settings(change)

    def remember_export(self, choices: ExportSettings) -> None:
        """Keep the export dialog's choices for next time: the settings' ``export`` section is
        the one place they live."""

        def change(settings: Settings) -> None:
            settings.export = choices

        self.update_settings(change)

    def report_settings_notices(self) -> None:
        """Say what went wrong with the settings file (damaged and set aside, unreadable), once."""
        from ..settings import settings_notices

        for notice in settings_notices():
            if notice.kind == "damaged":
                text = _(
                    "The settings file {path} was damaged ({reason}). It was kept as {kept}, and the default "
                    "settings are used."
                )
            elif notice.kind == "damaged-kept":
                text = _(
                    "The settings file {path} is damaged ({reason}) and could not be set aside: the default "
                    "settings are used, and the file is not overwritten."
                )
            else:
                text = _(
                    "The settings file {path} cannot be read ({reason}): the default settings are used, and "
                    "the file is not overwritten."
                )
            kept = notice.kept.name if notice.kept else ""
            self.interaction.error(
                _("Settings file"), text.format(path=notice.path, reason=notice.reason, kept=kept)
            )

    def reload_settings(self) -> None:
        """Read the settings file again (the settings dialog saved it): fonts, template folders
        (the library is made again), autosave interval."""
        self.settings = load_settings()
        self.library = template_library(self.settings)
        self.autosave_timer.setInterval(self.settings.autosave_seconds * 1000)
        self.report_template_problems()  # a shared folder just chosen may hold broken templates
        self.settings_changed.emit()

    def report_template_problems(self) -> bool:
        """Say in the status bar which template folders are skipped (each with its path and why);
        the export and compare dialogs list them too. True if there are any."""
        skipped = self.library.problems()
        if skipped:
            self.status_message.emit(
                _("Template folders skipped: {problems}").format(problems="; ".join(map(str, skipped))), 15000
            )
        return bool(skipped)

    def set_ui_language(self, code: str) -> None:
        """Switch the interface language (kept in the settings); the views rebuild themselves."""
        set_language(code)

        def change(settings: Settings) -> None:
            settings.ui_language = code

        self.update_settings(change)
        self.ui_language_changed.emit(code)
