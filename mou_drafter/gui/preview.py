"""The preview pane: the open draft as the engine's HTML, in one or all of its languages, side by
side or one after another, at screen size in the document fonts.

An edit starts a short debounce (:data:`PREVIEW_DELAY_MS`); then a snapshot of the draft is
rendered off the UI thread, and only the newest render is shown (older ones are dropped by the
worker). The pane reads the draft, the fonts and the template library from the controller when
it renders; the window tells it when to (:meth:`PreviewPane.schedule`, :meth:`show_document`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..api import Fonts, Layout, RenderOptions, TemplateLibrary
from ..model.draft import Draft
from .forms.fields import LANG_LABELS
from .i18n import _
from .workers import Worker

if TYPE_CHECKING:
    from .controller import DraftController

PREVIEW_DELAY_MS = 200


def render_preview(draft: Draft, options: RenderOptions, library: TemplateLibrary) -> str:
    """The document as HTML (runs in the worker)."""
    from ..api import render_to_bytes

    return render_to_bytes(draft, options, fmt="html", library=library)[""].decode("utf-8")


class PreviewPane(QWidget):
    def __init__(self, controller: DraftController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(_("Preview")))
        self.view = QComboBox()
        self.view.setObjectName("preview.view")
        self.view.currentIndexChanged.connect(lambda _i: self.schedule())
        controls.addWidget(self.view, 1)
        self.layout_choice = QComboBox()
        self.layout_choice.setObjectName("preview.layout")
        self.layout_choice.addItem(_("Side by side"), "side-by-side")
        self.layout_choice.addItem(_("Sequential"), "sequential")
        self.layout_choice.currentIndexChanged.connect(lambda _i: self.schedule())
        controls.addWidget(self.layout_choice, 1)
        layout.addLayout(controls)
        self.browser = QTextBrowser()
        self.browser.setObjectName("preview")
        self.browser.setOpenLinks(False)
        layout.addWidget(self.browser, 1)
        #: Renders off the UI thread; its ``finished`` fires once the newest render is shown.
        self.worker = Worker(self)
        self.worker.failed.connect(lambda _job, message: self.browser.setPlainText(message))
        self.worker.finished.connect(self._show)
        #: The debounce after an edit.
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)

    def show_document(self) -> None:
        """A draft was opened (or its languages changed): offer its languages and render it now."""
        self.fill_languages()
        self.update_preview()

    def fill_languages(self) -> None:
        doc = self.controller.doc
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(_("All languages"), "")
        for lang in doc.draft.languages if doc is not None else []:
            self.view.addItem(LANG_LABELS[lang], lang)
        self.view.blockSignals(False)

    def schedule(self) -> None:
        """Render after the debounce (restarted by every call)."""
        self.timer.start()

    def choice(self) -> tuple[Layout, list[str]]:
        """The layout and the languages shown."""
        doc = self.controller.doc
        lang: str = self.view.currentData() or ""
        languages: list[str] = [lang] if lang else list(doc.draft.languages) if doc is not None else []
        layout: Layout = self.layout_choice.currentData() or "side-by-side"
        return ("sequential" if len(languages) == 1 else layout), languages

    def options(self) -> RenderOptions:
        """The preview's layout and languages, in the document fonts at screen size (the page sizes
        are for paper)."""
        layout, languages = self.choice()
        fonts = self.controller.settings.fonts
        screen = Fonts(latin=fonts.latin, lao=fonts.lao, latin_size=10, lao_size=10)
        return RenderOptions(layout=layout, languages=tuple(languages), fonts=screen)

    def update_preview(self) -> None:
        """Render a snapshot of the draft now (what the debounce calls)."""
        doc = self.controller.doc
        if doc is None:
            return
        options, library = self.options(), self.controller.library
        snapshot = doc.draft.model_copy(deep=True)
        self.worker.submit(lambda: render_preview(snapshot, options, library))

    def _show(self, _job: int, html: str) -> None:
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(html)
        bar.setValue(min(position, bar.maximum()))
