"""Thai letters typed for Lao ones: mapped letter by letter where each has one Lao counterpart."""

import unicodedata

from mou_drafter.language.scripts import (
    THAI_TO_LAO,
    foreign_letters,
    has_lao_letters,
    thai_letters,
    thai_to_lao,
    unmappable_thai,
)


def test_lao_words_typed_with_thai_letters_map_back():
    assert thai_to_lao("เมือง") == "ເມືອງ"
    assert thai_to_lao("สวัสดี") == "ສວັສດີ"
    assert thai_to_lao("ทุนการศึกษา") is None  # ศ: Lao writes ສ or the Pali letter ຨ
    assert thai_to_lao("กองปะซุม ๒๐๒๔") == "ກອງປະຊຸມ ໒໐໒໔"  # ซ → ຊ, Thai digits → Lao digits
    assert thai_to_lao("ประชุม") == "ປຣະຊຸມ"  # letter by letter: a Thai spelling stays one
    assert thai_to_lao("ເມືອງ ABC 2024") == "ເມືອງ ABC 2024"  # no Thai: unchanged


def test_every_mapped_letter_lands_on_an_assigned_lao_code_point():
    for thai, lao in THAI_TO_LAO.items():
        assert 0x0E00 <= thai <= 0x0E7F and 0x0E80 <= lao <= 0x0EFF
        assert unicodedata.name(chr(lao)).startswith("LAO "), hex(lao)
    # letters whose +0x80 is a Pali/Sanskrit letter have no automatic fix
    assert unmappable_thai("ธภศษฆ") == list("ธภศษฆ")


def test_script_tests():
    assert thai_letters("ເມືອງ ก ข ก") == ["ก", "ข"]
    assert has_lao_letters("ເມືອງ") and not has_lao_letters("໒໐໒໔ 2024")  # digits are no letters
    assert foreign_letters("Đăk Glei") and not foreign_letters("ເມືອງ 2024")
