"""Vietnamese text in a legacy encoding, pasted as Unicode mojibake, found and converted.

A document typed in the ``.VnTime`` (TCVN3/ABC), ``VNI-Times`` (VNI) or VISCII fonts stores the
encoding's bytes as the Windows code page 1252 characters of the same byte: copied out of Word
they arrive as "ViÖt Nam", "§éc lËp" (TCVN3), "Vieät Nam" (VNI) or "Vi®t Nam" (VISCII).

:func:`detect` finds such text: it converts each word that could be one (a word made of ASCII
letters and the encoding's characters) and counts the words that were *not* Vietnamese before and
*are* a Vietnamese syllable after (``ViÖt`` → ``Việt``). Words that read as Vietnamese either way
("cã" is a valid spelling, and TCVN3 for "có") are converted with the rest of a detected text but
are no evidence on their own; words with Vietnamese letters the encoding does not use ("Hội") are
Unicode: in a text that has them (a clerk typed a heading, then pasted), such a word is converted
only inside a run of mojibake, with no Unicode word between it and a word that needed conversion.
The reading that makes the most words Vietnamese wins. :func:`convert` returns Unicode NFC.

TCVN3 has no capitals with a tone mark: documents switch to the capital font ``.VnTimeH``, which
draws the lowercase code points as capitals. A converted word whose ASCII letters are all
capitals ("LËP") is therefore written in capitals ("LẬP"); pass ``capitals=True`` when the whole
text came from a capital font.

Tables: :mod:`mou_drafter.language.legacy_tables`. Text typed in Unicode with decomposed marks
(NFD, Windows-1258 conversions) is not a legacy encoding: :func:`mou_drafter.model.text.clean_text`
composes it when it enters a draft.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .legacy_tables import TCVN3, VISCII, VNI

Encoding = Literal["tcvn3", "vni", "viscii"]
ENCODINGS: tuple[Encoding, ...] = ("tcvn3", "vni", "viscii")
#: How the encodings are called in messages (fonts in brackets, as clerks know them).
ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime)", "vni": "VNI (VNI-Times)", "viscii": "VISCII"}

_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def windows_char(byte: int) -> str:
    """The character Windows shows for ``byte`` in code page 1252 (undefined bytes pass through
    as the C1 control of the same number, as Windows converts them)."""
    if byte < 0x80 or byte in _CP1252_UNDEFINED:
        return chr(byte)
    return bytes([byte]).decode("cp1252")


# -- the decoding tables, mojibake → Unicode ----------------------------------------------------


@dataclass(frozen=True)
class _Table:
    encoding: Encoding
    #: mojibake (one or two characters) → Unicode letter
    decode: dict[str, str]
    #: the characters that only mojibake of this encoding uses (not ASCII, not unchanged)
    chars: frozenset[str]
    longest: int
    #: the characters outside ASCII its mojibake may hold: ``chars`` and Latin-1 letters the
    #: encoding keeps at their own code point (VISCII's "à", TCVN3's "ý")
    possible: frozenset[str]


def _single_byte_table(encoding: Encoding, table: dict[int, str], *, keeps_latin1: bool) -> _Table:
    """``keeps_latin1``: the encoding keeps the Latin-1 letters it does not list (VISCII keeps "à");
    otherwise only the letters listed with their own code point are unchanged (TCVN3's "ý")."""
    decode = {windows_char(b): ch for b, ch in table.items() if windows_char(b) != ch}
    unchanged = {ch for b, ch in table.items() if windows_char(b) == ch and ch.isalpha()}
    if keeps_latin1:
        unchanged |= {chr(b) for b in range(0xC0, 0x100) if b not in table and chr(b).isalpha()}
    return _Table(encoding, decode, frozenset(decode), 1, frozenset(decode) | frozenset(unchanged))


def _vni() -> _Table:
    decode = {"".join(windows_char(b) for b in code): letter for letter, code in VNI.items()}
    chars = frozenset(ch for key in decode for ch in key if ord(ch) >= 0x80)
    return _Table("vni", decode, chars, 2, chars)


TABLES: dict[Encoding, _Table] = {
    "tcvn3": _single_byte_table("tcvn3", TCVN3, keeps_latin1=False),
    "vni": _vni(),
    "viscii": _single_byte_table("viscii", VISCII, keeps_latin1=True),
}

#: Vietnamese letters outside ASCII, both cases (NFC).
_VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in (
        "a",
        "a\u0306",
        "a\u0302",
        "e",
        "e\u0302",
        "i",
        "o",
        "o\u0302",
        "o\u031b",
        "u",
        "u\u031b",
        "y",
    )
    for tone in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
) - set("aeiouy")
VIETNAMESE_LETTERS = frozenset(_VIETNAMESE_LETTERS | {ch.upper() for ch in _VIETNAMESE_LETTERS} | {"đ", "Đ"})
#: Characters that no Vietnamese text in Unicode uses but some legacy mojibake does: a text
#: without any of them is not looked at further.
_SUSPECT = re.compile(
    "["
    + re.escape("".join(sorted(frozenset().union(*(t.chars for t in TABLES.values())) - VIETNAMESE_LETTERS)))
    + "]"
)


def _token_re(table: _Table) -> re.Pattern[str]:
    extra = "".join(sorted(table.possible))
    return re.compile("[A-Za-z\u00c0-\u00ff" + re.escape(extra) + "]+")


_TOKEN_RE = {name: _token_re(table) for name, table in TABLES.items()}
_WORD_RE = re.compile(r"\w+")

# -- what a Vietnamese syllable looks like ----------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_ONSETS = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx]"
_NUCLEI = [
    "iêu",
    "oai",
    "oao",
    "oay",
    "oeo",
    "uây",
    "uôi",
    "uya",
    "uyê",
    "uyu",
    "ươi",
    "ươu",
    "yêu",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "oo",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uơ",
    "uy",
    "ưa",
    "ưi",
    "ưu",
    "ươ",
    "yê",
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
]
_CODAS = "ch|ng|nh|[cmnptk]"  # k: place names of the Central Highlands (Đắk Lắk)
_SYLLABLE = re.compile(f"^({_ONSETS})?({'|'.join(_NUCLEI)})({_CODAS})?$")


@lru_cache(maxsize=4096)
def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is spelt like a Vietnamese syllable (at most one tone mark; onset,
    vowel group, final consonant). Case does not matter."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return bool(_SYLLABLE.match(base))


# -- converting --------------------------------------------------------------------------------


def _decode_token(token: str, table: _Table, capitals: bool | None) -> str:
    out: list[str] = []
    i = 0
    decode = table.decode
    while i < len(token):
        for size in range(table.longest, 0, -1):
            piece = token[i : i + size]
            if len(piece) == size and piece in decode:
                out.append(decode[piece])
                i += size
                break
        else:
            out.append(token[i])
            i += 1
    word = "".join(out)
    if table.encoding == "tcvn3":
        # a word of capitals ("LËP") was written with the capital font .VnTimeH; "Tù" was not
        ascii_letters = [ch for ch in token if ch.isascii() and ch.isalpha()]
        if capitals or (
            capitals is None and len(ascii_letters) >= 2 and all(ch.isupper() for ch in ascii_letters)
        ):
            word = word.upper()
    return unicodedata.normalize("NFC", word)


@dataclass(frozen=True)
class Detection:
    encoding: Encoding
    #: the text converted to Unicode (NFC)
    converted: str
    #: words that were not Vietnamese and are after conversion
    evidence: int
    #: the words converted, before and after
    words: tuple[tuple[str, str], ...]
    #: words that read as Vietnamese before and were converted all the same (a tie-breaker)
    rewritten: int = 0

    @property
    def name(self) -> str:
        return ENCODING_NAMES[self.encoding]


def _in_capitals(text: str) -> bool:
    """Whether a TCVN3 text was typed in the capital font: its ASCII letters are capitals."""
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _spans(text: str, table: _Table, capitals: bool | None) -> list[tuple[int, int, str, str]]:
    """The words of ``text`` that could be mojibake of ``table``'s encoding: ``(start, end, word,
    decoded)``. VISCII writes "Õ" with the byte of a no-break space: a no-break space is a letter
    only where the word it is in converts to Vietnamese, otherwise it separates words."""
    spans: list[tuple[int, int, str, str]] = []
    if capitals is None and table.encoding == "tcvn3" and _in_capitals(text):
        capitals = True
    for match in _TOKEN_RE[table.encoding].finditer(text):
        token, start = match.group(0), match.start()
        decoded = _decode_token(token, table, capitals)
        if "\u00a0" in token and not _is_vietnamese(decoded):
            offset = start
            for part in token.split("\u00a0"):
                if part:
                    spans.append((offset, offset + len(part), part, _decode_token(part, table, capitals)))
                offset += len(part) + 1
            continue
        spans.append((start, match.end(), token, decoded))
    return spans


def _is_vietnamese(text: str) -> bool:
    """Every word a Vietnamese syllable, written in lowercase, capitalised or in capitals."""
    words = _WORD_RE.findall(text)
    return bool(words) and all(
        is_vietnamese_syllable(word) and (word.islower() or word.isupper() or word.istitle())
        for word in words
    )


def _replace(text: str, spans: list[tuple[int, int, str, str]], keep: set[int]) -> str:
    out: list[str] = []
    position = 0
    for index, (start, end, _word, decoded) in enumerate(spans):
        if index in keep:
            out.append(text[position:start])
            out.append(decoded)
            position = end
    out.append(text[position:])
    return unicodedata.normalize("NFC", "".join(out))


def _analyse(text: str, encoding: Encoding, capitals: bool | None) -> Detection | None:
    table = TABLES[encoding]
    gain = 0
    candidates: dict[int, bool] = {}  # span index → was it Vietnamese before
    spans = _spans(text, table, capitals)
    for index, (_start, _end, word, decoded) in enumerate(spans):
        if decoded == word or not any(ch in table.possible for ch in word) or not _is_vietnamese(decoded):
            continue
        was_vietnamese = word.isalpha() and _is_vietnamese(word)
        candidates[index] = was_vietnamese
        if not was_vietnamese and any(ch.isascii() for ch in word):
            gain += 1  # a lone sign ("©", "§") converts to a one-letter word too easily to count
    if not gain:
        return None
    # Words with Vietnamese letters the encoding does not use ("Hội") are Unicode: in a text that
    # has them, a word that reads as Vietnamese either way ("có" typed in Unicode, TCVN3 for "cú")
    # is converted only inside a run of mojibake (no Unicode word between it and a converted one).
    signals = sorted(
        [
            (m.start(), False)
            for m in _WORD_RE.finditer(text)
            if any(ch in VIETNAMESE_LETTERS and ch not in table.possible for ch in m.group(0))
        ]
        + [(spans[i][0], True) for i, was in candidates.items() if not was]
    )
    keep = set()
    for index, was in candidates.items():
        if not was:
            keep.add(index)
            continue
        start = spans[index][0]
        before = [mojibake for position, mojibake in signals if position < start]
        after = [mojibake for position, mojibake in signals if position > start]
        if (not before or before[-1]) and (not after or after[0]):
            keep.add(index)
    words = tuple((spans[i][2], spans[i][3]) for i in sorted(keep))
    rewritten = sum(1 for i in keep if candidates[i])
    return Detection(encoding, _replace(text, spans, keep), gain, words, rewritten)


def detect(text: str, *, capitals: bool | None = None) -> Detection | None:
    """The legacy encoding ``text`` is mojibake of, with the text converted, or ``None``."""
    if not text or not _SUSPECT.search(text):
        return None
    found = [d for d in (_analyse(text, e, capitals) for e in ENCODINGS) if d is not None]
    if not found:
        return None
    # most words made Vietnamese; on a tie, the reading that rewrote fewer words that already were
    return max(found, key=lambda d: (d.evidence, -d.rewritten))


def convert(text: str, encoding: Encoding, *, capitals: bool | None = None) -> str:
    """``text`` read as mojibake of ``encoding``, in Unicode NFC: every word made of ASCII letters
    and the encoding's characters is converted."""
    spans = _spans(text, TABLES[encoding], capitals)
    return _replace(text, spans, set(range(len(spans))))


def to_mojibake(text: str, encoding: Encoding) -> str:
    """How ``text`` (Unicode) looks when typed in ``encoding``'s fonts and copied out as Unicode:
    the inverse of :func:`convert`, for tests and examples. TCVN3 capitals with a tone mark are
    written as the capital font does, with the lowercase code point."""
    out: list[str] = []
    if encoding == "vni":
        for ch in unicodedata.normalize("NFC", text):
            code = VNI.get(ch)
            out.append("".join(windows_char(b) for b in code) if code else ch)
        return "".join(out)
    reverse = {ch: b for b, ch in (TCVN3 if encoding == "tcvn3" else VISCII).items()}
    for ch in unicodedata.normalize("NFC", text):
        if ch in reverse:
            out.append(windows_char(reverse[ch]))
        elif encoding == "tcvn3" and ch.lower() in reverse:
            out.append(windows_char(reverse[ch.lower()]))  # .VnTimeH: capital drawn from lowercase
        else:
            out.append(ch)
    return "".join(out)
