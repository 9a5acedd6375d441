"""Missing translations at export (issue 10 §7): the engine lists what an export in the chosen
languages would print as "……" (and English prevailing without English), with field paths; the
command line refuses such an export (exit 1, listing them) unless --allow-incomplete."""

from __future__ import annotations

from mou_drafter.api import RenderOptions, render_to_bytes
from mou_drafter.model.files import load_draft, save_draft
from mou_drafter.model.validation import export_problems

from .conftest import ROOT, run_cli
from .docx_checks import all_text, open_docx

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def listed(issues) -> list[tuple[str, str]]:
    return [(i.path, i.code) for i in issues]


def test_samples_have_no_export_problems_in_any_language_set():
    for seed in sorted((ROOT / "seeds").glob("*.moud")):
        draft = load_draft(seed)
        for languages in (["vi", "lo"], ["vi", "en"], ["lo", "en"], ["vi", "lo", "en"], ["en"]):
            assert export_problems(draft, languages) == [], (seed.name, languages)


def test_missing_texts_in_the_exported_languages_are_listed_with_paths():
    draft = load_draft(MOU)
    draft.parties[1].name.lo = ""
    draft.parties[2].representative.signing_title.en = ""
    draft.obligations[0].text.vi = "  "
    assert listed(export_problems(draft, ["vi", "lo"])) == [
        ("parties[1].name.lo", "missing_in_export"),
        ("obligations[0].text.vi", "missing_in_export"),
    ]
    assert listed(export_problems(draft, ["vi", "lo", "en"])) == [
        ("parties[1].name.lo", "missing_in_export"),
        ("parties[2].representative.signing_title.en", "missing_in_export"),
        ("obligations[0].text.vi", "missing_in_export"),
    ]
    assert listed(export_problems(draft, ["en"])) == [
        ("parties[2].representative.signing_title.en", "missing_in_export")
    ]
    issue = export_problems(draft, ["lo"])[0]
    assert str(issue) == "error: parties[1].name.lo: Lao text is missing; it would print as ……"
    assert issue.message("vi") == "thiếu nội dung tiếng Lào; khi xuất sẽ in thành ……"
    assert issue.message("lo") == "ຂາດຂໍ້ຄວາມພາສາລາວ; ເມື່ອສົ່ງອອກຈະພິມເປັນ ……"
    # what the check finds is exactly what prints as a blank
    text = render_to_bytes(draft, RenderOptions(layout="sequential", languages=("lo",)), fmt="txt")[
        ""
    ].decode()
    assert "2. ……, ແຂວງອັດຕະປື" in text


def test_texts_the_kind_does_not_print_are_not_listed():
    draft = load_draft(MINUTES)
    draft.parties[0].representative.name.lo = ""  # minutes are signed by the heads of delegation
    assert export_problems(draft, ["vi", "lo"]) == []
    draft.minutes.delegations[0].head.name.lo = ""
    assert listed(export_problems(draft, ["vi", "lo"])) == [
        ("minutes.delegations[0].head.name.lo", "missing_in_export")
    ]


def test_export_problems_is_public_api():
    import mou_drafter

    assert mou_drafter.export_problems is export_problems


def test_english_prevailing_without_english_is_an_export_problem():
    draft = load_draft(ROOT / "seeds" / "minutes-vn-la-foreign-ministers-2023.moud")
    draft.signing.prevailing = "en"
    assert export_problems(draft, ["vi", "lo", "en"]) == []
    assert listed(export_problems(draft, ["vi", "lo"])) == [("signing.prevailing", "prevailing_not_exported")]


def test_command_line_refuses_an_incomplete_export(tmp_path):
    draft = load_draft(MOU)
    draft.parties[1].name.lo = ""
    source = save_draft(draft, tmp_path / "incomplete.moud")
    out = tmp_path / "mou.docx"
    result = run_cli("render", str(source), "-o", str(out), "--languages", "vi,lo")
    assert result.returncode == 1, result.stderr
    assert "error: parties[1].name.lo: Lao text is missing; it would print as ……" in result.stderr
    assert "not rendered: fix the errors above or use --allow-incomplete" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
    # in Vietnamese only, nothing is missing
    assert run_cli("render", str(source), "-o", str(out), "--languages", "vi").returncode == 0
    out.unlink()
    forced = run_cli("render", str(source), "-o", str(out), "--languages", "vi,lo", "--allow-incomplete")
    assert forced.returncode == 0, forced.stderr
    assert "parties[1].name.lo" in forced.stderr  # still listed
    assert "2. ……, ແຂວງອັດຕະປື" in all_text(open_docx(out.read_bytes()))


def test_command_line_refuses_english_prevailing_without_english(tmp_path):
    draft = load_draft(ROOT / "seeds" / "minutes-vn-la-foreign-ministers-2023.moud")
    draft.signing.prevailing = "en"
    source = save_draft(draft, tmp_path / "prevails.moud")
    result = run_cli("render", str(source), "-o", str(tmp_path / "x.docx"), "--languages", "vi,lo")
    assert result.returncode == 1
    assert (
        "error: signing.prevailing: the English text prevails, but English is not among the exported "
        "languages"
    ) in result.stderr
    ok = run_cli("render", str(source), "-o", str(tmp_path / "x.docx"), "--languages", "vi,lo,en")
    assert ok.returncode == 0, ok.stderr
