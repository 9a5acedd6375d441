"""The preview pane: the open draft in one or all of its languages, side by side or one after
another, in two tabs — the live preview (the engine's HTML at screen size in the document fonts)
and the print preview (:mod:`.page_view`: the exported Word file as LibreOffice prints it).

An edit starts a short debounce (:data:`PREVIEW_DELAY_MS`); then a snapshot of the draft is
rendered off the UI thread, and only the newest render is shown (older ones are dropped by the
worker). The same edit cancels a running page render at once and, while the print preview is
shown, starts a new one after a longer pause (:data:`PAGES_DELAY_MS`). The pane reads the draft,
the fonts and the template library from the controller when it renders; the window tells it when
to (:meth:`PreviewPane.schedule`, :meth:`show_document`, :meth:`close_document`) and which
section or field is being edited (:meth:`follow`): the live preview scrolls to where it prints.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from .. import api
from ..api import Fonts, Layout, RenderOptions, TemplateLibrary
from ..model.draft import Draft
from .forms.fields import language_name
from .i18n import _
from .page_view import PageRenderer, PageView, RenderedPages
from .workers import Worker

if TYPE_CHECKING:
    from .controller import DraftController

PREVIEW_DELAY_MS = 200
#: After the last edit, the print preview is made again after this pause (LibreOffice takes seconds).
PAGES_DELAY_MS = 1000


#: A paragraph of the preview's HTML that holds text only (``render/html.py``): its opening tag,
#: its anchor and its text.
_PARAGRAPH = re.compile(r'(<p [^>]*\bid="([^"]+)"[^>]*>)([^<]*)</p>')
#: What the rich text engine would not keep as written in a paragraph (it folds white space).
_FOLDED = re.compile(r"[\t\n\r\f\v\u2028\u2029]|  |^ | $")


def text_changes(old: str, new: str) -> dict[str, tuple[str, str]] | None:
    """Between two previews' HTML, the paragraphs whose text alone changed: anchor → (old text,
    new text), as the preview shows them; None if anything else changed (a paragraph added, a
    table cell, a text with markup or white space the rich text engine folds)."""
    before, after = _PARAGRAPH.split(old), _PARAGRAPH.split(new)
    # split: [between, opening tag, anchor, text, between, …]; all but the texts must be the same
    if len(before) != len(after) or any(
        a != b for i, (a, b) in enumerate(zip(before, after, strict=True)) if i % 4 != 3
    ):
        return None
    changes: dict[str, tuple[str, str]] = {}
    for anchor, was, now in zip(before[2::4], before[3::4], after[3::4], strict=True):
        if was == now:
            continue
        was, now = html.unescape(was), html.unescape(now)
        if anchor in changes or not was or not now or _FOLDED.search(was) or _FOLDED.search(now):
            return None
        changes[anchor] = (was, now)
    return changes


def render_preview(draft: Draft, options: RenderOptions, library: TemplateLibrary) -> api.Preview:
    """The document as HTML, with where each clause and field is (runs in the worker)."""
    return api.preview(draft, options, library=library)


def missing_tools_message(missing: list[str]) -> str:
    """What the print preview needs and this computer lacks, said plainly."""
    return _(
        "The print preview needs LibreOffice and Poppler (pdftoppm, pdftotext). Not installed on this "
        "computer: {missing}. Install them to see the pages as they will print; meanwhile the "
        "Preview tab shows the document."
    ).format(missing=", ".join(missing))


class PreviewPane(QWidget):
    """Signals:
    jump_requested(str): the clerk clicked a printed text of this field path (print preview).
    """

    jump_requested = Signal(str)

    def __init__(
        self, controller: DraftController, renderer: PageRenderer | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        controls = QHBoxLayout()
        self.view = QComboBox()
        self.view.setObjectName("preview.view")
        self.view.setAccessibleName(_("Languages shown"))
        self.view.currentIndexChanged.connect(lambda _i: self.schedule())
        controls.addWidget(self.view, 1)
        self.layout_choice = QComboBox()
        self.layout_choice.setObjectName("preview.layout")
        self.layout_choice.setAccessibleName(_("Layout"))
        self.layout_choice.addItem(_("Side by side"), "side-by-side")
        self.layout_choice.addItem(_("Sequential"), "sequential")
        self.layout_choice.currentIndexChanged.connect(lambda _i: self.schedule())
        controls.addWidget(self.layout_choice, 1)
        layout.addLayout(controls)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("preview.tabs")
        layout.addWidget(self.tabs, 1)
        self.browser = QTextBrowser()
        self.browser.setObjectName("preview")
        self.browser.setOpenLinks(False)
        # The scroll bar is always there: a document that needs one appearing (or going) would
        # change the width and make Qt lay the whole document out a second time at every render.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.document().setUndoRedoEnabled(False)  # texts changed in place keep no history
        #: The paragraphs of the shown document by anchor (made when first needed after setHtml).
        self._blocks: dict[str, QTextBlock] | None = None
        #: The preview the browser shows now (what an in-place change starts from).
        self._displayed: api.Preview | None = None
        self.tabs.addTab(self.browser, _("Preview"))
        self.page_view = PageView()
        self.page_view.jump_requested.connect(self.jump_requested)
        self.tabs.addTab(self.page_view, _("Print preview"))
        self.tabs.currentChanged.connect(self._tab_changed)
        #: Renders off the UI thread; its ``finished`` fires once the newest render is shown.
        self.worker = Worker(self)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._show)
        #: The debounce after an edit.
        self.timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        #: What the live preview shows: its clauses and the clause of each field.
        self.shown: api.Preview | None = None
        #: The section (its clause ids) and the field being edited, followed by the preview.
        self.following: tuple[tuple[str, ...], str] = ((), "")
        #: Makes the pages; the window's, kept when the pane is built again (another interface language).
        self.renderer = renderer if renderer is not None else PageRenderer(self)
        self.renderer.started.connect(self._pages_started)
        self.renderer.ready.connect(self._pages_ready)
        self.renderer.failed.connect(self._pages_failed)
        self.renderer.rescaled.connect(self.page_view.images_changed)
        self.page_view.images_requested.connect(self.renderer.rescale)
        #: A live preview rendered while the print preview was shown, to show when its tab is.
        self._html_due = False
        #: Where the next live preview is scrolled to (the pane was built again), or -1.
        self._position = -1
        #: Whether the live preview of this draft has scrolled to the section being edited yet.
        self._followed = False
        #: Whether LibreOffice and Poppler were found (then they are not looked up again).
        self._tools_found = False
        self.pages_timer = QTimer(self, singleShot=True, interval=PAGES_DELAY_MS)
        self.pages_timer.timeout.connect(self.update_pages)

    # -- the draft ----------------------------------------------------------------------------
    def show_document(self) -> None:
        """A draft was opened (or its languages changed): offer its languages and render it now."""
        self.fill_languages()
        self._followed = False
        self.update_preview()
        self.page_view.clear()
        if self.pages_shown:
            self.update_pages()

    def close_document(self) -> None:
        """The draft was closed: nothing is shown, every page render is cancelled and forgotten."""
        self.timer.stop()
        self.pages_timer.stop()
        self.renderer.forget()
        self.browser.clear()
        self.page_view.clear()
        self.shown, self._blocks, self._displayed = None, None, None
        self._html_due = False

    def fill_languages(self) -> None:
        doc = self.controller.doc
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(_("All languages"), "")
        for lang in doc.draft.languages if doc is not None else []:
            self.view.addItem(language_name(lang), lang)
        self.view.blockSignals(False)

    def schedule(self) -> None:
        """The draft changed: render after the debounce (restarted by every call); a running page
        render is cancelled now, and the print preview, if shown, is made again after a pause."""
        self.timer.start()
        if self.renderer.busy:
            self.renderer.cancel()
        if self.page_view.rendered is not None:
            self.page_view.set_busy(stale=True)
        if self.pages_shown:
            self.pages_timer.start()

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

    def page_options(self) -> RenderOptions:
        """The print preview's options: the preview's layout and languages, as exported (the
        document fonts at their sizes, the Lao zero-width spaces of the last export)."""
        layout, languages = self.choice()
        settings = self.controller.settings
        return RenderOptions(
            layout=layout,
            languages=tuple(languages),
            fonts=settings.fonts,
            lao_zero_width_spaces=settings.export.lao_zero_width_spaces,
        )

    def update_preview(self) -> None:
        """Render a snapshot of the draft now (what the debounce calls)."""
        doc = self.controller.doc
        if doc is None:
            return
        options, library = self.options(), self.controller.library
        snapshot = doc.draft.model_copy(deep=True)
        self.worker.submit(lambda: render_preview(snapshot, options, library))

    def _show(self, _job: int, shown: api.Preview) -> None:
        self.shown = shown
        if self.pages_shown:  # not looked at: laid out (tens of ms on the UI thread) when it is
            self._html_due = True
            return
        self._show_html()

    def _show_html(self) -> None:
        self._html_due = False
        shown = self.shown
        if shown is None:
            return
        bar = self.browser.verticalScrollBar()
        position = bar.value() if self._position < 0 else self._position
        self._position = -1
        old, self._displayed = self._displayed, shown
        if old is None or not self._change_in_place(old.html, shown.html):
            self.browser.setHtml(shown.html)
            self._blocks = None
        bar.setValue(min(position, bar.maximum()))
        if not self._followed and position <= 0 and self.following[0]:
            self.follow(*self.following)  # the first render of a draft: to the section edited

    def _change_in_place(self, old: str, new: str) -> bool:
        """Show ``new`` by changing the texts of the paragraphs that changed since ``old``, if only
        texts changed (typing): Qt then lays out those paragraphs again (with their row), not the
        whole document, and the scroll position stays. False if ``new`` must be set whole."""
        if self._position >= 0:
            return False
        changes = text_changes(old, new)
        if changes is None:
            return False
        blocks = self._anchored_blocks()
        edits = []
        for anchor, (was, now) in changes.items():
            block = blocks.get(anchor)
            if block is None or not block.isValid() or block.text() != was:
                return False  # not what this code expects the document to be: set it whole
            # the first letter carries the anchor (and the second the paragraph's own format):
            # they stay, or the whole document is set
            if len(was) < 2 or was[0] != now[0]:
                return False
            same = 1
            while same < min(len(was), len(now)) and was[same] == now[same]:
                same += 1
            tail = 0
            while tail < min(len(was), len(now)) - same and was[-1 - tail] == now[-1 - tail]:
                tail += 1
            edits.append((block.position(), same, len(was) - tail, now[same : len(now) - tail]))
        document = self.browser.document()
        for start, first, last, text in sorted(edits, reverse=True):  # later paragraphs first
            cursor = QTextCursor(document)
            cursor.setPosition(start + 2)  # the format of the second letter (before the cursor)
            style = cursor.charFormat()
            cursor.setPosition(start + first)
            cursor.setPosition(start + last, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text, style)
        return True

    def _anchored_blocks(self) -> dict[str, QTextBlock]:
        """The paragraphs of the shown document by the anchor on their first letter."""
        if self._blocks is None:
            self._blocks = {}
            block = self.browser.document().begin()
            while block.isValid():
                fragments = block.begin()
                if not fragments.atEnd():
                    for name in fragments.fragment().charFormat().anchorNames():
                        self._blocks.setdefault(name, block)
                block = block.next()
        return self._blocks

    def _failed(self, _job: int, message: str) -> None:
        self.browser.setPlainText(message)
        self.shown, self._blocks, self._displayed = None, None, None

    def keep_position(self, position: int) -> None:
        """Show the next live preview scrolled to ``position`` (where the pane built before was)."""
        self._position = position

    def detach(self) -> None:
        """The pane is about to be replaced: it no longer follows the window's page renderer."""
        for signal, slot in (
            (self.renderer.started, self._pages_started),
            (self.renderer.ready, self._pages_ready),
            (self.renderer.failed, self._pages_failed),
            (self.renderer.rescaled, self.page_view.images_changed),
        ):
            signal.disconnect(slot)
        self.timer.stop()
        self.pages_timer.stop()

    # -- the print preview --------------------------------------------------------------------
    @property
    def pages_shown(self) -> bool:
        return self.tabs.currentWidget() is self.page_view

    def show_pages(self) -> None:
        """Open the print preview (its tab), making the pages if they are not made yet."""
        self.tabs.setCurrentWidget(self.page_view)

    def _tab_changed(self, _index: int) -> None:
        if self.pages_shown:
            self.update_pages()
        else:  # not looked at: no LibreOffice running for it
            self.pages_timer.stop()
            self.renderer.cancel()
            if self._html_due:
                self._show_html()

    def update_pages(self) -> None:
        """Make the pages of the draft now (or show them from the cache), or say what is missing."""
        self.pages_timer.stop()
        doc = self.controller.doc
        if doc is None:
            return
        if not self._tools_found:  # looked up until found (not at every keystroke after that)
            missing = api.missing_page_tools()
            if missing:
                self.page_view.show_message(missing_tools_message(missing))
                return
            self._tools_found = True
        self.renderer.request(doc.draft, self.page_options(), self.controller.library, self.page_view.scale())

    def _pages_started(self) -> None:
        self.page_view.set_busy(stale=True)

    def _pages_failed(self, message: str) -> None:
        self.page_view.show_message(_("The pages could not be made: {error}").format(error=message))

    def _pages_ready(self, rendered: RenderedPages) -> None:
        self.page_view.set_pages(rendered)
        sections, _path = self.following
        if sections:
            self._follow_pages()

    # -- following the edit -------------------------------------------------------------------
    def follow(self, clauses: tuple[str, ...], path: str = "") -> None:
        """The clerk edits the section printed in ``clauses`` (clause ids, or their beginnings),
        at field ``path`` if known: both previews scroll to where that is printed."""
        self.following = (clauses, path)
        clause = self._clause()
        if clause:
            lang = self.choice()[1][:1]
            if lang:
                self.browser.scrollToAnchor(f"{lang[0]}.{clause}")
                self._followed = True
        self._follow_pages()

    def _clause(self) -> str:
        clauses, path = self.following
        if self.shown is None:
            return ""
        if path and self.shown.fields.get(path):
            return self.shown.fields[path]
        return next(
            (c for c in self.shown.clauses if any(c == p or c.startswith(p + ".") for p in clauses)), ""
        )

    def _follow_pages(self) -> None:
        clause = self._clause()
        if clause and self.page_view.rendered is not None:
            self.page_view.show_clause(clause)
