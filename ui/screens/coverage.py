"""The Coverage screen (Go ▸ Coverage, or Coverage in the walks library): which rooms,
grades and subjects the walks of a period visited, which rooms they have not visited
lately, which are over the school's visit limit, and whose rooms a planned walk visits.

For fairness, on this screen only: nothing here is printed, exported or stored (the core's
walkapp.services.coverage says why). Every list is in the order of its names with its
counts said plainly, never ranked; a teacher is named only from walks whose privacy
setting shows teacher names.

Reads run off the GUI thread (only the newest is shown); the school's visit limit is saved
through the window's one writer, a moment after the last change of its field.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.services.commands import SettingEdit
from walkapp.services.coverage import (
    DEFAULT_QUIET_DAYS,
    DEFAULT_VISIT_LIMIT,
    MAX_QUIET_DAYS,
    MAX_VISIT_LIMIT,
    Coverage,
    CoverageAsk,
    HostList,
)
from walkapp.services.series import SeriesPlace
from walkapp.ui.page import Stoppable
from walkapp.ui.screens.coverage_tables import (
    ListTable,
    count_headings,
    count_rows,
    host_headings,
    host_rows,
    over_rows,
    quiet_rows,
)
from walkapp.ui.widgets.date_field import DateField
from walkapp.ui.widgets.screen_title import screen_title
from walkapp.ui.workers import NewestRead, cancel_owned_by
from walkapp.ui.writer import Writer

# How long the limit's field waits after the last change before it is saved (ms).
SAVE_PAUSE_MS = 600
# How long the fields wait after a change before the lists are read again (ms).
READ_PAUSE_MS = 150


def school_year(today: date) -> tuple[date, date]:
    """The period shown first: the school year around today, from 1 August."""
    start = date(today.year if today.month >= 8 else today.year - 1, 8, 1)
    return start, date(start.year + 1, 7, 31)


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def series_choices(places: dict[str, SeriesPlace]) -> list[tuple[str, str]]:
    names: dict[str, str] = {}
    for place in places.values():
        names.setdefault(place.series_id, place.name)
    return sorted(((k, v) for k, v in names.items()), key=lambda kv: (kv[1].casefold(), kv[0]))


class CoverageView(QWidget, Stoppable):
    back_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.writer = writer if writer is not None else Writer(services, self)
        self._closed = False
        self._stale = True
        self.coverage: Coverage | None = None
        self.hosts: HostList | None = None
        self._reads = NewestRead(self, lambda: self._closed)
        self._host_reads = NewestRead(self, lambda: self._closed)
        self.setObjectName("coverageView")

        title = screen_title(self.tr("Coverage"))
        intro = QLabel(self.tr(
            "Which rooms, grades and subjects your walks have visited, so that visits are "
            "shared fairly and no room is walked too often. This stays on this screen: it is "
            "in no report, export or walk kit. Lists are in the order of their names."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)

        start, end = school_year(services.coverage.today())
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Which walks to count"))
        self.scope.addItem(self.tr("Every walk"), None)
        self.start = DateField(self.tr("First day of the period"), start)
        self.end = DateField(self.tr("Last day of the period"), end)
        self.quiet_days = QSpinBox()
        self.quiet_days.setRange(0, MAX_QUIET_DAYS)
        self.quiet_days.setValue(DEFAULT_QUIET_DAYS)
        self.quiet_days.setSuffix(self.tr(" days"))
        self.quiet_days.setAccessibleName(
            self.tr("Days without a visit before a room is listed as not visited lately"))
        self.limit = QSpinBox()
        self.limit.setRange(1, MAX_VISIT_LIMIT)
        self.limit.setValue(DEFAULT_VISIT_LIMIT)  # the saved one comes with the first read
        self.limit.setSuffix(self.tr(" visits"))
        self.limit.setAccessibleName(self.tr("The school's visit limit for one room"))
        self.limit.setToolTip(self.tr(
            "The school's own rule (a teachers' agreement may set one): rooms with more "
            "visits than this in the period, held or planned, are listed. Kept in walkapp's "
            "database, for everyone who uses it."))
        self.limit_note = QLabel()
        self.limit_note.setObjectName("hint")
        self.limit_note.setWordWrap(True)

        # Two rows: which walks and when; then the two numbers that pick rooms out.
        first = QHBoxLayout()
        first.addWidget(_label(self.tr("Walks"), self.scope))
        first.addWidget(self.scope)
        first.addSpacing(16)
        first.addWidget(_label(self.tr("Period"), self.start))
        first.addWidget(self.start)
        first.addWidget(QLabel(self.tr("to")))
        first.addWidget(self.end)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(_label(self.tr("Not visited in"), self.quiet_days))
        second.addWidget(self.quiet_days)
        second.addSpacing(16)
        second.addWidget(_label(self.tr("Visit limit"), self.limit))
        second.addWidget(self.limit)
        second.addWidget(self.limit_note, 1)
        form = QVBoxLayout()
        form.addLayout(first)
        form.addLayout(second)

        self.summary = QLabel(self.tr("Counting the visits…"))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What the period holds"))
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        empty = self.tr("No visits in this period")
        empty_text = self.tr("Choose another period or other walks, or plan a route.")
        self.rooms = ListTable(count_headings(self.tr("Room")), self.tr("Visits by room"),
                               empty, empty_text, numbers=(1, 2))
        self.grades = ListTable(count_headings(self.tr("Grade")), self.tr("Visits by grade"),
                                empty, empty_text, numbers=(1, 2))
        self.subjects = ListTable(count_headings(self.tr("Subject")),
                                  self.tr("Visits by subject"), empty, empty_text,
                                  numbers=(1, 2))
        self.teachers = ListTable(count_headings(self.tr("Teacher")),
                                  self.tr("Visits by teacher, from walks that show names"),
                                  empty, empty_text, numbers=(1, 2))
        self.quiet = ListTable(
            [self.tr("Room"), self.tr("Last visit"), self.tr("Since")],
            self.tr("Rooms not visited lately"), self.tr("Every room was visited lately"),
            self.tr("No room of these walks has gone that long without a visit."))
        self.over = ListTable(
            [self.tr("Room"), self.tr("Visits"), self.tr("Planned"), self.tr("Over by")],
            self.tr("Rooms over the visit limit"), self.tr("No room is over the limit"),
            self.tr("No room has more visits in this period than the school's limit."),
            numbers=(1, 2))
        hosts_page = QWidget()
        self.host_walk = QComboBox()
        self.host_walk.setAccessibleName(self.tr("The planned walk whose hosts to tell"))
        self.host_walk.currentIndexChanged.connect(lambda _i: self._read_hosts())
        self.host_note = QLabel()
        self.host_note.setObjectName("hint")
        self.host_note.setWordWrap(True)
        self.host_list = ListTable(
            host_headings(False), self.tr("Hosts to tell before the walk"),
            self.tr("No planned walk"),
            self.tr("Plan a walk with a route to see whose rooms it visits."),
            numbers=(3,))
        self.host_list.set_headings(host_headings(False), numbers=(4,), stretch=1)
        hosts_layout = QVBoxLayout(hosts_page)
        walk_row = QHBoxLayout()
        walk_row.addWidget(QLabel(self.tr("Planned walk")))
        walk_row.addWidget(self.host_walk, 1)
        hosts_layout.addLayout(walk_row)
        hosts_layout.addWidget(self.host_note)
        hosts_layout.addWidget(self.host_list, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Coverage lists"))
        for page in (self.rooms, self.grades, self.subjects, self.teachers, self.quiet,
                     self.over, hosts_page):
            self.tabs.addTab(page, "")
        self._hosts_page = hosts_page

        self.back_button = QPushButton(self.tr("Back to the walks"))
        self.back_button.clicked.connect(self.back_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self._read_timer = QTimer(self, singleShot=True, interval=READ_PAUSE_MS)
        self._read_timer.timeout.connect(self.refresh)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_PAUSE_MS)
        self._save_timer.timeout.connect(self._save_limit)
        self.scope.currentIndexChanged.connect(lambda _i: self._read_timer.start())
        self.start.date_changed.connect(lambda _d: self._read_timer.start())
        self.end.date_changed.connect(lambda _d: self._read_timer.start())
        self.quiet_days.valueChanged.connect(lambda _v: self._read_timer.start())
        self.limit.valueChanged.connect(lambda _v: self._limit_changed())
        self._name_tabs()
        self._show_limit_note()

    # -- reading -----------------------------------------------------------------------------
    def ask(self) -> CoverageAsk | None:
        start, end = self.start.date(), self.end.date()
        if start is None or end is None:
            return None
        return CoverageAsk(start, end, self.scope.currentData(), self.quiet_days.value())

    def refresh(self) -> None:
        """Read the lists for what the fields ask, off the GUI thread."""
        if self._closed:
            return
        self._stale = False
        ask = self.ask()
        if ask is None:
            return
        if ask.end < ask.start:
            self._say(self.tr("The period ends before it starts: choose an end date on or "
                              "after the first day."))
            return
        coverage, series = self._services.coverage, self._services.series

        def read() -> tuple[Coverage, dict[str, SeriesPlace]] | WalkappError:
            try:
                return coverage.coverage(ask), series.places()
            except WalkappError as error:  # e.g. the database is locked: said, not a crash
                return error

        self._reads.start(read, self._apply)

    def _apply(self, read: tuple[Coverage, dict[str, SeriesPlace]] | WalkappError) -> None:
        if isinstance(read, WalkappError):
            self._say(read.message)
            return
        seen, places = read
        self._say("")
        self.coverage = seen
        self._update_scope(places)
        self.rooms.set_rows(count_rows(seen.rooms))
        self.grades.set_rows(count_rows(seen.grades))
        self.subjects.set_rows(count_rows(seen.subjects))
        self.teachers.set_rows(count_rows(seen.teachers))
        self.quiet.set_rows(quiet_rows(seen.quiet))
        self.over.set_rows(over_rows(seen.over_limit, seen.limit))
        self.summary.setText(self._summary(seen))
        if not self._save_timer.isActive() and self.limit.value() != seen.limit:
            self.limit.blockSignals(True)  # the saved limit, not a change to save
            self.limit.setValue(seen.limit)
            self.limit.blockSignals(False)
        self._update_hosts_choice(seen)
        self._name_tabs()
        self._show_limit_note()

    def _summary(self, seen: Coverage) -> str:
        period = self.tr("From {0} to {1}").format(fmt.short_date(seen.ask.start),
                                                    fmt.short_date(seen.ask.end))
        parts = [fmt.plural(seen.walks, "walk", "walks"),
                 fmt.plural(seen.visits, "visit held", "visits held"),
                 fmt.plural(seen.planned, "visit planned", "visits planned")]
        text = self.tr("{0}: {1}.").format(period, ", ".join(parts))
        if seen.no_room:
            text += " " + fmt.plural(seen.no_room, "{n} visit has no room written.",
                                     "{n} visits have no room written.")
        if not seen.teachers:
            text += " " + self.tr("Teachers are not listed: the walks keep teacher names off.")
        return text

    def _update_scope(self, places: dict[str, SeriesPlace]) -> None:
        wanted = self.scope.currentData()
        choices = [(None, self.tr("Every walk")), *series_choices(places)]
        shown = [(self.scope.itemData(i), self.scope.itemText(i))
                 for i in range(self.scope.count())]
        if shown == choices:
            return
        self.scope.blockSignals(True)
        self.scope.clear()
        for key, name in choices:
            self.scope.addItem(name if key is None else self.tr("Series “{0}”").format(name),
                               key)
        self.scope.setCurrentIndex(max(0, self.scope.findData(wanted)))
        self.scope.blockSignals(False)

    def _update_hosts_choice(self, seen: Coverage) -> None:
        wanted = self.host_walk.currentData()
        self.host_walk.blockSignals(True)
        self.host_walk.clear()
        for walk in seen.planned_walks:
            self.host_walk.addItem(f"{walk.title} — {fmt.short_date(walk.walk_date)}",
                                   walk.id)
        found = self.host_walk.findData(wanted)
        # The soonest planned walk from today on, unless one was chosen.
        soonest = next((i for i, w in enumerate(seen.planned_walks)
                        if w.walk_date >= seen.today), 0)
        self.host_walk.setCurrentIndex(found if found >= 0 else soonest)
        self.host_walk.blockSignals(False)
        self.host_walk.setEnabled(bool(seen.planned_walks))
        self._read_hosts()

    def _read_hosts(self) -> None:
        walk_id = self.host_walk.currentData()
        ask = self.coverage.ask if self.coverage is not None else None
        if not walk_id:
            self.hosts = None
            self.host_list.set_rows([])
            self.host_note.setText("")
            return
        coverage = self._services.coverage

        def read() -> HostList | WalkappError:
            try:
                return coverage.hosts_to_tell(str(walk_id), ask)
            except WalkappError as error:  # the walk went to the Trash meanwhile
                return error

        self._host_reads.start(read, self._apply_hosts)

    def _apply_hosts(self, hosts: HostList | WalkappError) -> None:
        if isinstance(hosts, WalkappError):
            self.host_list.set_rows([])
            self.host_note.setText(hosts.message)
            return
        self.hosts = hosts
        columns = host_headings(hosts.names_shown)
        self.host_list.set_headings(columns, numbers=(len(columns) - 1,), stretch=1)
        self.host_list.set_rows(host_rows(hosts))
        self.host_note.setText(
            self.tr("Let these teachers know before the walk: when, why (the walkers' own "
                    "learning) and that it is not an evaluation. Visits so far: in the "
                    "period above.") if hosts.names_shown else
            self.tr("This walk keeps teacher names off, so none is shown: tell the teachers "
                    "of these rooms before the walk. Visits so far: in the period above."))
        self._name_tabs()

    def _name_tabs(self) -> None:
        seen = self.coverage

        def named(text: str, count: int | None) -> str:
            return text if count is None else self.tr("{0} ({1})").format(
                text, fmt.number(count))

        rows = (None if seen is None else len(seen.rooms),
                None if seen is None else len(seen.grades),
                None if seen is None else len(seen.subjects),
                None if seen is None else len(seen.teachers),
                None if seen is None else len(seen.quiet),
                None if seen is None else len(seen.over_limit),
                None if self.hosts is None else len(self.hosts.hosts))
        words = (self.tr("By room"), self.tr("By grade"), self.tr("By subject"),
                 self.tr("By teacher"), self.tr("Not visited lately"),
                 self.tr("Over the limit"), self.tr("Hosts to tell"))
        for index, (text, count) in enumerate(zip(words, rows, strict=True)):
            self.tabs.setTabText(index, named(text, count))
        # Teachers only where a walk of the period shows names: no empty "By teacher".
        self.tabs.setTabVisible(3, bool(seen and seen.teachers))

    def _show_limit_note(self) -> None:
        self.limit_note.setText(self.tr(
            "Rooms with more than {0} in the period (held or planned) are listed under Over "
            "the limit.").format(fmt.plural(self.limit.value(), "visit", "visits")))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- the school's limit ------------------------------------------------------------------
    def _limit_changed(self) -> None:
        self._show_limit_note()
        self._save_timer.start()

    def _save_limit(self) -> None:
        value = self.limit.value()
        self.writer.write(SettingEdit("set_visit_limit", (value,)), origin=self,
                          on_done=lambda _value: self.refresh(),
                          on_failed=self._limit_failed)

    def _limit_failed(self, error: BaseException) -> None:
        if not isinstance(error, WalkappError):
            raise error
        self._say(self.tr("The visit limit was not saved: {0}").format(error.message))

    def save_pending(self) -> bool:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_limit()
        return self.writer.flush()

    # -- the page contract -------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        if self._closed or change.is_from(self):
            return
        if change.entity in {Entity.WALK, Entity.VISIT, Entity.SETTING}:
            if self.isVisible():
                self._read_timer.start()
            else:
                self._stale = True  # read when shown again

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def shutdown(self) -> None:
        self._closed = True
        self._read_timer.stop()
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_limit()
        cancel_owned_by(self)

    def focus_first(self) -> None:
        self.scope.setFocus(Qt.FocusReason.OtherFocusReason)
