"""Plain-text renderer: for diffs, tests and the terminal.

``sequential`` writes each language in turn under a ``== vi ==`` line; ``side-by-side`` writes
each clause once with one line per language (``vi| …``), in clause order.
"""

from __future__ import annotations

from ..document import Block, Document
from .options import RenderOptions


def block_lines(doc: Document, block: Block) -> list[str]:
    """The text of one block as lines, as a reader sees them (article numbers, table cells)."""
    if block.kind == "article":
        return [doc.article_heading(block)]
    if block.kind == "table":
        return [" | ".join(" / ".join(cell) for cell in row.cells) for row in block.rows]
    if block.kind == "signer":
        return [*block.lines[:-1], "", *block.lines[-1:]] if len(block.lines) > 1 else list(block.lines)
    return list(block.lines)


def render_text(doc: Document, options: RenderOptions | None = None) -> str:
    """The languages of ``doc`` as plain text laid out as ``options`` say (``separate`` as
    ``sequential``: the API renders one text per file)."""
    options = options or RenderOptions()
    langs = list(doc.languages)
    out: list[str] = []
    if options.layout == "side-by-side":
        for clause_id, cells in doc.aligned_rows(langs):
            out.append(f"[{clause_id}]")
            for lang in langs:
                block = cells.get(lang)
                if block is not None:
                    out.extend(f"{lang}| {line}" for line in block_lines(doc, block))
        return "\n".join(out) + "\n"
    for lang in langs:
        out.append(f"== {lang} ==")
        for block in doc.texts[lang]:
            out.extend(block_lines(doc, block))
            out.append("")
    return "\n".join(out)
