"""Character tables of the legacy Vietnamese encodings, byte → Unicode.

No maintained library on PyPI converts these encodings (checked November 2026: the converters
found are unmaintained gists, an npm package and a GPL R package), so the tables are here, from
these sources:

* **TCVN3** (ABC, the ``.VnTime`` fonts): TCVN 5712:1993, character set VN3 — 67 lowercase
  letters, 7 capitals without tone mark (Ă Â Ê Ô Ơ Ư Đ), and the no-break space. VN3 is a subset
  of VN1; the positions below are those of glibc's ``TCVN5712-1`` charmap (VN1) that VN3 keeps.
  Capitals with a tone mark do not exist in VN3: documents write them with the capital font
  (``.VnTimeH``), which draws the lowercase code points as capitals.
* **VISCII**: RFC 1456 (Viet-Std Group, 1993), table 1, as in glibc's ``VISCII`` charmap; it
  uses six C0 control positions for capitals (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ).
* **VNI** (VNI-Windows, the ``VNI-Times`` fonts; VNI Software): a base letter followed by one
  byte for the mark(s), as published in the VietUnicode charset tables
  (vietunicode.sourceforge.net/charset). Built below from its composition rule.

``tests/language/test_legacy.py`` checks the TCVN3 and VISCII tables against the system's iconv
where it has them, and every table with every letter and tone mark in both cases.
"""

from __future__ import annotations

import unicodedata

TCVN3: dict[int, str] = {
    0xA0: "\u00a0",
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
    0xB5: "à",
    0xB6: "ả",
    0xB7: "ã",
    0xB8: "á",
    0xB9: "ạ",
    0xBB: "ằ",
    0xBC: "ẳ",
    0xBD: "ẵ",
    0xBE: "ắ",
    0xC6: "ặ",
    0xC7: "ầ",
    0xC8: "ẩ",
    0xC9: "ẫ",
    0xCA: "ấ",
    0xCB: "ậ",
    0xCC: "è",
    0xCE: "ẻ",
    0xCF: "ẽ",
    0xD0: "é",
    0xD1: "ẹ",
    0xD2: "ề",
    0xD3: "ể",
    0xD4: "ễ",
    0xD5: "ế",
    0xD6: "ệ",
    0xD7: "ì",
    0xD8: "ỉ",
    0xDC: "ĩ",
    0xDD: "í",
    0xDE: "ị",
    0xDF: "ò",
    0xE1: "ỏ",
    0xE2: "õ",
    0xE3: "ó",
    0xE4: "ọ",
    0xE5: "ồ",
    0xE6: "ổ",
    0xE7: "ỗ",
    0xE8: "ố",
    0xE9: "ộ",
    0xEA: "ờ",
    0xEB: "ở",
    0xEC: "ỡ",
    0xED: "ớ",
    0xEE: "ợ",
    0xEF: "ù",
    0xF1: "ủ",
    0xF2: "ũ",
    0xF3: "ú",
    0xF4: "ụ",
    0xF5: "ừ",
    0xF6: "ử",
    0xF7: "ữ",
    0xF8: "ứ",
    0xF9: "ự",
    0xFA: "ỳ",
    0xFB: "ỷ",
    0xFC: "ỹ",
    0xFD: "ý",
    0xFE: "ỵ",
}

#: VISCII positions that differ from ISO 8859-1 (the others are Latin-1: À Á Â Ã È É Ê Ì Í Ò Ó Ô
#: Ù Ú Ý à á â ã è é ê ì í ò ó ô õ ù ú ý and ASCII).
VISCII: dict[int, str] = {
    0x02: "Ẳ",
    0x05: "Ẵ",
    0x06: "Ẫ",
    0x14: "Ỷ",
    0x19: "Ỹ",
    0x1E: "Ỵ",
    0x80: "Ạ",
    0x81: "Ắ",
    0x82: "Ằ",
    0x83: "Ặ",
    0x84: "Ấ",
    0x85: "Ầ",
    0x86: "Ẩ",
    0x87: "Ậ",
    0x88: "Ẽ",
    0x89: "Ẹ",
    0x8A: "Ế",
    0x8B: "Ề",
    0x8C: "Ể",
    0x8D: "Ễ",
    0x8E: "Ệ",
    0x8F: "Ố",
    0x90: "Ồ",
    0x91: "Ổ",
    0x92: "Ỗ",
    0x93: "Ộ",
    0x94: "Ợ",
    0x95: "Ớ",
    0x96: "Ờ",
    0x97: "Ở",
    0x98: "Ị",
    0x99: "Ỏ",
    0x9A: "Ọ",
    0x9B: "Ỉ",
    0x9C: "Ủ",
    0x9D: "Ũ",
    0x9E: "Ụ",
    0x9F: "Ỳ",
    0xA0: "Õ",
    0xA1: "ắ",
    0xA2: "ằ",
    0xA3: "ặ",
    0xA4: "ấ",
    0xA5: "ầ",
    0xA6: "ẩ",
    0xA7: "ậ",
    0xA8: "ẽ",
    0xA9: "ẹ",
    0xAA: "ế",
    0xAB: "ề",
    0xAC: "ể",
    0xAD: "ễ",
    0xAE: "ệ",
    0xAF: "ố",
    0xB0: "ồ",
    0xB1: "ổ",
    0xB2: "ỗ",
    0xB3: "Ỡ",
    0xB4: "Ơ",
    0xB5: "ộ",
    0xB6: "ờ",
    0xB7: "ở",
    0xB8: "ị",
    0xB9: "Ự",
    0xBA: "Ứ",
    0xBB: "Ừ",
    0xBC: "Ử",
    0xBD: "ơ",
    0xBE: "ớ",
    0xBF: "Ư",
    0xC4: "Ả",
    0xC5: "Ă",
    0xC6: "ẳ",
    0xC7: "ẵ",
    0xCB: "Ẻ",
    0xCE: "Ĩ",
    0xCF: "ỳ",
    0xD0: "Đ",
    0xD1: "ứ",
    0xD5: "ạ",
    0xD6: "ỷ",
    0xD7: "ừ",
    0xD8: "ử",
    0xDB: "ỹ",
    0xDC: "ỵ",
    0xDE: "ỡ",
    0xDF: "ư",
    0xE4: "ả",
    0xE5: "ă",
    0xE6: "ữ",
    0xE7: "ẫ",
    0xEB: "ẻ",
    0xEE: "ĩ",
    0xEF: "ỉ",
    0xF0: "đ",
    0xF1: "ự",
    0xF6: "ỏ",
    0xF7: "ọ",
    0xF8: "ụ",
    0xFB: "ũ",
    0xFC: "ủ",
    0xFE: "ợ",
    0xFF: "Ữ",
}

# -- VNI-Windows -------------------------------------------------------------------------------
# A vowel is written as its base letter followed by one mark byte (two bytes for a vowel with a
# circumflex or breve and a tone); ơ ư đ, i with a tone and ỵ have bytes of their own.
_TONE_BYTES = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
#: circumflex alone, then with each tone
_CIRCUMFLEX_BYTES = {"": 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3, "\u0323": 0xE4}
_BREVE_BYTES = {"": 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC, "\u0323": 0xEB}
_OWN_BYTES = {
    "ơ": 0xF4,
    "ư": 0xF6,
    "đ": 0xF1,
    "í": 0xED,
    "ì": 0xEC,
    "ỉ": 0xE6,
    "ĩ": 0xF3,
    "ị": 0xF2,
    "ỵ": 0xEE,
}
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # none, huyền, hỏi, ngã, sắc, nặng


def _vni_table() -> dict[str, bytes]:
    table: dict[str, bytes] = {}

    def add(letter: str, code: list[int]) -> None:
        # every byte involved is a Latin-1 letter; a capital is written with the capitals of them
        table[unicodedata.normalize("NFC", letter)] = bytes(code)
        table[unicodedata.normalize("NFC", letter).upper()] = bytes(ord(chr(b).upper()) for b in code)

    for base in "aeiouy":
        for tone in TONES:
            letter = unicodedata.normalize("NFC", base + tone)
            if letter in _OWN_BYTES:
                add(letter, [_OWN_BYTES[letter]])
            elif tone:
                add(letter, [ord(base), _TONE_BYTES[tone]])
    for base in "aeo":  # â ê ô
        for tone in TONES:
            add(base + "\u0302" + tone, [ord(base), _CIRCUMFLEX_BYTES[tone]])
    for tone in TONES:  # ă
        add("a\u0306" + tone, [ord("a"), _BREVE_BYTES[tone]])
    for letter, byte in (("ơ", 0xF4), ("ư", 0xF6)):
        add(letter, [byte])
        for tone in TONES[1:]:
            add(letter + tone, [byte, _TONE_BYTES[tone]])
    add("đ", [0xF1])
    return table


#: Unicode letter → its VNI bytes, both cases.
VNI: dict[str, bytes] = _vni_table()
