"""Qt's date and time values as Python's, typed.

`QDate.toPython()` and `QTime.toPython()` are declared to return `object` in PySide6's stubs;
these say what they return, and check it, so strict mypy can follow the value.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime


def to_date(value: QDate) -> date:
    result = value.toPython()
    assert isinstance(result, date), result
    return result


def to_time(value: QTime) -> time:
    result = value.toPython()
    assert isinstance(result, time), result
    return result
