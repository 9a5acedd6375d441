"""The settings file: fonts, the shared template folder, the interface language, the last export
choices, recent drafts, the autosave interval, the window as it was left. Kept in the user's
config folder (platformdirs), outside the install folder so upgrades keep them.
``MOU_DRAFTER_HOME`` moves every per-user folder
(config, data, autosave) under one directory — used by tests and portable installs.

Only the command line, the self-test and the desktop app read this file; they turn what it says
into :class:`~mou_drafter.render.options.RenderOptions` and a
:class:`~mou_drafter.templating.library.TemplateLibrary` and pass them to the engine, which never
imports this module (an import contract checks).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .document import LAYOUTS, Layout
from .errors import ExportError
from .folders import settings_file
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


class WindowSettings(BaseModel):
    """The app's window as the clerk left it, restored on the next start (the app's own: the
    engine never reads it)."""

    model_config = ConfigDict(extra="ignore")
    #: Qt's saved geometry and state of the main window (size, position, the checks dock), base64.
    geometry: str = ""
    state: str = ""
    #: Widths of the section list, the form and the preview.
    splitter: list[int] = Field(default_factory=list)
    checks_visible: bool = True
    #: The section last shown of each draft file (its full path), for the recent drafts.
    sections: dict[str, str] = Field(default_factory=dict)


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")
    fonts: Fonts = Field(default_factory=Fonts)
    shared_templates_dir: str = ""
    ui_language: str = "vi"
    export: ExportSettings = Field(default_factory=ExportSettings)
    recent: list[str] = Field(default_factory=list)
    #: Seconds between autosaves of a draft with unsaved changes.
    autosave_seconds: int = Field(default=30, ge=5, le=3600)
    window: WindowSettings = Field(default_factory=WindowSettings)

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
    return settings_file()


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SettingsNotice:
    """Something wrong with the settings file, to be said once: ``kind`` is ``damaged`` (kept
    aside as ``kept``), ``damaged-kept`` (damaged, could not be set aside: left in place and not
    overwritten) or ``unreadable`` (left in place, not overwritten); ``reason`` says why."""

    kind: str
    path: Path
    reason: str
    kept: Path | None = None

    def __str__(self) -> str:
        if self.kind == "damaged":
            return (
                f"the settings file {self.path} was damaged ({self.reason}); it was kept as "
                f"{self.kept.name if self.kept else '?'} and the default settings are used"
            )
        if self.kind == "damaged-kept":
            return (
                f"the settings file {self.path} is damaged ({self.reason}) and could not be set aside; the "
                "default settings are used and the file is not overwritten"
            )
        return (
            f"cannot read the settings file {self.path} ({self.reason}); the default settings are used and the "
            "file is not overwritten"
        )


#: What went wrong with the settings file and was not yet said (:func:`settings_notices`).
_NOTICES: list[SettingsNotice] = []
#: Settings files that are damaged or unreadable and could not be set aside: never overwritten.
_KEEP: set[Path] = set()


def load_settings() -> Settings:
    """The saved settings, or the defaults when none are saved.

    A damaged file (not JSON, not settings) is kept aside as ``settings.damaged-<date>.json``
    beside it, never overwritten by the defaults, and reported once (:func:`settings_notices`,
    and the log). A file that cannot be read is left where it is, not overwritten, and reported."""
    path = settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        if path not in _KEEP:
            _KEEP.add(path)
            _notice(SettingsNotice("unreadable", path, str(exc.strerror or exc)))
        return Settings()
    try:
        return Settings.model_validate(json.loads(raw.decode("utf-8-sig")))
    except (ValueError, ValidationError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        kept = _set_aside(path)
        if (
            kept is not None and not kept.exists()
        ):  # another MoU Drafter set it aside a moment ago and says so
            return Settings()
        if kept is None:
            if path not in _KEEP:
                _KEEP.add(path)
                _notice(SettingsNotice("damaged-kept", path, reason))
        else:
            _KEEP.discard(path)
            _notice(SettingsNotice("damaged", path, reason, kept))
        return Settings()


def _set_aside(path: Path) -> Path | None:
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    kept = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    try:
        os.replace(path, kept)
    except FileNotFoundError:
        return kept  # does not exist: someone else moved the file first
    except OSError as exc:
        log.warning("cannot set the damaged settings file %s aside: %s", path, exc)
        return None
    return kept


def _notice(notice: SettingsNotice) -> None:
    log.warning("%s", notice)
    _NOTICES.append(notice)


def settings_notices() -> list[SettingsNotice]:
    """What went wrong with the settings file since last asked, each said once (notices about a
    settings file of another user folder, e.g. before ``MOU_DRAFTER_HOME`` changed, are dropped)."""
    path = settings_path()
    notices = [notice for notice in _NOTICES if notice.path == path]
    _NOTICES.clear()
    return notices


def save_settings(settings: Settings) -> Path:
    """Write the settings file; a damaged or unreadable one that could not be set aside is not
    overwritten (:class:`ExportError`)."""
    from .model.atomic_write import atomic_write_bytes

    path = settings_path()
    if path in _KEEP and path.exists():
        raise ExportError(
            f"the settings file {path} is damaged or unreadable and was kept as it is; move it away "
            "to save new settings"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write_bytes(path, settings.model_dump_json(indent=2).encode("utf-8"))


def template_library(settings: Settings | None = None) -> TemplateLibrary:
    """The template library the settings describe: the built-in templates, the user's template
    folder and the shared folder named in the settings (if any)."""
    settings = settings if settings is not None else load_settings()
    return TemplateLibrary.standard(settings.shared_templates_dir or None)
