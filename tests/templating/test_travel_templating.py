"""Issue 14 in the template layer: optional clauses (declared by a version, chosen by the draft,
numbered in order, linted in every language), the traced rendering that tells typed text from
template wording, and per-draft overrides of a clause's wording merged word by word."""

from __future__ import annotations

import shutil

import pytest

from mou_drafter.errors import TemplateError
from mou_drafter.model.draft import ClauseOverride
from mou_drafter.model.files import load_draft
from mou_drafter.templating.engine import Export, build_document
from mou_drafter.templating.library import TemplateLibrary, read_manifest
from mou_drafter.templating.lint import lint_path
from mou_drafter.templating.overrides import merge
from mou_drafter.templating.trace import traced_clauses
from tests.conftest import ROOT
from tests.templating.test_lint import edit

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"
#: The optional clauses shipped (issue 14): at least four across the two kinds.
SHIPPED = {"mou@1.3": ["confidentiality", "amendment"], "minutes@1.2": ["implementation", "difficulties"]}


def articles(document, lang):
    return [(b.id, b.number) for b in document.texts[lang] if b.kind == "article"]


@pytest.mark.parametrize(("ref", "names"), SHIPPED.items())
def test_the_shipped_versions_declare_optional_clauses_with_titles_in_every_language(ref, names):
    name, version = ref.split("@")
    manifest = read_manifest(ROOT / "templates" / name / version)
    assert list(manifest.optional) == names
    assert all(
        set(titles) == {"vi", "lo", "en"} and all(titles.values()) for titles in manifest.optional.values()
    )
    # released versions stay as they were: no optional clauses there
    assert read_manifest(ROOT / "templates" / "mou" / "1.2").optional == {}


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_optional_articles_of_a_mou_are_numbered_in_order(lang):
    draft = load_draft(MOU).model_copy(update={"template": "mou@1.3"})
    plain = articles(build_document(draft, [lang]), lang)
    # without optional clauses mou@1.3 is mou@1.2, word for word
    before = build_document(draft.model_copy(update={"template": "mou@1.2"}), [lang])
    assert [b.lines for b in build_document(draft, [lang]).texts[lang]] == [
        b.lines for b in before.texts[lang]
    ]
    chosen = draft.model_copy(update={"optional_clauses": ["confidentiality", "amendment"]})
    document = build_document(chosen, [lang])
    numbered = articles(document, lang)
    ids = [cid for cid, _n in numbered]
    assert ids.index("opt.confidentiality") == ids.index("art.implementation") + 1
    assert ids.index("opt.amendment") == ids.index("art.disputes") + 1
    assert [n for _cid, n in numbered] == list(range(1, len(plain) + 3))  # the articles after them move on
    assert dict(numbered)["art.duration"] == dict(plain)["art.duration"] + 2
    # with its own amendment article, the disputes article speaks of disputes only
    disputes = next(b for b in document.texts[lang] if b.id == "art.disputes.1").text
    assert disputes.count(".") == 1


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_optional_sections_of_minutes_are_numbered_in_order(lang):
    draft = load_draft(MINUTES).model_copy(update={"template": "minutes@1.2"})
    headings = {
        b.id: b.text.split(".")[0] for b in build_document(draft, [lang]).texts[lang] if b.kind == "heading"
    }
    chosen = draft.model_copy(update={"optional_clauses": ["difficulties", "implementation"]})
    numbered = {
        b.id: b.text.split(".")[0] for b in build_document(chosen, [lang]).texts[lang] if b.kind == "heading"
    }
    assert headings["sec.next"] == "V" and numbered["opt.implementation"] == "V"
    assert numbered["opt.difficulties"] == "VI" and numbered["sec.next"] == "VII"
    assert list(numbered).index("opt.implementation") < list(numbered).index(
        "opt.difficulties"
    )  # template order


def write_optional_version(tmp_path):
    folder = tmp_path / "mou" / "1.3"
    shutil.copytree(ROOT / "templates" / "mou" / "1.3", folder)
    return folder


def test_lint_finds_an_optional_clause_missing_in_a_language_unguarded_or_undeclared(tmp_path):
    folder = write_optional_version(tmp_path)
    assert lint_path(folder) == []
    lo, en = folder / "lo.j2", folder / "en.j2"
    edit(lo, "@article id=opt.confidentiality", "@article id=opt.secrecy")
    text = en.read_text(encoding="utf-8")
    en.write_text(
        text.replace('"amendment" in draft.optional_clauses', "true").replace(
            '"amendment" not in draft.optional_clauses', "false"
        ),
        encoding="utf-8",
    )
    text = "\n".join(str(f) for f in lint_path(folder))
    assert f"{lo}:1: optional clause 'confidentiality' (clause id 'opt.confidentiality') is missing" in text
    assert (
        "clause id 'opt.secrecy' is an optional clause 'secrecy' that manifest.toml does not declare" in text
    )
    assert f"{en}:1: optional clause 'amendment' is not guarded" in text


def test_a_manifest_needs_a_title_in_every_language_for_each_optional_clause(tmp_path):
    folder = write_optional_version(tmp_path)
    edit(folder / "manifest.toml", 'lo = "ການຮັກສາຄວາມລັບ"\n', "")
    with pytest.raises(TemplateError, match=r"\[optional.confidentiality\] has no title in lo"):
        read_manifest(folder)
    assert "has no title in lo" in str(lint_path(folder)[0])


# -- tracing: where each part of a clause's text came from ------------------------------------------


def test_traced_clauses_tell_typed_text_from_computed_text_and_template_wording():
    draft = load_draft(MINUTES)
    traced = traced_clauses(draft, ["vi", "lo"], Export("side-by-side", ("vi", "lo")))
    plain = build_document(draft, ["vi", "lo"])
    for lang in ("vi", "lo"):
        for block in plain.texts[lang]:
            assert traced[(block.id, lang)].text == plain.clause_text(block)  # the same text
    intro = traced[("intro", "vi")]
    spans = {(intro.text[s.start : s.end], s.source, s.path) for s in intro.values}
    assert ("Ngày 23 tháng 11 năm 2023", "computed", "") in spans  # a date, formatted
    assert ("huyện Đăk Glei, tỉnh Kon Tum", "field", "minutes.conference.venue.vi") in spans
    assert ("18", "computed", "") in spans
    signer = traced[("sig.dakglei", "vi")]
    authority = next(s for s in signer.values if s.path == "minutes.delegations[0].head.authority.vi")
    assert (
        authority.reshaped and signer.text[authority.start : authority.end].isupper()
    )  # printed in capitals
    # a macro's output around a field covering the same characters: the field is the innermost
    point = traced[("agreed.1.1", "lo")]
    inner = [s for s in point.values if s.start <= 5 < s.end][-1]
    assert (inner.source, inner.path, inner.reshaped) == ("field", "minutes.agreed[0].points[0].lo", True)


# -- overrides --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "mine", "theirs", "expected"),
    [
        ("a b c d", "a b c d", "a B c d", "a B c d"),  # unchanged clause: the edited wording
        ("a b c d", "a X c d", "a b c Y", "a X c Y"),  # a typed text changed elsewhere: both
        ("a b c d", "a X c d", "a Z c d", None),  # edited where the typed text changed
        ("a b c", "a X c", "a b, c", None),  # right next to it
        ("a b c d", "a b c d e", "a b c d", "a b c d e"),  # nothing edited
        (
            "ສາມຝ່າຍຮ່ວມມືກັນ ເພື່ອອັນຍາວນານ",
            "ສອງຝ່າຍຮ່ວມມືກັນ ເພື່ອອັນຍາວນານ",
            "ສາມຝ່າຍຮ່ວມມືກັນ ເພື່ອອັນດີງາມ",
            "ສອງຝ່າຍຮ່ວມມືກັນ ເພື່ອອັນດີງາມ",
        ),  # Lao, word by word
    ],
)
def test_merge(base, mine, theirs, expected):
    lang = "lo" if "ສ" in base else "vi"
    assert merge(base, mine, theirs, lang) == expected


def test_overrides_apply_when_they_fit_and_are_reported_when_not(released):
    draft = load_draft(MOU)
    document = build_document(draft, ["vi", "lo"], library=released)
    clause = next(b for b in document.texts["vi"] if b.id == "art.funding.1")
    article = next(b for b in document.texts["lo"] if b.id == "art.areas")
    heading = document.clause_text(article)
    draft.overrides = [
        ClauseOverride(
            clause="art.funding.1",
            lang="vi",
            before=clause.text,
            after=clause.text.replace("tự bảo đảm", "tự lo"),
        ),
        ClauseOverride(clause="art.areas", lang="lo", before=heading, after=heading + " ທັງໝົດ"),
        ClauseOverride(clause="art.gone", lang="vi", before="x", after="y"),
        ClauseOverride(clause="art.funding.1", lang="en", before="x", after="y"),  # not rendered: not counted
    ]
    again = build_document(draft, ["vi", "lo"], library=released)
    assert next(b for b in again.texts["vi"] if b.id == "art.funding.1").text.startswith(
        "Mỗi Bên tự lo kinh phí"
    )
    assert next(b for b in again.texts["lo"] if b.id == "art.areas").lines == [article.text + " ທັງໝົດ"]
    assert again.unapplied_overrides == [2]
    # an article's number is not wording: an edit that renumbers it does not fit
    draft.overrides = [
        ClauseOverride(clause="art.areas", lang="lo", before=heading, after=heading.replace("2.", "9.", 1))
    ]
    assert build_document(draft, ["lo"], library=released).unapplied_overrides == [0]


def test_a_library_with_the_optional_versions_offers_them_to_new_drafts(tmp_path):
    library = TemplateLibrary([("built-in", ROOT / "templates")])
    assert library.newest("mou").manifest.optional and library.newest("minutes").manifest.optional
