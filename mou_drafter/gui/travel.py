"""Documents that travel, in the app: an exported Word file opens as its draft (File ▸ Open,
dropped on the window, or "Open with" on Windows, which starts the app with the file or hands it to
the running one), with the changes made in Word reported (``DraftController.word_edits_found``,
shown by :mod:`.dialogs.word_edits`) and taken back; "New from this document" starts next year's
draft; the checks include what only the template can tell (edited wording that no longer fits,
optional clauses the template does not offer).

The controller calls these functions; the window installs :class:`DropOpener` and shows the
edited-in-Word dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDropEvent

from ..api import (
    ImportedDocx,
    Issue,
    TemplateLibrary,
    document_checks,
    docx_edits,
    load_draft,
    next_draft,
    open_docx,
    take_back,
)
from ..errors import MouDrafterError
from ..model.draft import Draft
from ..model.paths import get_path
from .draft_document import DraftDocument
from .i18n import _

if TYPE_CHECKING:
    from .controller import DraftController

#: Files the app opens: drafts and exported Word documents.
OPENED_SUFFIXES = (".moud", ".docx")

log = logging.getLogger(__name__)


def open_exported(controller: DraftController, path: Path) -> bool:
    """Open the draft an exported DOCX carries (the open draft's unsaved changes asked about
    first); what was changed in Word goes out as ``word_edits_found``."""
    try:
        imported: ImportedDocx = open_docx(path)
    except MouDrafterError as exc:
        controller.interaction.error(
            _("Cannot open the document"), str(exc) + "\n\n" + _("The file was not changed.")
        )
        return False
    doc = DraftDocument(imported.draft, None, controller)
    doc.suggested_path = path.with_suffix(".moud")  # where Save as… proposes to save it
    if not controller.open_document(doc):
        return False
    controller.remember_recent(path)
    try:
        edits = docx_edits(imported, library=controller.library)
    except MouDrafterError as exc:
        controller.status_message.emit(str(exc), 10000)
        return True
    controller.word_edits = edits
    if edits.unchanged or not edits.clauses:
        controller.status_message.emit(
            _("Opened the draft of {file}; nothing was changed in Word.").format(file=path.name), 8000
        )
        return True
    controller.word_edits_found.emit(edits)
    return True


def take_back_into(controller: DraftController, edits, accept: list[int], keep_template: bool) -> None:
    """Write the chosen changes into the open draft as one undo step."""
    doc = controller.doc
    if doc is None:
        return
    new, notes = take_back(edits, accept, keep_template=keep_template)
    paths = [
        path
        for path in dict.fromkeys(c.path for c in edits.changes() if c.index in accept and c.path)
        if get_path(new, path) != doc.get(path)
    ]
    taken = 0
    if paths or new.overrides != doc.draft.overrides:
        doc.undo_stack.beginMacro(_("Take back changes made in Word"))
        for path in paths:
            taken += doc.set_value(path, get_path(new, path))
        if new.overrides != doc.draft.overrides:
            doc.replace_list("overrides", list(new.overrides), _("Keep wording edited in Word"))
        doc.undo_stack.endMacro()
    message = _(
        "Taken back: {fields} typed texts; wording edited in Word kept for {clauses} clauses."
    ).format(fields=taken, clauses=len(new.overrides))
    if notes:
        message += " " + _("Not taken: {count} (see the list of changes).").format(count=len(notes))
    controller.taken_back_notes = notes
    controller.status_message.emit(message, 12000)


def new_from_document(controller: DraftController) -> bool:
    """Next year's draft from the open draft, or from a draft or exported DOCX the clerk picks:
    the same parties and areas, dates cleared, the conference ordinal one higher, the newest
    approved template (the comparison shown, through ``template_upgraded``, when it moved)."""
    source: Draft
    if controller.doc is not None:
        source = controller.doc.draft
    else:
        picked = controller.interaction.open_file_name(str(Path.home()))
        if not picked:
            return False
        try:
            path = Path(picked)
            source = open_docx(path).draft if path.suffix.lower() == ".docx" else load_draft(path)
        except MouDrafterError as exc:
            controller.interaction.error(_("Cannot open the document"), str(exc))
            return False
    try:
        new, moved_from = next_draft(source, library=controller.library)
    except MouDrafterError as exc:
        controller.interaction.error(_("Cannot open the document"), str(exc))
        return False
    doc = DraftDocument(new, None, controller)
    if not controller.open_document(doc):
        return False
    doc.mark_modified()  # a new draft with content: closing asks to save it
    controller.status_message.emit(
        _("New draft from this document: same parties and areas, dates cleared."), 10000
    )
    if moved_from is not None:
        controller.template_upgraded.emit(
            new.template.partition("@")[0], moved_from.ref, new.template, new.languages[0]
        )
    return True


def template_checks(library: TemplateLibrary, draft: Draft) -> list[Issue]:
    """:func:`document_checks` when the draft has something only its template can check."""
    if not (draft.overrides or draft.optional_clauses):
        return []
    try:
        return document_checks(draft, library=library)
    except MouDrafterError as exc:  # the template cannot be used: the export says so; logged, not swallowed
        log.warning(
            "the checks of %s's optional clauses and edited wording did not run: %s", draft.template, exc
        )
        return []


def dropped_paths(event: QDropEvent) -> list[Path]:
    """The drafts and exported Word files in a drag or drop event."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(OPENED_SUFFIXES)
    ]


class DropOpener(QObject):
    """Opens a draft or an exported Word file dropped on ``widget``, through the controller."""

    def __init__(self, widget, controller: DraftController) -> None:
        super().__init__(widget)
        self.controller = controller
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        drop = cast(QDropEvent, event)  # drag enter, drag move and drop events are QDropEvents
        if drop.type() != QEvent.Type.Drop and dropped_paths(drop):
            drop.acceptProposedAction()
            return True
        if drop.type() == QEvent.Type.Drop:
            paths = dropped_paths(drop)
            if paths:
                drop.acceptProposedAction()
                self.controller.open_path(paths[0])
                return True
        return False
