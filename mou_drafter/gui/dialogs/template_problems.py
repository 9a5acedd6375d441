"""The template folders a library skipped (damaged manifest, unreadable, ...), listed with their
path in the dialogs that list templates (export, compare), so a broken shared folder is seen
where its templates are missing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ...api import TemplateLibrary
from ..i18n import _


def template_problems_label(library: TemplateLibrary, name: str) -> QLabel:
    """A label listing the folders ``library`` skipped, each with why; hidden when there are none."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    skipped = library.problems()
    if skipped:
        label.setText(
            _("Template folders skipped (they cannot be used):")
            + "\n"
            + "\n".join(f"• {problem}" for problem in skipped)
        )
    label.setVisible(bool(skipped))
    return label
