"""What an exported Word file carries so that it can travel: the export record.

Every DOCX the app writes holds, as Word's own place for another program's data (a custom XML
part, ``customXml/itemN.xml``), the draft it was made from (as JSON), the template
``name@version``, the layout, the languages of the file and of the whole export, the party whose
original it is (one original per party), and for each clause the bookmark that marks it in the
text, with the clause's id, language and text as exported. Word and LibreOffice keep both the part
and the bookmarks when they open and save the file (``tests/test_travel_realclient.py``), so a
DOCX edited in Word imports as its draft, and what was changed in Word shows clause by clause.

The XML is written by :func:`mou_drafter.render.oxml.export_record_xml` (the one corner that
writes package XML) and read here; the bookmarks' text is read by
:func:`mou_drafter.render.inspect.bookmark_texts`.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import DraftFileError

#: Namespace of the export record; ``version`` on the root says which record format it is.
RECORD_NS = "urn:mou-drafter:export"
RECORD_VERSION = "1"
#: Prefix of the clause bookmarks: hidden bookmarks (Word lists names starting with "_" only when
#: asked), numbered in document order.
MARK_PREFIX = "_Mou"


class Mark(NamedTuple):
    """One bookmarked piece of a clause in one language: its bookmark name, clause id, language
    and text as exported (the paragraphs of the piece joined by line breaks). A named tuple: a
    large document makes tens of thousands of them."""

    name: str
    clause: str
    lang: str
    text: str


@dataclass(frozen=True)
class ExportRecord:
    template: str
    layout: str
    #: The languages of this file, and of the whole export (one file per language: all of them).
    languages: tuple[str, ...]
    export_languages: tuple[str, ...]
    #: The draft as saved (JSON): importing gives it back exactly.
    draft_json: str
    marks: tuple[Mark, ...] = ()
    #: One original per party: the party whose original this file is; empty otherwise.
    party: str = ""
    app_version: str = ""
    #: :func:`fingerprint` of the clause texts as exported.
    fingerprint: str = ""
    extra: dict[str, str] = field(default_factory=dict, hash=False)

    def clause_texts(self) -> dict[tuple[str, str], str]:
        """The text of each (clause id, language) as exported: its pieces joined."""
        return exported_texts(self.marks)


def canon(text: str) -> str:
    """A clause's text without what only lays it out: zero-width spaces between Lao words, line
    breaks the renderer put after a space to keep a Lao phrase or a title line whole (a line of the
    text itself never ends in a space), and space at either end."""
    return text.replace("\u200b", "").replace(" \n", " ").strip()


def clause_texts(marks: tuple[Mark, ...] | list[Mark], texts: dict[str, str]) -> dict[tuple[str, str], str]:
    """The text of each (clause id, language) whose marks are found in ``texts`` (bookmark name
    → text), its pieces in document order joined by line breaks, :func:`canon`."""
    return _joined((mark.clause, mark.lang, texts[mark.name]) for mark in marks if mark.name in texts)


def exported_texts(marks: tuple[Mark, ...] | list[Mark]) -> dict[tuple[str, str], str]:
    """:func:`clause_texts` of ``marks`` with the texts they were written with: the clause texts
    as exported."""
    return _joined((mark.clause, mark.lang, mark.text) for mark in marks)


def _joined(pieces: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """(clause id, language) → its pieces of text in order, :func:`canon`, joined by line breaks.
    Most clauses are one piece (a table cell's text in several languages, or a signature
    block's lines, make more): only those are gathered in lists."""
    out: dict[tuple[str, str], str] = {}
    more: dict[tuple[str, str], list[str]] = {}
    for clause, lang, text in pieces:
        key = (clause, lang)
        text = canon(text)
        if key not in out:
            out[key] = text
        elif key in more:
            more[key].append(text)
        else:
            more[key] = [out[key], text]
    for key, parts in more.items():
        out[key] = "\n".join(parts)
    return out


def fingerprint(texts: dict[tuple[str, str], str]) -> str:
    """SHA-256 of the clause texts (id, language, text), in the order of (id, language).

    The records are sorted as strings: the same order, as ``\x1f`` sorts below every character
    a clause id or language code may hold (letters, digits, ``.``, ``_``, ``-``), so an id that is
    the start of another still comes first; sorting strings skips comparing tuples."""
    joined = "".join(sorted([f"{clause}\x1f{lang}\x1f{text}\x1e" for (clause, lang), text in texts.items()]))
    return hashlib.sha256(joined.encode()).hexdigest()


def record_item_id(record_fingerprint: str) -> str:
    """The ``{GUID}`` of the record's custom XML part, derived from the text it describes."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{RECORD_NS}:{record_fingerprint}")).upper() + "}"


def record_xml(record: ExportRecord) -> bytes:
    from . import oxml

    attributes = {
        "version": RECORD_VERSION,
        "app": record.app_version,
        "template": record.template,
        "layout": record.layout,
        "languages": " ".join(record.languages),
        "export-languages": " ".join(record.export_languages),
        "party": record.party,
        "fingerprint": record.fingerprint,
    }
    return oxml.export_record_xml(RECORD_NS, attributes, record.draft_json, record.marks)


def parse_record(xml: bytes, source: str = "<docx>") -> ExportRecord:
    """The export record in ``xml`` (a custom XML part in :data:`RECORD_NS`)."""
    from lxml import etree

    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise DraftFileError(f"{source}: the draft stored in the document is damaged ({exc})") from None
    ns = f"{{{RECORD_NS}}}"
    if root.tag != f"{ns}export":
        raise DraftFileError(f"{source}: the document holds no MoU Drafter draft")
    version = root.get("version", "")
    if version != RECORD_VERSION:
        raise DraftFileError(
            f"{source}: the draft in this document was stored by a newer MoU Drafter "
            f"(record version {version}); update MoU Drafter to open it"
        )
    draft = root.find(f"{ns}draft")
    if draft is None or not (draft.text or "").strip():
        raise DraftFileError(f"{source}: the draft stored in the document is missing")
    marks = tuple(
        Mark(m.get("name", ""), m.get("clause", ""), m.get("lang", ""), m.text or "")
        for m in root.iterfind(f"{ns}marks/{ns}mark")
    )
    known = {"version", "app", "template", "layout", "languages", "export-languages", "party", "fingerprint"}
    return ExportRecord(
        template=root.get("template", ""),
        layout=root.get("layout", ""),
        languages=tuple(root.get("languages", "").split()),
        export_languages=tuple(root.get("export-languages", "").split()),
        draft_json=draft.text or "",
        marks=marks,
        party=root.get("party", ""),
        app_version=root.get("app", ""),
        fingerprint=root.get("fingerprint", ""),
        extra={k: v for k, v in root.attrib.items() if k not in known},
    )


def find_record(data: bytes, source: str = "<docx>") -> ExportRecord | None:
    """The export record of the DOCX ``data``, or ``None`` when it holds none (a Word file from
    elsewhere). Raises :class:`DraftFileError` when ``data`` is no Word file."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DraftFileError(f"{source}: not a Word document (.docx); is the file damaged?") from None
    with package:
        for name in sorted(package.namelist()):
            if not (name.startswith("customXml/item") and name.endswith(".xml")) or "Props" in name:
                continue
            content = package.read(name)
            if RECORD_NS.encode() in content[:4000]:
                return parse_record(content, source)
    return None
