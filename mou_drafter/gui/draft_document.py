"""The open draft as the app edits it: the pydantic Draft (the only state), its file, and an undo
stack of commands that each hold old and new values and can undo themselves.

Signals:
    value_changed(str): a field at this path got a new value (through an edit, undo or redo), or
        its translation record changed (a confirmation).
    structure_changed(str): the list at this path was added to, removed from or reordered.
    modified_changed(bool): the draft differs from its file (or not).
    notice(str): something the clerk should read in the status bar (a converted paste).

A per-language text (``parties[0].name.lo``) is set through
:class:`~mou_drafter.gui.translation_commands.TextEditCommand`, which keeps its translation record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model.draft import Draft
from ..model.paths import get_path, set_path
from .i18n import _


class SetValueCommand(QUndoCommand):
    """Set one field. Typing in the same field merges into one undo step."""

    ID = 1

    def __init__(self, doc: DraftDocument, path: str, old: Any, new: Any) -> None:
        super().__init__(_("Edit {field}").format(field=path))
        self.doc, self.path, self.old, self.new = doc, path, old, new

    def redo(self) -> None:
        self.doc._apply(self.path, self.new)

    def undo(self) -> None:
        self.doc._apply(self.path, self.old)

    def id(self) -> int:  # noqa: A003 - Qt API
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, SetValueCommand) or other.path != self.path or not isinstance(self.new, str):
            return False
        self.new = other.new
        return True


class ReplaceListCommand(QUndoCommand):
    """Replace a whole list (add, remove or move an item), keeping deep copies of both states."""

    def __init__(self, doc: DraftDocument, path: str, old: list, new: list, text: str) -> None:
        super().__init__(text)
        self.doc, self.path = doc, path
        self.old = [item.model_copy(deep=True) if hasattr(item, "model_copy") else item for item in old]
        self.new = [item.model_copy(deep=True) if hasattr(item, "model_copy") else item for item in new]

    def _set(self, items: list) -> None:
        copies = [item.model_copy(deep=True) if hasattr(item, "model_copy") else item for item in items]
        set_path(self.doc.draft, self.path, copies)
        self.doc.structure_changed.emit(self.path)
        self.doc.changed_any.emit()

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)


class DraftDocument(QObject):
    value_changed = Signal(str)
    structure_changed = Signal(str)
    changed_any = Signal()
    modified_changed = Signal(bool)
    rejected = Signal(str, str)  # path, message: a value the model refused
    notice = Signal(str)

    def __init__(self, draft: Draft, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.path = path
        #: Where Save as… proposes to save a draft that has no file yet (e.g. beside the Word
        #: file it was imported from).
        self.suggested_path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._force_modified = False

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- state ------------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._force_modified or not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._force_modified = False
        self.undo_stack.setClean()
        self.modified_changed.emit(False)

    def mark_modified(self) -> None:
        """For a recovered autosave: modified although nothing is on the undo stack."""
        self._force_modified = True
        self.modified_changed.emit(True)

    # -- edits ------------------------------------------------------------------------------
    def get(self, path: str) -> Any:
        return get_path(self.draft, path)

    def set_value(self, path: str, value: Any, *, merge: bool = True, label: str = "") -> bool:
        """Change a field through the undo stack; returns False if the model refuses the value.
        ``merge=False``: a step of its own even right after typing in the same field (a paste,
        a fix), with ``label`` as its name in the undo history."""
        from .translation_commands import TextEditCommand, text_path

        old = get_path(self.draft, path)
        if old == value:
            return True
        try:
            set_path(self.draft, path, value)
        except (ValidationError, ValueError) as exc:
            message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            self.rejected.emit(path, message)
            return False
        set_path(self.draft, path, old)
        text = text_path(self, path)
        if text is not None:
            self.undo_stack.push(
                TextEditCommand(self, path, text[0], text[1], old, value, merge=merge, label=label)
            )
        else:
            self.undo_stack.push(SetValueCommand(self, path, old, value))
        return True

    def confirm_translation(self, path: str) -> bool:
        """Record that the text at ``path`` (one language) is still correct: an undoable step."""
        from .translation_commands import ConfirmTranslationCommand, text_path

        text = text_path(self, path)
        if text is None:
            return False
        self.undo_stack.push(ConfirmTranslationCommand(self, path, text[0], text[1]))
        return True

    def replace_list(self, path: str, new: list, text: str) -> None:
        old = list(get_path(self.draft, path))
        self.undo_stack.push(ReplaceListCommand(self, path, old, new, text))

    def _apply(self, path: str, value: Any) -> None:
        set_path(self.draft, path, value)
        self.value_changed.emit(path)
        self.changed_any.emit()
