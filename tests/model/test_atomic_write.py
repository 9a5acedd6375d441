"""The one writer (issue 12): read-only targets refused and kept, a full disk and I/O errors said
clearly with the previous file intact and nothing left behind, links written through, an export
never written over its draft."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from mou_drafter import cli
from mou_drafter.api import RenderOptions, load_draft, new_draft, render_to_path, save_draft
from mou_drafter.errors import ExportError, UsageError
from mou_drafter.model import atomic_write
from mou_drafter.model.atomic_write import atomic_write_bytes, read_only_reason, same_file
from tests.conftest import POSIX_LINKS, ROOT

SEED = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


def only_target(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name == name or p.name.startswith(f".{name}."))


# -- read-only targets ------------------------------------------------------------------------------


@pytest.mark.parametrize("what", ["draft", "docx"])
def test_read_only_target_is_refused_and_kept(what, tmp_path):
    """No write permission bits: refused, also as root (who could replace it anyway)."""
    target = tmp_path / ("d.moud" if what == "draft" else "d.docx")
    target.write_bytes(b"the clerk's file")
    target.chmod(0o444)
    try:
        with pytest.raises(ExportError, match=r"d\.(moud|docx): the file is read-only .*left unchanged"):
            if what == "draft":
                save_draft(new_draft("mou"), target)
            else:
                render_to_path(load_draft(SEED), target, RenderOptions(languages=("vi",)))
        assert target.read_bytes() == b"the clerk's file"
        assert only_target(tmp_path, target.name) == [target.name]
    finally:
        target.chmod(0o644)


def test_read_only_attribute_on_windows_is_refused(tmp_path, monkeypatch):
    """Windows keeps read-only as an attribute (``st_file_attributes``); the writer reads it even
    where the permission bits would allow writing."""
    target = tmp_path / "d.moud"
    target.write_bytes(b"kept")
    real_stat = os.stat

    class WindowsStat:
        def __init__(self, st: os.stat_result) -> None:
            self._st = st
            self.st_mode = st.st_mode | 0o222
            self.st_file_attributes = stat.FILE_ATTRIBUTE_READONLY | stat.FILE_ATTRIBUTE_ARCHIVE

        def __getattr__(self, name: str):
            return getattr(self._st, name)

    def fake_stat(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        return WindowsStat(st) if Path(path) == target else st

    monkeypatch.setattr(os, "stat", fake_stat)
    assert "read-only attribute" in read_only_reason(target)
    with pytest.raises(ExportError, match="read-only attribute is set"):
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"kept"


def test_cli_says_read_only(tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")
    out.chmod(0o444)
    code = cli.main(["render", str(SEED), "-o", str(out), "--languages", "vi,lo"])
    assert code == 2 and out.read_bytes() == b"old"
    out.chmod(0o644)


# -- disk full, I/O errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "code", "message"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("write", errno.EIO, "input/output error"),
        ("fsync", errno.EIO, "input/output error"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("replace", errno.ENOSPC, "the disk is full"),
        ("replace", errno.EIO, "input/output error"),
    ],
)
@pytest.mark.parametrize("what", ["draft", "docx"])
def test_disk_full_and_io_errors_keep_the_previous_file(what, call, code, message, tmp_path, monkeypatch):
    target = tmp_path / ("d.moud" if what == "draft" else "d.docx")
    draft = load_draft(SEED)
    if what == "draft":
        save_draft(draft, target)
    else:
        render_to_path(draft, target, RenderOptions(languages=("vi", "lo")))
    before = target.read_bytes()
    real = getattr(os, call)
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if call == "write" and len(calls) == 1:  # the first chunk gets through, the disk fills up after it
            return real(args[0], bytes(args[1][:10]))
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, call, failing)
    draft.title.vi = "thay đổi"
    with pytest.raises(ExportError) as refused:
        if what == "draft":
            save_draft(draft, target)
        else:
            render_to_path(draft, target, RenderOptions(languages=("vi", "lo")))
    monkeypatch.undo()
    assert message in str(refused.value) and "left unchanged" in str(refused.value)
    assert str(target) in str(refused.value)
    assert target.read_bytes() == before
    assert only_target(tmp_path, target.name) == [target.name]  # the temporary file went too


def test_cli_says_the_disk_is_full(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    code = cli.main(["render", str(SEED), "-o", str(out), "--languages", "vi,lo"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 2
    assert (
        f"mou-drafter: error: cannot write {out}: the disk is full; the existing file was left unchanged"
        in err
    )
    assert "Traceback" not in err and out.read_bytes() == b"old"


def test_a_folder_that_keeps_no_permissions_still_gets_the_file(tmp_path, monkeypatch):
    """chmod failing (FAT, some network folders) is logged, not a failed save."""

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refuse)
    atomic_write_bytes(tmp_path / "f.txt", b"data")
    assert (tmp_path / "f.txt").read_bytes() == b"data"


# -- links and the draft itself -----------------------------------------------------------------------


@POSIX_LINKS
def test_a_link_is_written_through_and_kept(tmp_path):
    real = tmp_path / "real.moud"
    save_draft(new_draft("mou"), real)
    link = tmp_path / "link.moud"
    link.symlink_to(real)
    draft = load_draft(SEED)
    assert save_draft(draft, link) == real
    assert link.is_symlink() and load_draft(real) == draft


@POSIX_LINKS
def test_an_export_is_never_written_over_its_draft(tmp_path):
    draft_path = tmp_path / "X.moud"
    save_draft(load_draft(SEED), draft_path)
    before = draft_path.read_bytes()
    (tmp_path / "link.docx").symlink_to(draft_path)
    draft = load_draft(draft_path)
    for output in (draft_path, tmp_path / "link.docx", tmp_path / "sub" / ".." / "X.moud"):
        with pytest.raises(UsageError, match="that is the draft file being exported"):
            render_to_path(draft, output, RenderOptions(), fmt="docx", source=draft_path)
    with pytest.raises(UsageError, match=r"must not be written over a draft file \(\.moud\)"):
        render_to_path(draft, tmp_path / "other.moud", RenderOptions(), fmt="docx")
    assert draft_path.read_bytes() == before
    assert same_file(tmp_path / "link.docx", draft_path) and not same_file(tmp_path / "a.docx", draft_path)


@POSIX_LINKS
@pytest.mark.parametrize("output", ["X.moud", "link.docx", "./sub/../X.moud"])
def test_cli_refuses_to_render_over_the_draft(output, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    save_draft(load_draft(SEED), tmp_path / "X.moud")
    (tmp_path / "link.docx").symlink_to(tmp_path / "X.moud")
    before = (tmp_path / "X.moud").read_bytes()
    code = cli.main(["render", "X.moud", "-o", output, "--format", "docx"])
    err = capsys.readouterr().err
    assert code == 2 and "that is the draft file being exported" in err and "Traceback" not in err
    assert (tmp_path / "X.moud").read_bytes() == before


def test_temporary_names_say_file_process_and_computer(tmp_path):
    name = atomic_write.temporary_name(tmp_path / "bien ban.v2.moud", pid=4242)
    match = atomic_write._TEMPORARY.match(name)
    assert match and match["name"] == "bien ban.v2.moud" and match["pid"] == "4242"
    assert name.startswith(".bien ban.v2.moud.4242@") and name.endswith(".tmp")
