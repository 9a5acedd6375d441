"""Documents that travel, in the app: an exported Word file opens as its draft (File ▸ Open, dropped
on the window, or "Open with" on Windows, which starts the app with the file or hands it to the
running one), with the changes made in Word shown and taken back (:mod:`.dialogs.word_edits`);
"New from this document" starts next year's draft; the checks include what only the template
can tell (edited wording that no longer fits, optional clauses the template does not offer).

Kept apart from the main window, which calls these few functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from ..api import Issue, document_checks, docx_edits, load_draft, next_draft, open_docx, take_back
from ..errors import MouDrafterError
from ..model.paths import get_path
from .draft_document import DraftDocument
from .i18n import _

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Files the app opens: drafts and exported Word documents.
OPENED_SUFFIXES = (".moud", ".docx")


def open_exported(window: MainWindow, path: Path) -> bool:
    """Open the draft an exported DOCX carries; show what was changed in Word, if anything."""
    try:
        imported = open_docx(path)
    except MouDrafterError as exc:
        window.interaction.error(_("Cannot open the document"), str(exc) + "\n\n" + _("The file was not changed."))
        return False
    doc = DraftDocument(imported.draft, None, window)
    doc.suggested_path = path.with_suffix(".moud")  # type: ignore[attr-defined]  # where Save as… proposes
    window._load_document(doc)
    window._remember_recent(path)
    try:
        edits = docx_edits(imported, library=window.library)
    except MouDrafterError as exc:
        window.statusBar().showMessage(str(exc), 10000)
        return True
    window.word_edits = edits
    if edits.unchanged or not edits.clauses:
        window.statusBar().showMessage(_("Opened the draft of {file}; nothing was changed in Word.")
                                       .format(file=path.name), 8000)
        return True
    show_word_edits(window, edits)
    return True


def show_word_edits(window: MainWindow, edits) -> None:
    from .dialogs.word_edits import WordEditsDialog

    dialog = WordEditsDialog(edits, window)
    window.word_edits_dialog = dialog
    dialog.accepted.connect(lambda: take_back_into(window, edits, dialog.accepted_changes(),
                                                   dialog.keep_template.isChecked()))
    dialog.open()


def take_back_into(window: MainWindow, edits, accept: list[int], keep_template: bool) -> None:
    """Write the chosen changes into the open draft as one undo step."""
    doc = window.doc
    if doc is None:
        return
    new, notes = take_back(edits, accept, keep_template=keep_template)
    paths = [path for path in dict.fromkeys(c.path for c in edits.changes() if c.index in accept and c.path)
             if get_path(new, path) != doc.get(path)]
    taken = 0
    if paths or new.overrides != doc.draft.overrides:
        doc.undo_stack.beginMacro(_("Take back changes made in Word"))
        for path in paths:
            taken += doc.set_value(path, get_path(new, path))
        if new.overrides != doc.draft.overrides:
            doc.replace_list("overrides", list(new.overrides), _("Keep wording edited in Word"))
        doc.undo_stack.endMacro()
    message = _("Taken back: {fields} typed texts; wording edited in Word kept for {clauses} clauses.").format(
        fields=taken, clauses=len(new.overrides))
    if notes:
        message += " " + _("Not taken: {count} (see the list of changes).").format(count=len(notes))
    window.taken_back_notes = notes
    window.statusBar().showMessage(message, 12000)


def new_from_document(window: MainWindow) -> bool:
    """Next year's draft from the open draft, or from a draft or exported DOCX the clerk picks:
    the same parties and areas, dates cleared, the conference ordinal one higher, the newest
    approved template (with the comparison shown when it moved)."""
    if window.doc is not None:
        source = window.doc.draft
    else:
        picked = window.interaction.open_file_name(str(Path.home()))
        if not picked:
            return False
        try:
            path = Path(picked)
            source = open_docx(path).draft if path.suffix.lower() == ".docx" else load_draft(path)
        except MouDrafterError as exc:
            window.interaction.error(_("Cannot open the document"), str(exc))
            return False
    if not window._confirm_discard():
        return False
    try:
        new, moved_from = next_draft(source, library=window.library)
    except MouDrafterError as exc:
        window.interaction.error(_("Cannot open the document"), str(exc))
        return False
    doc = DraftDocument(new, None, window)
    window._load_document(doc)
    doc.mark_modified()  # a new draft with content: closing asks to save it
    window.statusBar().showMessage(_("New draft from this document: same parties and areas, dates cleared."), 10000)
    if moved_from is not None:
        window.open_compare(name=new.template.partition("@")[0], old=moved_from.ref, new=new.template,
                            language=new.languages[0])
    return True


def template_checks(window: MainWindow) -> list[Issue]:
    """:func:`document_checks` when the draft has something only its template can check."""
    doc = window.doc
    if doc is None or not (doc.draft.overrides or doc.draft.optional_clauses):
        return []
    try:
        return document_checks(doc.draft, library=window.library)
    except MouDrafterError:
        return []


def dropped_paths(event) -> list[Path]:
    """The drafts and exported Word files in a drag or drop event."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(OPENED_SUFFIXES)]


class DropOpener(QObject):
    """Opens a draft or an exported Word file dropped on the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and dropped_paths(event):
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop:
            paths = dropped_paths(event)
            if paths:
                event.acceptProposedAction()
                self.window.open_path(paths[0])
                return True
        return False
