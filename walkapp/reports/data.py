"""What each report prints, as plain data: renderers take these and nothing else.

Builders (`walkapp.reports.build_*`) fill them from services and apply the walk's privacy
settings on the way in, so a renderer can print every field it is given: a teacher's name
or a walker's name is only here when the facilitator opted in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING

from walkapp.formatting import N_, tr
from walkapp.protocol.ratings import RatingSpread
from walkapp.protocol.schema import LookForItem, Prompt, Protocol, Role, Source

if TYPE_CHECKING:
    from walkapp.services.tallies import TallySummary


@dataclass(frozen=True)
class VisitLine:
    """A visit as reports show it: "Visit n", plus details only where allowed."""

    number: int
    details: str = ""  # room · grade · subject (· teacher), already filtered by privacy

    @property
    def label(self) -> str:
        return tr("Visit {number}").format(number=self.number)


@dataclass(frozen=True)
class WalkHeading:
    """The walk a report is about, as its title block shows it."""

    title: str
    walk_date: date
    school: str | None = None
    focus: str = ""
    protocol: str = ""          # "learning-walk, version 1"


# -- debrief ------------------------------------------------------------------------------
@dataclass(frozen=True)
class LookForTally:
    text: str
    description: str
    notes: int  # notes tagged with this look-for, across all visits (never per teacher)


@dataclass(frozen=True)
class EvidenceItem:
    visit: int | None  # visit number, None for notes written outside a visit
    text: str
    # A visit removed from the route: its label (and details where allowed), e.g.
    # "Removed visit (was visit 2) — Room 12"; `visit` is then None.
    removed_visit: str = ""

    # A note changed on two laptops and not yet resolved: the mark to print ("Not yet
    # resolved: two versions") and the other versions' texts, printed beside this one.
    conflict: str = ""
    other_versions: tuple[str, ...] = ()
    # The facilitator changed the walker's text (the walker's words are in the note's
    # history, walkapp.services.history): printed "(edited by the facilitator)".
    edited: bool = False
    # The note's other look-fors, in the walk's order: it is printed once, under its first
    # look-for, naming these ("also: Questioning").
    also: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        if self.removed_visit:
            return self.removed_visit
        return (tr("Visit {number}").format(number=self.visit) if self.visit
                else tr("Outside a visit"))


@dataclass(frozen=True)
class StemGroup:
    stem_label: str
    items: tuple[EvidenceItem, ...]


@dataclass(frozen=True)
class EvidenceGroup:
    look_for: str | None  # None: notes not tagged with a look-for
    stems: tuple[StemGroup, ...]


@dataclass(frozen=True)
class PatternGroup:
    label: str  # the protocol's stage title ("Describe", "What the rooms show"…)
    statements: tuple[str, ...]
    # A kind the protocol's debrief sequence leaves out (statements written before, or
    # merged): `label` is then walkapp's name for the kind, printed after the protocol's.
    left_out: bool = False


@dataclass(frozen=True)
class CommitmentLine:
    text: str
    walker: str | None = None  # only when the walk attributes commitments
    status: str = "open"
    conflict: str = ""                   # as EvidenceItem.conflict
    other_versions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionRow:
    text: str
    owner: str
    due: date | None
    status: str


@dataclass(frozen=True)
class PhaseTime:
    phase: str
    steps: int
    planned_seconds: int
    actual_seconds: int


@dataclass(frozen=True)
class FeedbackSummary:
    question: str
    responses: int
    ratings: tuple[int, ...]           # each answer's rating (a point), in no set order
    answers: tuple[str, ...]            # written answers, anonymous
    # A rating question's answers over its own scale, each point with its words and
    # "not applicable" apart (None: the question asks for no rating).
    spread: RatingSpread | None = None

    @property
    def average(self) -> float | None:
        """The mean of the points given: "not applicable" is never in it."""
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


@dataclass(frozen=True)
class VisitQuestion:
    """A question of the visit form across the whole walk (walkapp.reports.visit_questions):
    how many answered it, how often each option was chosen (choice and checklist), and the
    written answers — never by visit, never by walker."""

    question: str
    answered: int
    counts: tuple[tuple[str, int], ...] = ()
    answers: tuple[str, ...] = ()


@dataclass(frozen=True)
class StepRatings:
    """A step's rating prompts (the PLC mirror's statements) as the group answered them:
    for each, how many chose each point and "not applicable" — never who chose which."""

    step: str                                          # the step's title
    prompts: tuple[tuple[Prompt, RatingSpread], ...]   # in the step's order
    # The earlier walks of the series on the same protocol, oldest first (a few at most).
    earlier: tuple[EarlierRatings, ...] = ()


@dataclass(frozen=True)
class EarlierMean:
    prompt_key: str
    mean: float | None   # of the points chosen then; None: every answer was N/A
    top: int             # the scale's top point then (a protocol may have changed it)
    not_applicable: int


@dataclass(frozen=True)
class EarlierRatings:
    """How the group rated a step's statements on an earlier walk of its series."""

    walk_date: date
    means: tuple[EarlierMean, ...]

    def of(self, prompt_key: str) -> EarlierMean | None:
        return next((m for m in self.means if m.prompt_key == prompt_key), None)


@dataclass(frozen=True)
class DebriefData:
    walk: WalkHeading
    facilitators: tuple[str, ...] = ()
    walker_count: int = 0
    visit_count: int = 0
    note_count: int = 0
    norms: tuple[tuple[str, bool], ...] = ()        # (text, agreed)
    visits: tuple[VisitLine, ...] = ()               # only listed when they carry details
    look_fors: tuple[LookForTally, ...] = ()
    untagged_notes: int = 0
    evidence: tuple[EvidenceGroup, ...] = ()
    patterns: tuple[PatternGroup, ...] = ()
    commitments: tuple[CommitmentLine, ...] = ()
    commitments_attributed: bool = False
    # What a commitment begins with, the protocol's "I will try" prompt ("" without one).
    commitments_words: str = "I will try…"
    # A line about the walk's protocol, e.g. that its saved copy could not be read.
    protocol_notice: str = ""
    # False for a walk whose protocol has no visits step and that has no visits: the page
    # then says nothing about visits ("Visits 0", "Outside a visit" on every note).
    has_visits: bool = True
    next_steps: tuple[str, ...] = ()
    action_items: tuple[ActionRow, ...] = ()
    phase_times: tuple[PhaseTime, ...] = ()
    feedback: tuple[FeedbackSummary, ...] = ()
    # The group's ratings of steps with rating prompts (a self-assessment such as the
    # PLC mirror), in running order; only steps with answers.
    ratings: tuple[StepRatings, ...] = ()
    # Items changed on two laptops whose versions nobody has chosen between yet.
    unresolved_conflicts: int = 0
    # Notes not printed: set aside, or flagged by the nudge or the name caution and not
    # kept by the facilitator (walkapp.note_states). A count only, never their text.
    held_back_notes: int = 0
    # The protocol's tallies across the walk (version 2), school level only: totals and
    # the spread across visits, never a visit or a person (walkapp.services.tallies).
    tallies: tuple[TallySummary, ...] = ()
    # The protocol's visit form, question by question across the walk; the answers held
    # back (set aside, flagged and not kept): a count only.
    visit_questions: tuple[VisitQuestion, ...] = ()
    held_back_answers: int = 0


# -- agenda, note-catcher and facilitator's script ---------------------------------------
# Protocol texts (scripts, prompts, roles, source) are the protocol's own immutable
# dataclasses (walkapp.protocol.schema): one definition of what a prompt is, not a copy.
@dataclass(frozen=True)
class AgendaStep:
    phase: str       # "Pre-brief", "Observation", "Post-brief"…
    title: str
    minutes: int
    detail: str = ""  # a line under the title (what the step is for)
    compact: bool = False  # route steps: the detail shares the title's line
    corridor: bool = False  # the corridor talk between two visits (a route step)
    script: str = ""                  # what the facilitator says or does
    prompts: tuple[Prompt, ...] = ()  # questions answered during the step
    # The visits step: its visits and the corridor talk between them, one line each
    # (`minutes` is then their sum).
    route: tuple[AgendaStep, ...] = ()


@dataclass(frozen=True)
class AgendaPhase:
    title: str
    steps: tuple[AgendaStep, ...]
    summary: str = ""
    # A phase held on a day of its own (version 2): that day in words; "" on the walk's.
    day: str = ""


@dataclass(frozen=True)
class AgendaData:
    walk: WalkHeading
    phases: tuple[AgendaPhase, ...]
    start: time | None = None   # None: times are shown from the start ("0:25")
    origin: str = ""            # "Steps from the protocol “…”.", printed with the source
    source: Source | None = None
    roles: tuple[Role, ...] = ()
    norms: tuple[str, ...] = ()  # printed after the running order, as a reminder

    @property
    def steps(self) -> tuple[AgendaStep, ...]:
        """Every step in running order (a visits step once, its route inside it)."""
        return tuple(step for phase in self.phases for step in phase.steps)


@dataclass(frozen=True)
class CatcherStep:
    """A step of the observation phase as the note-catcher gives it room."""

    title: str
    minutes: int | None
    prompts: tuple[Prompt, ...] = ()
    visits: bool = False  # the visits step: one block per visit goes here


@dataclass(frozen=True)
class NoteCatcherData:
    walk: WalkHeading
    norms: tuple[str, ...] = ()
    stems: tuple[tuple[str, str], ...] = ()   # (label, prompt), e.g. ("I noticed", "I noticed…")
    look_fors: tuple[LookForItem, ...] = ()
    visits: tuple[VisitLine, ...] = ()
    visit_minutes: int = 10
    # The observation phase in running order; without a visits step there are no visit
    # blocks at all (a walk planned before protocols had phases: one visits step).
    observation: tuple[CatcherStep, ...] = (CatcherStep("Classroom visits", None, (), True),)

    @property
    def has_visits(self) -> bool:
        return any(step.visits for step in self.observation)


@dataclass(frozen=True)
class ScriptData:
    """The whole protocol as a printable guide, for a walk (its snapshot) or on its own."""

    protocol: Protocol
    walk: WalkHeading | None = None
    visits: int | None = None          # visits planned on the walk; None: no walk
    route: tuple[VisitLine, ...] = ()  # the walk's visits, details as privacy allows
    visit_minutes: int = 10            # the walk's own timings when there is a walk
    corridor_minutes: int = 3


# -- across walks --------------------------------------------------------------------------
@dataclass(frozen=True)
class FollowUpLine:
    when: str   # the walk it was reviewed at: "2026-11-23 · Walk title"
    status: str
    text: str


@dataclass(frozen=True)
class TrackedAction:
    text: str
    owner: str
    due: date | None
    status: str
    origin: str  # "2026-11-02 · Walk title"
    follow_ups: tuple[FollowUpLine, ...] = ()


@dataclass(frozen=True)
class ActionTrackerData:
    items: tuple[TrackedAction, ...]
    scope: str = "All walks"   # what the tracker covers, for its subtitle
    as_of: date | None = None  # for "overdue" marks; None: today


@dataclass(frozen=True)
class JournalCommitment:
    text: str
    status: str
    review_note: str = ""
    carried: bool = False  # carried over from an earlier walk


@dataclass(frozen=True)
class JournalWalk:
    walk: WalkHeading
    commitments: tuple[JournalCommitment, ...] = ()
    reflections: tuple[tuple[str, str], ...] = ()   # (prompt, text)
    # The walk's own words for a commitment (its protocol's "I will try" prompt).
    commitments_heading: str = "I will try…"


@dataclass(frozen=True)
class JournalData:
    walker: str
    walks: tuple[JournalWalk, ...] = field(default_factory=tuple)


# How a thank-you note is signed unless the walk signs it with the walkers' names.
GROUP_SIGNATURE = N_("The learning-walk group")  # translated where used


@dataclass(frozen=True)
class ThanksData:
    walk: WalkHeading
    visit: VisitLine
    addressee: str               # "colleague", or the teacher's name if shown: "Dear …,"
    noticed: tuple[str, ...]     # descriptive "I noticed" notes from this visit
    wondering: str | None = None
    signed: str = GROUP_SIGNATURE  # or the walkers' names (build_thanks.signature)
    # The protocol's labels for those stems, in the group's voice ("We noticed…").
    noticed_heading: str = "We noticed…"
    wondering_heading: str = "We wonder…"
