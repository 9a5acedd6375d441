"""HTML renderer: the live preview of the desktop app (and ``--format html``).

The page mirrors the DOCX layouts (``docs/document-layout.md``): ``side-by-side`` puts the
national headers side by side, each line on one line, then one row per clause id (each row a
table of its own, with one column per language of equal width: the app's preview lays out again
only the row that changed), data tables across the page with each language in turn in every cell,
and the signatures in rows of at most three; ``sequential`` and ``separate`` show the languages
one after another. Every block carries ``data-clause`` and ``lang`` attributes and the anchor
``<lang>.<clause id>``, so the preview can scroll to a clause, and Lao text is shown in a Lao font
(never italic: Phetsarath OT has none). Amounts stay on one line ("585.000.000 đồng", "24.000 đô
la Mỹ"): the renderer is told the currency names (``keep_together``) and joins them, and a number
with its currency, with no-break spaces.
"""

from __future__ import annotations

import contextvars
import re
from html import escape as _escape

from ..document import Block, Document, merge_tables
from .options import RenderOptions

# Simple selectors (a class, an element with a class): the app's preview is laid out by Qt's rich
# text engine, which matches every rule against every element at each render, and a child selector
# (``table.sbs > tbody > tr > td``) there took about a quarter of that work.
_CSS = """
body {{ font-family: '{latin}', 'Liberation Serif', serif; font-size: {latin_size}pt; margin: 1.5em; color: #000; }}
[lang=lo] {{ font-family: '{lao}', 'Phetsarath', 'Saysettha OT', 'Noto Sans Lao', 'Lao UI', sans-serif;
            font-size: {lao_size}pt; }}
.national-header {{ text-align: center; font-weight: bold; margin: 0; white-space: nowrap; font-size: 12pt; }}
.national-header .motto {{ text-decoration: underline; font-size: 13pt; }}
table.head {{ width: 100%; margin-bottom: .6em; }}
table.head td {{ vertical-align: top; text-align: center; padding: 0 .4em; }}
.title {{ text-align: center; font-weight: bold; font-size: 120%; margin: .8em 0 0; }}
.subtitle {{ text-align: center; font-weight: bold; margin: 0 0 .8em; }}
.place-date {{ text-align: center; font-style: italic; margin: .3em 0; }}
[lang=lo].place-date, [lang=lo].basis {{ font-style: normal; }}
.basis {{ font-style: italic; text-indent: 1cm; text-align: justify; }}
.heading {{ font-weight: bold; margin: .6em 0 .3em; }}
.article {{ font-weight: bold; text-indent: 1cm; margin: .6em 0 .3em; }}
.para, .item {{ text-indent: 1cm; text-align: justify; margin: .2em 0; }}
[lang=lo].para, [lang=lo].item {{ text-align: left; }}
table.data {{ border-collapse: collapse; width: 100%; margin: .4em 0; }}
table.data td, table.data th {{ border: 1px solid #000; padding: 2px 4px; vertical-align: top; }}
table.sbs {{ width: 100%; border-collapse: collapse; table-layout: fixed; }}
td.column {{ vertical-align: top; padding: 0 .6em; }}
table.signatures {{ width: 100%; margin-top: 1.5em; table-layout: fixed; }}
table.signatures td {{ text-align: center; vertical-align: top; font-weight: bold; }}
table.signatures td.names {{ padding-bottom: 1.5em; }}
.sign-space {{ height: 4em; }}
h2.lang {{ font-family: sans-serif; font-size: 10pt; color: #555; border-bottom: 1px solid #ccc; margin-top: 2em; }}
"""

LANGUAGE_LABELS = {"vi": "Tiếng Việt", "lo": "ພາສາລາວ", "en": "English"}
NBSP = "\u00a0"


class _Keeper:
    """Keeps amounts on one line: no-break spaces inside the currency names ("đô la Mỹ"), between a
    number and the currency name after it ("585.000.000 đồng") and between a currency code and the
    number after it ("VND 585,000,000")."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        names = sorted({p.replace(" ", NBSP) for p in phrases if p.strip()}, key=len, reverse=True)
        self.inside = [(p, p.replace(" ", NBSP)) for p in phrases if " " in p.strip()]
        alternatives = "|".join(re.escape(n) for n in names)
        self.pattern = re.compile(rf"(\d) ({alternatives})|({alternatives}) (\d)") if names else None

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        for phrase, kept in self.inside:
            text = text.replace(phrase, kept)
        return self.pattern.sub(lambda m: NBSP.join(g for g in m.groups() if g is not None), text)


_keeper: contextvars.ContextVar[_Keeper | None] = contextvars.ContextVar("keeper", default=None)


def escape(text: str) -> str:
    """``text`` escaped for HTML, its amounts kept on one line (see :class:`_Keeper`)."""
    keeper = _keeper.get()
    return _escape(keeper(text) if keeper is not None else text)


def _lines(block: Block) -> str:
    return "<br>".join(escape(line) for line in block.text.split("\n"))


def _anchor(block: Block) -> str:
    return f'id="{_escape(block.lang)}.{_escape(block.id)}"'


def block_html(doc: Document, block: Block) -> str:
    attrs = f'class="{block.kind}" lang="{block.lang}" data-clause="{_escape(block.id)}" {_anchor(block)}'
    if block.kind == "national-header":
        lines = "".join(
            f'<div class="{"motto" if i % 2 else "country"}">{escape(line)}</div>'
            for i, line in enumerate(block.lines)
        )
        return f"<div {attrs}>{lines}</div>"
    if block.kind == "article":
        return f"<p {attrs}>{escape(doc.article_heading(block))}</p>"
    if block.kind == "table":
        rows = []
        for row in block.rows:
            tag = "th" if row.header else "td"
            rows.append(
                "<tr>" + "".join(f"<{tag}>{'<br>'.join(map(escape, c))}</{tag}>" for c in row.cells) + "</tr>"
            )
        table_attrs = f'class="data" lang="{block.lang}" data-clause="{_escape(block.id)}" {_anchor(block)}'
        return f"<table {table_attrs}>{''.join(rows)}</table>"
    if block.kind == "signer":
        return _signatures([[block]])
    return f"<p {attrs}>{_lines(block)}</p>"


#: Signature blocks to a row in the preview (the DOCX measures how many fit; see render/docx.py).
SIGNERS_PER_ROW = 3


def _signatures(signers: list[list[Block]]) -> str:
    """Titles in one row, names in the next, so the names line up; at most SIGNERS_PER_ROW
    blocks to a row, rows apart."""
    if not signers:
        return ""
    rows = []
    for start in range(0, len(signers), SIGNERS_PER_ROW):
        chunk = signers[start : start + SIGNERS_PER_ROW]
        titles = "".join(
            "<td>"
            + "".join(f'<div lang="{b.lang}">{escape(line)}</div>' for b in group for line in b.lines[:-1])
            + '<div class="sign-space"></div></td>'
            for group in chunk
        )
        names = "".join(
            '<td class="names">'
            + "".join(f'<div lang="{b.lang}">{escape(b.lines[-1])}</div>' for b in group if b.lines)
            + "</td>"
            for group in chunk
        )
        rows.append(f"<tr>{titles}</tr><tr>{names}</tr>")
    return f'<table class="signatures">{"".join(rows)}</table>'


def _merged_table(doc: Document, blocks: list[Block]) -> str:
    """The same table in several languages as one table, each language in turn in every cell."""
    merged = merge_tables(blocks)
    if merged is None:
        return "".join(block_html(doc, b) for b in blocks)
    rows = []
    for cells, header in merged:
        tag = "th" if header else "td"
        rows.append(
            "<tr>"
            + "".join(
                f"<{tag}>"
                + "".join(f'<div lang="{lang}">{escape(text)}</div>' for text, lang in texts)
                + f"</{tag}>"
                for texts in cells
            )
            + "</tr>"
        )
    return f'<table class="data" data-clause="{_escape(blocks[0].id)}" {_anchor(blocks[0])}>{"".join(rows)}</table>'


_HEAD_KINDS = ("national-header", "issuer", "place-date")


def render_html(
    doc: Document, options: RenderOptions | None = None, *, keep_together: tuple[str, ...] = ()
) -> str:
    """The languages of ``doc`` as one HTML page laid out as ``options`` say (``separate``, one
    language after another: the API renders one page per file). ``keep_together``: the currency
    names, kept on one line with their amounts."""
    token = _keeper.set(_Keeper(keep_together))
    try:
        return _render_html(doc, options or RenderOptions())
    finally:
        _keeper.reset(token)


def _render_html(doc: Document, options: RenderOptions) -> str:
    langs = list(doc.languages)
    layout = options.layout
    fonts = options.fonts
    css = _CSS.format(latin=fonts.latin, lao=fonts.lao, latin_size=fonts.latin_size, lao_size=fonts.lao_size)
    body: list[str] = []
    if layout == "side-by-side":
        width = f"{100 / len(langs):.4g}%"  # the same columns in every row's table
        signers: list[list[Block]] = []
        head: list[list[str]] = [[] for _lang in langs]  # national header, number, place and date
        rows: list[str] = []
        for _clause, cells in doc.aligned_rows(langs):
            first = next(iter(cells.values()))
            if first.kind == "signer":
                signers.append([cells[lang] for lang in langs if lang in cells])
            elif not rows and all(b.kind in _HEAD_KINDS for b in cells.values()):
                for column, lang in zip(head, langs, strict=True):
                    column.append(block_html(doc, cells[lang]) if lang in cells else "")
            elif first.kind == "table":
                table = _merged_table(doc, [cells[lang] for lang in langs if lang in cells])
                rows.append(f'<tr><td class="column" colspan="{len(langs)}">{table}</td></tr>')
            else:
                rows.append(
                    "<tr>"
                    + "".join(
                        f'<td class="column" width="{width}">'
                        f"{block_html(doc, cells[lang]) if lang in cells else ''}</td>"
                        for lang in langs
                    )
                    + "</tr>"
                )
        if any(head):
            body.append(
                '<table class="head"><tr>' + "".join(f"<td>{''.join(c)}</td>" for c in head) + "</tr></table>"
            )
        # one table per row: the app's preview lays out again only the row whose text changed
        # (``gui/preview.py``), where one table of all rows would be laid out whole at each edit
        body.extend(f'<table class="sbs">{row}</table>' for row in rows)
        body.append(_signatures(signers))
    else:
        for lang in langs:
            body.append(f'<h2 class="lang">{escape(LANGUAGE_LABELS[lang])}</h2>')
            body.extend(block_html(doc, b) for b in doc.texts[lang] if b.kind != "signer")
            body.append(_signatures([[b] for b in doc.texts[lang] if b.kind == "signer"]))
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{escape(doc.template)}</title><style>{css}</style></head><body>"
        + "".join(body)
        + "</body></html>\n"
    )
