"""Generated drafts (hypothesis): whatever a clerk types, the draft saves, loads, renders and the
DOCX reopens with the text in it."""

import io
import string

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mou_drafter.api import RenderOptions, render_to_bytes
from mou_drafter.model.draft import SCHEMA_VERSION, Draft
from mou_drafter.model.files import draft_to_json, parse_draft

from .docx_checks import all_text, check_lao_runs

LAO = "".join(chr(c) for c in range(0x0E81, 0x0EDF) if chr(c).isprintable())
VI = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐĂÂ"
ALPHABET = st.sampled_from(
    list(VI + LAO + string.ascii_letters + string.digits + " .,;:-()\"'{}%@<>&\n\t\x00\x07")
)
text = st.text(ALPHABET, max_size=40)
ltext = st.fixed_dictionaries({"vi": text, "lo": text, "en": text})
party = st.fixed_dictionaries(
    {
        "name": ltext,
        "short_name": ltext,
        "locality": ltext,
        "country": st.sampled_from(["VN", "LA"]),
        "representative": st.fixed_dictionaries({"name": ltext, "title": ltext}),
    }
)
drafts = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["mou", "minutes"]),
        "schema_version": st.just(SCHEMA_VERSION),
        "languages": st.sampled_from([["vi", "lo"], ["lo", "vi"], ["vi", "lo", "en"], ["vi", "en"]]),
        "title": ltext,
        "parties": st.lists(party, min_size=2, max_size=5),
        "areas": st.lists(st.fixed_dictionaries({"title": ltext, "description": ltext}), max_size=4),
        "contributions": st.lists(
            st.fixed_dictionaries(
                {
                    "amount": st.decimals(min_value=0, max_value=10**12, places=0, allow_nan=False),
                    "currency": st.sampled_from(["VND", "LAK", "USD"]),
                    "purpose": ltext,
                    "party": st.just("p1"),
                }
            ),
            max_size=3,
        ),
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts)
def test_generated_drafts_round_trip_and_render(data):
    if data["kind"] == "minutes":  # minutes name the parties through their delegations
        data = {
            **data,
            "minutes": {"delegations": [{"party": f"p{i + 1}"} for i in range(len(data["parties"]))]},
        }
    draft = Draft.model_validate(data)
    again = parse_draft(draft_to_json(draft).encode("utf-8"))
    assert again == draft
    for layout in ("side-by-side", "sequential"):
        files = render_to_bytes(draft, RenderOptions(layout=layout))
        document = docx.Document(io.BytesIO(files[""]))
        body = all_text(document)
        for p in draft.parties:
            for lang in draft.languages:
                name = p.name.get(lang)
                if name and "\n" not in name:  # the MoU capitalises a name that starts an item
                    assert name in body or name[:1].upper() + name[1:] in body
        if "lo" in draft.languages:
            check_lao_runs(document)
