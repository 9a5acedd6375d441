"""Clause-aligned comparison of two versions of a document, per language.

A pure layer: it takes two sequences of clauses (id, text), matches them by id and returns what
happened to each clause — unchanged, changed (with word-level spans), added, removed or moved —
without any idea of how that is drawn (HTML, text, tracked changes in DOCX). The tokenizer is a
parameter (Lao needs a word-break iterator); ``cancelled`` lets a caller stop a long comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

Status = Literal["unchanged", "changed", "added", "removed", "moved"]
SpanKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Clause:
    id: str
    text: str
    kind: str = "para"


@dataclass(frozen=True)
class Span:
    kind: SpanKind
    text: str


@dataclass
class ClauseDiff:
    id: str
    status: Status
    old: Clause | None
    new: Clause | None
    spans: list[Span] = field(default_factory=list)

    @property
    def changed_text(self) -> bool:
        return any(span.kind != "equal" for span in self.spans)


@dataclass
class Comparison:
    language: str
    old_label: str
    new_label: str
    clauses: list[ClauseDiff]
    old_clauses: list[Clause] = field(default_factory=list)
    new_clauses: list[Clause] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"changed": 0, "added": 0, "removed": 0, "moved": 0, "unchanged": 0}
        for diff in self.clauses:
            out[diff.status] += 1
        return out

    def changes(self) -> list[ClauseDiff]:
        return [d for d in self.clauses if d.status != "unchanged"]


class Cancelled(Exception):
    pass


def word_spans(old: str, new: str, tokens: Callable[[str], Sequence[str]]) -> list[Span]:
    """Word-level difference of two texts as spans (deletions before insertions)."""
    a, b = list(tokens(old)), list(tokens(new))
    spans: list[Span] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            spans.append(Span("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            spans.append(Span("delete", "".join(a[i1:i2])))
        if j2 > j1:
            spans.append(Span("insert", "".join(b[j1:j2])))
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and out[-1].kind == span.kind:
            out[-1] = Span(span.kind, out[-1].text + span.text)
        else:
            out.append(span)
    return out


def compare_clauses(
    old: Sequence[Clause],
    new: Sequence[Clause],
    tokens: Callable[[str], Sequence[str]],
    *,
    language: str = "",
    old_label: str = "",
    new_label: str = "",
    cancelled: Callable[[], bool] = lambda: False,
) -> Comparison:
    """Match clauses by id. Clauses present in both whose order changed relative to the others are
    ``moved``; the result follows the new order, with removed clauses where they stood."""
    old_by_id = {c.id: c for c in old}
    new_by_id = {c.id: c for c in new}
    common_old = [c.id for c in old if c.id in new_by_id]
    common_new = [c.id for c in new if c.id in old_by_id]
    in_order: set[str] = set()
    matcher = SequenceMatcher(None, common_old, common_new, autojunk=False)
    for block in matcher.get_matching_blocks():
        in_order.update(common_old[block.a : block.a + block.size])

    result: list[ClauseDiff] = []
    removed_after: dict[str | None, list[Clause]] = {}
    previous_common: str | None = None
    for clause in old:
        if clause.id in new_by_id:
            previous_common = clause.id
        else:
            removed_after.setdefault(previous_common, []).append(clause)

    def emit_removed(anchor: str | None) -> None:
        for clause in removed_after.pop(anchor, []):
            result.append(
                ClauseDiff(
                    clause.id, "removed", clause, None, [Span("delete", clause.text)] if clause.text else []
                )
            )

    emit_removed(None)
    for clause in new:
        if cancelled():
            raise Cancelled
        before = old_by_id.get(clause.id)
        if before is None:
            result.append(
                ClauseDiff(
                    clause.id, "added", None, clause, [Span("insert", clause.text)] if clause.text else []
                )
            )
            continue
        spans = (
            word_spans(before.text, clause.text, tokens)
            if before.text != clause.text
            else ([Span("equal", clause.text)] if clause.text else [])
        )
        if clause.id not in in_order:
            status: Status = "moved"
        elif before.text != clause.text:
            status = "changed"
        else:
            status = "unchanged"
        result.append(ClauseDiff(clause.id, status, before, clause, spans))
        emit_removed(clause.id)
    for anchor in list(removed_after):
        emit_removed(anchor)
    return Comparison(language, old_label, new_label, result, list(old), list(new))
