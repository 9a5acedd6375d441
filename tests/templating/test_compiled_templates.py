"""Templates compiled once per user: a new process loads Jinja's compiled code from the cache
folder instead of parsing and compiling the templates again (``mou-drafter render``)."""

from __future__ import annotations

import os
import stat
import sys

import jinja2
import pytest

from mou_drafter.model.files import load_draft
from mou_drafter.model.text import VALUE_END, VALUE_START
from mou_drafter.render.options import RenderOptions
from mou_drafter.render.text import render_text
from mou_drafter.templating import engine
from mou_drafter.templating.engine import CompiledTemplates, DraftEnvironment, build_document
from mou_drafter.templating.sandbox import FolderLoader
from tests.conftest import ROOT

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


def _plain(text: str) -> str:
    """Rendered text without the marks around printed values."""
    return text.replace(VALUE_START, "").replace(VALUE_END, "")


def _environment(folder, cache):
    env = DraftEnvironment(FolderLoader(folder))
    env.bytecode_cache = CompiledTemplates(cache)
    return env


def _no_compiling(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(DraftEnvironment, "compile", refuse)


def test_a_new_environment_renders_from_the_compiled_templates(tmp_path, monkeypatch):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "vi.j2").write_text(
        "Xin chào {{ name }}{% for i in items %} {{ loop.index }}{% endfor %}\n", encoding="utf-8"
    )
    first = _environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2")
    assert len(list((tmp_path / "cache").glob("*.cache"))) == 1
    _no_compiling(monkeypatch)
    second = _environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2")
    context = {"name": "Đăk Glei", "items": "ab"}
    assert second.render(context) == first.render(context)
    assert _plain(first.render(context)) == "Xin chào Đăk Glei 1 2\n"


def test_an_edited_template_is_compiled_again(tmp_path):
    (tmp_path / "t").mkdir()
    source = tmp_path / "t" / "vi.j2"
    source.write_text("một {{ x }}\n", encoding="utf-8")
    assert (
        _plain(_environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2").render(x=1))
        == "một 1\n"
    )
    source.write_text("hai {{ x }}\n", encoding="utf-8")
    assert (
        _plain(_environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2").render(x=1))
        == "hai 1\n"
    )


def test_the_sandbox_holds_for_compiled_templates(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "vi.j2").write_text("{{ x.__class__.__mro__ }}\n", encoding="utf-8")
    _environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2")
    loaded = _environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2")
    with pytest.raises(jinja2.exceptions.SecurityError):
        loaded.render(x="")


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="needs a folder the user cannot write"
)
def test_an_unwritable_cache_only_costs_the_compiling(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "vi.j2").write_text("{{ x }}\n", encoding="utf-8")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache").chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert (
            _plain(_environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2").render(x=1))
            == "1\n"
        )
    finally:
        (tmp_path / "cache").chmod(stat.S_IRWXU)


def test_a_cache_that_is_a_file_only_costs_the_compiling(tmp_path):
    """Runs as root too: a file where the cache folder should be cannot be written into."""
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "vi.j2").write_text("{{ x }}\n", encoding="utf-8")
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    for _ in range(2):
        assert (
            _plain(_environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2").render(x=1))
            == "1\n"
        )


def test_a_damaged_cache_file_is_compiled_again(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "vi.j2").write_text("{{ x }}!\n", encoding="utf-8")
    _environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2")
    [cached] = (tmp_path / "cache").glob("*.cache")
    cached.write_bytes(cached.read_bytes()[:40])
    assert (
        _plain(_environment(tmp_path / "t", tmp_path / "cache").get_template("vi.j2").render(x=1)) == "1!\n"
    )


def test_drafts_render_alike_from_the_user_cache(monkeypatch, _isolated_home):
    """The built-in templates are compiled into the user's cache folder; a fresh environment
    (as in a new process) renders the same document from there without compiling."""
    draft = load_draft(MOU)
    monkeypatch.setattr(engine, "_ENV_CACHE", {})
    first = render_text(build_document(draft, ["vi", "lo"]), RenderOptions())
    folders = list((_isolated_home / "cache" / "templates").iterdir())
    assert len(folders) == 1 and len(list(folders[0].glob("*.cache"))) == 2
    monkeypatch.setattr(engine, "_ENV_CACHE", {})
    _no_compiling(monkeypatch)
    assert render_text(build_document(draft, ["vi", "lo"]), RenderOptions()) == first
