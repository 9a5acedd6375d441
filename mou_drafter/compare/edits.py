"""What was changed in Word: an exported DOCX that comes back, compared clause by clause and word
by word (Lao split into words) with the text it was exported with, each change sorted by where its
words came from, and taken back into the draft.

* The exported text of each clause and language is in the file's export record
  (:mod:`mou_drafter.render.record`); the text now is what the clause's bookmarks hold.
* Where each part of the text came from is found by rendering the draft again with tracing
  (:mod:`mou_drafter.templating.trace`): a change inside a text the clerk typed (``typed``) can go
  back into that field of the draft; a change of the template's own words (``template``) is kept
  as a per-draft override of the clause (:mod:`mou_drafter.templating.overrides`); a change of
  something printed from the draft's data — a date, an amount, a count (``computed``) — is listed,
  to be changed in the form; a clause whose text was deleted in Word (``removed``) is listed.
* Without the template the file was made with, changes are listed as ``unsorted``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import partial
from typing import Literal

from ..errors import TemplateError
from ..model.draft import ClauseOverride, Draft
from ..model.originals import party_first
from ..model.paths import get_path, set_path
from ..render.inspect import bookmark_texts
from ..render.record import MARK_PREFIX, ExportRecord, clause_texts, fingerprint
from ..templating.engine import Export
from ..templating.library import TemplateLibrary
from ..templating.trace import TracedClause, ValueSpan, traced_clauses
from ..words.tokens import tokenize
from .align import Span, word_spans

ChangeKind = Literal["typed", "template", "computed", "removed", "unsorted"]


@dataclass(frozen=True)
class Change:
    """One change made in Word inside one clause in one language: the words ``old`` (characters
    ``start``–``end`` of the exported text) became ``new``."""

    index: int
    clause: str
    lang: str
    kind: ChangeKind
    start: int
    end: int
    old: str
    new: str
    #: ``typed``: the field the words are in, and its text with this change (``None`` when the
    #: change cannot be written back by itself: the field is printed in capitals, or the change
    #: runs over the end of the field).
    path: str = ""
    field_text: str | None = None
    #: Where the change is in the template's text of the clause (tracing), when it was found.
    at: tuple[int, int] | None = None

    @property
    def can_take_back(self) -> bool:
        return self.kind == "typed" and self.field_text is not None


@dataclass
class ClauseEdits:
    """The changes of one clause in one language."""

    clause: str
    lang: str
    kind: str
    exported: str
    #: The clause's text in the file now; ``None``: deleted in Word (its bookmark is gone).
    current: str | None
    spans: list[Span] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    #: The template's text of the clause (tracing), when it was found.
    traced: TracedClause | None = None


@dataclass
class WordEdits:
    """What was changed in an exported DOCX, per clause and language, in document order."""

    source: str
    record: ExportRecord
    draft: Draft
    clauses: list[ClauseEdits]
    #: Whether the template the file was made with was found (changes could be sorted).
    sorted: bool = True
    #: The file's text is the text exported (its fingerprint matches the record's).
    unchanged: bool = False

    def changes(self) -> list[Change]:
        return [change for clause in self.clauses for change in clause.changes]


def _hunks(spans: list[Span]) -> list[tuple[int, int, str, str]]:
    """(start, end, old, new) in the old text for each run of deleted and inserted words."""
    out: list[tuple[int, int, str, str]] = []
    position = 0
    current: list | None = None
    for span in spans:
        if span.kind == "equal":
            if current is not None:
                out.append(tuple(current))
                current = None
            position += len(span.text)
            continue
        if current is None:
            current = [position, position, "", ""]
        if span.kind == "delete":
            current[1] = position + len(span.text)
            current[2] += span.text
            position += len(span.text)
        else:
            current[3] += span.text
    if current is not None:
        out.append(tuple(current))
    return out


def _position_map(exported: str, traced: str) -> dict[int, int] | None:
    """Character positions of ``exported`` in ``traced`` where the two agree (``None``: the
    same text, every position its own)."""
    if exported == traced:
        return None
    out: dict[int, int] = {}
    for block in SequenceMatcher(None, exported, traced, autojunk=False).get_matching_blocks():
        for k in range(block.size + 1):
            out.setdefault(block.a + k, block.b + k)
    return out


def _containing(start: int, end: int, spans: tuple[ValueSpan, ...]) -> ValueSpan | None:
    """The innermost value holding characters ``start``–``end`` (an insertion at a value's end
    extends it; at its start it stands before it)."""
    found = None
    for span in spans:
        inside = (
            (span.start <= start and end <= span.end) if start < end else (span.start < start <= span.end)
        )
        if inside and span.end > span.start:
            found = span  # spans are sorted outer first
    return found


def _field_text(draft: Draft, span: ValueSpan, traced: str, edits: list[tuple[int, int, str]]) -> str | None:
    """The field's text with ``edits`` (traced positions) made inside the value ``span``, or
    ``None`` when the printed value is not the field's text as typed in a way that maps back."""
    printed = traced[span.start : span.end]
    changed = printed
    for start, end, new in sorted(edits, reverse=True):
        changed = changed[: start - span.start] + new + changed[end - span.start :]
    typed = get_path(draft, span.path)
    stripped = typed.strip()
    lead = len(typed) - len(typed.lstrip())
    if printed == stripped:
        return typed[:lead] + changed + typed[lead + len(stripped) :]
    if printed.isupper() and not stripped.isupper():
        return None  # printed in capitals: the case of the typed text cannot be told
    # reshaped (a capital first letter, a stop added): map the edit through the characters kept
    matcher = SequenceMatcher(None, stripped.casefold(), printed.casefold(), autojunk=False)
    to_typed: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size + 1):
            to_typed.setdefault(block.b + k, block.a + k)
    result = stripped
    for start, end, new in sorted(edits, reverse=True):
        a, b = to_typed.get(start - span.start), to_typed.get(end - span.start)
        if a is None or b is None or b < a:
            return None
        result = result[:a] + new + result[b:]
    return typed[:lead] + result + typed[lead + len(stripped) :]


def _render_draft(record: ExportRecord, draft: Draft) -> tuple[Draft, list[str], dict[str, str]]:
    """The draft as the file was rendered (one original per party: that party first), its
    languages, and how its field paths read in ``draft`` (``parties[0]`` → ``parties[2]``)."""
    if not (record.party and draft.party_by_id(record.party) is not None):
        return draft, list(record.export_languages), {}
    rendered, languages = party_first(draft, record.party, list(record.export_languages))
    # the rendered draft holds the same parties, in another order
    index = {party.id: i for i, party in enumerate(draft.parties)}
    renames = {f"parties[{i}]": f"parties[{index[p.id]}]" for i, p in enumerate(rendered.parties)}
    if draft.minutes is not None and rendered.minutes is not None:
        originals = draft.minutes.delegations
        renames.update(
            {
                f"minutes.delegations[{i}]": f"minutes.delegations[{next(k for k, o in enumerate(originals) if o == d)}]"
                for i, d in enumerate(rendered.minutes.delegations)
            }
        )
    return rendered, languages, renames


def _renamed(path: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        if path.startswith(old + "."):
            return new + path[len(old) :]
    return path


def word_edits(
    data: bytes,
    record: ExportRecord,
    draft: Draft,
    *,
    source: str = "<docx>",
    library: TemplateLibrary | None = None,
) -> WordEdits:
    """The changes made in the DOCX ``data`` since it was exported with ``record`` from ``draft``."""
    now = clause_texts(record.marks, bookmark_texts(data, MARK_PREFIX))
    exported = record.clause_texts()
    if now.keys() == exported.keys() and fingerprint(now) == record.fingerprint:
        return WordEdits(source, record, draft, [], unchanged=True)
    changed = [key for key in exported if now.get(key) != exported[key]]
    traced: dict[tuple[str, str], TracedClause] = {}
    renames: dict[str, str] = {}
    sorted_ok = True
    if changed:
        rendered, languages, renames = _render_draft(record, draft)
        export_langs = languages
        file_langs = (
            [lang for lang in languages if lang in record.languages]
            if record.layout == "separate"
            else languages
        )
        try:
            traced = traced_clauses(
                rendered,
                file_langs,
                Export(record.layout, tuple(export_langs)),  # type: ignore[arg-type]  # layout: str read from the file
                template=record.template,
                library=library,
            )
        except TemplateError:
            sorted_ok = False
        traced = {key: _with_paths(clause, renames) for key, clause in traced.items()} if renames else traced
    clauses: list[ClauseEdits] = []
    number = 0
    for key in changed:
        clause_id, lang = key
        old, new = exported[key], now.get(key)
        trace = traced.get(key)
        edit = ClauseEdits(clause_id, lang, trace.kind if trace else "", old, new, traced=trace)
        if new is None:
            edit.changes.append(Change(number, clause_id, lang, "removed", 0, len(old), old, ""))
            number += 1
            clauses.append(edit)
            continue
        edit.spans = word_spans(old, new, partial(tokenize, lang=lang))
        positions = _position_map(old, trace.text) if trace else None
        for start, end, removed, inserted in _hunks(edit.spans):
            kind: ChangeKind = "unsorted" if not sorted_ok or trace is None else "template"
            path, field_text, at = "", None, None
            if trace is not None and sorted_ok:
                a, b = (start, end) if positions is None else (positions.get(start), positions.get(end))
                if a is None or b is None:
                    kind = "template"
                else:
                    at = (a, b)
                    span = _containing(a, b, trace.values)
                    overlapping = [
                        s for s in trace.values if s.start < b and a < s.end and s.source != "template"
                    ]
                    if span is not None and span.source == "field":
                        kind, path = "typed", span.path
                        field_text = _field_text(draft, span, trace.text, [(a, b, inserted)])
                    elif span is not None and span.source == "computed":
                        kind = "computed"
                    elif overlapping:
                        kind = "typed" if any(s.source == "field" for s in overlapping) else "computed"
                        path = next((s.path for s in overlapping if s.source == "field"), "")
            edit.changes.append(
                Change(number, clause_id, lang, kind, start, end, removed, inserted, path, field_text, at)
            )
            number += 1
        clauses.append(edit)
    return WordEdits(source, record, draft, clauses, sorted=sorted_ok)


def _with_paths(clause: TracedClause, renames: dict[str, str]) -> TracedClause:
    values = tuple(replace(v, path=_renamed(v.path, renames)) if v.path else v for v in clause.values)
    return replace(clause, values=values)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def take_back(
    edits: WordEdits, accept: Collection[int] | None = None, *, keep_template: bool = True
) -> tuple[Draft, list[str]]:
    """A copy of the draft with the changes of typed texts chosen in ``accept`` (change indices;
    ``None``: every one that can be taken back) written into their fields, and, with
    ``keep_template``, every change of the template's wording kept as an override of its clause.
    Returns the draft and notes on what was not taken (and why)."""
    draft = edits.draft.model_copy(deep=True)
    notes: list[str] = []
    fields: dict[str, str] = {}
    overrides: dict[tuple[str, str], ClauseOverride] = {(o.clause, o.lang): o for o in draft.overrides}
    for clause in edits.clauses:
        trace = clause.traced
        taken: list[Change] = []
        wording: list[Change] = []
        by_value: dict[ValueSpan, list[Change]] = {}
        for change in clause.changes:
            chosen = accept is None or change.index in accept
            if change.kind == "typed" and chosen:
                span = _containing(*change.at, trace.values) if trace is not None and change.at else None
                if change.field_text is None or span is None:
                    notes.append(
                        f"{clause.clause} ({clause.lang}): “{change.old}” → “{change.new}” is in "
                        f"{change.path} but cannot be written back by itself; change it in the form"
                    )
                else:
                    by_value.setdefault(span, []).append(change)
            elif change.kind == "template" and keep_template:
                wording.append(change)
            elif change.kind in ("computed", "removed", "unsorted"):
                notes.append(
                    f"{clause.clause} ({clause.lang}): {change.kind} change not taken "
                    f"(“{change.old}” → “{change.new}”)"
                )
        for span, changes in by_value.items():
            assert trace is not None
            text = _field_text(edits.draft, span, trace.text, [(*c.at, c.new) for c in changes if c.at])
            if text is None or (span.path in fields and fields[span.path] != text):
                notes.append(
                    f"{clause.clause} ({clause.lang}): {span.path} was changed differently elsewhere "
                    "in the document, or cannot be written back; change it in the form"
                )
                continue
            fields[span.path] = text
            taken.extend(changes)
        if not wording or trace is None or clause.current is None:
            continue
        if trace.kind == "table":
            notes.append(f"{clause.clause} ({clause.lang}): wording edited in a table is not kept")
            continue
        before = _apply(trace.text, [(*c.at, c.new) for c in taken if c.at])
        after = _apply(clause.exported, [(c.start, c.end, c.new) for c in taken + wording])
        overrides[(clause.clause, clause.lang)] = ClauseOverride(
            clause=clause.clause, lang=clause.lang, before=before, after=after
        )
    for path, text in fields.items():
        set_path(draft, path, text)
    draft.overrides = [o for o in overrides.values() if o.before != o.after]
    return draft, notes


#: How each kind of change is named in the report.
KIND_LABELS = {
    "typed": "typed text",
    "template": "edited template text",
    "computed": "computed text",
    "removed": "clause removed",
    "unsorted": "changed",
}


def report_text(edits: WordEdits) -> str:
    """The changes as text, per clause and language: ``[-removed-]{+inserted+}`` in context, and
    one line per change saying what it is and what taking it back does."""
    head = (
        f"{edits.source}: made with {edits.record.template or '?'}, {edits.record.layout}, "
        f"{' '.join(edits.record.languages)}"
        + (f", original of {edits.record.party}" if edits.record.party else "")
    )
    if edits.unchanged or not edits.clauses:
        return f"{head}\nno changes made in Word\n"
    changes = edits.changes()
    lines = [head, f"{len(changes)} change(s) in {len(edits.clauses)} clause(s)"]
    if not edits.sorted:
        lines.append(
            f"the template {edits.record.template} is not installed here: changes are listed, not sorted"
        )
    for clause in edits.clauses:
        lines.append("")
        lines.append(f"{clause.clause} ({clause.lang})")
        if clause.current is None:
            lines.append("    removed in Word")
        else:
            inline = "".join(
                span.text
                if span.kind == "equal"
                else (f"[-{span.text}-]" if span.kind == "delete" else f"{{+{span.text}+}}")
                for span in clause.spans
            )
            lines.append("    " + inline.replace("\n", "\n    "))
        for change in clause.changes:
            what = KIND_LABELS[change.kind]
            if change.kind == "typed":
                what += f" {change.path}" + ("" if change.can_take_back else " (change it in the form)")
            elif change.kind == "template":
                what += (
                    " (kept as this draft's wording)" if clause.kind != "table" else " (in a table: not kept)"
                )
            elif change.kind == "computed":
                what += " (a date, number or count: change it in the form)"
            lines.append(f"  #{change.index} {what}: “{change.old}” → “{change.new}”")
    return "\n".join(lines) + "\n"
