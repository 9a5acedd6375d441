"""The draft and everything about it that needs no template: the pydantic models
(:mod:`.draft`), text hygiene (:mod:`.text`), completeness checks (:mod:`.validation`), draft
files and their migrations (:mod:`.files`), atomic writes (:mod:`.atomic_write`) and field paths
such as ``parties[2].name.lo`` (:mod:`.paths`). No template, renderer, settings file or Qt here.

The main names are re-exported: ``from mou_drafter.model import Draft, LocalizedText``.
"""

from .draft import (
    DOCUMENT_TYPES,
    LANGUAGES,
    SCHEMA_VERSION,
    Draft,
    Kind,
    Language,
    LocalizedText,
    Party,
)

__all__ = [
    "DOCUMENT_TYPES",
    "LANGUAGES",
    "SCHEMA_VERSION",
    "Draft",
    "Kind",
    "Language",
    "LocalizedText",
    "Party",
]
