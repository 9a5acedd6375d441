"""Whether the language versions of a draft agree: the language-integrity findings of
:func:`~mou_drafter.model.validation.validate_draft`, each with the path of the text it is about.

========================  ==========  ======================================================
code                      severity    finding
========================  ==========  ======================================================
``wrong-script``          error       Thai letters in a Lao text, convertible letter by letter
                                      (the issue carries the fix)
``wrong-script``          warning     Thai letters without a single Lao counterpart; a Lao
                                      text without Lao letters; Lao letters in a Vietnamese
                                      or English text
``legacy-encoding``       warning     TCVN3/VNI/VISCII mojibake (the issue carries the fix)
``stale-translation``     warning     another language changed after this one was written
``number-mismatch``       warning     figures, dates, amounts of one language missing in another
``name-mismatch``         warning     a party, place or person named in one language and none
                                      of its names in another
``terminology``           info        a term of the approved list without its equivalent
========================  ==========  ======================================================

The script and encoding checks look at every text in every language it has; the comparisons
look at the draft's document languages and compare each text with the same text in the first
document language that has it (the source, usually Vietnamese), so a wrong translation is
flagged on the translation, naming both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from ..folders import data_dir
from ..language import fingerprints, legacy, numbers, scripts
from ..language.matcher import PhraseMatcher, contains, normalise
from ..language.terms import TERMS_FILE, TermList, load_term_list
from .draft import LANGUAGES, Draft, LocalizedText
from .validation import Issue, _texts

#: Texts that define names rather than mention them: compared by the name check only as sources.
_NAME_FIELDS = re.compile(r"^(parties\[\d+\]|minutes\.delegations\[\d+\]|minutes\.conference\.title$)")
#: Words of administrative units around a name ("huyện Đăk Glei" is also "Đăk Glei").
_UNIT_WORDS = {
    "vi": ("thành phố", "thị xã", "thị trấn", "huyện", "tỉnh", "xã", "quận", "phường", "bản"),
    "lo": ("ນະຄອນຫຼວງ", "ນະຄອນ", "ເມືອງ", "ແຂວງ", "ບ້ານ"),
    "en": ("district", "province", "city", "village", "commune", "town", "the"),
}
_MIN_NAME = 3  # shorter names ("Lào") are too common to say anything


def _shown(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- single texts: scripts and encodings -------------------------------------------------------
# Findings about one value are computed with the path left empty and cached by value: a draft is
# checked again after every edit, and most of its texts have not changed.


@lru_cache(maxsize=32768)
def _value_findings(lang: str, value: str) -> tuple[Issue, ...]:
    return (*_script(lang, value), *_encoding(lang, value))


def _script(lang: str, value: str) -> Iterator[Issue]:
    if lang == "lo":
        thai = scripts.thai_letters(value)
        if thai:
            fixed = scripts.thai_to_lao(value)
            if fixed is not None:
                yield Issue(
                    "error",
                    "",
                    "wrong-script",
                    value=" ".join(thai[:8]),
                    lang=lang,
                    variant="thai",
                    fix=fixed,
                )
            else:
                yield Issue(
                    "warning",
                    "",
                    "wrong-script",
                    value=" ".join(scripts.unmappable_thai(value)),
                    lang=lang,
                    variant="thai-unmapped",
                )
        elif scripts.foreign_letters(value) and not scripts.has_lao_letters(value):
            yield Issue("warning", "", "wrong-script", lang=lang, variant="no-lao")
    elif scripts.has_lao_letters(value):
        yield Issue("warning", "", "wrong-script", lang=lang, variant="lao")


def _encoding(lang: str, value: str) -> Iterator[Issue]:
    found = legacy.detect(value)
    if found is not None:
        sample = next((before for before, _after in found.words), value)
        yield Issue(
            "warning",
            "",
            "legacy-encoding",
            value=found.name,
            value2=_shown(sample, 24),
            lang=lang,
            fix=found.converted,
        )


# -- names of the draft -------------------------------------------------------------------------


def _name_variants(text: str, lang: str) -> dict[str, str]:
    """A name and the name without the word of its administrative unit ("huyện Đăk Glei",
    "Đăk Glei"), each at least a few letters long: normalised form → as written."""
    name = " ".join(text.split())
    variants = {name}
    lowered = name.casefold()
    for word in _UNIT_WORDS[lang]:
        if lang == "lo":
            if name.startswith(word):
                variants.add(name[len(word) :].strip())
        else:
            if lowered.startswith(word + " "):
                variants.add(name[len(word) + 1 :])
            if lowered.endswith(" " + word):
                variants.add(name[: -len(word) - 1])
    return {normalise(v): v for v in variants if len(v) >= _MIN_NAME}


class _Names:
    """The parties (name and short name together), their places and the people of a draft, each
    with its names per language."""

    @staticmethod
    def entities(draft: Draft) -> list[tuple[str, list[LocalizedText]]]:
        entities: list[tuple[str, list[LocalizedText]]] = []
        for i, party in enumerate(draft.parties):
            entities += [
                (f"party{i}", [party.name, party.short_name]),
                (f"place{i}", [party.locality]),
                (f"person{i}", [party.representative.name]),
            ]
        if draft.minutes is not None:
            for i, delegation in enumerate(draft.minutes.delegations):
                people = [delegation.head.name, *(member.name for member in delegation.members)]
                entities += [(f"delegate{i}.{j}", [name]) for j, name in enumerate(people)]
        return entities

    @classmethod
    def signature(cls, draft: Draft) -> tuple:
        return tuple((key, tuple((t.vi, t.lo, t.en) for t in texts)) for key, texts in cls.entities(draft))

    def __init__(self, draft: Draft) -> None:
        entities = self.entities(draft)
        #: findings of texts compared with these names, by (languages, term list) and values
        self.compared: dict[tuple, dict[tuple, list[Issue]]] = {}
        self._found: dict[tuple[str, str], dict[str, str]] = {}
        self.names: dict[str, dict[str, set[str]]] = {}
        self.shown: dict[str, str] = {}  # normalised name → as written
        for key, texts in entities:
            self.names[key] = {lang: set() for lang in LANGUAGES}
            for text in texts:
                for lang in LANGUAGES:
                    if text.get(lang):
                        variants = _name_variants(text.get(lang), lang)
                        self.names[key][lang] |= set(variants)
                        self.shown.update(variants)
        self.matchers = {
            lang: PhraseMatcher(
                ((name, key) for key, names in self.names.items() for name in names[lang]),
                words_only=lang != "lo",
            )
            for lang in LANGUAGES
        }

    def found(self, text: str, lang: str) -> dict[str, str]:
        """Entities named in ``text``, each with the name found."""
        out = self._found.get((text, lang))
        if out is None:
            out = {}
            for phrase, keys in self.matchers[lang].found(text).items():
                for key in keys:
                    out.setdefault(str(key), self.shown.get(phrase, phrase))
            if len(self._found) > 32768:
                self._found.clear()
            self._found[(text, lang)] = out
        return out

    def mentions(self, text: str, key: str, lang: str) -> bool:
        """Whether ``text`` names ``key`` in ``lang`` (also inside a longer name)."""
        return contains(text, self.names[key][lang], words_only=lang != "lo")

    def longest(self, key: str, lang: str) -> str:
        """The longest name of ``key`` in ``lang``, as written."""
        return self.shown.get(max(self.names[key][lang], key=len, default=""), "")


# -- comparisons between the languages of one text ----------------------------------------------


def _compare(
    values: tuple[str, ...], langs: tuple[str, ...], names: _Names, terms: TermList, free: bool
) -> list[Issue]:
    """Number, name and term findings of one text (``values`` in :data:`LANGUAGES` order), each
    with its path relative to the text (``.lo``)."""
    text = dict(zip(LANGUAGES, values, strict=True))
    present = [lang for lang in langs if text[lang].strip()]
    if len(present) < 2:
        return []
    out: list[Issue] = []
    source = present[0]
    src = text[source]
    src_numbers = numbers.number_set(src)
    src_names = names.found(src, source) if free else {}
    src_terms = terms.found(src, source) if terms else frozenset()
    for lang in present[1:]:
        value = text[lang]
        mine = numbers.number_set(value)
        if mine != src_numbers:
            out.append(
                Issue(
                    "warning",
                    f".{lang}",
                    "number-mismatch",
                    lang=lang,
                    other=source,
                    value=", ".join(_sorted(src_numbers - mine)) or "—",
                    value2=", ".join(_sorted(mine - src_numbers)) or "—",
                )
            )
        if free:
            my_names = names.found(value, lang)
            for key, phrase in src_names.items():
                if names.names[key][lang] and key not in my_names and not names.mentions(value, key, lang):
                    out.append(
                        Issue(
                            "warning",
                            f".{lang}",
                            "name-mismatch",
                            lang=lang,
                            other=source,
                            value=phrase,
                            value2=names.longest(key, lang),
                        )
                    )
            for key, phrase in my_names.items():
                if names.names[key][source] and key not in src_names and not names.mentions(src, key, source):
                    out.append(
                        Issue(
                            "warning",
                            f".{source}",
                            "name-mismatch",
                            lang=source,
                            other=lang,
                            value=phrase,
                            value2=names.longest(key, source),
                        )
                    )
        if terms:
            out.extend(_terms(src, source, src_terms, value, lang, terms))
    return out


def _terms(
    src: str, source: str, src_found: frozenset[int], value: str, lang: str, terms: TermList
) -> Iterator[Issue]:
    my_found = terms.found(value, lang)
    for index in sorted(src_found - my_found):
        term = terms.terms[index]
        if term.get(lang) and not terms.present(value, index, lang):
            yield Issue(
                "info",
                f".{lang}",
                "terminology",
                lang=lang,
                other=source,
                value=term.get(source)[0],
                value2=term.label(lang),
            )
    for index in sorted(my_found - src_found):
        term = terms.terms[index]
        if term.get(source) and not terms.present(src, index, source):
            yield Issue(
                "info",
                f".{source}",
                "terminology",
                lang=source,
                other=lang,
                value=term.get(lang)[0],
                value2=term.label(source),
            )


def _sorted(values: frozenset[str]) -> list[str]:
    def key(value: str) -> tuple[float, str]:
        try:
            return (float(value), value)
        except ValueError:
            return (float("inf"), value)

    return sorted(values, key=key)


def _stale(path: str, text: LocalizedText, langs: list[str]) -> Iterator[Issue]:
    values = {lang: getattr(text, lang) for lang in LANGUAGES}
    for lang, others in fingerprints.stale(values, text.seen, langs).items():
        yield Issue("warning", f"{path}.{lang}", "stale-translation", lang=lang, other=",".join(others))


# -- the whole draft -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _builtin_terms(mtime: float) -> TermList:
    return load_term_list([("built-in", data_dir("templates"))])


def builtin_terms() -> TermList:
    """The term list shipped with the app (``templates/terms.csv``)."""
    path = data_dir("templates") / TERMS_FILE
    return _builtin_terms(path.stat().st_mtime if path.exists() else 0.0)


def _at(path: str, issue: Issue) -> Issue:
    return replace(issue, path=path + issue.path)


#: The names of the last drafts checked, with the findings of their texts by value (see _Names).
_NAMES_CACHE: dict[tuple, _Names] = {}


def _names_of(draft: Draft) -> _Names:
    key = _Names.signature(draft)
    names = _NAMES_CACHE.get(key)
    if names is None:
        if len(_NAMES_CACHE) >= 4:
            _NAMES_CACHE.clear()
        names = _NAMES_CACHE[key] = _Names(draft)
    return names


def check_language(draft: Draft, *, terms: TermList | None = None) -> list[Issue]:
    """The language-integrity findings of ``draft`` (see the table above), in form order.

    Findings of a text are cached by its values (with the draft's names, languages and term list),
    so checking a draft again after an edit costs little more than walking it."""
    terms = builtin_terms() if terms is None else terms
    langs = tuple(draft.languages)
    names = _names_of(draft)
    compared = names.compared.setdefault((langs, id(terms)), {})
    if len(compared) > 32768:
        compared.clear()
    issues: list[Issue] = []
    for path, text in _texts(draft, ""):
        values = (text.vi, text.lo, text.en)
        for lang, value in zip(LANGUAGES, values, strict=True):
            if value and not value.isspace():
                issues.extend(_at(f"{path}.{lang}", issue) for issue in _value_findings(lang, value))
        if text.seen:
            issues.extend(_stale(path, text, list(langs)))
        free = not _NAME_FIELDS.match(path)
        key = (values, free)
        found = compared.get(key)
        if found is None:
            found = compared[key] = _compare(values, langs, names, terms, free)
        issues.extend(_at(path, issue) for issue in found)
    return issues
