import shutil
from pathlib import Path

from mou_drafter.templating.lint import lint_path
from tests.conftest import ROOT, run_cli


def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "mou" / "1.1"
    shutil.copytree(ROOT / "templates" / "mou" / "1.1", folder)
    return folder


def edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_builtin_templates_lint_clean():
    assert lint_path(ROOT / "templates") == []
    result = run_cli("lint-templates")
    assert result.returncode == 0, result.stdout + result.stderr


def test_broken_copies_are_reported_with_file_and_line(tmp_path):
    folder = broken_copy(tmp_path)
    vi, lo, en = folder / "vi.j2", folder / "lo.j2", folder / "en.j2"
    unknown_line = edit(vi, "{{ draft.title|req }}", "{{ draft.titel|req }}")
    loop_line = edit(vi, "{{ area.title|req }}", "{{ area.titl|req }}")
    kind_line = edit(lo, "@article id=art.purpose", "@artikel id=art.purpose")
    missing_line = edit(en, "@para id=art.funding.1", "@para id=art.funding.one")
    syntax_line = edit((folder / "lo.j2"), "{% for p in draft.parties %}", "{% for p in draft.parties %")
    findings = [str(f) for f in lint_path(folder)]
    text = "\n".join(findings)
    assert f"{vi}:{unknown_line}: 'draft.titel' is not a field of the draft" in text
    assert f"{vi}:{loop_line}: 'draft.areas[].titl' is not a field of the draft" in text
    assert f"{lo}:" in text and "template syntax error" in text
    assert f"{en}:{missing_line}: clause id 'art.funding.one' is missing in vi.j2" in text
    del kind_line, syntax_line


def test_unknown_block_kind_and_missing_placeholder(tmp_path):
    folder = broken_copy(tmp_path)
    lo = folder / "lo.j2"
    line = edit(lo, "@article id=art.purpose", "@artikel id=art.purpose")
    edit(lo, "{{ draft.signing.notice_months }}", "6")
    text = "\n".join(str(f) for f in lint_path(folder))
    assert f"{lo}:{line}: unknown block kind '@artikel'" in text
    assert "placeholder 'draft.signing.notice_months' is used in vi.j2 but not in lo.j2" in text


def test_manifest_errors_and_cli_exit_code(tmp_path):
    folder = broken_copy(tmp_path)
    edit(folder / "manifest.toml", 'status = "retired"', 'status = "final"')  # mou@1.1 was retired by 1.2
    result = run_cli("lint-templates", str(folder))
    assert result.returncode == 1
    assert (
        "manifest.toml" in result.stdout and "status must be one of draft, approved, retired" in result.stdout
    )
    assert "Traceback" not in result.stderr


def test_a_placeholder_moved_to_another_clause_is_reported_per_clause(tmp_path):
    """The file uses the same draft fields in every language, but one clause prints the notice
    period in Vietnamese and English and not in Lao (where it moved to the funding clause)."""
    folder = broken_copy(tmp_path)
    lo = folder / "lo.j2"
    edit(lo, "{{ draft.signing.notice_months }}", "6")
    text = lo.read_text(encoding="utf-8")
    start = text.index("@para id=art.funding.1\n") + len("@para id=art.funding.1\n")
    end = text.index("\n", start)
    lo.write_text(text[:end] + " ({{ draft.signing.notice_months }})" + text[end:], encoding="utf-8")
    findings = [str(f) for f in lint_path(folder)]
    assert not any("is used in" in f for f in findings)  # the file-level check sees nothing wrong
    duration = next(f for f in findings if "clause 'art.duration.1'" in f)
    assert (
        duration.startswith(f"{lo}:")
        and "placeholder 'draft.signing.notice_months' is in vi.j2 but not in lo.j2" in duration
    )
    assert any(f.startswith(str(folder / "vi.j2")) and "clause 'art.funding.1'" in f for f in findings)


def test_wording_and_formatting_are_not_placeholders(tmp_path):
    """Each language words "the two Parties" and formats dates its own way: not a finding."""
    folder = broken_copy(tmp_path)
    vi = folder / "vi.j2"
    edit(vi, "{{ draft.signing.date|date }}", "{{ draft.signing.date|date_short|upper }}")
    assert lint_path(folder) == []
