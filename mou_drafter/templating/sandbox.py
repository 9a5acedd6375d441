"""The sandbox templates run in: which files a template may read, and how much it may make.

Templates come from the user's and a shared (network) folder, so they are treated as hostile code.
On top of Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` (no ``_private`` attributes, no
unsafe callables, ``str.format`` checked), :class:`BoundedSandbox`:

* loads templates through :class:`FolderLoader`: ``{% include %}``, ``{% import %}`` and
  ``{% extends %}`` reach only files inside the template's own version folder, after following
  links (symbolic links, ``..``, absolute paths are refused with a message naming the file);
* bounds what a render may make (:class:`Limits`, one set per environment): the size of any one
  text or list a template makes (operators ``+ * % **``, ``~``, filters, methods, slices, format
  strings, macro and block output, the output of a file), the text and list items made in one
  render altogether, ``range()``, loop steps, the nesting of macro calls and of includes, the
  digits of computed numbers, the widths in format strings, the size of a template file, and the
  time of one render (checked at each loop step, call, filter, operator and piece of output).
  Going over a limit raises :class:`TemplateLimitError` naming the limit; the engine adds the
  template file and line.

The limits are described for template authors in ``docs/security.md``.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from pathlib import Path, PureWindowsPath
from types import FrameType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.runtime import Macro
from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter
from markupsafe import Markup


@dataclass(frozen=True)
class Limits:
    """What one render of one template file may use. Documented in ``docs/security.md``."""

    #: characters in any one text a template makes, and in the output of one template file
    text: int = 10_000_000
    #: characters of text made in one render, all together (memory)
    made: int = 50_000_000
    #: items in any one list, tuple, set or mapping a template makes or grows
    items: int = 100_000
    #: list items made in one render, all together (memory)
    made_items: int = 5_000_000
    #: numbers in ``range()``
    range: int = 10_000
    #: loop steps (``{% for %}`` iterations) in one render
    loop_steps: int = 1_000_000
    #: macro calls nested in one another, and includes, imports, extends nested in one another
    nesting: int = 30
    #: digits of a whole number a template computes or formats
    digits: int = 1_000
    #: a width, precision or count given to a format string, a filter or a method
    width: int = 10_000
    #: seconds for one render of one template file
    seconds: float = 10.0
    #: bytes of one template file
    file_bytes: int = 2_000_000


class TemplateLimitError(SecurityError):
    """A template went over one of its :class:`Limits`. ``where`` is ``file:line`` when known."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where


class TemplateAccessError(SecurityError):
    """A template asked for a file outside its own version folder."""


_LIMIT_MESSAGES = {
    "text": "the template makes a text of {size:,} characters; a template's texts may have at most {limit:,}",
    "printed": "the template prints a list as a text of about {size:,} characters; a template's texts may have at "
    "most {limit:,}",
    "list": "the template makes a list of {size:,} items; a template's lists may have at most {limit:,}",
    "made": "the template has made {size:,} characters of text in one render; a render may make at most {limit:,}",
    "made_items": "the template has made lists of {size:,} items in one render; a render may make at most {limit:,}",
}


def _limit(kind: str, size: int, limit: int) -> TemplateLimitError:
    return TemplateLimitError(
        _LIMIT_MESSAGES[kind].format(size=size, limit=limit) + " (see docs/security.md)"
    )


# -- the budget of one render --------------------------------------------------------------------


class Budget:
    """What one render has used so far. One per render, per thread (a context variable), so the
    app's preview and export may render at the same time."""

    __slots__ = ("deadline", "depth", "limits", "made", "made_items", "steps")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.made = 0
        self.made_items = 0
        self.steps = 0
        self.depth = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(
                f"the template ran longer than {self.limits.seconds:g} seconds, the time one "
                "template file may take (see docs/security.md)"
            )


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "mou_drafter_template_budget", default=None
)

_CONTAINERS = (list, tuple, dict, set, frozenset)
_TEXTS = (str, bytes)


def _items(container: Any) -> list[Any]:
    if isinstance(container, dict):
        return [*container.keys(), *container.values()]
    return list(container)


def _leaf_size(value: Any) -> int:
    if isinstance(value, _TEXTS):
        return len(value) + 2
    if isinstance(value, int):
        return value.bit_length() * 3 // 10 + 2
    return 24


def _text_size(value: Any, limit: int) -> int:
    """About how many characters ``str(value)`` has, counted until it passes ``limit``: a list
    holding the same long text a thousand times is a thousand long texts once printed. Each list
    is walked once (shared ones are counted as often as they are printed; a list inside itself
    prints as ``[...]``), without recursion."""
    if not isinstance(value, _CONTAINERS):
        return _leaf_size(value)
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        container, children_done = stack.pop()
        key = id(container)
        if children_done:
            open_.discard(key)
            total = 2
            for item in _items(container):
                total += 2 + (sizes.get(id(item), 5) if isinstance(item, _CONTAINERS) else _leaf_size(item))
                if total > limit:
                    return total
            sizes[key] = total
            continue
        if key in sizes or key in open_:
            continue
        open_.add(key)
        stack.append((container, True))
        stack.extend(
            (item, False)
            for item in _items(container)
            if isinstance(item, _CONTAINERS) and id(item) not in sizes and id(item) not in open_
        )
    return sizes[id(value)]


def _check_bits(bits: int, limits: Limits) -> None:
    if bits > limits.digits * 10 // 3:
        raise TemplateLimitError(
            f"a number of more than {limits.digits:,} digits; a template may use numbers "
            f"of at most {limits.digits:,} digits (see docs/security.md)"
        )


def _check_number(value: Any, limits: Limits) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        _check_bits(value.bit_length(), limits)
    elif isinstance(value, Decimal) and value.is_finite() and value.adjusted() > limits.digits:
        raise TemplateLimitError(
            f"a number of {value.adjusted() + 1:,} digits; a template may use numbers of at "
            f"most {limits.digits:,} digits (see docs/security.md)"
        )


def _check_width(value: Any, limits: Limits, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > limits.width:
        raise TemplateLimitError(
            f"{what} {value:,}; a template may use at most {limits.width:,} (see docs/security.md)"
        )


def _check_printable(value: Any, limits: Limits) -> None:
    """A list or mapping about to be turned into text: the text must fit the limit."""
    if isinstance(value, _CONTAINERS):
        size = _text_size(value, limits.text)
        if size > limits.text:
            raise _limit("printed", size, limits.text)


_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")


def _check_printf(fmt: str, args: Any, limits: Limits) -> None:
    for width, precision in _PRINTF.findall(fmt):
        for number in (width, precision):
            if number == "*":
                raise TemplateLimitError("a '*' width in a % format is not allowed in a template")
            if number and int(number) > limits.width:
                raise TemplateLimitError(
                    f"a width of {int(number):,} in a % format; a template may use at most "
                    f"{limits.width:,} (see docs/security.md)"
                )
    for arg in args if isinstance(args, tuple) else (args,):
        _check_printable(arg, limits)
        _check_number(arg, limits)


_SPEC_NUMBER = re.compile(r"\d+")


class BoundedFormatter(SandboxedFormatter):
    """``str.format`` in a template: the sandbox's checks, and bounded widths and values."""

    def __init__(self, env: BoundedSandbox) -> None:
        super().__init__(env)
        self.limits = env.limits

    def format_field(self, value: Any, format_spec: str) -> Any:
        for number in _SPEC_NUMBER.findall(format_spec):
            if int(number) > self.limits.width:
                raise TemplateLimitError(
                    f"a width of {int(number):,} in a format; a template may use at most "
                    f"{self.limits.width:,} (see docs/security.md)"
                )
        _check_printable(value, self.limits)
        _check_number(value, self.limits)
        return super().format_field(value, format_spec)


# -- checks before a filter or a method makes its result ----------------------------------------


def _estimate_replace(text: str, old: Any, new: Any, count: Any) -> int:
    old, new = str(old), str(new)
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def _estimate_join(separator: Any, items: Any, limits: Limits) -> int:
    total = len(str(separator)) * max(len(items) - 1, 0)
    for item in items:
        total += len(item) if isinstance(item, str) else _text_size(item, limits.text)
        if total > limits.text:
            break
    return total


def _pieces(text: str, separator: Any) -> int:
    if isinstance(separator, str) and separator:
        return text.count(separator) + 1
    return text.count(" ") + text.count("\n") + text.count("\t") + 1


def _argument(args: tuple, kwargs: dict, index: int, name: str, default: Any = None) -> Any:
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def _check_text_method(limits: Limits, text: str | bytes, name: str, args: tuple, kwargs: dict) -> None:
    """Methods of a text that can make one much longer than their input, checked before they run."""
    if not isinstance(text, str):
        return
    if name in ("ljust", "rjust", "center", "zfill"):
        width = _argument(args, kwargs, 0, "width", 0)
        if isinstance(width, int) and width > limits.text:
            raise _limit("text", width, limits.text)
    elif name == "expandtabs":
        size = _argument(args, kwargs, 0, "tabsize", 8)
        if isinstance(size, int):
            _check_width(size, limits, "a tab size of")
    elif name == "replace" and len(args) >= 2:
        size = _estimate_replace(text, args[0], args[1], _argument(args, kwargs, 2, "count", -1))
        if size > limits.text:
            raise _limit("text", size, limits.text)
    elif name == "join" and args:
        size = _estimate_join(text, args[0], limits)
        if size > limits.text:
            raise _limit("text", size, limits.text)
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        if len(text) * longest > limits.text:
            raise _limit("text", len(text) * longest, limits.text)
    elif name in ("split", "rsplit", "splitlines"):
        maxsplit = _argument(args, kwargs, 1, "maxsplit", -1)
        if not (isinstance(maxsplit, int) and 0 <= maxsplit <= limits.items):
            pieces = (
                text.count("\n") + 1
                if name == "splitlines"
                else _pieces(text, _argument(args, kwargs, 0, "sep"))
            )
            if pieces > limits.items:
                raise _limit("list", pieces, limits.items)


def _check_filter(limits: Limits, name: str, value: Any, args: tuple, kwargs: dict) -> None:
    """Filters that can make a result much larger than their input, checked before they run."""
    if name == "center":
        size = _argument(args, kwargs, 0, "width", 80)
        if isinstance(size, int) and size > limits.text:
            raise _limit("text", size, limits.text)
    elif name == "indent":
        width = _argument(args, kwargs, 0, "width", 4)
        per_line = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        text = str(value)
        size = len(text) + (text.count("\n") + 1) * per_line
        if size > limits.text:
            raise _limit("text", size, limits.text)
    elif name == "wordwrap":
        width = _argument(args, kwargs, 0, "width", 79)
        wrap = _argument(args, kwargs, 2, "wrapstring") or "\n"
        text = str(value)
        size = len(text) + (len(text) // max(width if isinstance(width, int) else 1, 1) + 1) * len(str(wrap))
        if size > limits.text:
            raise _limit("text", size, limits.text)
    elif name == "replace" and len(args) >= 2:
        size = _estimate_replace(str(value), args[0], args[1], _argument(args, kwargs, 2, "count"))
        if size > limits.text:
            raise _limit("text", size, limits.text)
    elif name in ("batch", "slice"):
        count = _argument(args, kwargs, 0, "linecount" if name == "batch" else "slices", 0)
        if isinstance(count, int) and count > limits.items:
            raise _limit("list", count, limits.items)
    elif name == "format":
        _check_printf(str(value), tuple(args) + tuple(kwargs.values()), limits)
    elif name == "tojson":
        indent = _argument(args, kwargs, 0, "indent")
        _check_width(indent, limits, "an indent of")
        size = _text_size(value, limits.text) * (1 + (indent if isinstance(indent, int) else 0)) * 6
        if size > limits.text:
            raise _limit("text", size, limits.text)
    elif (
        name == "sum"
        and isinstance(value, _CONTAINERS)
        and not isinstance(_argument(args, kwargs, 1, "start", 0), (int, float, Decimal))
    ):
        items = sum(len(v) for v in value if isinstance(v, _CONTAINERS + _TEXTS))
        if items > limits.items:
            raise _limit("list", items, limits.items)
    elif name == "list" and isinstance(value, _TEXTS) and len(value) > limits.items:
        raise _limit("list", len(value), limits.items)
    expands = _EXPANDING.get(name, 0)
    if expands and isinstance(value, str) and len(value) * expands > limits.text:
        raise _limit("text", len(value) * expands, limits.text)


#: Filters whose text can be several times as long as their input.
_EXPANDING = {"escape": 6, "e": 6, "forceescape": 6, "urlencode": 9, "urlize": 3, "xmlattr": 6}
#: Built-in filters that never turn a whole list into one text (no need to measure it first).
_KEEP_LISTS = frozenset(
    {
        "attr",
        "batch",
        "count",
        "default",
        "d",
        "dictsort",
        "first",
        "groupby",
        "items",
        "last",
        "length",
        "list",
        "map",
        "max",
        "min",
        "random",
        "reject",
        "rejectattr",
        "reverse",
        "select",
        "selectattr",
        "slice",
        "sort",
        "sum",
        "unique",
        "join",
    }
)


def bounded_filter(env: BoundedSandbox, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` checked before it runs and its result measured after."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0
    keeps_lists = name in _KEEP_LISTS

    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        limits = env.limits
        budget = _BUDGET.get()
        if budget is not None:
            budget.tick()
        if len(args) > skip:
            value, rest = args[skip], args[skip + 1 :]
            _check_number(value, limits)
            if name in ("join", "sum") and not isinstance(value, _CONTAINERS + _TEXTS):
                value = list(value)  # a generator (|map, |select): measured once, then joined
                args = (*args[:skip], value, *rest)
            if not keeps_lists:
                _check_printable(value, limits)
                for arg in (*rest, *kwargs.values()):
                    _check_printable(arg, limits)
            if name == "join":
                separator = _argument(rest, kwargs, 0, "d", "")
                _check_printable(separator, limits)
                size = _estimate_join(separator, value, limits)
                if size > limits.text:
                    raise _limit("text", size, limits.text)
            else:
                _check_filter(limits, name, value, rest, kwargs)
        result = func(*args, **kwargs)
        env.made(result)
        return result

    if getattr(func, PASSING_FILTER, False):
        return func
    if not getattr(func, TEXT_FILTER, False):
        return bounded

    @functools.wraps(func)
    def on_text(*args: Any, **kwargs: Any) -> Any:
        # texts in, a text no longer than they are together out: nothing to check before or
        # after (what it makes is measured where it is printed or joined); any other value goes
        # through the checks
        if not kwargs:
            for arg in args:  # a loop, not all() over a generator: run for most printed values
                if type(arg) is not str:
                    break
            else:
                return func(*args)
        return bounded(*args, **kwargs)

    return on_text


#: The mark of a filter that, given only texts, returns a text no longer than those texts
#: together plus a few characters (:func:`text_filter`).
TEXT_FILTER = "_bounded_by_its_texts"


#: The mark of a filter that returns its value as it is, or, for a text, that text with a few
#: characters more or a short text of its own (:func:`passing_filter`).
PASSING_FILTER = "_passes_its_value"


def passing_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """Mark ``func`` as a filter that never makes a text out of a value that is not one: it returns
    its value unchanged, or given a text, that text with a few characters more or a short text of
    its own. Nothing it returns needs measuring (a list it passes on is measured where it is
    printed or used), so it runs unwrapped: ``req`` runs for nearly every value a template prints."""
    setattr(func, PASSING_FILTER, True)
    return func


def text_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """Mark ``func`` as a filter whose result, when every argument is a text, is a text no longer
    than its arguments together plus a few characters: it runs without the per-call checks then,
    which a large draft calls tens of thousands of times (``benchmarks/bench_render.py``)."""
    setattr(func, TEXT_FILTER, True)
    return func


# -- loops and the code that counts them --------------------------------------------------------


#: The filter every ``{% for %}`` iterates through (put in by the code generator).
LOOP_STEPS = "_loop_steps"


#: Every attribute of a plain dict (methods and dunders): a template name that is one of them is
#: looked up by the sandbox as an attribute first.
DICT_ATTRIBUTES = frozenset(dir(dict))
#: The values a loop offers (``loop.index``, ``loop.last``, …), which the sandbox allows; not its
#: methods (``loop.cycle``), which go through the sandbox's checks.
LOOP_VALUES = frozenset(
    {
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "depth",
        "depth0",
        "previtem",
        "nextitem",
    }
)


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every loop counted and every ``~`` measured, and the lookups
    of a dict's keys and a loop's values read in line."""

    # -- printed values: each checked, with one call of finalize for a text --

    def _make_finalize(
        self,
    ) -> Any:  # Jinja API: finalize at compile time (``const``) and in the code (``src``)
        if self._finalize is None:
            info = super()._make_finalize()
            if info.const is not None:
                const, environment = info.const, self.environment

                def bounded_const(value: Any) -> Any:  # a constant printed, checked as at run time
                    _check_printable(value, environment.limits)  # type: ignore[attr-defined]  # a BoundedSandbox's
                    return const(value)

                info = self._FinalizeInfo(bounded_const, info.src)
            self._finalize = info
        return self._finalize

    def _text_out(self, frame: Any, finalize: Any) -> bool:
        """Whether a printed value is finalize's text as it is: no escaping, and a finalize that
        returns a text (:attr:`BoundedSandbox.finalize_returns_text`)."""
        return (
            finalize.src is not None
            and not frame.eval_ctx.volatile
            and not frame.eval_ctx.autoescape
            and getattr(self.environment, "finalize_returns_text", False)
        )

    def _output_child_pre(self, node: nodes.Expr, frame: Any, finalize: Any) -> None:
        """Every value a template prints: a text as it is; any other value (a number, a list)
        through ``environment.printable`` (:meth:`BoundedSandbox.printable`) first, which checks
        the size of a printed list; a whole number needs no check either. The value is evaluated
        once (``_printed``)."""
        if self._text_out(frame, finalize):
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)
        self.write("_printed if type(_printed := ")

    def _output_child_post(self, node: nodes.Expr, frame: Any, finalize: Any) -> None:
        self.write(") is str or type(_printed) is int else environment.printable(_printed)")
        if self._text_out(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Any) -> None:  # noqa: N802 - Jinja API
        """``obj.name``, as the sandbox's ``getattr`` has it, without its call for the two
        lookups a document template makes most (tens of thousands in a large draft): a plain
        ``dict`` holding the key ``name``, where ``name`` is no attribute of ``dict`` (the
        sandbox tries the attribute, which fails, and returns the item, unchecked), and a loop's
        values (:data:`LOOP_VALUES`, which the sandbox allows). Any other object, a missing key, a
        name that is an attribute of ``dict`` go through ``environment.getattr`` as in Jinja."""
        if self.environment.is_async or node.attr in DICT_ATTRIBUTES:
            super().visit_Getattr(node, frame)
            return
        name = repr(node.attr)
        self.write(f"(_getattr_of[{name}] if type(_getattr_of := ")  # evaluated once
        self.visit(node.node, frame)
        self.write(f") is dict and {name} in _getattr_of else ")
        if node.attr in LOOP_VALUES:
            self.write(f"_getattr_of.{node.attr} if type(_getattr_of) is LoopContext else ")
        self.write(f"environment.getattr(_getattr_of, {name}))")

    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:  # noqa: N802 - Jinja API
        for loop in node.find_all(nodes.For):
            if not (isinstance(loop.iter, nodes.Filter) and loop.iter.name == LOOP_STEPS):
                loop.iter = nodes.Filter(loop.iter, LOOP_STEPS, [], [], None, None, lineno=loop.iter.lineno)
        super().visit_Template(node, frame)

    def visit_Getitem(self, node: nodes.Getitem, frame: Any) -> None:  # noqa: N802 - Jinja API
        if not isinstance(node.arg, nodes.Slice):  # Jinja lets slices bypass environment.getitem
            super().visit_Getitem(node, frame)
            return
        self.write("environment.bounded_slice(")
        self.visit(node.node, frame)
        self.write(", slice(")
        for index, part in enumerate((node.arg.start, node.arg.stop, node.arg.step)):
            self.write(", " if index else "")
            if part is None:
                self.write("None")
            else:
                self.visit(part, frame)
        self.write("))")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:  # noqa: N802 - Jinja API
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.bounded_concat({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _Steps:
    """An iterable whose iterations count against the render's loop steps."""

    __slots__ = ("budget", "iterable")

    def __init__(self, iterable: Iterable[Any], budget: Budget) -> None:
        self.iterable = iterable
        self.budget = budget

    def __len__(self) -> int:
        return len(self.iterable)  # type: ignore[arg-type]  # TypeError: the loop counts it itself

    def __iter__(self) -> Iterator[Any]:
        budget = self.budget
        limit = budget.limits.loop_steps
        for item in self.iterable:
            budget.steps += 1
            if budget.steps > limit:
                raise TemplateLimitError(
                    f"loops ran more than {limit:,} steps; a template may run at most "
                    f"{limit:,} loop steps (see docs/security.md)"
                )
            if not budget.steps & 255:
                budget.tick()
            yield item


def _template_frames() -> int:
    """How many template files are being rendered inside one another on this thread's stack."""
    count = 0
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "root" and "__jinja_template__" in frame.f_globals:
            count += 1
        frame = frame.f_back
    return count


def _where(frame: Any) -> str:
    """``file:line`` of a (suspended) template frame, or ``""``."""
    template = getattr(frame, "f_globals", {}).get("__jinja_template__")
    if template is None:
        return ""
    return f"{template.filename}:{template.get_corresponding_lineno(frame.f_lineno)}"


# -- the loader ------------------------------------------------------------------------------------


class FolderLoader(jinja2.BaseLoader):
    """Templates from one version folder only. A name that is absolute, or leads out of the folder
    through ``..`` or a symbolic link, is refused with :class:`TemplateAccessError`."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def resolve(self, name: str) -> Path:
        """The file ``name`` stands for, or :class:`TemplateAccessError`; a file that is not there
        raises :class:`jinja2.TemplateNotFound`."""
        rule = "a template may include, import or extend only files in its own folder"
        if os.path.isabs(name) or name.startswith(("/", "\\")) or PureWindowsPath(name).drive:
            raise TemplateAccessError(f"{name!r} is an absolute path: {rule} ({self.folder})")
        root = Path(os.path.realpath(self.folder))
        real = Path(os.path.realpath(self.folder / name.replace("\\", "/")))
        if not real.is_relative_to(root):
            raise TemplateAccessError(
                f"{name!r} leads outside the template's folder {self.folder} (to {real}): {rule}"
            )
        if not real.is_file():
            raise jinja2.TemplateNotFound(name)
        return real

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.resolve(template)
        max_bytes = getattr(environment, "limits", Limits()).file_bytes
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise TemplateLimitError(
                    f"the template file has {size:,} bytes; a template file may have at most "
                    f"{max_bytes:,} (see docs/security.md)",
                    str(self.folder / template),
                )
            source = path.read_text(encoding="utf-8")
            mtime = path.stat().st_mtime
        except UnicodeDecodeError as exc:
            raise jinja2.TemplateSyntaxError(
                f"not a UTF-8 text file (byte {exc.start})", 1, template, str(self.folder / template)
            ) from None
        except OSError as exc:
            raise jinja2.TemplateNotFound(f"{template} ({exc.strerror})") from None

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return source, str(self.folder / template), uptodate

    def list_templates(self) -> list[str]:
        return sorted(p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*.j2"))


# -- the environment -------------------------------------------------------------------------------


class BoundedSandbox(SandboxedEnvironment):
    """A sandboxed environment whose renders keep to :attr:`limits` (see the module's docstring).

    Render inside :meth:`bounded` so a render has its own budget of time, loop steps and text;
    outside it, only the sizes of single results are checked."""

    limits: Limits = Limits()
    #: Whether ``finalize`` always returns a ``str`` (then the compiled templates do not pass what
    #: it returns through ``str()`` again).
    finalize_returns_text: bool = False
    intercepted_binops = frozenset({"+", "*", "%", "**"})
    code_generator_class = BoundedCodeGenerator

    def __init__(
        self, *args: Any, filters: dict[str, Callable[..., Any]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.filters.update(filters or {})
        self.filters = {name: bounded_filter(self, name, func) for name, func in self.filters.items()}
        self.filters[LOOP_STEPS] = self.loop_steps
        self.globals["range"] = self.bounded_range
        self.globals.pop("lipsum", None)  # paragraphs of lorem ipsum, as many as asked: not for documents
        # jinja2 declares concat as a method ("".join); here each environment joins through its own
        self.concat = self._concat  # type: ignore[method-assign]  # every macro, block and file output is joined here

    @contextlib.contextmanager
    def bounded(self) -> Iterator[Budget]:
        """A fresh budget for one render on this thread."""
        budget = Budget(self.limits)
        token = _BUDGET.set(budget)
        try:
            yield budget
        finally:
            _BUDGET.reset(token)

    # -- what a template makes --
    def printable(self, value: Any) -> Any:
        """A value about to be printed that is not a text (every one, see
        :meth:`BoundedCodeGenerator._output_child_pre`): a list or mapping must fit the text limit
        once printed."""
        if isinstance(value, _CONTAINERS):
            _check_printable(value, self.limits)
        return value

    def made(self, value: Any) -> None:
        """Measure a result: one text or list within its limit, and count it in the render's."""
        if isinstance(value, _TEXTS):
            size = len(value)
            if size > self.limits.text:
                raise _limit("text", size, self.limits.text)
            budget = _BUDGET.get()
            if budget is not None:
                budget.made += size
                if budget.made > self.limits.made:
                    raise _limit("made", budget.made, self.limits.made)
        elif isinstance(value, _CONTAINERS):
            size = len(value)
            if size > self.limits.items:
                raise _limit("list", size, self.limits.items)
            budget = _BUDGET.get()
            if budget is not None:
                budget.made_items += size
                if budget.made_items > self.limits.made_items:
                    raise _limit("made_items", budget.made_items, self.limits.made_items)

    def _concat(self, pieces: Iterable[str]) -> str:
        limit = self.limits.text
        budget = _BUDGET.get()
        if isinstance(pieces, list):
            size = sum(map(len, pieces))
            if size > limit:
                raise _limit("text", size, limit)
            out = pieces
        else:
            out = []
            size = 0
            iterator = iter(pieces)
            while batch := list(islice(iterator, 256)):
                size += sum(map(len, batch))
                if size > limit:
                    raise TemplateLimitError(
                        f"the template's output is over {limit:,} characters; a template "
                        f"may make at most {limit:,} (see docs/security.md)",
                        _where(getattr(pieces, "gi_frame", None)),
                    )
                out.extend(batch)
                if budget is not None:
                    budget.tick()
        if budget is not None:
            budget.made += size
            if budget.made > self.limits.made:
                raise _limit("made", budget.made, self.limits.made)
        return "".join(out)

    def bounded_concat(self, join: Callable[[Iterable[Any]], str], pieces: tuple[Any, ...]) -> str:
        """``a ~ b ~ c``: measured before it is joined."""
        limit = self.limits.text
        size = 0
        for piece in pieces:
            size += len(piece) if isinstance(piece, str) else _text_size(piece, limit)
        if size > limit:
            raise _limit("text", size, limit)
        text = join(pieces)
        self.made(text)
        return text

    def bounded_range(self, *args: Any) -> range:
        numbers = range(*args)
        if len(numbers) > self.limits.range:
            raise TemplateLimitError(
                f"range() of {len(numbers):,} numbers; a template may use ranges of at most "
                f"{self.limits.range:,} (see docs/security.md)"
            )
        return numbers

    @jinja2.pass_context  # never folded into a constant when the template is compiled
    def loop_steps(self, context: Any, iterable: Any) -> Any:
        budget = _BUDGET.get()
        if budget is None or isinstance(iterable, jinja2.Undefined):
            return iterable
        return _Steps(iterable, budget)

    # -- the sandbox's hooks --
    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits = self.limits
        budget = _BUDGET.get()
        if budget is not None:
            budget.tick()
        if operator == "*":
            seq, count = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(seq, (*_TEXTS, list, tuple)) and isinstance(count, int):
                size = len(seq) * count
                limit = limits.text if isinstance(seq, _TEXTS) else limits.items
                if size > limit:
                    raise _limit("text" if isinstance(seq, _TEXTS) else "list", size, limit)
            elif isinstance(left, int) and isinstance(right, int):
                _check_bits(left.bit_length() + right.bit_length(), limits)
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
                _check_bits((left.bit_length() - 1) * right, limits)
        elif operator == "+":
            if (
                isinstance(left, _TEXTS)
                and isinstance(right, _TEXTS)
                and len(left) + len(right) > limits.text
            ):
                raise _limit("text", len(left) + len(right), limits.text)
            if (
                isinstance(left, (list, tuple))
                and isinstance(right, (list, tuple))
                and len(left) + len(right) > limits.items
            ):
                raise _limit("list", len(left) + len(right), limits.items)
        elif operator == "%" and isinstance(left, str):
            _check_printf(left, right, limits)
        result = self.binop_table[operator](left, right)
        self.made(result)
        return result

    def bounded_slice(self, obj: Any, part: slice) -> Any:
        """``text[1:]``: a new text or list, counted like any other."""
        result = obj[part]
        self.made(result)
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        checked = super().wrap_str_format(value)
        if checked is None or isinstance(value.__self__, Markup):
            return checked
        text: str = value.__self__
        formatter = BoundedFormatter(self)
        is_format_map = value.__name__ == "format_map"

        def bounded_format(*args: Any, **kwargs: Any) -> str:
            if is_format_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                mapping = args[0]
                args, kwargs = (), mapping
            result = type(text)(formatter.vformat(text, args, kwargs))
            self.made(result)
            return result

        return functools.update_wrapper(bounded_format, value)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja API
        limits = __self.limits
        budget = _BUDGET.get()
        macro = type(__obj) is Macro
        owner = None if macro else getattr(__obj, "__self__", None)
        if isinstance(owner, _TEXTS):
            name = getattr(__obj, "__name__", "")
            if name == "join" and args and not isinstance(args[0], _CONTAINERS + _TEXTS):
                args = (list(args[0]), *args[1:])
            _check_text_method(limits, owner, name, args, kwargs)
        if budget is not None:
            budget.tick()
            if budget.depth >= limits.nesting:
                raise TemplateLimitError(
                    f"calls nested more than {limits.nesting} deep (a macro calling itself?); "
                    f"a template may nest calls at most {limits.nesting} deep "
                    "(see docs/security.md)"
                )
            budget.depth += 1
        try:
            if macro and __self.is_safe_callable(__obj):
                # what jinja2.runtime.Context.call does for a macro, which takes no context:
                # about a third of the time of a call of a macro, most of them in a large draft
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
                try:
                    result = __obj(*args, **kwargs)
                except StopIteration:
                    result = __self.undefined(
                        "value was undefined because a callable raised a StopIteration exception"
                    )
            else:
                result = SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs)
        finally:
            if budget is not None:
                budget.depth -= 1
        if isinstance(owner, _CONTAINERS) and len(owner) > limits.items:
            raise _limit("list", len(owner), limits.items)
        __self.made(result)
        return result

    def _load_template(self, name: str, globals: Any) -> jinja2.Template:  # noqa: A002 - Jinja API
        if _BUDGET.get() is not None:
            depth = _template_frames()
            if depth >= self.limits.nesting:
                raise TemplateLimitError(
                    f"templates include, import or extend one another more than {depth} deep "
                    f"(a template including itself?); at most {self.limits.nesting} "
                    "(see docs/security.md)"
                )
        return super()._load_template(name, globals)
