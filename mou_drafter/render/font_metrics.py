"""Text widths and line heights of the default fonts, for fitting the printed page.

The DOCX renderer needs a few measurements Word and LibreOffice will only make when the file is
opened: how wide the national header lines are (each must stay on one line), how wide the longest
word of a table cell or signature title is (a Lao word must never be broken), and roughly how tall
a signature block is (to keep it with the closing clause without leaving half a page empty).

The widths are **precomputed** from the default fonts (``_font_metrics_data.py``), not read from the
fonts installed where the file is made: the file is printed on another computer than the one that
exports it, so measuring the exporting machine's fonts would measure the wrong thing, and the
output stays the same on every machine (and needs no font library in the installer). Times New
Roman's widths are those of Liberation Serif, its metric-compatible twin (same advance widths by
design); Phetsarath OT's are from the font Lao government offices use. For any other font named in
the settings the default font's widths are scaled by :data:`UNKNOWN_FONT_FACTOR`, a conservative
allowance (Arial and most sans-serif faces are 5-15 % wider than Times New Roman).

Regenerate the data from font files with ``python -m mou_drafter.render.font_metrics LATIN_REGULAR
LATIN_BOLD LATIN_ITALIC LAO`` (needs fontTools, a development-only tool).
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache
from typing import TypedDict

from . import _font_metrics_data as data

#: Factor applied to the default metrics for a font we have no metrics for.
UNKNOWN_FONT_FACTOR = 1.15
#: Allowance for synthetic bold (Phetsarath OT has no bold face) and for shaping differences
#: between Word and LibreOffice.
SAFETY = 1.04


class FontData(TypedDict):
    """The measurements of one face in ``_font_metrics_data.py``."""

    units_per_em: int
    #: Ascent plus descent, in em.
    line_em: float
    #: Width of a character the table lacks (the widest letter), in font units.
    fallback: int
    #: By style (``regular``, ``bold``, ``italic``): runs of advance widths, each a first code
    #: point and the widths from there on (-1: no glyph).
    widths: dict[str, list[tuple[int, list[int]]]]


_LATIN_NAMES = {"times new roman", "liberation serif", "tinos"}
_LAO_NAMES = {"phetsarath ot", "phetsarath"}


def _table(lao: bool, style: str) -> tuple[dict[int, int], int, int]:
    """(advance widths by code point, units per em, fallback width) of a default face."""
    font = data.LAO if lao else data.LATIN
    widths = _expanded(id(font), style if style in font["widths"] else "regular")
    return widths, font["units_per_em"], font["fallback"]


@lru_cache(maxsize=8)
def _expanded(font_id: int, style: str) -> dict[int, int]:
    font = data.LAO if font_id == id(data.LAO) else data.LATIN
    out: dict[int, int] = {}
    for start, values in font["widths"][style]:
        for offset, value in enumerate(values):
            if value >= 0:
                out[start + offset] = value
    return out


def font_factor(font_name: str, lao: bool) -> float:
    """What the default widths are multiplied by for ``font_name``: the safety allowance, and
    for a font we have no metrics for, UNKNOWN_FONT_FACTOR."""
    known = _LAO_NAMES if lao else _LATIN_NAMES
    return SAFETY * (1.0 if font_name.strip().lower() in known else UNKNOWN_FONT_FACTOR)


#: Characters that take no room on the line: combining marks and format characters (the
#: zero-width space, say).
_NO_ROOM = ("Mn", "Me", "Cf")


class CharWidths(dict[str, int]):
    """Advance widths in font units by character (not code point: a text's characters are looked
    up with no conversion) of one face of a default font. Combining marks and format characters
    take no room; a character the face lacks counts as its widest letter (``fallback``). A
    character first met is added."""

    def __init__(self, widths: dict[str, int], fallback: int) -> None:
        super().__init__(widths)
        self.fallback = fallback

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 0 if unicodedata.category(ch) in _NO_ROOM else self.fallback
        return width

    def units(self, text: str) -> int:
        """Width of ``text`` in font units. An integer: a line is exactly as wide as its words
        and spaces together, so it can be measured from the figures of its words."""
        return sum(map(self.__getitem__, text))  # one lookup per character, in C


def style_name(bold: bool = False, italic: bool = False) -> str:
    """The face of the default font a run is measured in: ``bold``, ``italic`` or ``regular``."""
    return "bold" if bold else "italic" if italic else "regular"


@lru_cache(maxsize=8)
def char_widths(lao: bool, style: str) -> CharWidths:
    """The advance widths of the default Latin or Lao face in ``style`` (:func:`style_name`);
    divide a width by :func:`units_per_em` for em, and multiply by the size in points."""
    widths, _units, fallback = _table(lao, style)
    return CharWidths(
        {
            chr(code): 0 if unicodedata.category(chr(code)) in _NO_ROOM else width
            for code, width in widths.items()
        },
        fallback,
    )


def units_per_em(lao: bool) -> int:
    """Font units to the em of the default Latin or Lao face."""
    return (data.LAO if lao else data.LATIN)["units_per_em"]


@lru_cache(maxsize=8)
def widest_char_em(lao: bool, bold: bool = False) -> float:
    """The widest character of the default face, in em: a text of n characters is at most n
    times this wide."""
    widths, units, fallback = _table(lao, "bold" if bold else "regular")
    return max([fallback, *widths.values()]) / units


def line_height_pt(size_pt: float, *, lao: bool) -> float:
    """Height of one single-spaced line at ``size_pt`` (ascent plus descent of the face)."""
    font = data.LAO if lao else data.LATIN
    return size_pt * font["line_em"]


# -- regeneration (development only) ---------------------------------------------------------------

_LATIN_RANGES = [
    (0x20, 0x7E),
    (0xA0, 0x1B0),
    (0x300, 0x323),
    (0x1EA0, 0x1EF9),
    (0x2010, 0x2026),
    (0x2030, 0x203A),
]
_LAO_RANGES = [(0x20, 0x7E), (0xA0, 0xA0), (0x2010, 0x2026), (0x0E80, 0x0EFF)]


def _measure(path: str, ranges: list[tuple[int, int]]) -> dict:
    from fontTools.ttLib import TTFont  # development-only dependency

    font = TTFont(path)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    out = []
    for start, end in ranges:
        values = []
        for code in range(start, end + 1):
            glyph = cmap.get(code)
            values.append(hmtx[glyph][0] if glyph is not None else -1)
        out.append((start, values))
    os2, hhea = font["OS/2"], font["hhea"]
    units = font["head"].unitsPerEm
    # Word lays lines out with the Windows ascent and descent, LibreOffice with hhea or typo metrics:
    # the larger of the two is the safe estimate.
    line = max(os2.usWinAscent + os2.usWinDescent, hhea.ascent - hhea.descent + hhea.lineGap)
    letters = [hmtx[cmap[c]][0] for c in range(0x41, 0x5B) if c in cmap] or [units]
    lao_letters = [hmtx[cmap[c]][0] for c in range(0x0E81, 0x0EAE) if c in cmap]
    return {
        "units_per_em": units,
        "line_em": round(line / units, 4),
        "widths": out,
        "fallback": max(letters + lao_letters),
    }


def regenerate(latin_regular: str, latin_bold: str, latin_italic: str, lao: str) -> str:
    """The source of ``_font_metrics_data.py`` measured from the given font files."""
    latin = _measure(latin_regular, _LATIN_RANGES)
    latin["widths"] = {
        "regular": latin["widths"],
        "bold": _measure(latin_bold, _LATIN_RANGES)["widths"],
        "italic": _measure(latin_italic, _LATIN_RANGES)["widths"],
    }
    lao_font = _measure(lao, _LAO_RANGES)
    lao_font["widths"] = {"regular": lao_font["widths"]}

    def dump(name: str, font: dict) -> str:
        lines = [
            f"{name}: FontData = {{",
            f'    "units_per_em": {font["units_per_em"]},',
            f'    "line_em": {font["line_em"]},',
            f'    "fallback": {font["fallback"]},',
            '    "widths": {',
        ]
        for style, ranges in font["widths"].items():
            lines.append(f'        "{style}": [')
            for start, values in ranges:
                lines.append(f"            (0x{start:04X}, {values!r}),")
            lines.append("        ],")
        lines += ["    },", "}"]
        return "\n".join(lines)

    return (
        '"""Advance widths (font units) of the default fonts; generated by\n'
        "``python -m mou_drafter.render.font_metrics`` from Liberation Serif 2 (Times New Roman's metric twin)\n"
        'and Phetsarath OT (Debian fonts-lao). Do not edit by hand."""\n\n'
        "from __future__ import annotations\n\nfrom typing import TYPE_CHECKING\n\n"
        "if TYPE_CHECKING:\n    from .font_metrics import FontData\n\n"
        "# fmt: off\n" + dump("LATIN", latin) + "\n\n" + dump("LAO", lao_font) + "\n"
    )


if __name__ == "__main__":  # pragma: no cover - development tool
    if len(sys.argv) != 5:
        sys.exit(
            "usage: python -m mou_drafter.render.font_metrics LATIN_REGULAR LATIN_BOLD LATIN_ITALIC LAO > data.py"
        )
    sys.stdout.write(regenerate(*sys.argv[1:]))
