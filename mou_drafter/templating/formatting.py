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


def currency_names() -> tuple[str, ...]:
    """Every way the documents name a currency (``đồng``, ``đô la Mỹ``, ``ກີບ``, ``USD``): what a
    renderer keeps on one line with its amount."""
    return (*CURRENCY_DIGITS, *(word for words in CURRENCY_WORDS.values() for word in words.values()))


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
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
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


def _day(value: dt.date, lang: str) -> str:
    if lang == "vi":
        return f"{value.day:02d}" if value.day < 10 else str(value.day)
    return str(value.day)


def _month(value: dt.date, lang: str) -> str:
    if lang == "vi":
        return f"tháng {value.month:02d}" if value.month <= 2 else f"tháng {value.month}"
    return _babel_date(value, "MMMM", locale=_locale(lang))


def _year(value: dt.date, lang: str) -> str:
    return f"năm {value.year}" if lang == "vi" else str(value.year)


def format_date_range(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """When something happened, as a phrase that can follow a comma or start a sentence (the
    template capitalises it): the month and year are written once when both dates share them.

    ==========  =====================================  =============================================
    language    one day                                two days of one month
    ==========  =====================================  =============================================
    vi          ngày 23 tháng 11 năm 2023              từ ngày 22 đến ngày 23 tháng 11 năm 2023
    lo          ວັນທີ 23 ພະຈິກ 2023                      ແຕ່ວັນທີ 22 ຫາ 23 ພະຈິກ 2023
    en          on 23 November 2023                    from 22 to 23 November 2023
    ==========  =====================================  =============================================

    Across months: "từ ngày 30 tháng 11 đến ngày 02 tháng 12 năm 2023", "ແຕ່ວັນທີ 30 ພະຈິກ ຫາ
    ວັນທີ 2 ທັນວາ 2023", "from 30 November to 2 December 2023"; across years both dates in full.
    """
    _locale(lang)
    if start is None:
        start, end = end, None
    if start is None:
        return format_date(None, lang)
    if end is None or end == start:
        return f"on {format_date(start, lang)}" if lang == "en" else format_date(start, lang)
    if end.year != start.year:
        first = " ".join([_day(start, lang), _month(start, lang), _year(start, lang)])
    elif end.month != start.month:
        first = f"{_day(start, lang)} {_month(start, lang)}"
    else:
        first = _day(start, lang)
    if lang == "vi":
        return f"từ ngày {first} đến {format_date(end, 'vi')}"
    if lang == "lo":
        last = (
            format_date(end, "lo")
            if end.month != start.month or end.year != start.year
            else format_date(end, "lo", prefix=False)
        )
        return f"ແຕ່ວັນທີ {first} ຫາ {last}"
    return f"from {first} to {format_date(end, 'en')}"


def format_count(value: int, lang: str) -> str:
    """A count as each language writes it in a closing clause: "ba (03)" (the Vietnamese habit of
    words with the figure), "ສາມ", "three"; above ten, the figure."""
    if lang == "vi":
        return format_count_words(value, lang)
    words = _SMALL_NUMBERS[lang]
    if 1 <= value < len(words):
        return words[value]
    return str(value)


#: Last words of English names of bodies that take "the" ("the Dak Glei District People's Committee").
_BODY_WORDS = frozenset(
    {
        "administration",
        "agency",
        "assembly",
        "association",
        "authority",
        "board",
        "bureau",
        "centre",
        "center",
        "command",
        "commission",
        "committee",
        "council",
        "department",
        "embassy",
        "consulate",
        "front",
        "government",
        "institute",
        "ministry",
        "office",
        "republic",
        "school",
        "secretariat",
        "union",
        "university",
    }
)
#: First words of English names of bodies ("the Ministry of Foreign Affairs of …").
_BODY_FIRST_WORDS = _BODY_WORDS | {"people's", "people’s", "provincial", "district", "national", "central"}


def english_article(name: str) -> str:
    """``name`` with "the" in front when it names a body rather than a place: "the Ministry of Foreign
    Affairs of the Lao People's Democratic Republic", "the Kon Tum Provincial People's Committee",
    but "Dak Glei district", "Viet Nam", "Laos". A name that already starts with "the" is kept."""
    text = name.strip()
    words = text.split()
    if not words or words[0].lower() == "the" or not words[0][:1].isupper():
        return name
    head = text.split(" of ", 1)[0].split()
    if words[0].lower() in _BODY_FIRST_WORDS or head[-1].lower().strip(",.") in _BODY_WORDS:
        return f"the {text}"
    return name


def end_with(text: str, mark: str) -> str:
    """``text`` ending in ``mark`` (";" or "." or ""), without doubling what the user typed: a
    trailing full stop, semicolon, comma or colon is replaced ("đầu tư." + ";" → "đầu tư;",
    "cooperation." + "." → "cooperation."); an ellipsis, "?" or "!" is kept and, before a full
    stop, ends the sentence itself."""
    body = text.rstrip()
    if not body:
        return mark
    if body.endswith(("…", "...", "?", "!")):
        return body if mark in ("", ".") else body + mark
    if body[-1] in ".;,:":
        body = body[:-1].rstrip()
    return body + mark
