"""User settings (fonts, shared template folder), kept in the user's config folder (platformdirs),
outside the install folder so upgrades keep them. ``MOU_DRAFTER_HOME`` moves every per-user folder
(config, data, autosave) under one directory — used by tests and portable installs."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

APP_NAME = "MoU Drafter"
APP_AUTHOR = "MoU Drafter"


class FontSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")
    latin: str = "Times New Roman"
    lao: str = "Phetsarath OT"
    #: Body size in points for Vietnamese/English and for Lao (Lao glyphs look larger).
    latin_size: float = Field(default=13, ge=8, le=20)
    lao_size: float = Field(default=12, ge=8, le=20)
    #: Put U+200B ZERO WIDTH SPACE between Lao words in exported documents, for programs that
    #: cannot break Lao lines themselves (older Word, .doc/.rtf round trips). Off by default: it
    #: hampers search and spell-checking. Never stored in drafts (removed on input).
    lao_zero_width_spaces: bool = False


class ExportSettings(BaseModel):
    model_config = ConfigDict(extra="ignore")
    layout: str = "side-by-side"
    languages: list[str] = Field(default_factory=list)
    folder: str = ""


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")
    fonts: FontSettings = Field(default_factory=FontSettings)
    shared_templates_dir: str = ""
    ui_language: str = "vi"
    export: ExportSettings = Field(default_factory=ExportSettings)
    recent: list[str] = Field(default_factory=list)
    #: Seconds between autosaves of a draft with unsaved changes.
    autosave_seconds: int = Field(default=30, ge=5, le=3600)


def _home() -> Path | None:
    home = os.environ.get("MOU_DRAFTER_HOME")
    return Path(home) if home else None


def config_dir() -> Path:
    home = _home()
    if home:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=True))


def data_home() -> Path:
    home = _home()
    if home:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=True))


def user_templates_dir() -> Path:
    return data_home() / "templates"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """The saved settings, or the defaults when none are saved or the file is unreadable."""
    path = settings_path()
    try:
        return Settings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError):
        return Settings()


def save_settings(settings: Settings) -> Path:
    from .model.atomic_write import atomic_write_bytes

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write_bytes(path, settings.model_dump_json(indent=2).encode("utf-8"))
