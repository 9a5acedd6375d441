"""kill -9 during saves and exports (issue 12): a process saves (or exports) the same file in a
loop and is killed at a random moment, again and again. After every kill the previous file still
loads (or opens in python-docx), and after the next successful save no temporary file is left.

The saving processes are forked from one warm process (the templates compiled, python-docx
loaded), so a kill costs milliseconds, not a Python start-up. POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from mou_drafter.api import RenderOptions, complete_leftovers, load_draft, render_to_path, save_draft
from mou_drafter.model.atomic_write import leftovers, temporary_name
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")

SEED = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"

#: The warm process: reads commands on stdin, forks a child per command, prints the child's pid.
#: ``loop``: the child saves or exports in a loop until killed; ``stall``: the child stops inside
#: its first fsync (the temporary file written, not yet in place) and waits to be killed.
ZYGOTE = r"""
import os, signal, sys, time
from mou_drafter.api import RenderOptions, load_draft, render_to_path, save_draft
from mou_drafter.model.draft import Area

signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # a killed child is reaped at once, never a zombie
mode, target, seed = sys.argv[1:4]
draft = load_draft(seed)
if mode == "save":  # a draft of about a megabyte, so a save takes a while
    draft.areas = [Area(title={"vi": f"Lĩnh vực {i}"}, description={"vi": "Hợp tác " * 250, "lo": "ຮ່ວມມື " * 250})
                   for i in range(60)]
options = RenderOptions(languages=("vi", "lo"))

def save(n):
    draft.title.vi = f"phiên bản {os.getpid()}-{n}"
    if mode == "save":
        save_draft(draft, target)
    else:
        render_to_path(draft, target, options)

save(0)  # warm: templates compiled, python-docx loaded, the target exists
print("ready", flush=True)
for line in sys.stdin:
    command = line.strip()
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        if command == "stall":
            def stall(fd):
                os.write(1, b"stalled\n")
                time.sleep(3600)
            os.fsync = stall
        n = 0
        while True:
            n += 1
            save(n)
    print(pid, flush=True)
"""


class Zygote:
    def __init__(self, mode: str, target: Path) -> None:
        self.mode = mode
        self.target = target
        self.process = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE, mode, str(target), str(SEED)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self.process.stdout.readline().strip() == "ready"

    def fork(self, command: str = "loop") -> int:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # reaped by the zygote (SIGCHLD ignored): then it is gone
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.001)
    raise AssertionError(f"process {pid} did not end")


def temporaries(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.*.tmp"))


def check_previous_file(mode: str, target: Path) -> str:
    """The file in place is whole: it loads (a draft) or opens (a DOCX). Returns its title."""
    if mode == "save":
        return load_draft(target).title.vi
    document = docx.Document(str(target))
    return next(p.text for p in document.paragraphs if p.text.strip())


def next_save(mode: str, target: Path) -> None:
    draft = load_draft(SEED)
    draft.title.vi = "lần lưu sau"
    if mode == "save":
        save_draft(draft, target)
    else:
        render_to_path(draft, target, RenderOptions(languages=("vi", "lo")))


def kill_repeatedly(mode: str, tmp_path: Path, kills: int, most_delay: float) -> dict[str, int]:
    target = tmp_path / ("draft.moud" if mode == "save" else "export.docx")
    zygote = Zygote(mode, target)
    rng = random.Random(12)
    stats = {"kills": 0, "left a temporary file": 0, "largest number of temporaries": 0}
    try:
        for number in range(1, kills + 1):
            pid = zygote.fork()
            time.sleep(rng.uniform(0, most_delay))
            kill(pid)
            stats["kills"] += 1
            check_previous_file(mode, target)
            left = temporaries(target)
            stats["left a temporary file"] += bool(left)
            stats["largest number of temporaries"] = max(stats["largest number of temporaries"], len(left))
            if number % 10 == 0 or number == kills:  # and a save by another process does the same
                next_save(mode, target)
                assert temporaries(target) == [], "the next successful save leaves no temporary file"
                assert check_previous_file(mode, target) == "lần lưu sau" or mode == "export"
    finally:
        zygote.close()
    print(f"{mode}: {stats}")
    return stats


@pytest.mark.parametrize("mode", ["save", "export"])
def test_kill_during_save_and_export(mode, tmp_path):
    kill_repeatedly(mode, tmp_path, kills=50, most_delay=0.05 if mode == "save" else 0.1)


@pytest.mark.soak
@pytest.mark.parametrize("mode", ["save", "export"])
def test_kill_during_save_and_export_soak(mode, tmp_path):
    stats = kill_repeatedly(mode, tmp_path, kills=200, most_delay=0.05 if mode == "save" else 0.1)
    assert stats["left a temporary file"] > 0  # 200 random kills do land while a file is written


@pytest.mark.parametrize("mode", ["save", "export"])
def test_a_save_killed_in_the_middle_leaves_a_file_the_next_save_removes(mode, tmp_path):
    target = tmp_path / ("draft.moud" if mode == "save" else "export.docx")
    zygote = Zygote(mode, target)
    try:
        before = target.read_bytes()
        pid = zygote.fork("stall")
        assert zygote.process.stdout.readline().strip() == "stalled"  # written, flushing, not in place
        kill(pid)
    finally:
        zygote.close()
    assert target.read_bytes() == before  # the file in place was never touched
    [left] = temporaries(target)
    assert left.name.startswith(f".{target.name}.{pid}@")
    assert [leftover.path for leftover in leftovers(target)] == [left]
    if mode == "save":  # a complete draft, newer than the file: what the app offers to restore
        os.utime(target, (time.time() - 60, time.time() - 60))
        [copy] = complete_leftovers(target)
        assert copy.path == left and copy.draft.title.vi.startswith(f"phiên bản {pid}-")
    next_save(mode, target)
    assert temporaries(target) == [] and complete_leftovers(target) == []


def test_leftovers_of_running_saves_and_other_files_are_kept(tmp_path):
    """Only temporaries of the same file, made on this computer by a process that has ended, go."""
    target = tmp_path / "d.moud"
    save_draft(load_draft(SEED), target)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = tmp_path / temporary_name(target, pid=sleeper.pid)  # a save still in progress
        other_computer = tmp_path / f".d.moud.{sleeper.pid + 1}@zzzzzz.0123abcd.tmp"
        other_file = tmp_path / temporary_name(tmp_path / "e.moud", pid=999_999_999)
        similar_name = tmp_path / temporary_name(tmp_path / "d.moud.bak", pid=999_999_999)
        not_ours = tmp_path / ".d.moud.x1y2z3.tmp"  # the older mkstemp names: whose, nobody knows
        dead = tmp_path / temporary_name(target, pid=999_999_999)
        for path in (running, other_computer, other_file, similar_name, not_ours, dead):
            path.write_bytes(b"{}")
        save_draft(load_draft(SEED), target)
        assert not dead.exists()
        assert all(p.exists() for p in (running, other_computer, other_file, similar_name, not_ours))
    finally:
        sleeper.kill()
        sleeper.wait()
    save_draft(load_draft(SEED), target)
    assert not running.exists()  # its process has ended now


def test_an_incomplete_leftover_is_not_offered(tmp_path):
    target = tmp_path / "d.moud"
    save_draft(load_draft(SEED), target)
    os.utime(target, (time.time() - 60, time.time() - 60))
    half = tmp_path / temporary_name(target, pid=999_999_999)
    half.write_bytes(target.read_bytes()[:500])
    older = tmp_path / temporary_name(target, pid=999_999_998)
    older.write_bytes(target.read_bytes())
    os.utime(older, (time.time() - 120, time.time() - 120))
    assert complete_leftovers(target) == []  # one cut short, one older than the file
    newer = tmp_path / temporary_name(target, pid=999_999_997)
    newer.write_bytes(target.read_bytes())
    assert [c.path for c in complete_leftovers(target)] == [newer]
