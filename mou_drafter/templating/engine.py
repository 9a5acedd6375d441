"""Rendering a draft through a versioned template into the document model.

Templates are Jinja run in a :class:`~jinja2.sandbox.SandboxedEnvironment` with
:class:`~jinja2.StrictUndefined`. A template writes a small line-based markup::

    @article id=art.areas
    Lĩnh vực hợp tác
    {% for area in draft.areas %}
    @item id=area.{{ area.id }}
    {{ loop.index }}. {{ area.title }}: {{ area.description }}
    {% endfor %}

A line starting with ``@`` opens a block (see :data:`mou_drafter.document.BLOCK_KINDS`); the lines
after it are its text. Every value a template prints passes through ``finalize``, which wraps it in
private-use sentinels and replaces its line breaks, so text a user typed can never open a block,
split a table cell or be evaluated: it is data. Sentinels are removed when the blocks are built.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import jinja2
from jinja2.runtime import LoopContext

from ..document import BLOCK_KINDS, TABLE_PARTS, Block, Document, Layout, Row
from ..errors import TemplateError
from ..folders import cache_dir
from ..model.draft import LANGUAGES, Draft
from ..model.text import VALUE_END, VALUE_NEWLINE, VALUE_START
from . import formatting
from .library import TemplateLibrary, TemplateVersion, default_library
from .sandbox import (
    BoundedSandbox,
    FolderLoader,
    TemplateAccessError,
    TemplateLimitError,
    passing_filter,
    text_filter,
)

#: What a missing translation shows in the document: the blank a clerk fills by hand on paper.
BLANK = "……"
_ATTR_VALUE = re.compile(r"^[A-Za-z0-9_.\-]+$")
#: The usual directive, ``kind id=value``, read in one match (any other form is split into parts).
_KIND_AND_ID = re.compile(r"([a-z-]+) id=([A-Za-z0-9_.\-]+)")
_NEWLINE = "\n"


def _strip_sentinels(text: str) -> str:
    # str.replace is several times faster than str.translate with a mapping
    return text.replace(VALUE_START, "").replace(VALUE_END, "").replace(VALUE_NEWLINE, "\n")


def _finalize(value: Any) -> str:
    """A printed value as the parser must read it: a value that could be taken for markup — one
    starting with ``@`` (a directive, were it at the start of a line) or holding a line break (a
    new line of output) — between sentinels, its line breaks marked; any other value as it is
    (most values: the sentinels cost the parser time on every line)."""
    if value is None:
        return ""
    text = str(value)
    if _NEWLINE in text:
        return f"{VALUE_START}{text.replace(_NEWLINE, VALUE_NEWLINE)}{VALUE_END}"
    if text[:1] == "@":
        return f"{VALUE_START}{text}{VALUE_END}"
    return text


def _lang(ctx: Any) -> str:
    return ctx.resolve("lang") if ctx is not None else "vi"


@jinja2.pass_context
def _f_date(ctx: Any, value: Any, prefix: bool = True) -> str:
    return formatting.format_date(value, _lang(ctx), prefix=prefix)


@jinja2.pass_context
def _f_date_short(ctx: Any, value: Any) -> str:
    return formatting.format_date_short(value, _lang(ctx))


@jinja2.pass_context
def _f_number(ctx: Any, value: Any) -> str:
    return formatting.format_number(value, _lang(ctx))


@jinja2.pass_context
def _f_amount(ctx: Any, value: Any, currency: str = "VND") -> str:
    return formatting.format_amount(value, currency, _lang(ctx))


@jinja2.pass_context
def _f_ordinal(ctx: Any, value: Any) -> str:
    return formatting.format_ordinal(value, _lang(ctx))


@jinja2.pass_context
def _f_count_words(ctx: Any, value: int) -> str:
    return formatting.format_count_words(value, _lang(ctx))


@jinja2.pass_context
def _f_date_range(ctx: Any, start: Any, end: Any = None) -> str:
    return formatting.format_date_range(start, end, _lang(ctx))


@jinja2.pass_context
def _f_as_words(ctx: Any, value: int) -> str:
    return formatting.format_count(value, _lang(ctx))


@passing_filter
def _f_the(value: Any) -> Any:
    """English: "the" before the name of a body ("the Ministry of …"), not before a place."""
    return formatting.english_article(value) if isinstance(value, str) else value


@text_filter
def _f_end_with(value: Any, mark: str = ".") -> str:
    """The text ending in ``mark`` without a doubled stop ("đầu tư." + ";" gives "đầu tư;")."""
    return formatting.end_with("" if value is None else str(value), mark)


@passing_filter
def _f_required(value: Any) -> Any:
    return value if value not in (None, "") else BLANK


@text_filter
def _f_capfirst(value: Any) -> Any:
    """Capitalise the first letter only ("huyện Đăk Glei" -> "Huyện Đăk Glei")."""
    text = str(value)
    return text[:1].upper() + text[1:] if text else text


FILTERS: dict[str, Callable[..., Any]] = {
    "capfirst": _f_capfirst,
    "date": _f_date,
    "date_short": _f_date_short,
    "number": _f_number,
    "amount": _f_amount,
    "ordinal": _f_ordinal,
    "count_words": _f_count_words,
    "as_words": _f_as_words,
    "date_range": _f_date_range,
    "end_with": _f_end_with,
    "req": _f_required,
    "the": _f_the,
}


#: Every attribute of a plain dict (methods and dunders): a template name that is one of them is
#: looked up by the sandbox as an attribute first.
_DICT_ATTRIBUTES = frozenset(dir(dict))
#: The values a loop offers (``loop.index``, ``loop.last``, …), which the sandbox allows; not its
#: methods (``loop.cycle``), which go through the sandbox's checks.
_LOOP_VALUES = frozenset(
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


class DraftEnvironment(BoundedSandbox):
    """The one strict, sandboxed environment used for rendering and for lint; what a template may
    read and make is bounded (:mod:`mou_drafter.templating.sandbox`, ``docs/security.md``)."""

    def __init__(self, loader: jinja2.BaseLoader | None = None) -> None:
        super().__init__(
            filters=FILTERS,
            loader=loader,
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=False,  # a block tag ending a text line must keep its newline
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=_finalize,
            auto_reload=False,
        )

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``, as the sandbox has it, faster for the draft's data. The sandbox tries
        the attribute first and, when that fails, the item; for a plain ``dict`` and a name that
        is no attribute of ``dict``, the attribute always fails (raising and catching an
        exception per lookup, tens of thousands in a large draft), so the item is looked up
        straight away. An item is what the sandbox would return, unchecked, either way. A loop's
        values (``loop.index``) are read straight away too; every other lookup, and a missing
        key, goes through the sandbox's own checks."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        elif type(obj) is LoopContext and attribute in _LOOP_VALUES:
            return getattr(obj, attribute)  # a number, a flag or an item of the loop: safe
        return super().getattr(obj, attribute)


# -- the draft as templates see it --------------------------------------------------------------

_TEXT_KEYS = frozenset(LANGUAGES)
#: A text may also carry its translation record (``seen``, format 4), which templates never see.
_TEXT_WITH_RECORD = _TEXT_KEYS | {"seen"}


def is_text(data: dict[str, Any]) -> bool:
    """Whether a dumped dict is one text: its languages, perhaps with its translation record."""
    return data.keys() == _TEXT_KEYS or data.keys() == _TEXT_WITH_RECORD


def localize(data: Any, lang: str) -> Any:
    """The draft's data with every per-language text replaced by its text in ``lang``.

    A text given in another language but not in ``lang`` becomes :data:`BLANK`, so a missing
    translation shows as a blank in the document; a text empty in every language stays empty, so
    templates can test optional fields with ``{% if %}``.
    """
    kind = type(data)
    if kind is dict:
        keys = data.keys()
        if keys in (_TEXT_KEYS, _TEXT_WITH_RECORD):  # is_text(), inline: once per text
            value = data[lang].strip()
            if value:
                return value
            return BLANK if any(data[k].strip() for k in _TEXT_KEYS) else ""
        return {k: localize(v, lang) if type(v) in _NESTED else v for k, v in data.items()}
    if kind is list:
        return [localize(v, lang) if type(v) in _NESTED else v for v in data]
    if isinstance(data, dict | list):  # a subclass (model_dump makes none; a caller might)
        return localize(dict(data) if isinstance(data, dict) else list(data), lang)
    return data


#: What :func:`localize` looks into (exact types: ``model_dump`` makes plain dicts and lists).
_NESTED = frozenset({dict, list})


@dataclass(frozen=True)
class Export:
    """What is being exported, as the closing clause must describe it.

    ``languages`` are all the languages exported together; ``layout`` is ``side-by-side`` or
    ``sequential`` (one document holding every language) or ``separate`` (one file per language:
    each file is rendered on its own, with ``languages`` of the template context set to its one
    language, while ``export.languages`` still names them all).
    """

    layout: Layout
    languages: tuple[str, ...]

    def context(self) -> dict[str, Any]:
        return {
            "layout": self.layout,
            "languages": list(self.languages),
            "separate": self.layout == "separate",
        }


def template_context(
    draft: Draft,
    lang: str,
    dumped: dict[str, Any] | None = None,
    languages: list[str] | None = None,
    export: Export | None = None,
) -> dict[str, Any]:
    """The names a template sees (see ``docs/templates.md``). ``languages``: the languages of the
    document or file being rendered (default: the draft's); ``export``: the whole export."""
    doc_langs = list(languages or draft.languages)
    export = export or Export("side-by-side", tuple(doc_langs))
    data = localize(dumped if dumped is not None else draft.model_dump(), lang)
    parties = {p["id"]: p for p in data["parties"]}
    unknown = {
        "id": "",
        "name": BLANK,
        "short_name": BLANK,
        "locality": "",
        "country": "",
        "representative": {"name": BLANK, "title": BLANK, "authority": "", "signing_title": ""},
    }

    def party(party_id: str) -> dict[str, Any]:
        return parties.get(party_id, unknown)

    by_party: dict[str, list[dict[str, Any]]] = {}
    for index, ob in enumerate(data["obligations"], start=1):
        by_party.setdefault(ob["party"], []).append({**ob, "index": index})

    def obligations_of(party_id: str) -> list[dict[str, Any]]:
        """The obligations of one party (or ``all``), each with its ``index`` in the draft."""
        return by_party.get(party_id, [])

    counts: dict[str, int] = {}
    sums: dict[str, Any] = {}
    for c in draft.contributions:
        counts[c.currency] = counts.get(c.currency, 0) + 1
        sums[c.currency] = sums.get(c.currency, 0) + c.amount
    #: Totals per currency, only where a currency has more than one contribution.
    totals = [(cur, total) for cur, total in sums.items() if counts[cur] > 1]
    return {
        "draft": data,
        "lang": lang,
        "languages": doc_langs,
        "export": export.context(),
        "party": party,
        "obligations_of": obligations_of,
        "totals": totals,
    }


# -- from rendered markup to blocks -------------------------------------------------------------


@dataclass
class _Parser:
    file: str
    lang: str

    def error(self, line_no: int, message: str) -> TemplateError:
        return TemplateError(f"{self.file}: output line {line_no}: {message}")

    def parse(self, output: str) -> list[Block]:
        blocks: list[Block] = []
        ids: set[str] = set()
        current: Block | None = None
        cell: list[str] | None = None
        article = 0
        for line_no, raw in enumerate(output.split("\n"), start=1):
            if not raw:
                continue  # most blank lines are empty (a template's own tags leave them)
            if raw[0] == "@":
                usual = _KIND_AND_ID.fullmatch(raw, 1)
                if usual is not None and usual[1] in BLOCK_KINDS:  # most directives: "kind id=value"
                    kind, attrs = usual[1], {"id": usual[2]}
                else:
                    kind, attrs = self._directive(raw, line_no)
                if kind in TABLE_PARTS:
                    if current is None or current.kind != "table":
                        raise self.error(line_no, f"@{kind} outside a @table")
                    if kind == "row":
                        current.rows.append(Row(header="header" in attrs))
                        cell = None
                    else:
                        if not current.rows:
                            current.rows.append(Row())
                        cell = []
                        current.rows[-1].cells.append(cell)
                    continue
                block_id = attrs.get("id", "")
                if not block_id:
                    raise self.error(line_no, f"@{kind} needs an id=")
                if block_id in ids:
                    raise self.error(line_no, f"clause id {block_id!r} is used twice")
                ids.add(block_id)
                current = Block(kind=kind, id=block_id, lang=self.lang, source_line=line_no)
                if kind == "article":
                    article += 1
                    current.number = article
                blocks.append(current)
                cell = None
                continue
            text = (_strip_sentinels(raw) if VALUE_START in raw else raw).strip()
            if not text:
                continue
            if current is None:
                raise self.error(line_no, f"text before the first block: {text[:40]!r}")
            if current.kind == "table":
                if cell is None:
                    raise self.error(line_no, "text in a @table must be inside a @cell")
                cell.append(text)
            else:
                current.lines.append(text)
        return blocks

    def _directive(self, raw: str, line_no: int) -> tuple[str, dict[str, str]]:
        directive = _strip_sentinels(raw[1:])
        usual = _KIND_AND_ID.fullmatch(directive)
        if usual and usual[1] in BLOCK_KINDS:
            return usual[1], {"id": usual[2]}
        parts = directive.split()
        if not parts:
            raise self.error(line_no, "empty directive '@'")
        kind = parts[0]
        if kind not in BLOCK_KINDS and kind not in TABLE_PARTS:
            raise self.error(line_no, f"unknown block kind @{kind}")
        attrs: dict[str, str] = {}
        for part in parts[1:]:
            key, eq, value = part.partition("=")
            if not eq:
                attrs[key] = ""
                continue
            if not _ATTR_VALUE.match(value):
                raise self.error(line_no, f"{key}={value!r}: ids may only use letters, digits, '.', '_', '-'")
            attrs[key] = value
        return kind, attrs


# -- rendering ------------------------------------------------------------------------------------


def _template_location(exc: BaseException, folder: object = None) -> str:
    """``file:line`` of the innermost template frame of a runtime error (a file of ``folder``)."""
    location = ""
    inside = str(folder) + os.sep if folder is not None else None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        name = frame.f_code.co_filename
        if name.endswith(".j2") or (inside and name.startswith(inside)):
            location = f"{name}:{line}"
    return location


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled by Jinja kept in the user's cache folder (:func:`~mou_drafter.folders.cache_dir`),
    so a new process (``mou-drafter render``, the app) does not parse and compile them again:
    compiling the two templates of a bilingual export was about a third of a whole
    ``mou-drafter render``. Jinja files each compiled template under its name and path and reloads
    it only while the checksum of the source matches (an edited template is compiled again); the
    folder is named after everything else the compiled code depends on (:func:`_compile_key`).
    A cache that cannot be read or written (read-only profile, full disk) only costs the compiling."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        super().__init__(str(directory))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # unreadable or damaged
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _compile_key(env: jinja2.Environment) -> str:
    """What the code Jinja compiles depends on besides the template's source: Jinja's version,
    the environment's class, code generator and settings, and our code that generates or runs it
    (this module and :mod:`~mou_drafter.templating.sandbox`, read as source; in a frozen app
    without sources, the app's version)."""
    settings = (
        jinja2.__version__,
        f"{type(env).__module__}.{type(env).__qualname__}",
        f"{env.code_generator_class.__module__}.{env.code_generator_class.__qualname__}",
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        repr(env.autoescape),
        getattr(env.finalize, "__qualname__", None),
        env.optimized,
        sorted(env.extensions),
        env.is_async,
        sorted(getattr(env, "intercepted_binops", ())),
    )  # (a sandbox's only)
    digest = hashlib.sha1(repr(settings).encode("utf-8"))
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        for name in ("engine.py", "sandbox.py"):
            with open(os.path.join(here, name), "rb") as file:
                digest.update(file.read())
    except OSError:
        from .. import __version__

        digest.update(__version__.encode("utf-8"))
    return digest.hexdigest()[:16]


_ENV_CACHE: dict[tuple[type[DraftEnvironment], str], DraftEnvironment] = {}
_Env = TypeVar("_Env", bound=DraftEnvironment)


def environment_for(template: TemplateVersion) -> DraftEnvironment:
    """The rendering environment of one template version (:func:`cached_environment`)."""
    return cached_environment(template, DraftEnvironment)


def cached_environment(template: TemplateVersion, kind: type[_Env]) -> _Env:
    """The environment of class ``kind`` (rendering, or tracing) of one template version, made
    once per process; it reads only the version's folder (:class:`FolderLoader`) and its
    templates are compiled once per user (:class:`CompiledTemplates`)."""
    key = (kind, str(template.folder))
    env = _ENV_CACHE.get(key)
    if env is None:
        env = kind(FolderLoader(template.folder))
        env.bytecode_cache = CompiledTemplates(cache_dir() / "templates" / _compile_key(env))
        _ENV_CACHE[key] = env
    return cast(_Env, env)


def forget_environment(folder: object) -> None:
    """Drop the compiled templates of a version folder, in every environment (lint compiles what is
    on disk now)."""
    for key in [k for k in _ENV_CACHE if k[1] == str(folder)]:
        del _ENV_CACHE[key]


def render_language(
    template: TemplateVersion,
    draft: Draft,
    lang: str,
    dumped: dict[str, Any] | None = None,
    languages: list[str] | None = None,
    export: Export | None = None,
) -> list[Block]:
    path = template.language_file(lang)
    env = environment_for(template)
    try:
        with env.bounded():
            jinja_template = env.get_template(path.name)
            output = jinja_template.render(template_context(draft, lang, dumped, languages, export))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{exc.filename or path}:{exc.lineno}: template syntax error: {exc.message}"
        ) from None
    except jinja2.TemplateNotFound as exc:
        if exc.name == path.name:
            raise TemplateError(f"{path}: template {template.ref} has no {lang} text") from None
        raise TemplateError(
            f"{_template_location(exc, template.folder) or path}: the file {exc.name!r} is not in "
            f"the template's folder {template.folder}"
        ) from None
    except TemplateLimitError as exc:
        raise TemplateError(
            f"{exc.where or _template_location(exc, template.folder) or path}: {exc}"
        ) from None
    except TemplateAccessError as exc:
        raise TemplateError(
            f"{_template_location(exc, template.folder) or path}: not allowed in a template: {exc}"
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(
            f"{_template_location(exc, template.folder) or path}: not allowed in a template: {exc}"
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{_template_location(exc, template.folder) or path}: {exc.message}") from None
    except RecursionError:
        raise TemplateError(
            f"{path}: the template nests too deeply (a macro calling itself, or a file including itself?)"
        ) from None
    except (TypeError, ValueError, AttributeError, KeyError, ArithmeticError) as exc:
        where = _template_location(exc, template.folder)
        if not where:
            raise
        raise TemplateError(f"{where}: {type(exc).__name__}: {exc}") from None
    return _Parser(str(path), lang).parse(output)


def build_document(
    draft: Draft,
    languages: list[str] | None = None,
    template: TemplateVersion | str | None = None,
    export: Export | None = None,
    *,
    library: TemplateLibrary | None = None,
) -> Document:
    """Render ``draft`` with its template (or ``template``, a version or a ``name@version`` found
    in ``library``, default :func:`~mou_drafter.templating.library.default_library`; a draft
    without a template takes the newest approved version of its kind) into a :class:`Document`
    holding ``languages`` (default: the draft's).

    ``export`` describes the whole export for the closing clause; by default, one document holding
    ``languages``. For one file per language, build one document per file, each with its language
    and ``Export("separate", all_languages)`` (as :func:`mou_drafter.api.render_to_bytes` does).
    """
    langs = list(languages or draft.languages)
    for lang in langs:
        if lang not in LANGUAGES:
            raise TemplateError(f"unknown language {lang!r}; use vi, lo or en")
    if isinstance(template, TemplateVersion):
        version = template
    else:
        library = library or default_library()
        ref = template or draft.template
        version = library.find(ref) if ref else library.newest(draft.kind)
    if version.manifest.kind != draft.kind:
        raise TemplateError(
            f"template {version.ref} is for {version.manifest.kind}, but the draft is {draft.kind}"
        )
    missing = [lang for lang in langs if lang not in version.manifest.languages]
    if missing:
        raise TemplateError(f"template {version.ref} has no text in {', '.join(missing)}")
    dumped = draft.model_dump()
    export = export or Export("side-by-side", tuple(langs))
    texts = {lang: render_language(version, draft, lang, dumped, langs, export) for lang in langs}
    document = Document(
        kind=draft.kind, template=version.ref, languages=langs, texts=texts, labels=version.manifest.labels
    )
    if draft.overrides:  # wording edited in Word and kept for this draft
        from .overrides import apply_overrides

        document.unapplied_overrides = apply_overrides(document, draft.overrides)
    return document
