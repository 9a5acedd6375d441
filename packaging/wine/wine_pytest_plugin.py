"""pytest plugin for running the test suite with the Windows Python under Wine 8
(packaging/windows_under_wine.py loads it with ``-p wine_pytest_plugin``; never used on Windows).

Python 3.12's shutil.copy2 (used by shutil.copytree in a few tests) copies with
kernel32!CopyFile2, which Wine 8 exports only as a stub that aborts the process. Without
``_winapi.CopyFile2`` shutil copies the file itself, as Python 3.11 did on every Windows.
"""

import _winapi

if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
