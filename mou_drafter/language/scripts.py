"""Which script a text is written in, and Thai letters typed for Lao ones.

Thai (U+0E00–U+0E7F) and Lao (U+0E80–U+0EFF) sit side by side in Unicode, and the Lao block was
laid out on the Thai one: a Lao letter is usually the Thai letter of the same function plus
0x80 (ก U+0E01 → ກ U+0E81). A Lao text typed on a Thai keyboard layout, or pasted from a Thai
document, looks almost right on screen but prints as boxes in Phetsarath OT, which has no Thai
glyphs. :func:`thai_to_lao` maps such text letter by letter where each letter has exactly one Lao
counterpart in current use; it returns ``None`` when a letter has none (Pali/Sanskrit letters,
which Lao writes with one of several letters or with the Pali letters added in Unicode 12, and
Thai-only signs), so the caller can only warn.
"""

from __future__ import annotations

import re
import unicodedata

THAI_RANGE = (0x0E00, 0x0E7F)
LAO_RANGE = (0x0E80, 0x0EFF)

#: Thai code points (besides the parallel ones below) with one Lao counterpart.
_THAI_EXTRA = {0x0E0B: 0x0E8A}  # ซ SO SO → ຊ SO TAM (Lao has one letter for both Thai s/ch letters)
#: Thai code points whose Lao letter is at +0x80 and means the same letter. Left out on purpose:
#: ฃ ฅ ฤ ฦ ฿ ๅ ็ ๎ ๏ ๚ ๛ (no Lao letter), and ฆ ฉ ฌ ฎ ฏ ฐ ฑ ฒ ณ ธ ภ ศ ษ ฬ ฺ, whose code
#: point +0x80 is a Pali/Sanskrit letter added to Lao in Unicode 12 while everyday Lao writes the
#: word with a common letter (ธ → ທ, ศ → ສ, ...): more than one answer, so no automatic fix.
_THAI_PARALLEL = (
    [0x0E01, 0x0E02, 0x0E04, 0x0E07, 0x0E08, 0x0E0A, 0x0E0D]
    + list(range(0x0E14, 0x0E18))
    + list(range(0x0E19, 0x0E20))
    + [0x0E21, 0x0E22, 0x0E23, 0x0E25, 0x0E27]
    + list(range(0x0E2A, 0x0E2C))
    + [0x0E2D, 0x0E2E, 0x0E2F]
    + list(range(0x0E30, 0x0E3A))  # vowel signs ะ ั า ำ ิ ี ึ ื ุ ู
    + list(range(0x0E40, 0x0E45))
    + [0x0E46]  # เ แ โ ใ ไ, ๆ
    + list(range(0x0E48, 0x0E4E))  # tone marks ่ ้ ๊ ๋, ์ ํ
    + list(range(0x0E50, 0x0E5A))  # digits
)
THAI_TO_LAO: dict[int, int] = {cp: cp + 0x80 for cp in _THAI_PARALLEL} | _THAI_EXTRA


_THAI = re.compile("[\u0e00-\u0e7f]")
#: Lao consonants, vowel signs, tone marks and the ligatures ໜ ໝ (not digits, ໆ or ຯ)
_LAO_LETTER = re.compile("[\u0e81-\u0eae\u0eb0-\u0ebd\u0ec0-\u0ec4\u0ec8-\u0ece\u0edc-\u0edf]")
#: a letter of any script but Thai and Lao
_OTHER_LETTER = re.compile("[^\\W\\d_\u0e00-\u0eff]")


def is_thai(ch: str) -> bool:
    return THAI_RANGE[0] <= ord(ch) <= THAI_RANGE[1]


def is_lao(ch: str) -> bool:
    return LAO_RANGE[0] <= ord(ch) <= LAO_RANGE[1]


def is_lao_letter(ch: str) -> bool:
    """A Lao letter, vowel sign or tone mark (not a Lao digit, ໆ or ຯ)."""
    return _LAO_LETTER.match(ch) is not None


def thai_letters(text: str) -> list[str]:
    """The distinct Thai characters of ``text``, in order of appearance."""
    if not _THAI.search(text):
        return []
    return list(dict.fromkeys(_THAI.findall(text)))


def unmappable_thai(text: str) -> list[str]:
    """The Thai characters of ``text`` that have no single Lao counterpart."""
    return [ch for ch in thai_letters(text) if ord(ch) not in THAI_TO_LAO]


def thai_to_lao(text: str) -> str | None:
    """``text`` with every Thai character replaced by its Lao counterpart (NFC), or ``None`` if
    one of them has no single counterpart."""
    if unmappable_thai(text):
        return None
    return unicodedata.normalize("NFC", text.translate(THAI_TO_LAO))


def has_lao_letters(text: str) -> bool:
    return _LAO_LETTER.search(text) is not None


def foreign_letters(text: str) -> bool:
    """True when ``text`` has letters of a script other than Lao and Thai (Latin, Vietnamese)."""
    return _OTHER_LETTER.search(text) is not None
