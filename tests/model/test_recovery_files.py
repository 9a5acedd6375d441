"""The recovery journal and files, without Qt (issue 17): journal lines round trip; a journal cut
at any byte (a kill mid-append) replays to the state after its last whole entry; damaged and
out-of-order lines stop the replay there; entries already in the full autosave are skipped;
entries that would make the draft invalid are dropped from the end; the store's slots, orphans,
claims (one winner), declines (kept seven days) and removals; the serial writer's order."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from mou_drafter.errors import MouDrafterError
from mou_drafter.model.atomic_write import temporary_name
from mou_drafter.model.draft import Draft
from mou_drafter.model.files import load_draft
from mou_drafter.model.journal import Entry, apply_ops, encode_entry, read_journal, replay
from mou_drafter.model.recovery import (
    DECLINED,
    KEEP_DECLINED_DAYS,
    RecoveryStore,
    SerialWriter,
    journal_line,
    read_recovery,
    snapshot_bytes,
)
from tests.conftest import ROOT, dead_pid

SAMPLE = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


def alive_only(*pids: int):
    return lambda pid: pid in pids


ENTRIES = [
    Entry(1, 1000.0, [("title.vi", "Hội")]),
    Entry(2, 1000.2, [("title.vi", "Hội nghị"), ("title.lo", "ກອງປະຊຸມ")]),
    Entry(3, 1000.4, [("parties", [{"name": {"vi": "huyện Đăk Glei"}}, {"name": {"lo": "ເມືອງຊານໄຊ"}}])]),
    Entry(4, 1000.6, [("parties[1].name.vi", "huyện Xan Xay")]),
]


def base() -> dict:
    return Draft(kind="mou").model_dump(mode="json")


def test_entries_round_trip():
    data = b"".join(encode_entry(e) for e in ENTRIES)
    read = read_journal(data)
    assert read.entries == ENTRIES and read.problem == "" and read.ignored_bytes == 0
    assert all(line.endswith(b"\n") for line in data.splitlines(keepends=True))


def test_a_journal_cut_at_any_byte_replays_to_its_last_whole_entry():
    lines = [encode_entry(e) for e in ENTRIES]
    data = b"".join(lines)
    ends = [sum(len(line) for line in lines[: i + 1]) for i in range(len(lines))]
    for cut in range(len(data) + 1):
        read = read_journal(data[:cut])
        whole = sum(1 for end in ends if end <= cut)
        assert read.entries == ENTRIES[:whole], cut
        assert read.ignored_bytes == cut - (ends[whole - 1] if whole else 0)
        replayed = replay(base(), 0, read.entries, "autosave")
        expected = base()
        for entry in ENTRIES[:whole]:
            apply_ops(expected, entry.ops)
        assert replayed.draft == Draft.model_validate(expected), cut
        assert replayed.applied == whole


def test_a_damaged_or_out_of_order_line_stops_the_replay_there():
    lines = [encode_entry(e) for e in ENTRIES]
    flipped = bytearray(lines[1])
    flipped[20] ^= 0x01
    read = read_journal(lines[0] + bytes(flipped) + lines[2])
    assert read.entries == ENTRIES[:1] and "damaged" in read.problem
    read = read_journal(lines[0] + lines[2] + lines[1])
    assert read.entries == [ENTRIES[0], ENTRIES[2]] and "out of order" in read.problem
    assert read_journal(b"garbage\n" + lines[0]).entries == []


def test_replay_skips_what_the_autosave_holds_and_drops_invalid_entries_from_the_end():
    snapshot = base()
    apply_ops(snapshot, ENTRIES[0].ops + ENTRIES[1].ops)
    replayed = replay(snapshot, 2, ENTRIES, "autosave")
    assert replayed.applied == 2 and replayed.draft.parties[1].name.vi == "huyện Xan Xay"
    assert replayed.draft.title.lo == "ກອງປະຊຸມ" and replayed.last_change == 1000.6
    bad = [*ENTRIES, Entry(5, 1001.0, [("languages", ["fr"])]), Entry(6, 1001.2, [("title.vi", "x")])]
    replayed = replay(base(), 0, bad, "autosave")
    assert (replayed.applied, replayed.dropped) == (4, 2)  # 6 is fine alone but comes after 5
    assert replayed.draft.title.vi == "Hội nghị"
    missing = [Entry(1, 1.0, [("parties[7].name.vi", "x")])]
    assert replay(base(), 0, missing, "autosave").applied == 0
    with pytest.raises(MouDrafterError):
        replay({"kind": "mou"}, 0, [], "autosave")  # the autosave itself is no draft


def test_a_slot_journals_and_empties_its_journal_at_each_full_autosave(tmp_path):
    store = RecoveryStore(tmp_path, alive_only(os.getpid()))
    slot = store.new_slot()
    draft = load_draft(SAMPLE)
    slot.write_snapshot(
        snapshot_bytes(draft.model_dump(mode="json"), 0, str(SAMPLE), os.stat(SAMPLE).st_mtime)
    )
    slot.append(journal_line(1, [("title.vi", "Một")]))
    slot.append(journal_line(2, [("title.vi", "Một hai")]))
    found = read_recovery(slot.folder)
    assert found.draft.title.vi == "Một hai" and found.applied == 2 and found.last_seq == 2
    assert found.file_state() == "same" and found.original == str(SAMPLE)
    draft.title.vi = "Một hai"
    slot.write_snapshot(snapshot_bytes(draft.model_dump(mode="json"), 2, str(SAMPLE), None))
    assert slot.journal.read_bytes() == b""
    slot.append(journal_line(3, [("title.vi", "Một hai ba")]))
    assert read_recovery(slot.folder).draft.title.vi == "Một hai ba"
    assert [p.name for p in slot.folder.iterdir()] and not list(slot.folder.glob("*.tmp"))
    # a kill mid-append: half a line at the end
    line = journal_line(4, [("title.vi", "Một hai ba bốn")])
    with slot.journal.open("ab") as handle:
        handle.write(line[: len(line) // 2])
    found = read_recovery(slot.folder)
    assert found.draft.title.vi == "Một hai ba" and "cut short" in found.journal_problem
    slot.remove()
    assert not slot.folder.exists()


def test_the_file_state_says_new_missing_changed_or_same(tmp_path):
    store = RecoveryStore(tmp_path / "autosave", alive_only())
    draft_file = tmp_path / "d.moud"
    draft_file.write_bytes(SAMPLE.read_bytes())
    states = {}
    for name, original, mtime in [
        ("new", "", None),
        ("same", str(draft_file), os.stat(draft_file).st_mtime),
        ("changed", str(draft_file), 1.0),
        ("missing", str(tmp_path / "gone.moud"), 1.0),
    ]:
        slot = store.new_slot()
        slot.write_snapshot(snapshot_bytes(base(), 0, original, mtime))
        states[name] = read_recovery(slot.folder).file_state()
    assert states == {"new": "new", "same": "same", "changed": "changed", "missing": "missing"}


def test_orphans_claims_declines_and_the_seven_days(tmp_path):
    me, dead = os.getpid(), dead_pid()
    crashed = RecoveryStore(tmp_path, alive_only(me), pid=dead)
    slots = [crashed.new_slot() for _ in range(3)]
    for i, slot in enumerate(slots[:2]):
        data = base()
        data["title"]["vi"] = f"bản {i}"
        slot.write_snapshot(snapshot_bytes(data, 0, "", None, saved=1000.0 + i))
    slots[2].folder.mkdir()  # killed before its first autosave was whole: nothing to offer
    (slots[2].folder / ".draft.autosave.x.tmp").write_bytes(b"half")
    running = RecoveryStore(tmp_path, alive_only(me, 4242), pid=4242)
    running.new_slot().write_snapshot(snapshot_bytes(base(), 0, "", None))

    store = RecoveryStore(tmp_path, alive_only(me, 4242))
    orphans = store.orphans()
    # newest first; the running one is not offered
    assert [o.draft.title.vi for o in orphans] == ["bản 1", "bản 0"]
    assert not slots[2].folder.exists()

    # two apps taking the same one at once: one gets it
    other = RecoveryStore(tmp_path, alive_only(me, 4242, 4343), pid=4343)
    twin = other.orphans()[0]
    mine = store.claim(orphans[0])
    assert mine is not None and mine.folder.name.startswith(f"session-{me}-")
    assert other.claim(twin) is None
    assert [o.folder for o in store.orphans()] == [orphans[1].folder]

    # declined: kept aside, listed, not offered again; gone after seven days
    store.decline(mine, now=time.time() - 3600)
    assert [d.draft.title.vi for d in store.declined()] == ["bản 1"]
    assert all(o.draft.title.vi != "bản 1" for o in store.orphans())
    again = store.claim(store.declined()[0])
    assert again is not None and read_recovery(again.folder).draft.title.vi == "bản 1"
    store.decline(again, now=time.time() - (KEEP_DECLINED_DAYS * 86400 + 60))
    assert store.declined() == []
    assert list((tmp_path / DECLINED).iterdir()) == []


def test_a_claimed_folder_loses_the_temporary_files_of_a_killed_write(tmp_path):
    dead = dead_pid()
    slot = RecoveryStore(tmp_path, alive_only(), pid=dead).new_slot()
    slot.write_snapshot(snapshot_bytes(base(), 0, "", None))
    killed = slot.folder / temporary_name(slot.snapshot, pid=dead)  # as atomic_write_bytes names it
    killed.write_bytes(b'{"format": "mou-drafter-aut')
    store = RecoveryStore(tmp_path, alive_only(os.getpid()))
    [orphan] = store.orphans()
    claimed = store.claim(orphan)
    assert sorted(p.name for p in claimed.folder.iterdir()) == ["draft.autosave"]


def test_an_unreadable_autosave_is_reported_not_lost(tmp_path):
    slot = RecoveryStore(tmp_path, alive_only(), pid=dead_pid()).new_slot()
    slot.folder.mkdir()
    slot.snapshot.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    [found] = RecoveryStore(tmp_path, alive_only(os.getpid())).orphans()
    assert found.draft is None and "not an autosave" in found.error
    assert slot.folder.exists()


def test_the_serial_writer_runs_jobs_in_order_and_reports_errors():
    done: list[int] = []
    errors: list[str] = []
    writer = SerialWriter(lambda exc: errors.append(str(exc)))
    gate = threading.Event()
    writer.submit(gate.wait)
    for i in range(50):
        writer.submit(lambda i=i: done.append(i))
    writer.submit(lambda: (_ for _ in ()).throw(OSError("disk gone")))
    writer.submit(lambda: done.append(99))
    assert not writer.wait(0.05)  # the first job still waits
    gate.set()
    assert writer.wait(10)
    assert done == [*range(50), 99] and errors == ["disk gone"]
    assert writer._thread is None  # the thread ends when there is no work


def test_journal_values_are_the_draft_files_json(tmp_path):
    """What the app journals (``model_dump(mode="json")`` values) replays to the same draft:
    dates, amounts, lists of parties."""
    draft = load_draft(SAMPLE)
    data = draft.model_dump(mode="json")
    empty = Draft(kind=draft.kind, template=draft.template).model_dump(mode="json")
    ops = [(key, value) for key, value in data.items() if key not in ("kind", "schema_version")]
    replayed = replay(empty, 0, [Entry(1, 1.0, ops)], "x")
    assert replayed.draft == draft
