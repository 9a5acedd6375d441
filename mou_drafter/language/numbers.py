"""The numbers a text states — counts, years, amounts, percentages, ordinals written as figures,
dates — as comparable values, whatever the language writes them like.

* Lao digits (໐–໙) and Thai digits count as the digits they are: "ທຶນ ໒໐ ທຶນ" states 20.
* Grouping: a ``.``, ``,``, no-break or thin space followed by exactly three digits groups
  thousands in every language ("585.000.000", "585,000,000", "585 000 000" all state
  585000000); otherwise ``,`` or ``.`` before one or two digits is a decimal mark ("1,5 tỷ",
  "1.5 billion"). Units and words of size are not numbers: "585 triệu đồng" and "VND 585
  million" both state 585.
* Months written as words are their numbers ("23 November 2023", "ວັນທີ 23 ພະຈິກ 2023" and "ngày
  23 tháng 11 năm 2023" all state 23, 11, 2023), and "23/11/2023" states the same three.
* English ordinal suffixes go with the figure ("18th" states 18).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

#: Lao and Thai digits to ASCII.
_DIGITS = {0x0ED0 + i: 0x30 + i for i in range(10)} | {0x0E50 + i: 0x30 + i for i in range(10)}

_MONTHS = {
    "en": [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    "lo": ["ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ", "ທັນວາ"],
}
_EN_SHORT = {name[:3]: i for i, name in enumerate(_MONTHS["en"], start=1)} | {"sept": 9}
_LAO_NAMES = "|".join(sorted(_MONTHS["lo"], key=len, reverse=True))
# A Lao month name counts next to a figure or after ເດືອນ ("month"): ຕຸລາ is also the start of
# ຕຸລາການ (court). English names count as words, but "may" only next to a figure.
_LAO_MONTH = re.compile(rf"(?:(?<=\d)\s?|ເດືອນ\s?)({_LAO_NAMES})|({_LAO_NAMES})(?=\s?\d)")
_EN_NAMES = "|".join([m for m in _MONTHS["en"] if m != "may"] + [k + r"\.?" for k in _EN_SHORT if k != "may"])
_EN_MONTH = re.compile(rf"\b({_EN_NAMES})\b|(?<=\d\s)(may)\b|\b(may)(?=\s\d)", re.IGNORECASE)


def _month(match: re.Match[str]) -> str:
    name = next(group for group in match.groups() if group).lower().rstrip(".")
    number = (
        _EN_SHORT.get(name[:4] if name.startswith("sept") else name[:3])
        if name.isascii()
        else _MONTHS["lo"].index(name) + 1
    )
    return f" {number} "


_GROUP = "[.,\u00a0\u202f\u2009]"
# ASCII digits only: Lao and Thai digits are translated first (and [0-9] scans faster than \d)
_NUMBER = re.compile(rf"[0-9]+(?:{_GROUP}[0-9]{{3}}(?![0-9]))*(?:[.,][0-9]+)?")


@lru_cache(maxsize=4096)
def _value(token: str) -> str:
    """A number as written → its value as a plain string ("585.000.000" → "585000000"); cached:
    the same figures (years, counts) recur in every text of a draft."""
    if token.isdigit():
        return str(int(token))
    decimal = ""
    match = re.search(r"[.,](\d+)$", token)
    if match and len(match.group(1)) != 3:
        decimal = match.group(1)
        token = token[: match.start()]
    digits = re.sub(r"\D", "", token)
    try:
        value = Decimal(f"{digits}.{decimal}" if decimal else digits)
    except InvalidOperation:
        return token
    text = format(value.normalize(), "f")
    return text


_NON_ASCII_DIGIT = re.compile("[\u0e50-\u0e59\u0ed0-\u0ed9]")
_LAO_ANY = re.compile("|".join(_MONTHS["lo"]))
_EN_ANY = re.compile("|".join(_EN_SHORT))  # on the lowered text: IGNORECASE makes it scan slowly


def numbers(text: str) -> list[str]:
    """The numbers ``text`` states, in order, as plain value strings (months as numbers)."""
    if not text:
        return []
    if _NON_ASCII_DIGIT.search(text):
        text = text.translate(_DIGITS)
    # the month patterns are slow to scan: only where a month name may be
    if _LAO_ANY.search(text):
        text = _LAO_MONTH.sub(_month, text)
    if _EN_ANY.search(text.lower()):
        text = _EN_MONTH.sub(_month, text)
    return [_value(token) for token in _NUMBER.findall(text)]


@lru_cache(maxsize=16384)
def number_set(text: str) -> frozenset[str]:
    """The distinct numbers of ``text`` (cached: a draft is checked again after every edit)."""
    return frozenset(numbers(text))
