"""Every sample in every layout and language set: the closing clause of every exported file names
exactly the exported languages, nothing prints as a blank or a doubled stop; a few exports are
converted by LibreOffice and the closing clauses are read back from the PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from mou_drafter.api import RenderOptions, render_to_bytes, render_to_path
from mou_drafter.model.files import load_draft
from mou_drafter.render.inspect import open_docx, paragraph_texts
from tests.conftest import LAYOUTS, ROOT, SEEDS, soffice
from tests.test_realclient import squeeze

SETS = [["vi", "lo"], ["vi", "en"], ["lo", "en"], ["vi", "lo", "en"]]
#: How each text names each language in its closing clause.
NAMES = {
    "vi": {"vi": "tiếng Việt", "lo": "tiếng Lào", "en": "tiếng Anh"},
    "lo": {"vi": "ພາສາຫວຽດນາມ", "lo": "ພາສາລາວ", "en": "ພາສາອັງກິດ"},
    "en": {"vi": "Vietnamese", "lo": "Lao", "en": "English"},
}
LEADS = {"vi": ("Biên bản", "Thỏa thuận"), "lo": ("ບົດບັນທຶກ", "ຂໍ້ຕົກລົງ"), "en": ("Done at",)}
CLOSING = {"vi": " bản gốc", "lo": "ສະບັບຕົ້ນ", "en": " original"}


def closing_clauses(paragraphs: list[str]) -> dict[str, str]:
    found = {}
    for text in paragraphs:
        for lang in ("vi", "lo", "en"):
            if text.startswith(LEADS[lang]) and CLOSING[lang] in text:
                found[lang] = text
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("languages", SETS, ids=",".join)
def test_every_sample_names_exactly_the_exported_languages(seed_path, layout, languages):
    draft = load_draft(seed_path)
    files = render_to_bytes(draft, RenderOptions(layout=layout, languages=languages))
    for key, data in files.items():
        paragraphs = paragraph_texts(open_docx(data))
        clauses = closing_clauses(paragraphs)
        assert sorted(clauses) == sorted([key] if key else languages), (key, list(clauses))
        for lang, clause in clauses.items():
            for other, name in NAMES[lang].items():
                assert (name in clause) == (other in languages), (lang, other, clause)
            assert "prevail" not in clause and "căn cứ." not in clause and "ເປັນຫຼັກ" not in clause
            if layout == "separate" and len(languages) > 1:
                assert (
                    "mỗi thứ tiếng" in clause
                    or "ພາສາລະໜຶ່ງສະບັບ" in clause
                    or "one original in each language" in clause
                ), clause
        text = "\n".join(paragraphs)
        assert "……" not in text and ".." not in text and ".;" not in text and "(01) originals" not in text


CONVERTED = [
    ("minutes-dakglei-xanxay-dakcheung-2023", "side-by-side", ["vi", "lo"]),
    ("mou-dakglei-xanxay-dakcheung-2024-2028", "separate", ["vi", "lo", "en"]),
    ("minutes-vn-la-foreign-ministers-2023", "sequential", ["vi", "lo", "en"]),
]

#: What must stand in the PDF text, per converted file (compared without spaces and Lao marks).
EXPECTED_IN_PDF = {
    ("minutes-dakglei-xanxay-dakcheung-2023", ""): [
        "Hội nghị hợp tác lần thứ 18 giữa huyện Đăk Glei, huyện Xan Xay và huyện Đăk Chưng",
        "ກອງປະຊຸມຮ່ວມມື ຄັ້ງທີ 18 ລະຫວ່າງ ເມືອງດັກເກລີ, ເມືອງຊານໄຊ ແລະ ເມືອງດາກຈຶງ",
        "Biên bản hội nghị này được lập tại Đăk Glei, ngày 23 tháng 11 năm 2023, thành ba (03) bản gốc, mỗi bản "
        "bằng tiếng Việt và tiếng Lào, mỗi Bên giữ một bản; các văn bản có giá trị như nhau.",
        "ບົດບັນທຶກກອງປະຊຸມສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 23 ພະຈິກ 2023, ເປັນສາມສະບັບຕົ້ນ, "
        "ແຕ່ລະສະບັບເປັນພາສາລາວ ແລະ ພາສາຫວຽດນາມ, ແຕ່ລະຝ່າຍຖືໄວ້ຝ່າຍລະໜຶ່ງສະບັບ, ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
        "TM. ĐOÀN ĐẠI BIỂU HUYỆN ĐĂK GLEI",
        "TRƯỞNG ĐOÀN",
        "ຕາງໜ້າ ຄະນະຜູ້ແທນເມືອງດັກເກລີ",
    ],
    ("mou-dakglei-xanxay-dakcheung-2024-2028", "vi"): [
        "Biên bản ghi nhớ này được làm tại Đăk Glei, ngày 23 tháng 11 năm 2023, thành ba (03) bản gốc bằng tiếng "
        "Việt, ba (03) bản gốc bằng tiếng Lào và ba (03) bản gốc bằng tiếng Anh, mỗi Bên giữ một bản bằng mỗi "
        "thứ tiếng; các văn bản có giá trị như nhau.",
        "TM. ỦY BAN NHÂN DÂN HUYỆN ĐĂK GLEI",
        "CHỦ TỊCH",
        "Nguyễn Văn Hùng",
    ],
    ("mou-dakglei-xanxay-dakcheung-2024-2028", "lo"): [
        "ບົດບັນທຶກຄວາມເຂົ້າໃຈສະບັບນີ້ ເຮັດທີ່ ເມືອງດັກເກລີ, ວັນທີ 23 ພະຈິກ 2023, ເປັນພາສາລາວສາມສະບັບຕົ້ນ, "
        "ພາສາຫວຽດນາມສາມສະບັບຕົ້ນ ແລະ ພາສາອັງກິດສາມສະບັບຕົ້ນ, ແຕ່ລະຝ່າຍຖືໄວ້ພາສາລະໜຶ່ງສະບັບ, "
        "ທຸກສະບັບມີຄຸນຄ່າເທົ່າທຽມກັນ.",
        "ຕາງໜ້າ ຄະນະກຳມະການປະຊາຊົນເມືອງດັກເກລີ",
    ],
    ("mou-dakglei-xanxay-dakcheung-2024-2028", "en"): [
        "Done at Dak Glei on 23 November 2023, in three originals in the Vietnamese language, three originals in "
        "the Lao language and three originals in the English language, each Party keeping one original in each "
        "language, all texts being equally authentic.",
        "FOR THE DAK GLEI DISTRICT PEOPLE'S COMMITTEE",
        "CHAIRMAN",
        "Pursuant to the Treaty of Friendship and Cooperation",
    ],
    ("minutes-vn-la-foreign-ministers-2023", ""): [
        "BIÊN BẢN HỘI ĐÀM",
        "Tham vấn cấp Bộ trưởng Ngoại giao Việt Nam - Lào lần thứ 10",
        "Biên bản hội đàm này được lập tại Hà Nội, ngày 22 tháng 11 năm 2023, thành hai (02) bản gốc, mỗi bản bằng "
        "tiếng Việt, tiếng Lào và tiếng Anh, mỗi Bên giữ một bản; các văn bản có giá trị như nhau.",
        "Done at Ha Noi on 22 November 2023, in two originals, each in the Vietnamese, Lao and English languages, "
        "one for each Party, all texts being equally authentic.",
        "On 22 November 2023, the Ministry of Foreign Affairs of the Socialist Republic of Viet Nam hosted the 10th "
        "Viet Nam - Laos Foreign Ministerial-level Consultation in Ha Noi.",
    ],
}


@pytest.mark.realclient
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; CI installs it")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_closing_clauses_on_the_printed_page(tmp_path):
    docs = {}
    for stem, layout, languages in CONVERTED:
        draft = load_draft(ROOT / "seeds" / f"{stem}.moud")
        for path in render_to_path(
            draft, tmp_path / f"{stem}.docx", RenderOptions(layout=layout, languages=languages)
        ):
            key = path.suffixes[0].lstrip(".") if len(path.suffixes) > 1 else ""
            docs[(stem, key)] = path
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, docs.values()),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    assert set(docs) == set(EXPECTED_IN_PDF)
    for key, path in docs.items():
        # -raw: the order the text is drawn in, cell by cell, so the two columns of the side-by-side
        # layout and Lao lines with tall marks do not interleave as they do in reading order
        text = subprocess.run(
            ["pdftotext", "-raw", str(path.with_suffix(".pdf")), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        flat = squeeze(text)
        for expected in EXPECTED_IN_PDF[key]:
            assert squeeze(expected) in flat, (key, expected)
        assert "……" not in text


def test_samples_are_in_the_seed_list():
    assert {p.stem for p in SEEDS} == {stem for stem, _layout, _langs in CONVERTED}
