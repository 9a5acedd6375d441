"""Autosave to the user data folder and recovery after a crash.

Each running app writes ``autosave/session-<pid>.moud`` (and a ``.json`` beside it naming the
draft's own file) while it has unsaved changes, and removes them when it closes normally or the
draft is saved. Autosaves found at start-up whose process is gone are offered for recovery.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..folders import data_home
from ..model.atomic_write import atomic_write_bytes
from ..model.draft import Draft
from ..model.files import draft_to_json


def autosave_dir() -> Path:
    return data_home() / "autosave"


@dataclass
class Autosave:
    draft_path: Path
    original: str

    def remove(self) -> None:
        for path in (self.draft_path, self.draft_path.with_suffix(".json")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _alive(pid: int) -> bool:
    """Whether process ``pid`` is running. Never signals it (on Windows ``os.kill`` would end it)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # (not os.name: mypy knows ctypes.windll by the platform)
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, ValueError, SystemError):
        return True  # exists but belongs to someone else
    return True


class Autosaver:
    def __init__(self) -> None:
        self.folder = autosave_dir()
        self.current = Autosave(self.folder / f"session-{os.getpid()}.moud", "")

    def save(self, draft: Draft, original: Path | None) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.current.draft_path, draft_to_json(draft).encode("utf-8"))
        meta = {"original": str(original) if original else "", "pid": os.getpid()}
        atomic_write_bytes(self.current.draft_path.with_suffix(".json"), json.dumps(meta).encode("utf-8"))
        return self.current.draft_path

    def clear(self) -> None:
        self.current.remove()

    def orphans(self) -> list[Autosave]:
        """Autosaves left by sessions that are no longer running (crashed)."""
        found: list[Autosave] = []
        if not self.folder.is_dir():
            return found
        for path in sorted(self.folder.glob("session-*.moud")):
            try:
                pid = int(path.stem.split("-", 1)[1])
            except ValueError:
                continue
            if _alive(pid):
                continue
            try:
                meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = {}
            found.append(Autosave(path, str(meta.get("original", ""))))
        return found
