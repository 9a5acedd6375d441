"""The public API (issue 11): what the command line and the app call. Importing it loads neither
python-docx nor Qt; drafts, exports, templates, lint and comparisons are all reachable from it."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

import mou_drafter
from mou_drafter import api
from mou_drafter.errors import TemplateError, UsageError
from tests.conftest import RELEASED, ROOT
from tests.docx_checks import all_text, open_docx
from tests.templating.test_library import NEWEST, add_version

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


def _modules_after(code: str) -> list[str]:
    script = code + "\nimport sys\nprint(sorted({m.split('.')[0] for m in sys.modules}))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout.strip().splitlines()[-1])  # a list of names printed by the child


def test_importing_the_api_loads_no_python_docx_and_no_qt():
    loaded = _modules_after("import mou_drafter.api")
    for heavy in ("docx", "lxml", "PySide6", "shiboken6"):
        assert heavy not in loaded, heavy
    # a DOCX export loads python-docx when it is made; text needs it not at all
    assert "docx" in _modules_after(
        f"from mou_drafter import api\napi.render_to_bytes(api.load_draft({str(MOU)!r}))"
    )
    text_only = _modules_after(
        f"from mou_drafter import api\napi.render_to_bytes(api.load_draft({str(MOU)!r}), fmt='txt')"
    )
    assert "docx" not in text_only and "lxml" not in text_only


def test_the_package_exposes_the_api_names():
    for name in (
        "load_draft",
        "save_draft",
        "new_draft",
        "validate_draft",
        "export_problems",
        "render_document",
        "render_to_path",
        "render_to_bytes",
        "Draft",
        "MouDrafterError",
        "RenderOptions",
        "Fonts",
        "TemplateLibrary",
        "list_templates",
        "lint_templates",
        "compare_versions",
        "write_comparison",
    ):
        assert getattr(mou_drafter, name) is not None, name
    assert mou_drafter.RenderOptions is api.RenderOptions and mou_drafter.load_draft is api.load_draft
    with pytest.raises(AttributeError):
        mou_drafter.render_docx  # noqa: B018 - an internal, not part of the API


def test_drafts_round_trip_through_the_api(tmp_path):
    draft = api.load_draft(MOU)
    assert (
        not api.has_errors(api.validate_draft(draft)) and api.export_problems(draft, ["vi", "lo", "en"]) == []
    )
    path = api.save_draft(draft, tmp_path / "copy.moud")
    assert api.load_draft(path) == draft
    assert api.draft_schema()["properties"]["kind"]
    assert api.format_amount(585000000, "VND", "vi") == "585.000.000 đồng"


def test_exports_through_the_api(tmp_path):
    draft = api.load_draft(MOU)
    written = api.render_to_path(draft, tmp_path / "mou.docx", api.RenderOptions(layout="separate"))
    assert [p.name for p in written] == ["mou.vi.docx", "mou.lo.docx"]
    assert "ເມືອງຊານໄຊ" in all_text(open_docx(written[1].read_bytes()))
    documents = api.render_documents(draft, api.RenderOptions(layout="separate", languages=("lo", "vi")))
    assert list(documents) == ["lo", "vi"] and documents["lo"].languages == ["lo"]
    document = api.render_document(draft, api.RenderOptions(template="mou@1.0"))
    assert document.template == "mou@1.0" and document.languages == ["vi", "lo"]
    with pytest.raises(UsageError, match="format must be one of"):
        api.render_to_bytes(draft, fmt="odt")  # type: ignore[arg-type]


def test_rendering_pauses_the_cycle_collector_and_restores_it(monkeypatch):
    """The cycle collector is off while a document is rendered (its cost grew with the square of
    the draft), back on afterwards, also after an error, and left off if it was off."""
    draft = api.load_draft(MOU)
    states = []
    real = api.render_documents

    def spy(*args, **kwargs):
        states.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "render_documents", spy)
    assert gc.isenabled()
    api.render_to_bytes(draft, fmt="txt")
    assert states == [False] and gc.isenabled()
    with pytest.raises(TemplateError):
        api.render_to_bytes(draft, api.RenderOptions(template="mou@7.0"))
    assert gc.isenabled()
    gc.disable()
    try:
        api.render_to_bytes(draft, fmt="txt")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_templates_through_the_api(tmp_path, released):
    assert set(RELEASED) <= {t.ref for t in api.list_templates()}
    assert [t.ref for t in api.list_templates(released)] == list(RELEASED)
    old = api.load_draft(MOU).model_copy(update={"template": "mou@1.0"})
    assert (
        api.upgrade_for(old, released).ref == "mou@1.2"
        and api.upgrade_for(api.load_draft(MOU), released) is None
    )
    assert api.upgrade_for(old).ref == NEWEST["mou"]
    assert api.lint_templates() == [] and api.lint_templates(ROOT / "templates" / "mou" / "1.2") == []
    with pytest.raises(UsageError, match="no such folder"):
        api.lint_templates(tmp_path / "missing")
    broken = add_version(tmp_path, "mou", "9.0")
    (broken / "lo.j2").write_text("@para id=x\n{{ draft.nothing_here }}\n", encoding="utf-8")
    library = api.TemplateLibrary([("test", tmp_path)])
    findings = [str(f) for f in api.lint_templates(library=library)]
    assert any("lo.j2:2: 'draft.nothing_here' is not a field of the draft" in f for f in findings), findings


def test_new_drafts_take_the_newest_approved_version_of_the_library(tmp_path, released):
    assert (
        api.new_draft("mou").template == NEWEST["mou"]
        and api.new_draft("minutes").template == NEWEST["minutes"]
    )
    assert api.new_draft("mou", library=released).template == "mou@1.2"
    add_version(tmp_path, "mou", "1.3")
    add_version(tmp_path, "mou", "1.4", status="draft")
    library = api.TemplateLibrary([*released.roots, ("user", tmp_path)])
    assert api.new_draft("mou", library=library).template == "mou@1.3"
    draft = api.new_draft("mou", library=library)
    assert api.render_document(draft, library=library).template == "mou@1.3"  # pinned, then rendered with it
    with pytest.raises(TemplateError, match="no approved template for minutes"):
        api.new_draft("minutes", library=api.TemplateLibrary([("user", tmp_path)]))


def test_comparisons_through_the_api(tmp_path):
    comparison = api.compare_versions("mou@1.0", "mou@1.2", "vi", api.load_draft(MOU))
    assert isinstance(comparison, api.Comparison)
    summary = api.comparison_summary(comparison)
    assert summary.startswith("mou@1.0 → mou@1.2 (vi): ") and "2 added" in summary
    assert "[-" in api.comparison_text(comparison) and "{+" in api.comparison_text(comparison)
    assert '<del title="gelöscht">' in api.comparison_html(comparison, labels={"deleted": "gelöscht"})
    for suffix in ("html", "txt", "docx"):
        path = api.write_comparison(comparison, tmp_path / f"changes.{suffix}")
        assert path.stat().st_size > 0
    assert "<w:ins " in open_docx((tmp_path / "changes.docx").read_bytes()).element.body.xml
    assert api.comparison_docx(comparison)[:2] == b"PK"
    with pytest.raises(UsageError, match=r"must end in \.html, \.docx or \.txt"):
        api.write_comparison(comparison, tmp_path / "changes.pdf")
