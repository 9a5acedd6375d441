"""Numbers as the three languages write them: the same values."""

import pytest

from mou_drafter.language.numbers import number_set, numbers


@pytest.mark.parametrize(
    ("vi", "lo", "en"),
    [
        ("ngày 23 tháng 11 năm 2023", "ວັນທີ 23 ພະຈິກ 2023", "23 November 2023"),
        ("23/11/2023", "ວັນທີ ໒໓ ເດືອນພະຈິກ ໒໐໒໓", "November 23, 2023"),
        ("585.000.000 đồng", "585.000.000 ດົ່ງ", "VND 585,000,000"),
        ("585 triệu đồng", "ເງິນ 585 ລ້ານດົ່ງ", "VND 585 million"),
        ("1,5 tỷ đồng", "1,5 ຕື້ດົ່ງ", "VND 1.5 billion"),
        ("20 suất học bổng", "ທຶນການສຶກສາ ໒໐ ທຶນ", "20 scholarships"),
        ("lần thứ 18", "ຄັ້ງທີ 18", "the 18th"),
        ("tăng 20%", "ເພີ່ມຂຶ້ນ 20%", "an increase of 20%"),
        ("giai đoạn 2024 - 2028", "ໄລຍະ 2024 - 2028", "for the period 2024–2028"),
    ],
)
def test_the_same_numbers_in_every_language(vi, lo, en):
    assert number_set(vi) == number_set(lo) == number_set(en)


def test_words_that_look_like_months_are_not_dates():
    assert numbers("the Parties may agree") == []
    assert numbers("5 May 2024") == ["5", "5", "2024"]
    assert numbers("ສານປະຊາຊົນ ແລະ ຕຸລາການ") == []  # ຕຸລາ (October) begins the word for court
    assert numbers("in Sept. 2024") == ["9", "2024"]


def test_different_numbers_differ():
    assert number_set("20 suất học bổng") != number_set("ທຶນ 25 ທຶນ")
    assert number_set("ngày 23 tháng 11") != number_set("23 October")
