"""Qt's own interface strings (the right-click menu of text fields, spin boxes, the calendar) in
the interface language. Qt ships no Vietnamese or Lao catalogue, so a translator answers Qt's
requests from our gettext catalogues; the calendar and number formats follow the interface
language through QLocale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from .i18n import _, current_language

#: The Qt strings the app shows, by Qt context; their translations live in locale/<lang>.po.
QT_STRINGS = {
    "QLineEdit": ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"),
    "QWidgetTextControl": (
        "&Undo",
        "&Redo",
        "Cu&t",
        "&Copy",
        "Copy &Link Location",
        "&Paste",
        "Delete",
        "Select All",
    ),
    "QAbstractSpinBox": ("&Select All", "&Step up", "Step &down"),
}
LOCALES = {"vi": QLocale.Language.Vietnamese, "lo": QLocale.Language.Lao, "en": QLocale.Language.English}


class CatalogueTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt API
        if source_text in QT_STRINGS.get(context, ()):
            translated = _(source_text)
            return translated if translated != source_text else None
        return None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


_installed: CatalogueTranslator | None = None


def install() -> None:
    """Install (once) the translator and set the default locale for the interface language."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is None:
        _installed = CatalogueTranslator(app)
        app.installTranslator(_installed)
    QLocale.setDefault(QLocale(LOCALES.get(current_language(), QLocale.Language.Vietnamese)))
