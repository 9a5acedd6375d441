"""Text hygiene for everything a user types or a file brings in.

* Unicode NFC (Vietnamese typed on macOS or in "Unicode tổ hợp" mode arrives decomposed).
  Never NFKC: it would rewrite Lao ``ໜ`` and ``ຳ``.
* Control characters are removed (tab becomes a space, CR/LF become LF); so are lone surrogates,
  non-characters, U+FEFF and U+200B (zero-width space is an *export* option for Lao line breaking,
  never stored), and the private-use sentinels the template engine uses to mark user text.
"""

from __future__ import annotations

import re
import unicodedata

#: Private-use code points the template engine wraps around user values (see templating/engine.py).
VALUE_START = "\ue000"
VALUE_END = "\ue001"
VALUE_NEWLINE = "\ue002"

_REMOVE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe\uffff\ue000-\ue002\ud800-\udfff]"
)


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Return ``value`` normalised to NFC with control characters removed.

    Args:
        value: raw text.
        multiline: keep line breaks (as ``\\n``); otherwise they become spaces.
    """
    if not value:
        return ""
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    # U+2028/2029 are line/paragraph separators: treat as line breaks (before a one-line text
    # turns its line breaks into spaces, so cleaning twice gives what cleaning once gave).
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _REMOVE.sub("", text)
    if not multiline:
        text = text.replace("\n", " ")
    return unicodedata.normalize("NFC", text)
