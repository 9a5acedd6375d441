"""Garbage cycles are collected on the UI thread only (mou_drafter.gui.collector): a Qt object
in a cycle destroyed in a worker thread crashed the GUI tests in QTimerInfoList::activateTimers."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QTimer

from mou_drafter.gui.collector import UiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _collections_by_thread(work) -> set[int]:
    threads: set[int] = set()

    def seen(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.add(threading.get_ident())

    gc.callbacks.append(seen)
    try:
        work()
    finally:
        gc.callbacks.remove(seen)
    return threads


def _garbage_in_a_worker() -> None:
    def work() -> None:
        for _ in range(50_000):
            _Cycle()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()


def test_without_it_python_collects_in_the_worker(qtbot):
    """What the collector is for: left to itself, Python collects in the thread that allocates."""
    collector = UiThreadCollector()
    collector.stop()  # the GUI tests run with one: give collection back to Python for this check
    try:
        threads = _collections_by_thread(_garbage_in_a_worker)
        assert threads - {threading.get_ident()}, "no collection ran in the worker"
    finally:
        gc.disable()  # as the suite's own collector expects until the test ends


def test_cycles_made_in_a_worker_are_collected_on_the_ui_thread(qtbot):
    collector = UiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        ui = threading.get_ident()
        owner = QObject()
        timer = QTimer(owner)  # a Qt object in a cycle with Python objects

        class Holder:
            pass

        holder = Holder()
        holder.owner, holder.timer, holder.me = owner, timer, holder
        timer.timeout.connect(holder.__class__)
        del owner, timer, holder

        def work() -> None:
            _garbage_in_a_worker()
            qtbot.wait(200)  # the collector's timer runs

        threads = _collections_by_thread(work)
        assert threads == {ui}
        assert gc.get_count()[0] <= collector.thresholds[0] + 1000  # the garbage was collected
    finally:
        collector.stop()
    assert gc.isenabled()
    gc.disable()  # the suite's collector (tests/gui/conftest.py) gives it back after the test
