"""Questions and messages to the user go through one object, so tests (and a future console mode)
can answer them without dialogs: the controller asks, an :class:`Interaction` shows the dialog and
returns the answer as a value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..api import Fonts, Format, RenderOptions
from ..settings import ExportSettings
from .i18n import _

if TYPE_CHECKING:
    from ..api import TemplateLibrary
    from ..model.draft import Draft
    from .recovery import Offer


@dataclass(frozen=True)
class ExportRequest:
    """An export the clerk asked for: where, with which template, and the choices to offer again
    next time (layout, languages, folder, zero-width spaces between Lao words)."""

    path: Path
    template: str
    choices: ExportSettings

    def options(self, fonts: Fonts) -> RenderOptions:
        """The render options of this export, in ``fonts`` (the settings' document fonts)."""
        return RenderOptions(
            layout=self.choices.layout,
            languages=tuple(self.choices.languages),
            fonts=fonts,
            lao_zero_width_spaces=self.choices.lao_zero_width_spaces,
            template=self.template,
            originals=self.choices.originals,
            pdf_a=self.choices.pdf_a,
        )

    @property
    def format(self) -> Format:
        """Word or PDF."""
        return self.choices.format


@dataclass(frozen=True)
class FillInFirst:
    """Instead of exporting, the clerk chose to fill in this field first."""

    path: str


class Interaction:
    def __init__(self, parent: QWidget | None = None) -> None:
        #: The window the dialogs belong to (the main window sets itself when it is None).
        self.parent = parent

    def ask_save_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Unsaved changes"),
            _("Save the changes to {name}?").format(name=name),
            parent=self.parent,
        )
        save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

    def confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        yes = box.addButton(_("Yes"), QMessageBox.ButtonRole.YesRole)
        box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
        box.exec()
        return box.clickedButton() is yes

    def offer_template_upgrade(self, old: str, new: str, counts: dict[str, int]) -> bool:
        text = _(
            "This draft was made with template {old}; the newer approved version {new} is available "
            "({changed} changed, {added} added, {removed} removed clauses). Move the draft to {new}? "
            "The changes will be shown."
        ).format(old=old, new=new, **counts)
        return self.confirm(_("Newer template version"), text)

    def ask_recovery(self, offers: list[Offer], *, older: bool) -> int | None:
        """Which recovered draft to open (an index of ``offers``), or None: at start (``older``
        False) what earlier sessions left unsaved; else *File → Recover older drafts…*."""
        from .recovery import ask_recovery

        return ask_recovery(self.parent, offers, older=older)

    def error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=self.parent)
        box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def ask_export(
        self, draft: Draft, draft_path: Path | None, last: ExportSettings, library: TemplateLibrary
    ) -> ExportRequest | FillInFirst | None:
        """The export dialog, starting from the ``last`` choices: the export asked for, a field to
        fill in first, or None (cancelled)."""
        from .dialogs.export import ExportDialog

        dialog = ExportDialog(draft, draft_path, self.parent, last=last, library=library)
        try:
            if dialog.exec() == ExportDialog.DialogCode.Accepted:
                return dialog.request()
            return FillInFirst(dialog.jump_path) if dialog.jump_path else None
        finally:
            dialog.deleteLater()

    def exported(self, paths: list[str]) -> str:
        """After an export: 'file', 'folder' or 'close'."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _("Export finished"),
            _("Saved:") + "\n" + "\n".join(paths),
            parent=self.parent,
        )
        open_file = box.addButton(_("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "file" if clicked is open_file else "folder" if clicked is open_folder else "close"

    def open_file_name(self, folder: str) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self.parent,
            _("Open draft"),
            folder,
            _(
                "Drafts and exported Word documents (*.moud *.docx);;MoU Drafter drafts (*.moud);;All files (*)"
            ),
        )
        return path

    def save_file_name(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self.parent, _("Save draft"), suggested, _("MoU Drafter drafts (*.moud)")
        )
        if path and not path.endswith(".moud"):
            path += ".moud"
        return path
