"""A draft opened while the app runs (Windows' file association, a second start) opens in the
running app's window: a real second process hands the path over a real local socket."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from mou_drafter.gui.app import open_in_front
from mou_drafter.gui.single_instance import InstanceServer, server_name
from tests.conftest import ROOT

SAMPLE = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def start_second_app(*args: str) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOU_DRAFTER_EXIT_AFTER_SHOW": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "mou_drafter", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait(qtbot, process: subprocess.Popen, timeout: float = 60) -> tuple[int, str]:
    """Wait for ``process`` while the test's Qt event loop runs (the server answers in it)."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        qtbot.wait(50)
    if process.poll() is None:
        process.kill()
    out, err = process.communicate()
    return process.returncode, out + err


def test_second_start_hands_the_draft_to_the_running_app(qtbot, window, tmp_path):
    server = InstanceServer(lambda path: open_in_front(window, path), window)
    assert server.listen()
    draft = tmp_path / "Biên bản hội nghị.MOUD"  # Vietnamese name with spaces, extension in capitals
    draft.write_bytes(SAMPLE.read_bytes())

    code, output = wait(qtbot, start_second_app(str(draft)))

    assert code == 0, output
    assert "shown" not in output  # the second process opened no window of its own
    qtbot.waitUntil(
        lambda: window.controller.doc is not None and window.controller.doc.path == draft.resolve(),
        timeout=5000,
    )
    assert window.controller.doc.draft.parties[0].name.vi == "huyện Đăk Glei"
    assert window.isVisible()


def test_without_a_running_app_the_second_start_opens_its_own_window(qtbot, tmp_path):
    code, output = wait(qtbot, start_second_app(str(SAMPLE)))
    assert code == 0, output
    assert output.startswith("shown "), output


def test_a_start_without_a_draft_opens_its_own_window_beside_the_running_app(qtbot, window):
    server = InstanceServer(lambda path: open_in_front(window, path), window)
    assert server.listen()
    code, output = wait(qtbot, start_second_app())
    assert code == 0, output
    assert output.startswith("shown "), output
    assert window.controller.doc is None  # nothing was handed over


def test_each_user_folder_has_its_own_server(monkeypatch, tmp_path):
    first = server_name()
    monkeypatch.setenv("MOU_DRAFTER_HOME", str(tmp_path / "other user"))
    assert server_name() != first


@pytest.mark.skipif(os.name == "nt", reason="named pipes vanish with their process; only socket files stay")
def test_a_socket_left_by_a_crashed_app_is_taken_over(qtbot, window):
    from PySide6.QtNetwork import QLocalServer

    stale = QLocalServer()
    assert stale.listen(server_name())
    path = stale.fullServerName()
    stale.close()  # Qt removes the file on close; put one back as a crash would leave it
    import socket

    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(path)
    leftover.close()
    assert os.path.exists(path)
    server = InstanceServer(lambda path: open_in_front(window, path), window)
    assert server.listen()
