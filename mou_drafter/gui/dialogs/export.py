"""The export dialog: template and version, layout, languages, Word or PDF (PDF/A for archiving),
one original per party, output path, zero-width spaces between Lao words. It starts from the last
choices it is given and returns the export asked for (:meth:`ExportDialog.request`, through
:meth:`Interaction.ask_export`); the controller keeps the choices in the settings. PDF is offered
when LibreOffice (or Word on Windows) is found; otherwise the dialog says what to install. Before
exporting it
lists what the chosen languages lack (texts that would print as "……", English prevailing without
English) and what the language checks found in them (Thai letters in Lao text, legacy encodings,
stale translations, numbers and names that differ), and asks whether to export anyway."""

from __future__ import annotations

import logging
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

from ...api import (
    Issue,
    Layout,
    TemplateLibrary,
    TemplateVersion,
    TermList,
    check_output_path,
    default_library,
    export_problems,
    pdf_converter_name,
    validate_draft,
)
from ...errors import MouDrafterError
from ...model.draft import Draft
from ...settings import ExportSettings
from ..forms.field_names import describe
from ..forms.fields import LANG_LABELS
from ..i18n import _, current_language
from ..interaction import ExportRequest
from ..palette import error_color
from .template_problems import template_problems_label

log = logging.getLogger(__name__)

#: Findings of the language checks listed before an export (information is not).
LANGUAGE_CODES = ("wrong-script", "legacy-encoding", "stale-translation", "number-mismatch", "name-mismatch")

STATUS_LABELS = {
    "draft": lambda: _("draft"),
    "approved": lambda: _("approved"),
    "retired": lambda: _("retired"),
}
#: What each kind of template makes, as the clerk calls it.
KIND_TITLES = {
    "mou": lambda: _("Memorandum of understanding"),
    "minutes": lambda: _("Conference minutes"),
}


def template_label(version: TemplateVersion) -> str:
    """A template version as a clerk reads it: "Biên bản hội nghị — phiên bản 1.1 (đã duyệt,
    02/12/2026)", not ``minutes@1.1``; a template of another name than its kind is named too."""
    manifest = version.manifest
    title = KIND_TITLES[manifest.kind]() if manifest.kind in KIND_TITLES else manifest.kind
    if manifest.name != manifest.kind:
        title = f"{title} “{manifest.name}”"
    status = STATUS_LABELS.get(manifest.status, lambda: manifest.status)()
    return _("{title} — version {version} ({status}, {date})").format(
        title=title, version=manifest.version, status=status, date=manifest.date.strftime("%d/%m/%Y")
    )


LAYOUT_LABELS = {
    "side-by-side": lambda: _("Side by side (one column per language)"),
    "sequential": lambda: _("One language after another"),
    "separate": lambda: _("One file per language"),
}


class ExportDialog(QDialog):
    def __init__(
        self,
        draft: Draft,
        draft_path: Path | None,
        parent: QWidget | None = None,
        *,
        last: ExportSettings | None = None,
        library: TemplateLibrary | None = None,
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        #: The draft's own file, which the export may not overwrite.
        self.draft_path = draft_path
        #: A field the clerk double-clicked in the list of problems: the window jumps to it.
        self.jump_path = ""
        self.problems: list[Issue] = []
        #: Language findings in the chosen languages, listed under the missing texts.
        self.findings: list[Issue] = []
        checked = validate_draft(draft, terms=TermList())  # terms give information only: not listed here
        self._language_findings = [i for i in checked if i.code in LANGUAGE_CODES and i.severity != "info"]
        self.setWindowTitle(_("Export to Word"))
        self.setMinimumWidth(560)
        last = last or ExportSettings()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.template = QComboBox()
        library = library or default_library()
        offered = [
            v for v in library.versions() if v.manifest.kind == draft.kind and v.manifest.status != "retired"
        ]
        for version in offered:
            self.template.addItem(template_label(version), version.ref)
            tip = "\n".join(filter(None, [version.manifest.description, version.ref]))
            self.template.setItemData(self.template.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        index = self.template.findData(draft.template)
        if index < 0:  # the draft's template was retired: offer the newest approved version
            try:
                index = self.template.findData(library.newest(draft.kind).ref)
            except MouDrafterError as exc:  # none approved: the first offered
                log.info("the export offers the first template: %s", exc)
                index = 0
        self.template.setCurrentIndex(max(index, 0))
        form.addRow(_("Template"), self.template)
        #: Template folders that cannot be used (damaged manifest, unreadable, ...): said, with the path.
        self.template_problems = template_problems_label(library, "export.template-problems")
        if not self.template_problems.isHidden():
            form.addRow("", self.template_problems)

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

        languages = (
            last.languages
            if set(last.languages) <= {"vi", "lo", "en"} and last.languages
            else draft.languages
        )
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

        # Word or PDF; PDF/A; one original per party (issue 14)
        self.converter = pdf_converter_name()
        formats = QWidget()
        format_row = QHBoxLayout(formats)
        format_row.setContentsMargins(0, 0, 0, 0)
        self.formats = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for key, text in (("docx", _("Word document (.docx)")), ("pdf", _("PDF (.pdf)"))):
            radio = QRadioButton(text)
            radio.setObjectName(f"format.{key}")
            radio.setProperty("format", key)
            self.formats.addButton(radio)
            self.format_buttons[key] = radio
            format_row.addWidget(radio)
        self.pdf_a = QCheckBox(_("PDF/A for archiving"))
        self.pdf_a.setObjectName("export.pdf-a")
        self.pdf_a.setChecked(last.pdf_a)
        format_row.addWidget(self.pdf_a)
        format_row.addStretch(1)
        form.addRow(_("Format"), formats)
        self.pdf_note = QLabel(
            _(
                "PDF needs LibreOffice (free, libreoffice.org) or Microsoft Word; neither was found "
                "on this computer, so only Word documents can be exported."
            )
            if not self.converter
            else _("PDF made by {program}").format(program=self.converter)
        )
        self.pdf_note.setObjectName("export.pdf-note")
        self.pdf_note.setWordWrap(True)
        self.pdf_note.setStyleSheet("color: #555;")
        form.addRow("", self.pdf_note)
        self.format_buttons["pdf"].setEnabled(bool(self.converter))
        wanted = last.format if (last.format == "docx" or self.converter) else "docx"
        self.format_buttons[wanted].setChecked(True)
        self.originals = QCheckBox(
            _(
                "One original per party: in each, that party's language, name and signature "
                "block come first (files named by party)"
            )
        )
        self.originals.setObjectName("export.originals")
        self.originals.setChecked(last.originals == "alternat" and len(draft.parties) > 1)
        form.addRow(_("Originals"), self.originals)

        folder = (
            Path(last.folder)
            if last.folder and Path(last.folder).is_dir()
            else (draft_path.parent if draft_path else Path.home())
        )
        stem = (
            draft_path.stem
            if draft_path
            else ("bien-ban-ghi-nho" if draft.kind == "mou" else "bien-ban-hoi-nghi")
        )
        self.path = QLineEdit(str(folder / f"{stem}.{self.format_choice}"))
        self.path.setObjectName("export.path")
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path, 1)
        path_layout.addWidget(browse)
        form.addRow(_("Save as"), path_row)

        self.zwsp = QCheckBox(
            _("Zero-width spaces between Lao words (for programs that cannot break Lao lines)")
        )
        self.zwsp.setObjectName("export.zwsp")
        self.zwsp.setChecked(last.lao_zero_width_spaces)
        form.addRow("", self.zwsp)
        self.formats.buttonToggled.connect(self._format_changed)
        self.originals.toggled.connect(self._originals_changed)
        self._format_changed()
        self._originals_changed()

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
        self.message.setStyleSheet(f"color: {error_color().name()};")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
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
        self.findings = [i for i in self._language_findings if i.lang in self.languages]
        self.problem_list.clear()
        lang = current_language()
        for issue in self.problems + self.findings:
            mark = "✖" if issue.severity == "error" else "●"
            item = QListWidgetItem(f"{mark} {describe(issue.path)}: {issue.message(lang)}")
            item.setToolTip(issue.path)
            item.setData(Qt.ItemDataRole.UserRole, issue.path)
            self.problem_list.addItem(item)
        listed = bool(self.problems or self.findings)
        self.problem_list.setVisible(listed)
        notes = []
        if self.problems:
            notes.append(
                _(
                    "Missing in the chosen languages: {count}. These texts would print as "
                    "“……”. Export anyway, or cancel and fill them in?"
                ).format(count=len(self.problems))
            )
        if self.findings:
            notes.append(
                _(
                    "Language checks: {count} findings in the chosen languages (wrong script, old "
                    "encodings, translations to check, numbers or names that differ)."
                ).format(count=len(self.findings))
            )
        self.problem_note.setText("\n".join(notes))
        self.export_button.setText(_("Export anyway") if listed else _("Export"))
        self.problem_note.setVisible(listed)

    def _jump(self, item: QListWidgetItem) -> None:
        self.jump_path = item.data(Qt.ItemDataRole.UserRole) or ""
        self.reject()

    def _browse(self) -> None:
        pdf = self.format_choice == "pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export to Word"),
            self.path.text(),
            _("PDF documents (*.pdf)") if pdf else _("Word documents (*.docx)"),
        )
        if path:
            suffix = f".{self.format_choice}"
            self.path.setText(path if path.lower().endswith(suffix) else path + suffix)

    def _format_changed(self, *_args) -> None:
        """PDF/A only for PDF; the file's extension follows the format."""
        self.pdf_a.setEnabled(self.format_choice == "pdf")
        text = self.path.text()
        target = Path(text)
        if (
            text
            and target.suffix.lower() in (".docx", ".pdf")
            and target.suffix.lower() != f".{self.format_choice}"
        ):
            self.path.setText(str(target.with_suffix(f".{self.format_choice}")))

    def _originals_changed(self, *_args) -> None:
        """One original per party holds every language in one document: not one file per language."""
        separate = next(b for b in self.layouts.buttons() if b.property("layout") == "separate")
        separate.setEnabled(not self.originals.isChecked())
        if self.originals.isChecked() and separate.isChecked():
            next(b for b in self.layouts.buttons() if b.property("layout") == "side-by-side").setChecked(True)

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

    @property
    def format_choice(self) -> str:
        checked = self.formats.checkedButton()
        return checked.property("format") if checked else "docx"

    @property
    def pdf_a_choice(self) -> bool:
        return self.format_choice == "pdf" and self.pdf_a.isChecked()

    @property
    def originals_choice(self) -> str:
        return "alternat" if self.originals.isChecked() else "shared"

    def choices(self) -> ExportSettings:
        """The choices made, to be offered next time."""
        return ExportSettings(
            layout=self.layout_choice,
            languages=self.languages,
            folder=str(Path(self.path.text()).parent),
            lao_zero_width_spaces=self.zero_width_spaces,
            format=self.format_choice,
            pdf_a=self.pdf_a.isChecked(),
            originals=self.originals_choice,
        )

    def request(self) -> ExportRequest:
        """The export asked for."""
        return ExportRequest(
            path=Path(self.path.text().strip()), template=self.template_ref or "", choices=self.choices()
        )

    def _accept(self) -> None:
        if not self.languages:
            self.message.setText(_("Choose at least one language."))
            return
        if not self.path.text().strip():
            self.message.setText(_("Choose where to save the file."))
            return
        try:  # never over the draft itself (also through a link, or a .moud name)
            check_output_path(Path(self.path.text().strip()), source=self.draft_path)
        except MouDrafterError as exc:
            self.message.setText(
                _("Choose another file: this one is the draft itself, or a draft file.") + "\n" + str(exc)
            )
            return
        self.accept()
