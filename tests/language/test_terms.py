"""The approved term list: the built-in CSV, extended from the shared template folder, read with
clear errors, and used by the templates and samples."""

from __future__ import annotations

import pytest

from mou_drafter.api import TemplateLibrary, term_list
from mou_drafter.language.terms import TermListError, load_term_list, parse_terms
from mou_drafter.model.files import load_draft
from mou_drafter.model.validation import _texts
from tests.conftest import ROOT, SEEDS, run_cli


def corpus() -> dict[str, str]:
    """Every template file and sample text, per language."""
    parts: dict[str, list[str]] = {"vi": [], "lo": [], "en": []}
    for lang, texts in parts.items():
        texts += [path.read_text(encoding="utf-8") for path in (ROOT / "templates").glob(f"*/*/{lang}.j2")]
    for seed in SEEDS:
        for _path, text in _texts(load_draft(seed), ""):
            for lang, texts in parts.items():
                texts.append(getattr(text, lang))
    return {lang: "\n".join(texts) for lang, texts in parts.items()}


def test_the_built_in_list_has_sixty_terms_the_templates_and_samples_use():
    terms = term_list(TemplateLibrary([("built-in", ROOT / "templates")]))
    assert len(terms) >= 60
    text = corpus()
    for index, term in enumerate(terms):
        assert len(term.texts) == 3, term  # every starter term in all three languages
        for lang in ("vi", "lo", "en"):
            assert terms.present(text[lang], index, lang), (lang, term.get(lang))
    notes = {term.note for term in terms}
    for theme in (
        "parties",
        "administrative title",
        "border",
        "patrol",
        "scholarship",
        "remains of volunteer soldiers",
        "friendship construction",
        "originals",
        "equally authentic",
    ):
        assert any(theme in note for note in notes), theme


def test_a_shared_folder_extends_and_overrides(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "terms.csv").write_text(
        "vi,lo,en,note\n"
        "Học bổng,ທຶນການສຶກສາ,study grant,our department's wording\n"
        '"cửa khẩu, quốc tế",ດ່ານສາກົນ,international border gate,new\n',
        encoding="utf-8",
    )
    terms = load_term_list([("built-in", ROOT / "templates"), ("shared", shared)])
    grant = next(t for t in terms if t.get("vi") == ("Học bổng",))
    assert grant.get("en") == ("study grant",) and grant.source == "shared" and grant.line == 2
    assert sum(1 for t in terms if t.get("vi")[0].casefold() == "học bổng") == 1  # replaced, not doubled
    gate = next(t for t in terms if t.get("lo") == ("ດ່ານສາກົນ",))
    assert gate.get("vi") == ("cửa khẩu, quốc tế",) and gate.line == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("term,meaning\nx,y\n", "line 1: the header row must name the columns vi, lo, en"),
        ("vi,lo,en\nmột,ໜຶ່ງ,one,extra\n", "line 2: 4 cells, but the header names 3 columns"),
        ("vi,lo,en\nchỉ tiếng Việt,,\n", "line 2: a term needs its text in at least two of vi, lo, en"),
    ],
)
def test_bad_lists_name_file_and_line(content, message):
    with pytest.raises(TermListError) as caught:
        parse_terms(content, source="shared", file="terms.csv")
    assert f"terms.csv: {message}" in str(caught.value)


def test_not_utf8_is_refused(tmp_path):
    (tmp_path / "terms.csv").write_bytes(
        "vi,en\nbản gốc,original\n".encode("utf-16")
    )  # saved as "Unicode" by Excel
    with pytest.raises(TermListError, match="not UTF-8"):
        load_term_list([("shared", tmp_path)])


def test_terms_command_lists_entries_and_their_source(tmp_path):
    home = tmp_path / "home"
    (home / "data" / "templates").mkdir(parents=True)
    (home / "data" / "templates" / "terms.csv").write_text(
        "vi,lo,en\nđồn biên phòng,ປ້ອມຍາມຊາຍແດນ,border post\n", encoding="utf-8"
    )
    result = run_cli("terms", env={"MOU_DRAFTER_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["VI", "LO", "EN", "SOURCE"]
    assert any("tuần tra chung" in line and "ລາດຕະເວນຮ່ວມ" in line and "built-in" in line for line in lines)
    post = next(line for line in lines if "đồn biên phòng" in line)
    assert "user" in post and "terms.csv:2" in post
