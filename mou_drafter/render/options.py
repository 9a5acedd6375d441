"""What an export looks like, as one typed, immutable value checked once.

:class:`RenderOptions` holds the layout, the languages, the fonts, the Lao word-break option and
the template; the command line and the desktop app build one from what the user chose (the app
from its settings and the export dialog, the command line from its options and the settings) and
pass it to :mod:`mou_drafter.api` and the renderers. Nothing below the app reads the settings
file: whatever is not in the options is not used.

``Layout`` is defined in :mod:`mou_drafter.document` (the template engine needs it for the
closing clause and sits beside the renderers, not above them) and re-exported here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from ..document import LAYOUTS, Layout
from ..errors import UsageError
from ..model.draft import LANGUAGES, Draft

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "ORIGINALS",
    "Fonts",
    "Format",
    "Layout",
    "Originals",
    "RenderOptions",
    "check_format",
    "format_for",
]

#: The file formats: Word, PDF (Word's file printed by LibreOffice or Word), the HTML of the
#: preview, plain text.
Format = Literal["docx", "pdf", "html", "txt"]
FORMATS: tuple[Format, ...] = get_args(Format)
#: How many documents: one for all parties (``shared``), or one original per party
#: (``alternat``: in each, that party's language, name and signature block come first).
Originals = Literal["shared", "alternat"]
ORIGINALS: tuple[Originals, ...] = get_args(Originals)
_TEMPLATE_REF = re.compile(r"^[a-z0-9_\-]+(@[0-9]+(\.[0-9]+)*)?$")


class Fonts(BaseModel):
    """The fonts written into documents: one for Vietnamese and English, one for Lao, each with
    its body size in points (Lao glyphs look larger, so Lao is set a point smaller). Saved in the
    settings file by the app; the engine only ever sees this value."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    latin: str = "Times New Roman"
    lao: str = "Phetsarath OT"
    latin_size: float = Field(default=13, ge=8, le=20)
    lao_size: float = Field(default=12, ge=8, le=20)


@dataclass(frozen=True)
class RenderOptions:
    """How to render a draft. Checked when made: a bad value raises
    :class:`~mou_drafter.errors.UsageError` naming the option.

    Attributes:
        layout: ``side-by-side`` (one column per language), ``sequential`` (one language after
            another) or ``separate`` (one file per language).
        languages: the languages exported (``vi``, ``lo``, ``en``), in order; ``None``: the
            draft's.
        fonts: the fonts written into the document.
        lao_zero_width_spaces: put U+200B between Lao words, for programs that cannot break Lao
            lines (older Word, .doc/.rtf round trips). Off by default: it hampers search and
            spell-checking; never stored in drafts.
        template: ``name@version`` (or ``name`` for its newest approved version) to render with;
            empty: the draft's own template.
        originals: ``shared`` (one document for all parties) or ``alternat`` (one original per
            party, each with that party first: its language, its name in the preamble, its
            signature block; files named by party). Not with ``separate``.
        pdf_a: PDF only: PDF/A-2b for archiving (fonts embedded, as always, plus the colour
            profile and metadata the archive standard asks for).
    """

    layout: Layout = "side-by-side"
    languages: tuple[str, ...] | None = None
    fonts: Fonts = field(default_factory=Fonts)
    lao_zero_width_spaces: bool = False
    template: str = ""
    originals: Originals = "shared"
    pdf_a: bool = False

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise UsageError(f"layout must be one of {', '.join(LAYOUTS)}, not {self.layout!r}")
        if self.languages is not None:
            languages = tuple(self.languages)
            bad = [lang for lang in languages if lang not in LANGUAGES]
            if bad:
                raise UsageError(f"languages: unknown language {bad[0]!r}; use vi, lo and/or en")
            if not languages or len(set(languages)) != len(languages):
                raise UsageError("languages: give one to three different languages, e.g. vi,lo")
            object.__setattr__(self, "languages", languages)
        if not isinstance(self.fonts, Fonts):
            raise UsageError(f"fonts must be a Fonts value, not {type(self.fonts).__name__}")
        if self.template and not _TEMPLATE_REF.match(self.template):
            raise UsageError(f"template must be NAME@VERSION (e.g. mou@1.2) or NAME, not {self.template!r}")
        if self.originals not in ORIGINALS:
            raise UsageError(f"originals must be one of {', '.join(ORIGINALS)}, not {self.originals!r}")
        if self.originals == "alternat" and self.layout == "separate":
            raise UsageError(
                "originals: one original per party (alternat) holds every language in one document; "
                "use side-by-side or sequential, not separate"
            )

    def languages_of(self, draft: Draft) -> list[str]:
        """The languages exported for ``draft``: the chosen ones, or the draft's."""
        return list(self.languages or draft.languages)

    def with_changes(self, **changes: Any) -> RenderOptions:
        """A copy with some options changed (and checked again)."""
        return replace(self, **changes)


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> Format:
    """The format of an output file: ``fmt`` when given, else from the extension of ``path``."""
    if fmt is None:
        fmt = Path(path).suffix.lstrip(".").lower() or "docx"
        if fmt not in FORMATS:
            raise UsageError(
                f"{path}: cannot tell the format from the extension; use .docx, .pdf, .html or .txt"
            )
    return check_format(fmt)


def check_format(fmt: str) -> Format:
    """``fmt`` if it is one of :data:`FORMATS`."""
    if fmt not in FORMATS:
        raise UsageError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt
