"""MoU Drafter: bilingual Vietnamese-Lao memoranda of understanding and conference minutes.

The public Python API (no Qt is imported by any of it; see :mod:`mou_drafter.api`)::

    from mou_drafter import RenderOptions, load_draft, validate_draft, render_to_path

    draft = load_draft("seeds/minutes-dakglei-xanxay-dakcheung-2023.moud")
    for issue in validate_draft(draft):
        print(issue)
    render_to_path(draft, "out.docx", RenderOptions(layout="side-by-side", languages=("vi", "lo")))

Names are imported lazily so that ``mou-drafter --version`` and the CLI start quickly.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {
    "load_draft": "mou_drafter.api",
    "save_draft": "mou_drafter.api",
    "new_draft": "mou_drafter.api",
    "validate_draft": "mou_drafter.api",
    "export_problems": "mou_drafter.api",
    "render_document": "mou_drafter.api",
    "render_to_path": "mou_drafter.api",
    "render_to_bytes": "mou_drafter.api",
    "RenderOptions": "mou_drafter.api",
    "Fonts": "mou_drafter.api",
    "TemplateLibrary": "mou_drafter.api",
    "list_templates": "mou_drafter.api",
    "lint_templates": "mou_drafter.api",
    "compare_versions": "mou_drafter.api",
    "write_comparison": "mou_drafter.api",
    "term_list": "mou_drafter.api",
    "fix_issue": "mou_drafter.api",
    "Draft": "mou_drafter.model.draft",
    "MouDrafterError": "mou_drafter.errors",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module_name = _API.get(name)
    if module_name is None:
        raise AttributeError(f"module 'mou_drafter' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
