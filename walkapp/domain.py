"""The walk as plain, immutable data: what services hand to the CLI, reports and screens.

Nothing here knows about the database. Names follow the users' words: walk, visit, walker,
note, look-for, norm, commitment, action item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from walkapp import formatting as fmt
from walkapp.events import Entity


class Role(StrEnum):
    FACILITATOR = "facilitator"
    WALKER = "walker"


class WalkStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class LocalMode(StrEnum):
    """Whose laptop the walk is on: the facilitator's, or one walker's (walker mode)."""

    FACILITATOR = "facilitator"
    WALKER = "walker"


class Stem(StrEnum):
    """How a note begins; the stems keep notes descriptive and forward-looking."""

    NOTICED = "noticed"
    WONDER = "wonder"
    WILL_TRY = "will_try"
    QUESTION = "question"

    @property
    def label(self) -> str:
        return fmt.tr(STEM_LABELS[self])

    @property
    def prompt(self) -> str:
        return fmt.tr(STEM_PROMPTS[self])


# English, marked for the catalogue; `label` and `prompt` say them in the language in force.
STEM_LABELS = {
    Stem.NOTICED: fmt.N_("I noticed"),
    Stem.WONDER: fmt.N_("I wonder"),
    Stem.WILL_TRY: fmt.N_("I will try"),
    Stem.QUESTION: fmt.N_("Question"),
}
STEM_PROMPTS = {
    Stem.NOTICED: fmt.N_("I noticed…"),
    Stem.WONDER: fmt.N_("I wonder…"),
    Stem.WILL_TRY: fmt.N_("I will try…"),
    Stem.QUESTION: fmt.N_("A question I have…"),
}


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class CommitmentStatus(StrEnum):
    OPEN = "open"
    TRIED = "tried"
    DROPPED = "dropped"


class PatternKind(StrEnum):
    """The post-brief order: description before analysis, analysis before prediction."""

    DESCRIBE = "describe"
    ANALYSE = "analyse"
    PREDICT = "predict"
    NEXT_LEVEL = "next_level"

    @property
    def label(self) -> str:
        return fmt.tr(PATTERN_LABELS[self])


PATTERN_LABELS = {
    PatternKind.DESCRIBE: fmt.N_("Describe"),
    PatternKind.ANALYSE: fmt.N_("Analyse"),
    PatternKind.PREDICT: fmt.N_("Predict"),
    PatternKind.NEXT_LEVEL: fmt.N_("Next level of work"),
}

GROUP_MIN = 3
GROUP_MAX = 6


@dataclass(frozen=True)
class WalkSummary:
    id: str
    title: str
    walk_date: date
    school: str | None
    protocol_id: str
    status: WalkStatus
    current_phase: str
    walker_count: int
    visit_count: int
    note_count: int
    local_mode: LocalMode
    updated_at: datetime
    # Set only on lists that include the Trash (a purge's listing): when it was deleted.
    trashed_at: datetime | None = None


@dataclass(frozen=True)
class Participant:
    id: str
    walk_id: str
    display_name: str
    role: Role
    group_id: str | None
    person_id: str | None
    position: int
    # The protocol's role given to them at planning (a `[[roles]]` key with `assign`; None:
    # none) and what it is about for them ("the two students by the window"); see
    # walkapp.protocol.roles.
    protocol_role: str | None = None
    role_detail: str = ""


@dataclass(frozen=True)
class Group:
    id: str
    walk_id: str
    name: str
    position: int
    member_ids: tuple[str, ...] = ()

    @property
    def size_warning(self) -> str | None:
        """A gentle warning when the group is outside the 3–6 walkers that work well."""
        size = len(self.member_ids)
        if size < GROUP_MIN or size > GROUP_MAX:
            return fmt.plural(size, "{group} has {n} walker; groups of {low}–{high} work best.",
                              "{group} has {n} walkers; groups of {low}–{high} work best.",
                              ).format(group=self.name, low=GROUP_MIN, high=GROUP_MAX)
        return None


@dataclass(frozen=True)
class Visit:
    id: str
    walk_id: str
    position: int
    room: str | None = None
    grade: str | None = None
    subject: str | None = None
    teacher_name: str | None = None
    # Removed from the route: a tombstone kept for the notes written on it (see
    # storage.models.Visit.deleted_at). `position` is the number it had then.
    removed: bool = False

    @property
    def label(self) -> str:
        """Visits are numbered, not named. A removed visit says so, with the number it had
        when walkers wrote on it (a number the route may have given to another visit)."""
        if self.removed:
            return (fmt.tr("Removed visit (was visit {number})").format(number=self.position)
                    if self.position > 0 else fmt.tr("Removed visit"))
        return fmt.tr("Visit {number}").format(number=self.position)

    def details(self, *, show_teacher: bool = False) -> str:
        """The visit's details joined in their declared order ("Room 4 · Year 5"); a
        teacher-name field only with `show_teacher` (the facilitator's own screens show
        the rest; outputs redact first, see walkapp.privacy)."""
        from walkapp import visit_fields as vf

        parts = [str(value) for f in vf.VISIT_FIELDS
                 if (value := getattr(self, f.name, None))
                 and (show_teacher or f.gate is not vf.Gate.TEACHER_NAMES)]
        return " · ".join(parts)


@dataclass(frozen=True)
class LookFor:
    id: str
    walk_id: str
    position: int
    text: str
    description: str = ""


@dataclass(frozen=True)
class Norm:
    id: str
    walk_id: str
    position: int
    text: str
    agreed: bool


@dataclass(frozen=True)
class Note:
    id: str
    walk_id: str
    author_id: str | None
    visit_id: str | None
    phase: str | None
    stem: Stem
    text: str
    look_for_ids: tuple[str, ...]
    revision: int
    created_at: datetime
    updated_at: datetime
    # Set on a conflict copy: the id of the note (family) it is another version of.
    conflict_of: str | None = None
    # The protocol's own stem the note was written with ("warm"; version 2 protocols), or
    # "" for one of the four (`stem` is then all there is). `stem` is always the one of the
    # four it is written like, which older readers go by.
    stem_key: str = ""
    # Set on an answer to the visit form: the prompt's key (walkapp.forms). Answers are
    # listed apart from notes (NoteService.list_answers, WalkRecord.answers).
    form_key: str | None = None

    @property
    def family(self) -> str:
        """The note this row is a version of: itself, or the one it is a conflict copy of."""
        return self.conflict_of or self.id


@dataclass(frozen=True)
class HistoryEntry:
    """One text a note has shown, oldest first; the last entry is what it shows now.

    Earlier texts are kept only when someone other than the note's author replaced them
    (the facilitator editing a walker's note): see `walkapp.services.history`.
    """

    text: str
    author_id: str | None         # who wrote this text; None = the facilitator
    author_name: str | None       # from the roster; None = the facilitator
    written_at: datetime
    changed_by_id: str | None     # who replaced it; None = the facilitator (or current)
    changed_by_name: str | None
    changed_at: datetime | None   # None for the current text
    current: bool


@dataclass(frozen=True)
class Reflection:
    id: str
    walk_id: str
    author_id: str | None
    prompt: str
    text: str
    revision: int
    updated_at: datetime
    conflict_of: str | None = None  # see Note.conflict_of

    @property
    def family(self) -> str:
        return self.conflict_of or self.id


@dataclass(frozen=True)
class Commitment:
    id: str
    walk_id: str
    participant_id: str
    text: str
    status: CommitmentStatus
    review_note: str
    carried_from_id: str | None
    revision: int
    updated_at: datetime
    conflict_of: str | None = None  # see Note.conflict_of

    @property
    def family(self) -> str:
        return self.conflict_of or self.id


@dataclass(frozen=True)
class FollowUp:
    id: str
    action_item_id: str
    walk_id: str
    text: str
    status: ActionStatus
    created_at: datetime


@dataclass(frozen=True)
class ActionItem:
    id: str
    origin_walk_id: str
    text: str
    owner_name: str
    due_date: date | None
    status: ActionStatus
    position: int
    follow_ups: tuple[FollowUp, ...] = ()


@dataclass(frozen=True)
class Pattern:
    id: str
    walk_id: str
    kind: PatternKind
    text: str
    position: int
    # The protocol's own debrief stage ("raise-questions"; version 2), or "" for the stage
    # of `kind` itself. Several stages may share a kind.
    stage_key: str = ""

    @property
    def stage(self) -> str:
        """The stage the statement belongs to: its own key, else its kind's."""
        return self.stage_key or self.kind.value


@dataclass(frozen=True)
class NextStep:
    id: str
    walk_id: str
    text: str
    position: int


@dataclass(frozen=True)
class Feedback:
    id: str
    walk_id: str
    author_id: str | None
    question_key: str
    question: str
    answer: str
    rating: int | None
    conflict_of: str | None = None  # see Note.conflict_of
    # "Not applicable" chosen on a scale that offers it (then `rating` is None).
    not_applicable: bool = False

    @property
    def family(self) -> str:
        return self.conflict_of or self.id


@dataclass(frozen=True)
class ConflictSide:
    """One version in a conflict: what one laptop made of a note (reflection…)."""

    row_id: str              # the row showing this version
    author_name: str | None  # from the roster; None = facilitator / anonymous
    text: str                # note/reflection/commitment text, or the feedback answer
    updated_at: datetime
    deleted: bool            # this side is a deletion (the other laptop deleted it)
    current: bool            # the row at the family id (the one lists show first)


@dataclass(frozen=True)
class Conflict:
    """A note (reflection, commitment, feedback answer) changed on two laptops since they
    parted: every version is kept side by side until someone resolves it."""

    entity: Entity           # NOTE, REFLECTION, COMMITMENT or FEEDBACK
    family: str              # the conflict's id (the family id)
    walk_id: str
    label: str               # short human description, e.g. 'note on Visit 2 (Maths)'
    visit_id: str | None
    sides: tuple[ConflictSide, ...]   # two or more


@dataclass(frozen=True)
class PhaseLogEntry:
    id: str
    walk_id: str
    phase: str
    step_index: int
    step_key: str
    step_title: str
    planned_seconds: int
    extended_seconds: int
    started_at: datetime | None
    ended_at: datetime | None
    active_seconds: int
    outcome: str


@dataclass(frozen=True)
class Walk:
    """A walk's plan: everything decided before the first classroom visit."""

    id: str
    title: str
    walk_date: date
    school: str | None
    focus: str
    language: str
    protocol_id: str
    protocol_version: str
    protocol_hash: str
    status: WalkStatus
    current_phase: str
    current_step: int
    visit_minutes: int
    corridor_minutes: int
    show_teacher_names: bool
    attribute_commitments: bool
    include_visit_details: bool
    # Off: thank-you notes are signed by the group; on: with the walkers' names.
    sign_thank_you_with_names: bool
    local_mode: LocalMode
    local_participant_id: str | None
    created_at: datetime
    updated_at: datetime
    participants: tuple[Participant, ...] = ()
    groups: tuple[Group, ...] = ()
    visits: tuple[Visit, ...] = ()
    look_fors: tuple[LookFor, ...] = ()
    norms: tuple[Norm, ...] = ()
    # Visits removed from the route whose rows stay for their notes; never in `visits`.
    removed_visits: tuple[Visit, ...] = ()
    # The series the walk belongs to (the id of its first walk); None: not in a series.
    series_id: str | None = None
    # The choices made at planning (optional steps, variants, phases on another day) as
    # stored: JSON read by walkapp.protocol.choices.read (which needs the protocol to say
    # what they mean); "" when none were made.
    plan_choices: str = ""

    @property
    def walkers(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.role is Role.WALKER)

    @property
    def facilitators(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.role is Role.FACILITATOR)

    def participant(self, participant_id: str | None) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    def visit(self, visit_id: str | None) -> Visit | None:
        """The visit with this id: on the route, or removed (its `removed` says so)."""
        return next((v for v in (*self.visits, *self.removed_visits) if v.id == visit_id),
                    None)


@dataclass(frozen=True)
class NoteReview:
    """The facilitator's decision on one note at the evidence wall (`walkapp.note_states`):
    `state` "kept" (in the record although flagged) or "set_aside" (never in a record).
    `text_hash`: for "kept", the hash of the text the decision was made on (None: any)."""

    note_id: str
    state: str
    text_hash: str | None = None
    decided_at: datetime | None = None


@dataclass(frozen=True)
class WalkRecord:
    """A walk with everything recorded during it: the input for reports and exports."""

    walk: Walk
    notes: tuple[Note, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    action_items: tuple[ActionItem, ...] = ()
    patterns: tuple[Pattern, ...] = ()
    next_steps: tuple[NextStep, ...] = ()
    feedback: tuple[Feedback, ...] = ()
    phase_log: tuple[PhaseLogEntry, ...] = ()
    # The facilitator's decisions on notes (walkapp.note_states decides from these which
    # notes are in the record) and the notes whose text the facilitator changed.
    reviews: tuple[NoteReview, ...] = ()
    rewritten: tuple[str, ...] = ()
    # Answers to the visit form (notes with a form key; walkapp.forms), kept out of
    # `notes`: records show them only as school-level evidence, never per visit.
    answers: tuple[Note, ...] = ()
