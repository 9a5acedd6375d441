"""Interface translations (gettext catalogues in ``locale/<lang>.po``).

Source strings are English; the interface is Vietnamese by default, with English and Lao from the
View menu. The packaging build compiles the catalogues to ``.mo`` (``python -m
mou_drafter.gui.i18n compile``); without a compiled catalogue the ``.po`` file is read directly
with Babel. The interface language never changes the document languages.
"""

from __future__ import annotations

import gettext
import io
import sys
from pathlib import Path

from ..folders import LOCALE_DIR

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
        return gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    return gettext.NullTranslations()


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
