"""The field registry: which widget shows which path, kept true when sections are rebuilt."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from tests.conftest import ROOT

SAMPLE = ROOT / "seeds" / "mou-dakglei-xanxay-dakcheung-2024-2028.moud"


def test_a_removed_item_leaves_no_path_behind(qtbot, window):
    window.controller.open_sample(SAMPLE)
    fields = window.editor.registry
    assert {"parties[2].name", "parties[2].name.vi", "parties[2].name.lo"} <= set(fields)
    window.findChild(QPushButton, "parties[2].remove").click()
    assert len(window.controller.doc.draft.parties) == 2
    assert not [path for path in fields if path.startswith("parties[2]")]
    assert all(isinstance(fields[path].objectName(), str) for path in fields)  # a deleted one would raise
    assert not window.focus_path("parties[2].name.lo")  # gone: nothing to focus, and no error
    window.controller.undo()
    assert "parties[2].name.lo" in fields and fields["parties[2].name.lo"].text() == "ເມືອງດາກຈຶງ"


def test_focus_by_path_falls_back_to_the_list_add_button(qtbot, window):
    window.controller.new_document("minutes")
    assert window.focus_path("contributions")  # no contribution yet: the add button
    assert window.focusWidget() is window.findChild(QPushButton, "contributions.add")
    assert window.editor.current_key == "contributions"
