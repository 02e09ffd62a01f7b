"""A date field that takes a date typed the way people write them in their locale.

Typing "15/01/2027" (UK), "01/15/2027" (US only), "2027-01-15" or "15 Jan 2027" and
pressing Enter, Tab or clicking elsewhere reads the date with the app's one date reader
(walkapp.formatting.parse_date) and shows it back in the app's short style ("15 Jan
2027"), so what is shown can be typed again. A date that cannot be read stays in the field
as typed, with a message under it saying why and how to type it; nothing is saved until it
reads. The calendar button picks a date with the mouse.
"""

from __future__ import annotations

import datetime as dt
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt


class DateField(QWidget):
    """`date_changed(date)` when a new date was typed and read, or picked."""

    date_changed = Signal(object)  # datetime.date

    def __init__(self, accessible_name: str, value: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = value
        self.edit = QLineEdit()
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(self.tr("e.g. {0}").format(fmt.date_example()))
        self.edit.setToolTip(self.tr("Type a date, e.g. {0}, {1} or {2}").format(
            fmt.date_example(), "2027-01-15", fmt.short_date(date(2027, 1, 15))))
        self.edit.editingFinished.connect(self.read_typed)
        self.calendar_button = QToolButton()
        self.calendar_button.setText(self.tr("Calendar…"))
        self.calendar_button.setAccessibleName(self.tr("Pick {0} from a calendar").format(
            accessible_name.lower()))
        self.calendar_button.clicked.connect(self.show_calendar)
        self.error = QLabel("")
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Date problem"))
        self.error.setVisible(False)
        self.calendar: QCalendarWidget | None = None

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        # As wide as a long date ("Wednesday, 30 September 2026"), not the whole form.
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("M" * 18))
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self._show_value()

    # -- the value ---------------------------------------------------------------------------
    def date(self) -> date | None:
        """The last date read (typed or picked); not what is still being corrected."""
        return self._value

    def has_problem(self) -> bool:
        """Is text in the field that is not a date (its message shown)?"""
        return self.error.isVisible()

    def set_date(self, value: dt.date | None) -> None:
        """Show `value` (from the database); text being typed or corrected is kept."""
        if self.edit.hasFocus() or self.has_problem():
            self._value = value
            return
        self._value = value
        self._show_value()

    def _show_value(self) -> None:
        self.edit.setText(fmt.short_date(self._value, "") if self._value else "")

    def read_typed(self) -> bool:
        """Read what is typed; True when it is a date (or the field is empty)."""
        text = self.edit.text().strip()
        if not text and self._value is None:
            self._clear_problem()
            return True
        try:
            value = fmt.parse_date(text)
        except fmt.DateNotRead as problem:
            self.error.setText(problem.message)
            self.error.setVisible(True)
            return False
        self._clear_problem()
        self._set(value)
        return True

    def _clear_problem(self) -> None:
        self.error.clear()
        self.error.setVisible(False)

    def _set(self, value: dt.date) -> None:
        changed = value != self._value
        self._value = value
        self._show_value()
        if changed:
            self.date_changed.emit(value)

    # -- the calendar -----------------------------------------------------------------------
    def show_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAccessibleName(self.edit.accessibleName())
        calendar.setGridVisible(True)
        shown = self._value or date.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        self.calendar = calendar
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        if self.calendar is not None:
            self.calendar.close()
            self.calendar.deleteLater()
            self.calendar = None
        self._clear_problem()
        self._set(date(day.year(), day.month(), day.day()))
        self.edit.setFocus()
