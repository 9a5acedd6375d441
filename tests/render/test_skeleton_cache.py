"""The DOCX skeleton (python-docx's default template with our styles, page setup and header) is
kept in the user's cache folder, so a new process neither imports python-docx nor builds it again;
what comes from the cache is the same as what is built."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from io import BytesIO

import pytest

from mou_drafter.render import docx as docx_renderer
from mou_drafter.render.options import Fonts

FONTS = Fonts()


@pytest.fixture
def fresh(monkeypatch):
    """No skeleton held by this process (as in a new one)."""
    docx_renderer._skeleton.cache_clear()
    yield
    docx_renderer._skeleton.cache_clear()


def _stored(home):
    return sorted((home / "cache" / "skeletons").glob("*.bin"))


def _parts(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(package)) as z:
        return {name: z.read(name) for name in z.namelist() if name != "docProps/core.xml"}


def test_the_stored_skeleton_is_the_built_one(fresh, _isolated_home, monkeypatch):
    built = docx_renderer._skeleton(FONTS, "vi", False)
    [stored] = _stored(_isolated_home)
    docx_renderer._skeleton.cache_clear()

    def refuse(*args):
        raise AssertionError("built again")

    monkeypatch.setattr(docx_renderer, "_build_skeleton", refuse)
    assert docx_renderer._skeleton(FONTS, "vi", False) == built
    assert {"[Content_Types].xml", "word/_rels/document.xml.rels"} <= set(built[3])
    package = docx_renderer.package_docx("<w:p/>", FONTS, "vi")
    assert _parts(package)["word/document.xml"] == built[1] + b"<w:p/>" + built[2]
    assert _parts(package)["[Content_Types].xml"] == built[3]["[Content_Types].xml"]


def test_each_page_and_fonts_has_its_own_skeleton(fresh, _isolated_home):
    portrait = docx_renderer._skeleton(FONTS, "vi", False)
    landscape = docx_renderer._skeleton(FONTS, "vi", True)
    lao = docx_renderer._skeleton(FONTS, "lo", False)
    other = docx_renderer._skeleton(Fonts(latin="Arial"), "vi", False)
    assert len(_stored(_isolated_home)) == 4
    assert (
        len({(tuple(sorted(_parts(s[0]).items())),) + s[1:3] for s in (portrait, landscape, lao, other)}) == 4
    )
    assert landscape[4] > portrait[4]


@pytest.mark.parametrize("damage", [b"", b"{}\n", b"not json", b'{"width": 9000, "sizes": [5, 5, 5]}\nshort'])
def test_a_damaged_skeleton_is_built_again(fresh, _isolated_home, damage):
    def content(skeleton):  # what a rebuild keeps (the zip's time stamps are the time of building)
        rest, head, tail, own, width = skeleton
        return _parts(rest), head, tail, own, width

    built = docx_renderer._skeleton(FONTS, "vi", False)
    [stored] = _stored(_isolated_home)
    stored.write_bytes(damage)
    docx_renderer._skeleton.cache_clear()
    assert content(docx_renderer._skeleton(FONTS, "vi", False)) == content(built)
    assert stored.read_bytes().startswith(b'{"width"') and len(stored.read_bytes()) > 1000


def test_an_unwritable_cache_only_costs_the_building(fresh, _isolated_home):
    (_isolated_home / "cache").mkdir()
    (_isolated_home / "cache" / "skeletons").write_text("a file, not a folder", encoding="utf-8")
    package = docx_renderer.package_docx("<w:p/>", FONTS, "vi")
    assert b"<w:p/>" in _parts(package)["word/document.xml"]


def test_a_changed_source_names_another_skeleton(monkeypatch, tmp_path):
    key = docx_renderer._skeleton_key(FONTS, "vi", False)
    assert key and key == docx_renderer._skeleton_key(FONTS, "vi", False)
    assert key != docx_renderer._skeleton_key(FONTS, "lo", False)
    monkeypatch.setattr(docx_renderer, "_SKELETON_FORMAT", "changed")
    assert docx_renderer._skeleton_key(FONTS, "vi", False) != key
    monkeypatch.setattr(docx_renderer, "_SKELETON_SOURCES", ("missing.py",))
    assert docx_renderer._skeleton_key(FONTS, "vi", False) is None


def test_render_from_the_cache_does_not_import_python_docx(tmp_path, _isolated_home):
    """The second ``mou-drafter render`` takes the skeleton from the cache (python-docx is not
    even imported) and writes the same document."""
    from tests.conftest import ROOT

    sample = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
    code = (
        "import sys\nfrom mou_drafter.cli import main\nrc = main(sys.argv[1:])\n"
        "print('docx imported' if 'docx' in sys.modules else 'docx not imported')\nsys.exit(rc)"
    )
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"{n}.docx"
        result = subprocess.run(
            [sys.executable, "-c", code, "render", str(sample), "-o", str(out)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
        outputs.append((result.stdout.strip().splitlines()[-1], _parts(out.read_bytes())))
    assert outputs[0][0] == "docx imported" and outputs[1][0] == "docx not imported"
    assert outputs[0][1] == outputs[1][1]


def test_the_export_record_is_numbered_after_the_skeletons_custom_xml(fresh, _isolated_home, tmp_path):
    """python-docx's template has a custom XML part of its own: the record's comes after it, and
    no part is written twice, from a built skeleton and from a stored one alike."""
    from mou_drafter import api
    from tests.conftest import ROOT

    draft = api.load_draft(ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud")
    for _ in range(2):
        package = api.render_to_bytes(draft)[""]
        names = zipfile.ZipFile(BytesIO(package)).namelist()
        assert len(names) == len(set(names))
        assert {"customXml/item1.xml", "customXml/item2.xml"} <= set(names)
        (tmp_path / "x.docx").write_bytes(package)
        assert api.open_docx(tmp_path / "x.docx").draft == draft
        docx_renderer._skeleton.cache_clear()
