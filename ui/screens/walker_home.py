"""Walker mode: the simpler window content for a walker on their own laptop.

Three tabs: the walk (focus, norms, look-fors, route of visits and the protocol's
observation steps with their scripts — what the walker needs to know, read-only), their own
notes (the observation screen, filtered to their notes, with the visits step's script
folded above the editor), and their own reflections — the sections of
walkapp.ui.walker_mode's list of what a walker does, in its order. Above the tabs, the
role the facilitator gave them at planning, if any (its instructions and what it is about
for them; each step shows only their role's part of it). The protocol's words
come from the walk's snapshot (a walk kit carries it). Nothing of other walkers appears:
no roster, no other notes, no other reflections. Walker mode is a property of the walk on
this laptop (`Walk.local_mode == "walker"`, `Walk.local_participant_id`);
`walker_home_for` reads it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtGui import QFont, QHideEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Change, Entity
from walkapp.protocol import choices as plan_choices
from walkapp.protocol.roles import GivenRole, role_of
from walkapp.protocol.runner import walk_plan
from walkapp.protocol.schema import Activity, PhaseKey, Protocol, Step
from walkapp.services import Services
from walkapp.services.protocol_walks import walk_protocol
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
from walkapp.ui.screens.observation import Clock, ObservationScreen
from walkapp.ui.walker_mode import walker_sections
from walkapp.ui.widgets.autosave import DEBOUNCE_MS
from walkapp.ui.widgets.notice import NoticeBanner
from walkapp.ui.widgets.nudge_field import NudgeSetup
from walkapp.ui.widgets.nudge_highlight import NudgeCheck, no_nudge
from walkapp.ui.widgets.reflections import ReflectionsPanel, default_prompts
from walkapp.ui.widgets.step_words import StepWords, prompt_line
from walkapp.ui.widgets.your_role import YourRole
from walkapp.ui.words import Words
from walkapp.ui.writer import Writer

Overview = Words("Overview")


def observation_html(walk: d.Walk, protocol: Protocol, role: GivenRole | None = None) -> str:
    """The protocol's observation steps in running order: title, minutes, script (one
    paragraph per paragraph of the file), what the walker's `role` does in it (only their
    role's script) and prompts, escaped."""
    e = html.escape
    phase = protocol.phase(PhaseKey.OBSERVATION)
    if phase is None or not phase.steps:
        return ""
    planned = walk_plan(protocol, walk, PhaseKey.OBSERVATION.value)
    parts = [f"<h3>{e(phase.title)}</h3>"]
    if phase.summary:
        parts.append(f"<p>{e(phase.summary)}</p>")
    for number, step in enumerate(planned, start=1):
        minutes = step.planned_seconds // 60
        timing = f" · {e(fmt.plural(minutes, '{n} minute', '{n} minutes'))}" if minutes else ""
        parts.append(f"<h4>{number}. {e(step.step.title)}{timing}</h4>")
        parts += [f"<p>{e(paragraph)}</p>" for paragraph in step.step.script.split("\n\n")
                  if paragraph.strip()]
        mine = step.step.role_script(role.key).strip() if role is not None else ""
        if role is not None and mine:
            parts.append("<p><b>" + e(Overview.tr("As {0}:").format(role.title))
                         + f"</b> {e(mine)}</p>")
        if step.step.prompts:
            parts.append("<ul>" + "".join(f"<li>{e(prompt_line(p))}</li>"
                                          for p in step.step.prompts) + "</ul>")
    return "\n".join(parts)


def other_days(walk: d.Walk, protocol: Protocol | None) -> list[tuple[str, str]]:
    """(phase title, date in words) of each phase held on a day of its own."""
    if protocol is None:
        return []
    return [(phase.title, fmt.long_date(day)) for phase, day in plan_choices.other_days(
        protocol, plan_choices.read(walk.plan_choices), walk.walk_date)]


def overview_html(walk: d.Walk,
                  protocol: Protocol | None = None, role: GivenRole | None = None) -> str:
    """The walk as the walker needs it, as escaped HTML (every user string is escaped);
    with `protocol`, its observation steps too (with `role`, what the walker's role does
    in each)."""
    e = html.escape
    parts = [f"<h2>{e(walk.title)}</h2>",
             f"<p>{e(fmt.long_date(walk.walk_date))}"
             + (f" · {e(walk.school)}" if walk.school else "") + "</p>"]
    parts += ["<p><b>" + e(Overview.tr("{0} on {1}").format(title, day)) + "</b></p>"
              for title, day in other_days(walk, protocol)]
    if role is not None:
        parts.append("<h3>" + e(Overview.tr("Your role: {0}").format(role.title)) + "</h3>")
        if role.detail:
            parts.append(f"<p><b>{e(role.detail_label)}:</b> {e(role.detail)}</p>")
        parts += [f"<p>{e(paragraph)}</p>" for paragraph
                  in (role.instructions or role.description).split("\n\n")
                  if paragraph.strip()]
    parts.append("<h3>" + e(Overview.tr("Focus")) + "</h3>")
    parts.append(f"<p>{e(walk.focus)}</p>" if walk.focus
                 else "<p><i>" + e(Overview.tr("No focus written yet.")) + "</i></p>")
    parts.append("<h3>" + e(Overview.tr("Our norms")) + "</h3>")
    if walk.norms:
        parts.append("<ul>" + "".join(f"<li>{e(n.text)}</li>" for n in walk.norms) + "</ul>")
    else:
        parts.append("<p><i>" + e(Overview.tr("No norms recorded.")) + "</i></p>")
    parts.append("<h3>" + e(Overview.tr("Look-fors")) + "</h3>")
    if walk.look_fors:
        items = []
        for number, look_for in enumerate(walk.look_fors, start=1):
            item = f"<li><b>{number}. {e(look_for.text)}</b>"
            if look_for.description:
                item += f"<br>{e(look_for.description)}"
            items.append(item + "</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append("<p><i>" + e(Overview.tr("No look-fors agreed.")) + "</i></p>")
    parts.append("<h3>" + e(Overview.tr("Visits")) + "</h3>")
    after = protocol is not None and protocol.corridor_after_last
    between = (Overview.tr("{0} in each room, {1} of corridor talk between rooms and after the "
                  "last.") if after else
               Overview.tr("{0} in each room, {1} of corridor talk between rooms."))
    parts.append("<p>" + e(between.format(
        fmt.plural(walk.visit_minutes, "{n} minute", "{n} minutes"),
        fmt.plural(walk.corridor_minutes, "{n} minute", "{n} minutes"))) + "</p>")
    if walk.visits:
        rows = []
        for visit in walk.visits:
            details = visit.details(show_teacher=walk.show_teacher_names)
            rows.append(f"<li>{e(visit.label)}" + (f" — {e(details)}" if details else "")
                        + "</li>")
        parts.append("<ul>" + "".join(rows) + "</ul>")
    else:
        parts.append("<p><i>" + e(Overview.tr("The route of visits is not planned yet."))
                     + "</i></p>")
    if protocol is not None:
        parts.append(observation_html(walk, protocol, role))
    return "\n".join(parts)


class WalkerHome(QWidget, Page):
    """Walker-mode content: the walk, `participant_id`'s own notes and reflections.

    Forwarded from the observation screen: `observation.visit_changed`, `.note_saved`,
    `.save_failed`. Call `can_close()` before closing the window.
    """

    def __init__(self, services: Services, walk_id: str, participant_id: str,
                 clock: Clock | None = None, nudge: NudgeCheck = no_nudge,
                 asker: Asker | None = None, parent: QWidget | None = None, *,
                 prompts: Sequence[str] | None = None,
                 debounce_ms: int = DEBOUNCE_MS, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkerHome")
        # The window's one writer (a home built alone makes its own), for notes and
        # reflections alike.
        writer = writer if writer is not None else Writer(services, self)
        walk = services.walks.get_walk(walk_id)
        walker = walk.participant(participant_id)
        if walker is None:
            raise NotFoundError("That walker is not on this walk's roster.")
        self._services = services
        self._walk = walk
        self.participant = walker
        self._closed = False
        # The protocol the walk was planned with (its snapshot, carried by the walk kit).
        self.protocol = walk_protocol(services, walk_id)

        heading = QLabel(self.tr("{0} — your walk: {1}").format(walker.display_name,
                                                                 walk.title))
        heading.setObjectName("screenTitle")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        privacy = QLabel(self.tr("Only your own notes and reflections are on this laptop. "
                                 "They stay here until you hand them back to the "
                                 "facilitator."))
        privacy.setObjectName("walkerPrivacy")
        privacy.setWordWrap(True)
        # The role given at planning, in sight on every tab (taking notes too).
        self.your_role = YourRole()
        self.role = role_of(self.protocol, walker)
        self.your_role.show_role(self.role)

        self.overview = QTextBrowser()
        self.overview.setObjectName("walkOverview")
        self.overview.setAccessibleName(self.tr("About this walk"))
        self.overview.setOpenLinks(False)
        self.overview.setHtml(overview_html(walk, self.protocol, self.role))
        self.observation = ObservationScreen(services, walk_id, participant_id, clock, nudge,
                                             asker, debounce_ms=debounce_ms, writer=writer)
        self.observation.header.set_corridor_after_last(self.protocol.corridor_after_last)
        visits = next((s for _, _, s in self.protocol.steps()
                       if s.activity is Activity.VISITS), None)
        # The visits step's script and prompts, read-only above the editor, foldable.
        self.visits_guide = (StepWords(visits, role=self._role_script(visits))
                             if visits is not None else None)
        if self.visits_guide is not None:
            self.observation.set_guide(self.visits_guide)
        # The "I will try…" prompt in the walk's own words: the facilitator's commitments
        # screen offers the answer as this walker's proposed commitment.
        self.reflections = ReflectionsPanel(services.notes, walk_id, participant_id,
                                            prompts=prompts if prompts is not None
                                            else default_prompts(self.protocol),
                                            debounce_ms=debounce_ms, writer=writer,
                                            nudge=NudgeSetup.for_walk(walk.language, nudge))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Walker sections"))
        self.tabs.tabBar().setAccessibleName(self.tr("Sections: the walk, my notes, "
                                                     "my reflections"))
        sections: dict[str, tuple[QWidget, str]] = {
            "walk": (self.overview, self.tr("&The walk")),
            "notes": (self.observation, self.tr("My &notes")),
            "reflections": (self.reflections, self.tr("My &reflections")),
        }
        self._section_keys = [key for key in walker_sections() if key in sections]
        for key in self._section_keys:
            widget, label = sections[key]
            self.tabs.addTab(widget, label)
        self.tabs.currentChanged.connect(self._tab_changed)
        has_notes = bool(services.notes.list_notes(walk_id, author_id=participant_id))
        self.tabs.setCurrentWidget(self.observation if has_notes else self.overview)
        # What to do now, for a walker new to this walk (no notes yet): one small line,
        # dismissible; gone for good once they have notes.
        self.what_now = NoticeBanner()
        self.what_now.setObjectName("walkerWhatNow")
        self.what_now.dismiss_button.setAccessibleName(self.tr("Hide what to do now"))
        if not has_notes:
            self.what_now.show_notice(self.tr(
                "What to do now: take notes in each visit (My notes). When the walk is "
                "over, choose File ▸ Save a notes file and hand that file back to the "
                "facilitator."))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(privacy)
        layout.addWidget(self.what_now)
        layout.addWidget(self.your_role)
        layout.addWidget(self.tabs, 1)

    def _role_script(self, step: Step) -> tuple[str, str] | None:
        """(the walker's role's title, its script in `step`), or None."""
        script = step.role_script(self.role.key).strip() if self.role is not None else ""
        return (self.role.title, script) if self.role is not None and script else None

    @property
    def walk(self) -> d.Walk:
        return self._walk

    def section_keys(self) -> list[str]:
        """The tabs, by their key in walkapp.ui.walker_mode's list, in order."""
        return list(self._section_keys)

    def show_section(self, key: str) -> None:
        """Bring the section `key` ("walk", "notes", "reflections") to the front."""
        if key in self._section_keys:
            self.tabs.setCurrentIndex(self._section_keys.index(key))

    def save_pending(self) -> bool:
        """Commit the note in hand and every reflection; True when all are saved."""
        return all([self.observation.save_pending(), self.reflections.flush()])

    def flush(self) -> bool:
        return self.save_pending()

    def can_close(self) -> bool:
        """The note-taker's own question (it can say why the note was not saved); a
        reflection that could not be saved makes `save_pending()` False, and the walk's
        workspace asks about it."""
        self.reflections.flush()
        return self.observation.can_close()

    def shutdown(self) -> None:
        """The walk is closing: save, stop, and ignore changes from now on."""
        self._closed = True
        self.observation.shutdown()
        self.reflections.shutdown()

    def on_change(self, change: Change) -> None:
        """Connect to `ChangeBridge.changed`."""
        if change.walk_id != self._walk.id or self._closed:
            return
        self.observation.on_change(change)
        if change.entity in {Entity.WALK, Entity.VISIT, Entity.LOOK_FOR, Entity.NORM,
                             Entity.PARTICIPANT}:
            self._walk = self._services.walks.get_walk(self._walk.id)
            walker = self._walk.participant(self.participant.id)
            if walker is not None:  # a newer walk kit may give another role
                self.participant = walker
                self.role = role_of(self.protocol, walker)
                self.your_role.show_role(self.role)
            self.overview.setHtml(overview_html(self._walk, self.protocol,
                                                self.role))

    def _tab_changed(self, _index: int) -> None:
        # Leaving a tab saves what was typed there now, not a second later (without
        # waiting for it: the writer commits it off the GUI thread).
        self.reflections.commit_now()
        if self.tabs.currentWidget() is self.observation:
            self.observation.focus_editor()

    def hideEvent(self, event: QHideEvent) -> None:
        self.reflections.commit_now()
        super().hideEvent(event)


def walker_home_for(services: Services, walk_id: str, **kwargs: object) -> WalkerHome:
    """The walker home of a walk set up in walker mode on this laptop."""
    walk = services.walks.get_walk(walk_id)
    if walk.local_mode != d.LocalMode.WALKER or not walk.local_participant_id:
        raise ValidationError("This walk is not in walker mode on this laptop.")
    return WalkerHome(services, walk_id, walk.local_participant_id, **kwargs)  # type: ignore[arg-type]

