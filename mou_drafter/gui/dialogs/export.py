"""The export dialog: template and version, layout, languages, output path, zero-width spaces
between Lao words. It starts from the last choices it is given and returns the export asked for
(:meth:`ExportDialog.request`, through :meth:`Interaction.ask_export`); the controller keeps the
choices in the settings. Before exporting it
lists what the chosen languages lack (texts that would print as "……", English prevailing without
English) and asks whether to export anyway."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...api import Issue, Layout, TemplateLibrary, default_library, export_problems
from ...errors import MouDrafterError
from ...model.draft import Draft
from ...settings import ExportSettings
from ..forms.field_names import describe
from ..forms.fields import LANG_LABELS
from ..i18n import _, current_language
from ..interaction import ExportRequest

STATUS_LABELS = {
    "draft": lambda: _("draft"),
    "approved": lambda: _("approved"),
    "retired": lambda: _("retired"),
}
LAYOUT_LABELS = {
    "side-by-side": lambda: _("Side by side (one column per language)"),
    "sequential": lambda: _("One language after another"),
    "separate": lambda: _("One file per language"),
}


class ExportDialog(QDialog):
    def __init__(self, draft: Draft, draft_path: Path | None, parent: QWidget | None = None, *,
                 last: ExportSettings | None = None, library: TemplateLibrary | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        #: A field the clerk double-clicked in the list of problems: the window jumps to it.
        self.jump_path = ""
        self.problems: list[Issue] = []
        self.setWindowTitle(_("Export to Word"))
        self.setMinimumWidth(560)
        last = last or ExportSettings()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.template = QComboBox()
        library = library or default_library()
        offered = [v for v in library.versions() if v.manifest.kind == draft.kind and v.manifest.status != "retired"]
        for version in offered:
            status = STATUS_LABELS.get(version.manifest.status, lambda s=version.manifest.status: s)()
            self.template.addItem(f"{version.ref} ({status})", version.ref)
        index = self.template.findData(draft.template)
        if index < 0:  # the draft's template was retired: offer the newest approved version
            try:
                index = self.template.findData(library.newest(draft.kind).ref)
            except MouDrafterError:  # none approved: the first offered
                index = 0
        self.template.setCurrentIndex(max(index, 0))
        form.addRow(_("Template"), self.template)

        self.layouts = QButtonGroup(self)
        box = QWidget()
        layouts = QVBoxLayout(box)
        layouts.setContentsMargins(0, 0, 0, 0)
        for key, label in LAYOUT_LABELS.items():
            radio = QRadioButton(label())
            radio.setObjectName(f"layout.{key}")
            radio.setChecked(key == (last.layout or "side-by-side"))
            self.layouts.addButton(radio)
            radio.setProperty("layout", key)
            layouts.addWidget(radio)
        form.addRow(_("Layout"), box)

        languages = last.languages if set(last.languages) <= {"vi", "lo", "en"} and last.languages else draft.languages
        langs = QWidget()
        row = QHBoxLayout(langs)
        row.setContentsMargins(0, 0, 0, 0)
        self.language_boxes: dict[str, QCheckBox] = {}
        for lang in ("vi", "lo", "en"):
            check = QCheckBox(LANG_LABELS[lang])
            check.setObjectName(f"lang.{lang}")
            check.setChecked(lang in languages if lang in draft.languages or lang in languages else False)
            self.language_boxes[lang] = check
            check.toggled.connect(self.update_problems)
            row.addWidget(check)
        form.addRow(_("Languages"), langs)

        folder = Path(last.folder) if last.folder and Path(last.folder).is_dir() else (
            draft_path.parent if draft_path else Path.home())
        stem = draft_path.stem if draft_path else ("bien-ban-ghi-nho" if draft.kind == "mou" else "bien-ban-hoi-nghi")
        self.path = QLineEdit(str(folder / f"{stem}.docx"))
        self.path.setObjectName("export.path")
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path, 1)
        path_layout.addWidget(browse)
        form.addRow(_("Save as"), path_row)

        self.zwsp = QCheckBox(_("Zero-width spaces between Lao words (for programs that cannot break Lao lines)"))
        self.zwsp.setObjectName("export.zwsp")
        self.zwsp.setChecked(last.lao_zero_width_spaces)
        form.addRow("", self.zwsp)

        self.problem_note = QLabel()
        self.problem_note.setObjectName("export.problem-note")
        self.problem_note.setWordWrap(True)
        layout.addWidget(self.problem_note)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("export.problems")
        self.problem_list.setToolTip(_("Double-click a line to go to the field."))
        self.problem_list.itemDoubleClicked.connect(self._jump)
        layout.addWidget(self.problem_list)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setObjectName("export.ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.update_problems()

    # -- what the chosen languages lack --------------------------------------------------------
    def update_problems(self) -> None:
        """List the texts the chosen languages lack; with any, the button asks "Export anyway"."""
        self.problems = export_problems(self.draft, self.languages) if self.languages else []
        self.problem_list.clear()
        lang = current_language()
        for issue in self.problems:
            item = QListWidgetItem(f"✖ {describe(issue.path)}: {issue.message(lang)}")
            item.setToolTip(issue.path)
            item.setData(Qt.ItemDataRole.UserRole, issue.path)
            self.problem_list.addItem(item)
        self.problem_list.setVisible(bool(self.problems))
        if self.problems:
            self.problem_note.setText(_("Missing in the chosen languages: {count}. These texts would print as "
                                        "“……”. Export anyway, or cancel and fill them in?")
                                      .format(count=len(self.problems)))
            self.export_button.setText(_("Export anyway"))
        else:
            self.problem_note.setText("")
            self.export_button.setText(_("Export"))
        self.problem_note.setVisible(bool(self.problems))

    def _jump(self, item: QListWidgetItem) -> None:
        self.jump_path = item.data(Qt.ItemDataRole.UserRole) or ""
        self.reject()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Export to Word"), self.path.text(),
                                                    _("Word documents (*.docx)"))
        if path:
            self.path.setText(path if path.endswith(".docx") else path + ".docx")

    # -- the choices ------------------------------------------------------------------------
    @property
    def layout_choice(self) -> Layout:
        checked = self.layouts.checkedButton()
        layout: Layout = checked.property("layout") if checked else "side-by-side"
        return layout

    @property
    def languages(self) -> list[str]:
        return [lang for lang, box in self.language_boxes.items() if box.isChecked()]

    @property
    def template_ref(self) -> str:
        return self.template.currentData()

    @property
    def zero_width_spaces(self) -> bool:
        return self.zwsp.isChecked()

    def choices(self) -> ExportSettings:
        """The choices made, to be offered next time."""
        return ExportSettings(layout=self.layout_choice, languages=self.languages,
                              folder=str(Path(self.path.text()).parent), lao_zero_width_spaces=self.zero_width_spaces)

    def request(self) -> ExportRequest:
        """The export asked for."""
        return ExportRequest(path=Path(self.path.text().strip()), template=self.template_ref or "",
                             choices=self.choices())

    def _accept(self) -> None:
        if not self.languages:
            self.message.setText(_("Choose at least one language."))
            return
        if not self.path.text().strip():
            self.message.setText(_("Choose where to save the file."))
            return
        self.accept()
