"""What was changed in Word: an exported DOCX that came back, shown clause by clause and word by word
in each language (the comparison view of template versions: deletions struck through and marked
−, insertions underlined and marked +; Lao split into words), with the list of changes.

Each change of a text the clerk typed has a check box (ticked): the ticked ones are taken back
into the draft's fields. Changes of the template's wording are listed as "edited template text"
and kept as this draft's own wording of the clause (shown in the checks) unless the clerk unticks
"Keep the edited template wording". Changes of dates, numbers and counts, and clauses deleted in
Word, are listed to be changed in the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...api import comparison_html, edits_comparison
from ..forms.field_names import describe
from ..forms.fields import LANG_LABELS
from ..i18n import _
from .compare import html_labels


def kind_label(kind: str) -> str:
    return {
        "typed": _("typed text"),
        "template": _("edited template text"),
        "computed": _("date, number or count: change it in the form"),
        "removed": _("clause deleted in Word"),
        "unsorted": _("changed (the template is not installed here)"),
    }[kind]


class WordEditsDialog(QDialog):
    """The changes of one imported DOCX (:func:`mou_drafter.api.docx_edits`)."""

    def __init__(self, edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = edits
        self.setObjectName("word-edits")
        self.setWindowTitle(_("Changes made in Word"))
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        changes = edits.changes()
        name = edits.source.replace("\\", "/").rsplit("/", 1)[-1]
        summary = QLabel(
            _(
                "{file}: {count} changes made in Word, in {clauses} clauses. Tick the changes of typed "
                "texts to take back into the draft."
            ).format(file=name, count=len(changes), clauses=len(edits.clauses))
        )
        summary.setObjectName("word-edits.summary")
        summary.setWordWrap(True)
        layout.addWidget(summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.list = QListWidget()
        self.list.setObjectName("word-edits.changes")
        for change in changes:
            what = kind_label(change.kind)
            if change.kind == "typed":
                what = f"{what}: {describe(change.path)}"
                if not change.can_take_back:
                    what += " — " + _("cannot be taken back by itself; change it in the form")
            item = QListWidgetItem(
                f"{change.clause} ({LANG_LABELS.get(change.lang, change.lang)}): "
                f"“{change.old}” → “{change.new}” — {what}"
            )
            item.setData(Qt.ItemDataRole.UserRole, change.index)
            if change.can_take_back:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            else:  # listed, nothing to tick
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show_language_of)
        splitter.addWidget(self.list)

        view = QWidget()
        view_layout = QVBoxLayout(view)
        view_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Language")))
        self.language = QComboBox()
        self.language.setObjectName("word-edits.language")
        changed = {c.lang for c in edits.clauses}
        for lang in [lang for lang in edits.record.languages if lang in changed] + sorted(
            changed - set(edits.record.languages)
        ):
            self.language.addItem(LANG_LABELS.get(lang, lang), lang)
        self.language.currentIndexChanged.connect(self.show_comparison)
        row.addWidget(self.language)
        row.addStretch(1)
        view_layout.addLayout(row)
        self.view = QTextBrowser()
        self.view.setObjectName("word-edits.view")
        view_layout.addWidget(self.view, 1)
        splitter.addWidget(view)
        splitter.setSizes([220, 480])
        layout.addWidget(splitter, 1)

        self.keep_template = QCheckBox(
            _("Keep the edited template wording as this draft's own (shown in the checks)")
        )
        self.keep_template.setObjectName("word-edits.keep-template")
        self.keep_template.setChecked(True)
        self.keep_template.setVisible(any(c.kind == "template" for c in changes))
        layout.addWidget(self.keep_template)
        buttons = QDialogButtonBox()
        self.take_button = buttons.addButton(
            _("Take back the ticked changes"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take_button.setObjectName("word-edits.take-back")
        close = buttons.addButton(_("Keep the draft as exported"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("word-edits.close")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_comparison()

    def show_comparison(self, *_args) -> None:
        lang = self.language.currentData()
        if lang:
            self.view.setHtml(comparison_html(edits_comparison(self.edits, lang), labels=html_labels()))

    def _show_language_of(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        change = next(c for c in self.edits.changes() if c.index == item.data(Qt.ItemDataRole.UserRole))
        index = self.language.findData(change.lang)
        if index >= 0 and index != self.language.currentIndex():
            self.language.setCurrentIndex(index)

    def accepted_changes(self) -> list[int]:
        """The changes of typed texts ticked to be taken back."""
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out
