"""Whether a process still runs, and a short name for this computer: who owns a temporary file or
an autosave (Qt-free, used by the writer and by the app's autosave)."""

from __future__ import annotations

import hashlib
import os
import socket
import sys


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` is running on this computer. Never signals it (on Windows
    ``os.kill`` would end it). When in doubt (a process of another user), it is running."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":  # (not os.name: mypy knows ctypes.WinDLL by the platform)
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, ValueError, OverflowError, SystemError):
        return True  # exists but belongs to someone else
    return True


def host_tag() -> str:
    """Six hex digits naming this computer, so that a file in a shared folder is only judged by
    the computer whose process made it."""
    return _HOST


_HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]
