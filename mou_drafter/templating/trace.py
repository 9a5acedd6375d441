"""Where each part of a clause's text comes from: a rendering of the draft that remembers, for every
value a template printed, which field of the draft it is (``parties[0].name.vi``).

Used when a DOCX edited in Word comes back (:mod:`mou_drafter.compare.edits`): a change inside a
text the clerk typed can go back into that field, a change elsewhere is a change of the
template's wording. Ordinary rendering (:func:`mou_drafter.templating.engine.build_document`) does
none of this; the traced rendering uses the same templates, context and parser with a different
``finalize`` and filters:

* each text of the draft reaches the template as a :class:`TracedText` (a ``str`` that knows its
  field path); the filters that reshape a text (``upper``, ``capfirst``, ``end_with``, …) keep the
  path and note that the printed text is not the field's text as typed;
* the filters that format data (``date``, ``amount``, ``ordinal``, …) return a
  :class:`ComputedText`: printed from the draft but not typed by the clerk;
* ``finalize`` puts private-use markers with the value's number around every printed value, which
  pass through the block parser into the block's lines and are taken out again by
  :func:`split_markers`, leaving the clause text and its value spans.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import jinja2

from ..document import Block, Document
from ..errors import TemplateError
from ..model.draft import LANGUAGES, Draft
from ..model.text import VALUE_END, VALUE_NEWLINE, VALUE_START
from .engine import (
    DraftEnvironment,
    Export,
    _Parser,
    cached_environment,
    is_text,
    template_context,
)
from .library import TemplateLibrary, TemplateVersion, default_library

#: Marks the start of a printed value: followed by two characters giving its number.
OPEN = "\U0010fffc"
#: Marks the end of a printed value.
CLOSE = "\U0010fffd"
_BASE = 0xF0000
_RADIX = 60000
_MARKERS = re.compile(f"{OPEN}..|{CLOSE}", re.DOTALL)
#: Filters that format the draft's data: what they print is computed, not typed.
_FORMATTING = frozenset(
    {"date", "date_short", "date_range", "number", "amount", "ordinal", "count_words", "as_words"}
)
#: Filters whose result is the text they were given, reshaped: the path goes with it.
_RESHAPING = frozenset(
    {
        "upper",
        "lower",
        "capitalize",
        "title",
        "trim",
        "replace",
        "capfirst",
        "end_with",
        "the",
        "req",
        "default",
        "d",
        "string",
        "truncate",
    }
)


class TracedText(str):
    """A text of the draft in one language that knows its field path; ``reshaped`` when a filter
    changed it (capitals, a full stop added) so the printed text is not the typed one."""

    path: str
    reshaped: bool

    def __new__(cls, value: str, path: str, reshaped: bool = False) -> TracedText:
        text = super().__new__(cls, value)
        text.path = path
        text.reshaped = reshaped
        return text

    def strip(self, chars: str | None = None) -> TracedText:  # the engine strips texts it localizes
        return TracedText(str.strip(self, chars), self.path, self.reshaped)


class ComputedText(str):
    """A text a formatting filter made from the draft's data (a date, an amount, a count)."""


#: Where a printed value came from: a text of the draft (``field``), the draft's data formatted
#: (``computed``: dates, numbers, amounts, counts), or the template itself (``template``: its own
#: words set in variables or macros).
Source = Literal["field", "computed", "template"]


@dataclass(frozen=True)
class ValueSpan:
    """Characters ``start``–``end`` of a clause's text were printed from one value (see
    :data:`Source`); ``path`` names the field of a ``field`` value."""

    start: int
    end: int
    source: Source = "template"
    path: str = ""
    reshaped: bool = False


@dataclass(frozen=True)
class TracedClause:
    clause: str
    lang: str
    kind: str
    text: str
    values: tuple[ValueSpan, ...]


_VALUES: contextvars.ContextVar[list[tuple[Source, str, bool]]] = contextvars.ContextVar("traced_values")


def _code(number: int) -> str:
    return chr(_BASE + number // _RADIX) + chr(_BASE + number % _RADIX)


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    values = _VALUES.get()
    if isinstance(value, TracedText):
        values.append(("field", value.path, value.reshaped))
    elif isinstance(value, ComputedText | int | float | Decimal | dt.date):
        values.append(("computed", "", False))
    else:
        values.append(("template", "", False))
    text = str(value).replace("\n", VALUE_NEWLINE)
    return f"{VALUE_START}{OPEN}{_code(len(values) - 1)}{text}{CLOSE}{VALUE_END}"


def _keeping_path(name: str, func: Any) -> Any:
    """``func`` (a filter) returning a text that keeps the path of the text it was given."""
    offset = 1 if hasattr(func, "jinja_pass_arg") else 0

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = func(*args, **kwargs)
        value = args[offset] if len(args) > offset else None
        if isinstance(value, TracedText) and isinstance(result, str) and not isinstance(result, TracedText):
            return TracedText(result, value.path, value.reshaped or result != value)
        if (
            isinstance(value, ComputedText)
            and isinstance(result, str)
            and not isinstance(result, ComputedText)
        ):
            return ComputedText(result)
        return result

    return wrapper


def _computing(func: Any) -> Any:
    """``func`` (a formatting filter) returning a :class:`ComputedText`."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = func(*args, **kwargs)
        return ComputedText(result) if isinstance(result, str) else result

    return wrapper


class _TracingEnvironment(DraftEnvironment):
    def __init__(self, loader: jinja2.BaseLoader) -> None:
        super().__init__(loader)
        self.finalize = _finalize
        for name in _RESHAPING & set(self.filters):
            self.filters[name] = _keeping_path(name, self.filters[name])
        for name in _FORMATTING & set(self.filters):
            self.filters[name] = _computing(self.filters[name])


def _environment(template: TemplateVersion) -> _TracingEnvironment:
    """The tracing environment of one template version, made and cached as the rendering one is
    (:func:`~.engine.cached_environment`: only the version's folder, compiled templates kept)."""
    return cached_environment(template, _TracingEnvironment)


def traced_dump(data: Any, path: str = "") -> Any:
    """The draft's data (``model_dump()``) with each text of a language as a :class:`TracedText`."""
    if isinstance(data, dict):
        if is_text(data):  # its translation record (format 4) is kept as it is, never printed
            return {
                key: TracedText(value, f"{path}.{key}") if key in LANGUAGES else value
                for key, value in data.items()
            }
        return {key: traced_dump(value, f"{path}.{key}" if path else key) for key, value in data.items()}
    if isinstance(data, list):
        return [traced_dump(value, f"{path}[{index}]") for index, value in enumerate(data)]
    return data


def split_markers(marked: str) -> tuple[str, tuple[ValueSpan, ...]]:
    """A text with value markers as plain text and the spans of its values, innermost last."""
    values = _VALUES_SEEN.get()
    plain: list[str] = []
    length = 0
    stack: list[tuple[int, int]] = []
    spans: list[tuple[int, ValueSpan]] = []  # (depth, span)
    position = 0
    for match in _MARKERS.finditer(marked):
        piece = marked[position : match.start()]
        plain.append(piece)
        length += len(piece)
        position = match.end()
        token = match.group()
        if token == CLOSE:
            if stack:
                start, number = stack.pop()
                source, path, reshaped = values[number] if number < len(values) else ("template", "", False)
                spans.append((len(stack), ValueSpan(start, length, source, path, reshaped)))
        else:
            stack.append((length, (ord(token[1]) - _BASE) * _RADIX + ord(token[2]) - _BASE))
    plain.append(marked[position:])
    # outer values first (a macro's output around the values it printed, even when they cover
    # the same characters), so the innermost span containing a position is the last that does
    spans.sort(key=lambda item: (item[1].start, -item[1].end, item[0]))
    return "".join(plain), tuple(span for _depth, span in spans)


_VALUES_SEEN: contextvars.ContextVar[list[tuple[Source, str, bool]]] = contextvars.ContextVar(
    "traced_values_seen"
)


def _render(
    template: TemplateVersion,
    draft: Draft,
    lang: str,
    dumped: dict[str, Any],
    languages: list[str],
    export: Export,
) -> list[Block]:
    path = template.language_file(lang)
    try:
        env = _environment(template)
        with env.bounded():  # the same limits as a render (docs/security.md)
            output = env.get_template(path.name).render(
                template_context(draft, lang, dumped, languages, export)
            )
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, ArithmeticError) as exc:
        raise TemplateError(f"{path}: {exc}") from None
    # ids in directive lines are values too: they must read as written
    lines = [
        (_MARKERS.sub("", line) if line.lstrip(VALUE_START).startswith("@") else line)
        for line in output.split("\n")
    ]
    return _Parser(str(path), lang).parse("\n".join(lines))


def traced_clauses(
    draft: Draft,
    languages: list[str],
    export: Export,
    *,
    template: str | None = None,
    library: TemplateLibrary | None = None,
) -> dict[tuple[str, str], TracedClause]:
    """Each clause (id, language) of ``draft`` rendered for ``export`` in ``languages`` with its
    text as :meth:`~mou_drafter.document.Document.clause_text` gives it and the spans of the
    values in it. Overrides of the draft are not applied: this is the template's own text."""
    library = library or default_library()
    ref = template or draft.template
    version = library.find(ref) if ref else library.newest(draft.kind)
    dumped = traced_dump(draft.model_dump())
    values: list[tuple[Source, str, bool]] = []
    token = _VALUES.set(values)
    try:
        texts = {lang: _render(version, draft, lang, dumped, languages, export) for lang in languages}
    finally:
        _VALUES.reset(token)
    doc = Document(
        kind=draft.kind,
        template=version.ref,
        languages=languages,
        texts=texts,
        labels=version.manifest.labels,
    )
    seen = _VALUES_SEEN.set(values)
    try:
        out = {}
        for lang, blocks in texts.items():
            for block in blocks:
                text, spans = split_markers(doc.clause_text(block))
                out[(block.id, lang)] = TracedClause(block.id, lang, block.kind, text, spans)
        return out
    finally:
        _VALUES_SEEN.reset(seen)
