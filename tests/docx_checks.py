"""Helpers that read exported DOCX files back with python-docx (no mocks: the real file). The
checks themselves live in :mod:`mou_drafter.render.inspect`, shared with ``--self-test``."""

from __future__ import annotations

from mou_drafter.render.inspect import lao_run_problems, open_docx, paragraph_texts

__all__ = ["all_text", "check_lao_runs", "open_docx", "paragraph_texts"]


def all_text(document) -> str:
    return "\n".join(paragraph_texts(document))


def check_lao_runs(document, lao_font: str = "Phetsarath OT") -> int:
    """Assert every run containing Lao has the Lao font in all slots and lo-LA; return the count."""
    count, problems = lao_run_problems(document, lao_font)
    assert not problems, problems[:5]
    return count
