"""Which translations of a text may be out of date, from short fingerprints.

For each language ``L`` of a text, the draft records ``seen[L]``: a fingerprint of the text in
each other language ``M`` at the time ``L`` was last written or confirmed (``{"vi": {"lo":
"3f2a9c1d"}}``: the Vietnamese text was written when the Lao text had fingerprint 3f2a9c1d). A
language ``M`` that had no text then is not recorded.

``L`` is *stale* when some other language ``M`` it recorded has changed since (its fingerprint
differs): the Lao text was written from a Vietnamese text that is no longer there. The flag goes
away when ``L`` is edited or confirmed (:func:`after_edit`, :func:`after_confirm`), or when ``M``
changes back.

Writing a text that was stale (or empty) is *following* the others: the languages that were up
to date with everything keep being up to date with the new text, so translating the Lao text
after a Vietnamese change does not flag the Vietnamese text in turn. Writing a text that was up
to date is *leading*: the other languages now lag behind it. A text without any record (a draft
of an older format, a text no tool recorded) has no flags; the first write records the state
before it, so its translations are flagged.

Fingerprints ignore case and runs of white space; they are the first 8 hex digits of BLAKE2b.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from functools import lru_cache

Seen = dict[str, dict[str, str]]


@lru_cache(maxsize=16384)
def fingerprint(text: str) -> str:
    """8 hex digits; ``""`` for an empty text."""
    normal = " ".join(text.casefold().split())
    if not normal:
        return ""
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=4).hexdigest()


def _prints(values: Mapping[str, str], languages: Iterable[str]) -> dict[str, str]:
    return {lang: fingerprint(values.get(lang, "") or "") for lang in languages}


def record(values: Mapping[str, str], lang: str, languages: Iterable[str]) -> dict[str, str]:
    """What ``lang`` has seen of the other ``languages``: their fingerprints, empty ones left out."""
    return {m: fp for m, fp in _prints(values, languages).items() if m != lang and fp}


def stale_from(values: Mapping[str, str], seen: Seen, lang: str, languages: Iterable[str]) -> list[str]:
    """The languages that changed since ``lang`` was written or confirmed (``[]``: up to date)."""
    if not (values.get(lang) or "").strip():
        return []
    own = seen.get(lang)
    if not own:
        return []
    out = []
    for other in languages:
        if other == lang or other not in own:
            continue
        now = fingerprint(values.get(other, "") or "")
        if now and now != own[other]:
            out.append(other)
    return out


def stale(values: Mapping[str, str], seen: Seen, languages: Iterable[str]) -> dict[str, list[str]]:
    """Every stale language of a text with the languages it is behind."""
    langs = list(languages)
    found = {lang: stale_from(values, seen, lang, langs) for lang in langs}
    return {lang: others for lang, others in found.items() if others}


def baseline(values: Mapping[str, str], languages: Iterable[str]) -> Seen:
    """A record saying every language is up to date with every other (a confirmed text)."""
    langs = list(languages)
    return {lang: record(values, lang, langs) for lang in langs if (values.get(lang) or "").strip()}


def after_edit(
    before: Mapping[str, str], seen: Seen, lang: str, new_value: str, languages: Iterable[str]
) -> Seen:
    """The record after ``lang`` changed from ``before[lang]`` to ``new_value``.

    ``before`` and ``seen`` are the text and record before the edit began (an edit typed key by
    key is one edit); ``languages`` are the languages a text is kept in (all three, so a language
    added to the draft later keeps its record)."""
    langs = list(languages)
    after = dict(before)
    after[lang] = new_value
    if not seen:
        # nothing recorded: take the state before the edit as agreed by all languages
        seen = baseline(before, langs)
    out: Seen = {k: dict(v) for k, v in seen.items()}
    following = not (before.get(lang) or "").strip() or bool(stale_from(before, seen, lang, langs))
    if following:
        new_print = fingerprint(new_value)
        for other in langs:
            if other == lang or not (before.get(other) or "").strip():
                continue
            if not stale_from(before, seen, other, langs) and new_print:
                out.setdefault(other, {})[lang] = new_print
            elif not new_print and other in out:
                out[other].pop(lang, None)
    if (new_value or "").strip():
        out[lang] = record(after, lang, langs)
    else:
        out.pop(lang, None)
    return {k: v for k, v in out.items() if v or (after.get(k) or "").strip()}


def after_confirm(values: Mapping[str, str], seen: Seen, lang: str, languages: Iterable[str]) -> Seen:
    """The record after the clerk confirmed that ``lang`` is still correct."""
    out: Seen = {k: dict(v) for k, v in seen.items()}
    out[lang] = record(values, lang, languages)
    return out
