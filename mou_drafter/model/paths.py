"""Reading and writing draft fields by path (``parties[2].name.lo``) — Qt-free, so the undo
commands, the validation panel and the tests share one notion of "a field"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def split_path(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for name, index in _TOKEN.findall(path):
        parts.append(int(index) if index else name)
    return parts


def get_path(root: Any, path: str) -> Any:
    node = root
    for part in split_path(path):
        node = node[part] if isinstance(part, int) else getattr(node, part)
    return node


def set_path(root: Any, path: str, value: Any) -> None:
    parts = split_path(path)
    parent = root
    for part in parts[:-1]:
        parent = parent[part] if isinstance(part, int) else getattr(parent, part)
    last = parts[-1]
    if isinstance(last, int):
        parent[last] = value
    else:
        setattr(parent, last, value)


def field_prefix(path: str) -> str:
    """The longest prefix of an issue path that a form widget is bound to: ``parties[0].name.lo``
    is bound as is; ``parties[0].representative`` maps to its name field."""
    if path.endswith(".representative"):
        return path + ".name.vi"
    return path


def texts_by_path(root: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every non-empty text the clerk typed under ``root`` (a draft or a part of one), as
    ``(path, text)`` with the language as the path's last part: ``("parties[0].name.lo", "ເມືອງ…")``.
    Used to find which field a printed paragraph shows."""
    from pydantic import BaseModel

    from .draft import LANGUAGES, LocalizedText

    if isinstance(root, LocalizedText):
        for lang in LANGUAGES:
            text = root.get(lang)
            if text:
                yield f"{prefix}.{lang}", text
    elif isinstance(root, BaseModel):
        for name in type(root).model_fields:
            yield from texts_by_path(getattr(root, name), f"{prefix}.{name}" if prefix else name)
    elif isinstance(root, list):
        for index, item in enumerate(root):
            yield from texts_by_path(item, f"{prefix}[{index}]")
