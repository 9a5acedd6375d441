import datetime as dt

from mou_drafter.api import new_draft
from mou_drafter.model.files import load_draft
from mou_drafter.model.validation import has_errors, validate_draft
from tests.conftest import ROOT


def paths(issues, severity):
    return {i.path for i in issues if i.severity == severity}


def test_new_draft_lists_what_is_missing():
    issues = validate_draft(new_draft("mou"))
    errors = paths(issues, "error")
    assert {
        "parties[0].name",
        "parties[0].representative",
        "title",
        "signing.date",
        "period.start",
        "areas",
    } <= errors
    assert has_errors(issues)


def test_missing_translation_is_a_warning_naming_the_field():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    draft.parties[1].name.lo = ""
    draft.areas[0].description.vi = ""
    issues = validate_draft(draft)
    assert not has_errors(issues)
    warnings = paths(issues, "warning")
    assert {"parties[1].name.lo", "areas[0].description.vi"} <= warnings
    message = next(i for i in issues if i.path == "parties[1].name.lo")
    assert message.message("en") == "Lao translation is missing"
    assert message.message("vi") == "thiếu bản tiếng Lào"


def test_dates_and_references():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    draft.period.end = dt.date(2020, 1, 1)
    draft.obligations[0].party = "ghost"
    draft.parties[2].representative.name.vi = draft.parties[2].representative.name.lo = ""
    draft.parties[2].representative.name.en = ""
    draft.parties[2].representative.title.vi = draft.parties[2].representative.title.lo = ""
    draft.parties[2].representative.title.en = ""
    issues = validate_draft(draft)
    errors = paths(issues, "error")
    assert {"period.end", "obligations[0].party", "parties[2].representative"} <= errors


def test_english_prevails_needs_english():
    draft = load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    draft.signing.prevailing = "en"
    assert "signing.prevailing" in paths(validate_draft(draft), "error")
    draft.languages = ["vi", "lo", "en"]
    assert "signing.prevailing" not in paths(validate_draft(draft), "error")


def test_minutes_checks():
    draft = new_draft("minutes")
    errors = paths(validate_draft(draft), "error")
    assert {
        "minutes.conference.title",
        "minutes.conference.start",
        "minutes.agreed",
        "minutes.delegations[0].head.name",
    } <= errors
