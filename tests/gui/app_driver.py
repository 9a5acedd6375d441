"""Runs the real app — ``mou_drafter.gui.app.run``: its start-up, window, recovery offer and
event loop — offscreen in a child process, answering its questions from a script and typing
into its fields with real key events, for the crash tests (``test_crash_recovery.py``), which
kill it with SIGKILL whenever they like.

    python tests/gui/app_driver.py '<script as JSON>'

The script: ``{"recovery": <index of the offer to open at start, or null>, "older": <the same
for Recover older drafts>, "confirm": the answer to yes/no questions such as the newer template
version (default no), "save_changes": "save" | "discard" | "cancel" | "hang" (the question
stays open until the process is killed), "save_as": path, "steps": [...]}``. Steps, run one after another inside the event loop:

- ``["new", "mou"]`` / ``["open", path]`` / ``["recover-older"]`` — as the File menu does
  (``["new-if-none", "mou"]``: only if no draft is open, e.g. nothing was recovered);
- ``["report", [field paths]]`` — prints ``state {...}``: the open draft's file and those fields'
  values, and the temporary files left in the autosave folder once pending writes are done;
- ``["type", [[field path, character, delay in ms], ...]]`` — waits the delay, then sends the
  character to the field's widget as a key press (at the end of its text); after each prints ``key <i> <monotonic time>``;
- ``["edit-every", [field path, ms]]`` — from now on sets the field to ``… lần sửa <n>`` every ms
  milliseconds (through the draft, as the undo stack does; the next step runs at once);
- ``["autosave-every", ms]`` — the full autosave on this interval instead of the settings' one,
  and after each full autosave is on disk prints ``autosaved <change number> <title.vi>`` (read
  back from the file, on the writer's thread, before the next write can replace it);
- ``["sleep", ms]``, ``["say", text]`` (prints it), ``["quit"]`` (closes the window).

Each question the app asks is printed as ``asked <kind> <JSON>``. Lines are flushed at once, so
whatever the parent read before the kill was printed before it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def main(script: dict) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mou_drafter.gui import app as app_module
    from mou_drafter.gui.autosave import autosave_dir
    from mou_drafter.gui.interaction import Interaction
    from mou_drafter.gui.main_window import MainWindow

    application = QApplication([sys.argv[0]])

    def ask_recovery(self, offers, *, older):
        say(
            "asked",
            "recovery-older" if older else "recovery",
            json.dumps(
                {"offers": [o.line() for o in offers], "notes": [o.note for o in offers]}, ensure_ascii=False
            ),
        )
        return script.get("older" if older else "recovery")

    def ask_save_changes(self, name):
        say("asked", "save-changes", json.dumps(name, ensure_ascii=False))
        answer = script.get("save_changes", "discard")
        if answer == "hang":  # the question stays open until the process is killed
            while True:
                time.sleep(1)
        return answer

    def error(self, title, text):
        say("asked", "error", json.dumps(text, ensure_ascii=False))

    def confirm(self, title, text):  # e.g. "Newer template version": a sample's template is not the newest
        say("asked", "confirm", json.dumps(title, ensure_ascii=False))
        return bool(script.get("confirm", False))

    def save_file_name(self, suggested):
        return script.get("save_as", "")

    Interaction.ask_recovery = ask_recovery
    Interaction.ask_save_changes = ask_save_changes
    Interaction.error = error
    Interaction.confirm = confirm
    Interaction.save_file_name = save_file_name

    steps = list(script.get("steps", []))

    def window() -> MainWindow:
        return next(w for w in application.topLevelWidgets() if isinstance(w, MainWindow))

    def next_step() -> None:
        if not steps:
            return
        step = steps.pop(0)
        kind, arg = step[0], (step[1] if len(step) > 1 else None)
        controller = window().controller
        if kind == "new":
            controller.new_document(arg)
        elif kind == "new-if-none":
            if controller.doc is None:
                controller.new_document(arg)
        elif kind == "recover-older":
            controller.recover_older()
        elif kind == "open":
            controller.open_path(Path(arg))
        elif kind == "report":
            controller.autosaver.wait(10)
            doc = controller.doc
            leftovers = sorted(str(p.relative_to(autosave_dir())) for p in autosave_dir().rglob("*.tmp"))
            state = {
                "file": str(doc.path) if doc and doc.path else None,
                "modified": bool(doc and doc.modified),
                "fields": {p: doc.get(p) for p in arg} if doc else None,
                "leftovers": leftovers,
                "folders": sorted(p.name for p in autosave_dir().glob("*"))
                if autosave_dir().exists()
                else [],
            }
            say("state", json.dumps(state, ensure_ascii=False))
        elif kind == "edit-every":
            path, ms = arg
            count = [0]

            def edit() -> None:
                doc = window().controller.doc
                if doc is not None:
                    count[0] += 1
                    doc.set_value(path, f"Biên bản ghi nhớ, lần sửa {count[0]}")

            timer = QTimer(window(), interval=int(ms))
            timer.timeout.connect(edit)
            timer.start()
        elif kind == "autosave-every":

            def autosaved(path: str) -> None:  # on the writer's thread: the file is as just written
                wrapper = json.loads(Path(path).read_text(encoding="utf-8"))
                say("autosaved", wrapper["seq"], wrapper["draft"]["title"]["vi"])

            controller.autosaver.saved.connect(autosaved, Qt.ConnectionType.DirectConnection)
            controller.autosave_timer.setInterval(int(arg))
        elif kind == "sleep":
            QTimer.singleShot(int(arg), next_step)
            return
        elif kind == "say":
            say(arg)
        elif kind == "quit":
            window().close()
            application.quit()
            return
        elif kind == "type":
            keys = list(arg)

            def press(index: int = 0) -> None:
                if index >= len(keys):
                    next_step()
                    return
                path, char, _delay = keys[index]
                widget = window().editor.registry[path]
                if hasattr(widget, "moveCursor"):  # typing goes at the end, as after a click there
                    widget.moveCursor(QTextCursor.MoveOperation.End)
                elif hasattr(widget, "end"):
                    widget.end(False)
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
                )
                say("key", index, f"{time.monotonic():.4f}")
                if index + 1 < len(keys):
                    QTimer.singleShot(int(keys[index + 1][2]), lambda: press(index + 1))
                else:
                    QTimer.singleShot(0, next_step)

            QTimer.singleShot(int(keys[0][2]) if keys else 0, press)
            return
        else:
            raise SystemExit(f"unknown step {kind!r}")
        QTimer.singleShot(0, next_step)

    def begin() -> None:  # the steps start once the app's start is complete (recovery offer, …)
        shown = [w for w in application.topLevelWidgets() if isinstance(w, MainWindow)]
        if not shown or not shown[0].start_complete:
            QTimer.singleShot(10, begin)
            return
        next_step()

    QTimer.singleShot(0, begin)
    say("started", os.getpid(), f"{time.monotonic():.4f}")
    return app_module.run([])


if __name__ == "__main__":
    sys.exit(main(json.loads(sys.argv[1])))
