"""One writer for everything we save (drafts, autosaves, exported documents).

The data goes to a temporary file in the target folder, is flushed to disk and then replaces the
target in one step, so a crash or a full disk never leaves a half-written file and a target that
cannot be replaced (open in Word on Windows, read-only) is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from ..errors import ExportError


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; raise :class:`ExportError` with a clear reason."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: the folder {folder} is not writable ({exc.strerror})") from None
    try:
        os.chmod(tmp_name, _mode_for(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return target


def _mode_for(target: Path) -> int:
    """Keep the permissions of the file being replaced; new files get the usual 0666 & ~umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _replace(tmp_name: str, target: Path) -> None:
    try:
        os.replace(tmp_name, target)
    except PermissionError:
        raise ExportError(
            f"cannot replace {target}: the file is open in another program (close it in Word or "
            "LibreOffice and try again) or it is read-only; the existing file was left unchanged"
        ) from None
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EBUSY, errno.ETXTBSY):
            raise ExportError(
                f"cannot replace {target}: the file is in use by another program; "
                "the existing file was left unchanged"
            ) from None
        if exc.errno == errno.ENOSPC:
            raise ExportError(f"cannot write {target}: the disk is full") from None
        raise ExportError(f"cannot write {target}: {exc.strerror}") from None
