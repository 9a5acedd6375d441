"""Which widget shows which field path: the bookkeeping behind refreshing a field when the draft
changes under it (undo, redo), and behind putting the cursor in the field a check or the export
dialog names ("focus by path").

Each section of the editor has one :class:`~.fields.Form` and one page; a form registers its
widgets here as it builds them, and a section rebuilt (an item added, the party names changed)
forgets its old widgets first, so no path ever points at a deleted widget.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from ...model.paths import field_prefix
from ..draft_document import DraftDocument
from .fields import Form


class FieldRegistry:
    """Field paths to widgets, over all sections; forms and pages by section key.

    ``registry[path]``, ``path in registry`` and :meth:`get` look a widget up; a per-language
    text is registered under each language's path (``title.vi``) and, for its first language,
    under its own (``title``).
    """

    def __init__(self) -> None:
        self._widgets: dict[str, QWidget] = {}
        #: The form of each section, by section key.
        self.forms: dict[str, Form] = {}
        #: The page (scroll area) of each section, by section key.
        self.pages: dict[str, QScrollArea] = {}

    # -- lookup ---------------------------------------------------------------------------------
    def __getitem__(self, path: str) -> QWidget:
        return self._widgets[path]

    def __contains__(self, path: object) -> bool:
        return path in self._widgets

    def __iter__(self) -> Iterator[str]:
        return iter(self._widgets)

    def get(self, path: str) -> QWidget | None:
        return self._widgets.get(path)

    def add(self, path: str, widget: QWidget) -> None:
        """``widget`` shows ``path`` (called by the forms as they build)."""
        self._widgets[path] = widget

    # -- sections -------------------------------------------------------------------------------
    def new_form(self, key: str, doc: DraftDocument) -> Form:
        """A form for section ``key``, its widgets registered here; the section's old form (if any)
        is forgotten first."""
        self.forget(key)
        form = Form(doc, self)
        self.forms[key] = form
        return form

    def set_page(self, key: str, page: QScrollArea) -> None:
        self.pages[key] = page

    def forget(self, key: str) -> None:
        """Drop section ``key``'s form, page and the paths its widgets showed."""
        form = self.forms.pop(key, None)
        self.pages.pop(key, None)
        if form is None:
            return
        for path, widget in form.widgets.items():
            if self._widgets.get(path) is widget:
                del self._widgets[path]

    def clear(self) -> None:
        self._widgets.clear()
        self.forms.clear()
        self.pages.clear()

    def refresh(self, path: str) -> None:
        """Every form showing ``path`` shows the draft's value again."""
        for form in self.forms.values():
            if path in form.refreshers:
                form.refresh(path)

    # -- focus by path --------------------------------------------------------------------------
    def find(self, path: str, key: str) -> QWidget | None:
        """The widget for ``path`` in section ``key``: its own, else the nearest enclosing field's
        (``parties[2]`` for ``parties[2].seal``), else the section's "add" button of that list."""
        target = field_prefix(path)
        widget = self._widgets.get(target)
        while widget is None and ("." in target or "[" in target):
            target = target[: max(target.rfind("."), target.rfind("["))]
            widget = self._widgets.get(target) or self._widgets.get(f"{target}.vi")
        if widget is None:
            page = self.pages.get(key)
            widget = page.findChild(QWidget, f"{path}.add") if page is not None else None
        return widget

    def focus(self, path: str, key: str) -> bool:
        """Scroll section ``key``'s page to the widget for ``path`` and put the cursor in it."""
        widget = self.find(path, key)
        if widget is None:
            return False
        page = self.pages.get(key)
        if page is not None:
            page.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
