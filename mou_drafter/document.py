"""The document model: what a template renders into and what every renderer reads.

A :class:`Document` holds, for each document language, an ordered list of :class:`Block` s. Each
block has a kind, a clause id that is stable across languages and template versions (``art.areas``,
``area.3``) and its language, so layouts can align Article 3 in Vietnamese with Article 3 in Lao and
comparisons can match clauses by id rather than by position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

#: How the languages of a document are laid out: one column per language, one language after
#: another, or one file per language. The template engine needs it for the closing clause and the
#: renderers to lay the blocks out; :mod:`mou_drafter.render.options` re-exports it.
Layout = Literal["side-by-side", "sequential", "separate"]
LAYOUTS: tuple[Layout, ...] = get_args(Layout)

#: Block kinds a template may produce (``@kind`` directives), with what they mean.
BLOCK_KINDS: dict[str, str] = {
    "national-header": "national header: one line per row, first line in capitals, motto underlined",
    "issuer": "issuing body and document number, flush left above the title",
    "place-date": "place and date line, italic",
    "title": "document type, bold capitals, centred",
    "subtitle": "subject line, bold, centred",
    "basis": "legal or political basis, italic, one line each",
    "heading": "section heading, bold",
    "article": "numbered article; the text is the article title",
    "para": "body paragraph, justified, first-line indent",
    "item": "list item, indented",
    "table": "table of @row and @cell",
    "signer": "signature block of one party: authority and title lines, then the name (last line)",
}
#: Directives that only structure a table.
TABLE_PARTS = ("row", "cell")


@dataclass(slots=True)
class Row:
    cells: list[list[str]] = field(default_factory=list)
    header: bool = False


@dataclass(slots=True)
class Block:
    kind: str
    id: str
    lang: str
    lines: list[str] = field(default_factory=list)
    #: Article number (articles only), assigned in order.
    number: int | None = None
    rows: list[Row] = field(default_factory=list)
    #: Line in the template file where the directive is (for messages), 0 if unknown.
    source_line: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


#: One cell of a table merged across languages: (text, language) for each language whose text
#: differs from the languages before it (a row number is there once, not once per language).
MergedCell = list[tuple[str, str]]


def merge_tables(blocks: list[Block]) -> list[tuple[list[MergedCell], bool]] | None:
    """The same table in several languages as one table: rows of (cells, is a header row), each
    cell holding the text of every language in turn. ``None`` when the tables differ in shape
    (number of rows, cells per row, header rows), so they cannot be merged."""
    shape = [(len(r.cells), r.header) for r in blocks[0].rows]
    if any([(len(r.cells), r.header) for r in b.rows] != shape for b in blocks[1:]):
        return None
    columns = max((n for n, _header in shape), default=1)
    rows = []
    for index, (_n, header) in enumerate(shape):
        cells: list[MergedCell] = []
        for col in range(columns):
            texts: MergedCell = []
            for block in blocks:
                lines = block.rows[index].cells[col] if col < len(block.rows[index].cells) else []
                text = "\n".join(lines).strip()
                if text and all(text != t for t, _lang in texts):
                    texts.append((text, block.lang))
            cells.append(texts)
        rows.append((cells, header))
    return rows


@dataclass(slots=True)
class Document:
    kind: str
    template: str
    languages: list[str]
    texts: dict[str, list[Block]]
    #: Per-language labels from the template manifest, e.g. {"article": {"vi": "Điều", ...}}.
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Indices of the draft's clause overrides (wording edited in Word) that no longer fit the
    #: clause's text and were not applied (see :mod:`mou_drafter.templating.overrides`).
    unapplied_overrides: list[int] = field(default_factory=list)

    def label(self, name: str, lang: str) -> str:
        return self.labels.get(name, {}).get(lang, "")

    def article_heading(self, block: Block) -> str:
        label = self.label("article", block.lang)
        prefix = f"{label} {block.number}." if label else f"{block.number}."
        return f"{prefix} {block.text}".rstrip()

    def clause_text(self, block: Block) -> str:
        """The text of a clause in its language as the reader sees it: an article's heading with
        its number, a table's cells one per line (row by row), the lines of any other block. What
        an exported DOCX keeps per clause (its bookmarks) reads the same."""
        if block.kind == "article":
            return self.article_heading(block)
        if block.kind == "table":
            return "\n".join(
                text for row in block.rows for cell in row.cells if (text := "\n".join(cell).strip())
            )
        return "\n".join(block.lines)

    def aligned_rows(self, languages: list[str] | None = None) -> list[tuple[str, dict[str, Block]]]:
        """Rows of blocks aligned by clause id across ``languages`` (side-by-side layout).

        The order is that of the first language; a block another language has and the first lacks
        is placed after the block that precedes it in its own language.
        """
        langs = languages or self.languages
        order = [b.id for b in self.texts.get(langs[0], [])]
        seen = set(order)
        for lang in langs[1:]:
            extras: dict[str | None, list[str]] = {}
            previous: str | None = None
            for block in self.texts.get(lang, []):
                if block.id in seen:
                    previous = block.id
                else:
                    extras.setdefault(previous, []).append(block.id)
                    seen.add(block.id)
            if extras:
                merged = list(extras.get(None, []))
                for cid in order:
                    merged.append(cid)
                    merged.extend(extras.get(cid, []))
                order = merged
        by_lang = {lang: {b.id: b for b in self.texts.get(lang, [])} for lang in langs}
        return [(cid, {lang: by_lang[lang][cid] for lang in langs if cid in by_lang[lang]}) for cid in order]
