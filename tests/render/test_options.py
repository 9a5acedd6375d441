"""Typed render options: one immutable value, checked once, with messages naming the option; the
settings file's fonts and export choices turn into it (older settings files included)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from pydantic import ValidationError

from mou_drafter.errors import UsageError
from mou_drafter.model.files import load_draft
from mou_drafter.render.options import LAYOUTS, Fonts, RenderOptions, format_for
from mou_drafter.settings import load_settings, save_settings, settings_path
from tests.conftest import ROOT, run_cli

MINUTES = ROOT / "seeds" / "minutes-dakglei-xanxay-dakcheung-2023.moud"


def test_defaults():
    options = RenderOptions()
    assert (
        options.layout,
        options.languages,
        options.fonts,
        options.lao_zero_width_spaces,
        options.template,
    ) == ("side-by-side", None, Fonts(), False, "")
    assert options.fonts == Fonts(latin="Times New Roman", lao="Phetsarath OT", latin_size=13, lao_size=12)
    assert LAYOUTS == ("side-by-side", "sequential", "separate")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"layout": "landscape"},
            "layout must be one of side-by-side, sequential, separate, not 'landscape'",
        ),
        ({"languages": ("vi", "fr")}, "languages: unknown language 'fr'; use vi, lo and/or en"),
        ({"languages": ("vi", "vi")}, "languages: give one to three different languages, e.g. vi,lo"),
        ({"languages": ()}, "languages: give one to three different languages, e.g. vi,lo"),
        ({"template": "mou 1.2"}, "template must be NAME@VERSION (e.g. mou@1.2) or NAME, not 'mou 1.2'"),
        ({"template": "mou@"}, "template must be NAME@VERSION"),
        ({"fonts": "Times New Roman"}, "fonts must be a Fonts value, not str"),
        ({"originals": "each"}, "originals must be one of shared, alternat, not 'each'"),
        ({"originals": "alternat", "layout": "separate"}, "use side-by-side or sequential, not separate"),
    ],
)
def test_bad_options_are_refused_with_the_option_named(changes, message):
    with pytest.raises(UsageError) as caught:
        RenderOptions(**changes)
    assert message in str(caught.value)


def test_options_are_immutable_and_checked_again_when_changed():
    options = RenderOptions(languages=["lo", "vi"], template="mou@1.2")
    assert options.languages == ("lo", "vi")  # a list is kept as a tuple
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.layout = "separate"  # type: ignore[misc]
    assert options.with_changes(layout="separate").layout == "separate" and options.layout == "side-by-side"
    with pytest.raises(UsageError):
        options.with_changes(layout="sideways")
    with pytest.raises(ValidationError, match="frozen"):  # pydantic's frozen model
        options.fonts.lao = "Saysettha OT"  # type: ignore[misc]
    assert hash(RenderOptions()) == hash(RenderOptions())  # usable as a cache key


def test_languages_default_to_the_draft():
    draft = load_draft(MINUTES)
    assert RenderOptions().languages_of(draft) == draft.languages
    assert RenderOptions(languages=("en",)).languages_of(draft) == ["en"]


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [
        ("out.docx", None, "docx"),
        ("OUT.HTML", None, "html"),
        ("a/b.txt", None, "txt"),
        ("noext", None, "docx"),
        ("out.bin", "txt", "txt"),
        ("out.PDF", None, "pdf"),
    ],
)
def test_format_for(path, fmt, expected):
    assert format_for(path, fmt) == expected


@pytest.mark.parametrize(
    ("path", "fmt", "message"),
    [
        (
            "out.odt",
            None,
            "out.odt: cannot tell the format from the extension; use .docx, .pdf, .html or .txt",
        ),
        ("out.docx", "odt", "format must be one of docx, pdf, html, txt, not 'odt'"),
    ],
)
def test_format_for_refuses(path, fmt, message):
    with pytest.raises(UsageError, match=message.replace(".", r"\.").replace("(", r"\(")):
        format_for(path, fmt)


def test_fonts_come_from_settings_and_the_zero_width_choice_from_the_export_section():
    settings = load_settings()
    settings.fonts = Fonts(lao="Saysettha OT", lao_size=11)
    settings.export.lao_zero_width_spaces = True
    save_settings(settings)
    again = load_settings()
    assert again.fonts == Fonts(lao="Saysettha OT", lao_size=11) and again.export.lao_zero_width_spaces
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert "lao_zero_width_spaces" not in saved["fonts"] and saved["export"]["lao_zero_width_spaces"] is True


def test_a_settings_file_from_before_moves_the_zero_width_choice_to_the_export_section():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(
        json.dumps(
            {
                "fonts": {
                    "latin": "Liberation Serif",
                    "lao": "Phetsarath OT",
                    "latin_size": 12,
                    "lao_size": 11,
                    "lao_zero_width_spaces": True,
                    "something_else": 1,
                },
                "export": {"layout": "sideways", "languages": ["vi", "fr", "lo"], "folder": "/tmp"},
                "ui_language": "lo",
            }
        ),
        encoding="utf-8",
    )
    settings = load_settings()
    assert settings.fonts == Fonts(latin="Liberation Serif", latin_size=12, lao_size=11)
    assert settings.export.lao_zero_width_spaces is True
    assert settings.export.layout == "side-by-side" and settings.export.languages == ["vi", "lo"]
    assert settings.ui_language == "lo"  # the rest of the file is kept


def test_the_command_line_refuses_a_bad_layout_cleanly(tmp_path):
    result = run_cli("render", str(MINUTES), "-o", str(tmp_path / "x.docx"), "--layout", "sideways")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "layout must be one of side-by-side, sequential, separate, not 'sideways'" in result.stderr
    result = run_cli("render", str(MINUTES), "-o", str(tmp_path / "x.docx"), "--format", "odt")
    assert result.returncode == 2 and "format must be one of docx, pdf, html, txt, not 'odt'" in result.stderr
    assert not (tmp_path / "x.docx").exists()
