"""Undo commands that keep each text's translation record (draft format 4, ``seen``) with its
values: typing in one language records it as written now (and flags the other languages), a
confirmation ("still correct") records a language as up to date, a fix (Thai letters to Lao, a
legacy encoding to Unicode) replaces a text as one step of its own. Undo restores text and record
together."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ..model.draft import LocalizedText
from ..model.paths import get_path
from ..model.translations import record_after_confirm, record_after_edit, split_text_path
from .i18n import _

if TYPE_CHECKING:
    from .draft_document import DraftDocument


def text_path(doc: DraftDocument, path: str) -> tuple[LocalizedText, str] | None:
    """The text and language of a per-language field path, or ``None`` for other fields."""
    try:
        base, lang = split_text_path(path)
        text = get_path(doc.draft, base)
    except (ValueError, AttributeError, IndexError, TypeError):
        return None
    return (text, lang) if isinstance(text, LocalizedText) else None


class TextEditCommand(QUndoCommand):
    """Set one language of a text and its record. Typing in the same field merges into one step
    (``merge``); a paste, a conversion or a fix is a step of its own."""

    ID = 2

    def __init__(
        self,
        doc: DraftDocument,
        path: str,
        text: LocalizedText,
        lang: str,
        old: str,
        new: str,
        *,
        merge: bool = True,
        label: str = "",
    ) -> None:
        super().__init__(label or _("Edit {field}").format(field=path))
        self.doc, self.path, self.lang, self.old, self.new, self.merge = doc, path, lang, old, new, merge
        self.target = text  # (not self.text: QUndoCommand.text() is the command's label)
        self.before = text.model_copy(deep=True)  # values and record before the first key
        self.seen_before = {k: dict(v) for k, v in text.seen.items()}

    def _record(self) -> dict:
        return record_after_edit(self.before, self.lang, self.new)

    def redo(self) -> None:
        self.target.seen = self._record()
        self.doc._apply(self.path, self.new)

    def undo(self) -> None:
        self.target.seen = {k: dict(v) for k, v in self.seen_before.items()}
        self.doc._apply(self.path, self.old)

    def id(self) -> int:
        return self.ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TextEditCommand) or other.path != self.path or not other.merge:
            return False
        self.new = other.new
        self.target.seen = self._record()  # from the state before the first key, not the last one
        return True


class ConfirmTranslationCommand(QUndoCommand):
    """The clerk confirms that one language of a text is still correct after another changed."""

    def __init__(self, doc: DraftDocument, path: str, text: LocalizedText, lang: str) -> None:
        super().__init__(_("Confirm translation"))
        self.doc, self.path, self.target = doc, path, text
        self.old = {k: dict(v) for k, v in text.seen.items()}
        self.new = record_after_confirm(text, lang)

    def _set(self, seen: dict) -> None:
        self.target.seen = {k: dict(v) for k, v in seen.items()}
        self.doc.value_changed.emit(self.path)
        self.doc.changed_any.emit()

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)
