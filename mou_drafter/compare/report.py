"""Comparison output as plain text and as HTML (side by side, colours plus marks that do not rely
on colour: strike-through and "−" for deletions, underline and "+" for insertions)."""

from __future__ import annotations

from html import escape

from .align import ClauseDiff, Comparison

#: Words of the HTML comparison; the desktop app passes them translated.
LABELS = {
    "changed": "changed",
    "added": "added",
    "removed": "removed",
    "moved": "moved",
    "unchanged": "unchanged",
    "clause": "clause",
    "deleted": "deleted",
    "inserted": "inserted",
    "legend": "Deleted text is struck through and marked −, inserted text underlined and marked +.",
}


def summary(comparison: Comparison) -> str:
    c = comparison.counts()
    return (
        f"{comparison.old_label} → {comparison.new_label} ({comparison.language}): {c['changed']} changed, "
        f"{c['added']} added, {c['removed']} removed, {c['moved']} moved, {c['unchanged']} unchanged"
    )


def _inline_text(diff: ClauseDiff) -> str:
    out = []
    for span in diff.spans:
        if span.kind == "equal":
            out.append(span.text)
        elif span.kind == "delete":
            out.append(f"[-{span.text}-]")
        else:
            out.append(f"{{+{span.text}+}}")
    return "".join(out)


def comparison_text(comparison: Comparison, *, all_clauses: bool = False) -> str:
    lines = [summary(comparison), ""]
    for diff in comparison.clauses:
        if diff.status == "unchanged" and not all_clauses:
            continue
        lines.append(f"{diff.status.upper():9} {diff.id}")
        if diff.status in ("changed", "moved"):
            lines.append("    " + _inline_text(diff).replace("\n", "\n    "))
        elif diff.old is not None and diff.status == "removed":
            lines.append("  - " + diff.old.text.replace("\n", "\n  - "))
        elif diff.new is not None and diff.status == "added":
            lines.append("  + " + diff.new.text.replace("\n", "\n  + "))
        else:
            lines.append("    " + (diff.new.text if diff.new else "").replace("\n", "\n    "))
    return "\n".join(lines) + "\n"


_CSS = """
body { font-family: 'Times New Roman', 'Liberation Serif', serif; margin: 1em; }
[lang=lo] { font-family: 'Phetsarath OT', 'Phetsarath', 'Noto Sans Lao', 'Lao UI', sans-serif; }
.summary { font-family: sans-serif; background: #f4f4f4; padding: .5em; border: 1px solid #ccc; }
table.compare { border-collapse: collapse; width: 100%; }
table.compare td, table.compare th { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; }
th { background: #eee; font-family: sans-serif; }
td.id { font-family: monospace; font-size: 85%; color: #444; white-space: nowrap; }
del { background: #fdd; color: #900; text-decoration: line-through; }
ins { background: #dfd; color: #060; text-decoration: underline; }
.mark { font-family: sans-serif; font-weight: bold; }
tr.removed td.old, tr.added td.new { background: #fafafa; }
.status { font-family: sans-serif; font-size: 85%; font-weight: bold; }
"""


def _side(diff: ClauseDiff, side: str, labels: dict[str, str] = LABELS) -> str:
    out = []
    for span in diff.spans:
        text = escape(span.text).replace("\n", "<br>")
        if span.kind == "equal":
            out.append(text)
        elif span.kind == "delete" and side == "old":
            out.append(f'<del title="{labels["deleted"]}"><span class="mark">−</span>{text}</del>')
        elif span.kind == "insert" and side == "new":
            out.append(f'<ins title="{labels["inserted"]}"><span class="mark">+</span>{text}</ins>')
    return "".join(out)


def comparison_html(
    comparison: Comparison, *, all_clauses: bool = True, labels: dict[str, str] | None = None
) -> str:
    """Side by side, one row per clause; changed rows carry anchors ``change-0``, ``change-1``… for
    next/previous navigation."""
    words = {**LABELS, **(labels or {})}
    c = comparison.counts()
    lang = escape(comparison.language)
    rows = []
    change = 0
    for diff in comparison.clauses:
        if diff.status == "unchanged" and not all_clauses:
            continue
        anchor = ""
        if diff.status != "unchanged":
            anchor = f'<a name="change-{change}" id="change-{change}"></a>'
            change += 1
        rows.append(
            f'<tr class="{diff.status}"><td class="id">{anchor}{escape(diff.id)}<br>'
            f'<span class="status">{escape(words[diff.status])}</span></td>'
            f'<td class="old" lang="{lang}">{_side(diff, "old", words)}</td>'
            f'<td class="new" lang="{lang}">{_side(diff, "new", words)}</td></tr>'
        )
    counts = " · ".join(
        f"{c[k]} {escape(words[k])}" for k in ("changed", "added", "removed", "moved", "unchanged")
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(summary(comparison))}</title>'
        f"<style>{_CSS}</style></head><body>"
        f'<p class="summary"><b>{escape(comparison.old_label)} → {escape(comparison.new_label)}</b> '
        f"({lang}): {counts}. {escape(words['legend'])}</p>"
        f'<table class="compare"><tr><th>{escape(words["clause"])}</th><th>{escape(comparison.old_label)}</th>'
        f"<th>{escape(comparison.new_label)}</th></tr>{''.join(rows)}</table></body></html>\n"
    )
