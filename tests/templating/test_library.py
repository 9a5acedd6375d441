"""The template library is told its folders, reads the manifests once and keeps them until
refreshed; new drafts take the newest approved version of their kind (issue 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mou_drafter.errors import TemplateError
from mou_drafter.folders import user_templates_dir
from mou_drafter.settings import Settings, load_settings, save_settings, template_library
from mou_drafter.templating.library import TemplateLibrary, default_library
from tests.conftest import RELEASED, ROOT


def add_version(
    root: Path, name: str, version: str, *, status: str = "approved", source: str = "1.2"
) -> Path:
    """A copy of mou@<source> as ``name@version`` with ``status``."""
    kind = "minutes" if name.startswith("minutes") else "mou"
    folder = root / name / version
    shutil.copytree(ROOT / "templates" / kind / source, folder)
    manifest = folder / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    old_name, old_version = f'name = "{kind}"', f'version = "{source}"'
    text = text.replace(old_name, f'name = "{name}"', 1).replace(old_version, f'version = "{version}"', 1)
    text = text.replace('status = "approved"', f'status = "{status}"', 1)
    manifest.write_text(text, encoding="utf-8")
    return folder


def test_manifests_are_read_once_until_refreshed(tmp_path):
    library = TemplateLibrary([("test", tmp_path)])
    add_version(tmp_path, "mou", "5.0")
    assert [t.ref for t in library.versions()] == ["mou@5.0"]
    add_version(tmp_path, "mou", "5.1")
    assert [t.ref for t in library.versions()] == ["mou@5.0"]  # kept, not globbed again
    library.refresh()
    assert [t.ref for t in library.versions()] == ["mou@5.0", "mou@5.1"]


def test_a_version_is_found_in_its_own_folder(tmp_path):
    good = add_version(tmp_path, "mou", "5.0")
    (tmp_path / "mou" / "6.0").mkdir()
    (tmp_path / "mou" / "6.0" / "manifest.toml").write_text("status = [", encoding="utf-8")
    library = TemplateLibrary([("test", tmp_path)])
    found = library.find("mou@5.0")  # the broken manifest of another version is not read
    assert (found.folder, found.source) == (good, "test")
    # the broken version is skipped and reported with its path; the others keep working (issue 12)
    assert [t.ref for t in library.versions()] == ["mou@5.0"]
    [problem] = library.problems()
    assert (
        problem.folder == tmp_path / "mou" / "6.0"
        and f"{Path('6.0', 'manifest.toml')}: damaged manifest" in str(problem)
    )
    with pytest.raises(TemplateError, match=r"mou@6\.0 cannot be used: .*6\.0.manifest\.toml"):
        library.find("mou@6.0")


def test_the_folders_are_searched_in_order(tmp_path, released):
    add_version(tmp_path / "user", "mou", "1.2", status="draft")  # the same version as a built-in one
    add_version(tmp_path / "shared", "mou", "7.0", status="draft")
    library = TemplateLibrary([*released.roots, ("user", tmp_path / "user"), ("shared", tmp_path / "shared")])
    assert (
        library.find("mou@1.2").source == "built-in" and library.find("mou@1.2").manifest.status == "approved"
    )
    assert library.find("mou@7.0").source == "shared"
    assert [t.ref for t in library.versions_of("minutes")] == ["minutes@1.0", "minutes@1.1"]
    with pytest.raises(TemplateError, match=r"no version '9.9' \(available: 1.0, 1.1, 1.2, 7.0\)"):
        library.find("mou@9.9")


def test_newest_approved_version_of_a_kind(tmp_path, released):
    built_in = released
    assert built_in.newest("mou").ref == "mou@1.2" and built_in.newest("minutes").ref == "minutes@1.1"
    add_version(tmp_path, "mou", "1.3", status="draft")
    add_version(tmp_path, "mou", "1.4", status="retired")
    add_version(tmp_path, "mou-hanoi", "9.0")  # another template of the kind, not the standard one
    library = TemplateLibrary([*built_in.roots, ("user", tmp_path)])
    assert library.newest("mou").ref == "mou@1.2"
    add_version(tmp_path, "mou", "1.10")
    library.refresh()
    assert library.newest("mou").ref == "mou@1.10"  # versions compare as numbers: 1.10 > 1.4 > 1.2
    assert library.find("mou").ref == "mou@1.10"
    with pytest.raises(TemplateError, match="no approved template for minutes"):
        TemplateLibrary([("user", tmp_path)]).newest("minutes")
    # a draft without a template is rendered with the newest approved version of its kind
    from mou_drafter.model.draft import Draft
    from mou_drafter.templating.engine import build_document

    assert build_document(Draft(kind="mou", parties=[{}, {}]), ["vi"], library=library).template == "mou@1.10"


def test_upgrade_for(released):
    library = released
    assert library.upgrade_for("mou@1.0").ref == "mou@1.2"  # mou@1.1 is retired
    assert library.upgrade_for("mou@1.2") is None
    assert library.upgrade_for("minutes@1.0").ref == "minutes@1.1"
    assert library.upgrade_for("letter@1.0") is None and library.upgrade_for("") is None


def test_default_library_is_the_built_in_and_user_folders_never_the_settings(tmp_path):
    shared = tmp_path / "share"
    add_version(shared, "mou", "8.0")
    settings = load_settings()
    settings.shared_templates_dir = str(shared)
    save_settings(settings)
    add_version(user_templates_dir(), "mou", "3.0", status="draft")
    library = default_library()
    assert [source for source, _root in library.roots] == ["built-in", "user"]
    assert "mou@3.0" in {t.ref for t in library.versions()} and "mou@8.0" not in {
        t.ref for t in library.versions()
    }
    assert default_library() is library  # one per user folder, kept
    from_settings = template_library()
    assert [source for source, _root in from_settings.roots] == ["built-in", "user", "shared"]
    assert from_settings.find("mou@8.0").source == "shared"
    assert [source for source, _root in template_library(Settings()).roots] == ["built-in", "user"]


#: The newest approved built-in version of each kind: what new drafts are made with. Releasing a
#: version changes this line and the table in docs/templates.md, nothing in mou_drafter/.
NEWEST = {"mou": "mou@1.3", "minutes": "minutes@1.2"}


def test_the_built_in_release():
    library = TemplateLibrary([("built-in", ROOT / "templates")])
    assert {kind: library.newest(kind).ref for kind in NEWEST} == NEWEST
    assert set(RELEASED) <= {t.ref for t in library.versions()}  # released versions stay
