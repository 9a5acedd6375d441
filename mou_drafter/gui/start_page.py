"""The start page: new memorandum or minutes, open a draft, the recent drafts and the samples.

Its buttons and lists call the controller; a sample opens as a new, unsaved draft.

The start page is the app's first frame (``docs/architecture.md``, *Start-up*): it is made and
shown before the draft model, the settings model and the controller are imported, so what it
shows is read without them — the recent drafts and the interface language from the settings
file as JSON (:func:`read_start_settings`), the samples' titles from their JSON
(:func:`sample_title`). The window checks them against the settings as validated once loaded."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..folders import data_dir, settings_file
from .i18n import _, current_language

if TYPE_CHECKING:
    from .controller import DraftController


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartSettings:
    """What the first frame needs from the settings file."""

    ui_language: str = "vi"
    recent: tuple[str, ...] = ()
    #: The window's saved geometry (Qt's, base64).
    geometry: str = ""


def read_start_settings() -> StartSettings:
    """The interface language, the recent drafts and the window's geometry as the settings file
    says, read as JSON without the settings model; the defaults if the file is missing, damaged
    or holds something else there. (The settings are read and validated in full right after the
    first frame — :func:`mou_drafter.settings.load_settings`, which sets a damaged file aside and
    says so — and the window follows what that read says if it differs.)"""
    try:
        data = json.loads(settings_file().read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError):
        return StartSettings()
    if not isinstance(data, dict):
        return StartSettings()
    language = data.get("ui_language", "vi")
    recent = data.get("recent", [])
    window = data.get("window", {})
    geometry = window.get("geometry", "") if isinstance(window, dict) else None
    if (
        not isinstance(language, str)
        or not isinstance(recent, list)
        or not all(isinstance(path, str) for path in recent)
        or not isinstance(geometry, str)
    ):
        return StartSettings()
    return StartSettings(language, tuple(recent), geometry)


def _text(texts: Any, lang: str) -> str:
    """A text of a draft file (``{"vi": …, "lo": …}``) in ``lang``, or its Vietnamese."""
    text = texts.get(lang) or texts["vi"]
    if not isinstance(text, str):
        raise TypeError("not a text")
    return text


def sample_title(path: Path) -> str:
    """A sample's title in the interface language (the file name if it cannot be read), read
    from the file's JSON: the samples are shipped with the app in the current draft format
    (``tests/gui/test_main_window.py`` checks that this is the title of the validated draft)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
        lang = current_language()
        minutes = data.get("minutes") if data["kind"] == "minutes" else None
        if minutes is not None:
            conf = minutes["conference"]
            year = str(int(conf["start"][:4])) if conf.get("start") else ""
            return f"{_('Minutes')}: {_text(conf['title'], lang)} ({int(conf['ordinal'])}, {year})"
        return f"{_('MoU')}: {_text(data['title'], lang)}"
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # listed by its file name; opening it says what is wrong
        log.warning("cannot read the sample %s: %s", path, exc)
        return path.stem


def fitting_list(name: str) -> QListWidget:
    """A list whose entries wrap to its width (a sample's title is long): no sideways scrolling."""
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setTextElideMode(Qt.TextElideMode.ElideNone)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setUniformItemSizes(False)
    widget.setSpacing(2)
    return widget


class StartPage(QWidget):
    """The start page; ``controller`` gives the window's controller when a button or list is used
    (it is made after the first frame), ``recent`` are the recent drafts to list."""

    def __init__(
        self,
        controller: Callable[[], DraftController],
        recent: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("start-page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        about = _(
            "Bilingual Vietnamese–Lao memoranda of understanding and conference minutes, exported to Word."
        )
        title = QLabel(f"<h1>MoU Drafter</h1><p>{about}</p>")
        title.setWordWrap(True)
        outer.addWidget(title)
        row = QHBoxLayout()
        outer.addLayout(row)
        actions = QVBoxLayout()
        row.addLayout(actions, 1)

        def new_from() -> None:
            from . import travel

            travel.new_from_document(controller())

        for name, label, slot in (
            ("start.new-mou", _("New memorandum of understanding"), lambda: controller().new_document("mou")),
            (
                "start.new-minutes",
                _("New conference minutes"),
                lambda: controller().new_document("minutes"),
            ),
            ("start.open", _("Open a draft…"), lambda: controller().choose_and_open()),
            ("start.new-from", _("New from a document…"), new_from),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.setMinimumHeight(44)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        lists = QVBoxLayout()
        row.addLayout(lists, 2)
        recent_label = QLabel(f"<b>{_('Recent drafts')}</b>")
        lists.addWidget(recent_label)
        self.recent = fitting_list("start.recent")
        self.recent.setAccessibleName(_("Recent drafts"))
        recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(
            lambda item: (
                item.data(Qt.ItemDataRole.UserRole)
                and controller().open_path(Path(item.data(Qt.ItemDataRole.UserRole)))
            )
        )
        self.show_recent(recent)
        lists.addWidget(self.recent)
        samples_label = QLabel(f"<b>{_('Samples')}</b>")
        lists.addWidget(samples_label)
        self.samples = fitting_list("start.samples")
        self.samples.setAccessibleName(_("Samples"))
        samples_label.setBuddy(self.samples)
        for path in sorted(data_dir("seeds").glob("*.moud")):
            name = sample_title(path)
            item = QListWidgetItem(name)
            item.setToolTip(f"{name}\n{path.name}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.samples.addItem(item)
        self.samples.itemActivated.connect(
            lambda item: controller().open_sample(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        lists.addWidget(self.samples)

    def show_recent(self, paths: Sequence[str]) -> None:
        """List the recent drafts (newest first)."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        if not self.recent.count():
            self.recent.addItem(_("(none yet)"))
