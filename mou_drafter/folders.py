"""Where MoU Drafter's files are: the data shipped with the app (built-in templates, samples) and
the per-user folders (settings, data, the user's templates, autosaves, the cache), from platformdirs, or
all under one directory named by ``MOU_DRAFTER_HOME`` (tests, portable installs). Per-user
folders live outside the install folder, so upgrades keep them.

Only names folders: reads and writes no file (the settings file is :mod:`mou_drafter.settings`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "MoU Drafter"
APP_AUTHOR = "MoU Drafter"
#: The interface catalogues (``vi.po``, ``lo.po`` and their compiled ``.mo``), shipped inside the
#: desktop app's package; named here so the self-test can check them without importing the app.
LOCALE_DIR = Path(__file__).resolve().parent / "gui" / "locale"


def data_dir(name: str) -> Path:
    """A data folder shipped with the app: ``templates`` or ``seeds``.

    Looks inside the installed package (wheel or PyInstaller bundle) first, then in the source tree.
    """
    package = Path(__file__).resolve().parent
    candidates = [package / "_data" / name, package.parent / name]
    if getattr(sys, "frozen", False):
        candidates.insert(0, Path(getattr(sys, "_MEIPASS", package)) / "mou_drafter" / "_data" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def _home() -> Path | None:
    home = os.environ.get("MOU_DRAFTER_HOME")
    return Path(home) if home else None


def config_dir() -> Path:
    """The user's configuration folder (the settings file)."""
    home = _home()
    if home:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=True))


def settings_file() -> Path:
    """The settings file (read and written by :mod:`mou_drafter.settings`; the app's start page
    reads what its first frame needs from it before that module is imported)."""
    return config_dir() / "settings.json"


def data_home() -> Path:
    """The user's data folder (templates, autosaves)."""
    home = _home()
    if home:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=True))


def cache_dir() -> Path:
    """The user's cache folder (templates compiled by Jinja): anything in it may be deleted."""
    home = _home()
    if home:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def user_templates_dir() -> Path:
    """The user's own template versions: ``<user data>/templates``."""
    return data_home() / "templates"
