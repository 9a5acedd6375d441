"""Stale translations: which language is behind which, through edits, confirmations and undo."""

from mou_drafter.language.fingerprints import after_confirm, after_edit, baseline, fingerprint, stale

LANGS = ("vi", "lo", "en")
TEXT = {"vi": "20 suất học bổng", "lo": "ທຶນການສຶກສາ 20 ທຶນ", "en": "20 scholarships"}


def edit(text, seen, lang, value):
    return dict(text, **{lang: value}), after_edit(text, seen, lang, value, LANGS)


def test_fingerprints_are_short_and_ignore_case_and_spacing():
    assert len(fingerprint("Hà Nội")) == 8 and fingerprint("Hà  Nội ") == fingerprint("hà nội")
    assert fingerprint("") == "" and fingerprint("Hà Nội") != fingerprint("Hà Nam")


def test_a_change_flags_the_other_languages_until_edited_or_confirmed():
    seen = baseline(TEXT, LANGS)
    assert stale(TEXT, seen, LANGS) == {}
    text, seen = edit(TEXT, seen, "vi", "25 suất học bổng")
    assert stale(text, seen, LANGS) == {"lo": ["vi"], "en": ["vi"]}
    # translating the Lao text follows the Vietnamese one: the Vietnamese text is not flagged back
    text, seen = edit(text, seen, "lo", "ທຶນການສຶກສາ 25 ທຶນ")
    assert stale(text, seen, LANGS) == {"en": ["vi", "lo"]}
    seen = after_confirm(text, seen, "en", LANGS)
    assert stale(text, seen, LANGS) == {}
    # a later change of the Lao text flags the others again
    text, seen = edit(text, seen, "lo", "ທຶນການສຶກສາ 30 ທຶນ")
    assert stale(text, seen, LANGS) == {"vi": ["lo"], "en": ["lo"]}


def test_changing_back_clears_the_flag_and_other_tools_are_noticed():
    seen = baseline(TEXT, LANGS)
    changed = dict(TEXT, vi="30 suất học bổng")  # edited in a text editor: no record written
    assert stale(changed, seen, LANGS) == {"lo": ["vi"], "en": ["vi"]}
    assert stale(TEXT, seen, LANGS) == {}


def test_no_record_no_flags_and_a_first_translation_flags_nothing():
    assert stale(TEXT, {}, LANGS) == {}
    # the first edit of a text without a record takes the state before it as agreed
    text, seen = edit(TEXT, {}, "en", "25 scholarships")
    assert stale(text, seen, LANGS) == {"vi": ["en"], "lo": ["en"]}
    empty = {"vi": "", "lo": "", "en": ""}
    text, seen = edit(empty, {}, "vi", "Hà Nội")
    text, seen = edit(text, seen, "lo", "ຮ່າໂນ້ຍ")
    assert stale(text, seen, LANGS) == {}
    text, seen = edit(text, seen, "vi", "Thành phố Hà Nội")
    assert stale(text, seen, LANGS) == {"lo": ["vi"]}
