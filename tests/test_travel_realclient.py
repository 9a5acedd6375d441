"""Documents that travel, with a real word processor (issue 14):

* LibreOffice opens every exported DOCX (every sample, every layout, each original per party) and
  saves it as DOCX: the custom XML part with the draft and the clause bookmarks are kept, the draft
  imports exactly and no change is reported (one conversion for all files);
* a DOCX edited in LibreOffice through UNO — one Vietnamese word of a typed text and one Lao word of
  the template's wording — is imported with both edits reported per clause and language, the first
  taken back into the draft, the second kept as the draft's wording;
* PDF through LibreOffice with the Lao and the Vietnamese fonts embedded (pdffonts), and PDF/A-2b
  for archiving (its identification, output intent and embedded fonts: no PDF/A validator is
  packaged for PyPI or Debian; veraPDF, the reference one, is a Java application outside both).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mou_drafter import api
from mou_drafter.api import RenderOptions, load_draft
from mou_drafter.model.files import draft_to_json

from .conftest import ROOT, SEEDS, soffice

pytestmark = [
    pytest.mark.realclient,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; CI installs it"),
]
MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"
SYSTEM_PYTHON = "/usr/bin/python3"


def has_uno() -> bool:
    # on Windows (and under Wine, where /usr/bin/python3 is a Linux program on drive Z:) no UNO
    if sys.platform == "win32" or not Path(SYSTEM_PYTHON).exists():
        return False
    try:
        return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Every sample in every layout (three languages) and as originals per party, saved again as DOCX
    by LibreOffice: file name → (LibreOffice's file, the JSON of the draft exported)."""
    folder = tmp_path_factory.mktemp("travel-lo")
    sources = folder / "in"
    sources.mkdir()
    exported: dict[str, str] = {}
    for seed in SEEDS:
        draft = load_draft(seed)
        for layout in ("side-by-side", "sequential", "separate", "alternat"):
            options = (
                RenderOptions(originals="alternat")
                if layout == "alternat"
                else RenderOptions(layout=layout, languages=("vi", "lo", "en"))
            )
            for path in api.render_to_path(draft, sources / f"{seed.stem}.{layout}.docx", options):
                exported[path.name] = draft_to_json(draft)
    out = folder / "out"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            *sorted(map(str, sources.glob("*.docx"))),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: (out / name, text) for name, text in exported.items()}


def test_libreoffice_keeps_the_draft_and_the_clause_bookmarks(resaved):
    assert len(resaved) == 3 * (1 + 1 + 3) + 3 + 2 + 3  # seeds × layouts, separate files, originals per party
    for name, (path, exported) in resaved.items():
        assert path.exists(), f"LibreOffice did not save {name}"
        imported = api.open_docx(path)
        assert draft_to_json(imported.draft) == exported, name
        edits = api.docx_edits(imported)
        assert edits.unchanged, (name, api.edits_report(edits))


@pytest.mark.skipif(not has_uno(), reason="the system Python has no LibreOffice UNO module (python3-uno)")
def test_a_docx_edited_through_uno_comes_back_with_both_edits(tmp_path):
    draft = load_draft(MOU)
    [exported] = api.render_to_path(draft, tmp_path / "mou.docx")
    typed = "trao đổi hàng hóa và nông sản"  # areas[3].description, typed by the clerk
    wording = "ເສີມຂະຫຍາຍສາຍພົວພັນມິດຕະພາບອັນຍາວນານ"  # the template's own Lao words (art.purpose.1)
    jobs = [
        {
            "in": str(exported),
            "out": str(tmp_path / "reviewed.docx"),
            "replace": [[typed, typed.replace("nông", "thủy")], [wording, wording.replace("ຍາວນານ", "ດີງາມ")]],
        }
    ]
    (tmp_path / "jobs.json").write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [SYSTEM_PYTHON, str(ROOT / "tests" / "uno_edit_docx.py"), str(tmp_path / "jobs.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr

    imported = api.open_docx(tmp_path / "reviewed.docx")
    assert draft_to_json(imported.draft) == draft_to_json(draft)
    edits = api.docx_edits(imported)
    changes = {
        (c.clause, c.lang): [(ch.kind, ch.old, ch.new, ch.path) for ch in c.changes] for c in edits.clauses
    }
    assert changes == {
        ("area.trade", "vi"): [("typed", "nông", "thủy", "areas[3].description.vi")],
        ("art.purpose.1", "lo"): [("template", "ຍາວນານ", "ດີງາມ", "")],
    }
    report = api.edits_report(edits)
    assert "[-nông-]{+thủy+}" in report and "[-ຍາວນານ-]{+ດີງາມ+}" in report
    new, notes = api.take_back(edits)
    assert notes == [] and new.areas[3].description.vi.startswith(
        "tạo điều kiện trao đổi hàng hóa và thủy sản"
    )
    assert [(o.clause, o.lang) for o in new.overrides] == [("art.purpose.1", "lo")]
    lao = next(b for b in api.render_document(new).texts["lo"] if b.id == "art.purpose.1").text
    assert "ມິດຕະພາບອັນດີງາມ" in lao


def pdf_fonts(data: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """(font name, embedded) of each font of a PDF, as pdffonts lists them."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in lines if line.strip()]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) is not installed")
def test_pdf_embeds_the_lao_and_the_vietnamese_fonts(tmp_path):
    assert api.pdf_converter_name() == "LibreOffice"
    written = api.render_to_path(
        load_draft(MINUTES), tmp_path / "minutes.pdf", RenderOptions(languages=("vi", "lo", "en"))
    )
    data = written[0].read_bytes()
    assert data.startswith(b"%PDF") and b"pdfaid" not in data
    fonts = pdf_fonts(data, tmp_path)
    assert fonts and all(embedded == "yes" for _name, embedded in fonts), fonts
    names = " ".join(name for name, _embedded in fonts)
    assert "Phetsarath" in names  # the Lao font
    assert re.search("TimesNewRoman|LiberationSerif", names)  # the Vietnamese font (or its metric twin here)
    text = subprocess.run(["pdftotext", str(written[0]), "-"], capture_output=True, text=True).stdout
    assert "BIÊN BẢN HỘI NGHỊ" in text


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) is not installed")
def test_pdf_a_for_archiving_one_original_per_party(tmp_path):
    files = api.render_to_bytes(load_draft(MOU), RenderOptions(originals="alternat", pdf_a=True), fmt="pdf")
    assert list(files) == ["dakglei", "xanxay", "dakcheung"]  # converted in one LibreOffice start
    for data in files.values():
        assert re.search(rb"pdfaid:part[>=\"']+2", data) and re.search(rb"pdfaid:conformance[>=\"']+B", data)
        assert b"/OutputIntents" in data and b"GTS_PDFA1" in data  # the colour profile PDF/A asks for
        assert b"/Encrypt" not in data
        assert all(embedded == "yes" for _name, embedded in pdf_fonts(data, tmp_path))
