"""Draft files: JSON (UTF-8) with the extension ``.moud``; see ``docs/draft-format.md``.

Loading checks, in order: the file can be read and is not too large, is UTF-8, is JSON (with no
key given twice in one object, no number longer than :data:`MAX_NUMBER_CHARS`, not nested past
what the parser allows), is an object with ``kind`` and ``schema_version``, is not from a newer
format, migrates older formats, then validates against the model. Each failure raises an error whose
message names the file and the line or field. A file that fails to load is never written to.

Saving goes through :mod:`.atomic_write`; :func:`complete_leftovers` finds what a save that was
killed before it finished left behind, when it is a complete draft newer than the file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DraftFileError, MouDrafterError, ValidationFailed
from .atomic_write import atomic_write_bytes, leftovers
from .draft import SCHEMA_VERSION, Draft

log = logging.getLogger(__name__)

DRAFT_SUFFIX = ".moud"
MAX_FILE_BYTES = 50 * 1024 * 1024
#: The longest number a draft file may hold, in characters (amounts have at most 20 digits).
MAX_NUMBER_CHARS = 40


class DraftInvalid(ValidationFailed):
    """The file is JSON but does not match the draft format (wrong type, unknown field, ...)."""


def error_path(loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error location into ``parties[0].name.vi``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def describe_validation_error(exc: ValidationError) -> list[str]:
    lines = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        msg = err["msg"]
        if err["type"] == "string_too_long":
            got = len(err.get("input", "")) if isinstance(err.get("input"), str) else "?"
            msg = f"text is too long ({got} characters; at most {err['ctx']['max_length']})"
        lines.append(f"{error_path(loc)}: {msg}")
    return lines


# -- migrations: each takes the JSON object of version N and returns version N+1 ----------------


def _localize(value: Any) -> Any:
    return {"vi": value} if isinstance(value, str) else value


_V1_TEXT_FIELDS = {
    "title",
    "name",
    "short_name",
    "locality",
    "description",
    "purpose",
    "text",
    "place",
    "venue",
}


def _migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 (0.0.x development builds) allowed a plain string for a Vietnamese-only text and
    called the obligation's party ``who``."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key == "who":
                    key = "party"
                elif key in _V1_TEXT_FIELDS:
                    value = _localize(value)
                out[key] = walk(value)
            return out
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    migrated = walk(data)
    for key in ("basis",):
        if isinstance(migrated.get(key), list):
            migrated[key] = [_localize(v) for v in migrated[key]]
    migrated["schema_version"] = 2
    return migrated


#: The templates a format-2 draft without a ``template`` field was rendered with.
_FORMAT_2_TEMPLATES = {"mou": "mou@1.0", "minutes": "minutes@1.0"}


def _migrate_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Format 3 adds a signing title separate from the full title (``representative.signing_title``,
    and for heads of delegation also a capacity line ``head.authority``), the document type
    (``document_type``) and the words after the conference ordinal (``conference.between``).

    Everything new starts empty, which means what format 2 meant: the signature block shows the
    full title, the template's own document title, the conference title as one text. A draft
    without a ``template`` field keeps the template format 2 gave it, not the newer default.
    """
    migrated = dict(data)
    if not migrated.get("template") and migrated.get("kind") in _FORMAT_2_TEMPLATES:
        migrated["template"] = _FORMAT_2_TEMPLATES[migrated["kind"]]
    migrated["schema_version"] = 3
    return migrated


def _migrate_3_to_4(data: dict[str, Any]) -> dict[str, Any]:
    """Format 4 adds, all empty in a migrated file (``docs/draft-format.md``):

    - translation fingerprints on texts (``seen``, issue 13): a format-3 file has none, which
      means no translation is flagged as out of date; the first edit of a text in the app
      records them (nothing is written here: an absent ``seen`` is the empty record);
    - the optional clauses chosen (``optional_clauses``) and the clauses whose wording was
      edited in Word (``overrides``, issue 14): a format-3 draft chose no optional clause (the
      released templates offer none) and had no edited wording, so it prints as before.
    """
    migrated = dict(data)
    migrated.setdefault("optional_clauses", [])
    migrated.setdefault("overrides", [])
    migrated["schema_version"] = 4
    return migrated


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
}


def migrate(data: dict[str, Any], source: str) -> dict[str, Any]:
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DraftFileError(f"{source}: schema_version must be a whole number from 1, not {version!r}")
    if version > SCHEMA_VERSION:
        raise DraftFileError(
            f"{source}: this draft was saved by a newer version of MoU Drafter (draft format {version}; "
            f"this version reads formats up to {SCHEMA_VERSION}). Update MoU Drafter to open it; "
            "the file has not been changed."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


class _TwiceKeys(dict[str, Any]):
    """A JSON object in which a key was given twice (``twice`` names them)."""

    twice: list[str]


class _BadNumber(ValueError):
    """A number the draft cannot hold: ``text`` as written, ``reason`` in words."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    seen: set[str] = set()
    twice = _TwiceKeys(obj)
    twice.twice = []
    for key, _value in pairs:
        if key in seen:
            twice.twice.append(key)
        seen.add(key)
    return twice


def _number(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            raise _BadNumber(
                text,
                f"a number of {len(text):,} characters; numbers in a draft have at most "
                f"{MAX_NUMBER_CHARS} (is the file damaged?)",
            )
        return kind(text)

    return parse


def _not_a_number(text: str) -> Any:
    raise _BadNumber(text, f"{text} is not a number a draft can hold")


def _twice_keys(data: Any) -> tuple[str, str] | None:
    """The field path of the first object holding a key twice, and the key; without recursion."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, _TwiceKeys):
            return path, node.twice[0]
        if isinstance(node, dict):
            stack.extend((f"{path}.{key}" if path else key, value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{path}[{index}]", value) for index, value in reversed(list(enumerate(node))))
    return None


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def parse_draft(raw: bytes, source: str = "<draft>") -> Draft:
    """Parse the bytes of a draft file. ``source`` names the file in messages."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftFileError(
            f"{source}: not a UTF-8 text file (byte {exc.start}); is it a draft file?"
        ) from None
    try:
        data = json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_number(int),
            parse_float=_number(float),
            parse_constant=_not_a_number,
        )
    except json.JSONDecodeError as exc:
        raise DraftFileError(
            f"{source}: line {exc.lineno}, column {exc.colno}: damaged draft file, not valid JSON ({exc.msg})"
        ) from None
    except _BadNumber as exc:
        raise DraftFileError(f"{source}: line {_line_of(text, exc.text)}: {exc.reason}") from None
    except RecursionError:
        raise DraftFileError(f"{source}: damaged draft file, nested too deeply") from None
    twice = _twice_keys(data)
    if twice is not None:
        path, key = twice
        where = f"{path}.{key}" if path else key
        raise DraftFileError(
            f"{source}: {where}: the field is given twice in the file; a draft names each field once (the second "
            "would silently replace the first). Remove the one that is wrong in a text editor."
        )
    if not isinstance(data, dict):
        raise DraftFileError(f"{source}: a draft file must contain a JSON object, not {type(data).__name__}")
    for field in ("kind", "schema_version"):
        if field not in data:
            raise DraftInvalid(
                f"{source}: {field}: required field is missing", [f"{field}: required field is missing"]
            )
    try:
        data = migrate(data, source)
        return Draft.model_validate(data)
    except ValidationError as exc:
        lines = describe_validation_error(exc)
        raise DraftInvalid(
            f"{source}: the draft does not match the format:\n  " + "\n  ".join(lines), lines
        ) from None
    except RecursionError:
        raise DraftFileError(f"{source}: damaged draft file, nested too deeply") from None


def read_file(
    path: Path, *, limit: int = MAX_FILE_BYTES, what: str = "a draft file", locked: str = ""
) -> bytes:
    """The bytes of ``path`` (at most ``limit``), or a :class:`DraftFileError` naming the file:
    missing, a folder (not ``what``), too large, not readable (``locked``: what to add when access
    is denied, e.g. "is it open in Word?")."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise DraftFileError(f"{path}: file is too large for {what} ({size // 1_000_000} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise DraftFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DraftFileError(f"{path}: is a folder, not {what}") from None
    except PermissionError:
        raise DraftFileError(f"{path}: permission denied" + (f" ({locked})" if locked else "")) from None
    except OSError as exc:
        raise DraftFileError(f"{path}: cannot read ({exc.strerror})") from None


def load_draft(path: str | os.PathLike[str]) -> Draft:
    """Load a draft file; raise :class:`DraftFileError` or :class:`DraftInvalid` with a clear message."""
    p = Path(path)
    return parse_draft(read_file(p), str(p))


def draft_to_json(draft: Draft) -> str:
    data = draft.model_dump(mode="json")
    # Put the identifying fields first so the file is easy to recognise in a text editor.
    ordered = {k: data.pop(k) for k in ("kind", "schema_version", "template", "languages")}
    ordered.update(data)
    # A text's translation record goes on one line after its texts, out of the reader's way.
    records: list[str] = []

    def compact(node: Any) -> Any:
        if isinstance(node, dict):
            out = {key: compact(value) for key, value in node.items()}
            if isinstance(node.get("seen"), dict):
                records.append(json.dumps(node["seen"], ensure_ascii=False, separators=(", ", ": ")))
                out["seen"] = f"\x00{len(records) - 1}\x00"
            return out
        if isinstance(node, list):
            return [compact(item) for item in node]
        return node

    text = json.dumps(compact(ordered), ensure_ascii=False, indent=2)
    if records:
        text = re.sub(r'"\\u0000(\d+)\\u0000"', lambda m: records[int(m.group(1))], text)
    return text + "\n"


def save_draft(draft: Draft, path: str | os.PathLike[str]) -> Path:
    """Save ``draft`` atomically (temp file + replace)."""
    return atomic_write_bytes(path, draft_to_json(draft).encode("utf-8"))


@dataclass(frozen=True)
class UnsavedCopy:
    """A complete draft a save of ``target`` wrote but did not put in place (it was killed)."""

    path: Path
    target: Path
    written: dt.datetime
    draft: Draft


def complete_leftovers(path: str | os.PathLike[str]) -> list[UnsavedCopy]:
    """The complete drafts left by saves of ``path`` that were killed before replacing it, newer
    than the file (or the file is gone), newest first. Incomplete ones are left for the next save
    to remove."""
    target = Path(path)
    try:
        current: float | None = target.stat().st_mtime
    except OSError:
        current = None
    found = []
    for leftover in leftovers(target):
        try:
            mtime = leftover.mtime
            if current is not None and mtime <= current:
                continue
            draft = parse_draft(leftover.path.read_bytes(), str(leftover.path))
        except (OSError, MouDrafterError) as exc:  # incomplete (killed mid-write): not offered
            log.info("leftover %s is not a complete draft: %s", leftover.path, exc)
            continue
        found.append(UnsavedCopy(leftover.path, leftover.target, dt.datetime.fromtimestamp(mtime), draft))
    return found


def json_schema() -> dict[str, Any]:
    schema = Draft.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"MoU Drafter draft file (format {SCHEMA_VERSION}, extension {DRAFT_SUFFIX})"
    return schema
