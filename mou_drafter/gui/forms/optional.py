"""The optional clauses the draft's template version offers (confidentiality, an amendment
procedure, …), as check boxes in the final-clauses section, each with a preview of its text as it
would stand in this document (its article or section number included). Ticking one adds it to
``Draft.optional_clauses`` (one undo step); the articles after it are numbered on."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from ...api import TemplateLibrary, optional_clause_preview, optional_clauses
from ...errors import MouDrafterError
from ..i18n import _, current_language
from .fields import Form, lao_font


def _library(form: Form) -> TemplateLibrary | None:
    """The window's template library (with the shared folder the settings name), if any."""
    return getattr(form.doc.parent(), "library", None)


def optional_clauses_box(form: Form) -> QWidget:
    box = QWidget()
    box.setObjectName("optional-clauses")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    library = _library(form)
    draft = form.doc.draft
    try:
        offered = optional_clauses(draft, library=library)
    except MouDrafterError as exc:
        layout.addWidget(QLabel(str(exc)))
        return box
    if not offered:
        note = QLabel(
            _("The template {template} offers no optional clauses.").format(template=draft.template)
        )
        note.setObjectName("optional-clauses.none")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        return box
    ui = current_language()
    checks: dict[str, QCheckBox] = {}
    previews: dict[str, QLabel] = {}
    for clause in offered:
        check = QCheckBox(clause.title(ui if ui in clause.titles else draft.languages[0]))
        check.setObjectName(f"optional.{clause.name}")
        check.setChecked(clause.chosen)
        preview = QLabel()
        preview.setObjectName(f"optional.{clause.name}.preview")
        preview.setWordWrap(True)
        preview.setStyleSheet("color: #555; margin-left: 24px;")
        if draft.languages[0] == "lo":
            preview.setFont(lao_font())
        checks[clause.name] = check
        previews[clause.name] = preview
        layout.addWidget(check)
        layout.addWidget(preview)

    def refresh() -> None:
        chosen = set(form.doc.draft.optional_clauses)
        lang = form.doc.draft.languages[0]
        for name, check in checks.items():
            check.blockSignals(True)
            check.setChecked(name in chosen)
            check.blockSignals(False)
            try:
                previews[name].setText(optional_clause_preview(form.doc.draft, name, lang, library=library))
            except MouDrafterError as exc:
                previews[name].setText(str(exc))

    def toggled(_checked: bool) -> None:
        # in the template's order, keeping any the template does not offer (the checks list them)
        offered_names = [name for name, check in checks.items() if check.isChecked()]
        others = [name for name in form.doc.draft.optional_clauses if name not in checks]
        form.doc.set_value("optional_clauses", [*offered_names, *others])

    for check in checks.values():
        check.toggled.connect(toggled)
    form._register("optional_clauses", box, refresh)
    refresh()
    return box
