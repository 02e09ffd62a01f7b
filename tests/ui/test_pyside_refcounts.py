"""Guard against a Qt binding that leaks references to True/None.

PySide6 6.12.0 on Python 3.11 drops a reference to True on every `Signal.emit()` and to
None on every call of a method returning void; after a few hundred emits the interpreter
aborts ("bool_dealloc: deallocating True or False"). pyproject.toml excludes that version;
this test fails fast if such a build comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    ping = Signal(int)


def test_emit_and_void_calls_keep_true_and_none_alive(qtbot) -> None:
    emitter = _Emitter()
    label = QLabel()
    qtbot.addWidget(label)
    emitter.ping.connect(lambda _value: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(200):
        emitter.ping.emit(n)
        label.setText("x")
    after = sys.getrefcount(True), sys.getrefcount(None)
    # A few references may come and go elsewhere; a leak per call would show 200.
    assert abs(after[0] - before[0]) < 50 and abs(after[1] - before[1]) < 50, (before, after)
