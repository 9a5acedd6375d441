"""PySide6 6.12.0 returns ``None`` from every void method without taking a reference. Under
Python 3.11 (``None`` is not immortal before 3.12) each call lowers ``None``'s reference count by
one, and the app aborts with "Fatal Python error: none_dealloc" once it reaches zero: with a sample
open that was after about 700 keystrokes (32 void calls each), sooner with a large draft (building
the form of a 2,000-obligation draft never finished). pyproject.toml leaves that version out; this
test fails on any version with the same fault."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive(qtbot):
    editor = QLineEdit()
    combo = QComboBox()
    qtbot.addWidget(editor)
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for _ in range(1000):
        editor.setText("Đăk Glei")  # a void method
        combo.addItem("huyện Đăk Glei", "p1")
    assert sys.getrefcount(None) >= before - 10  # a few may be held or released elsewhere
