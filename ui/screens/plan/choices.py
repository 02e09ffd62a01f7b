"""The plan's choices among what the protocol leaves open (version 2): a tick for each
optional step, one option of each variant (with what each option is), and the date of
each phase held on another day; the plan's totals follow every change.

Each change saves itself through the window's writer (the walk's `plan_choices`, checked
against the walk's protocol by the walk service); a failed save keeps the choice on
screen, says why and offers Retry. What the choices mean lives in
walkapp.protocol.choices: this screen only shows and changes them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.events import Change, Entity
from walkapp.protocol import choices as pc
from walkapp.protocol.runner import walk_plan
from walkapp.protocol.schema import Protocol, Step
from walkapp.services import Services
from walkapp.services.commands import WalkDetailsEdit
from walkapp.ui import workers
from walkapp.ui.page import Page
from walkapp.ui.widgets.autosave import SaveIndicator
from walkapp.ui.widgets.date_field import DateField
from walkapp.ui.writer import Writer, describe_failure


def _minutes(step: Step) -> str:
    if step.turns is not None:
        return fmt.plural(step.turns.total_minutes, "{n} minute", "{n} minutes")
    return fmt.plural(step.minutes or 0, "{n} minute", "{n} minutes")


class ChoicesPanel(QWidget, Page):
    def __init__(self, services: Services, walk_id: str, protocol: Protocol,
                 parent: QWidget | None = None, *, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        self.protocol = protocol
        self.writer = writer if writer is not None else Writer(services, self)
        self._closed = False
        self._loading = False
        self._walk: d.Walk = services.walks.get_walk(walk_id)
        self.choices = pc.read(self._walk.plan_choices)
        self._pending: str | None = None  # the JSON handed to the writer, not yet saved

        content = QWidget()
        column = QVBoxLayout(content)
        intro = QLabel(self.tr("This protocol leaves some things to you. What you choose here "
                               "decides the steps of the guides, their timers and the "
                               "papers of this walk."))
        intro.setWordWrap(True)
        column.addWidget(intro)

        self.step_boxes: dict[str, QCheckBox] = {}
        optional = [(phase, step) for phase, _, step in protocol.steps() if step.optional]
        if optional:
            box = QGroupBox(self.tr("Optional steps"))
            lines = QVBoxLayout(box)
            for phase, step in optional:
                tick = QCheckBox(self.tr("{0} · {1} ({2})").format(
                    step.title, phase.title, _minutes(step)))
                tick.setAccessibleName(self.tr("Run the step {0}").format(step.title))
                if step.script:
                    tick.setToolTip(step.script)
                tick.toggled.connect(lambda on, key=step.key: self._step_ticked(key, on))
                self.step_boxes[step.key] = tick
                lines.addWidget(tick)
            column.addWidget(box)

        self.option_buttons: dict[tuple[str, str], QRadioButton] = {}
        self._groups: list[QButtonGroup] = []
        for variant in protocol.variants:
            box = QGroupBox(variant.title)
            lines = QVBoxLayout(box)
            if variant.description:
                about = QLabel(variant.description)
                about.setWordWrap(True)
                about.setObjectName("subtitle")
                lines.addWidget(about)
            group = QButtonGroup(box)
            self._groups.append(group)
            for option in variant.options:
                button = QRadioButton(option.title)
                button.setAccessibleName(self.tr("{0}: {1}").format(variant.title,
                                                                    option.title))
                button.toggled.connect(lambda on, v=variant.key, o=option.key:
                                       self._option_chosen(v, o, on))
                group.addButton(button)
                self.option_buttons[(variant.key, option.key)] = button
                lines.addWidget(button)
                if option.description:
                    words = QLabel(option.description)
                    words.setWordWrap(True)
                    words.setContentsMargins(24, 0, 0, 4)
                    lines.addWidget(words)
            column.addWidget(box)

        self.date_fields: dict[str, DateField] = {}
        later = [p for p in protocol.phases if p.another_day]
        if later:
            box = QGroupBox(self.tr("Phases on another day"))
            form = QFormLayout(box)
            for phase in later:
                field = DateField(self.tr("Date of the {0}").format(phase.title))
                field.date_changed.connect(lambda day, key=phase.key.value:
                                           self._date_chosen(key, day))
                self.date_fields[phase.key.value] = field
                form.addRow(self.tr("{0} on").format(phase.title), field)
            column.addWidget(box)

        self.totals = QLabel()
        self.totals.setObjectName("planTotals")
        self.totals.setWordWrap(True)
        column.addWidget(self.totals)
        self.indicator = SaveIndicator(self.tr("the plan's choices"))
        self.indicator.retry_requested.connect(self._save)
        self.indicator.set_state("idle")
        column.addWidget(self.indicator)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._reads = workers.NewestRead(self, lambda: self._closed)
        self._show(self._walk)

    # -- showing ---------------------------------------------------------------------------
    def _show(self, walk: d.Walk) -> None:
        self._walk = walk
        if self._pending is None:
            self.choices = pc.read(walk.plan_choices)
        self._loading = True
        try:
            for key, tick in self.step_boxes.items():
                step = self.protocol.step(key)
                assert step is not None
                tick.setChecked(pc.is_taken_in(step, self.choices))
            for variant in self.protocol.variants:
                chosen = pc.chosen_option(variant, self.choices)
                self.option_buttons[(variant.key, chosen.key)].setChecked(True)
            for key, field in self.date_fields.items():
                field.set_date(pc.phase_date(self.protocol, self.choices, key, walk.walk_date))
        finally:
            self._loading = False
        self._show_totals()

    def _show_totals(self) -> None:
        walk = replace(self._walk, plan_choices=pc.dump(self.choices))
        planned = walk_plan(self.protocol, walk)
        parts = []
        for phase in self.protocol.phases:
            seconds = sum(s.planned_seconds for s in planned if s.phase.key is phase.key)
            if any(s.phase.key is phase.key for s in planned):
                parts.append(self.tr("{0} {1}").format(phase.title,
                                                       fmt.duration(seconds)))
        total = sum(s.planned_seconds for s in planned)
        self.totals.setText(self.tr("This walk runs {0}, {1} in all: {2}.").format(
            fmt.plural(len(planned), "{n} step", "{n} steps"), fmt.duration(total),
            ", ".join(parts)))

    # -- changing --------------------------------------------------------------------------
    def _step_ticked(self, key: str, on: bool) -> None:
        if not self._loading:
            self._change(pc.with_step(self.protocol, self.choices, key, on))

    def _option_chosen(self, variant: str, option: str, on: bool) -> None:
        if on and not self._loading:
            self._change(pc.with_variant(self.choices, variant, option))

    def _date_chosen(self, phase: str, day: date | None) -> None:
        if not self._loading and day is not None:
            self._change(pc.with_phase_date(self.choices, phase, day))

    def _change(self, choices: pc.PlanChoices) -> None:
        if self._closed:
            return
        self.choices = choices
        self._show_totals()
        self._save()

    def _save(self) -> None:
        text = pc.dump(self.choices)
        self._pending = text
        self.indicator.set_state("saving")
        self.writer.write(WalkDetailsEdit(self.walk_id, {"plan_choices": text}), origin=self,
                          key=f"plan-choices:{self.walk_id}",
                          on_done=lambda walk: self._saved(text, walk),
                          on_failed=self._not_saved)

    def _saved(self, text: str, walk: object) -> None:
        if self._pending == text:
            self._pending = None
            if not self._closed:
                self.indicator.set_state("saved")
        if isinstance(walk, d.Walk) and not self._closed:
            self._walk = walk

    def _not_saved(self, error: BaseException) -> None:
        if not self._closed:
            self.indicator.set_state("failed", describe_failure(error))

    # -- the page contract -----------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        if change.is_from(self) or self._closed:
            return
        if change.walk_id == self.walk_id and change.entity is Entity.WALK:
            self._reads.start(lambda: self._services.walks.get_walk(self.walk_id),
                              self._show)

    def save_pending(self) -> bool:
        if self._pending is not None:
            self.writer.flush()
        return self._pending is None

    def can_close(self) -> bool:
        return True

    def shutdown(self) -> None:
        if not self._closed:
            self.save_pending()
        self._closed = True
        workers.cancel_owned_by(self)

