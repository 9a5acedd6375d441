import shutil

from .conftest import ROOT, run_cli


def test_self_test_passes():
    result = run_cli("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout and "15 files rendered and reopened" in result.stdout


def test_self_test_reports_a_broken_user_template(tmp_path):
    home = tmp_path / "home"
    folder = home / "data" / "templates" / "mou" / "2.0"
    shutil.copytree(ROOT / "templates" / "mou" / "1.1", folder)
    manifest = folder / "manifest.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('version = "1.1"', 'version = "2.0"', 1),
        encoding="utf-8",
    )
    (folder / "lo.j2").write_text("@para id=x\n{{ draft.nothing_here }}\n", encoding="utf-8")
    result = run_cli("--self-test", env={"MOU_DRAFTER_HOME": str(home)})
    assert result.returncode == 1
    assert "FAIL template library" in result.stdout and "self-test FAILED" in result.stdout
    assert "Traceback" not in result.stdout
