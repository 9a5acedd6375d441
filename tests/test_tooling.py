"""The tooling of issue 11, run as CI runs it: ``ruff check`` (pyflakes, bugbear, isort, pyupgrade,
simplify), ``ruff format --check`` and ``mypy`` (pydantic plugin) on the package, each clean.
The configuration is in ``pyproject.toml`` (``[tool.ruff]``, ``[tool.mypy]``); each test fails
with the tool's own output, which names file, line and rule."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

#: The same findings on every system: the Linux CI runs them (under Wine they would only add minutes).
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="run on Linux: the same on every system")

#: What ruff looks at (the same folders by hand: ``ruff check .`` from the repository root).
RUFF_PATHS = ["mou_drafter", "tests", "benchmarks", "packaging"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def test_ruff_check_is_clean():
    done = run("ruff", "check", "--no-cache", *RUFF_PATHS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_leaves_every_file_as_it_is():
    done = run("ruff", "format", "--check", "--no-cache", *RUFF_PATHS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean_on_the_package():  # about 25 s without its cache (.mypy_cache), 1 s with it
    done = run("mypy")  # files, plugins and overrides: [tool.mypy] in pyproject.toml
    assert done.returncode == 0 and "Success" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize(
    "code, source",
    [
        ("F401", "import os\n"),
        ("B006", "def f(x=[]):\n    return x\n"),
        ("I001", "import sys\nimport os\n\nprint(os, sys)\n"),
        ("UP006", "from typing import List\n\n\ndef f(x: List[int]) -> None:\n    pass\n"),
        ("SIM102", "def f(a, b):\n    if a:\n        if b:\n            return 1\n"),
    ],
)
def test_the_selected_rule_families_are_on(code, source):
    """A finding of each family in the configuration is reported (the clean runs above check
    something)."""
    done = run(
        "ruff",
        "check",
        "--no-cache",
        "--output-format",
        "concise",
        "--stdin-filename",
        "mou_drafter/example.py",
        "-",
        stdin=source,
    )
    assert done.returncode == 1 and code in done.stdout, done.stdout + done.stderr
