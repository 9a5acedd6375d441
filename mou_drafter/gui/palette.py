"""Colours that stay readable in the system's light and dark palettes.

The marks of a section's state and of a check (green complete, orange incomplete or a warning, red
errors), the frame of a field whose translation is missing, the grey of notes and the red of a
dialog's message are chosen from the palette in use: dark tones on a light background, light tones
on a dark one, each with a contrast of at least 4.5:1 to the background it is drawn on (WCAG AA
for text; :func:`contrast`). They are looked up when drawn, so a window built again after the
palette changed follows it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: Mark colours by state: (on a light background, on a dark background).
MARK_COLORS = {
    "complete": ("#2b6e2f", "#81c784"),
    "incomplete": ("#9a5200", "#ffb74d"),
    "errors": ("#c62828", "#ef9a9a"),
    "info": ("#1565c0", "#90caf9"),  # a check's information (terminology)
}


def palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(pal: QPalette | None = None) -> bool:
    """Whether text is drawn on a dark background (the input fields' and lists' base colour)."""
    return (pal or palette()).color(QPalette.ColorRole.Base).lightnessF() < 0.5


def mark_color(state: str, pal: QPalette | None = None) -> QColor:
    """The colour of a state's mark: ``complete``, ``incomplete`` (also warnings), ``errors``."""
    light, dark = MARK_COLORS[state]
    return QColor(dark if is_dark(pal) else light)


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0 to 1) of the way towards ``tint``."""
    channels = zip(
        (base.redF(), base.greenF(), base.blueF()), (tint.redF(), tint.greenF(), tint.blueF()), strict=True
    )
    return QColor.fromRgbF(*(b + (t - b) * amount for b, t in channels))


def frame_style(state: str = "incomplete", *, dashed: bool = False, pal: QPalette | None = None) -> str:
    """The style of a marked field: a frame in the colour of ``state`` (:func:`mark_color`), a
    light tint of the field's own background, the palette's text colour."""
    pal = pal or palette()
    base = pal.color(QPalette.ColorRole.Base)
    colour = mark_color(state, pal)
    return (
        f"border: 2px {'dashed' if dashed else 'solid'} {colour.name()}; "
        f"background: {blend(base, colour, 0.12).name()}; color: {pal.color(QPalette.ColorRole.Text).name()};"
    )


def missing_style(pal: QPalette | None = None) -> str:
    """The style of a field whose translation is missing: an orange frame."""
    return frame_style("incomplete", pal=pal)


def note_color(pal: QPalette | None = None) -> QColor:
    """Grey for notes: between the text and the window background, still 4.5:1 on the window."""
    pal = pal or palette()
    text, window = pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)
    return blend(text, window, 0.3)


def error_color(pal: QPalette | None = None) -> QColor:
    """Red for a message in a dialog (on the window background)."""
    return mark_color("errors", pal)
