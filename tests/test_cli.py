"""The command line as a user runs it: a separate process, exit codes, messages, no traceback."""

import json
import subprocess
import sys

import pytest

from .conftest import ROOT, run_cli
from .docx_checks import all_text, open_docx

MINUTES = str(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")


def assert_clean_failure(result: subprocess.CompletedProcess, code: int, *needles: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_version_and_help_with_examples():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("mou-drafter ")
    for command in ("render", "validate", "new", "templates", "terms", "schema"):
        help_result = run_cli(command, "--help")
        assert help_result.returncode == 0
        assert "example:" in help_result.stdout and "mou-drafter " + command in help_result.stdout


def test_render_docx_and_reopen(tmp_path):
    out = tmp_path / "minutes.docx"
    result = run_cli("render", MINUTES, "-o", str(out), "--layout", "side-by-side", "--languages", "vi,lo")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    text = all_text(open_docx(out.read_bytes()))
    assert "585.000.000 đồng" in text and "ເມືອງຊານໄຊ" in text


def test_render_formats_and_separate(tmp_path):
    assert run_cli("render", MINUTES, "-o", str(tmp_path / "m.html")).returncode == 0
    assert "<!DOCTYPE html>" in (tmp_path / "m.html").read_text(encoding="utf-8")
    assert run_cli("render", MINUTES, "-o", str(tmp_path / "m.out"), "--format", "txt").returncode == 0
    result = run_cli(
        "render", MINUTES, "-o", str(tmp_path / "s.docx"), "--layout", "separate", "--languages", "vi,lo,en"
    )
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.glob("s.*.docx")) == ["s.en.docx", "s.lo.docx", "s.vi.docx"]


def test_new_validate_schema_templates(tmp_path):
    draft = tmp_path / "new.moud"
    assert run_cli("new", "--kind", "minutes", "-o", str(draft)).returncode == 0
    assert json.loads(draft.read_text(encoding="utf-8"))["kind"] == "minutes"
    assert_clean_failure(run_cli("new", "--kind", "mou", "-o", str(draft)), 2, "already exists")
    result = run_cli("validate", str(draft))
    assert result.returncode == 1
    assert "error: minutes.conference.title: required field is empty" in result.stderr
    assert run_cli("validate", MINUTES).returncode == 0
    vi = run_cli("validate", str(draft), "--ui-language", "vi")
    assert "chưa nhập trường bắt buộc" in vi.stderr
    schema = json.loads(run_cli("schema").stdout)
    assert schema["properties"]["kind"]
    listing = run_cli("templates").stdout
    assert "mou" in listing and "minutes" in listing and "approved" in listing and "built-in" in listing


def test_render_refuses_incomplete_draft_unless_asked(tmp_path):
    draft = tmp_path / "new.moud"
    run_cli("new", "--kind", "mou", "-o", str(draft))
    result = run_cli("render", str(draft), "-o", str(tmp_path / "x.docx"))
    assert_clean_failure(result, 1, "error: parties[0].name", "--allow-incomplete")
    assert not (tmp_path / "x.docx").exists()
    assert run_cli("render", str(draft), "-o", str(tmp_path / "x.docx"), "--allow-incomplete").returncode == 0


BAD_INPUTS = {
    "malformed": ('{"kind": "mou", "schema_version": 2,,}', 2, ["line 1, column", "not valid JSON"]),
    "wrong_type": (
        '{"kind": "mou", "schema_version": 2, "parties": [{"name": {"vi": 12}}]}',
        1,
        ["parties[0].name.vi"],
    ),
    "missing_field": ('{"schema_version": 2, "template": "mou@1.0"}', 1, ["kind: required field is missing"]),
    "newer": ('{"kind": "mou", "schema_version": 99}', 2, ["newer version of MoU Drafter"]),
    "bad_kind": ('{"kind": "letter", "schema_version": 2}', 1, ["kind:"]),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_draft_files(tmp_path, name):
    content, code, needles = BAD_INPUTS[name]
    path = tmp_path / f"{name}.moud"
    path.write_text(content, encoding="utf-8")
    for command in (["validate", str(path)], ["render", str(path), "-o", str(tmp_path / "o.docx")]):
        assert_clean_failure(run_cli(*command), code, str(path), *needles)
    assert path.read_text(encoding="utf-8") == content


def test_five_megabyte_field(tmp_path):
    data = json.loads(
        (ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud").read_text(encoding="utf-8")
    )
    data["minutes"]["results"][0]["vi"] = "á" * 5_000_000
    path = tmp_path / "big.moud"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert_clean_failure(run_cli("validate", str(path)), 1, "minutes.results[0].vi: text is too long")


def test_control_characters_and_template_code_in_fields(tmp_path):
    data = json.loads(
        (ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud").read_text(encoding="utf-8")
    )
    data["minutes"]["results"][0]["vi"] = "Kết quả\u0007 tốt\u0000 {{ draft.parties }} {% raw %}"
    path = tmp_path / "ctl.moud"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "ctl.docx"
    result = run_cli("render", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = all_text(open_docx(out.read_bytes()))
    assert "Kết quả tốt {{ draft.parties }} {% raw %}" in text
    assert "\u0007" not in text and "\x00" not in text


def test_unwritable_output_path(tmp_path):
    result = run_cli("render", MINUTES, "-o", str(tmp_path / "no" / "such" / "dir" / "x.docx"))
    assert_clean_failure(result, 2, "does not exist")
    folder = tmp_path / "adir.docx"
    folder.mkdir()
    assert_clean_failure(run_cli("render", MINUTES, "-o", str(folder)), 2, "is a folder")


def test_usage_errors():
    assert_clean_failure(
        run_cli("render", MINUTES, "-o", "x.docx", "--languages", "vi,fr"), 2, "unknown language 'fr'"
    )
    assert_clean_failure(run_cli("render", MINUTES, "-o", "x.docx", "--template", "mou@1.0"), 2, "is for mou")
    assert_clean_failure(
        run_cli("render", MINUTES, "-o", "x.docx", "--template", "minutes@3.0"), 2, "no version"
    )
    assert_clean_failure(run_cli("render", MINUTES), 2, "-o/--output")
    assert_clean_failure(run_cli("render", "missing.moud", "-o", "x.docx"), 2, "missing.moud: no such file")
    assert_clean_failure(run_cli("frobnicate"), 2, "invalid choice")


def test_engine_never_imports_qt(tmp_path):
    code = (
        "import sys\n"
        "from mou_drafter.cli import main\n"
        f"rc = main(['render', {MINUTES!r}, '-o', {str(tmp_path / 'q.docx')!r}])\n"
        "import mou_drafter.api, mou_drafter.model.validation, mou_drafter.render.html\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "print(rc, qt)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.stdout.strip().endswith("0 []"), result.stdout + result.stderr
