"""Text hygiene of everything typed or loaded: NFC, no control characters, Lao untouched."""

import unicodedata

from mou_drafter.model.text import clean_text


def test_clean_text_normalises_to_nfc():
    motto_nfd = unicodedata.normalize("NFD", "Độc lập - Tự do - Hạnh phúc")
    assert len(motto_nfd) == 35
    cleaned = clean_text(motto_nfd)
    assert cleaned == "Độc lập - Tự do - Hạnh phúc" and len(cleaned) == 27


def test_clean_text_removes_controls_keeps_lines_and_lao():
    assert clean_text("a\x00b\x07c\x1bd\r\ne\tf\u200bg\ufeff") == "abcd\ne fg"
    assert clean_text("x\ud800y") == "xy"
    assert clean_text("ເມືອງຊານໄຊ ໜ້ຳ") == "ເມືອງຊານໄຊ ໜ້ຳ"  # never NFKC: ໜ and ຳ stay
    assert clean_text("a\nb", multiline=False) == "a b"
