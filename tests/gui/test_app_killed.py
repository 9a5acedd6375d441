"""The real app, killed with kill -9 while it autosaves (issue 12): on the next start the recovery
offer appears and restores the last autosave (the copy a killed autosave wrote but did not put
in place counts, when it is whole). The app runs as a subprocess on Qt's offscreen
platform, driven by its test hooks (``mou_drafter/gui/hooks.py``): it edits a new draft's title
every 20 ms and autosaves every 100 ms."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mou_drafter.api import load_draft
from mou_drafter.errors import MouDrafterError
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9 (POSIX)")


def start_app(home: Path, **env: str) -> subprocess.Popen:
    environment = {**os.environ, "MOU_DRAFTER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **env}
    environment.pop("MOU_DRAFTER_DEBUG", None)
    return subprocess.Popen([sys.executable, "-m", "mou_drafter"], cwd=ROOT, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def autosave_number(title: str) -> int:
    return int(title.rsplit(" ", 1)[1])


@pytest.mark.parametrize("round_", range(3))
def test_the_app_killed_while_it_autosaves_offers_the_last_autosave(round_, tmp_path):
    rng = random.Random(round_)
    home = tmp_path / "home"
    app = start_app(home, MOU_DRAFTER_TEST_EDITS="20")
    try:
        wanted = rng.randint(2, 8)
        seen: list[str] = []
        deadline = time.monotonic() + 60
        while len(seen) < wanted:
            line = app.stdout.readline()
            assert line and time.monotonic() < deadline, app.stderr.read()
            if line.startswith("autosaved "):
                seen.append(line.removeprefix("autosaved ").strip())
        time.sleep(rng.uniform(0, 0.12))  # anywhere in the next autosave, or between two
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    autosave = home / "data" / "autosave" / f"session-{app.pid}.moud"
    titles = [load_draft(autosave).title.vi]  # whole: an autosave is written like any file
    # killed between writing the next copy and putting it in place: that copy is the last autosave
    for copy in autosave.parent.glob(f".{autosave.name}.*.tmp"):
        with contextlib.suppress(MouDrafterError):  # cut short by the kill: not an autosave
            titles.append(load_draft(copy).title.vi)
    last = max(titles, key=autosave_number)
    assert autosave_number(last) >= autosave_number(seen[-1])

    again = start_app(home, MOU_DRAFTER_TEST_ANSWER="yes", MOU_DRAFTER_EXIT_AFTER_SHOW="1")
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert "asked: Khôi phục" in out  # "Recover unsaved work", in the app's Vietnamese
    assert f"open: {last} modified=True" in out, out
    assert not autosave.exists()  # taken, so not offered again
    assert not [p.name for p in autosave.parent.glob("*.tmp")]  # nor what a killed autosave left
    print(f"round {round_}: killed after {len(seen)} autosaves ({len(titles) - 1} copies left); recovered '{last}'")
