"""The reviewers' compare view: a template, two of its versions and a language, shown side by
side clause by clause (the engine's HTML comparison), with previous/next change navigation.
With a draft open, both versions can be rendered with its data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...api import Comparison, TemplateLibrary, compare_versions, comparison_html, default_library
from ...model.draft import Draft
from ..forms.fields import LANG_LABELS
from ..i18n import _
from ..workers import Worker
from .template_problems import template_problems_label


def html_labels() -> dict[str, str]:
    """The words of the comparison view in the interface language."""
    return {
        "changed": _("changed"),
        "added": _("added"),
        "removed": _("removed"),
        "moved": _("moved"),
        "unchanged": _("unchanged"),
        "clause": _("Clause"),
        "deleted": _("deleted"),
        "inserted": _("inserted"),
        "legend": _("Deleted text is struck through and marked −, inserted text underlined and marked +."),
    }


class CompareDialog(QDialog):
    def __init__(
        self,
        draft: Draft | None = None,
        parent: QWidget | None = None,
        *,
        name: str = "",
        old: str = "",
        new: str = "",
        language: str = "",
        library: TemplateLibrary | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Compare template versions"))
        self.resize(1100, 760)
        self.draft = draft
        self.comparison: Comparison | None = None
        self.current_change = -1
        self.library = library or default_library()
        self.versions = self.library.versions()
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        layout.addLayout(row)
        self.name = QComboBox()
        self.name.setObjectName("compare.name")
        for template_name in sorted({t.manifest.name for t in self.versions}):
            self.name.addItem(template_name, template_name)
        self.old = QComboBox()
        self.old.setObjectName("compare.old")
        self.new = QComboBox()
        self.new.setObjectName("compare.new")
        self.language = QComboBox()
        self.language.setObjectName("compare.language")
        for lang in ("vi", "lo", "en"):
            self.language.addItem(LANG_LABELS[lang], lang)
        self.use_draft = QCheckBox(_("With the open draft's data"))
        self.use_draft.setObjectName("compare.use-draft")
        self.use_draft.setEnabled(draft is not None)
        self.use_draft.setChecked(draft is not None)
        for label, widget in (
            (_("Template"), self.name),
            (_("Old version"), self.old),
            (_("New version"), self.new),
            (_("Language"), self.language),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(self.use_draft)
        row.addStretch(1)

        nav = QHBoxLayout()
        layout.addLayout(nav)
        self.summary = QLabel()
        self.summary.setObjectName("compare.summary")
        self.summary.setWordWrap(True)
        nav.addWidget(self.summary, 1)
        self.previous_button = QPushButton("↑ " + _("Previous change"))
        self.previous_button.setObjectName("compare.previous")
        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button = QPushButton("↓ " + _("Next change"))
        self.next_button.setObjectName("compare.next")
        self.next_button.clicked.connect(lambda: self.go(1))
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        #: Template folders skipped (damaged manifest, ...): said, with the path, above the comparison.
        self.template_problems = template_problems_label(self.library, "compare.template-problems")
        layout.addWidget(self.template_problems)
        self.view = QTextBrowser()
        self.view.setObjectName("compare.view")
        layout.addWidget(self.view, 1)

        self.worker = Worker(self)
        self.worker.finished.connect(self._show)
        self.worker.failed.connect(lambda _job, message: self.summary.setText(message))
        self.name.currentIndexChanged.connect(self._fill_versions)
        if name:
            self.name.setCurrentIndex(max(self.name.findData(name), 0))
        self._fill_versions()
        if old:
            self.old.setCurrentIndex(max(self.old.findData(old), 0))
        if new:
            self.new.setCurrentIndex(max(self.new.findData(new), 0))
        if language:
            self.language.setCurrentIndex(max(self.language.findData(language), 0))
        for widget in (self.old, self.new, self.language):
            widget.currentIndexChanged.connect(lambda _i: self.refresh())
        self.use_draft.toggled.connect(lambda _c: self.refresh())
        self.refresh()

    def _fill_versions(self) -> None:
        name = self.name.currentData()
        refs = [t.ref for t in self.library.versions_of(name)]
        for combo in (self.old, self.new):
            combo.blockSignals(True)
            combo.clear()
            for ref in refs:
                combo.addItem(ref.split("@", 1)[1], ref)
            combo.blockSignals(False)
        if len(refs) >= 2:
            self.old.setCurrentIndex(len(refs) - 2)
            self.new.setCurrentIndex(len(refs) - 1)
        self.refresh()

    def refresh(self) -> None:
        old, new, lang = self.old.currentData(), self.new.currentData(), self.language.currentData()
        if not old or not new:
            self.summary.setText(_("This template has only one version."))
            self.view.clear()
            return
        draft = self.draft if self.use_draft.isChecked() and self.draft is not None else None
        if draft is not None and draft.kind != old.split("@")[0] and not old.startswith(draft.kind):
            draft = None
        snapshot = draft.model_copy(deep=True) if draft is not None else None
        self.summary.setText(_("Comparing…"))
        library = self.library
        self.worker.submit(lambda: compare_versions(old, new, lang, snapshot, library=library))

    def _show(self, _job: int, comparison: Comparison) -> None:
        self.comparison = comparison
        self.current_change = -1
        counts = comparison.counts()
        self.summary.setText(
            _("{old} → {new}: {changed} changed, {added} added, {removed} removed, {moved} moved").format(
                old=comparison.old_label, new=comparison.new_label, **counts
            )
        )
        self.view.setHtml(comparison_html(comparison, labels=html_labels()))

    def change_count(self) -> int:
        return len(self.comparison.changes()) if self.comparison else 0

    def go(self, step: int) -> None:
        total = self.change_count()
        if not total:
            return
        self.current_change = (self.current_change + step) % total
        self.view.scrollToAnchor(f"change-{self.current_change}")
