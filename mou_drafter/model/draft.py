"""The draft: the one source of truth for a document, as pydantic v2 models.

Every text a user types is a :class:`LocalizedText` (one value per language code). Amounts and
dates are entered once and formatted per language at render time. The model is deliberately
permissive about *completeness* (a half-filled draft must load, save and preview); completeness and
consistency are reported by :mod:`mou_drafter.validation` as errors and warnings with field paths.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer, model_validator

from .text import clean_text

SCHEMA_VERSION = 4
LANGUAGES: tuple[str, ...] = ("vi", "lo", "en")
Language = Literal["vi", "lo", "en"]
Kind = Literal["mou", "minutes"]
Currency = Literal["VND", "LAK", "USD"]
#: Longest text accepted in one field (characters). A 5 MB paste is a mistake, not an article.
MAX_TEXT_LENGTH = 20_000
#: What the document calls itself (title and "this …" in the text), by kind; the first is the default.
#: Templates from mou@1.2 and minutes@1.1 write the names; older templates ignore the choice.
DOCUMENT_TYPES: dict[str, tuple[str, ...]] = {
    "mou": ("memorandum", "agreement"),
    "minutes": ("conference", "talks", "working", "memorandum"),
}
DocumentType = Literal["", "memorandum", "agreement", "talks", "conference", "working"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False)


#: A translation fingerprint: 8 hex digits (see :mod:`mou_drafter.language.fingerprints`).
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{8}$")]
#: A document language as a key of ``seen`` (a plain ``str`` to the type checker, as the
#: fingerprint functions take it; checked like :data:`Language`).
LanguageKey = Annotated[str, Field(pattern=r"^(vi|lo|en)$")]


class LocalizedText(_Model):
    """One text in each document language. A missing language is an empty string.

    ``seen`` (format 4) records, per language, the fingerprints of the other languages' texts
    when that language was last written or confirmed: ``{"lo": {"vi": "3f2a9c1d"}}``. A language
    whose record no longer matches is flagged as a possibly stale translation. It is left out of
    the file when empty (a text no tool has recorded has no flags)."""

    vi: str = Field(default="", max_length=MAX_TEXT_LENGTH)
    lo: str = Field(default="", max_length=MAX_TEXT_LENGTH)
    en: str = Field(default="", max_length=MAX_TEXT_LENGTH)
    seen: dict[LanguageKey, dict[LanguageKey, Fingerprint]] = Field(default_factory=dict)

    @model_serializer(mode="wrap")
    def _without_empty_record(self, handler: Any) -> Any:
        data = handler(self)
        if isinstance(data, dict) and not data.get("seen"):
            data.pop("seen", None)
        return data

    @field_validator("vi", "lo", "en", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        if value is None:
            return ""
        if isinstance(value, str):
            # Not stripped here: a space typed at the end of a field is the start of the next word.
            # Renderers and validation strip.
            return clean_text(value)
        return value

    def get(self, lang: str) -> str:
        return (getattr(self, lang, "") or "").strip()

    def is_empty(self) -> bool:
        return not (self.get("vi") or self.get("lo") or self.get("en"))


class Person(_Model):
    name: LocalizedText = Field(default_factory=LocalizedText)
    title: LocalizedText = Field(default_factory=LocalizedText)


class Representative(Person):
    """Who signs for a party (or heads a delegation), and how the signature block reads.

    Decree 30/2020 form: the capacity line naming the body (``authority``: "TM. Ủy ban nhân dân
    huyện Đăk Glei", "ຕາງໜ້າ ຄະນະກຳມະການປະຊາຊົນເມືອງດັກເກລີ"), the short signing title
    (``signing_title``: "Chủ tịch"), room for signature and seal, the name. ``title`` is the full
    title used in the text ("Chủ tịch Ủy ban nhân dân huyện Đăk Glei"); an empty signing title
    falls back to it, as in format 2.
    """

    #: Capacity line above the signing title, naming the body.
    authority: LocalizedText = Field(default_factory=LocalizedText)
    #: Short title under the capacity line ("Chủ tịch", "ເຈົ້າເມືອງ"); empty: the full title.
    signing_title: LocalizedText = Field(default_factory=LocalizedText)


class Party(_Model):
    id: str = Field(default="", pattern=r"^[A-Za-z0-9_\-]*$", max_length=40)
    name: LocalizedText = Field(default_factory=LocalizedText)
    short_name: LocalizedText = Field(default_factory=LocalizedText)
    locality: LocalizedText = Field(default_factory=LocalizedText)
    #: ISO 3166 alpha-2 code: VN or LA for the usual two sides.
    country: str = Field(default="VN", pattern=r"^[A-Z]{2}$")
    representative: Representative = Field(default_factory=Representative)


class Period(_Model):
    start: dt.date | None = None
    end: dt.date | None = None
    #: Used when no end date is given ("for five years from signature").
    duration_years: int | None = Field(default=None, ge=1, le=100)


class Signing(_Model):
    place: LocalizedText = Field(default_factory=LocalizedText)
    date: dt.date | None = None
    originals: int = Field(default=2, ge=1, le=50)
    #: ``equal``: all texts equally authentic; ``en``: the English text prevails in case of divergence.
    prevailing: Literal["equal", "en"] = "equal"
    #: Months of written notice before termination.
    notice_months: int = Field(default=6, ge=0, le=60)


class Area(_Model):
    id: str = Field(default="", pattern=r"^[A-Za-z0-9_\-]*$", max_length=40)
    title: LocalizedText = Field(default_factory=LocalizedText)
    description: LocalizedText = Field(default_factory=LocalizedText)


class Obligation(_Model):
    #: A party id, or ``all`` for all parties jointly.
    party: str = "all"
    text: LocalizedText = Field(default_factory=LocalizedText)
    due: dt.date | None = None


class Money(_Model):
    amount: Decimal = Field(ge=0, max_digits=20, decimal_places=2)
    currency: Currency = "VND"


class Contribution(_Model):
    amount: Decimal = Field(default=Decimal(0), ge=0, max_digits=20, decimal_places=2)
    currency: Currency = "VND"
    #: Optional equivalent in another currency, e.g. 585 000 000 VND (24 000 USD).
    equivalent: Money | None = None
    purpose: LocalizedText = Field(default_factory=LocalizedText)
    #: The giving party's id, or ``all`` for all parties together.
    party: str = ""


class Delegation(_Model):
    party: str = ""
    #: The head of delegation signs the minutes: capacity line, signing title and name as for a party.
    head: Representative = Field(default_factory=Representative)
    members: list[Person] = Field(default_factory=list, max_length=200)


class AgreedGroup(_Model):
    area: LocalizedText = Field(default_factory=LocalizedText)
    points: list[LocalizedText] = Field(default_factory=list, max_length=500)


class NextConference(_Model):
    host: str = ""
    place: LocalizedText = Field(default_factory=LocalizedText)
    #: Indicative time in words per language, e.g. "quý IV năm 2024"; or a year, or a date.
    time: LocalizedText = Field(default_factory=LocalizedText)
    year: int | None = Field(default=None, ge=1900, le=2200)
    date: dt.date | None = None


class Conference(_Model):
    ordinal: int | None = Field(default=None, ge=1, le=1000)
    #: The conference's name before the ordinal: "Hội nghị hợp tác", "ກອງປະຊຸມຮ່ວມມື", "cooperation conference".
    title: LocalizedText = Field(default_factory=LocalizedText)
    #: Words after the ordinal, usually naming the parties: "giữa huyện Đăk Glei, …", "ລະຫວ່າງ …",
    #: "between …" — so the text reads "Hội nghị hợp tác lần thứ 18 giữa …". May be empty.
    between: LocalizedText = Field(default_factory=LocalizedText)
    start: dt.date | None = None
    end: dt.date | None = None
    venue: LocalizedText = Field(default_factory=LocalizedText)
    host: str = ""


class Minutes(_Model):
    conference: Conference = Field(default_factory=Conference)
    delegations: list[Delegation] = Field(default_factory=list, max_length=50)
    #: Results of implementing the previous minutes or MoU, one paragraph each.
    results: list[LocalizedText] = Field(default_factory=list, max_length=500)
    agreed: list[AgreedGroup] = Field(default_factory=list, max_length=200)
    next_conference: NextConference = Field(default_factory=NextConference)


class ClauseOverride(_Model):
    """Wording of one clause in one language edited outside the app (in Word) and kept for this
    draft: where the clause renders as ``before``, it is printed as ``after``; where the draft's
    own texts in it changed since, the edits of the wording are carried over onto the new text
    (:mod:`mou_drafter.templating.overrides`), and where they no longer fit, the clause is printed
    as the template writes it and the checks say so."""

    #: The clause id (``art.disputes.1``) and the language of the text.
    clause: str = Field(pattern=r"^[A-Za-z0-9_.\-]+$", max_length=200)
    lang: Language
    #: The clause's text as the template wrote it when the edit was taken in, and as edited.
    before: str = Field(default="", max_length=MAX_TEXT_LENGTH)
    after: str = Field(default="", max_length=MAX_TEXT_LENGTH)

    @field_validator("before", "after", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean_text(value) if isinstance(value, str) else value


class Draft(_Model):
    """A whole document draft. ``schema_version`` is the draft file format version."""

    kind: Kind = "mou"
    schema_version: int = SCHEMA_VERSION
    #: The template version the draft is rendered with, ``name@version``: new drafts are pinned to
    #: the newest approved version of their kind when made (:func:`mou_drafter.api.new_draft`).
    #: Empty: the newest approved version of the kind at render time.
    template: str = Field(default="", pattern=r"^([a-z0-9_\-]+@[0-9]+(\.[0-9]+)*)?$")
    languages: list[Language] = Field(default_factory=lambda: list[Language](["vi", "lo"]))
    #: What the document is called ("BIÊN BẢN GHI NHỚ", "THỎA THUẬN HỢP TÁC", …); see
    #: :data:`DOCUMENT_TYPES`. Empty: the template's own title (the first type of the kind).
    document_type: DocumentType = ""
    #: Document number, e.g. "05/BBHN-UBND" (optional).
    number: str = Field(default="", max_length=100)
    title: LocalizedText = Field(default_factory=LocalizedText)
    #: Legal and political basis, one item per line ("Căn cứ ...").
    basis: list[LocalizedText] = Field(default_factory=list, max_length=100)
    parties: list[Party] = Field(default_factory=list, max_length=100)
    period: Period = Field(default_factory=Period)
    signing: Signing = Field(default_factory=Signing)
    areas: list[Area] = Field(default_factory=list, max_length=2000)
    obligations: list[Obligation] = Field(default_factory=list, max_length=5000)
    contributions: list[Contribution] = Field(default_factory=list, max_length=1000)
    minutes: Minutes | None = None
    #: Optional clauses of the template version chosen for this document, by name
    #: (``confidentiality``); the template declares which it offers (format 4).
    optional_clauses: list[str] = Field(default_factory=list, max_length=100)
    #: Clauses whose wording was edited in Word and kept for this draft (format 4).
    overrides: list[ClauseOverride] = Field(default_factory=list, max_length=2000)

    @field_validator("optional_clauses")
    @classmethod
    def _check_optional(cls, value: list[str]) -> list[str]:
        for name in value:
            if not re.match(r"^[a-z0-9_\-]{1,60}$", name):
                raise ValueError(
                    f"{name!r} is not an optional clause name (lower-case letters, digits, _ and -)"
                )
        # each once, in the order chosen
        return list(dict.fromkeys(value))

    @field_validator("number", mode="before")
    @classmethod
    def _clean_number(cls, value: object) -> object:
        return clean_text(value, multiline=False).strip() if isinstance(value, str) else value

    @field_validator("languages")
    @classmethod
    def _check_languages(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each language may appear only once")
        if not 2 <= len(value) <= 3:
            raise ValueError("choose two or three of vi, lo, en")
        return value

    @model_validator(mode="after")
    def _fill_defaults(self) -> Draft:
        if self.kind == "minutes" and self.minutes is None:
            object.__setattr__(self, "minutes", Minutes())
        used: set[str] = {p.id for p in self.parties if p.id}
        for index, party in enumerate(self.parties, start=1):
            if not party.id:
                candidate = f"p{index}"
                while candidate in used:
                    candidate += "x"
                used.add(candidate)
                object.__setattr__(party, "id", candidate)
        return self

    def party_by_id(self, party_id: str) -> Party | None:
        return next((p for p in self.parties if p.id == party_id), None)
