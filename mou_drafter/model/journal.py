"""The recovery journal: the changes made to a draft since its last full autosave, one line per
batch, appended within half a second of the change (Qt-free; the app's side is ``gui/autosave.py``).

A line is ``<crc32 as 8 hex digits> <JSON>\\n``; the JSON is ``{"n": seq, "t": unix time,
"ops": [[path, value], ...]}``: each operation sets the field or list at a field path
(``parties[0].name.vi``, ``obligations``) to a JSON value, as ``Draft.model_dump(mode="json")``
writes it. Operations are absolute (the value, not a difference), and the paths of one line never
overlap, so a line can be applied to the draft as it was after the line before it.

Reading tolerates what a kill can leave: a last line without its newline, cut short, or whose
checksum does not match is not applied, nor anything after it. Replay applies the lines whose
``n`` is above the autosave's own ``seq`` (older lines are already in the autosave) to the
autosave's JSON, then migrates and validates the result as a draft file would be; if the last
lines make an invalid draft, they are dropped one by one from the end.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from ..errors import MouDrafterError
from .draft import Draft
from .files import parse_draft
from .paths import split_path

#: A journal line: this many hex digits of checksum, a space, the JSON object, a newline.
_CRC_DIGITS = 8


@dataclass(frozen=True)
class Entry:
    """One line of the journal: its sequence number, when it was made, and its operations."""

    seq: int
    time: float
    ops: list[tuple[str, Any]]


@dataclass
class JournalRead:
    """What could be read of a journal: the entries in order, and what was left unread."""

    entries: list[Entry] = field(default_factory=list)
    #: Bytes at the end that were not a complete, intact entry (a write cut short by a kill).
    ignored_bytes: int = 0
    #: Why reading stopped early ("" if every line was read).
    problem: str = ""


def encode_entry(entry: Entry) -> bytes:
    """The journal line of ``entry`` (ending in a newline)."""
    body = json.dumps(
        {"n": entry.seq, "t": round(entry.time, 3), "ops": [[p, v] for p, v in entry.ops]},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def read_journal(data: bytes) -> JournalRead:
    """The intact entries of a journal's bytes, in order; reading stops at the first line that is
    cut short, damaged or out of order, and everything from there on is counted as ignored."""
    read = JournalRead()
    position = 0
    last_seq: int | None = None
    while position < len(data):
        end = data.find(b"\n", position)
        if end < 0:
            read.problem = "the last entry was cut short"
            break
        line = data[position:end]
        entry = _decode_line(line)
        if entry is None:
            read.problem = f"damaged entry at byte {position}"
            break
        if last_seq is not None and entry.seq <= last_seq:
            read.problem = f"entry {entry.seq} out of order at byte {position}"
            break
        read.entries.append(entry)
        last_seq = entry.seq
        position = end + 1
    read.ignored_bytes = len(data) - position
    return read


def _decode_line(line: bytes) -> Entry | None:
    if len(line) < _CRC_DIGITS + 2 or line[_CRC_DIGITS : _CRC_DIGITS + 1] != b" ":
        return None
    body = line[_CRC_DIGITS + 1 :]
    try:
        if int(line[:_CRC_DIGITS], 16) != zlib.crc32(body):
            return None
        obj = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(obj, dict):
        return None
    seq, time, ops = obj.get("n"), obj.get("t", 0), obj.get("ops")
    if isinstance(seq, bool) or not isinstance(seq, int) or not isinstance(time, int | float):
        return None
    if not isinstance(ops, list) or not all(
        isinstance(op, list) and len(op) == 2 and isinstance(op[0], str) and op[0] for op in ops
    ):
        return None
    return Entry(seq, float(time), [(op[0], op[1]) for op in ops])


class ReplayError(ValueError):
    """An operation names a path the draft's JSON does not have."""


def apply_ops(data: dict[str, Any], ops: list[tuple[str, Any]]) -> None:
    """Set each path of ``ops`` in the draft's JSON object ``data`` (in place)."""
    for path, value in ops:
        parts = split_path(path)
        if not parts:
            raise ReplayError(f"{path!r} is not a field path")
        node: Any = data
        for part in parts[:-1]:
            node = _step(node, part, path)
        last = parts[-1]
        if isinstance(last, int):
            if not isinstance(node, list) or not 0 <= last < len(node):
                raise ReplayError(f"{path}: no item {last}")
            node[last] = value
        else:
            if not isinstance(node, dict):
                raise ReplayError(f"{path}: {last} is not a field here")
            node[last] = value


def _step(node: Any, part: str | int, path: str) -> Any:
    if isinstance(part, int):
        if not isinstance(node, list) or not 0 <= part < len(node):
            raise ReplayError(f"{path}: no item {part}")
        return node[part]
    if not isinstance(node, dict) or not isinstance(node.get(part), dict | list):
        raise ReplayError(f"{path}: no field {part}")
    return node[part]


@dataclass
class Replayed:
    """A draft rebuilt from an autosave and its journal."""

    draft: Draft
    #: Journal entries applied (newer than the autosave).
    applied: int
    #: Entries that were read but could not be applied (they made the draft invalid), newest last.
    dropped: int
    #: When the newest change that was applied was made (unix time; 0 if none).
    last_change: float


def replay(snapshot: dict[str, Any], after_seq: int, entries: list[Entry], source: str) -> Replayed:
    """The draft of the autosave's JSON ``snapshot`` with the journal ``entries`` newer than
    ``after_seq`` applied; :class:`~mou_drafter.errors.MouDrafterError` (naming ``source``) if the
    autosave itself is not a draft."""
    newer = [entry for entry in entries if entry.seq > after_seq]
    for count in range(len(newer), -1, -1):
        data = json.loads(json.dumps(snapshot))  # a deep copy the operations may change
        try:
            for entry in newer[:count]:
                apply_ops(data, entry.ops)
            raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
            draft = parse_draft(raw, source)
        except ReplayError:
            continue
        except MouDrafterError:
            if count == 0:
                raise
            continue
        last = newer[count - 1].time if count else 0.0
        return Replayed(draft, count, len(newer) - count, last)
    raise AssertionError("unreachable: count 0 either returns or raises")  # pragma: no cover
