"""The frozen app works: build the PyInstaller bundle, run its self-test, show its window.

Slow (about a minute and a half); CI runs it. Skipped only where PyInstaller is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def bundle() -> str:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e '.[package]')")
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    folder = result.stdout.strip().splitlines()[-1]
    assert "bundle: " in result.stdout and "bundle .tar.xz: " in result.stdout
    print(result.stdout)
    return folder


def executable(folder: str) -> str:
    name = "mou-drafter.exe" if os.name == "nt" else "mou-drafter"
    return os.path.join(folder, name)


def test_frozen_self_test(bundle, tmp_path):
    env = {**os.environ, "MOU_DRAFTER_HOME": str(tmp_path)}
    start = time.perf_counter()
    result = subprocess.run(
        [executable(bundle), "--self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout and "Lao words from" in result.stdout
    print(f"frozen self-test: {elapsed:.2f} s")


def test_frozen_window_is_shown(bundle, tmp_path):
    env = {
        **os.environ,
        "MOU_DRAFTER_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "MOU_DRAFTER_EXIT_AFTER_SHOW": "1",
    }
    start = time.perf_counter()
    result = subprocess.run([executable(bundle)], capture_output=True, text=True, env=env, timeout=120)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("shown "), result.stdout + result.stderr
    print(f"frozen app to window shown: {elapsed:.2f} s")
