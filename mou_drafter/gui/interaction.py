"""Questions and messages to the user go through one object, so tests (and a future console mode)
can answer them without dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .i18n import _


class Interaction:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_save_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"),
                          _("Save the changes to {name}?").format(name=name), parent=self.parent)
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
        text = _("This draft was made with template {old}; the newer approved version {new} is available "
                 "({changed} changed, {added} added, {removed} removed clauses). Move the draft to {new}? "
                 "The changes will be shown.").format(old=old, new=new, **counts)
        return self.confirm(_("Newer template version"), text)

    def error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=self.parent)
        box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def exported(self, paths: list[str]) -> str:
        """After an export: 'file', 'folder' or 'close'."""
        box = QMessageBox(QMessageBox.Icon.Information, _("Export finished"),
                          _("Saved:") + "\n" + "\n".join(paths), parent=self.parent)
        open_file = box.addButton(_("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "file" if clicked is open_file else "folder" if clicked is open_folder else "close"

    def open_file_name(self, folder: str) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self.parent, _("Open draft"), folder,
            _("Drafts and exported Word documents (*.moud *.docx);;MoU Drafter drafts (*.moud);;All files (*)"))
        return path

    def save_file_name(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self.parent, _("Save draft"), suggested,
                                                    _("MoU Drafter drafts (*.moud)"))
        if path and not path.endswith(".moud"):
            path += ".moud"
        return path
