"""The term side list: while a Vietnamese, Lao or English text has the focus, the approved
equivalents in its language of the terms found in the same text's other languages (✓: already
used). Double-click (or Enter) inserts one at the cursor, as an undo step of its own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..api import TermList
from ..model.draft import LANGUAGES, LocalizedText
from .i18n import _

TERM_ROLE = Qt.ItemDataRole.UserRole


class TermsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terms-panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setObjectName("terms")
        self.list.itemActivated.connect(self.insert)
        self.list.itemDoubleClicked.connect(self.insert)
        layout.addWidget(self.list, 1)
        self.editor: QLineEdit | QPlainTextEdit | None = None
        self.path = ""
        #: Called with (field path, new value, cursor position after the term) to insert a term.
        self.inserter: Callable[[str, str, int], None] | None = None
        self.show_for("", None, None, None)

    def show_for(
        self, path: str, editor: QWidget | None, text: LocalizedText | None, terms: TermList | None
    ) -> None:
        """List the terms for the field ``path`` (``….lo``) edited by ``editor``."""
        self.list.clear()
        self.path = path
        self.editor = editor if isinstance(editor, (QLineEdit, QPlainTextEdit)) else None
        lang = path.rpartition(".")[2]
        if text is None or terms is None or lang not in LANGUAGES or self.editor is None:
            self.heading.setText(_("Click in a text to see the approved terms for it."))
            return
        own = text.get(lang)
        seen: set[str] = set()
        for other in LANGUAGES:
            if other == lang or not text.get(other):
                continue
            for term in terms.equivalents(text.get(other), other, lang):
                preferred = term.get(lang)[0]
                if preferred in seen:
                    continue
                seen.add(preferred)
                used = any(alt.casefold() in own.casefold() for alt in term.get(lang))
                item = QListWidgetItem(f"{'✓ ' if used else ''}{preferred}   ← {term.get(other)[0]}")
                item.setData(TERM_ROLE, preferred)
                item.setToolTip(term.note)
                self.list.addItem(item)
        self.heading.setText(
            _("Approved terms for this text")
            if self.list.count()
            else _("No term of the approved list in the other languages of this text.")
        )

    def insert(self, item: QListWidgetItem) -> None:
        term = item.data(TERM_ROLE)
        editor = self.editor
        if not term or editor is None or self.inserter is None:
            return
        if isinstance(editor, QLineEdit):
            before = editor.text()
            start = editor.selectionStart() if editor.hasSelectedText() else editor.cursorPosition()
            end = start + len(editor.selectedText())
        else:
            before = editor.toPlainText()
            cursor = editor.textCursor()
            start, end = cursor.selectionStart(), cursor.selectionEnd()
        self.inserter(self.path, before[:start] + term + before[end:], start + len(term))
        editor.setFocus()
