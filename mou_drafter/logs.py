"""The log file: failures that were handled without stopping the work (a leftover temporary file
that could not be removed, an autosave that could not be read, a damaged settings file set aside,
an error in the app), so that none of them is lost in silence.

``<user data folder>/logs/mou-drafter.log`` (``MOU_DRAFTER_HOME/data/logs/`` when that is set),
UTF-8, at most 1 MB, the three before it kept as ``.1`` … ``.3``. The engine only writes to
loggers named ``mou_drafter.…``; the command line and the app call :func:`setup_logging` once.
``MOU_DRAFTER_LOG_LEVEL`` (``DEBUG``, ``INFO``, ``WARNING``) sets how much is written
(default ``INFO``).
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .folders import data_home

_HANDLER: logging.Handler | None = None


def log_path() -> Path:
    return data_home() / "logs" / "mou-drafter.log"


def setup_logging() -> Path:
    """Send the package's log records to :func:`log_path` (once per process, again if the user
    folder moved). The folder and the file are made when the first record is written; a log that
    cannot be written is said once on stderr and the work goes on."""
    global _HANDLER
    path = log_path()
    logger = logging.getLogger("mou_drafter")
    if _HANDLER is not None:
        if getattr(_HANDLER, "baseFilename", None) == os.path.abspath(path):
            return path
        logger.removeHandler(_HANDLER)
        _HANDLER.close()
    handler = _LogFile(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    level = os.environ.get("MOU_DRAFTER_LOG_LEVEL", "INFO").upper()
    logger.setLevel(level if level in ("DEBUG", "INFO", "WARNING", "ERROR") else "INFO")
    _HANDLER = handler
    return path


class _LogFile(RotatingFileHandler):
    """A rotating log file whose folder is made when the first record comes."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True)
        self.failed = False

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging API
        if not self.failed:  # once, in one line: the log is a help, not a reason to stop
            self.failed = True
            error = sys.exc_info()[1]
            print(
                f"mou-drafter: warning: cannot write the log file {self.baseFilename} ({error})",
                file=sys.stderr,
            )
