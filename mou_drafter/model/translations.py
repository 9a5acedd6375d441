"""Recording when each language of a text was written or confirmed (draft format 4), so a
translation left behind by a change in another language is flagged as ``stale-translation``.

The rules are :mod:`mou_drafter.language.fingerprints`; this module applies them to the texts of
a draft by field path (``minutes.results[2].lo``). Tools that change a text should call
:func:`edit_text` (or record the state themselves); a text changed without it — in a text editor,
by a script — is what the fingerprints are there to notice.
"""

from __future__ import annotations

from ..language import fingerprints
from .draft import LANGUAGES, Draft, LocalizedText
from .paths import get_path
from .validation import _texts


def split_text_path(path: str) -> tuple[str, str]:
    """``"parties[0].name.lo"`` → ``("parties[0].name", "lo")``; ValueError for other paths."""
    base, _, lang = path.rpartition(".")
    if lang not in LANGUAGES or not base:
        raise ValueError(f"{path}: not the path of a text in one language (…vi, …lo or …en)")
    return base, lang


def text_at(draft: Draft, path: str) -> tuple[LocalizedText, str]:
    """The text holding the per-language field ``path`` and its language."""
    base, lang = split_text_path(path)
    text = get_path(draft, base)
    if not isinstance(text, LocalizedText):
        raise ValueError(f"{path}: not a text")
    return text, lang


def values(text: LocalizedText) -> dict[str, str]:
    return {lang: getattr(text, lang) for lang in LANGUAGES}


def record_after_edit(before: LocalizedText, lang: str, new_value: str) -> fingerprints.Seen:
    """The ``seen`` record of ``before`` once ``lang`` is changed to ``new_value`` (an edit typed key
    by key is one edit: pass the text as it was before the first key)."""
    return fingerprints.after_edit(values(before), before.seen, lang, new_value, LANGUAGES)


def record_after_confirm(text: LocalizedText, lang: str) -> fingerprints.Seen:
    """The ``seen`` record once the clerk confirmed that ``lang`` is still correct."""
    return fingerprints.after_confirm(values(text), text.seen, lang, LANGUAGES)


def stale_languages(text: LocalizedText, languages: list[str] | tuple[str, ...]) -> dict[str, list[str]]:
    """Stale languages of ``text`` among ``languages``, each with the languages that changed."""
    if not text.seen:
        return {}
    return fingerprints.stale(values(text), text.seen, languages)


def edit_text(draft: Draft, path: str, value: str) -> None:
    """Set the text at ``path`` (``parties[0].name.vi``) and record it as written now."""
    text, lang = text_at(draft, path)
    seen = record_after_edit(text, lang, value)
    setattr(text, lang, value)
    text.seen = seen


def confirm_translation(draft: Draft, path: str) -> None:
    """Record that the text at ``path`` is still correct (its stale flag goes away)."""
    text, lang = text_at(draft, path)
    text.seen = record_after_confirm(text, lang)


def record_all(draft: Draft) -> None:
    """Record every text of ``draft`` as agreed in all its languages (the state a reviewed draft,
    such as a shipped sample, is saved in)."""
    for _path, text in _texts(draft, ""):
        text.seen = fingerprints.baseline(values(text), LANGUAGES)
