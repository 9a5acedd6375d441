"""Autosave to the user data folder and recovery after a crash.

Each running app writes ``autosave/session-<pid>.moud`` (and a ``.json`` beside it naming the
draft's own file) while it has unsaved changes, and removes them when it closes normally or the
draft is saved. Autosaves found at start-up whose process is gone are offered for recovery.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..folders import data_home
from ..model.atomic_write import atomic_write_bytes, remove_leftovers
from ..model.draft import Draft
from ..model.files import complete_leftovers, draft_to_json
from ..model.processes import process_alive

log = logging.getLogger(__name__)

#: An autosave (``session-<pid>.moud``) or a temporary file of one (``.session-<pid>.moud.….tmp``).
_SESSION = re.compile(r"^\.?session-(?P<pid>\d+)\.moud(?:\..+\.tmp)?$")


def autosave_dir() -> Path:
    return data_home() / "autosave"


@dataclass
class Autosave:
    draft_path: Path
    original: str

    def remove(self) -> None:
        """Remove the autosave, its note, and what killed autosaves of it left behind."""
        for path in (self.draft_path, self.draft_path.with_suffix(".json")):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:  # kept: offered again at the next start, which is better than lost
                log.warning("cannot remove the autosave %s: %s", path, exc)
            remove_leftovers(path)


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
        """Autosaves left by sessions that are no longer running (crashed). An autosave that was
        killed before its copy replaced the last one leaves that copy as a temporary file: when it
        is complete and newer, it is put in place first (what the killed autosave was about to do),
        so the latest autosave is offered — also when it was the session's first."""
        found: list[Autosave] = []
        if not self.folder.is_dir():
            return found
        for pid in self._ended_sessions():
            path = self.folder / f"session-{pid}.moud"
            self._finish_killed_autosave(path)
            if not path.exists():  # killed during its first autosave, before the copy was complete
                remove_leftovers(path)
                remove_leftovers(path.with_suffix(".json"))
                continue
            try:
                meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:  # offered without the name of its draft file
                log.warning("cannot read %s: %s", path.with_suffix(".json"), exc)
                meta = {}
            if not isinstance(meta, dict):
                log.warning("%s is not what the app wrote; the autosave is offered without it", path.with_suffix(".json"))
                meta = {}
            found.append(Autosave(path, str(meta.get("original", ""))))
        return found

    def _ended_sessions(self) -> list[int]:
        """The process ids of sessions that left an autosave (or a temporary file of one) and are
        no longer running."""
        pids = set()
        for entry in self.folder.iterdir():
            match = _SESSION.match(entry.name)
            if match is None:
                if entry.name.startswith("session-") and entry.suffix == ".moud":
                    log.info("not an autosave of this app: %s", entry)
                continue
            pids.add(int(match["pid"]))
        return sorted(pid for pid in pids if pid != os.getpid() and not process_alive(pid))

    @staticmethod
    def _finish_killed_autosave(path: Path) -> None:
        copies = complete_leftovers(path)
        if not copies:
            return
        try:
            os.replace(copies[0].path, path)
        except OSError as exc:  # the last complete autosave is offered instead
            log.warning("cannot put the unfinished autosave %s in place: %s", copies[0].path, exc)
        else:
            log.info("the autosave %s was killed before it finished; its complete copy was put in place", path)
