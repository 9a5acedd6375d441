"""The approved term list: Vietnamese, Lao and English equivalents a department agrees on.

A term list is a CSV file in UTF-8 with a header row naming the columns ``vi``, ``lo``, ``en`` and
optionally ``note``; a cell may give alternatives separated by ``|`` ("scholarship |
scholarships"). The built-in list is ``templates/terms.csv``; a ``terms.csv`` in the user's or the
shared template folder adds entries, and an entry whose Vietnamese text (or, without one, its
first text) is already listed replaces the earlier one, so a department keeps one list in its
shared folder. :func:`load_term_list` reads the files of a template library's folders in order.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MouDrafterError
from .matcher import PhraseMatcher, contains, normalise

TERMS_FILE = "terms.csv"
TERM_LANGUAGES = ("vi", "lo", "en")


class TermListError(MouDrafterError):
    """A term list cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Term:
    #: alternatives per language (the first is the preferred one); a language may have none
    texts: dict[str, tuple[str, ...]]
    note: str
    #: where the entry came from: ``built-in``, ``user`` or ``shared``, with file and line
    source: str
    file: str
    line: int

    def get(self, lang: str) -> tuple[str, ...]:
        return self.texts.get(lang, ())

    @property
    def key(self) -> str:
        for lang in TERM_LANGUAGES:
            if self.get(lang):
                return f"{lang}:{normalise(self.get(lang)[0])}"
        return ""

    def label(self, lang: str) -> str:
        return " / ".join(self.get(lang))


@dataclass
class TermList:
    terms: list[Term] = field(default_factory=list)
    _matchers: dict[str, PhraseMatcher] = field(default_factory=dict, repr=False)
    _found: dict[tuple[str, str], frozenset[int]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def matcher(self, lang: str) -> PhraseMatcher:
        """Finds the terms of ``lang`` in a text; the keys are indexes into :attr:`terms`."""
        matcher = self._matchers.get(lang)
        if matcher is None:
            phrases = [(text, index) for index, term in enumerate(self.terms) for text in term.get(lang)]
            matcher = PhraseMatcher(phrases, words_only=lang != "lo")
            self._matchers[lang] = matcher
        return matcher

    def found(self, text: str, lang: str) -> frozenset[int]:
        """Indexes of the terms whose ``lang`` text occurs in ``text``."""
        key = (text, lang)
        out = self._found.get(key)
        if out is None:
            out = frozenset(int(k) for k in self.matcher(lang).keys_in(text))  # type: ignore[call-overload]
            if len(self._found) > 32768:
                self._found.clear()
            self._found[key] = out
        return out

    def present(self, text: str, index: int, lang: str) -> bool:
        """Whether ``text`` holds term ``index`` in ``lang`` anywhere, also inside a longer term."""
        return contains(text, self.terms[index].get(lang), words_only=lang != "lo")

    def equivalents(self, text: str, source: str, target: str) -> list[Term]:
        """The terms found in ``text`` (in language ``source``) that have a ``target`` text."""
        return [self.terms[i] for i in sorted(self.found(text, source)) if self.terms[i].get(target)]


def parse_terms(data: str, *, source: str, file: str) -> list[Term]:
    """The terms of one CSV file's text. Raises :class:`TermListError` naming the file and line."""
    reader = csv.reader(io.StringIO(data))
    try:
        header = next(reader)
    except StopIteration:
        return []
    except csv.Error as exc:
        raise TermListError(f"{file}: line 1: not a CSV file ({exc})") from None
    columns = [name.strip().lower().lstrip("\ufeff") for name in header]
    if not any(lang in columns for lang in TERM_LANGUAGES):
        raise TermListError(
            f"{file}: line 1: the header row must name the columns vi, lo, en (and note); "
            f"found {', '.join(header) or 'nothing'}"
        )
    terms: list[Term] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                raise TermListError(
                    f"{file}: line {line}: {len(row)} cells, but the header names {len(columns)} "
                    "columns (a comma inside a term must be in double quotes)"
                )
            cells = dict(zip(columns, row, strict=False))
            texts = {
                lang: tuple(alt.strip() for alt in cells.get(lang, "").split("|") if alt.strip())
                for lang in TERM_LANGUAGES
            }
            if sum(1 for alts in texts.values() if alts) < 2:
                raise TermListError(
                    f"{file}: line {line}: a term needs its text in at least two of vi, lo, en"
                )
            terms.append(
                Term({k: v for k, v in texts.items() if v}, cells.get("note", "").strip(), source, file, line)
            )
    except csv.Error as exc:
        raise TermListError(f"{file}: line {reader.line_num}: {exc}") from None
    return terms


def read_terms(path: Path, source: str) -> list[Term]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TermListError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TermListError(
            f"{path}: not UTF-8 (byte {exc.start}); save the term list as CSV UTF-8"
        ) from None
    return parse_terms(text, source=source, file=str(path))


def load_term_list(roots: Iterable[tuple[str, str | os.PathLike[str]]]) -> TermList:
    """The term list of template folders ``(source, folder)``, in order: each folder's
    ``terms.csv`` adds entries and replaces earlier ones with the same key."""
    by_key: dict[str, Term] = {}
    for source, root in roots:
        path = Path(root) / TERMS_FILE
        if not path.is_file():
            continue
        for term in read_terms(path, source):
            by_key.pop(term.key, None)  # a replaced entry moves to where its replacement stands
            by_key[term.key] = term
    return TermList(list(by_key.values()))
