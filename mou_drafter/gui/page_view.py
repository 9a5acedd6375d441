"""The print preview ("Xem trước bản in"): the draft exported to Word and printed by LibreOffice,
shown as its pages — the same layout, page breaks, headers, tables and signature blocks as the
exported file — with zoom, page navigation and the page count; a click on a printed text puts the
cursor in the field it shows, when the printed words could be traced to one
(:func:`mou_drafter.api.render_pages`).

:class:`PageRenderer` renders in the background, one render at a time in a thread pool of its own
(the live preview and exports keep the shared one), keeps the last few renders by the draft's
fingerprint (the draft, the render options, the template folders), and cancels the running render
as soon as the draft changes: the LibreOffice process is stopped at once, so a 2-core machine is
not kept busy with a stale document (and LibreOffice and Poppler run at a low CPU priority).

What the UI thread does for a page render is kept short (every task well under a frame), since
typing goes on while pages are made: the page images are made by ``pdftoppm`` at the screen's
resolution for the zoom shown (:class:`Scale`, the device pixel ratio included, so text is as sharp
as the screen allows), read and greyed (the copy shown while newer pages are made) in the worker
thread without long calls into Qt, which would keep Python's lock from the UI thread
(:func:`decode_page`); painting draws them one pixel to one pixel. A new zoom or screen has them made
again from the PDF after a short pause (:meth:`PageRenderer.rescale`); until then the images of
before are drawn scaled.

Without LibreOffice or Poppler's ``pdftoppm``/``pdftotext`` the view says what is missing and the
live preview stays.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import api
from ..api import RenderOptions, TemplateLibrary
from ..errors import ExportError, MouDrafterError
from ..model.draft import Draft
from .forms.field_names import describe
from .i18n import _
from .workers import Worker

#: Renders kept, newest last: undoing an edit shows the pages again at once.
CACHE_SIZE = 4
#: Zoom steps of the − and + buttons (1.0: the page at its printed size).
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
#: Space around and between the pages (logical pixels).
MARGIN = 12
#: Points to logical pixels at 100 %.
PT = 96 / 72
#: The page images' resolution (dots per inch) is the screen's at the zoom shown, within these
#: bounds: above the highest (250 % on a 100 % screen, 167 % at 150 %) the images are enlarged.
MIN_DPI, MAX_DPI = 24.0, 240.0
#: Pages of before are shown blended with this much white (of 255) while the new ones are made.
DIM = 110
_DIM_TABLE = bytes(round(v + (255 - v) * DIM / 255) for v in range(256))
#: Bytes dimmed at a time (a short hold of the interpreter lock: the UI thread is never kept waiting long).
_DIM_CHUNK = 1 << 18
#: A render starts its work this long after it is asked for (seconds): the UI thread first finishes
#: the keystroke that asked for it (Python's lock is not shared with a render meanwhile), and a
#: keystroke in between cancels the render before any work.
SETTLE_S = 0.03
#: The pause after a zoom or a resize before the page images are made again at the new size.
RESCALE_DELAY_MS = 150
_PPM_HEADER = re.compile(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s")


def image_dpi(zoom: float, ratio: float) -> float:
    """The page images' dots per inch at ``zoom`` on a screen of device pixel ratio ``ratio``: one
    image pixel to one screen pixel (within :data:`MIN_DPI` … :data:`MAX_DPI`)."""
    return max(MIN_DPI, min(MAX_DPI, round(96 * zoom * ratio, 2)))


def fit_zoom(sizes: list[tuple[float, float]], available: int) -> float:
    """The zoom at which the widest of the pages ``sizes`` (points) fills ``available`` logical pixels."""
    widest = max(w for w, _h in sizes) * PT
    return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], available / widest))


@dataclass(frozen=True)
class Scale:
    """How the pages are shown: at ``zoom`` (0: fitted to ``width`` logical pixels) on a screen of
    device pixel ratio ``ratio`` — what the page images are made for."""

    zoom: float
    width: int
    ratio: float

    def dpi(self, sizes: list[tuple[float, float]]) -> float:
        return image_dpi(self.zoom or fit_zoom(sizes, self.width), self.ratio)


def fingerprint(draft: Draft | str, options: RenderOptions, library: TemplateLibrary) -> str:
    """What a render depends on, hashed: the same fingerprint, the same pages. ``draft`` may be
    given as its JSON (``draft.model_dump_json()``)."""
    text = draft if isinstance(draft, str) else draft.model_dump_json()
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(f"{options!r}|{library!r}".encode())
    return digest.hexdigest()


@dataclass
class PageImage:
    """A page as shown: its image and the same greyed (shown while newer pages are made), both
    made in a worker thread, each owning its pixels."""

    image: QImage
    dimmed: QImage


def decode_page(path: Path, ratio: float) -> PageImage:
    """The page image ``path`` (a PPM) and its greyed copy, for a screen of device pixel ratio
    ``ratio``. Runs in a worker thread, and never in one long call into Qt (which keeps Python's
    lock, so the UI thread would wait for it): the file is read by Python, the greyed copy made by
    a byte table a piece at a time, and each image copied by Qt out of Python's buffer (one memory
    copy, a millisecond or two): an image over a Python buffer is shared by every copy Qt makes of
    it, and one outliving the buffer reads freed memory (it crashed the suite under Wine)."""
    data = path.read_bytes()
    header = _PPM_HEADER.match(data)
    if header is None or int(header[3]) != 255:
        raise ExportError(f"{path.name}: not an image pdftoppm writes (8-bit PPM)")
    width, height, start = int(header[1]), int(header[2]), header.end()
    if len(data) - start < width * height * 3:
        raise ExportError(f"{path.name}: the page image is cut short")
    dimmed = bytearray(len(data))
    for offset in range(start, len(data), _DIM_CHUNK):
        dimmed[offset : offset + _DIM_CHUNK] = data[offset : offset + _DIM_CHUNK].translate(_DIM_TABLE)
    images = []
    for buffer in (data, dimmed):
        over = QImage(memoryview(buffer)[start:], width, height, width * 3, QImage.Format.Format_RGB888)
        image = over.copy()  # owns its pixels; ``over`` (over Python's buffer) goes now
        del over
        image.setDevicePixelRatio(ratio)
        images.append(image)
    return PageImage(images[0], images[1])


def page_images(
    pages: api.Pages, folder: Path, dpi: float, ratio: float, cancel: threading.Event
) -> list[PageImage]:
    """The pages of ``pages`` as images at ``dpi``, decoded (worker thread)."""
    images = []
    for path in api.page_images(pages, folder, dpi, cancel=cancel):
        if cancel.is_set():
            raise Cancelled("cancelled")
        images.append(decode_page(path, ratio))
    shutil.rmtree(folder, ignore_errors=True)  # read: the PDF stays for images at another zoom
    return images


@dataclass
class RenderedPages:
    """A render: the pages (PDF, sizes, traced words) and their images, made at ``dpi`` for a
    screen of device pixel ratio ``ratio`` (made again when the zoom changes)."""

    pages: api.Pages
    images: list[PageImage]
    key: str
    dpi: float
    ratio: float

    @property
    def count(self) -> int:
        return self.pages.count

    def folder(self, dpi: float) -> Path:
        return self.pages.pdf.parent / f"at-{dpi:g}"


class Cancelled(MouDrafterError):
    """A render or new images that were no longer wanted (not reported: a newer request is on its way)."""


def _render(
    draft_json: str,
    options: RenderOptions,
    library: TemplateLibrary,
    folder: Path,
    scale: Scale,
    profile: Path,
    cancel: threading.Event,
    key: str,
) -> RenderedPages:
    """The worker's job: export, print, read the words, then the page images at the resolution the
    page sizes and ``scale`` call for, decoded. The draft comes as the JSON its fingerprint was
    taken from (the UI thread makes no deep copy of it)."""
    if cancel.wait(SETTLE_S):
        raise Cancelled("cancelled")
    draft = Draft.model_validate_json(draft_json)
    try:
        pages = api.render_pages(
            draft, folder, options, images=False, library=library, profile=profile, cancel=cancel
        )
    except Exception as exc:  # stopped by ``cancel``: no traceback for what the clerk asked for
        if cancel.is_set():
            raise Cancelled(str(exc)) from None
        raise
    dpi = scale.dpi(pages.sizes)
    rendered = RenderedPages(pages, [], key, dpi, scale.ratio)
    rendered.images = _images(rendered, dpi, scale.ratio, cancel)
    return rendered


def _images(rendered: RenderedPages, dpi: float, ratio: float, cancel: threading.Event) -> list[PageImage]:
    try:
        return page_images(rendered.pages, rendered.folder(dpi), dpi, ratio, cancel)
    except Exception as exc:
        if cancel.is_set():
            raise Cancelled(str(exc)) from None
        raise


class PageRenderer(QObject):
    """Renders pages in the background, newest request only, cached, cancellable.

    Signals:
        started(): a render started (nothing cached for this draft).
        ready(object): the pages of the newest request (a :class:`RenderedPages`).
        failed(str): the newest request failed: the message.
        rescaled(object): a :class:`RenderedPages` has new images (:meth:`rescale`).
    """

    started = Signal()
    ready = Signal(object)
    failed = Signal(str)
    rescaled = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = Worker(self)
        self.worker.pool = QThreadPool(self)  # one render at a time, apart from the previews' pool
        self.worker.pool.setMaxThreadCount(1)
        self.worker.finished.connect(self._done)
        self.worker.failed.connect(self._failed)
        #: Makes the images again at another zoom (in a thread of its own: a render may be running).
        self.scaler = Worker(self)
        self.scaler.pool = QThreadPool(self)
        self.scaler.pool.setMaxThreadCount(1)
        self.scaler.finished.connect(self._rescaled)
        self._rescaling = threading.Event()
        self._folder = tempfile.TemporaryDirectory(prefix="mou-drafter-pages-")
        #: LibreOffice's profile for this session: made by the first render, reused by the next.
        self.profile = Path(self._folder.name) / "libreoffice"
        self.cache: OrderedDict[str, RenderedPages] = OrderedDict()
        #: The running jobs: id → (fingerprint, cancel event, folder).
        self.running: dict[int, tuple[str, threading.Event, Path]] = {}
        #: The fingerprint of the newest request.
        self.wanted = ""

    @property
    def busy(self) -> bool:
        return any(not event.is_set() for _key, event, _folder in self.running.values())

    def request(self, draft: Draft, options: RenderOptions, library: TemplateLibrary, scale: Scale) -> bool:
        """Show the pages of ``draft``: from the cache at once (True), or rendered in the
        background (False; the render of another draft, if one runs, is cancelled), the images
        made for ``scale``."""
        snapshot = draft.model_dump_json()
        key = fingerprint(snapshot, options, library)
        self.wanted = key
        if key in self.cache:
            self.cancel()
            self.cache.move_to_end(key)
            self.ready.emit(self.cache[key])
            return True
        if any(k == key and not e.is_set() for k, e, _f in self.running.values()):
            return False  # already on its way
        self.cancel()
        folder = Path(self._folder.name) / key[:16]
        shutil.rmtree(folder, ignore_errors=True)
        cancel = threading.Event()
        job = self.worker.submit(
            lambda: _render(snapshot, options, library, folder, scale, self.profile, cancel, key)
        )
        self.running[job] = (key, cancel, folder)
        self.started.emit()
        return False

    def rescale(self, rendered: RenderedPages, dpi: float, ratio: float) -> None:
        """Make the images of ``rendered`` again at ``dpi`` for device pixel ratio ``ratio`` (the
        zoom or the screen changed), from its PDF; :attr:`rescaled` when done. A newer request
        cancels an older one."""
        self._rescaling.set()
        cancel = self._rescaling = threading.Event()
        self.scaler.submit(lambda: (rendered, dpi, ratio, _images(rendered, dpi, ratio, cancel)))

    def _rescaled(self, _job: int, result: tuple[RenderedPages, float, float, list[PageImage]]) -> None:
        rendered, dpi, ratio, images = result
        rendered.images, rendered.dpi, rendered.ratio = images, dpi, ratio
        self.rescaled.emit(rendered)

    def cancel(self) -> None:
        """Stop the running render (its LibreOffice or Poppler process is stopped at once)."""
        for _key, event, _folder in self.running.values():
            event.set()

    def forget(self) -> None:
        """Cancel and drop every render (the draft was closed)."""
        self.cancel()
        self._rescaling.set()
        self.wanted = ""
        self.cache.clear()

    def _finish(self, job: int) -> tuple[str, threading.Event, Path] | None:
        entry = self.running.pop(job, None)
        if entry is not None and entry[1].is_set():
            shutil.rmtree(entry[2], ignore_errors=True)
            return None
        return entry

    def _done(self, job: int, rendered: RenderedPages) -> None:
        entry = self._finish(job)
        if entry is None:
            return
        self.cache[rendered.key] = rendered
        while len(self.cache) > CACHE_SIZE:
            old_key, _old = self.cache.popitem(last=False)
            shutil.rmtree(Path(self._folder.name) / old_key[:16], ignore_errors=True)
        if rendered.key == self.wanted:
            self.ready.emit(rendered)

    def _failed(self, job: int, message: str) -> None:
        entry = self._finish(job)
        if entry is not None and entry[0] == self.wanted:
            self.failed.emit(message)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Wait for the running render and new images to end (tests, and the window when it closes)."""
        return self.worker.pool.waitForDone(timeout_ms) and self.scaler.pool.waitForDone(timeout_ms)


class PageCanvas(QWidget):
    """The pages one under another, centred, at the view's zoom; a click on a traced word asks
    for its field.

    Painting only draws images made in a worker thread: at the zoom they were made for, one image
    pixel to one screen pixel (no scaling), the greyed copies while newer pages are made (no
    blending). At another zoom they are drawn scaled, quickly, and :attr:`needs_images` asks for
    new ones.
    """

    clicked = Signal(str)
    needs_images = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rendered: RenderedPages | None = None
        self.zoom = 1.0
        self.stale = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_pages(self, rendered: RenderedPages | None) -> None:
        self.rendered = rendered
        self._resize()

    def set_zoom(self, zoom: float) -> None:
        if abs(zoom - self.zoom) > 1e-6:
            self.zoom = zoom
            self._resize()

    def wanted(self) -> tuple[float, float]:
        """The images' dots per inch and device pixel ratio for the zoom and screen shown."""
        ratio = self.devicePixelRatioF()
        return image_dpi(self.zoom, ratio), ratio

    def page_rect(self, page: int) -> QRect:
        """Where page ``page`` (from 0) is drawn, in this widget's coordinates."""
        assert self.rendered is not None
        sizes = self.rendered.pages.sizes
        width = max(round(w * PT * self.zoom) for w, _h in sizes)
        y = MARGIN + sum(round(h * PT * self.zoom) + MARGIN for _w, h in sizes[:page])
        w, h = (round(v * PT * self.zoom) for v in sizes[page])
        return QRect(MARGIN + (width - w) // 2, y, w, h)

    def _resize(self) -> None:
        if self.rendered is None or not self.rendered.count:
            self.resize(0, 0)
            return
        last = self.page_rect(self.rendered.count - 1)
        width = max(self.page_rect(i).right() for i in range(self.rendered.count)) + MARGIN
        self.setFixedSize(QSize(width, last.bottom() + MARGIN))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().dark())
        rendered = self.rendered
        if rendered is None:
            return
        ratio = self.devicePixelRatioF()
        made_for = abs(rendered.dpi - image_dpi(self.zoom, ratio)) < 0.01 and rendered.ratio == ratio
        exact = made_for and abs(rendered.dpi - 96 * self.zoom * ratio) < 0.01
        shadow = QColor(0, 0, 0, 60)
        for index in range(rendered.count):
            rect = self.page_rect(index)
            if not rect.intersects(event.rect()):
                continue
            # the shadow where it shows (a translucent fill under the whole page costs as much as the page)
            painter.fillRect(QRect(rect.right() + 1, rect.top() + 2, 2, rect.height()), shadow)
            painter.fillRect(QRect(rect.left() + 2, rect.bottom() + 1, rect.width() - 2, 2), shadow)
            painter.fillRect(rect, Qt.GlobalColor.white)
            if index < len(rendered.images):
                page = rendered.images[index]
                image = page.dimmed if self.stale else page.image
                if exact:
                    painter.drawImage(rect.topLeft(), image)
                else:  # made for another zoom: scaled (quickly) until the new images come
                    painter.drawImage(rect, image)
        if not made_for:
            self.needs_images.emit()

    # -- from the screen to the page ----------------------------------------------------------
    def word_at(self, pos: QPoint) -> api.Word | None:
        if self.rendered is None:
            return None
        for index in range(self.rendered.count):
            rect = self.page_rect(index)
            if rect.contains(pos):
                scale = PT * self.zoom
                return self.rendered.pages.at(
                    index, (pos.x() - rect.x()) / scale, (pos.y() - rect.y()) / scale
                )
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        word = self.word_at(event.position().toPoint())
        if word is not None and word.path:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(_("Click to edit: {field}").format(field=describe(word.path)))
        else:
            self.unsetCursor()
            self.setToolTip("")
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            word = self.word_at(event.position().toPoint())
            if word is not None and word.path:
                self.clicked.emit(word.path)
                return
        super().mousePressEvent(event)


class _Scroll(QScrollArea):
    """Ctrl+wheel zooms."""

    zoom_requested = Signal(int)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


class PageView(QWidget):
    """Toolbar (zoom, page n of N, what is happening) over the pages, or a message.

    Signals:
        jump_requested(str): the clerk clicked a printed text of this field path.
        images_requested(object, float, float): the zoom or the screen changed: the pages shown
            (a :class:`RenderedPages`) are wanted at these dots per inch and device pixel ratio.
    """

    jump_requested = Signal(str)
    images_requested = Signal(object, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-view")
        self.fit_width = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        layout.addLayout(bar)

        def tool(name: str, text: str, tip: str, slot: object) -> QToolButton:
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
            return button

        self.zoom_out = tool("pages.zoom-out", "−", _("Zoom out"), lambda: self.step_zoom(-1))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("pages.zoom")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300 %") + 6)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.zoom_label)
        self.zoom_in = tool("pages.zoom-in", "+", _("Zoom in"), lambda: self.step_zoom(1))
        self.fit_button = QPushButton(_("Fit width"))
        self.fit_button.setObjectName("pages.fit")
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.toggled.connect(self._fit_toggled)
        bar.addWidget(self.fit_button)
        bar.addSpacing(12)
        self.previous = tool("pages.previous", "◀", _("Previous page"), lambda: self.go_to(self.page - 1))
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pages.page")
        self.page_box.setAccessibleName(_("Page"))
        self.page_box.setRange(1, 1)
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        bar.addWidget(self.page_box)
        self.count_label = QLabel()
        self.count_label.setObjectName("pages.count")
        bar.addWidget(self.count_label)
        self.next = tool("pages.next", "▶", _("Next page"), lambda: self.go_to(self.page + 1))
        self.status = QLabel()
        self.status.setObjectName("pages.status")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.status, 1)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.canvas = PageCanvas()
        self.canvas.clicked.connect(self.jump_requested)
        self.canvas.needs_images.connect(self._check_images)
        #: The images asked for last: (fingerprint, dots per inch, device pixel ratio).
        self._asked: tuple[str, float, float] = ("", 0.0, 0.0)
        self.rescale_timer = QTimer(self, singleShot=True, interval=RESCALE_DELAY_MS)
        self.rescale_timer.timeout.connect(self._ask_images)
        self.scroller = _Scroll()
        self.scroller.setObjectName("pages.scroll")
        self.scroller.setWidget(self.canvas)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroller.zoom_requested.connect(self.step_zoom)
        self.scroller.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.stack.addWidget(self.scroller)
        self.message = QLabel()
        self.message.setObjectName("pages.message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMargin(24)
        self.stack.addWidget(self.message)
        self.show_message(_("The pages appear here as the document will print."))
        self._update_controls()

    # -- what is shown ------------------------------------------------------------------------
    @property
    def rendered(self) -> RenderedPages | None:
        return self.canvas.rendered

    @property
    def page_count(self) -> int:
        return self.rendered.count if self.rendered is not None else 0

    @property
    def page(self) -> int:
        """The page at the top of the view (from 0)."""
        if not self.page_count:
            return 0
        top = self.scroller.verticalScrollBar().value() + self.scroller.viewport().height() // 3
        for index in range(self.page_count):
            if self.canvas.page_rect(index).bottom() + MARGIN >= top:
                return index
        return self.page_count - 1

    def set_pages(self, rendered: RenderedPages) -> None:
        """Show ``rendered`` (at the same page and zoom as before)."""
        page = self.page
        first = self.rendered is None
        self.canvas.stale = False
        self.canvas.set_pages(rendered)
        self.stack.setCurrentWidget(self.scroller)
        self.status.setText("")
        if self.fit_width:
            self._fit()
        self._update_controls()
        if not first:
            self.go_to(min(page, self.page_count - 1))

    def scale(self) -> Scale:
        """How the pages are shown, for the images of the next render."""
        zoom = 0.0 if self.fit_width else self.canvas.zoom
        return Scale(zoom, self._available(), self.canvas.devicePixelRatioF())

    def images_changed(self, rendered: RenderedPages) -> None:
        """The images of ``rendered`` were made again (:meth:`PageRenderer.rescale`)."""
        if rendered is self.rendered:
            self.canvas.update()

    def _check_images(self) -> None:
        """The images shown were made for another zoom or screen: new ones after a pause (the
        zoom may change again)."""
        rendered = self.rendered
        if rendered is not None and (rendered.key, *self.canvas.wanted()) != self._asked:
            self.rescale_timer.start()

    def _ask_images(self) -> None:
        rendered = self.rendered
        if rendered is None:
            return
        dpi, ratio = self.canvas.wanted()
        if (rendered.key, dpi, ratio) == self._asked or (
            abs(rendered.dpi - dpi) < 0.01 and rendered.ratio == ratio
        ):
            return
        self._asked = (rendered.key, dpi, ratio)
        self.images_requested.emit(rendered, dpi, ratio)

    def clear(self) -> None:
        self.canvas.set_pages(None)
        self.show_message(_("The pages appear here as the document will print."))
        self._update_controls()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.status.setText("")

    def set_busy(self, stale: bool) -> None:
        """A render runs: over the pages of before (greyed), or instead of them."""
        if self.rendered is None:
            self.show_message(_("Preparing the pages (LibreOffice prints the document)…"))
        elif self.canvas.stale != stale:  # drawn once, not at every keystroke
            self.canvas.stale = stale
            self.canvas.update()
        self.status.setText(_("Updating the pages…"))

    def show_clause(self, clause: str) -> bool:
        """Scroll to the first printed word of ``clause``; False if it is not printed."""
        if self.rendered is None:
            return False
        word = next((w for w in self.rendered.pages.words if w.clause == clause), None)
        if word is None:
            return False
        rect = self.canvas.page_rect(word.page)
        y = rect.y() + round(word.y0 * PT * self.canvas.zoom)
        self.scroller.verticalScrollBar().setValue(max(0, y - MARGIN * 2))
        return True

    # -- zoom and pages -----------------------------------------------------------------------
    def set_zoom(self, zoom: float, *, fit: bool = False) -> None:
        self.fit_width = fit
        self.fit_button.blockSignals(True)
        self.fit_button.setChecked(fit)
        self.fit_button.blockSignals(False)
        page = self.page
        self.canvas.set_zoom(max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom)))
        self._update_controls()
        if self.page_count:
            self.go_to(page)

    def step_zoom(self, step: int) -> None:
        zoom = self.canvas.zoom
        steps = [z for z in ZOOM_STEPS if (z > zoom + 1e-3 if step > 0 else z < zoom - 1e-3)]
        if steps:
            self.set_zoom(steps[0] if step > 0 else steps[-1])

    def _fit_toggled(self, on: bool) -> None:
        self.fit_width = on
        if on:
            self._fit()

    def _available(self) -> int:
        """The room for a page: inside the frame, less the vertical scroll bar (shown or about to be).
        From the stack's width: the scroll area's is not kept up while a message hides it."""
        bar = self.scroller.verticalScrollBar()
        return self.stack.width() - 2 * self.scroller.frameWidth() - bar.sizeHint().width() - 2 * MARGIN - 2

    def _fit(self) -> None:
        if self.rendered is None or not self.rendered.count:
            return
        page = self.page
        self.canvas.set_zoom(fit_zoom(self.rendered.pages.sizes, self._available()))
        self._update_controls()
        self.go_to(page)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fit_width:
            self._fit()

    def go_to(self, page: int) -> None:
        """Scroll to page ``page`` (from 0)."""
        if not self.page_count:
            return
        page = max(0, min(self.page_count - 1, page))
        self.scroller.verticalScrollBar().setValue(self.canvas.page_rect(page).y() - MARGIN)
        self._update_controls(page)

    def _scrolled(self, _value: int) -> None:
        self._update_controls()

    def _update_controls(self, page: int | None = None) -> None:
        count = self.page_count
        page = self.page if page is None else page
        self.zoom_label.setText(f"{round(self.canvas.zoom * 100)} %")
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(1, count))
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.count_label.setText(_("of {count}").format(count=count) if count else "")
        for widget in (self.page_box, self.zoom_in, self.zoom_out, self.fit_button):
            widget.setEnabled(bool(count))
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page < count - 1)
