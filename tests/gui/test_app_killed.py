"""The real app, killed with kill -9 while it autosaves (issue 12, on the recovery files of issue
17): on the next start the recovery offer appears and restores the last autosave — the full
autosave of the draft's recovery folder with its journal replayed; the whole copy a killed full
autosave wrote but did not put in place counts, when it is newer — and no temporary file is
left. The app runs in a child process through ``app_driver.py`` (the real start-up and window):
it edits a new draft's title every 20 ms and writes the full autosave every 100 ms."""

from __future__ import annotations

import contextlib
import json
import random
import signal
import time
from pathlib import Path

import pytest

from mou_drafter.model.journal import apply_ops, read_journal
from mou_drafter.model.recovery import JOURNAL, SNAPSHOT
from tests.gui.test_crash_recovery import App

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9 (POSIX)")


def edit_number(title: str) -> int:
    return int(title.rsplit(" ", 1)[1])


def last_autosave_on_disk(folder: Path) -> tuple[str, int]:
    """The title the recovery files in ``folder`` hold, read without the app's recovery code: the
    full autosave, or a whole temporary copy of a newer one, then the journal's later lines;
    and how many temporary copies there were."""
    wrapper = json.loads((folder / SNAPSHOT).read_bytes())  # whole: written like any file
    copies = list(folder.glob(f".{SNAPSHOT}.*.tmp"))
    for copy in copies:
        with contextlib.suppress(ValueError):  # cut short by the kill: not an autosave
            candidate = json.loads(copy.read_bytes())
            if candidate["seq"] > wrapper["seq"]:
                wrapper = candidate
    draft = wrapper["draft"]
    journal = folder / JOURNAL
    for entry in read_journal(journal.read_bytes() if journal.exists() else b"").entries:
        if entry.seq > wrapper["seq"]:
            apply_ops(draft, entry.ops)
    return draft["title"]["vi"], len(copies)


def autosaves(app: App) -> list[str]:
    """The titles of the full autosaves the app said were on disk, in order."""
    return [line.split(" ", 2)[2] for line in list(app.lines) if line.startswith("autosaved ")]


def wait_for_autosaves(app: App, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while len(autosaves(app)) < count:
        assert "<eof>" not in app.lines and time.monotonic() < deadline, app.lines[-5:]
        time.sleep(0.005)


@pytest.mark.parametrize("round_", range(3))
def test_the_app_killed_while_it_autosaves_offers_the_last_autosave(round_, tmp_path):
    rng = random.Random(round_)
    home = tmp_path / "home"
    app = App(home, {"steps": [["new", "mou"], ["autosave-every", 100], ["edit-every", ["title.vi", 20]]]})
    try:
        wait_for_autosaves(app, rng.randint(2, 8))
        time.sleep(rng.uniform(0, 0.12))  # anywhere in the next full autosave, or between two
        app.kill()
    finally:
        if app.process.poll() is None:
            app.process.kill()
            app.finish()
    seen = autosaves(app)
    folder = home / "data" / "autosave" / f"session-{app.process.pid}-1"
    last, copies = last_autosave_on_disk(folder)
    assert edit_number(last) >= edit_number(seen[-1])

    again = App(home, {"recovery": 0, "steps": [["report", ["title.vi"]], ["quit"]]})
    again.finish()
    assert again.process.returncode == 0, again.stderr_tail()
    [offer] = again.asked("recovery")
    assert len(offer["offers"]) == 1
    state = again.state()
    assert state is not None, again.lines
    assert state["fields"]["title.vi"] == last and state["modified"]
    assert not folder.exists()  # taken over by the new session, so not offered again
    assert state["leftovers"] == []  # nor what a killed full autosave left
    assert not list((home / "data" / "autosave").rglob("*.tmp"))
    print(
        f"round {round_}: killed after {len(seen)} full autosaves ({copies} copies left); recovered '{last}'"
    )
