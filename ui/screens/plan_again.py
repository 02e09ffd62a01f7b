"""Plan again: the next walk of a series, from one of its walks.

A short dialog: the title (it goes on counting, "Year 5 maths walk — 3") and the date (a
week on) are suggested and editable; it says what comes along (the plan) and what stays
behind (everything said during the walk), and offers the route too, off by default, since
visiting the same rooms every time is what coverage warns against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.services.series import NextWalk
from walkapp.ui.qt_values import to_date


@dataclass(frozen=True)
class PlanAgainRequest:
    from_walk_id: str
    title: str
    walk_date: date
    copy_route: bool


class PlanAgainDialog(QDialog):
    def __init__(self, walk: d.Walk, suggested: NextWalk,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._walk, self._suggested = walk, suggested
        self.setWindowTitle(self.tr("Plan again"))
        self.setMinimumWidth(560)

        where = QLabel(self.tr("The next walk of the series “{0}”: walk {1}.").format(
            suggested.series_name, fmt.number(suggested.number)))
        where.setWordWrap(True)
        where.setObjectName("sectionTitle")
        self.title = QLineEdit(suggested.title)
        self.title.setAccessibleName(self.tr("Title of the next walk"))
        self.title.selectAll()
        self.date = QDateEdit(QDate(suggested.walk_date.year, suggested.walk_date.month,
                                    suggested.walk_date.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(fmt.short_date_pattern())
        self.date.setAccessibleName(self.tr("Date of the next walk"))
        self.route = QCheckBox(self.tr("Visit the same rooms again ({0})").format(
            fmt.plural(suggested.route_size, "{n} visit", "{n} visits")))
        self.route.setAccessibleName(self.tr("Copy the route of visits too"))
        self.route.setToolTip(self.tr(
            "Off by default: a series learns more from rooms it has not seen yet."))
        # Nothing to copy: no box to tick (the new walk's route is planned as usual).
        self.route.setVisible(suggested.route_size > 0)

        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow("", self.route)
        self.comes = comes = QLabel(self._comes_along())
        comes.setWordWrap(True)
        self.stays = stays = QLabel(self.tr(
            "Stays behind: notes, reflections, commitments, answers, patterns, next steps "
            "and feedback. Open commitments and action items come back for review in the "
            "next walk's pre-brief."))
        stays.setWordWrap(True)
        for label in (comes, stays):
            label.setObjectName("hint")
        self.error = QLabel("")
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Plan the walk"))
        self.ok_button.setAccessibleName(self.tr("Plan the next walk"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(lambda _t: self.error.setText(""))

        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(comes)
        layout.addWidget(stays)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _comes_along(self) -> str:
        walk = self._walk
        parts = [self.tr("the protocol"),
                 fmt.plural(len(walk.walkers), "{n} walker", "{n} walkers")
                 + (self.tr(" in {0}").format(
                     fmt.plural(len(walk.groups), "{n} group", "{n} groups"))
                    if walk.groups else ""),
                 fmt.plural(len(walk.look_fors), "{n} look-for", "{n} look-fors"),
                 fmt.plural(len(walk.norms), "{n} norm", "{n} norms")
                 + self.tr(" (to agree again)"),
                 self.tr("{0}-minute visits").format(walk.visit_minutes),
                 self.tr("the privacy settings")]
        if walk.school:
            parts.insert(1, walk.school)
        if walk.focus:
            parts.insert(1, self.tr("the focus"))
        return self.tr("Comes along: {0}.").format(", ".join(parts))

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Give the next walk a title."))
            self.title.setFocus()
            return
        self.accept()

    def request(self) -> PlanAgainRequest:
        return PlanAgainRequest(self._walk.id, self.title.text().strip(),
                                to_date(self.date.date()), self.route.isChecked())
