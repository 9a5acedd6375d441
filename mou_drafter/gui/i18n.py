"""Interface translations (gettext catalogues in ``locale/<lang>.po``).

Source strings are English; the interface is Vietnamese by default, with English and Lao from the
View menu. The packaging build compiles the catalogues to ``.mo`` (``python -m
mou_drafter.gui.i18n compile``); without a compiled catalogue the ``.po`` file is compiled with
Babel, once: the result is kept in the user's cache folder for the next starts (compiling takes
a noticeable part of the start). The interface language never changes the document languages.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
import sys
import tempfile
from pathlib import Path

from ..folders import LOCALE_DIR, cache_dir

UI_LANGUAGES = {"vi": "Tiếng Việt", "en": "English", "lo": "ພາສາລາວ"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_current = "en"


def _load(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    mo = LOCALE_DIR / f"{lang}.mo"
    po = LOCALE_DIR / f"{lang}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.exists():
        return gettext.GNUTranslations(io.BytesIO(compiled_po(po)))
    return gettext.NullTranslations()


def compiled_po(po: Path) -> bytes:
    """``po`` compiled, from the cache folder if this very file (its path, size and time) was
    compiled before; otherwise compiled now and kept there (a cache that cannot be written only
    costs the compiling)."""
    stat = po.stat()
    key = hashlib.sha256(f"{po.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:20]
    cached = cache_dir() / "catalogues" / f"{po.stem}-{key}.mo"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    data = compile_po(po)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
            os.replace(tmp, cached)  # another start never reads half of it
        except OSError:
            os.unlink(tmp)
            raise
    except OSError:
        pass
    return data


def compile_po(po: Path) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def set_language(lang: str) -> None:
    global _translation, _current
    _translation = _load(lang)
    _current = lang


def current_language() -> str:
    return _current


def _(message: str) -> str:
    return _translation.gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context``: a source string with two meanings ("Title": a person's
    job title, an area's name) has one context for each (``msgctxt`` in the catalogues)."""
    return _translation.pgettext(context, message)


#: The document languages, named in the interface language ("Tiếng Lào" in the Vietnamese interface).
LANGUAGE_NAMES = {"vi": lambda: _("Vietnamese"), "lo": lambda: _("Lao"), "en": lambda: _("English")}


def language_name(code: str) -> str:
    """A document language's name in the interface language."""
    name = LANGUAGE_NAMES.get(code)
    return name() if name is not None else code


def main(argv: list[str]) -> int:
    if argv[:1] == ["compile"]:
        for po in sorted(LOCALE_DIR.glob("*.po")):
            po.with_suffix(".mo").write_bytes(compile_po(po))
            print(po.with_suffix(".mo"))
        return 0
    print("usage: python -m mou_drafter.gui.i18n compile", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
