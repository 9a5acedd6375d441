"""Dates, numbers and amounts per document language (Babel/CLDR where CLDR matches usage).

Conventions (``docs/conventions.md`` of the project's shared notes, checked against Babel 2.18):

* Vietnamese dates are written as Decree 30/2020 wants, ``ngày 05 tháng 01 năm 2020`` (leading zero
  for days 1-9 and for months 1 and 2 only) — built here, because CLDR's ``long`` pattern differs.
* Lao dates: ``ວັນທີ 23 ພະຈິກ 2023`` with CLDR's Lao month names.
* English: British style, ``23 November 2023``.
* Amounts: grouped per locale (``585.000.000`` in vi and lo, ``585,000,000`` in en), VND and LAK
  without decimals, followed by the currency in words (``đồng``, ``ກີບ``) or preceded by the ISO
  code in English (``VND 585,000,000``).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

LOCALES = {"vi": "vi", "lo": "lo", "en": "en_GB"}

CURRENCY_DIGITS = {"VND": 0, "LAK": 0, "USD": 2}
CURRENCY_WORDS = {
    "vi": {"VND": "đồng", "LAK": "kíp", "USD": "đô la Mỹ"},
    "lo": {"VND": "ດົ່ງ", "LAK": "ກີບ", "USD": "ໂດລາສະຫະລັດ"},
}


def _locale(lang: str) -> str:
    try:
        return LOCALES[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}; use vi, lo or en") from None


def format_date(value: dt.date | None, lang: str, *, prefix: bool = True) -> str:
    """The date written in full, as used in the body and the signing line."""
    if value is None:
        return "……"
    if lang == "vi":
        day = f"{value.day:02d}" if value.day < 10 else str(value.day)
        month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
        text = f"{day} tháng {month} năm {value.year}"
        return f"ngày {text}" if prefix else text
    if lang == "lo":
        text = _babel_date(value, "d MMMM y", locale=_locale(lang))
        return f"ວັນທີ {text}" if prefix else text
    return _babel_date(value, "d MMMM y", locale=_locale(lang))


def format_date_short(value: dt.date | None, lang: str) -> str:
    if value is None:
        return "…/…/……"
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def format_number(value: int | float | Decimal | None, lang: str) -> str:
    if value is None:
        return "……"
    return _babel_decimal(value, locale=_locale(lang), group_separator=True)


def _quantize(amount: Decimal, currency: str) -> Decimal:
    digits = CURRENCY_DIGITS.get(currency, 2)
    return amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def format_amount(amount: Decimal | int | None, currency: str, lang: str) -> str:
    """``585.000.000 đồng`` / ``585.000.000 ດົ່ງ`` / ``VND 585,000,000``; USD keeps cents only if any."""
    if amount is None:
        return "……"
    value = _quantize(Decimal(amount), currency)
    pattern = "#,##0" if value == value.to_integral_value() else "#,##0.00"
    number = _babel_decimal(value, format=pattern, locale=_locale(lang), decimal_quantization=False)
    if lang == "en":
        return f"{currency} {number}"
    return f"{number} {CURRENCY_WORDS[lang][currency]}"


def format_ordinal(value: int | None, lang: str) -> str:
    """``18`` in Vietnamese and Lao (the template adds "lần thứ" / "ຄັ້ງທີ"), ``18th`` in English."""
    if value is None:
        return "……"
    if lang != "en":
        return str(value)
    if 10 <= value % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


_SMALL_NUMBERS = {
    "vi": ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"],
    "lo": ["ສູນ", "ໜຶ່ງ", "ສອງ", "ສາມ", "ສີ່", "ຫ້າ", "ຫົກ", "ເຈັດ", "ແປດ", "ເກົ້າ", "ສິບ"],
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
}


def format_count_words(value: int, lang: str) -> str:
    """Small counts in words with the figure, as in "hai (02) bản gốc"; larger ones as figures."""
    words = _SMALL_NUMBERS[lang]
    if 0 <= value < len(words):
        return f"{words[value]} ({value:02d})"
    return str(value)
