"""Child processes that can be cancelled: LibreOffice and Poppler, started by the PDF export
(:mod:`.pdf`) and the print preview (:mod:`.pages`).

:func:`run` starts the child as the leader of a process group of its own (on Windows a new
process group, stopped with ``taskkill /T``), so that when ``cancel`` is set — the draft changed
while its pages were being made — the child is stopped at once together with the processes it
started (LibreOffice starts ``soffice.bin``). A child run in the ``background`` (the print
preview's, made while the clerk types) starts at a low CPU priority (``nice`` on POSIX, below
normal on Windows) and its children inherit it: on a 2-core machine the app's UI thread comes
first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

from ..errors import ExportError

#: A conversion takes seconds; a child process that hangs is stopped after this.
TIMEOUT_S = 300
#: How often a running child is checked for cancellation (seconds).
POLL_S = 0.02
#: The niceness of a child run in the background (POSIX; 0 normal, 19 lowest).
BACKGROUND_NICE = 10


class Cancelled(Exception):  # noqa: N818 - what happened, not an error
    """The work was cancelled (the draft changed, or the page view was closed)."""


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process`` and every process it started."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            capture_output=True,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        process.kill()
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def run(
    command: list[str],
    log: Path,
    cancel: threading.Event | None = None,
    timeout: float = TIMEOUT_S,
    *,
    background: bool = False,
) -> int:
    """Run ``command`` with its output in ``log``; its exit code. Raises :class:`Cancelled` (the
    child stopped) when ``cancel`` is set while it runs. ``background``: at a low CPU priority."""
    if cancel is not None and cancel.is_set():
        raise Cancelled
    options: dict[str, object] = {}
    argv = command
    if sys.platform == "win32":  # pragma: no cover - Windows only
        options["creationflags"] = (
            subprocess.CREATE_NEW_PROCESS_GROUP
            | getattr(subprocess, "CREATE_NO_WINDOW", 0)
            | (getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0) if background else 0)
        )
    else:
        options["start_new_session"] = True  # its own process group: stopped with its children
        nice = shutil.which("nice") if background else None
        if nice:  # exec'd in place: the same process (group), its children inherit the priority
            argv = [nice, "-n", str(BACKGROUND_NICE), *command]
    with log.open("ab") as out:
        try:
            process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=out, **options)  # type: ignore[call-overload]  # noqa: S603
        except OSError as exc:
            raise ExportError(f"{command[0]}: {exc}") from None
        waited = 0.0
        while True:
            try:
                return process.wait(timeout=POLL_S)
            except subprocess.TimeoutExpired:
                waited += POLL_S
            if cancel is not None and cancel.is_set():
                _stop(process)
                raise Cancelled
            if waited > timeout:
                _stop(process)
                raise ExportError(f"{Path(command[0]).name} did not finish in {timeout:.0f} s")


def tail(log: Path, lines: int = 3) -> str:
    """The last lines of a child's ``log``, on one line (for an error message)."""
    try:
        text = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " ".join(text[-lines:])
