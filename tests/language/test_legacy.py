"""Legacy Vietnamese encodings (TCVN3, VNI, VISCII): every letter of the alphabet with every tone
mark, in both cases, goes through mojibake and back; texts are detected as the encoding they are
and Unicode text is never taken for mojibake."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata

import pytest

from mou_drafter.language import legacy
from mou_drafter.language.legacy import ENCODINGS, convert, detect, is_vietnamese_syllable, to_mojibake
from mou_drafter.language.legacy_tables import TCVN3, TONES, VISCII
from mou_drafter.model.files import parse_draft
from mou_drafter.model.text import clean_text

VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
CONSONANTS = tuple("bcdđghklmnpqrstvx")


def vowel_forms() -> list[str]:
    """The 72 vowel letters (12 vowels × 6 tones), lowercase, NFC."""
    return [unicodedata.normalize("NFC", v + tone) for v in VOWELS for tone in TONES]


ALPHABET = vowel_forms() + list(CONSONANTS)


def test_the_alphabet_is_complete():
    assert len(vowel_forms()) == 72 and len(set(vowel_forms())) == 72
    assert len(set(ALPHABET)) == 89  # 72 vowel forms and 17 consonants (đ included)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_letter_lowercase_round_trips(encoding):
    for letter in ALPHABET:
        mojibake = to_mojibake(letter, encoding)
        if letter.isascii():
            assert mojibake == letter
        assert convert(mojibake, encoding, capitals=False) == letter, (encoding, letter, mojibake)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_letter_capital_round_trips(encoding):
    """Capitals: VNI and VISCII encode them; TCVN3 has none with a tone mark and writes them with
    the capital font .VnTimeH, so they are converted as capitals when the text is in capitals."""
    for letter in ALPHABET:
        capital = letter.upper()
        mojibake = to_mojibake(capital, encoding)
        assert convert(mojibake, encoding, capitals=True if encoding == "tcvn3" else None) == capital, (
            encoding,
            capital,
            mojibake,
        )


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_letter_is_detected_in_a_word(encoding):
    """Each letter in a syllable of a sentence, lowercase and in a sentence of capitals, is found
    and converted by detect() without being told the encoding."""
    for letter in vowel_forms():
        for word in (f"t{letter}", f"ch{letter}"):
            sentence = f"Độc lập - Tự do - Hạnh phúc, {word} và Việt Nam"
            mojibake = to_mojibake(sentence, encoding)
            if mojibake == sentence:
                continue
            found = detect(mojibake)
            assert found is not None and found.encoding == encoding, (encoding, word, mojibake, found)
            assert found.converted == sentence, (encoding, word)
            upper = sentence.upper()
            found = detect(to_mojibake(upper, encoding))
            assert found is not None and found.converted == upper, (encoding, word, found)


@pytest.mark.parametrize(
    ("mojibake", "encoding", "unicode"),
    [
        ("ViÖt Nam", "tcvn3", "Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Vieät Nam", "vni", "Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni", "Độc lập - Tự do - Hạnh phúc"),
        ("Vi®t Nam", "viscii", "Việt Nam"),
        ("Hµi ngh¸ hþp tác", "viscii", "Hội nghị hợp tác"),
    ],
)
def test_known_mojibake(mojibake, encoding, unicode):
    found = detect(mojibake)
    assert found is not None and (found.encoding, found.converted) == (encoding, unicode)


@pytest.mark.parametrize(
    "text",
    [
        "Hà Nội, ngày 23 tháng 11 năm 2023",
        "Độc lập - Tự do - Hạnh phúc",
        "Tôi là người Việt; có một bản gốc",
        "Café Müller, Zürich © 2024 § 3",
        "Dak Glei district, Kon Tum province",
        "ເມືອງດັກເກລີ, ແຂວງກອນຕູມ",
        "Ủy ban nhân dân huyện Đăk Glei",
    ],
)
def test_unicode_text_is_not_mojibake(text):
    assert detect(text) is None


def test_mixed_text_converts_only_the_mojibake_words():
    """A clerk typed "Điều 1." in Unicode and pasted a TCVN3 sentence after it: "có" typed in
    Unicode stays (in TCVN3 it would be "cú")."""
    found = detect("Điều 1. Hội nghị có ViÖt Nam vµ Lµo tham dù")
    assert found is not None and found.encoding == "tcvn3"
    assert found.converted == "Điều 1. Hội nghị có Việt Nam và Lào tham dự"


def test_decomposed_vietnamese_is_unicode_not_a_legacy_encoding():
    """Windows-1258 conversions and macOS give NFD text: composed on the way in, not "converted"."""
    nfd = unicodedata.normalize("NFD", "Độc lập - Tự do - Hạnh phúc")
    assert detect(nfd) is None
    assert detect(clean_text(nfd)) is None and clean_text(nfd) == "Độc lập - Tự do - Hạnh phúc"
    draft = parse_draft(('{"kind": "mou", "schema_version": 3, "title": {"vi": "' + nfd + '"}}').encode())
    assert draft.title.vi == unicodedata.normalize("NFC", nfd)


def test_syllables():
    for word in ("việt", "nghiêng", "khuỷu", "giữa", "quyết", "ươm", "Đường", "ngoằn"):
        assert is_vietnamese_syllable(word), word
    for word in ("viÖt", "vieät", "vi®t", "glei", "xxx", "hộiị", "street"):
        assert not is_vietnamese_syllable(word), word


@pytest.mark.skipif(
    sys.platform == "win32" or not shutil.which("iconv"),
    reason="glibc's iconv is not installed (or not on Linux)",
)
@pytest.mark.parametrize(("encoding", "table"), [("TCVN5712-1", TCVN3), ("VISCII", VISCII)])
def test_tables_agree_with_iconv(encoding, table):
    """The tables are those of glibc's charmaps (TCVN3 is the part of VN1 that VN3 keeps)."""
    for byte, letter in table.items():
        result = subprocess.run(
            ["iconv", "-f", encoding, "-t", "UTF-8"], input=bytes([byte]), capture_output=True, check=True
        )
        assert result.stdout.decode("utf-8") == letter, (encoding, hex(byte))


def test_windows_shows_undefined_bytes_as_controls():
    # VISCII "Ắ" is byte 0x81, which code page 1252 leaves undefined: Windows passes U+0081 through
    assert legacy.windows_char(0x81) == "\x81" and to_mojibake("Ắ", "viscii") == "\x81"
    assert convert("\x81", "viscii") == "Ắ"
