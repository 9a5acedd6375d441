"""The packaging files and the pieces of packaging/windows_under_wine.py that need no Wine: the
installer script's encoding and version include, the DOCX comparison, the screenshot conversion
and the CI contract when Wine cannot be installed. (The script itself runs in CI: .ci/run.)"""

from __future__ import annotations

import importlib.util
import os
import struct
import sys
import zipfile
from pathlib import Path

import pytest

from mou_drafter.api import RenderOptions, load_draft, render_to_path

from .conftest import ROOT

PACKAGING = ROOT / "packaging"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


wine = load("windows_under_wine")
build = load("build")


def test_installer_script_is_utf8_with_a_byte_order_mark():
    data = (PACKAGING / "installer.iss").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert "Gỡ cài đặt MoU Drafter" in text and '#include "build\\version.iss"' in text


def test_version_include_has_paths_relative_to_packaging(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "BUILD", tmp_path)
    bundle = PACKAGING / "build" / "wine" / "dist" / "mou-drafter"
    build.write_version_files("1.2.3", bundle)
    defines = dict(line.split(" ", 2)[1:] for line in (tmp_path / "version.iss").read_text().splitlines())
    assert defines == {
        "AppVersion": '"1.2.3"',
        "BundleDir": '"build\\wine\\dist\\mou-drafter"',
        "IconFile": '"icon.ico"',
    }
    assert (PACKAGING / defines["IconFile"].strip('"')).is_file()
    assert "filevers=(1, 2, 3, 0)" in (tmp_path / "version_info.txt").read_text()


@pytest.fixture(scope="module")
def two_renders(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("renders")
    draft = load_draft(ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud")
    options = RenderOptions(layout="side-by-side", languages=("vi", "lo"))
    first = render_to_path(draft, folder / "a.docx", options)[0]
    second = render_to_path(draft, folder / "b.docx", options)[0]
    return first, second


def test_same_document_ignores_only_the_creation_times(two_renders, tmp_path):
    first, second = two_renders
    wine.same_document(first, second)
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(second) as source, zipfile.ZipFile(changed, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace("Đăk Glei".encode(), b"Dak Glei", 1)
            target.writestr(name, data)
    with pytest.raises(wine.StepFailed, match="word/document.xml"):
        wine.same_document(first, changed)


def xwd(width: int, height: int, pixels: list[int]) -> bytes:
    """An xwd dump as Xvfb's 24-bit screen gives it: 4 bytes per pixel, LSB first, 256 colours."""
    name = b"xwdump\0"
    header_size = 100 + len(name)
    fields = [
        header_size,
        7,
        2,
        24,
        width,
        height,
        0,
        0,
        32,
        0,
        32,
        24,
        width * 4,
        5,
        0xFF0000,
        0xFF00,
        0xFF,
        8,
        256,
        256,
        width,
        height,
        0,
        0,
        0,
    ]
    colormap = b"\0" * 12 * 256
    body = b"".join(struct.pack("<I", p) for p in pixels)
    return struct.pack(">25I", *fields) + name + colormap + body


def test_screen_dump_becomes_a_png_with_the_same_pixels(tmp_path):
    from PySide6.QtGui import QColor, QImage

    pixels = [0xFF0000, 0x00FF00, 0x0000FF, 0x123456, 0xFFFFFF, 0x000000]
    data, colours = wine.xwd_to_png(xwd(3, 2, pixels))
    path = tmp_path / "screen.png"
    path.write_bytes(data)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (3, 2)
    assert [QColor(image.pixel(x, y)).rgb() & 0xFFFFFF for y in range(2) for x in range(3)] == pixels
    assert colours >= 1


def test_a_blank_screenshot_is_refused(tmp_path):
    from PySide6.QtGui import QImage

    blank = QImage(200, 100, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFF)
    assert blank.save(str(tmp_path / "blank.png"))
    with pytest.raises(wine.StepFailed, match="blank"):
        wine.check_picture(tmp_path / "blank.png")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Wine script runs on Linux only")
@pytest.mark.parametrize("required", ["", "1"])
def test_without_wine_the_stage_says_why_and_fails_only_when_required(monkeypatch, capsys, required):
    def no_wine(self):
        raise wine.Skip("Wine is not installed and this is not root, so it cannot be installed (wine)")

    monkeypatch.setattr(wine.Runner, "packages", no_wine)
    monkeypatch.setattr(sys, "argv", ["windows_under_wine.py", "--work", os.devnull + "-nowhere"])
    monkeypatch.setenv("MOU_DRAFTER_REQUIRE_WINDOWS", required)
    code = wine.main()
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("windows-under-wine:")]
    reason = "Wine is not installed and this is not root, so it cannot be installed (wine)"
    assert lines == [f"windows-under-wine: {'FAILED' if required else 'skipped'}: {reason}"]
    assert code == (1 if required else 0)


def test_stand_in_sources_mark_themselves_and_are_never_packaged():
    for source in ("bcryptprimitives.c", "mscms.c", "icu_forward.c"):
        text = (PACKAGING / "wine" / source).read_text(encoding="utf-8")
        assert wine.STAND_IN_MARKER.decode() in text, source
    spec = (PACKAGING / "mou_drafter.spec").read_text(encoding="utf-8")
    assert "wine" not in spec.lower()
