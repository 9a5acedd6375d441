"""Shared fixtures. Every test runs with its own per-user folder (MOU_DRAFTER_HOME), so settings,
user templates and autosaves of the developer's machine never leak in."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.moud"))
LANGUAGE_SETS = [["vi", "lo"], ["vi", "lo", "en"], ["lo", "vi"], ["vi", "en"]]
LAYOUTS = ["side-by-side", "sequential", "separate"]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOU_DRAFTER_HOME", str(home))
    return home


@pytest.fixture(params=SEEDS, ids=[p.stem for p in SEEDS])
def seed_path(request: pytest.FixtureRequest) -> Path:
    return request.param


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("MOU_DRAFTER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "mou_drafter", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=full_env, timeout=120)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")
