"""Words for word-by-word comparison.

Lao is written without spaces between words, so splitting on spaces would turn a one-word change
into a whole changed phrase. ICU's word break iterator knows Lao (it carries a Lao dictionary); it
is used for every language so tokens are consistent (see :mod:`mou_drafter.words.icu` for where
ICU comes from). Tokens keep every character (spaces and punctuation are tokens too), so joining
them gives the text back exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .icu import load_icu

_FALLBACK = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
_LAO = re.compile("[\u0e80-\u0eff]")


@lru_cache(maxsize=4096)
def tokenize(text: str, lang: str) -> tuple[str, ...]:
    if not text:
        return ()
    icu = load_icu()
    if icu is None:  # no ICU anywhere: words by spaces (Lao then compares phrase by phrase)
        return tuple(_FALLBACK.findall(text))
    bounds = icu.boundaries(text, lang)
    return tuple(text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a)


def lao_with_word_breaks(text: str) -> str:
    """Lao ``text`` with U+200B ZERO WIDTH SPACE between adjacent Lao words (ICU word
    boundaries): the export option for programs that cannot break Lao lines themselves."""
    tokens = tokenize(text, "lo")
    out = []
    for i, token in enumerate(tokens):
        if i and _LAO.match(token) and _LAO.search(tokens[i - 1][-1:]):
            out.append("\u200b")
        out.append(token)
    return "".join(out)
