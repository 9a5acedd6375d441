"""The GUI tests' own guards (``tests/gui/conftest.py``): a modal dialog a test leaves open is
closed and fails that test, and a dialog :func:`when_dialog` waits for that never comes fails it,
instead of the whole run hanging until CI's time is up."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tests.gui import conftest as guards


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def test_a_modal_dialog_left_open_is_closed_and_fails_its_test(qtbot, monkeypatch):
    monkeypatch.setattr(guards, "MODAL_LIMIT_S", 0.5)
    guard = guards.dialog_guard()
    next(guard)
    box = QMessageBox(QMessageBox.Icon.Warning, "Lưu thay đổi?", "Bản nháp chưa được lưu.")
    started = time.monotonic()
    box.exec()  # nobody answers: only the guard can end this
    assert time.monotonic() - started < 10
    with pytest.raises(pytest.fail.Exception, match="left open for 0 s: QMessageBox «Lưu thay đổi\\?»"):
        next(guard)


def test_a_dialog_waited_for_that_never_comes_fails_its_test(qtbot, monkeypatch):
    monkeypatch.setattr(guards, "DIALOG_WAIT_S", 0.3)
    guard = guards.dialog_guard()
    next(guard)
    answered: list[QDialog] = []
    guards.when_dialog(answered.append)
    _spin(0.8)
    assert answered == []
    with pytest.raises(pytest.fail.Exception, match="waited for a modal dialog that never appeared"):
        next(guard)


def test_a_dialog_answered_once_shown_passes(qtbot):
    guard = guards.dialog_guard()
    next(guard)
    dialog = QDialog()
    answered: list[QDialog] = []

    def answer(shown: QDialog) -> None:
        answered.append(shown)
        shown.accept()

    guards.when_dialog(answer)
    QTimer.singleShot(300, dialog.exec)  # built late, as a slow machine would
    _spin(2.0)
    assert answered == [dialog]
    with pytest.raises(StopIteration):
        next(guard)
