"""ICU word boundaries through ICU's C API (ctypes), from the ICU library already on the machine.

Lao is written without spaces between words; ICU's word break iterator carries a Lao dictionary.
Instead of a second copy of ICU (a Python binding ships its own ~40 MB of ICU data), this loads
the ICU that the Qt wheels bundle (``PySide6/Qt/lib/libicuuc.so.*`` on Linux), or the system's
(``icu.dll`` on Windows 10 1903 and later, ``libicuuc`` elsewhere). Only the ICU library is
loaded: no Qt module is imported. ICU suffixes its C symbols with the major version
(``ubrk_open_73``) unless built without renaming (Windows' ``icu.dll``); both are handled.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import sys
from functools import lru_cache
from pathlib import Path

UBRK_WORD = 1
UBRK_DONE = -1


class _Icu:
    def __init__(self, library: ctypes.CDLL, suffix: str, origin: str) -> None:
        self.origin = origin

        def fn(name: str, restype, *argtypes):
            func = getattr(library, name + suffix)
            func.restype = restype
            func.argtypes = list(argtypes)
            return func

        self.open = fn(
            "ubrk_open",
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_void_p,
            ctypes.c_int32,
            ctypes.POINTER(ctypes.c_int),
        )
        self.first = fn("ubrk_first", ctypes.c_int32, ctypes.c_void_p)
        self.next = fn("ubrk_next", ctypes.c_int32, ctypes.c_void_p)
        self.close = fn("ubrk_close", None, ctypes.c_void_p)

    def boundaries(self, text: str, locale: str) -> list[int]:
        """Word boundaries of ``text`` as indexes into the Python string."""
        data = text.encode("utf-16-le")
        units = len(data) // 2
        buffer = ctypes.create_string_buffer(data, len(data) + 2)
        status = ctypes.c_int(0)
        breaker = self.open(UBRK_WORD, locale.encode("ascii"), buffer, units, ctypes.byref(status))
        if status.value > 0 or not breaker:
            raise OSError(f"ICU ubrk_open failed with status {status.value}")
        try:
            positions = [self.first(breaker)]
            while True:
                position = self.next(breaker)
                if position == UBRK_DONE:
                    break
                positions.append(position)
        finally:
            self.close(breaker)
        if units == len(text):
            return positions
        # UTF-16 code units -> Python indexes (characters outside the BMP take two units)
        index_of, unit = {}, 0
        for index, char in enumerate(text):
            index_of[unit] = index
            unit += 2 if ord(char) > 0xFFFF else 1
        index_of[unit] = len(text)
        return [index_of[p] for p in positions if p in index_of]


def _candidates() -> list[Path | str]:
    out: list[Path | str] = []
    roots = []
    if getattr(sys, "frozen", False):
        roots.append(Path(getattr(sys, "_MEIPASS", "")) / "PySide6")
    spec = importlib.util.find_spec("PySide6")  # locates the package without importing it
    if spec and spec.submodule_search_locations:
        roots.extend(Path(p) for p in spec.submodule_search_locations)
    for root in roots:
        out.extend(sorted((root / "Qt" / "lib").glob("libicuuc.so.*"), reverse=True))
        out.extend(sorted(root.glob("icuuc*.dll"), reverse=True))
    if os.name == "nt":
        out.extend(["icu.dll", "icuuc.dll"])
    found = ctypes.util.find_library("icuuc")
    if found:
        out.append(found)
    return out


def _suffixes(path: Path | str) -> list[str]:
    name = Path(str(path)).name
    digits = name.split(".so.")[-1].split(".")[0] if ".so." in name else ""
    guesses = ["", f"_{digits}"] if digits.isdigit() else [""]
    return guesses + [f"_{v}" for v in range(90, 49, -1) if f"_{v}" not in guesses]


@lru_cache(maxsize=1)
def load_icu() -> _Icu | None:
    for candidate in _candidates():
        try:
            library = ctypes.CDLL(str(candidate))
        except OSError:
            continue
        for suffix in _suffixes(candidate):
            try:
                icu = _Icu(library, suffix, str(candidate))
                icu.boundaries("ທົດສອບ", "lo")
                return icu
            except (AttributeError, OSError):
                continue
    return None
