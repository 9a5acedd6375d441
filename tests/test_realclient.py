"""A real word processor reads what we write: LibreOffice converts every sample to PDF and
pdftotext finds the Vietnamese and the Lao text; pdffonts shows the Lao font was used."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from mou_drafter.api import RenderOptions, render_to_path
from mou_drafter.model.files import load_draft

from .conftest import SEEDS, soffice

pytestmark = [
    pytest.mark.realclient,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; CI installs it"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
    ),
]


def squeeze(text: str) -> str:
    """pdftotext may split Lao combining marks from their consonants: compare base letters only."""
    return "".join(
        ch
        for ch in unicodedata.normalize("NFC", text)
        if not ch.isspace() and unicodedata.category(ch) not in ("Mn", "Mc")
    )


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("realclient")
    docs: dict[tuple[str, str], Path] = {}
    for seed in SEEDS:
        draft = load_draft(seed)
        for layout in ("side-by-side", "sequential"):
            path = out / f"{seed.stem}.{layout}.docx"
            render_to_path(draft, path, RenderOptions(layout=layout, languages=("vi", "lo", "en")))
            docs[(seed.stem, layout)] = path
    profile = out / "lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docs.values()),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {key: path.with_suffix(".pdf") for key, path in docs.items()}


@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_libreoffice_renders_vietnamese_and_lao(converted, seed, layout):
    pdf = converted[(seed.stem, layout)]
    assert pdf.exists(), f"LibreOffice did not convert {pdf.name}"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = squeeze(text)
    draft = load_draft(seed)
    for party in draft.parties:
        for lang in ("vi", "lo", "en"):
            # Words, not whole names: lines wrap, and side-by-side columns interleave in pdftotext.
            for word in party.name.get(lang).split():
                assert squeeze(word) in flat, (lang, word, party.name.get(lang))
    assert squeeze("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") in flat
    assert squeeze("ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ") in flat
    assert not re.search("[\u25a1\ufffd]", text), "boxes or replacement characters in the PDF text"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Phetsarath" in fonts
