"""What to compare: two template versions, as template text (placeholders shown) or rendered with a
draft's data, in one language."""

from __future__ import annotations

from ..errors import TemplateError, UsageError
from ..model.draft import Draft
from ..render.text import block_lines
from ..templating.library import TemplateLibrary, TemplateVersion, default_library
from ..templating.source import source_clauses
from ..words.tokens import tokenize
from .align import Clause, Comparison, compare_clauses


def clauses_from_template(template: TemplateVersion, lang: str) -> list[Clause]:
    path = template.language_file(lang)
    if not path.exists():
        raise TemplateError(f"{path}: template {template.ref} has no {lang} text")
    return [Clause(c.id, c.text, c.kind) for c in source_clauses(path)]


def clauses_from_draft(template: TemplateVersion, draft: Draft, lang: str) -> list[Clause]:
    from ..templating.engine import build_document

    adjusted = draft.model_copy(update={"template": template.ref})
    # The clauses as they stand in the draft's document, whose closing clause names all its languages.
    languages: list[str] = list(draft.languages) if lang in draft.languages else [*draft.languages, lang]
    doc = build_document(adjusted, languages, template)
    return [Clause(b.id, "\n".join(block_lines(doc, b)), b.kind) for b in doc.texts[lang]]


def compare_versions(
    old_ref: str,
    new_ref: str,
    lang: str,
    draft: Draft | None = None,
    *,
    library: TemplateLibrary | None = None,
) -> Comparison:
    """Compare ``name@old`` with ``name@new`` (found in ``library``) in ``lang``, with a draft's
    data or as template text."""
    if lang not in ("vi", "lo", "en"):
        raise UsageError(f"--language must be vi, lo or en, not {lang!r}")
    library = library or default_library()
    old, new = library.find(old_ref), library.find(new_ref)
    if old.manifest.kind != new.manifest.kind:
        raise UsageError(f"{old.ref} and {new.ref} are templates of different kinds")
    if draft is not None and draft.kind != old.manifest.kind:
        raise UsageError(f"the draft is {draft.kind}, the templates are for {old.manifest.kind}")
    if draft is None:
        before, after = clauses_from_template(old, lang), clauses_from_template(new, lang)
    else:
        before, after = clauses_from_draft(old, draft, lang), clauses_from_draft(new, draft, lang)
    return compare_clauses(
        before, after, lambda text: tokenize(text, lang), language=lang, old_label=old.ref, new_label=new.ref
    )
