"""One writer for everything we save (drafts, autosaves, exported documents, settings).

The data goes to a temporary file in the target's folder, is flushed to disk and then replaces the
target in one step, so a crash, a kill or a full disk never leaves a half-written file, and a target
that cannot be replaced (open in Word on Windows) is left exactly as it was. A read-only target
(no write permission bits; on Windows the read-only attribute) is refused, also where the process
could write it anyway (as root or an administrator). A target that is a symbolic link is written
through the link.

Temporary files are named ``.<name>.<pid>@<host>.<random>.tmp``: the file they are for, the process
that writes them and the computer it runs on. A save that was killed leaves its temporary file
behind; the next successful save of the same file removes the ones whose process is no longer
running on this computer (never one a running save still owns, nor one another computer made in
a shared folder). :func:`leftovers` lists them, e.g. for the app to offer a complete one that is
newer than the file.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExportError
from .processes import host_tag, process_alive

log = logging.getLogger(__name__)

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)@(?P<host>[0-9a-f]{6})\.[0-9a-f]{8}\.tmp$")
_UNCHANGED = "the existing file was left unchanged"


def temporary_name(target: Path, pid: int | None = None) -> str:
    """``.<name>.<pid>@<host>.<random>.tmp`` for ``target``."""
    return f".{target.name}.{os.getpid() if pid is None else pid}@{host_tag()}.{secrets.token_hex(4)}.tmp"


@dataclass(frozen=True)
class Leftover:
    """The temporary file of an earlier save of ``target`` whose process has ended."""

    path: Path
    target: Path
    pid: int

    @property
    def mtime(self) -> float:
        return self.path.stat().st_mtime


def leftovers(path: str | os.PathLike[str]) -> list[Leftover]:
    """Temporary files left by earlier saves of ``path`` (killed, or the computer lost power) whose
    process no longer runs on this computer, newest first. Never one of a running process, nor
    one made by another computer (in a shared folder), nor files of other names."""
    target = _real_target(Path(path))
    folder = target.parent if str(target.parent) else Path(".")
    prefix = f".{target.name}."
    found: list[tuple[float, Leftover]] = []
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.startswith(prefix) and e.name.endswith(".tmp")]
    except OSError:
        return []
    for name in names:
        match = _TEMPORARY.match(name)
        if not match or match["name"] != target.name or match["host"] != host_tag():
            continue
        pid = int(match["pid"])
        if pid == os.getpid() or process_alive(pid):
            continue  # a save in progress (perhaps on another thread of this process)
        leftover = Leftover(folder / name, target, pid)
        try:
            found.append((leftover.mtime, leftover))
        except OSError:
            continue  # gone meanwhile
    return [leftover for _mtime, leftover in sorted(found, key=lambda pair: pair[0], reverse=True)]


def remove_leftovers(path: str | os.PathLike[str]) -> int:
    """Remove the :func:`leftovers` of ``path``; returns how many went. A file that cannot be
    removed is logged and kept."""
    removed = 0
    for leftover in leftovers(path):
        try:
            leftover.path.unlink(missing_ok=True)  # gone already: another save of the file removed it
            removed += 1
        except OSError as exc:
            log.warning("cannot remove the leftover temporary file %s: %s", leftover.path, exc)
    if removed:
        log.info("removed %d leftover temporary file(s) of %s", removed, path)
    return removed


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` are the same file (after links; also when one does not exist yet)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where the names lead
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def read_only_reason(path: Path) -> str:
    """Why ``path`` must not be replaced (read-only, not ours to change), or ``""``."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    if getattr(st, "st_file_attributes", 0) & getattr(stat, "FILE_ATTRIBUTE_READONLY", 1):
        return "the file is read-only (its read-only attribute is set)"
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return "the file is read-only (no one has permission to write it)"
    if os.name != "nt" and not os.access(path, os.W_OK):
        return "you have no permission to change the file"
    return ""


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; raise :class:`ExportError` with a clear reason.
    Returns the path written (the file a symbolic link ``path`` points to is written)."""
    target = _real_target(Path(path))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    reason = read_only_reason(target)
    if reason:
        raise ExportError(
            f"cannot write {target}: {reason}; {_UNCHANGED}. Save under another name, or make the "
            "file writable first."
        )
    mode = _mode_for(target)
    tmp, fd = _create_temporary(target, folder)
    try:
        try:
            os.chmod(tmp, mode)
        except OSError as exc:  # some network and FAT folders keep no permissions: the file is still good
            log.info("cannot set the permissions of %s: %s", tmp, exc)
        _write_all(fd, data)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        _replace(tmp, target)
    except BaseException as exc:
        if fd >= 0:
            try:
                os.close(fd)
            except OSError as close_exc:
                log.warning("cannot close %s: %s", tmp, close_exc)
        try:
            tmp.unlink(missing_ok=True)  # missing: os.replace had already moved it
        except OSError as unlink_exc:
            log.warning("cannot remove the temporary file %s: %s", tmp, unlink_exc)
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from None
        raise
    _sync_folder(folder)
    remove_leftovers(target)
    return target


def _real_target(path: Path) -> Path:
    """The file a symbolic link stands for (so the link is kept, and its file replaced)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _create_temporary(target: Path, folder: Path) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    for _attempt in range(100):
        tmp = folder / temporary_name(target)
        try:
            return tmp, os.open(tmp, flags, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ExportError(
                f"cannot write {target}: the folder {folder} is not writable "
                f"({exc.strerror or exc}); {_UNCHANGED}"
            ) from None
    raise ExportError(f"cannot write {target}: cannot make a temporary file in {folder}")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _mode_for(target: Path) -> int:
    """Keep the permissions of the file being replaced; new files get the usual 0666 & ~umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the replacement itself durable (POSIX; Windows has no folder handles to flush)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        log.info("cannot open the folder %s to flush it: %s", folder, exc)
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # some file systems cannot flush a folder; the file itself is flushed
        log.info("cannot flush the folder %s: %s", folder, exc)
    finally:
        os.close(fd)


def _write_error(target: Path, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOSPC:
        return ExportError(f"cannot write {target}: the disk is full; {_UNCHANGED}")
    if exc.errno == getattr(errno, "EDQUOT", -1):
        return ExportError(f"cannot write {target}: your disk quota is used up; {_UNCHANGED}")
    if exc.errno == errno.EIO:
        return ExportError(
            f"cannot write {target}: the disk reported an input/output error (a failing disk, or "
            f"a network folder that went away); {_UNCHANGED}"
        )
    return ExportError(f"cannot write {target}: {exc.strerror or exc}; {_UNCHANGED}")


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except PermissionError:
        raise ExportError(
            f"cannot replace {target}: the file is open in another program (close it in Word or "
            f"LibreOffice and try again) or it is read-only; {_UNCHANGED}"
        ) from None
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EBUSY, errno.ETXTBSY):
            raise ExportError(
                f"cannot replace {target}: the file is in use by another program; {_UNCHANGED}"
            ) from None
        raise _write_error(target, exc) from None
