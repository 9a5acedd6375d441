"""Documents that travel (issue 14), through the API and the command line: a DOCX reopens as its
draft in every layout, a Word file from elsewhere gets a clear message, one original per party,
optional clauses, PDF without a converter. LibreOffice's part is in test_travel_realclient.py."""

from __future__ import annotations

import pytest

from mou_drafter import api
from mou_drafter.api import RenderOptions, load_draft
from mou_drafter.errors import NoDraftInDocument, NoPdfConverter, UsageError
from mou_drafter.model.files import draft_to_json
from mou_drafter.render.record import find_record
from tests.conftest import LAYOUTS, ROOT, SEEDS, run_cli

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"
TALKS = ROOT / "seeds" / "minutes-vn-la-foreign-ministers-2023.moud"


@pytest.mark.parametrize("layout", [*LAYOUTS, "alternat"])
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_every_exported_docx_reopens_as_its_draft(tmp_path, seed, layout):
    draft = load_draft(seed)
    draft.optional_clauses = ["confidentiality"]  # format-4 fields travel too
    options = RenderOptions(originals="alternat") if layout == "alternat" else RenderOptions(layout=layout)
    written = api.render_to_path(draft, tmp_path / "out.docx", options)
    assert len(written) == {"separate": len(draft.languages), "alternat": len(draft.parties)}.get(layout, 1)
    for path in written:
        imported = api.open_docx(path)
        assert draft_to_json(imported.draft) == draft_to_json(draft)
        assert imported.record.layout == options.layout and imported.record.template == draft.template
        assert api.docx_edits(imported).unchanged


def test_the_command_line_imports_a_docx_exactly_and_reports(tmp_path):
    docx = tmp_path / "minutes.docx"
    assert run_cli("render", str(MINUTES), "-o", str(docx)).returncode == 0
    result = run_cli("import", str(docx), "-o", str(tmp_path / "back.moud"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "back.moud").read_text(encoding="utf-8") == draft_to_json(load_draft(MINUTES))
    result = run_cli("import", "--report", str(docx))
    assert result.returncode == 0 and "made with minutes@1.1, side-by-side, vi lo" in result.stdout
    assert "no changes made in Word" in result.stdout
    again = run_cli("import", str(docx), "-o", str(tmp_path / "back.moud"))
    assert again.returncode == 2 and "already exists; use --force" in again.stderr
    assert run_cli("import", str(docx)).returncode == 2  # neither -o nor --report


def test_a_word_file_from_elsewhere_gets_a_clear_message(tmp_path):
    import docx

    plain = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Kính gửi …")
    document.save(plain)
    with pytest.raises(NoDraftInDocument, match="holds no MoU Drafter draft"):
        api.open_docx(plain)
    result = run_cli("import", str(plain), "-o", str(tmp_path / "x.moud"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "letter.docx: this Word document holds no MoU Drafter draft" in result.stderr
    assert not (tmp_path / "x.moud").exists()
    (tmp_path / "notes.docx").write_text("not a zip", encoding="utf-8")
    result = run_cli("import", str(tmp_path / "notes.docx"), "--report")
    assert result.returncode == 2 and "notes.docx: not a Word document (.docx)" in result.stderr


def test_new_from_an_exported_document_on_the_command_line(tmp_path):
    docx = tmp_path / "minutes.docx"
    api.render_to_path(load_draft(MINUTES), docx)
    result = run_cli("new", "--from", str(docx), "-o", str(tmp_path / "next.moud"))
    assert result.returncode == 0, result.stderr
    assert "template moved from minutes@1.1 to minutes@1.2" in result.stderr
    following = load_draft(tmp_path / "next.moud")
    assert following.minutes.conference.ordinal == 19 and following.signing.date is None
    assert run_cli("new", "-o", str(tmp_path / "x.moud")).returncode == 2  # neither --kind nor --from


# -- one original per party ------------------------------------------------------------------------


def originals(seed, layout="side-by-side", languages=None):
    draft = load_draft(seed)
    files = api.render_to_bytes(
        draft, RenderOptions(layout=layout, languages=languages, originals="alternat")
    )
    return draft, {party: find_record(data) for party, data in files.items()}


def first(record, prefix):
    return next(m.clause for m in record.marks if m.clause.startswith(prefix))


@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
def test_two_party_originals_put_each_party_first(layout):
    draft, records = originals(TALKS, layout)
    assert list(records) == ["mofa-vn", "mofa-la"]
    assert records["mofa-vn"].languages == ("vi", "lo", "en") and records["mofa-la"].languages == (
        "lo",
        "vi",
        "en",
    )
    for party, record in records.items():
        delegation = next(d for d in draft.minutes.delegations if d.party == party)
        texts = record.clause_texts()
        assert first(record, "sig.") == f"sig.{party}"  # its signature block first
        assert delegation.head.name.get("vi") in texts[("delegation.1", "vi")]  # its delegation first
        # the first part (sequential) or the left column (side by side) is its language
        assert record.marks[0].lang == record.languages[0]
        assert (
            "hai (02) bản gốc, mỗi bản bằng tiếng Việt, tiếng Lào và tiếng Anh, mỗi Bên giữ một bản"
            in texts[("final", "vi")]
        )
        assert "in two originals" in texts[("final", "en")] and "one for each Party" in texts[("final", "en")]


def test_three_party_originals_count_three_and_name_files_by_party(tmp_path):
    draft = load_draft(MOU)
    assert draft.signing.originals == 3
    draft.signing.originals = 2  # one original per party makes three, whatever the draft said
    written = api.render_to_path(draft, tmp_path / "mou.docx", RenderOptions(originals="alternat"))
    assert [p.name for p in written] == ["mou.dakglei.docx", "mou.xanxay.docx", "mou.dakcheung.docx"]
    for party, path in zip(["dakglei", "xanxay", "dakcheung"], written, strict=True):
        record = find_record(path.read_bytes())
        texts = record.clause_texts()
        assert record.party == party and first(record, "sig.") == f"sig.{party}"
        assert first(record, "party.") == f"party.{party}" and texts[(f"party.{party}", "vi")].startswith(
            "1. "
        )
        assert record.languages == (("vi", "lo") if party == "dakglei" else ("lo", "vi"))
        assert "thành ba (03) bản gốc" in texts[("final", "vi")] and "ເປັນສາມສະບັບຕົ້ນ" in texts[("final", "lo")]
        assert api.open_docx(path).draft.signing.originals == 2  # the draft travels as it is


def test_originals_per_party_on_the_command_line(tmp_path):
    result = run_cli("render", str(TALKS), "-o", str(tmp_path / "talks.docx"), "--originals", "alternat")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        str(tmp_path / "talks.mofa-vn.docx"),
        str(tmp_path / "talks.mofa-la.docx"),
    ]
    result = run_cli(
        "render",
        str(TALKS),
        "-o",
        str(tmp_path / "t.docx"),
        "--originals",
        "alternat",
        "--layout",
        "separate",
    )
    assert result.returncode == 2 and "not separate" in result.stderr
    with pytest.raises(UsageError, match="originals must be one of shared, alternat"):
        RenderOptions(originals="each")  # type: ignore[arg-type]


# -- optional clauses through the API --------------------------------------------------------------


def test_optional_clauses_and_their_preview():
    draft = load_draft(MOU)
    assert api.optional_clauses(draft) == []  # mou@1.2 offers none
    draft = api.next_draft(draft)[0]
    offered = api.optional_clauses(draft)
    assert [(c.name, c.chosen) for c in offered] == [("confidentiality", False), ("amendment", False)]
    assert offered[0].title("lo") == "ການຮັກສາຄວາມລັບ"
    preview = api.optional_clause_preview(draft, "confidentiality", "vi")
    assert preview.startswith("Điều 6. Bảo mật thông tin\nBa Bên không tiết lộ cho bên thứ ba")
    draft.optional_clauses = ["amendment", "archive"]
    assert [(c.name, c.chosen) for c in api.optional_clauses(draft)] == [
        ("confidentiality", False),
        ("amendment", True),
    ]
    assert api.optional_clause_preview(draft, "confidentiality", "en").startswith(
        "Article 6. Confidentiality"
    )
    assert [(i.path, i.code) for i in api.document_checks(draft)] == [
        ("optional_clauses[1]", "optional_unknown")
    ]


# -- PDF without a converter ----------------------------------------------------------------------


def test_pdf_without_a_converter_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("MOU_DRAFTER_SOFFICE", "none")
    monkeypatch.setattr("sys.platform", "linux")  # no Word either
    assert api.pdf_converter_name() is None
    with pytest.raises(NoPdfConverter, match="PDF needs LibreOffice"):
        api.render_to_bytes(load_draft(MINUTES), fmt="pdf")
    result = run_cli(
        "render", str(MINUTES), "-o", str(tmp_path / "m.pdf"), env={"MOU_DRAFTER_SOFFICE": "none"}
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "PDF needs LibreOffice (free, https://www.libreoffice.org/download)" in result.stderr
    assert not (tmp_path / "m.pdf").exists()
    # the rest of the app is unaffected
    assert (
        run_cli(
            "render", str(MINUTES), "-o", str(tmp_path / "m.docx"), env={"MOU_DRAFTER_SOFFICE": "none"}
        ).returncode
        == 0
    )
