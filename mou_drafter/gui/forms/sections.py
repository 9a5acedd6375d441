"""The form sections of each document kind and what they contain.

A section is a key, a title, the draft paths it owns (for validation status and click-to-jump)
and a builder that lays out bound fields for the current draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ...model.draft import (
    DOCUMENT_TYPES,
    AgreedGroup,
    Area,
    Contribution,
    Delegation,
    LocalizedText,
    Obligation,
    Party,
    Person,
)
from ..i18n import _, language_name, pgettext
from ..palette import note_color
from .fields import Form, ListEditor, equivalent_amount, form_layout
from .optional import optional_clauses_box


@dataclass(frozen=True)
class Section:
    key: str
    title: Callable[[], str]
    prefixes: tuple[str, ...]
    build: Callable[[Form], QWidget]
    #: Where the section is printed: clause ids, or their beginnings (``area`` for ``area.3``), in
    #: the order to look for them; the preview scrolls there while the section is edited.
    clauses: tuple[str, ...] = ()

    def owns(self, path: str) -> bool:
        return any(path == p or path.startswith((p + ".", p + "[")) for p in self.prefixes)


def _page(intro: str) -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    outer = QVBoxLayout(page)
    body = QWidget()
    layout = form_layout(body)
    outer.addWidget(body)
    outer.addStretch(1)
    if intro:
        note = QLabel(intro)
        note.setObjectName("section-intro")
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {note_color().name()};")
        layout.addRow(note)
    return page, layout


def _headings(form: Form, layout: QFormLayout) -> None:
    """Language headings over the page's own per-language inputs."""
    layout.addRow("", form.language_headings())


def _text_list(form: Form, layout: QFormLayout, path: str, title: str, add_label: str) -> None:
    def build(inner: QFormLayout, item_path: str, _index: int) -> None:
        inner.addRow(_("Text"), form.text(item_path, multiline=True))

    layout.addRow(ListEditor(form, path, lambda i: f"{title} {i + 1}", build, LocalizedText, add_label))


#: What a document may call itself (``Draft.document_type``), as the clerk reads it.
DOCUMENT_TYPE_LABELS = {
    "memorandum": lambda: _("Memorandum of understanding"),
    "agreement": lambda: _("Cooperation agreement"),
    "conference": lambda: _("Minutes of the conference"),
    "talks": lambda: _("Minutes of talks"),
    "working": lambda: _("Minutes of a working session"),
}


def document_type_choice(form: Form) -> QWidget:
    kind = form.doc.draft.kind
    options = [(key, DOCUMENT_TYPE_LABELS[key]()) for key in DOCUMENT_TYPES[kind]]
    if not form.doc.draft.document_type:  # drafts of format 2: the template's own title
        options.insert(0, ("", _("The template's own title")))
    return form.choice("document_type", options)


def build_parties(form: Form) -> QWidget:
    page, layout = _page(_("Name the document and each party in every document language."))
    _headings(form, layout)
    layout.addRow(_("Document title"), document_type_choice(form))
    layout.addRow(_("Subject"), form.text("title", multiline=True))
    layout.addRow(_("Number"), _plain_number(form))
    _text_list(form, layout, "basis", _("Basis"), _("Add a basis (“Căn cứ …”)"))

    def build(inner: QFormLayout, p: str, _index: int) -> None:
        inner.addRow(pgettext("name of a body", "Name"), form.text(f"{p}.name", long=True))
        inner.addRow(_("Short name"), form.text(f"{p}.short_name"))
        inner.addRow(_("Locality"), form.text(f"{p}.locality", long=True))
        inner.addRow(_("Country"), form.choice(f"{p}.country", [("VN", _("Viet Nam")), ("LA", _("Laos"))]))
        inner.addRow(_("Representative"), form.text(f"{p}.representative.name"))
        inner.addRow(pgettext("job title", "Title"), form.text(f"{p}.representative.title", long=True))
        inner.addRow(_("Signing authority"), form.text(f"{p}.representative.authority", long=True))
        inner.addRow(_("Signing title"), form.text(f"{p}.representative.signing_title"))

    layout.addRow(
        ListEditor(
            form,
            "parties",
            lambda i: _("Party {n}").format(n=i + 1),
            build,
            lambda: Party(id=_new_party_id(form)),
            _("Add a party"),
        )
    )
    return page


def _new_party_id(form: Form) -> str:
    used = {p.id for p in form.doc.draft.parties}
    n = len(used) + 1
    while f"p{n}" in used:
        n += 1
    return f"p{n}"


def _plain_number(form: Form) -> QWidget:
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit(form.doc.draft.number)
    edit.setPlaceholderText("05/BB-UBND")
    edit.textEdited.connect(lambda text: form.doc.set_value("number", text))
    form._register(
        "number",
        edit,
        lambda: edit.setText(form.doc.draft.number) if edit.text() != form.doc.draft.number else None,
    )
    return edit


def build_period(form: Form) -> QWidget:
    page, layout = _page(_("When the cooperation runs, and where and when the document is signed."))
    _headings(form, layout)
    if form.doc.draft.kind == "mou":
        layout.addRow(_("Start date"), form.date("period.start"))
        layout.addRow(_("End date"), form.date("period.end"))
        layout.addRow(_("Or duration (years)"), form.integer("period.duration_years", 1, 100, optional=True))
    layout.addRow(_("Signing place"), form.text("signing.place"))
    layout.addRow(_("Signing date"), form.date("signing.date"))
    return page


def build_areas(form: Form) -> QWidget:
    page, layout = _page(_("The areas the parties cooperate in."))

    def build(inner: QFormLayout, p: str, _index: int) -> None:
        inner.addRow(pgettext("name of an area", "Title"), form.text(f"{p}.title", long=True))
        inner.addRow(_("Description"), form.text(f"{p}.description", multiline=True))

    layout.addRow(
        ListEditor(form, "areas", lambda i: _("Area {n}").format(n=i + 1), build, Area, _("Add an area"))
    )
    return page


def build_obligations(form: Form) -> QWidget:
    page, layout = _page(_("What each party, or all parties jointly, undertakes to do."))

    def build(inner: QFormLayout, p: str, _index: int) -> None:
        inner.addRow(_("Who"), form.choice(f"{p}.party", form.party_options(allow_all=True)))
        inner.addRow(_("Obligation"), form.text(f"{p}.text", multiline=True))
        inner.addRow(_("Due date"), form.date(f"{p}.due"))

    layout.addRow(
        ListEditor(
            form,
            "obligations",
            lambda i: _("Obligation {n}").format(n=i + 1),
            build,
            Obligation,
            _("Add an obligation"),
        )
    )
    return page


def build_contributions(form: Form) -> QWidget:
    page, layout = _page(_("Money given by a party: entered once, written in each language."))

    def build(inner: QFormLayout, p: str, _index: int) -> None:
        inner.addRow(
            _("Giving party"), form.choice(f"{p}.party", [("", "—"), *form.party_options(allow_all=True)])
        )
        inner.addRow(_("Amount"), form.amount(f"{p}.amount", f"{p}.currency"))
        inner.addRow(_("Equivalent to"), equivalent_amount(form, f"{p}.equivalent"))
        inner.addRow(_("Purpose"), form.text(f"{p}.purpose", multiline=True))

    first = form.doc.draft.parties[0].id if form.doc.draft.parties else ""
    layout.addRow(
        ListEditor(
            form,
            "contributions",
            lambda i: _("Contribution {n}").format(n=i + 1),
            build,
            lambda: Contribution(party=first),
            _("Add a contribution"),
        )
    )
    return page


LANGUAGE_SETS = [
    ["vi", "lo"],
    ["vi", "lo", "en"],
    ["lo", "vi"],
    ["lo", "vi", "en"],
    ["vi", "en"],
    ["lo", "en"],
]


def language_choice(form: Form) -> QWidget:
    """The document languages, in column order; changing them rebuilds the inputs."""
    options = [(",".join(s), " – ".join(language_name(code) for code in s)) for s in LANGUAGE_SETS]
    current = ",".join(form.doc.draft.languages)
    if current not in [o[0] for o in options]:
        options.append((current, " – ".join(language_name(code) for code in form.doc.draft.languages)))
    from PySide6.QtWidgets import QComboBox

    combo = QComboBox()
    for value, label in options:
        combo.addItem(label, value)
    combo.setCurrentIndex([o[0] for o in options].index(current))
    combo.currentIndexChanged.connect(lambda i: form.doc.set_value("languages", combo.itemData(i).split(",")))
    form._register("languages", combo, lambda: None)
    return combo


def build_final(form: Form) -> QWidget:
    page, layout = _page(_("Closing clause: originals, authentic texts, termination."))
    layout.addRow(_("Document languages"), language_choice(form))
    layout.addRow(_("Number of originals"), form.integer("signing.originals", 1, 50))
    layout.addRow(
        _("Authentic texts"),
        form.choice(
            "signing.prevailing",
            [("equal", _("All texts equally authentic")), ("en", _("English text prevails"))],
        ),
    )
    if form.doc.draft.kind == "mou":
        layout.addRow(_("Notice before termination (months)"), form.integer("signing.notice_months", 0, 60))
    layout.addRow(_("Optional clauses"), optional_clauses_box(form))
    return page


def build_conference(form: Form) -> QWidget:
    page, layout = _page(_("The conference these minutes record."))
    _headings(form, layout)
    c = "minutes.conference"
    layout.addRow(_("Ordinal"), form.integer(f"{c}.ordinal", 1, 1000, optional=True))
    layout.addRow(pgettext("name of a conference", "Conference"), form.text(f"{c}.title", long=True))
    layout.addRow(_("Between (after the ordinal)"), form.text(f"{c}.between", long=True))
    layout.addRow(_("From"), form.date(f"{c}.start"))
    layout.addRow(_("To"), form.date(f"{c}.end"))
    layout.addRow(_("Venue"), form.text(f"{c}.venue", long=True))
    layout.addRow(_("Host"), form.choice(f"{c}.host", [("", "—"), *form.party_options()]))
    layout.addRow(_("Signing place"), form.text("signing.place"))
    layout.addRow(_("Signing date"), form.date("signing.date"))
    layout.addRow(_("Number of originals"), form.integer("signing.originals", 1, 50))
    layout.addRow(_("Document languages"), language_choice(form))
    layout.addRow(_("Optional clauses"), optional_clauses_box(form))
    return page


def build_delegations(form: Form) -> QWidget:
    page, layout = _page(_("Each party's delegation: its head and members."))

    def build_member(form_: Form) -> Callable[[QFormLayout, str, int], None]:
        def build(inner: QFormLayout, p: str, _index: int) -> None:
            inner.addRow(pgettext("name of a person", "Name"), form_.text(f"{p}.name"))
            inner.addRow(pgettext("job title", "Title"), form_.text(f"{p}.title", long=True))

        return build

    def build(inner: QFormLayout, p: str, _index: int) -> None:
        inner.addRow(_("Party"), form.choice(f"{p}.party", [("", "—"), *form.party_options()]))
        inner.addRow(_("Head of delegation"), form.text(f"{p}.head.name"))
        inner.addRow(pgettext("job title", "Title"), form.text(f"{p}.head.title", long=True))
        inner.addRow(_("Signing authority"), form.text(f"{p}.head.authority", long=True))
        inner.addRow(_("Signing title"), form.text(f"{p}.head.signing_title"))
        inner.addRow(
            ListEditor(
                form,
                f"{p}.members",
                lambda i: _("Member {n}").format(n=i + 1),
                build_member(form),
                Person,
                _("Add a member"),
            )
        )

    layout.addRow(
        ListEditor(
            form,
            "minutes.delegations",
            lambda i: _("Delegation {n}").format(n=i + 1),
            build,
            Delegation,
            _("Add a delegation"),
        )
    )
    return page


def build_results(form: Form) -> QWidget:
    page, layout = _page(_("Results of implementing the previous minutes or MoU, one paragraph each."))
    _text_list(form, layout, "minutes.results", _("Result"), _("Add a result"))
    return page


def build_agreed(form: Form) -> QWidget:
    page, layout = _page(_("Agreed points, grouped by area."))

    def build(inner: QFormLayout, p: str, _index: int) -> None:
        inner.addRow(_("Area"), form.text(f"{p}.area", long=True))
        _text_list(form, inner, f"{p}.points", _("Point"), _("Add a point"))

    layout.addRow(
        ListEditor(
            form,
            "minutes.agreed",
            lambda i: _("Area {n}").format(n=i + 1),
            build,
            AgreedGroup,
            _("Add an area"),
        )
    )
    return page


def build_next(form: Form) -> QWidget:
    page, layout = _page(_("Where and when the next conference is held."))
    _headings(form, layout)
    n = "minutes.next_conference"
    layout.addRow(_("Host"), form.choice(f"{n}.host", [("", "—"), *form.party_options()]))
    layout.addRow(_("Place"), form.text(f"{n}.place"))
    layout.addRow(_("Time"), form.text(f"{n}.time"))
    layout.addRow(_("Year"), form.integer(f"{n}.year", 1900, 2200, optional=True))
    return page


def sections_for(kind: str) -> list[Section]:
    if kind == "minutes":
        return [
            Section(
                "parties",
                lambda: _("Parties"),
                ("parties", "title", "basis", "number", "document_type"),
                build_parties,
                ("title", "subject", "number"),
            ),
            Section(
                "conference",
                lambda: _("Conference"),
                ("minutes.conference", "signing", "minutes", "languages", "optional_clauses"),
                build_conference,
                ("intro", "place-date"),
            ),
            Section(
                "delegations",
                lambda: _("Delegations"),
                ("minutes.delegations",),
                build_delegations,
                ("sec.participants", "delegation"),
            ),
            Section(
                "results",
                lambda: _("Results reviewed"),
                ("minutes.results",),
                build_results,
                ("sec.results", "result"),
            ),
            Section(
                "agreed",
                lambda: _("Agreed points"),
                ("minutes.agreed",),
                build_agreed,
                ("sec.agreed", "agreed"),
            ),
            Section(
                "contributions",
                lambda: _("Contributions"),
                ("contributions",),
                build_contributions,
                ("sec.contributions", "contributions"),
            ),
            Section(
                "next",
                lambda: _("Next conference"),
                ("minutes.next_conference",),
                build_next,
                ("sec.next", "next"),
            ),
        ]
    return [
        Section(
            "parties",
            lambda: _("Parties"),
            ("parties", "title", "basis", "number", "document_type"),
            build_parties,
            ("title", "subtitle", "party"),
        ),
        Section(
            "period",
            lambda: _("Period and signing"),
            ("period", "signing.place", "signing.date"),
            build_period,
            ("art.duration", "final"),
        ),
        Section("areas", lambda: _("Cooperation areas"), ("areas",), build_areas, ("art.areas", "area")),
        Section(
            "obligations",
            lambda: _("Obligations"),
            ("obligations",),
            build_obligations,
            ("art.obligations", "obligations"),
        ),
        Section(
            "contributions",
            lambda: _("Contributions"),
            ("contributions",),
            build_contributions,
            ("art.funding", "contributions"),
        ),
        Section(
            "final",
            lambda: _("Final clauses"),
            ("signing", "languages", "optional_clauses"),
            build_final,
            ("final", "opt"),
        ),
    ]


def section_for_path(sections: list[Section], path: str) -> Section | None:
    """The most specific section owning ``path`` (``signing.date`` is in "period", not "final")."""
    best: tuple[int, Section] | None = None
    for section in sections:
        for prefix in section.prefixes:
            owns = path == prefix or path.startswith((prefix + ".", prefix + "["))
            if owns and (best is None or len(prefix) > best[0]):
                best = (len(prefix), section)
    return best[1] if best else None
