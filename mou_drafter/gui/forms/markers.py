"""The marker beside a text input: a missing translation (orange), a translation to check
because another language changed after it was written ("check", dashed orange, with a ✓ button
to confirm it is still correct), and what validation found in the field (wrong script, legacy
encoding: red for an error, orange for a warning). The state is also kept as the input's
``marker`` and ``issue`` properties (read by tests and accessibility tools)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..i18n import _

STYLES = {
    "missing": "border: 2px solid #d9822b; background: #fff8ec;",
    "check": "border: 2px dashed #d9822b; background: #fffdf5;",
    "error": "border: 2px solid #c62828; background: #fff5f5;",
    "warning": "border: 2px solid #d9822b; background: #fff8ec;",
}


def set_marker(editor: QWidget, state: str, tooltip: str = "") -> None:
    """The form's own marker: ``""``, ``missing`` or ``check`` (unchanged: nothing is restyled,
    this runs at every key)."""
    if editor.property("marker") == state and (editor.property("marker_tip") or "") == tooltip:
        return
    editor.setProperty("marker", state)
    editor.setProperty("marker_tip", tooltip)
    restyle(editor)


def set_issue(editor: QWidget, severity: str, message: str = "") -> None:
    """What validation found in this field: ``""``, ``error`` or ``warning``."""
    editor.setProperty("issue", severity)
    editor.setProperty("issue_tip", message)
    restyle(editor)


def restyle(editor: QWidget) -> None:
    issue = editor.property("issue") or ""
    marker = editor.property("marker") or ""
    state = issue if issue == "error" else (marker or issue)
    editor.setStyleSheet(STYLES.get(state, ""))
    tips = [tip for tip in (editor.property("issue_tip"), editor.property("marker_tip")) if tip]
    editor.setToolTip("\n".join(tips))


def missing_tip() -> str:
    return _("Translation missing")


def check_tip(languages: str) -> str:
    return _("Check this translation: the {languages} text changed after it was written. Edit it, or click ✓ "
             "if it is still correct.").format(languages=languages)
