"""Error hierarchy. Every error a user can cause carries its exit code and a message that names
the field, file or line; the CLI prints the message (never a traceback) and exits with the code."""

from __future__ import annotations


class MouDrafterError(Exception):
    """Base class of all user-facing errors."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(MouDrafterError):
    """Bad command-line usage or option value."""


class DraftFileError(MouDrafterError):
    """A draft file cannot be read: missing, not JSON, damaged, or from a newer version."""


class TemplateError(MouDrafterError):
    """A template cannot be found, parsed or rendered; the message names file and line."""


class ExportError(MouDrafterError):
    """The output cannot be written: target locked by another program, folder not writable, ..."""


class ValidationFailed(MouDrafterError):
    """The draft has validation errors; ``issues`` lists them with their field paths."""

    exit_code = 1

    def __init__(self, message: str, issues: list | None = None) -> None:
        super().__init__(message)
        self.issues = issues or []


class NoDraftInDocument(DraftFileError):
    """A Word document that holds no MoU Drafter draft (made elsewhere, or before drafts travelled)."""


class NoPdfConverter(ExportError):
    """PDF was asked for, but neither LibreOffice nor (on Windows) Microsoft Word was found."""
