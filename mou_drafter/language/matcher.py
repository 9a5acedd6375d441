"""Finding many phrases at once in a text: names of parties, terms of the term list.

Phrases are compiled into one regular expression shaped like a trie (common beginnings shared), so
a text is scanned once however many phrases there are. Matching ignores case; Latin-script phrases
match whole words only, Lao phrases anywhere (Lao writes no spaces between words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=32768)
def normalise(text: str) -> str:
    """What matching compares: case folded, runs of white space as one space."""
    return " ".join(text.casefold().split())


def _trie_pattern(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # longest match first: a shorter phrase ending here is the optional tail's absence
        return f"(?:{body})?" if end else body

    return emit(trie)


class PhraseMatcher:
    """Which of ``phrases`` occur in a text. Each phrase maps to a key (a party, a term)."""

    def __init__(self, phrases: Iterable[tuple[str, object]], *, words_only: bool = True) -> None:
        self.keys: dict[str, set[object]] = {}
        for phrase, key in phrases:
            text = normalise(phrase)
            if text:
                self.keys.setdefault(text, set()).add(key)
        self._cache: dict[str, dict[str, set[object]]] = {}
        pattern = _trie_pattern(sorted(self.keys, key=len, reverse=True)) if self.keys else ""
        if pattern and words_only:
            pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
        self.regex = re.compile(pattern) if pattern else None

    def __bool__(self) -> bool:
        return self.regex is not None

    def found(self, text: str) -> dict[str, set[object]]:
        """The phrases found in ``text`` (normalised) with their keys."""
        if self.regex is None or not text:
            return {}
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        keys = self.keys
        # the pattern has no capturing group: findall gives the matched phrases, faster than finditer
        out = {phrase: keys[phrase] for phrase in self.regex.findall(normalise(text)) if phrase in keys}
        if len(self._cache) > 16384:  # a draft is checked again after every edit: keep the last ones
            self._cache.clear()
        self._cache[text] = out
        return out

    def keys_in(self, text: str) -> set[object]:
        return {key for keys in self.found(text).values() for key in keys}


def contains(text: str, phrases: Iterable[str], *, words_only: bool = True) -> bool:
    """Whether ``text`` holds one of ``phrases`` anywhere, also inside a longer phrase
    :class:`PhraseMatcher` would have matched instead ("ເມືອງ" in "ເຈົ້າເມືອງຊານໄຊ")."""
    haystack = normalise(text)
    for phrase in phrases:
        needle = normalise(phrase)
        if not needle:
            continue
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not words_only or (
                (start == 0 or not haystack[start - 1].isalnum())
                and (end == len(haystack) or not haystack[end].isalnum())
            ):
                return True
            start = haystack.find(needle, start + 1)
    return False
