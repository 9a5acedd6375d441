"""One original per party (the alternat of treaty practice): in each party's original that party
comes first — its language first (the left column side by side, the first part one after the
other), its name first in the preamble, its signature block first — and the closing clause counts
one original per party. The API renders each original from a copy of the draft arranged by
:func:`party_first`; the draft itself, and the draft each original carries, stay as they are."""

from __future__ import annotations

from ..errors import UsageError
from .draft import Draft, Party

#: The language a party of a country writes (what its original puts first).
COUNTRY_LANGUAGES = {"VN": "vi", "LA": "lo"}
#: Most originals a draft may have (:attr:`mou_drafter.model.draft.Signing.originals`).
MAX_ORIGINALS = 50


def party_language(party: Party) -> str | None:
    return COUNTRY_LANGUAGES.get(party.country)


def languages_for(party: Party, languages: list[str]) -> list[str]:
    """``languages`` with the party's own language first (when it is one of them)."""
    own = party_language(party)
    return [own, *(lang for lang in languages if lang != own)] if own in languages else list(languages)


def party_first(draft: Draft, party_id: str, languages: list[str]) -> tuple[Draft, list[str]]:
    """A copy of ``draft`` arranged as the original of party ``party_id`` and the export
    ``languages`` in that original's order."""
    party = draft.party_by_id(party_id)
    if party is None:
        raise UsageError(f"originals: no party {party_id!r} in the draft")
    if len(draft.parties) > MAX_ORIGINALS:
        raise UsageError(
            f"originals: one original per party makes at most {MAX_ORIGINALS} originals, "
            f"and the draft has {len(draft.parties)} parties"
        )
    copy = draft.model_copy(deep=True)
    copy.parties = [party.model_copy(deep=True)] + [
        p.model_copy(deep=True) for p in draft.parties if p.id != party_id
    ]
    if copy.minutes is not None:
        delegations = copy.minutes.delegations
        copy.minutes.delegations = [d for d in delegations if d.party == party_id] + [
            d for d in delegations if d.party != party_id
        ]
    copy.signing.originals = len(draft.parties)
    return copy, languages_for(party, languages)
