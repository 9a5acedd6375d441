"""The layers and boundaries of docs/architecture.md, enforced with import-linter (contracts in
pyproject.toml, ``[tool.importlinter]``): only the app imports Qt; the draft, the document model,
words and templates never import python-docx or the renderers; the engine never imports the
settings file; every layer imports only the layers below it; the command line and the app go
through the API. Each contract is also shown to break on a deliberate violation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytest.importorskip("importlinter", reason="import-linter is not installed (pip install -e '.[test]')")

CONTRACTS = {
    "qt-only-in-gui": "Only the desktop app (mou_drafter.gui) imports Qt",
    "no-docx-below-render": "The draft, the document model, words and templates never import python-docx or the renderers",
    "engine-without-settings": "The engine never reads the settings file",
    "layers": "Layers, each importing only those below it",
    "front-ends-use-the-api": "The command line and the app reach templates, renderers, comparisons and language tools "
    "through",
}


def lint_imports(root, *contracts: str) -> subprocess.CompletedProcess:
    """``lint-imports`` on the package under ``root`` (in a child, so the copy under test is the
    one imported), limited to ``contracts``."""
    args = [str(root / "pyproject.toml"), "--no-cache"]
    for contract in contracts:
        args += ["--contract", contract]
    code = "import sys\nfrom importlinter.cli import lint_imports_command\nsys.exit(lint_imports_command())\n"
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=root, env=env, timeout=300
    )


def test_the_contracts_hold():
    result = lint_imports(ROOT)
    output = " ".join(result.stdout.split())  # the report wraps long names
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken." in output
    for name in CONTRACTS.values():
        assert name in output, name


VIOLATIONS = [
    # (file, line added, the contract it breaks)
    ("mou_drafter/render/html.py", "import PySide6.QtCore", "qt-only-in-gui"),
    ("mou_drafter/cli.py", "from .gui import main_window", "qt-only-in-gui"),
    ("mou_drafter/templating/engine.py", "import docx", "no-docx-below-render"),
    ("mou_drafter/model/validation.py", "from ..render import text", "no-docx-below-render"),
    ("mou_drafter/render/docx.py", "from .. import settings", "engine-without-settings"),
    ("mou_drafter/templating/engine.py", "from ..compare import align", "layers"),
    ("mou_drafter/render/text.py", "from ..templating import formatting", "layers"),  # siblings stay apart
    ("mou_drafter/gui/forms/fields.py", "from ...templating import formatting", "front-ends-use-the-api"),
    (
        "mou_drafter/language/scripts.py",
        "from ..model import draft",
        "layers",
    ),  # language sits below the draft
]


@pytest.mark.parametrize(("path", "line", "contract"), VIOLATIONS, ids=[f"{v[2]}:{v[0]}" for v in VIOLATIONS])
def test_each_contract_breaks_on_a_violation(tmp_path, path, line, contract):
    shutil.copytree(
        ROOT / "mou_drafter", tmp_path / "mou_drafter", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert lint_imports(tmp_path, contract).returncode == 0  # the copy is as clean as the original
    with (tmp_path / path).open("a", encoding="utf-8") as handle:
        handle.write(f"\n{line}\n")
    result = lint_imports(tmp_path, contract)
    assert result.returncode == 1, result.stdout + result.stderr
    output = " ".join(result.stdout.split())
    assert (
        f"{CONTRACTS[contract]}" in output and "BROKEN" in output and "Contracts: 0 kept, 1 broken." in output
    )
