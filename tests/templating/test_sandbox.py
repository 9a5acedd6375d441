"""Hostile templates (issue 12): what a template in the user's or a shared folder may read and
make. Each case is refused by the render and by lint-templates, with the file and line, within
seconds, and without the memory it asks for (docs/security.md)."""

from __future__ import annotations

import os
import re
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from mou_drafter.errors import TemplateError
from mou_drafter.model.files import load_draft
from mou_drafter.templating.engine import DraftEnvironment, build_document
from mou_drafter.templating.library import TemplateLibrary
from mou_drafter.templating.lint import lint_path
from mou_drafter.templating.sandbox import Limits
from tests.conftest import POSIX_LINKS, ROOT, run_cli

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"
MANIFEST = """name = "evil"
kind = "mou"
version = "1.0"
date = 2025-01-01
status = "draft"
languages = ["vi"]
description = "a hostile template (tests)"
"""
HEAD = "@title id=title\nBIÊN BẢN\n"

#: name -> the line the hostile template adds after a valid start (line 3 of vi.j2)
HOSTILE = {
    # the cases
    "huge text": "{{ 'x' * 300000000 }}",
    "include of a link out": "{% include 'link.txt' %}",
    "include of ..": "{% include '../../../../../../../../etc/passwd' %}",
    "include of an absolute path": "{% include '/etc/passwd' %}",
    "include of itself": "{% include 'vi.j2' %}",
    "extends itself": "{% extends 'vi.j2' %}",
    "import of itself": "{% import 'vi.j2' as me %}",
    "macro calling itself": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "huge range": "{% for i in range(10**9) %}{% endfor %}",
    "attribute access": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "attribute access by item": "{{ draft['__class__'] }}",
    "format-string attribute": "{{ '{0.__class__.__init__.__globals__}'.format(draft) }}",
    "format-string width": "{{ '{:>300000000}'.format('x') }}",
    "format-string nested width": "{{ '{:{}}'.format('x', 300000000) }}",
    "printf width": "{{ '%0300000000d' % 1 }}",
    "printf star width": "{{ '%*d' % (300000000, 1) }}",
    "format filter width": "{{ '%300000000s'|format('x') }}",
    # more of the same, by other roads
    "nested loops": "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "doubling with ~": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}",
    "doubling with +": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}",
    "replace blow-up": "{% set ns = namespace(s='x') %}{% for i in range(12) %}"
    "{% set ns.s = ns.s|replace('x', 'xxxxxxxxxx') %}{% endfor %}",
    "join blow-up": "{{ range(10000)|join('x' * 100000) }}",
    "center filter": "{{ 'x'|center(300000000) }}",
    "ljust method": "{{ 'x'.ljust(300000000) }}",
    "a list printed huge": "{{ [('x' * 1000000)] * 100000 }}",
    "list growing in place": "{% set ns = namespace(l=[1]) %}{% for i in range(40) %}{% set _ = ns.l.extend(ns.l) %}"
    "{% endfor %}",
    "slices kept": "{% set s = 'x' * 5000000 %}{% set ns = namespace(l=[]) %}{% for i in range(1000) %}"
    "{% set _ = ns.l.append(s[i:]) %}{% endfor %}",
    "huge power": "{{ 9**(9**9) }}",
    "huge number to int": "{{ ('9' * 4000)|int ** 5 }}",
    "tojson indent": "{{ range(10000)|list|tojson(indent=10000) }}",
    "lipsum": "{{ lipsum(1000000) }}",
    "busy for ever": "{% for i in range(10000) %}{% for j in range(10) %}{{ range(10000)|sum }}{% endfor %}"
    "{% endfor %}",
}

#: what the render's message says for each (the lint says the same or names the construct)
EXPECTED = {
    "huge text": "a text of 300,000,000 characters",
    "include of a link out": "'link.txt' leads outside the template's folder",
    "include of ..": "leads outside the template's folder",
    "include of an absolute path": "'/etc/passwd' is an absolute path",
    "include of itself": "include, import or extend one another more than",
    "extends itself": "include, import or extend one another more than",
    "import of itself": "include, import or extend one another more than",
    "macro calling itself": "calls nested more than 30 deep",
    "huge range": "range() of 1,000,000,000 numbers",
    "attribute access": "'__class__'",
    "attribute access by item": "'__class__'",
    "format-string attribute": "not allowed in a template: access to attribute",
    "format-string width": "a width of 300,000,000",
    "format-string nested width": "a width of 300,000,000",
    "printf width": "a width of 300,000,000",
    "printf star width": "'*' width",
    "format filter width": "a width of 300,000,000",
    "nested loops": "loops ran more than 200,000 steps",
    "doubling with ~": "a text of 16,777,216 characters",
    "doubling with +": "a text of 16,777,216 characters",
    "replace blow-up": "a text of 100,000,000 characters",
    "join blow-up": "a text of 999,900,002 characters",
    "center filter": "a text of 300,000,000 characters",
    "ljust method": "a text of 300,000,000 characters",
    "a list printed huge": "prints a list as a text of about",
    "list growing in place": "a list of 131,072 items",
    "slices kept": "characters of text in one render",
    "huge power": "numbers of at most 1,000 digits",
    "huge number to int": "numbers of at most 1,000 digits",
    "tojson indent": "the template makes a text of",
    "lipsum": "'lipsum' is undefined",
    "busy for ever": "ran longer than 2 seconds",
}


@pytest.fixture(autouse=True)
def _lower_limits(monkeypatch, request):
    """The loop steps lowered from 1,000,000, so the busy templates cost CI seconds (memory
    tracing makes everything slower). The time limit is lowered from 10 s to 2 s for the case
    that tests it, and raised to 60 s for the others, so that on a busy machine the time limit
    does not stop a template before the limit its case is about."""
    callspec = getattr(request.node, "callspec", None)
    timed = callspec is not None and callspec.params.get("case") == "busy for ever"
    monkeypatch.setattr(DraftEnvironment, "limits", Limits(seconds=2 if timed else 60, loop_steps=200_000))


def hostile_template(root: Path, line: str, *, extra: dict[str, str] | None = None) -> Path:
    folder = root / "evil" / "1.0"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "vi.j2").write_text(HEAD + line + "\n@para id=p\nX\n", encoding="utf-8")
    if sys.platform != "win32":  # (POSIX_LINKS)
        (folder / "link.txt").symlink_to("/etc/passwd")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_template_is_refused_by_render_and_lint(case, tmp_path):
    if "link" in case and sys.platform == "win32":
        pytest.skip(POSIX_LINKS.kwargs["reason"])
    folder = hostile_template(tmp_path, HOSTILE[case])
    template = TemplateLibrary([("user", tmp_path)]).find("evil@1.0")
    draft = load_draft(MOU)
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with pytest.raises(TemplateError) as refused:
            build_document(draft, ["vi"], template)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    message = str(refused.value)
    assert message.startswith(f"{folder / 'vi.j2'}:3: "), message  # the file and the line
    assert EXPECTED[case] in message, message
    assert "/root" not in message and "root:x:0" not in message  # nothing of the file read out
    # within the limits, not after them: no more than a couple of limit-sized texts in memory
    assert peak < 200_000_000, f"{case}: peak {peak / 1e6:.0f} MB"
    findings = [str(f) for f in lint_path(folder)]
    assert any(f.startswith(f"{folder / 'vi.j2'}:3: ") for f in findings), findings
    print(f"{case}: refused in {seconds:.2f} s, peak {peak / 1e6:.1f} MB (traced)")


def test_an_included_file_is_named_with_its_line(tmp_path):
    folder = hostile_template(
        tmp_path, "{% include 'part.j2' %}", extra={"part.j2": "{# a part #}\n{{ 'x' * 300000000 }}\n"}
    )
    template = TemplateLibrary([("user", tmp_path)]).find("evil@1.0")
    with pytest.raises(
        TemplateError, match=rf"^{re.escape(str(folder / 'part.j2'))}:2: the template makes a text of"
    ):
        build_document(load_draft(MOU), ["vi"], template)


@POSIX_LINKS
def test_files_inside_the_folder_may_be_included(tmp_path):
    """The rule refuses only what leads out: parts in the folder (also through a link that stays
    inside, or a sub-folder) are fine, and a missing part is named as missing, not as a missing
    language."""
    folder = hostile_template(
        tmp_path,
        "{% include 'parts/signature.j2' %}{% include 'alias.j2' %}",
        extra={"real.j2": "@para id=real\nINSIDE\n"},
    )
    (folder / "parts").mkdir()
    (folder / "parts" / "signature.j2").write_text(
        "@para id=sig\n{{ draft.parties[0].name }}\n", encoding="utf-8"
    )
    (folder / "alias.j2").symlink_to(folder / "real.j2")
    template = TemplateLibrary([("user", tmp_path)]).find("evil@1.0")
    doc = build_document(load_draft(MOU), ["vi"], template)
    assert [b.id for b in doc.texts["vi"]] == ["title", "sig", "real", "p"]
    assert not [f for f in lint_path(folder) if "not allowed" in f.message or "not in the" in f.message]
    (folder / "real.j2").unlink()
    with pytest.raises(
        TemplateError, match=r"vi\.j2:3: the file 'alias.j2' is not in the template's folder"
    ) as missing:
        build_document(load_draft(MOU), ["vi"], template)
    assert "has no vi text" not in str(missing.value)


@POSIX_LINKS
def test_a_language_file_linked_out_of_its_folder_is_refused(tmp_path):
    folder = hostile_template(tmp_path, "X")
    (folder / "vi.j2").unlink()
    outside = tmp_path / "elsewhere.j2"
    outside.write_text(HEAD + "secret\n", encoding="utf-8")
    (folder / "vi.j2").symlink_to(outside)
    template = TemplateLibrary([("user", tmp_path)]).find("evil@1.0")
    with pytest.raises(
        TemplateError, match=r"not allowed in a template: 'vi.j2' leads outside the template's folder"
    ):
        build_document(load_draft(MOU), ["vi"], template)


def test_a_huge_template_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(DraftEnvironment, "limits", Limits(file_bytes=1000))
    folder = hostile_template(tmp_path, "{# " + "x" * 2000 + " #}")
    template = TemplateLibrary([("user", tmp_path)]).find("evil@1.0")
    with pytest.raises(
        TemplateError, match=r"vi.j2: the template file has 2,\d{3} bytes; a template file may have"
    ):
        build_document(load_draft(MOU), ["vi"], template)
    del folder


def test_limits_leave_real_templates_alone(monkeypatch):
    """Every built-in template renders every sample within the limits, with room to spare."""
    from mou_drafter.templating import sandbox

    used: list[sandbox.Budget] = []

    class Recorded(sandbox.Budget):
        def __init__(self, limits: Limits) -> None:
            super().__init__(limits)
            used.append(self)

    monkeypatch.setattr(sandbox, "Budget", Recorded)
    for path in sorted((ROOT / "seeds").glob("*.moud")):
        build_document(load_draft(path), ["vi", "lo", "en"])
    limits = DraftEnvironment.limits
    assert len(used) == 9
    assert max(b.steps for b in used) < limits.loop_steps // 100
    assert max(b.made for b in used) < limits.made // 100
    assert max(b.made_items for b in used) < limits.made_items // 100
    assert {b.depth for b in used} == {0}  # every call returned
    assert sandbox._BUDGET.get() is None  # no budget left behind on this thread


@POSIX_LINKS
def test_cli_render_and_lint_refuse_a_hostile_user_template(tmp_path):
    home = tmp_path / "home"
    hostile_template(home / "data" / "templates", HOSTILE["include of a link out"])
    env = {"MOU_DRAFTER_HOME": str(home)}
    result = run_cli(
        "render",
        str(MOU),
        "-o",
        str(tmp_path / "out.docx"),
        "--template",
        "evil@1.0",
        "--languages",
        "vi",
        "--allow-incomplete",
        env=env,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        "vi.j2:3: not allowed in a template: 'link.txt' leads outside the template's folder" in result.stderr
    )
    assert "root:" not in result.stderr and not (tmp_path / "out.docx").exists()
    result = run_cli("lint-templates", env=env)
    assert result.returncode == 1 and "vi.j2:3: not allowed in a template: 'link.txt'" in result.stdout
    assert os.path.exists(home / "data" / "templates" / "evil" / "1.0" / "link.txt")


def test_the_traced_render_checks_a_printed_list_too(tmp_path):
    """The traced render (the value spans of compare and the preview) has a finalize of its own;
    a list printed into a huge text is refused there as in a render, before it is made."""
    from mou_drafter.templating.engine import Export
    from mou_drafter.templating.trace import traced_clauses

    hostile_template(tmp_path, HOSTILE["a list printed huge"])
    library = TemplateLibrary([("user", tmp_path)])
    tracemalloc.start()
    try:
        with pytest.raises(TemplateError, match="prints a list as a text of about"):
            traced_clauses(
                load_draft(MOU), ["vi"], Export("side-by-side", ("vi",)), template="evil@1.0", library=library
            )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200_000_000, f"peak {peak / 1e6:.0f} MB"
