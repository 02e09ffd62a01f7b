"""A protocol as plain, immutable data: phases of timed steps, prompts, norms, stems,
look-for sets, the debrief sequence and closing feedback questions.

These classes are what the loader builds from a `protocols/<id>.toml` file and what a walk's
snapshot turns back into. Nothing here reads files or touches the database. The format
itself is documented for facilitators in `protocols/README.md`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from walkapp.domain import PATTERN_LABELS, PatternKind, Stem

SCHEMA_VERSION = 1
RATING_MIN = 1
RATING_MAX = 5


class PhaseKey(StrEnum):
    """The fixed places a step can sit; a protocol gives each phase its own title."""

    OPENER = "opener"
    PRE_BRIEF = "pre_brief"
    OBSERVATION = "observation"
    POST_BRIEF = "post_brief"
    CLOSING = "closing"

    @property
    def default_title(self) -> str:
        return PHASE_TITLES[self]


PHASE_TITLES = {
    PhaseKey.OPENER: "Opener",
    PhaseKey.PRE_BRIEF: "Pre-brief",
    PhaseKey.OBSERVATION: "Observation",
    PhaseKey.POST_BRIEF: "Post-brief",
    PhaseKey.CLOSING: "Closing",
}
REQUIRED_PHASES = (PhaseKey.PRE_BRIEF, PhaseKey.OBSERVATION, PhaseKey.POST_BRIEF)


class Activity(StrEnum):
    """The app feature a step uses, so the screen can show the right editor inside it."""

    # pre-brief
    OPENER = "opener"
    FOCUS = "focus"
    LOOK_FORS = "look_fors"
    NORMS = "norms"
    ROSTER = "roster"
    ROUTE = "route"
    REVIEW = "review"  # open commitments and action items from earlier walks
    STEMS = "stems"
    LOGISTICS = "logistics"
    # observation
    VISITS = "visits"
    # post-brief
    EVIDENCE_WALL = "evidence_wall"
    CALIBRATION = "calibration"
    PATTERNS = "patterns"
    COMMITMENTS = "commitments"
    NEXT_STEPS = "next_steps"
    ACTION_ITEMS = "action_items"
    FEEDBACK = "feedback"
    REFLECTION = "reflection"
    # script and prompts only
    NONE = "none"


class PromptKind(StrEnum):
    """What an answer looks like: free text, a list of lines, one option, 1–5, or ticks."""

    TEXT = "text"
    LIST = "list"
    CHOICE = "choice"
    RATING = "rating"
    CHECKLIST = "checklist"


@dataclass(frozen=True)
class Source:
    """Where a protocol comes from; built-ins always cite the published form they adapt."""

    citation: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Role:
    key: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Prompt:
    """A question stem inside a step, and the kind of answer it collects."""

    key: str
    text: str
    kind: PromptKind = PromptKind.TEXT
    options: tuple[str, ...] = ()
    # Words shown at the ends of a 1–5 scale (rating prompts only).
    low_label: str = ""
    high_label: str = ""


@dataclass(frozen=True)
class FeedbackQuestion(Prompt):
    """A closing feedback question; shaped like a prompt so answers are checked alike."""


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    # Planned minutes; None only for a `visits` step, whose time comes from the route.
    minutes: int | None
    activity: Activity = Activity.NONE
    script: str = ""
    prompts: tuple[Prompt, ...] = ()

    def prompt(self, key: str) -> Prompt | None:
        return next((p for p in self.prompts if p.key == key), None)


@dataclass(frozen=True)
class Phase:
    key: PhaseKey
    title: str
    steps: tuple[Step, ...]
    summary: str = ""

    @property
    def planned_minutes(self) -> int:
        """Planned minutes of the timed steps (a route-timed visits step counts as 0)."""
        return sum(s.minutes or 0 for s in self.steps)


@dataclass(frozen=True)
class StemSpec:
    """How one note stem is offered to walkers in this protocol."""

    stem: Stem
    label: str
    prompt: str


@dataclass(frozen=True)
class LookForItem:
    text: str
    description: str = ""


@dataclass(frozen=True)
class LookForSet:
    key: str
    title: str
    items: tuple[LookForItem, ...]
    description: str = ""


@dataclass(frozen=True)
class DebriefStage:
    """One stage of the post-brief talk: describe → analyse → predict → next level."""

    kind: PatternKind
    title: str
    prompt: str


# walkapp's usual four stages, for a protocol that gives no `[[debrief_sequence]]` (the
# one place they are written; read through `Protocol.debrief_stages()`).
DEFAULT_DEBRIEF: tuple[DebriefStage, ...] = (
    DebriefStage(PatternKind.DESCRIBE, PATTERN_LABELS[PatternKind.DESCRIBE],
                 "What did we see and hear across the rooms? Only what a camera could have "
                 "recorded."),
    DebriefStage(PatternKind.ANALYSE, PATTERN_LABELS[PatternKind.ANALYSE],
                 "What connects the evidence? Which patterns go together, and why might "
                 "that be?"),
    DebriefStage(PatternKind.PREDICT, PATTERN_LABELS[PatternKind.PREDICT],
                 "If students did everything asked of them in these rooms, what would they "
                 "learn to do?"),
    DebriefStage(PatternKind.NEXT_LEVEL, PATTERN_LABELS[PatternKind.NEXT_LEVEL],
                 "What do we — walkers and school — need to learn or try next?"),
)


@dataclass(frozen=True)
class Protocol:
    schema_version: int
    id: str
    version: str
    title: str
    language: str
    summary: str
    source: Source | None
    based_on: str
    roles: tuple[Role, ...]
    group_min: int
    group_max: int
    visit_minutes: int
    corridor_minutes: int
    norms: tuple[str, ...]
    stems: tuple[StemSpec, ...]
    look_for_sets: tuple[LookForSet, ...]
    debrief_sequence: tuple[DebriefStage, ...]
    feedback: tuple[FeedbackQuestion, ...]
    phases: tuple[Phase, ...]

    def phase(self, key: PhaseKey | str) -> Phase | None:
        return next((p for p in self.phases if p.key == key), None)

    def steps(self) -> Iterator[tuple[Phase, int, Step]]:
        """Every step in running order, with its phase and its index inside the phase."""
        for phase in self.phases:
            for index, step in enumerate(phase.steps):
                yield phase, index, step

    def step(self, key: str) -> Step | None:
        return next((s for _, _, s in self.steps() if s.key == key), None)

    def look_for_set(self, key: str) -> LookForSet | None:
        return next((s for s in self.look_for_sets if s.key == key), None)

    # Words for a stem or a debrief stage: the protocol's own, else walkapp's (the loader's
    # defaults, walkapp.domain). Reports ask here so that they never carry a copy.
    def stem_spec(self, stem: Stem) -> StemSpec | None:
        """How the protocol offers `stem`; None when it does not offer it."""
        return next((s for s in self.stems if s.stem is stem), None)

    def stem_label(self, stem: Stem) -> str:
        """The protocol's label for `stem`, or walkapp's for a stem it does not offer (a
        note written with it before, or merged from another laptop)."""
        spec = self.stem_spec(stem)
        return spec.label if spec is not None else stem.label

    def stem_order(self) -> tuple[Stem, ...]:
        """Every stem: the protocol's in its order, then the others in walkapp's."""
        offered = tuple(s.stem for s in self.stems)
        return offered + tuple(s for s in Stem if s not in offered)

    def debrief_stages(self) -> tuple[DebriefStage, ...]:
        """The stages in talk order: the protocol's, or walkapp's usual four when it gives
        no sequence."""
        return self.debrief_sequence or DEFAULT_DEBRIEF

    def debrief_stage(self, kind: PatternKind) -> DebriefStage | None:
        """The stage of `kind`; None when the protocol's sequence leaves the kind out."""
        return next((s for s in self.debrief_stages() if s.kind is kind), None)

    def debrief_kinds(self) -> tuple[PatternKind, ...]:
        """The stages' kinds in talk order."""
        return tuple(s.kind for s in self.debrief_stages())

    def debrief_title(self, kind: PatternKind) -> str | None:
        """The title of the stage of `kind`; None when the protocol's sequence leaves the
        kind out."""
        stage = self.debrief_stage(kind)
        return stage.title if stage is not None else None

    @property
    def has_visits(self) -> bool:
        """True when the protocol walks into rooms (it has a `visits` step)."""
        return any(s.activity is Activity.VISITS for _, _, s in self.steps())

    @property
    def planned_minutes(self) -> int:
        return sum(p.planned_minutes for p in self.phases)
