"""The settings file: fonts, the shared template folder, the interface language, the last export
choices, recent drafts, the autosave interval. Kept in the user's config folder (platformdirs),
outside the install folder so upgrades keep them. ``MOU_DRAFTER_HOME`` moves every per-user folder
(config, data, autosave) under one directory — used by tests and portable installs.

Only the command line, the self-test and the desktop app read this file; they turn what it says
into :class:`~mou_drafter.render.options.RenderOptions` and a
:class:`~mou_drafter.templating.library.TemplateLibrary` and pass them to the engine, which never
imports this module (an import contract checks).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from .document import LAYOUTS, Layout
from .folders import config_dir
from .render.options import Fonts
from .templating.library import TemplateLibrary


class ExportSettings(BaseModel):
    """The app's last export choices, offered again by the export dialog."""

    model_config = ConfigDict(extra="ignore")
    layout: Layout = "side-by-side"
    languages: list[str] = Field(default_factory=list)
    folder: str = ""
    #: Zero-width spaces between Lao words (see ``RenderOptions.lao_zero_width_spaces``).
    lao_zero_width_spaces: bool = False
    #: Word or PDF; PDF/A for archiving; one original per party (``RenderOptions``, issue 14).
    format: Literal["docx", "pdf"] = "docx"
    pdf_a: bool = False
    originals: Literal["shared", "alternat"] = "shared"

    @field_validator("format", "originals", mode="before")
    @classmethod
    def _known_choice(cls, value: object, info: ValidationInfo) -> object:
        allowed = ("docx", "pdf") if info.field_name == "format" else ("shared", "alternat")
        return value if value in allowed else allowed[0]

    @field_validator("layout", mode="before")
    @classmethod
    def _known_layout(cls, value: object) -> object:
        return value if value in LAYOUTS else "side-by-side"

    @field_validator("languages", mode="before")
    @classmethod
    def _known_languages(cls, value: object) -> object:
        if not isinstance(value, list):
            return []
        return [lang for lang in value if lang in ("vi", "lo", "en")]


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")
    fonts: Fonts = Field(default_factory=Fonts)
    shared_templates_dir: str = ""
    ui_language: str = "vi"
    export: ExportSettings = Field(default_factory=ExportSettings)
    recent: list[str] = Field(default_factory=list)
    #: Seconds between autosaves of a draft with unsaved changes.
    autosave_seconds: int = Field(default=30, ge=5, le=3600)

    @model_validator(mode="before")
    @classmethod
    def _older_files(cls, data: Any) -> Any:
        """Settings files before issue 11 kept the zero-width-space export choice among the
        fonts: it moves to the export choices; unknown font keys are dropped."""
        if not isinstance(data, dict) or not isinstance(data.get("fonts"), dict):
            return data
        data = dict(data)
        fonts = dict(data["fonts"])
        zwsp = fonts.pop("lao_zero_width_spaces", None)
        data["fonts"] = {key: value for key, value in fonts.items() if key in Fonts.model_fields}
        if zwsp is not None and isinstance(data.get("export", {}), dict):
            export = dict(data.get("export", {}))
            export.setdefault("lao_zero_width_spaces", bool(zwsp))
            data["export"] = export
        return data


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


def template_library(settings: Settings | None = None) -> TemplateLibrary:
    """The template library the settings describe: the built-in templates, the user's template
    folder and the shared folder named in the settings (if any)."""
    settings = settings if settings is not None else load_settings()
    return TemplateLibrary.standard(settings.shared_templates_dir or None)
