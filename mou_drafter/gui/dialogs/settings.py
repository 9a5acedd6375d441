"""Settings a clerk or an office administrator may change: the fonts written into documents, the
shared (network) template folder, the autosave interval. Kept in the user's config folder."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...api import Fonts
from ...errors import MouDrafterError
from ...settings import load_settings, save_settings
from ..i18n import _
from ..palette import error_color


class PointSizeBox(QDoubleSpinBox):
    """A font size in points as a clerk writes it: "13 pt", not "13,00" — whole points, in steps
    of one; a half point (12,5), which Word also allows, is kept and shown as such."""

    def __init__(self, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(1)
        self.setRange(8, 20)
        self.setSingleStep(1)
        self.setSuffix(" pt")
        self.setValue(value)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt API
        whole = abs(value - round(value)) < 0.05
        return self.locale().toString(float(round(value)) if whole else value, "f", 0 if whole else 1)


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(560)
        self.settings = load_settings()
        fonts = self.settings.fonts
        layout = QFormLayout(self)
        note = QLabel(
            _("The fonts are written into every document; the reader's computer needs them installed.")
        )
        note.setWordWrap(True)
        layout.addRow(note)
        self.latin = QFontComboBox()
        self.latin.setObjectName("settings.latin")
        self.latin.setEditable(True)
        self.latin.setCurrentText(fonts.latin)
        self.latin_size = PointSizeBox(fonts.latin_size)
        self.latin_size.setObjectName("settings.latin-size")
        self.lao = QFontComboBox()
        self.lao.setObjectName("settings.lao")
        self.lao.setEditable(True)
        self.lao.setCurrentText(fonts.lao)
        self.lao_size = PointSizeBox(fonts.lao_size)
        self.lao_size.setObjectName("settings.lao-size")
        layout.addRow(_("Vietnamese and English font"), self._pair(self.latin, self.latin_size))
        layout.addRow(_("Lao font"), self._pair(self.lao, self.lao_size))

        self.shared = QLineEdit(self.settings.shared_templates_dir)
        self.shared.setObjectName("settings.shared")
        self.shared.setPlaceholderText(_("none"))
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        layout.addRow(_("Shared template folder"), self._pair(self.shared, browse))
        self.autosave = QSpinBox()
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(self.settings.autosave_seconds)
        layout.addRow(_("Autosave every"), self.autosave)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {error_color().name()};")
        layout.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    @staticmethod
    def _pair(first: QWidget, second: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 1)
        row.addWidget(second)
        return box

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Shared template folder"), self.shared.text())
        if folder:
            self.shared.setText(folder)

    def save(self) -> None:
        fonts = self.settings.fonts
        self.settings.fonts = Fonts(
            latin=self.latin.currentText().strip() or fonts.latin,
            lao=self.lao.currentText().strip() or fonts.lao,
            latin_size=self.latin_size.value(),
            lao_size=self.lao_size.value(),
        )
        self.settings.shared_templates_dir = self.shared.text().strip()
        self.settings.autosave_seconds = self.autosave.value()
        try:
            save_settings(self.settings)
        except MouDrafterError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
