import shutil
from pathlib import Path

import pytest

from mou_drafter.errors import TemplateError
from mou_drafter.model.draft import Draft
from mou_drafter.model.files import load_draft
from mou_drafter.render.options import RenderOptions
from mou_drafter.render.text import render_text
from mou_drafter.templating.engine import DraftEnvironment, build_document
from mou_drafter.templating.library import TemplateLibrary, default_library, read_manifest
from tests.conftest import ROOT, SEEDS

MOU = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


def test_builtin_templates_are_listed():
    refs = {(t.ref, t.manifest.status, t.source) for t in default_library().versions()}
    assert ("mou@1.0", "approved", "built-in") in refs
    assert ("minutes@1.0", "approved", "built-in") in refs
    manifest = read_manifest(ROOT / "templates" / "mou" / "1.0")
    assert manifest.languages == ("vi", "lo", "en") and manifest.changelog


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_clause_ids_align_across_languages(path):
    doc = build_document(load_draft(path), ["vi", "lo", "en"])
    ids = {lang: [b.id for b in blocks] for lang, blocks in doc.texts.items()}
    assert ids["vi"] == ids["lo"] == ids["en"]
    articles = {lang: [b.number for b in blocks if b.kind == "article"] for lang, blocks in doc.texts.items()}
    assert articles["vi"] == articles["lo"] == articles["en"]


def test_user_text_is_data_not_template_code():
    draft = load_draft(MOU)
    draft.areas[0].title.vi = "{{ 7*7 }} {% for x in range(3) %}X{% endfor %} {{ ''.__class__.__mro__ }}"
    draft.areas[0].description.vi = "dòng một\n@title id=evil\nBỊ CHÈN"
    draft.areas[1].title.vi = "@article id=art.purpose"
    doc = build_document(draft, ["vi", "lo"])
    text = render_text(doc, RenderOptions(layout="sequential"))
    assert "{{ 7*7 }} {% for x in range(3) %}X{% endfor %} {{ ''.__class__.__mro__ }}" in text
    assert "49" not in text.split("Lĩnh vực hợp tác")[1].split("\n")[1]
    ids = [b.id for b in doc.texts["vi"]]
    assert "evil" not in ids and ids.count("art.purpose") == 1
    area = next(b for b in doc.texts["vi"] if b.id == "area.relations")
    assert area.text.endswith("dòng một\n@title id=evil\nBỊ CHÈN;")  # list items end with ";" (mou@1.2)


def _copy_template(tmp_path: Path, version: str) -> Path:
    folder = tmp_path / "mou" / version
    shutil.copytree(ROOT / "templates" / "mou" / "1.0", folder)
    manifest = folder / "manifest.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('version = "1.0"', f'version = "{version}"', 1),
        encoding="utf-8",
    )
    return folder


def test_undefined_name_error_names_file_and_line(tmp_path):
    folder = _copy_template(tmp_path, "9.0")
    vi = folder / "vi.j2"
    lines = vi.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "{{ draft.no_such_field }}")
    vi.write_text("\n".join(lines), encoding="utf-8")
    template = TemplateLibrary([("test", tmp_path)]).find("mou@9.0")
    with pytest.raises(TemplateError, match=r"vi\.j2:6: .*no_such_field"):
        build_document(load_draft(MOU), ["vi"], template)


def test_syntax_error_names_file_and_line(tmp_path):
    folder = _copy_template(tmp_path, "9.1")
    lo = folder / "lo.j2"
    lines = lo.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "{% if %}")
    lo.write_text("\n".join(lines), encoding="utf-8")
    template = TemplateLibrary([("test", tmp_path)]).find("mou@9.1")
    with pytest.raises(TemplateError, match=r"lo\.j2:4: template syntax error"):
        build_document(load_draft(MOU), ["vi", "lo"], template)


def test_sandbox_blocks_unsafe_template_code(tmp_path):
    folder = _copy_template(tmp_path, "9.2")
    (folder / "vi.j2").write_text(
        "@para id=x\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    template = TemplateLibrary([("test", tmp_path)]).find("mou@9.2")
    with pytest.raises(TemplateError, match=r"vi\.j2"):
        build_document(load_draft(MOU), ["vi"], template)


def test_unknown_template_version_lists_available():
    with pytest.raises(TemplateError, match=r"no version '7.0' \(available: 1.0"):
        default_library().find("mou@7.0")
    with pytest.raises(TemplateError, match="no template named 'letter'"):
        default_library().find("letter@1.0")


def test_template_kind_must_match_draft():
    draft = load_draft(MOU)
    with pytest.raises(TemplateError, match="is for minutes"):
        build_document(draft, ["vi"], "minutes@1.0")


def test_missing_translation_shows_blank_and_empty_optional_is_omitted():
    draft = load_draft(MOU)
    draft.areas[0].title.lo = ""
    draft.parties[0].locality = draft.parties[0].locality.model_copy(update={"vi": "", "lo": "", "en": ""})
    doc = build_document(draft, ["vi", "lo"])
    lo_area = next(b for b in doc.texts["lo"] if b.id == "area.relations")
    assert lo_area.text.startswith("1. ……")
    party = next(b for b in doc.texts["vi"] if b.id == "party.dakglei")
    assert "tỉnh Kon Tum" not in party.text and ", ," not in party.text


def test_empty_draft_renders_with_blanks():
    for kind in ("mou", "minutes"):
        doc = build_document(Draft(kind=kind, parties=[{}, {}]), ["vi", "lo", "en"])
        assert all(doc.texts[lang] for lang in ("vi", "lo", "en"))


@pytest.mark.parametrize(
    "name", ["title", "items", "keys", "get", "_private", "__class__", "__init__", "missing"]
)
def test_attribute_lookups_on_the_draft_data_are_the_sandboxes(name):
    """The engine looks keys of the draft's dicts up directly (speed); what a template gets, or
    the error it raises, is what Jinja's sandbox alone gives, for keys, dict methods and dunders."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from mou_drafter.templating.engine import DraftEnvironment, _finalize

    data = {"title": "Hà Nội", "items": "a key named like a dict method", "_private": 1}
    source = f"{{{{ d.{name} }}}}|{{{{ d.{name} is defined }}}}"

    def render(env):
        try:
            return env.from_string(source).render(d=data)
        except Exception as exc:  # the same error, with the same message
            return f"{type(exc).__name__}: {exc}"

    sandbox = SandboxedEnvironment(undefined=jinja2.StrictUndefined, finalize=_finalize)
    assert render(DraftEnvironment()) == render(sandbox)


@pytest.mark.parametrize(
    "source",
    [
        "{{ d.a.b.c }}|{{ d.a.b.c|upper }}|{{ d.a.missing is defined }}",
        "{% macro m(x) %}{{ x.a.b.c }}{{ x.l[0].index }}{{ x.index is defined }}{% endmacro %}{{ m(d) }}",
        "{% for p in d.l if p.index > 1 %}{{ p.index }}-{{ loop.index }}-{{ loop.last }};{% endfor %}",
        "{% for p in d.l recursive %}{{ loop.depth }}{{ p.index }}{{ loop(p.kids) }}{% endfor %}",
        "{% for p in d.l %}{{ loop.cycle('x', 'y') }}{{ loop.previtem.index if not loop.first }}{% endfor %}",
        "{% set s = d.a.b %}{{ s.c ~ d.a.b.items }}{{ d.a.b.keys }}",
        "{{ d.l[0].index + d.l[1].index }}{{ d.l|map(attribute='index')|join(',') }}",
        "{{ d.a.b.c.__class__ }}",
        "{{ d.a.b.c.upper() }}{{ d.t.index }}",
    ],
)
def test_lookups_written_in_line_are_the_sandboxes(source):
    """The code the engine compiles reads a dict's keys and a loop's values in line (speed); what
    a template gets, or the error it raises, is what Jinja's sandbox alone gives."""
    data = {
        "a": {"b": {"c": "Hà Nội", "items": "a key named like a dict method"}},
        "l": [{"index": i, "kids": [{"index": 10 * i, "kids": []}]} for i in (1, 2, 3)],
        "t": ("a", "b"),
    }
    assert _rendered(DraftEnvironment(), source, d=data) == _rendered(_plain_sandbox(), source, d=data)


@pytest.mark.parametrize(
    "source",
    [
        "{% macro m(a, b='x') %}{{ a }}{{ b }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1) }}{{ m(1, 2, 3, k=4) }}",
        "{% macro m() %}[{{ caller(5) }}]{% endmacro %}{% call(x) m() %}{{ x * 2 }}{% endcall %}",
        "{% macro m(a) %}{{ a }}{% endmacro %}{{ m() }}",
        "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}",
        "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(a=1, b=2) }}",
        "{% for i in [1, 2] %}{% macro m(x) %}{{ x }}{{ i }}{% endmacro %}{{ m(i * 3) }}{% endfor %}",
        "{% macro m(t) %}{{ t|upper }}{% endmacro %}{{ m('a') ~ m('b') }}{{ [m('c')]|join }}",
    ],
)
def test_macro_calls_are_the_sandboxes(source):
    """The engine calls a template's macros without Jinja's context plumbing (speed); what a
    template gets, or the error it raises, is what Jinja's sandbox alone gives."""
    assert _rendered(DraftEnvironment(), source) == _rendered(_plain_sandbox(), source)


def _plain_sandbox():
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from mou_drafter.templating.engine import _finalize

    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, finalize=_finalize)


def _rendered(env, source, **data):
    try:
        return env.from_string(source).render(**data)
    except Exception as exc:  # the same error, with the same message
        return f"{type(exc).__name__}: {exc}"


@pytest.mark.parametrize(
    "name",
    [
        "index",
        "index0",
        "revindex",
        "first",
        "last",
        "length",
        "depth",
        "depth0",
        "previtem",
        "nextitem",
        "cycle",
        "changed",
        "_iterable",
        "__class__",
        "missing",
    ],
)
def test_loop_attributes_are_the_sandboxes(name):
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from mou_drafter.templating.engine import DraftEnvironment, _finalize

    source = f"{{% for x in items %}}{{{{ loop.{name} }}}},{{% endfor %}}"

    def render(env):
        try:
            return env.from_string(source).render(items=["a", "b", "c"])
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"

    sandbox = SandboxedEnvironment(undefined=jinja2.StrictUndefined, finalize=_finalize)
    assert render(DraftEnvironment()) == render(sandbox)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_the_context_read_from_the_draft_is_its_dump_localized(path):
    """The engine reads a template's data from the draft's model itself (speed): the same data,
    keys in the same order, as its dump localized."""
    from mou_drafter.templating.engine import localize, localized

    draft = load_draft(path)
    draft.title.vi = "  "  # a text given in other languages only: a blank
    for lang in ("vi", "lo", "en"):
        assert repr(localized(draft, lang)) == repr(localize(draft.model_dump(), lang))


def test_a_model_with_a_serializer_of_its_own_is_dumped():
    import pydantic

    from mou_drafter.model.draft import LocalizedText
    from mou_drafter.templating.engine import localize, localized

    class Shown(pydantic.BaseModel):
        name: LocalizedText = LocalizedText(vi="Hà Nội", lo="ຮ່າໂນ້ຍ")
        code: str = "x"

        @pydantic.field_serializer("code")
        def _upper(self, code: str) -> str:
            return code.upper()

    class Outer(pydantic.BaseModel):
        inner: list[Shown] = [Shown()]

    assert (
        localized(Outer(), "en")
        == localize(Outer().model_dump(), "en")
        == {"inner": [{"name": "……", "code": "X"}]}
    )
