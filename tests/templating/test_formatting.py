import datetime as dt
from decimal import Decimal

import pytest

from mou_drafter.templating.formatting import (
    format_amount,
    format_count_words,
    format_date,
    format_number,
    format_ordinal,
)


@pytest.mark.parametrize(
    ("date", "lang", "expected"),
    [
        (dt.date(2023, 11, 23), "vi", "ngày 23 tháng 11 năm 2023"),
        (dt.date(2020, 1, 5), "vi", "ngày 05 tháng 01 năm 2020"),
        (dt.date(2019, 6, 29), "vi", "ngày 29 tháng 6 năm 2019"),
        (dt.date(2023, 2, 3), "vi", "ngày 03 tháng 02 năm 2023"),
        (dt.date(2023, 11, 24), "lo", "ວັນທີ 24 ພະຈິກ 2023"),
        (dt.date(2023, 11, 24), "en", "24 November 2023"),
    ],
)
def test_dates(date, lang, expected):
    assert format_date(date, lang) == expected


def test_amounts_per_language():
    assert format_amount(Decimal(585000000), "VND", "vi") == "585.000.000 đồng"
    assert format_amount(Decimal(585000000), "VND", "lo") == "585.000.000 ດົ່ງ"
    assert format_amount(Decimal(585000000), "VND", "en") == "VND 585,000,000"
    assert format_amount(Decimal(24000), "USD", "vi") == "24.000 đô la Mỹ"
    assert format_amount(Decimal("24000.5"), "USD", "en") == "USD 24,000.50"
    assert format_amount(Decimal(24000000), "LAK", "lo") == "24.000.000 ກີບ"
    assert format_amount(Decimal("1000.6"), "VND", "vi") == "1.001 đồng"  # VND has no decimals


def test_numbers_words_and_ordinals():
    assert format_number(Decimal("1234567.5"), "vi") == "1.234.567,5"
    assert format_number(Decimal("1234567.5"), "en") == "1,234,567.5"
    assert format_count_words(2, "vi") == "hai (02)"
    assert format_count_words(3, "lo") == "ສາມ (03)"
    assert format_count_words(12, "en") == "12"
    assert [format_ordinal(n, "en") for n in (1, 2, 3, 11, 12, 18, 21, 112)] == [
        "1st",
        "2nd",
        "3rd",
        "11th",
        "12th",
        "18th",
        "21st",
        "112th",
    ]
    assert format_ordinal(18, "vi") == "18"
