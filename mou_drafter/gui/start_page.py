"""The start page: new memorandum or minutes, open a draft, the recent drafts and the samples.

Its buttons and lists call the controller; a sample opens as a new, unsaved draft."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

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

from ..api import load_draft
from ..errors import MouDrafterError
from ..folders import data_dir
from . import travel
from .i18n import _, current_language

if TYPE_CHECKING:
    from .controller import DraftController


log = logging.getLogger(__name__)


def sample_title(path: Path) -> str:
    """A sample's title in the interface language (the file name if it cannot be read)."""
    try:
        draft = load_draft(path)
    except MouDrafterError as exc:  # listed by its file name; opening it says what is wrong
        log.warning("cannot read the sample %s: %s", path, exc)
        return path.stem
    lang = current_language()
    if draft.kind == "minutes" and draft.minutes is not None:
        conf = draft.minutes.conference
        title = conf.title.get(lang) or conf.title.vi
        year = conf.start.year if conf.start else ""
        return f"{_('Minutes')}: {title} ({conf.ordinal}, {year})"
    return f"{_('MoU')}: {draft.title.get(lang) or draft.title.vi}"


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
    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
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
        for name, label, slot in (
            ("start.new-mou", _("New memorandum of understanding"), lambda: controller.new_document("mou")),
            ("start.new-minutes", _("New conference minutes"), lambda: controller.new_document("minutes")),
            ("start.open", _("Open a draft…"), controller.choose_and_open),
            ("start.new-from", _("New from a document…"), lambda: travel.new_from_document(controller)),
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
                and controller.open_path(Path(item.data(Qt.ItemDataRole.UserRole)))
            )
        )
        self.show_recent(controller.settings.recent)
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
            lambda item: controller.open_sample(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        lists.addWidget(self.samples)

    def show_recent(self, paths: list[str]) -> None:
        """List the recent drafts (newest first)."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        if not self.recent.count():
            self.recent.addItem(_("(none yet)"))
