"""Small Windows-side helpers for packaging/windows_under_wine.py, run with the Windows Python of
the Wine prefix (never part of the bundle):

    python wine_helper.py reg-get KEY [NAME]        # JSON: {"value": ...} or {"missing": true}
    python wine_helper.py reg-set-dword KEY NAME N
    python wine_helper.py hold FILE                 # open FILE as Word does, until stdin closes
    python wine_helper.py open-associated FILE      # start what the per-user association says
    python wine_helper.py close-window SUFFIX       # WM_CLOSE to top-level windows titled ...SUFFIX

KEY starts with HKCU\\ or HKLM\\. ``hold`` opens the file for reading and writing and lets others
only read it (FILE_SHARE_READ), which is how Word keeps an open document: no one can replace or
delete it meanwhile.

``open-associated`` does what Explorer's double-click (ShellExecute) does for FILE once it has
found the association: it reads the file type of the extension and its open command from the
user's HKCU\\Software\\Classes, puts FILE in place of "%1" and starts that command line. Wine 8
does not merge HKCU\\Software\\Classes into HKEY_CLASSES_ROOT as Windows does (WineHQ bug 14771),
so its own ShellExecute finds no per-user association at all.
"""

import ctypes
import json
import sys
import winreg
from ctypes import wintypes

ROOTS = {"HKCU": winreg.HKEY_CURRENT_USER, "HKLM": winreg.HKEY_LOCAL_MACHINE}


def split(key: str):
    root, _sep, rest = key.partition("\\")
    return ROOTS[root], rest


def reg_get(key: str, name: str = "") -> dict:
    root, sub = split(key)
    try:
        with winreg.OpenKey(root, sub) as handle:
            value, _kind = winreg.QueryValueEx(handle, name)
    except FileNotFoundError:
        try:
            winreg.OpenKey(root, sub).Close()
        except FileNotFoundError:
            return {"missing": True, "key_missing": True}
        return {"missing": True, "key_missing": False}
    return {"value": value}


def reg_set_dword(key: str, name: str, number: str) -> dict:
    root, sub = split(key)
    with winreg.CreateKey(root, sub) as handle:
        winreg.SetValueEx(handle, name, 0, winreg.REG_DWORD, int(number))
    return {"value": int(number)}


def hold(path: str) -> int:
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.HANDLE,
    ]
    generic_read_write, file_share_read, open_existing = 0xC0000000, 0x1, 3
    handle = kernel32.CreateFileW(path, generic_read_write, file_share_read, None, open_existing, 0x80, None)
    if handle == wintypes.HANDLE(-1).value:
        print(f"cannot open {path}: error {ctypes.get_last_error()}", flush=True)
        return 1
    print("holding", flush=True)
    sys.stdin.read()
    kernel32.CloseHandle(handle)
    return 0


def open_associated(path: str) -> int:
    import os
    import subprocess

    extension = os.path.splitext(path)[1]
    classes = "HKCU\\Software\\Classes\\"
    file_type = reg_get(classes + extension)["value"]
    command = reg_get(classes + file_type + "\\shell\\open\\command")["value"]
    command_line = command.replace("%1", path)
    print(command_line, flush=True)
    return subprocess.run(command_line, check=False).returncode


def close_window(suffix: str) -> dict:
    """Post WM_CLOSE to each visible top-level window whose title ends with ``suffix``: what the
    window's X button does."""
    user32 = ctypes.WinDLL("user32", use_last_error=True)
    closed: list[str] = []
    callback_type = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)

    def visit(hwnd, _lparam):
        length = user32.GetWindowTextLengthW(hwnd)
        title = ctypes.create_unicode_buffer(length + 1)
        user32.GetWindowTextW(hwnd, title, length + 1)
        if user32.IsWindowVisible(hwnd) and title.value.endswith(suffix):
            user32.PostMessageW(hwnd, 0x0010, 0, 0)  # WM_CLOSE
            closed.append(title.value)
        return True

    user32.EnumWindows(callback_type(visit), 0)
    return {"closed": closed}


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "hold":
        return hold(*args)
    if command == "open-associated":
        return open_associated(*args)
    result = {"reg-get": reg_get, "reg-set-dword": reg_set_dword, "close-window": close_window}[command](
        *args
    )
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
