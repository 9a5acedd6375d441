"""Clause wording edited in Word and kept for one draft (``Draft.overrides``, format 4).

An override records a clause's text in one language as the template wrote it (``before``) and as
edited (``after``). When the draft is rendered, the clause's text now is merged three ways, word by
word: if it still reads ``before``, it becomes ``after``; if texts the clerk typed in it changed
since, the edits of the wording (``before`` → ``after``) are carried onto the new text wherever the
words around them are unchanged; where they are not (the wording was edited where the text
changed too), the clause is left as the template writes it and the override is listed as not
applied (:attr:`mou_drafter.document.Document.unapplied_overrides`), which the checks show.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ..document import Block, Document
from ..model.draft import ClauseOverride
from ..words.tokens import tokenize


def merge(base: str, mine: str, theirs: str, lang: str) -> str | None:
    """``mine`` with the edits that turn ``base`` into ``theirs``, or ``None`` when an edit falls
    where ``mine`` differs from ``base`` (or next to it). Word by word (Lao split into words)."""
    if mine == base:
        return theirs
    if base == theirs:
        return mine
    old, new, current = tokenize(base, lang), tokenize(theirs, lang), list(tokenize(mine, lang))
    to_mine: dict[int, int] = {}
    for block in SequenceMatcher(None, old, current, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            to_mine[block.a + k] = block.b + k
    edits = [op for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    placed: list[tuple[int, int, list[str]]] = []
    for _tag, i1, i2, j1, j2 in edits:
        # the edited words and one word either side must stand unchanged, in a row, in mine
        context = range(max(i1 - 1, 0), min(i2 + 1, len(old)))
        if any(i not in to_mine for i in context):
            return None
        positions = [to_mine[i] for i in context]
        if positions != list(range(positions[0], positions[0] + len(positions))):
            return None
        start = to_mine[i1] if i1 < len(old) else len(current)
        if i1 == i2 and i1 < len(old):
            start = to_mine[i1]
        elif i1 == i2:
            start = to_mine[i1 - 1] + 1 if i1 else 0
        placed.append((start, start + (i2 - i1), list(new[j1:j2])))
    for start, end, words in sorted(placed, reverse=True):
        current[start:end] = words
    return "".join(current)


def set_clause_text(doc: Document, block: Block, text: str) -> bool:
    """Give ``block`` the clause text ``text`` (as :meth:`Document.clause_text` reads it); False
    when that cannot be: an article whose number would change, a table."""
    if block.kind == "table":
        return False
    if block.kind == "article":
        prefix = doc.article_heading(block)[: len(doc.article_heading(block)) - len(block.text)]
        if not text.startswith(prefix):
            return False
        block.lines = [text[len(prefix) :]]
        return True
    block.lines = text.split("\n")
    return True


def apply_overrides(doc: Document, overrides: list[ClauseOverride]) -> list[int]:
    """Apply the draft's ``overrides`` to the clauses of ``doc``; returns the indices of those that
    did not fit (a clause of a language ``doc`` does not hold is not counted)."""
    blocks = {(block.id, block.lang): block for blocks in doc.texts.values() for block in blocks}
    unapplied = []
    for index, override in enumerate(overrides):
        if override.lang not in doc.texts:
            continue
        block = blocks.get((override.clause, override.lang))
        if block is None:
            unapplied.append(index)
            continue
        merged = merge(override.before, doc.clause_text(block), override.after, override.lang)
        if merged is None or not set_clause_text(doc, block, merged):
            unapplied.append(index)
    return unapplied
