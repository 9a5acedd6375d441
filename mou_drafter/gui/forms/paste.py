"""Text inputs that notice Vietnamese pasted in a legacy encoding (TCVN3/ABC, VNI, VISCII) and
convert it to Unicode at once: the paste is one undo step, the conversion another, so Undo gives
back the text exactly as it was pasted.

The clipboard's HTML (Word puts it there) names the fonts: text entirely in a TCVN3 capital font
(``.VnTimeH`` and the like) is converted to capitals, as the font showed it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from ...api import detect_legacy_encoding

#: Called with (the text before the paste, start and end of the replaced selection, the pasted
#: text, the capitals hint); returns True when it handled the paste.
PasteHandler = Callable[[str, int, int, str, bool | None], bool]

_FONT = re.compile(r"font-family:\s*([^;\"]+)", re.IGNORECASE)


def capitals_hint(mime: QMimeData) -> bool | None:
    """True when every font the clipboard's HTML names is a TCVN3 capital font (``.VnTimeH``)."""
    if not mime.hasHtml():
        return None
    fonts = [name.strip(" '\"&;quot") for match in _FONT.findall(mime.html()) for name in match.split(",")]
    fonts = [f for f in fonts if f]
    if fonts and all(f.startswith(".Vn") and f.endswith("H") for f in fonts):
        return True
    return None


def legacy_paste(text: str, capitals: bool | None) -> tuple[str, str] | None:
    """``(converted, encoding name)`` when ``text`` is legacy-encoded Vietnamese, else ``None``."""
    found = detect_legacy_encoding(text, capitals=capitals)
    return (found.converted, found.name) if found is not None else None


class PasteAwareLineEdit(QLineEdit):
    """A line input whose paste (keyboard, context menu) goes through ``paste_handler``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.paste_handler: PasteHandler | None = None

    def _paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        pasted = mime.text() if mime is not None else ""
        if pasted and self.paste_handler is not None and not self.isReadOnly():
            start = self.selectionStart() if self.hasSelectedText() else self.cursorPosition()
            end = start + len(self.selectedText())
            if self.paste_handler(self.text(), start, end, pasted.replace("\n", " "), capitals_hint(mime)):
                return
        self.paste()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self._paste()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(self._paste)
        menu.exec(event.globalPos())
        menu.deleteLater()


class PasteAwarePlainTextEdit(QPlainTextEdit):
    """A multi-line input whose every paste and drop goes through ``paste_handler``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.paste_handler: PasteHandler | None = None

    def insertFromMimeData(self, source: QMimeData) -> None:
        pasted = source.text()
        if pasted and self.paste_handler is not None and not self.isReadOnly():
            cursor = self.textCursor()
            if self.paste_handler(
                self.toPlainText(),
                cursor.selectionStart(),
                cursor.selectionEnd(),
                pasted,
                capitals_hint(source),
            ):
                return
        super().insertFromMimeData(source)


def place_cursor(editor: QLineEdit | QPlainTextEdit, position: int) -> None:
    if isinstance(editor, QLineEdit):
        editor.setCursorPosition(position)
    else:
        cursor = editor.textCursor()
        cursor.setPosition(min(position, len(editor.toPlainText())))
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
