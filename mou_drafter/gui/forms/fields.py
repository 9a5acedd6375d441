"""One binding helper per field kind (text per language, date, number, amount, choice, list), so
the pydantic Draft stays the only state: widgets write through the undo stack and are refreshed
when the draft changes under them (undo, redo)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QMimeData, QRegularExpression, Qt
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...api import format_amount
from ...model.draft import LANGUAGES
from ...model.translations import stale_languages
from ..draft_document import DraftDocument
from ..i18n import _, language_name
from .field_names import describe
from .markers import check_tip, missing_tip, set_marker
from .paste import PasteAwareLineEdit, PasteAwarePlainTextEdit, legacy_paste, place_cursor

if TYPE_CHECKING:
    from .registry import FieldRegistry

#: The document languages in their own names (the language choices of the export dialog); in the
#: interface language: :func:`~mou_drafter.gui.i18n.language_name`.
LANG_LABELS = {"vi": "Tiếng Việt", "lo": "ພາສາລາວ", "en": "English"}
NO_DATE = QDate(1900, 1, 1)
#: Amounts as typed: digits, optionally a decimal point or comma and up to two decimals.
AMOUNT_PATTERN = r"^[0-9]{0,18}([.,][0-9]{0,2})?$"
#: The narrowest a per-language input gets (average characters): a party's short name fits.
MIN_FIELD_CHARS = 16
LAO_FONT_CANDIDATES = (
    "Phetsarath OT",
    "Phetsarath",
    "Saysettha OT",
    "Noto Sans Lao",
    "Noto Serif Lao",
    "Lao UI",
    "DokChampa",
    "Leelawadee UI",
)


def lao_font(size: float = 0) -> QFont:
    """A font with Lao glyphs for Lao inputs and labels: the first installed candidate."""
    families = set(QFontDatabase.families())
    font = QFont()
    for family in LAO_FONT_CANDIDATES:
        if family in families:
            font.setFamilies([family])
            break
    if size:
        font.setPointSizeF(size)
    return font


class GrowingTextEdit(PasteAwarePlainTextEdit):
    """A text field that wraps its text and grows with it, from ``min_lines`` to ``max_lines``
    (then it scrolls): for texts that are often long (names of bodies, titles, paragraphs).

    With ``single_line`` it stands for a one-line field: Enter moves to the next field instead of
    starting a new line, and line breaks pasted in become spaces. ``text()`` and ``setText()`` read
    and set it as for a ``QLineEdit`` (the cursor goes to the end)."""

    def __init__(
        self,
        min_lines: int = 1,
        max_lines: int = 6,
        *,
        single_line: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.min_lines, self.max_lines, self.single_line = min_lines, max_lines, single_line
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self.fit())
        self.fit()

    def lines(self) -> int:
        """Lines the text takes at the field's width (a plain text layout counts in lines)."""
        return max(1, round(self.document().documentLayout().documentSize().height()))

    def line_height(self) -> float:
        """The height of a line as laid out (a Lao line is taller than the font's own metrics say
        when a fallback font draws some of it)."""
        layout = self.document().documentLayout()
        height, lines, block = 0.0, 0, self.document().begin()
        while block.isValid():
            height += layout.blockBoundingRect(block).height()
            lines += max(1, block.lineCount())
            block = block.next()
        return max(float(self.fontMetrics().lineSpacing()), height / lines if lines else 0.0)

    def fit(self) -> None:
        lines = max(self.min_lines, min(self.max_lines, self.lines()))
        margins = self.contentsMargins()
        frame = self.document().documentMargin() * 2 + margins.top() + margins.bottom()
        height = round(self.line_height() * lines + frame) + 2
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit()

    def changeEvent(self, event: object) -> None:  # noqa: N802 - Qt API: a new font, new line heights
        super().changeEvent(event)  # type: ignore[arg-type]
        self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.single_line and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        if self.single_line and source.hasText():  # line breaks become spaces; the rest as pasted
            flat = QMimeData()
            for kind in source.formats():
                flat.setData(kind, source.data(kind))
            flat.setText(" ".join(source.text().split()))
            source = flat
        super().insertFromMimeData(source)  # legacy encodings converted (paste_handler)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - as QLineEdit
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.End)


class Form:
    """Builds bound widgets for one section and remembers which widget edits which path (its own
    :attr:`widgets`, and in the editor's :class:`~.registry.FieldRegistry`)."""

    def __init__(self, doc: DraftDocument, registry: FieldRegistry) -> None:
        self.doc = doc
        self.registry = registry
        #: The paths this form's widgets show.
        self.widgets: dict[str, QWidget] = {}
        self.refreshers: dict[str, Callable[[], None]] = {}

    def _show(self, path: str, widget: QWidget) -> None:
        self.widgets[path] = widget
        self.registry.add(path, widget)

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.doc.draft.languages]

    def _register(self, path: str, widget: QWidget, refresh: Callable[[], None]) -> None:
        self._show(path, widget)
        self.refreshers[path] = refresh
        widget.setObjectName(path)

    def refresh(self, path: str) -> None:
        refresh = self.refreshers.get(path)
        if refresh:
            refresh()
        base = path.rsplit(".", 1)[0]
        for lang in LANGUAGES:
            refresher = self.refreshers.get(f"{base}.{lang}")
            if refresher and f"{base}.{lang}" != path:
                refresher()

    # -- field kinds ----------------------------------------------------------------------------
    def text(self, path: str, *, multiline: bool = False, long: bool = False) -> QWidget:
        """Inputs for a per-language text, side by side under the language headings, each with its
        marker (a missing translation; a translation to check, with ✓ to confirm it) and
        legacy-encoding conversion on paste. ``multiline``: paragraphs (a field that grows, Enter
        starts a new line); ``long``: one line that is often long (wraps and grows, Enter moves on)."""
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        editors: dict[str, QWidget] = {}
        confirms: dict[str, QToolButton] = {}

        def mark_missing() -> None:
            value = self.doc.get(path)
            present = any(value.get(lang) for lang in self.languages)
            stale = stale_languages(value, self.languages)
            for lang, editor in editors.items():
                if present and not value.get(lang):
                    set_marker(editor, "missing", missing_tip(), value.get(lang))
                elif lang in stale:
                    set_marker(
                        editor,
                        "check",
                        check_tip(", ".join(LANG_LABELS[o] for o in stale[lang])),
                        value.get(lang),
                    )
                else:
                    set_marker(editor, "", "", value.get(lang))
                confirms[lang].setVisible(lang in stale)

        for lang in self.languages:
            field_path = f"{path}.{lang}"
            editor: GrowingTextEdit | PasteAwareLineEdit
            if multiline or long:
                editor = GrowingTextEdit(
                    3 if multiline else 1, 12 if multiline else 4, single_line=not multiline
                )
                editor.setPlaceholderText(language_name(lang))

                def on_change(e=editor, p=field_path) -> None:
                    self.doc.set_value(p, e.toPlainText())
                    mark_missing()

                editor.textChanged.connect(on_change)

                def refresh(e=editor, p=field_path) -> None:
                    if e.toPlainText() != self.doc.get(p):
                        e.blockSignals(True)
                        e.setText(self.doc.get(p))
                        e.blockSignals(False)
                        e.fit()
                    mark_missing()
            else:
                editor = PasteAwareLineEdit()
                editor.setPlaceholderText(language_name(lang))

                def on_edit(text: str, p=field_path) -> None:
                    self.doc.set_value(p, text)
                    mark_missing()

                editor.textEdited.connect(on_edit)

                def refresh(e=editor, p=field_path) -> None:
                    if e.text() != self.doc.get(p):
                        e.setText(self.doc.get(p))
                    mark_missing()

            editor.paste_handler = self._paste_handler(field_path, editor)
            if lang == "lo":
                editor.setFont(lao_font(editor.font().pointSizeF() + 1))
            editor.setMinimumWidth(editor.fontMetrics().averageCharWidth() * MIN_FIELD_CHARS)
            editor.setAccessibleName(describe(field_path))
            confirm = QToolButton()
            confirm.setText("✓")
            confirm.setObjectName(f"{field_path}.confirm")
            confirm.setToolTip(_("Still correct: confirm this translation"))
            confirm.setAccessibleName(_("Still correct: confirm this translation"))
            confirm.clicked.connect(lambda _c=False, p=field_path: self.doc.confirm_translation(p))
            confirm.setVisible(False)
            editors[lang] = editor
            confirms[lang] = confirm
            self._register(field_path, editor, refresh)
            cell = QHBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(editor, 1)
            cell.addWidget(confirm, 0, Qt.AlignmentFlag.AlignTop)
            row.addLayout(cell, 1)
        for lang in editors:
            self.refreshers[f"{path}.{lang}"]()
        if editors:
            self._show(path, next(iter(editors.values())))
        return box

    def language_headings(self) -> QWidget:
        """Headings over the per-language inputs, naming each column's language in the interface
        language; laid out as :meth:`text` lays out its inputs, so they stand over their columns."""
        box = QWidget()
        box.setObjectName("language-headings")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for lang in self.languages:
            label = QLabel(f"<b>{language_name(lang)}</b>")
            label.setObjectName(f"heading.{lang}")
            label.setMinimumWidth(label.fontMetrics().averageCharWidth() * MIN_FIELD_CHARS)
            row.addWidget(label, 1)
        return box

    def _paste_handler(self, path: str, editor: QWidget):
        """Converts Vietnamese pasted in a legacy encoding: the paste, then the conversion, each an
        undo step of its own."""

        def handle(before: str, start: int, end: int, pasted: str, capitals: bool | None) -> bool:
            found = legacy_paste(pasted, capitals)
            if found is None:
                return False
            converted, encoding = found
            self.doc.set_value(path, before[:start] + pasted + before[end:], merge=False, label=_("Paste"))
            self.doc.set_value(
                path,
                before[:start] + converted + before[end:],
                merge=False,
                label=_("Convert {encoding} to Unicode").format(encoding=encoding),
            )
            self.refresh(path)
            place_cursor(editor, start + len(converted))  # type: ignore[arg-type]
            self.doc.notice.emit(
                _("Pasted text converted from {encoding} to Unicode; Undo gives it back as pasted.").format(
                    encoding=encoding
                )
            )
            return True

        return handle

    def date(self, path: str) -> QDateEdit:
        editor = QDateEdit()
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("dd/MM/yyyy")
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText(_("not set"))

        def refresh() -> None:
            value = self.doc.get(path)
            qdate = QDate(value.year, value.month, value.day) if value else NO_DATE
            if editor.date() != qdate:
                editor.blockSignals(True)
                editor.setDate(qdate)
                editor.blockSignals(False)

        def on_change(qdate: QDate) -> None:
            value = None if qdate == NO_DATE else dt.date(qdate.year(), qdate.month(), qdate.day())
            self.doc.set_value(path, value)

        refresh()
        editor.dateChanged.connect(on_change)
        self._register(path, editor, refresh)
        return editor

    def integer(self, path: str, minimum: int, maximum: int, *, optional: bool = False) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(minimum - (1 if optional else 0), maximum)
        if optional:
            spin.setSpecialValueText(_("not set"))

        def refresh() -> None:
            value = self.doc.get(path)
            target = spin.minimum() if value is None else value
            if spin.value() != target:
                spin.blockSignals(True)
                spin.setValue(target)
                spin.blockSignals(False)

        def on_change(value: int) -> None:
            self.doc.set_value(path, None if optional and value == spin.minimum() else value)

        refresh()
        spin.valueChanged.connect(on_change)
        self._register(path, spin, refresh)
        return spin

    def choice(self, path: str, options: list[tuple[Any, str]]) -> QComboBox:
        combo = QComboBox()
        for value, label in options:
            combo.addItem(label, value)

        def refresh() -> None:
            index = combo.findData(self.doc.get(path))
            if index < 0:
                combo.blockSignals(True)
                combo.addItem(str(self.doc.get(path)) or "—", self.doc.get(path))
                combo.blockSignals(False)
                index = combo.count() - 1
            if combo.currentIndex() != index:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)

        refresh()
        combo.currentIndexChanged.connect(lambda i: self.doc.set_value(path, combo.itemData(i)))
        self._register(path, combo, refresh)
        return combo

    def party_options(self, *, allow_all: bool = False) -> list[tuple[str, str]]:
        options = [("all", _("All parties jointly"))] if allow_all else []
        for index, party in enumerate(self.doc.draft.parties, start=1):
            name = party.short_name.vi or party.name.vi or party.name.lo or party.name.en
            options.append((party.id, f"{index}. {name}" if name else _("Party {n}").format(n=index)))
        return options

    def amount(self, amount_path: str, currency_path: str) -> QWidget:
        """A numeric field, a currency choice and the amount as each document language writes it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        edit = QLineEdit()
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(AMOUNT_PATTERN)))
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        currency = self.choice(currency_path, [("VND", "VND"), ("LAK", "LAK"), ("USD", "USD")])
        row.addWidget(edit, 1)
        row.addWidget(currency)
        layout.addLayout(row)
        shown = QLabel()
        shown.setWordWrap(True)
        layout.addWidget(shown)

        def show() -> None:
            value = self.doc.get(amount_path)
            cur = self.doc.get(currency_path)
            parts = [f"{language_name(lang)}: {format_amount(value, cur, lang)}" for lang in self.languages]
            shown.setText(" · ".join(parts))

        def refresh() -> None:
            value = self.doc.get(amount_path)
            text = "" if value is None else format(value.normalize(), "f")
            current = edit.text().replace(",", ".")
            try:
                same = current and Decimal(current) == value
            except InvalidOperation:
                same = False
            if not same:
                edit.setText(text)
            show()

        def on_edit(text: str) -> None:
            try:
                value = Decimal(text.replace(",", ".") or "0")
            except InvalidOperation:
                return
            self.doc.set_value(amount_path, value)
            show()

        edit.textEdited.connect(on_edit)
        currency.currentIndexChanged.connect(lambda _i: show())
        self._register(amount_path, edit, refresh)
        refresh()
        return box


def equivalent_amount(form: Form, path: str) -> QWidget:
    """An optional equivalent of an amount in another currency (``585.000.000 đồng (tương đương
    24.000 đô la Mỹ)``): empty means none."""
    from ...model.draft import Money

    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    edit = QLineEdit()
    edit.setPlaceholderText(_("none"))
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(AMOUNT_PATTERN)))
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    currency = QComboBox()
    for code in ("USD", "VND", "LAK"):
        currency.addItem(code, code)
    row.addWidget(edit, 1)
    row.addWidget(currency)

    def refresh() -> None:
        value = form.doc.get(path)
        text = format(value.amount.normalize(), "f") if value is not None else ""
        if edit.text().replace(",", ".") != text:
            edit.setText(text)
        currency.blockSignals(True)
        currency.setCurrentIndex(max(currency.findData(value.currency if value is not None else "USD"), 0))
        currency.blockSignals(False)

    def store() -> None:
        text = edit.text().replace(",", ".")
        try:
            value = Money(amount=Decimal(text), currency=currency.currentData()) if text else None
        except (InvalidOperation, ValueError):
            return
        form.doc.set_value(path, value)

    edit.textEdited.connect(lambda _t: store())
    currency.currentIndexChanged.connect(lambda _i: store())
    form._register(path, edit, refresh)
    refresh()
    return box


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    layout = QFormLayout(parent)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return layout


class ListEditor(QWidget):
    """Items of a list in group boxes with move up / move down / remove, and an add button."""

    def __init__(
        self,
        form: Form,
        path: str,
        item_title: Callable[[int], str],
        build_item: Callable[[QFormLayout, str, int], None],
        new_item: Callable[[], Any],
        add_label: str,
    ) -> None:
        super().__init__()
        self.form, self.path = form, path
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        items = form.doc.get(path)
        for index in range(len(items)):
            group = QGroupBox(item_title(index))
            group.setObjectName(f"{path}[{index}]")
            inner = form_layout(group)
            buttons_box = QWidget()
            buttons = QHBoxLayout(buttons_box)
            buttons.setContentsMargins(0, 0, 0, 0)
            title = item_title(index)
            for label, key, tip, action, enabled in (
                ("↑", "up", _("Move up"), lambda _c=False, i=index: self.move_item(i, -1), index > 0),
                (
                    "↓",
                    "down",
                    _("Move down"),
                    lambda _c=False, i=index: self.move_item(i, 1),
                    index < len(items) - 1,
                ),
                ("✕", "remove", _("Remove"), lambda _c=False, i=index: self.remove(i), True),
            ):
                button = QPushButton(label)
                button.setToolTip(f"{tip}: {title}")
                button.setAccessibleName(f"{tip}: {title}")  # a screen reader says what, not "↑"
                button.setObjectName(f"{path}[{index}].{key}")
                button.setFixedWidth(36)
                button.setEnabled(enabled)
                button.clicked.connect(action)
                buttons.addWidget(button)
            buttons.addStretch(1)
            inner.addRow(buttons_box, form.language_headings())
            build_item(inner, f"{path}[{index}]", index)
            layout.addWidget(group)
        add = QPushButton(add_label)
        add.setObjectName(f"{path}.add")
        add.clicked.connect(lambda: self.add(new_item()))
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def _items(self) -> list:
        return list(self.form.doc.get(self.path))

    def add(self, item: Any) -> None:
        self.form.doc.replace_list(self.path, [*self._items(), item], _("Add item"))

    def remove(self, index: int) -> None:
        items = self._items()
        del items[index]
        self.form.doc.replace_list(self.path, items, _("Remove item"))

    def move_item(self, index: int, step: int) -> None:
        items = self._items()
        items[index], items[index + step] = items[index + step], items[index]
        self.form.doc.replace_list(self.path, items, _("Move item"))
