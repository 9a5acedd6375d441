"""Words for word-by-word comparison.

Lao is written without spaces between words, so splitting on spaces would turn a one-word change
into a whole changed phrase. ICU's word break iterator knows Lao (it carries a Lao dictionary);
it is used for every language so tokens are consistent. Tokens keep every character (spaces and
punctuation are tokens too), so joining them gives the text back exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FALLBACK = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=4096)
def tokenize(text: str, lang: str) -> tuple[str, ...]:
    if not text:
        return ()
    try:
        from icu4py.breakers import WordBreaker
    except ImportError:  # pragma: no cover - icu4py is a dependency; kept for a broken install
        return tuple(_FALLBACK.findall(text))
    return tuple(text[start:end] for start, end in WordBreaker(text, lang).segments())
