"""Recovery after a crash, as the clerk sees it: at start the drafts earlier sessions left unsaved
are offered (one question, or a list to choose one from), and *File → Recover older drafts…*
lists those declined in the last seven days and those of windows that crashed since. The files
and their replay are ``model/recovery.py``; the autosave that writes them is ``autosave.py``.

Each offer says which draft it is (its file, or "a new draft" and its title), when it was last
changed, and what will happen: a draft that was never saved opens as a new draft; one whose file
was moved or deleted meanwhile opens as a new draft too (saved under a name the clerk chooses);
one whose file was changed since says that saving replaces those changes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..api import load_draft
from ..errors import MouDrafterError
from ..model.recovery import KEEP_DECLINED_DAYS, DraftFiles, Recovery
from .i18n import _

if TYPE_CHECKING:
    from .controller import DraftController


@dataclass
class Offer:
    """One recovery as the clerk reads it."""

    recovery: Recovery
    #: The draft's file name, or "a new draft (never saved)".
    name: str
    #: Its title (in its first language that has one), or "".
    title: str
    #: When it was last changed, as the clerk reads a time.
    when: str
    #: What will happen if it is opened (its file moved, never saved, …), or why it cannot be.
    note: str

    @property
    def can_open(self) -> bool:
        return self.recovery.draft is not None

    def line(self) -> str:
        """One line of a list: name, title, time."""
        parts = [
            self.name,
            f"«{self.title}»" if self.title else "",
            _("last change {time}").format(time=self.when),
        ]
        if self.recovery.declined_at is not None:
            kept = self.recovery.declined_at + KEEP_DECLINED_DAYS * 86400
            parts.append(_("kept until {date}").format(date=clock(kept, date_only=True)))
        return " — ".join(part for part in parts if part)


def clock(when: float, *, date_only: bool = False) -> str:
    """A time as clerks in Viet Nam and Laos write it (day first)."""
    return time.strftime("%d/%m/%Y" if date_only else "%d/%m/%Y %H:%M", time.localtime(when))


def draft_title(recovery: Recovery) -> str:
    draft = recovery.draft
    if draft is None:
        return ""
    texts = [draft.title] + ([draft.minutes.conference.title] if draft.minutes else [])
    for lang in draft.languages:
        for text in texts:
            if text.get(lang):
                return text.get(lang)
    return ""


def describe(recovery: Recovery) -> Offer:
    """What the clerk is told about ``recovery``."""
    state = recovery.file_state()
    name = Path(recovery.original).name if recovery.original else _("a new draft (never saved)")
    notes = []
    if recovery.draft is None:
        notes.append(_("It cannot be read: {error}").format(error=recovery.error))
    elif state == "new":
        notes.append(_("It was never saved: it opens as a new draft; choose where to save it."))
    elif state == "missing":
        notes.append(
            _(
                "Its file {path} is no longer there (moved or deleted): the recovered copy opens as a "
                "new draft; save it under a name."
            ).format(path=recovery.original)
        )
    elif state == "changed":
        notes.append(
            _(
                "Its file {path} was changed after this copy was made; saving the recovered copy "
                "replaces those changes."
            ).format(path=recovery.original)
        )
    else:
        notes.append(
            _(
                "Its file {path} is as it was: the recovered copy holds the changes that were not "
                "saved to it."
            ).format(path=recovery.original)
        )
    if recovery.dropped:
        notes.append(_("The last changes could not be restored."))
    when = clock(recovery.last_change or recovery.saved)
    return Offer(recovery, name, draft_title(recovery), when, " ".join(notes))


def same_as_file(recovery: Recovery) -> bool:
    """Whether the recovered draft is exactly what its file holds (saved just before the crash)."""
    if recovery.draft is None or recovery.file_state() != "same":
        return False
    try:
        return load_draft(recovery.original) == recovery.draft
    except MouDrafterError:
        return False


def offer_at_start(controller: DraftController) -> bool:
    """Offer what earlier sessions left unsaved; True if a draft was opened. Each one is taken
    for this session first (so no other window offers it too); the one opened stays where it is
    until the recovered draft's own autosave is written, the others are kept aside for
    :data:`~mou_drafter.model.recovery.KEEP_DECLINED_DAYS` days."""
    autosaver = controller.autosaver
    autosaver.declined()  # removes those kept longer than the days they are kept for
    taken: list[tuple[Offer, DraftFiles]] = []
    for found in autosaver.orphans():
        slot = autosaver.claim(found)
        if slot is None:
            continue  # another window took it first
        if same_as_file(found):
            autosaver.remove(slot)  # nothing unsaved: it was saved just before the crash
            continue
        taken.append((describe(found), slot))
    if not taken:
        return False
    choice = controller.interaction.ask_recovery([offer for offer, _slot in taken], older=False)
    opened = False
    for index, (offer, slot) in enumerate(taken):
        if index == choice and offer.can_open and not opened:
            open_offer(controller, offer, slot)
            opened = True
        else:
            autosaver.decline(slot)
    return opened


def offer_older(controller: DraftController) -> bool:
    """*File → Recover older drafts…*: the drafts of crashed windows not taken yet, then those
    declined in the last days; True if one was opened."""
    autosaver = controller.autosaver
    offers = [describe(found) for found in [*autosaver.orphans(), *autosaver.declined()]]
    choice = controller.interaction.ask_recovery(offers, older=True)
    if choice is None or not 0 <= choice < len(offers) or not offers[choice].can_open:
        return False
    if not controller.confirm_discard():
        return False
    offer = offers[choice]
    slot = autosaver.claim(offer.recovery)
    if slot is None:
        controller.interaction.error(
            _("Recover older drafts"),
            _("{name} was opened in another window meanwhile.").format(name=offer.name),
        )
        return False
    open_offer(controller, offer, slot)
    return True


def open_offer(controller: DraftController, offer: Offer, slot: DraftFiles) -> None:
    found = offer.recovery
    assert found.draft is not None
    original = Path(found.original) if found.original and found.file_state() != "missing" else None
    controller.recover(found.draft, original, slot, found)
    controller.status_message.emit(_("Recovered {name}: save it to keep it.").format(name=offer.name), 10000)


# -- the questions ---------------------------------------------------------------------------------
def ask_recovery(parent: QWidget | None, offers: list[Offer], *, older: bool) -> int | None:
    """Which offer to open (its index), or None. At start one offer is a yes/no question and
    several a list; ``older`` is the list of *Recover older drafts…* (possibly empty)."""
    kept = _(
        "If you do not open it now, it is kept for {days} days under File → Recover older drafts."
    ).format(days=KEEP_DECLINED_DAYS)
    if not older and len(offers) == 1:
        offer = offers[0]
        if not offer.can_open:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                _("Recover unsaved work"),
                _("MoU Drafter was closed without saving {name}.").format(name=offer.name)
                + "\n\n"
                + offer.note
                + "\n\n"
                + kept,
                parent=parent,
            )
            box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            return None
        text = _(
            "MoU Drafter was closed without saving {name} (last change {time}). Open the recovered copy?"
        ).format(name=f"{offer.name} «{offer.title}»" if offer.title else offer.name, time=offer.when)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Recover unsaved work"),
            text + "\n\n" + offer.note + "\n\n" + kept,
            parent=parent,
        )
        yes = box.addButton(_("Yes"), QMessageBox.ButtonRole.YesRole)
        box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
        box.exec()
        return 0 if box.clickedButton() is yes else None
    dialog = RecoveryDialog(offers, older=older, parent=parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class RecoveryDialog(QDialog):
    """A list of recoveries to open one of: at start (several), or *Recover older drafts…*."""

    def __init__(self, offers: list[Offer], *, older: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offers = offers
        self.setWindowTitle(_("Recover older drafts") if older else _("Recover unsaved work"))
        layout = QVBoxLayout(self)
        if older:
            intro = (
                _(
                    "Drafts not opened when they were offered are kept for {days} days, with those of windows "
                    "that were closed by a crash. Choose one to open:"
                ).format(days=KEEP_DECLINED_DAYS)
                if offers
                else _(
                    "No older drafts are kept. A draft you choose not to recover is kept here for {days} days."
                ).format(days=KEEP_DECLINED_DAYS)
            )
        else:
            intro = _(
                "MoU Drafter was closed without saving {count} drafts. Choose the one to open now; the others "
                "are kept for {days} days under File → Recover older drafts."
            ).format(count=len(offers), days=KEEP_DECLINED_DAYS)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        self.list.addItems([offer.line() for offer in offers])
        self.list.setVisible(bool(offers))
        layout.addWidget(self.list)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(_("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Close") if older else _("Don't open"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._selected)
        self.list.itemDoubleClicked.connect(self._open_double_clicked)
        if offers:
            self.list.setCurrentRow(0)
        else:
            self.open_button.setEnabled(False)
        self.resize(640, 360 if offers else 160)

    def _open_double_clicked(self, _item: object) -> None:
        if self.open_button.isEnabled():
            self.accept()

    def _selected(self, row: int) -> None:
        offer = self.offers[row] if 0 <= row < len(self.offers) else None
        self.note.setText(offer.note if offer else "")
        self.open_button.setEnabled(bool(offer and offer.can_open))

    def chosen(self) -> int | None:
        row = self.list.currentRow()
        return row if 0 <= row < len(self.offers) else None
