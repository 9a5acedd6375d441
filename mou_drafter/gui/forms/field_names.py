"""Field paths (``parties[1].representative.name.lo``) as a clerk reads them in the checks panel
("Party 2 › Representative › Lao"), every part in the interface language ("Bên 2 › Người đại
diện › Tiếng Lào" in the Vietnamese interface)."""

from __future__ import annotations

from ...model.draft import LANGUAGES
from ...model.paths import split_path
from ..i18n import _, language_name, pgettext

#: Names of list items, numbered from 1.
ITEMS = {
    "parties": lambda n: _("Party {n}").format(n=n),
    "areas": lambda n: _("Area {n}").format(n=n),
    "obligations": lambda n: _("Obligation {n}").format(n=n),
    "contributions": lambda n: _("Contribution {n}").format(n=n),
    "delegations": lambda n: _("Delegation {n}").format(n=n),
    "members": lambda n: _("Member {n}").format(n=n),
    "agreed": lambda n: _("Area {n}").format(n=n),
    "points": lambda n: f"{_('Point')} {n}",
    "results": lambda n: f"{_('Result')} {n}",
    "basis": lambda n: f"{_('Basis')} {n}",
    "overrides": lambda n: _("Wording edited in Word {n}").format(n=n),
    "optional_clauses": lambda n: _("Optional clause {n}").format(n=n),
}
#: Names of fields; a few depend on what they belong to.
FIELDS = {
    "name": lambda: pgettext("name of a body", "Name"),
    "short_name": lambda: _("Short name"),
    "locality": lambda: _("Locality"),
    "representative": lambda: _("Representative"),
    "authority": lambda: _("Signing authority"),
    "country": lambda: _("Country"),
    "description": lambda: _("Description"),
    "purpose": lambda: _("Purpose"),
    "amount": lambda: _("Amount"),
    "party": lambda: _("Party"),
    "due": lambda: _("Due date"),
    "host": lambda: _("Host"),
    "venue": lambda: _("Venue"),
    "place": lambda: _("Place"),
    "time": lambda: _("Time"),
    "ordinal": lambda: _("Ordinal"),
    "originals": lambda: _("Number of originals"),
    "prevailing": lambda: _("Authentic texts"),
    "head": lambda: _("Head of delegation"),
    "area": lambda: _("Area"),
    "number": lambda: _("Number"),
    "parties": lambda: _("Parties"),
    "areas": lambda: _("Cooperation areas"),
    "delegations": lambda: _("Delegations"),
    "agreed": lambda: _("Agreed points"),
    "conference": lambda: _("Conference"),
    "next_conference": lambda: _("Next conference"),
    "signing_title": lambda: _("Signing title"),
    "between": lambda: _("Between (after the ordinal)"),
    "document_type": lambda: _("Document title"),
}
SPECIAL = {
    "title": lambda: _("Subject"),
    "signing.place": lambda: _("Signing place"),
    "signing.date": lambda: _("Signing date"),
    "period.start": lambda: _("Start date"),
    "period.end": lambda: _("End date"),
    "minutes.conference.title": lambda: pgettext("name of a conference", "Conference"),
    "minutes.conference.start": lambda: _("From"),
    "minutes.conference.end": lambda: _("To"),
    "signing.prevailing": lambda: _("Authentic texts"),
}


def describe(path: str) -> str:
    for prefix, label in SPECIAL.items():
        if path == prefix or path.startswith(prefix + "."):
            rest = path[len(prefix) + 1 :]
            return " › ".join([label(), *([language_name(rest)] if rest in LANGUAGES else [])])
    parts = split_path(path)
    out: list[str] = []
    previous: str | int | None = None
    for part in parts:
        if isinstance(part, int):
            if isinstance(previous, str) and previous in ITEMS:
                out[-1] = ITEMS[previous](part + 1)
            previous = part
            continue
        if part in LANGUAGES:
            out.append(language_name(part))
        elif part == "minutes":
            pass
        elif part == "title":  # an area's name, or a person's job title
            out.append(
                pgettext("name of an area", "Title") if "areas" in parts else pgettext("job title", "Title")
            )
        elif part == "name" and any(p in parts for p in ("representative", "head", "members")):
            out.append(pgettext("name of a person", "Name"))
        elif part == "text":
            out.append(_("Text"))
        elif part in FIELDS:
            out.append(FIELDS[part]())
        else:
            out.append(part)
        previous = part
    return " › ".join(out) or path
