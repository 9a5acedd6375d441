"""Template files read as source: the clauses with their raw text and placeholders, for comparing
template versions without a draft and for lint."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..document import BLOCK_KINDS, TABLE_PARTS

_CONTROL = re.compile(r"^\s*(\{%-?.*?-?%\}\s*|\{#.*?#\}\s*)+$")
_ID = re.compile(r"\bid=(\S+)")


@dataclass
class SourceClause:
    id: str
    kind: str
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class SourceDirective:
    kind: str
    id: str
    line: int


def directives(path: Path) -> list[SourceDirective]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("@"):
            parts = line[1:].split()
            kind = parts[0] if parts else ""
            match = _ID.search(line)
            out.append(SourceDirective(kind, match.group(1) if match else "", number))
    return out


def source_clauses(path: Path) -> list[SourceClause]:
    """Clauses of a template file: each ``@kind id=…`` with the text lines after it (Jinja
    statements and comments left out, placeholders kept). Table rows and cells join their table."""
    clauses: list[SourceClause] = []
    current: SourceClause | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("@"):
            parts = line[1:].split()
            kind = parts[0] if parts else ""
            if kind in TABLE_PARTS and current is not None:
                continue
            match = _ID.search(line)
            current = SourceClause(match.group(1) if match else f"line{number}", kind, number)
            clauses.append(current)
            continue
        if current is None or not line.strip() or _CONTROL.match(line):
            continue
        current.lines.append(line.strip())
    return clauses


def is_known_kind(kind: str) -> bool:
    return kind in BLOCK_KINDS or kind in TABLE_PARTS
