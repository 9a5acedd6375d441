import shutil
import subprocess

import pytest

from mou_drafter.compare.align import Clause, compare_clauses, word_spans
from mou_drafter.compare.redline import plain_lines, redline_docx
from mou_drafter.compare.report import comparison_html, comparison_text
from mou_drafter.compare.sources import clauses_from_draft, clauses_from_template, compare_versions
from mou_drafter.model.files import load_draft
from mou_drafter.templating.library import default_library
from mou_drafter.words.tokens import tokenize
from tests.conftest import ROOT, run_cli, soffice
from tests.docx_checks import open_docx

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


def test_lao_is_split_into_words():
    assert tokenize("ເພີ່ມທະວີການປະສານງານລາດຕະເວນຮ່ວມ", "lo") == (
        "ເພີ່ມ",
        "ທະວີ",
        "ການ",
        "ປະສານ",
        "ງານ",
        "ລາດຕະເວນ",
        "ຮ່ວມ",
    )
    assert "".join(tokenize("Tăng cường tuần tra, ngày 23", "vi")) == "Tăng cường tuần tra, ngày 23"


def test_one_lao_word_changed_is_one_word():
    old = "ເພີ່ມທະວີການປະສານງານລາດຕະເວນຮ່ວມຕາມເສັ້ນຊາຍແດນ"
    new = "ເພີ່ມທະວີການປະສານງານກວດກາຮ່ວມຕາມເສັ້ນຊາຍແດນ"
    spans = word_spans(old, new, lambda t: tokenize(t, "lo"))
    changed = [(s.kind, s.text) for s in spans if s.kind != "equal"]
    assert changed == [("delete", "ລາດຕະເວນ"), ("insert", "ກວດກາ")]


def test_clauses_matched_by_id_added_removed_moved_changed():
    old = [Clause("a", "one"), Clause("b", "two words"), Clause("c", "three"), Clause("d", "four")]
    new = [Clause("a", "one"), Clause("c", "three"), Clause("b", "two new words"), Clause("e", "five")]
    comparison = compare_clauses(old, new, lambda t: tokenize(t, "en"))
    status = {d.id: d.status for d in comparison.clauses}
    assert status["a"] == "unchanged" and status["d"] == "removed" and status["e"] == "added"
    assert sorted([status["b"], status["c"]]) in (["changed", "moved"], ["moved", "unchanged"])
    b = next(d for d in comparison.clauses if d.id == "b")
    assert [s.text for s in b.spans if s.kind == "insert"] == ["new "]
    # new order, a removed clause right after the clause it followed in the old version
    assert [d.id for d in comparison.clauses] == ["a", "c", "d", "b", "e"]


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_mou_1_0_to_1_1_with_draft(lang):
    comparison = compare_versions("mou@1.0", "mou@1.1", lang, load_draft(MOU))
    status = {d.id: d.status for d in comparison.clauses if d.status != "unchanged"}
    assert status["art.amendment"] == "removed" and status["art.amendment.1"] == "removed"
    assert status["art.disputes"] == "added" and status["art.disputes.1"] == "added"
    assert status["art.duration.1"] == "changed"
    duration = next(d for d in comparison.clauses if d.id == "art.duration.1")
    assert any(s.kind == "equal" for s in duration.spans)  # word by word, not the whole clause
    html = comparison_html(comparison)
    assert "2 added" in html and "2 removed" in html and "<del" in html and "<ins" in html and "−" in html


def test_english_prevails_appears_in_trilingual_drafts():
    draft = load_draft(MOU)
    draft.languages = ["vi", "lo", "en"]
    comparison = compare_versions("mou@1.0", "mou@1.1", "vi", draft)
    final = next(d for d in comparison.clauses if d.id == "final")
    assert final.status == "changed"
    assert "văn bản tiếng Anh được dùng làm căn cứ" in "".join(
        s.text for s in final.spans if s.kind == "insert"
    )


def test_template_text_comparison_shows_placeholders():
    comparison = compare_versions("mou@1.0", "mou@1.1", "vi")
    text = comparison_text(comparison)
    assert "{{ draft.signing.notice_months }}" in text
    assert "REMOVED   art.amendment" in text


def test_compare_cli(tmp_path):
    for suffix in ("html", "txt", "docx"):
        out = tmp_path / f"c.{suffix}"
        result = run_cli(
            "compare", "mou@1.0", "mou@1.1", "--language", "lo", "--draft", str(MOU), "-o", str(out)
        )
        assert result.returncode == 0, result.stderr
        assert "2 added, 2 removed" in result.stdout and out.exists()
    bad = run_cli("compare", "mou@1.0", "mou@9.9", "-o", str(tmp_path / "x.html"))
    assert bad.returncode == 2 and "no version '9.9'" in bad.stderr and "Traceback" not in bad.stderr
    assert run_cli("compare", "mou@1.0", "mou@1.1", "-o", str(tmp_path / "x.pdf")).returncode == 2


def test_redline_docx_has_tracked_changes_with_author_and_date():
    comparison = compare_versions("mou@1.0", "mou@1.1", "lo", load_draft(MOU))
    xml = open_docx(redline_docx(comparison)).element.body.xml
    assert "<w:ins " in xml and "<w:del " in xml and 'w:author="MoU Drafter"' in xml and "w:date=" in xml
    assert "<w:delText" in xml


def _uno_python() -> str | None:
    python = shutil.which("python3", path="/usr/bin")
    if not python or not soffice():
        return None
    check = subprocess.run([python, "-c", "import uno"], capture_output=True)
    return python if check.returncode == 0 else None


@pytest.mark.realclient
@pytest.mark.skipif(
    _uno_python() is None, reason="LibreOffice with python3-uno is not installed; CI installs it"
)
@pytest.mark.parametrize(("lang", "with_draft"), [("lo", True), ("vi", True), ("en", False)])
def test_accept_all_gives_new_reject_all_gives_old(tmp_path, lang, with_draft):
    draft = load_draft(MOU) if with_draft else None
    comparison = compare_versions("mou@1.0", "mou@1.1", lang, draft)
    path = tmp_path / "redline.docx"
    path.write_bytes(redline_docx(comparison))
    old_t, new_t = default_library().find("mou@1.0"), default_library().find("mou@1.1")
    if draft is None:
        old_clauses, new_clauses = clauses_from_template(old_t, lang), clauses_from_template(new_t, lang)
    else:
        old_clauses, new_clauses = (
            clauses_from_draft(old_t, draft, lang),
            clauses_from_draft(new_t, draft, lang),
        )
    header = "mou@1.0 → mou@1.1"
    expected = {
        "accept": plain_lines([header, *(c.text for c in new_clauses)]),
        "reject": plain_lines([header, *(c.text for c in old_clauses)]),
    }
    for action in ("accept", "reject"):
        out = tmp_path / f"{action}.txt"
        result = subprocess.run(
            [_uno_python(), str(ROOT / "tests" / "uno_tracked_changes.py"), action, str(path), str(out)],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.stdout.strip() == "ok", result.stdout + result.stderr
        got = [line.strip() for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert got == expected[action], action
