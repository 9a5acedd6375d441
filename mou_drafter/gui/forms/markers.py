"""The marker beside a text input: a missing translation (orange), a translation to check
because another language changed after it was written ("check", dashed orange, with a ✓ button
to confirm it is still correct), and what validation found in the field (wrong script, legacy
encoding: red for an error, orange for a warning), in colours chosen for the palette in use. The state is also kept as the input's
``marker`` and ``issue`` properties (read by tests and accessibility tools)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..i18n import _
from ..palette import frame_style

#: The frame of each state: the colour of a section state (:func:`~..palette.mark_color`, for the
#: palette in use, light or dark) and whether it is dashed.
FRAMES = {
    "missing": ("incomplete", False),
    "check": ("incomplete", True),
    "error": ("errors", False),
    "warning": ("incomplete", False),
}


def set_marker(editor: QWidget, state: str, tooltip: str = "", text: str = "") -> None:
    """The form's own marker: ``""``, ``missing`` or ``check``; ``text`` is the field's whole text,
    shown on hover above the notes (a long text is cut off in a narrow field). Unchanged state:
    nothing is restyled (this runs at every key)."""
    editor.setProperty("whole_text", text)
    if editor.property("marker") == state and (editor.property("marker_tip") or "") == tooltip:
        _tooltip(editor)
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
    frame = FRAMES.get(state)
    editor.setStyleSheet(frame_style(frame[0], dashed=frame[1]) if frame else "")
    _tooltip(editor)


def _tooltip(editor: QWidget) -> None:
    parts = (editor.property("whole_text"), editor.property("issue_tip"), editor.property("marker_tip"))
    editor.setToolTip("\n\n".join(part for part in parts if part))


def missing_tip() -> str:
    return _("Translation missing")


def check_tip(languages: str) -> str:
    return _(
        "Check this translation: the {languages} text changed after it was written. Edit it, or click ✓ "
        "if it is still correct."
    ).format(languages=languages)
