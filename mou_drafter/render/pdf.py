"""PDF: the Word file as printed by a word processor on this machine.

The DOCX is the one document; a PDF is that document printed. Where LibreOffice is installed
(``soffice`` on the PATH or in its usual install folders) it converts the files headless, all in
one start, with fonts embedded (as LibreOffice always does) and, for archiving, as PDF/A-2b (its
PDF export filter's ``SelectPdfVersion`` 2, given as a JSON filter option: LibreOffice 7.4 and
later). On Windows without LibreOffice, Microsoft Word does it through COM automation (``pywin32``,
an optional dependency); Word's PDF/A option gives PDF/A-1b. Both stand behind one small interface,
:class:`PdfConverter`; the Word path cannot be tested here (no Windows, no Word), so it is kept to
the few calls Word documents for ``ExportAsFixedFormat``.

Without either, asking for a PDF raises :class:`~mou_drafter.errors.NoPdfConverter` saying what
to install; nothing else depends on a converter. ``MOU_DRAFTER_SOFFICE`` names the ``soffice`` to
use (``none``: do not look for LibreOffice).
"""

from __future__ import annotations

import glob
import importlib.util
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Protocol

from ..errors import ExportError, NoPdfConverter
from .processes import TIMEOUT_S, run, tail

#: LibreOffice's PDF export as PDF/A-2b (JSON filter options, LibreOffice 7.4 and later).
_PDF_A_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
NO_CONVERTER = (
    "PDF needs LibreOffice (free, https://www.libreoffice.org/download) or, on Windows, Microsoft "
    "Word; neither was found on this computer. Install LibreOffice and export again, or export "
    "DOCX and save it as PDF from Word."
)


class PdfConverter(Protocol):
    """Turns Word files into PDF files of the same names in a folder."""

    name: str

    def convert(self, files: list[Path], folder: Path, *, pdf_a: bool = False) -> list[Path]: ...


def _usual_soffice_paths() -> list[str]:
    if sys.platform == "win32":
        roots = [os.environ.get(name, "") for name in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        return [str(Path(root) / "LibreOffice" / "program" / "soffice.exe") for root in roots if root]
    if sys.platform == "darwin":
        return ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]
    return [
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/usr/local/bin/soffice",
        "/snap/bin/libreoffice",
        *sorted(glob.glob("/opt/libreoffice*/program/soffice"), reverse=True),
    ]


def find_soffice() -> str | None:
    """LibreOffice's ``soffice``: ``MOU_DRAFTER_SOFFICE``, the PATH, then its usual folders."""
    chosen = os.environ.get("MOU_DRAFTER_SOFFICE")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "none") else chosen
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((path for path in _usual_soffice_paths() if os.path.isfile(path)), None)


class LibreOffice:
    """``soffice --headless --convert-to pdf`` with a profile of its own (so a LibreOffice the
    user has open is neither used nor disturbed)."""

    name = "LibreOffice"

    def __init__(self, soffice: str) -> None:
        self.soffice = soffice

    def convert(
        self,
        files: list[Path],
        folder: Path,
        *,
        pdf_a: bool = False,
        profile: Path | None = None,
        cancel: threading.Event | None = None,
        background: bool = False,
    ) -> list[Path]:
        """``files`` as PDF in ``folder``, in one start of LibreOffice. ``profile``: the user profile
        folder to use (the print preview keeps one for the session: a new profile costs seconds);
        a temporary one without. With ``cancel`` set while it runs, LibreOffice is stopped with
        its children and :class:`~.processes.Cancelled` raised (the print preview's renders);
        ``background``: at a low CPU priority (:func:`~.processes.run`)."""
        log = folder / "soffice.log"
        with tempfile.TemporaryDirectory(prefix="mou-drafter-lo-") as temporary:
            user = (profile or Path(temporary)).resolve()
            command = [
                self.soffice,
                f"-env:UserInstallation={user.as_uri()}",
                "--headless",
                "--norestore",
                "--nologo",
                "--nolockcheck",
                "--convert-to",
                _PDF_A_FILTER if pdf_a else "pdf",
                "--outdir",
                str(folder),
                *map(str, files),
            ]
            try:
                code = run(command, log, cancel, timeout=TIMEOUT_S, background=background)
            except ExportError as exc:
                raise ExportError(f"LibreOffice ({self.soffice}) could not make the PDF: {exc}") from None
        out = [folder / f"{f.stem}.pdf" for f in files]
        missing = [p.name for p in out if not p.is_file()]
        if missing:
            raise ExportError(
                f"LibreOffice ({self.soffice}) made no {', '.join(missing)} (exit code {code}): {tail(log)}"
            )
        return out


class MicrosoftWord:
    """Microsoft Word through COM (Windows, ``pywin32``): open each file read-only, export it as
    PDF (``wdExportFormatPDF``), close it. Untested here: no Windows and no Word on the build
    machines."""

    name = "Microsoft Word"

    def convert(
        self, files: list[Path], folder: Path, *, pdf_a: bool = False
    ) -> list[Path]:  # pragma: no cover
        import win32com.client  # optional, Windows only (no types: see [tool.mypy] in pyproject.toml)

        word = win32com.client.DispatchEx("Word.Application")
        word.Visible = False
        out = []
        try:
            for path in files:
                document = word.Documents.Open(str(path.resolve()), ReadOnly=True)
                try:
                    target = folder / f"{path.stem}.pdf"
                    document.ExportAsFixedFormat(str(target.resolve()), 17, UseISO19005_1=pdf_a)  # 17: PDF
                    out.append(target)
                finally:
                    document.Close(False)
        except Exception as exc:  # COM reports everything as com_error
            raise ExportError(f"Microsoft Word could not make the PDF: {exc}") from None
        finally:
            word.Quit()
        return out


def find_converter() -> PdfConverter | None:
    """LibreOffice when installed, else Microsoft Word on Windows (with pywin32), else ``None``."""
    soffice = find_soffice()
    if soffice:
        return LibreOffice(soffice)
    if sys.platform == "win32" and importlib.util.find_spec("win32com") is not None:  # pragma: no cover
        return MicrosoftWord()
    return None


def docx_to_pdf(
    files: dict[str, bytes], *, pdf_a: bool = False, converter: PdfConverter | None = None
) -> dict[str, bytes]:
    """The Word files ``files`` (key → DOCX) as PDF (key → PDF), converted in one go."""
    converter = converter or find_converter()
    if converter is None:
        raise NoPdfConverter(NO_CONVERTER)
    with tempfile.TemporaryDirectory(prefix="mou-drafter-pdf-") as tmp:
        folder = Path(tmp)
        paths = {key: folder / f"file{index}.docx" for index, key in enumerate(files)}
        for key, path in paths.items():
            path.write_bytes(files[key])
        converter.convert(list(paths.values()), folder, pdf_a=pdf_a)
        return {key: path.with_suffix(".pdf").read_bytes() for key, path in paths.items()}
