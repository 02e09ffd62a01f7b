"""The walk's details: title, date, school, focus, timings, privacy and whose laptop this is.

Edits save themselves shortly after typing stops (through the window's writer: typing
never waits for the database); a failed save keeps what was typed, says why and offers
Retry.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp.events import Change, Entity
from walkapp.protocol.schema import VISIT_MINUTES_MAX
from walkapp.services import Services
from walkapp.services.base import sharing_reads
from walkapp.services.commands import WalkDetailsEdit
from walkapp.ui import workers
from walkapp.ui.page import Page
from walkapp.ui.widgets.autosave import SaveIndicator
from walkapp.ui.widgets.date_field import DateField
from walkapp.ui.widgets.debounce import Debouncer, Pace
from walkapp.ui.widgets.fit_sizes import ReflowRow
from walkapp.ui.widgets.nudge_field import OFF, NudgeField, NudgeSetup, hint_under
from walkapp.ui.writer import Writer, asked_by, describe_failure

SAVE_DELAY_MS = 700


class WalkDetailsPanel(QWidget, Page):
    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None,
                 *, focus_only: bool = False, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        # The window's one writer (a panel built alone makes its own).
        self.writer = writer if writer is not None else Writer(services, self)
        self._loading = False
        self._closed = False
        self._pending: dict[str, Any] = {}   # typed, not yet committed
        self._error: str | None = None       # why the last save failed
        # After a pause in the typing, and at least every MAX_WAIT_MS while it goes on.
        self.debouncer = Debouncer(self.commit_now, Pace(delay_ms=SAVE_DELAY_MS), self)

        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Walk title"))
        self.title.textEdited.connect(lambda t: self._queue("title", t))
        # Typed in the user's locale (15/01/2027 in the UK), or picked from a calendar.
        self.date = DateField(self.tr("Walk date"))
        self.date.date_changed.connect(lambda day: self._queue("walk_date", day, now=True))
        self.school = QLineEdit()
        self.school.setPlaceholderText(self.tr("Optional"))
        self.school.setAccessibleName(self.tr("School"))
        self.school.textEdited.connect(lambda t: self._queue("school", t))
        self.focus = QPlainTextEdit()
        self.focus.setPlaceholderText(self.tr(
            "The question the group is curious about, e.g. How do students explain their "
            "thinking to each other?"))
        self.focus.setAccessibleName(self.tr("Focus or problem of practice"))
        self.focus.setTabChangesFocus(True)
        self.focus.setMaximumHeight(110)
        self.focus.textChanged.connect(
            lambda: self._queue("focus", self.focus.toPlainText()))
        # In the walk's language once the walk is read (`_show`).
        self.focus_nudge = NudgeField(self.focus, OFF, "walk_focus")
        self.focus_box = QWidget()
        focus_layout = QVBoxLayout(self.focus_box)
        focus_layout.setContentsMargins(0, 0, 0, 0)
        focus_layout.setSpacing(2)
        focus_layout.addWidget(self.focus)
        focus_layout.addWidget(hint_under(self.focus, self.focus_nudge))

        self.visit_minutes = QSpinBox()
        self.visit_minutes.setRange(1, VISIT_MINUTES_MAX)  # research lessons run 70–90
        self.visit_minutes.setSuffix(self.tr(" min"))
        self.visit_minutes.setAccessibleName(self.tr("Minutes in each room"))
        self.visit_minutes.valueChanged.connect(lambda v: self._queue("visit_minutes", v))
        self.corridor_minutes = QSpinBox()
        self.corridor_minutes.setRange(0, 30)
        self.corridor_minutes.setSuffix(self.tr(" min"))
        self.corridor_minutes.setAccessibleName(self.tr("Minutes of corridor talk"))
        self.corridor_minutes.valueChanged.connect(lambda v: self._queue("corridor_minutes", v))

        self.show_teacher_names = QCheckBox(self.tr("Record teacher names for visits"))
        self.show_teacher_names.setToolTip(self.tr(
            "Off by default. When on, a teacher name can be added to each visit; it appears in "
            "reports only while this stays on."))
        self.attribute_commitments = QCheckBox(self.tr("Name walkers beside their commitments "
                                                       "in the debrief"))
        # Not "Show…": a control named so counts as a view control and stays usable on a
        # closed walk (walkapp.ui.read_only.VIEW_NAMES); this one changes the record.
        self.attribute_commitments.setToolTip(self.tr(
            "Off by default. When on, the debrief shows who made each commitment; when off, "
            "commitments are listed without names, in no particular order."))
        self.sign_thank_you_with_names = QCheckBox(self.tr(
            "Sign thank-you notes with the walkers' names"))
        self.sign_thank_you_with_names.setToolTip(self.tr(
            "Off by default: thank-you notes are signed by the group as a whole, with no "
            "names. When on, each note is signed with the names of the walkers on this "
            "walk's roster."))
        self.include_visit_details = QCheckBox(self.tr(
            "Include room, grade and subject in records (debrief, thank-you notes)"))
        self.include_visit_details.setToolTip(self.tr(
            "Off by default. The agenda, note-catcher and walk kits always show the route's "
            "rooms; records kept after the walk leave them out unless this is on."))
        for box, key in ((self.show_teacher_names, "show_teacher_names"),
                         (self.attribute_commitments, "attribute_commitments"),
                         (self.sign_thank_you_with_names, "sign_thank_you_with_names"),
                         (self.include_visit_details, "include_visit_details")):
            box.setAccessibleName(box.text())
            box.toggled.connect(lambda on, k=key: self._queue(k, on, now=True))

        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Whose laptop this is"))
        self.mode.activated.connect(self._mode_chosen)

        self.indicator = SaveIndicator(self.tr("the walk's details"))
        self.indicator.retry_requested.connect(self.retry)
        self.indicator.set_state("idle")
        self.status = self.indicator.label
        self.writer.waiting_changed.connect(self._on_waiting)

        basics = QFormLayout()
        basics.addRow(self.tr("Title"), self.title)
        basics.addRow(self.tr("Date"), self.date)
        basics.addRow(self.tr("School"), self.school)
        if not focus_only:
            basics.addRow(self.tr("Focus"), self.focus_box)
        timing = QHBoxLayout()
        timing.addWidget(QLabel(self.tr("In each room")))
        timing.addWidget(self.visit_minutes)
        timing.addSpacing(16)
        timing.addWidget(QLabel(self.tr("Corridor talk")))
        timing.addWidget(self.corridor_minutes)
        timing.addStretch(1)
        basics.addRow(self.tr("Timing"), timing)

        privacy = QGroupBox(self.tr("Privacy"))
        privacy_layout = QVBoxLayout(privacy)
        for box in (self.show_teacher_names, self.attribute_commitments,
                    self.sign_thank_you_with_names, self.include_visit_details):
            privacy_layout.addWidget(box)
        laptop = QGroupBox(self.tr("This laptop"))
        laptop_layout = QFormLayout(laptop)
        laptop_layout.addRow(self.tr("Used by"), self.mode)

        # Everything but the focus; hidden when the panel serves the "shared focus" step.
        self.everything_else = QWidget()
        rest = QVBoxLayout(self.everything_else)
        rest.setContentsMargins(0, 0, 0, 0)
        rest.addLayout(basics)
        row = ReflowRow()  # one under the other in a narrow window (issue 18)
        row.addWidget(privacy, 2)
        row.addWidget(laptop, 1)
        rest.addLayout(row)

        layout = QVBoxLayout(self)
        if focus_only:
            hint = QLabel(self.tr("Agree on one focus for the whole walk. Everyone will look "
                                  "for evidence of it in every room."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
            layout.addWidget(self.focus_box)
            self.focus.setMaximumHeight(16777215)
            layout.addWidget(self.everything_else)
            self.everything_else.hide()
        else:
            layout.addWidget(self.everything_else)
        layout.addWidget(self.indicator)
        layout.addStretch(1)
        self._reads = workers.NewestRead(self, lambda: self._closed)
        if sharing_reads():
            # Built as part of a page inside same_reads(), which shares one read of the
            # walk among its parts: read here and now, it costs nothing more.
            self._show(services.walks.get_walk(walk_id))
        else:
            # Built alone, e.g. when the runner reaches the "shared focus" step: read
            # off the GUI thread; the fields fill in when the read is in.
            self.refresh()

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the walk as the database has it, read off the GUI thread: the fields keep
        what they show until the read is in (FOLLOW_READ_MS)."""
        if self._closed:
            return
        self._reads.start(lambda: self._services.walks.get_walk(self.walk_id), self._show)

    def _show(self, walk: d.Walk) -> None:
        if self.focus_nudge.setup.walk_language != walk.language \
                or self.focus_nudge.setup is OFF:
            self.focus_nudge.set_setup(NudgeSetup.for_walk(walk.language))
        self._loading = True
        try:
            if not self._pending.get("title") and not self.title.hasFocus():
                self.title.setText(walk.title)
            if "walk_date" not in self._pending:
                self.date.set_date(walk.walk_date)
            if "school" not in self._pending and not self.school.hasFocus():
                self.school.setText(walk.school or "")
            if "focus" not in self._pending and self.focus.toPlainText() != walk.focus:
                self.focus.setPlainText(walk.focus)
            self.visit_minutes.setValue(walk.visit_minutes)
            self.corridor_minutes.setValue(walk.corridor_minutes)
            self.show_teacher_names.setChecked(walk.show_teacher_names)
            self.attribute_commitments.setChecked(walk.attribute_commitments)
            self.sign_thank_you_with_names.setChecked(walk.sign_thank_you_with_names)
            self.include_visit_details.setChecked(walk.include_visit_details)
            self.mode.clear()
            self.mode.addItem(self.tr("The facilitator (all walkers' notes)"), None)
            for walker in walk.walkers:
                self.mode.addItem(self.tr("Walker: {0} (own notes only)").format(
                    walker.display_name), walker.id)
            if walk.local_mode is d.LocalMode.WALKER:
                index = self.mode.findData(walk.local_participant_id)
                self.mode.setCurrentIndex(max(0, index))
            else:
                self.mode.setCurrentIndex(0)
        finally:
            self._loading = False

    def on_change(self, change: Change) -> None:
        if change.is_from(self):
            return  # this panel's own save: what it saved is what it shows
        if change.walk_id == self.walk_id and change.entity in {Entity.WALK, Entity.PARTICIPANT}:
            self.refresh()

    # -- saving ----------------------------------------------------------------------------
    def _queue(self, key: str, value: Any, *, now: bool = False) -> None:
        if self._loading or self._closed:
            return
        self._pending[key] = value
        if self._error is None:
            self.indicator.set_state("editing")
        if now:
            self.commit_now()
        else:
            self.debouncer.touch()

    def shutdown(self) -> None:
        """Save what was typed (the database is still open), then save nothing more."""
        if not self._closed:
            self.save_pending()
        self._closed = True
        self.debouncer.shutdown()
        workers.cancel_owned_by(self)

    def retry(self) -> None:
        self._error = None
        self.commit_now()

    def commit_now(self) -> None:
        """Hand what was typed to the writer (one write with every pending field: a newer
        one waiting replaces an older one); does not wait."""
        self.debouncer.cancel()
        if not self._pending or self._closed:
            return
        changes = dict(self._pending)
        if self._error is None:
            self.indicator.set_state("saving")
        self.writer.write(WalkDetailsEdit(self.walk_id, changes), origin=self,
                          key=f"walk-details:{self.walk_id}",
                          on_done=lambda _walk: self._saved(changes),
                          on_failed=self._not_saved)

    def save_pending(self) -> bool:
        """Save what was typed and wait (bounded); on failure keep it pending and say why."""
        self.commit_now()
        if self._pending:
            self.writer.flush()
        return not self._pending

    def _saved(self, changes: dict[str, Any]) -> None:
        for key, value in changes.items():
            if key in self._pending and self._pending[key] == value:
                del self._pending[key]
        self._error = None
        if not self._closed and not self._pending:
            self.indicator.set_state("saved")

    def _not_saved(self, error: BaseException) -> None:
        self._error = describe_failure(error)
        if not self._closed:
            self.indicator.set_state("failed", self._error)

    def _on_waiting(self, ticket: object, waiting: bool) -> None:
        if (waiting and asked_by(ticket, self) and self._error is None
                and not self._closed):
            self.indicator.set_state("waiting")

    def _mode_chosen(self, index: int) -> None:
        if self._closed:
            return
        participant_id = self.mode.itemData(index)
        changes: dict[str, Any] = {
            "local_mode": d.LocalMode.WALKER.value if participant_id else
            d.LocalMode.FACILITATOR.value,
            "local_participant_id": participant_id}
        self._pending.update(changes)
        self.commit_now()

    def walk_date(self) -> date | None:
        return self.date.date()
