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
from walkapp.formatting import N_

# The newest format this walkapp reads; the fields marked "version 2" below are read only
# from files that say schema_version = 2 (a version 1 file loads as it always did).
SCHEMA_VERSION = 2
RATING_MIN = 1
RATING_MAX = 5
# A version 2 rating scale has 2 to 10 points (`points`), each with its own label.
SCALE_POINTS_MIN = 2
SCALE_POINTS_MAX = 10
VISIT_MINUTES_MAX_V1 = 60
VISIT_MINUTES_MAX = 180  # research lessons run 70–90 minutes; version 2 allows up to 180


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
    """Who does what. In version 2 a role can be given to walkers at planning (`assign`),
    with instructions shown on that walker's laptop and carried in the walk kit."""

    key: str
    title: str
    description: str = ""
    # What a walker given this role does, shown on their laptop ("listen without speaking").
    instructions: str = ""
    # True when the facilitator gives this role to walkers at planning (version 2).
    assignable: bool = False
    # What each walker's role is about, asked at planning ("the students you follow").
    detail_label: str = ""


class StemTone(StrEnum):
    """How a protocol's stem is meant: appreciative stems (warm feedback) get the nudge's
    kinder wording; the nudge and the name caution stay on for every stem."""

    NEUTRAL = "neutral"
    APPRECIATIVE = "appreciative"


class TallyKind(StrEnum):
    """A tap counter (how many times) or a start/stop timer (how long, in seconds)."""

    COUNT = "count"
    DURATION = "duration"


class RotateBy(StrEnum):
    """Who takes each turn of a step's rounds: the walkers in turn, or nobody in particular."""

    WALKERS = "walkers"
    NONE = "none"


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
    # Version 2 rating scales: the number of points (2–10), a label for each point (empty,
    # or one per point), and whether "not applicable" may be chosen.
    points: int = RATING_MAX
    point_labels: tuple[str, ...] = ()
    not_applicable: bool = False

    def point_label(self, value: int) -> str:
        """The words for point `value` (1-based): its own label, else the end labels."""
        if self.point_labels and 1 <= value <= len(self.point_labels):
            return self.point_labels[value - 1]
        if value == RATING_MIN:
            return self.low_label
        return self.high_label if value == self.points else ""


@dataclass(frozen=True)
class FeedbackQuestion(Prompt):
    """A closing feedback question; shaped like a prompt so answers are checked alike."""


@dataclass(frozen=True)
class RoleScript:
    """What walkers with one role do during a step (version 2): shown to them, and to the
    facilitator beside the step's script."""

    role: str
    script: str


@dataclass(frozen=True)
class Turns:
    """Repeated rounds inside a step (version 2): `count` turns of `minutes` each, e.g.
    microlabs' three 2-minute turns per question, with who speaks rotating."""

    count: int
    minutes: int
    rotate: RotateBy = RotateBy.WALKERS
    label: str = ""  # what one turn is called on screen ("turn", "speaker"); "" → "Turn"

    @property
    def total_minutes(self) -> int:
        return self.count * self.minutes


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    # Planned minutes; None only for a `visits` step, whose time comes from the route.
    minutes: int | None
    activity: Activity = Activity.NONE
    script: str = ""
    prompts: tuple[Prompt, ...] = ()
    # Version 2: a step the facilitator may leave out at planning (`optional`), and whether
    # it is in the plan until they do (`included`).
    optional: bool = False
    included: bool = True
    turns: Turns | None = None
    role_scripts: tuple[RoleScript, ...] = ()

    def prompt(self, key: str) -> Prompt | None:
        return next((p for p in self.prompts if p.key == key), None)

    def role_script(self, role: str) -> str:
        return next((r.script for r in self.role_scripts if r.role == role), "")


@dataclass(frozen=True)
class Phase:
    key: PhaseKey
    title: str
    steps: tuple[Step, ...]
    summary: str = ""
    # Version 2: the phase is held on a date of its own, chosen at planning (the post-brief
    # the next day); `days_after` is the default gap from the walk's date.
    another_day: bool = False
    days_after: int = 0

    @property
    def planned_minutes(self) -> int:
        """Planned minutes of the timed steps (a route-timed visits step counts as 0)."""
        return sum(s.minutes or 0 for s in self.steps)


@dataclass(frozen=True)
class StemSpec:
    """How one note stem is offered to walkers in this protocol. A version 2 protocol may
    define stems of its own (`key`, e.g. "warm"), each written `like` one of walkapp's four
    (`stem`), which is what older readers and merges go by."""

    stem: Stem
    label: str
    prompt: str
    key: str = ""
    tone: StemTone = StemTone.NEUTRAL

    @property
    def stem_key(self) -> str:
        """The key notes are stored under: the protocol's own, else the stem's."""
        return self.key or self.stem.value


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
    # A version 2 protocol's own stage ("warm-feedback", "raise-questions"), written `like`
    # one of the four kinds (`kind`); several stages may share a kind.
    key: str = ""

    @property
    def stage_key(self) -> str:
        return self.key or self.kind.value


@dataclass(frozen=True)
class Tally:
    """A count or a timed duration each walker keeps per visit (version 2). Shown only as
    school-level totals and distributions, never ranked by visit or teacher."""

    key: str
    label: str
    kind: TallyKind = TallyKind.COUNT
    description: str = ""
    # One key to press during a visit (a letter or digit), unique in the protocol.
    shortcut: str = ""


@dataclass(frozen=True)
class VariantOption:
    key: str
    title: str
    description: str = ""
    steps: tuple[str, ...] = ()  # step keys this option runs (the others' are left out)


@dataclass(frozen=True)
class Variant:
    """A choice made at planning between forms of part of the walk (version 2), e.g. three
    peer-feedback forms: the steps of the options not chosen are left out."""

    key: str
    title: str
    options: tuple[VariantOption, ...]
    description: str = ""
    default: str = ""  # the option chosen until the facilitator picks (its key)

    @property
    def default_option(self) -> VariantOption:
        return next((o for o in self.options if o.key == self.default), self.options[0])


# walkapp's usual four stages, for a protocol that gives no `[[debrief_sequence]]` (the
# one place they are written; read through `Protocol.debrief_stages()`).
DEFAULT_DEBRIEF: tuple[DebriefStage, ...] = (
    # English, marked for the catalogue (N_): shown through tr() where they are drawn.
    DebriefStage(PatternKind.DESCRIBE, PATTERN_LABELS[PatternKind.DESCRIBE],
                 N_("What did we see and hear across the rooms? Only what a camera could "
                    "have recorded.")),
    DebriefStage(PatternKind.ANALYSE, PATTERN_LABELS[PatternKind.ANALYSE],
                 N_("What connects the evidence? Which patterns go together, and why might "
                    "that be?")),
    DebriefStage(PatternKind.PREDICT, PATTERN_LABELS[PatternKind.PREDICT],
                 N_("If students did everything asked of them in these rooms, what would "
                    "they learn to do?")),
    DebriefStage(PatternKind.NEXT_LEVEL, PATTERN_LABELS[PatternKind.NEXT_LEVEL],
                 N_("What do we — walkers and school — need to learn or try next?")),
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
    # Version 2 (empty or off for a version 1 file).
    visit_form: tuple[Prompt, ...] = ()
    tallies: tuple[Tally, ...] = ()
    variants: tuple[Variant, ...] = ()
    # Corridor time after the last visit too (walking back, a first word in the hall).
    corridor_after_last: bool = False

    def role(self, key: str) -> Role | None:
        return next((r for r in self.roles if r.key == key), None)

    def assignable_roles(self) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if r.assignable)

    def stem_spec_by_key(self, key: str) -> StemSpec | None:
        """The stem stored under `key` (a protocol's own key or one of the four)."""
        return next((s for s in self.stems if s.stem_key == key), None)

    def debrief_stage_by_key(self, key: str) -> DebriefStage | None:
        return next((s for s in self.debrief_stages() if s.stage_key == key), None)

    def tally(self, key: str) -> Tally | None:
        return next((t for t in self.tallies if t.key == key), None)

    def variant(self, key: str) -> Variant | None:
        return next((v for v in self.variants if v.key == key), None)

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
