"""A series' trends, school level only: what the group's walks show over a term.

Three pictures, walk by walk, read for one series (`walkapp.services.series`):

- **Look-for evidence**: for each look-for of the series' walks, how many notes in the
  record were tagged with it at each walk. Notes a record holds back (flagged and not
  kept, set aside: `walkapp.note_states`) are not counted, as in every record; how many
  were held back is a count of its own. Look-fors are matched across walks by their words
  (case and spaces apart), so a look-for renamed between walks is two rows.
- **Ratings** (the PLC mirror, or any step with rating statements): each statement's
  group distribution per session, on that walk's own scale. A session with fewer than
  `MIN_ANSWERS` ratings of a statement shows no distribution and no average at all —
  "too few answers to show" — so that one walker's rating can never be read off. The
  figures for such a session never leave this module: a caller cannot print them by
  mistake.
- **Follow-through**: commitments tried, not yet tried and set aside, and action items
  done, open, overdue and dropped, as group totals per walk. Nothing is by walker: each
  walker's own commitments are only in their growth journal.

Nothing here names a teacher, a room, a visit, a walker or a person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from walkapp import domain as d
from walkapp import note_states
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.schema import PromptKind, Protocol
from walkapp.services import Services
from walkapp.services.responses import RatingPoint
from walkapp.services.series import Series, SeriesWalk

# The fewest ratings of one statement in one session that are shown as a distribution.
MIN_ANSWERS = 3


@dataclass(frozen=True)
class TrendWalk:
    """A walk of the series as the trends name it: "Walk 2 · 9 Nov"."""

    id: str
    number: int
    walk_date: date
    title: str


@dataclass(frozen=True)
class LookForTrend:
    text: str
    # Notes in the record tagged with it, walk by walk; None: not a look-for of that walk.
    counts: tuple[int | None, ...]


@dataclass(frozen=True)
class RatingSession:
    """One statement in one session, as a group figure — or, with too few ratings, only
    how many there were."""

    rated: int                               # ratings on the scale ("not applicable" apart)
    top: int                                 # the scale's top point that session
    distribution: tuple[int, ...] | None = None  # how many gave 1…top; None: too few
    not_applicable: int | None = None
    mean: float | None = None
    labels: tuple[str, ...] = ()             # each point's words, as that walk's protocol

    @property
    def shown(self) -> bool:
        return self.distribution is not None

    @classmethod
    def of(cls, point: RatingPoint, minimum: int = MIN_ANSWERS) -> RatingSession:
        top = len(point.distribution)
        if point.count < minimum:
            # Only the count: no point, no "not applicable", no average, no labels.
            return cls(rated=point.count, top=top)
        return cls(rated=point.count, top=top, distribution=tuple(point.distribution),
                   not_applicable=point.not_applicable, mean=point.mean,
                   labels=tuple(point.labels))


@dataclass(frozen=True)
class StatementTrend:
    step: str        # the step's title (the newest walk's words)
    key: str         # "step-key/prompt-key"
    text: str        # the statement (the newest walk's words)
    sessions: tuple[RatingSession | None, ...]  # walk by walk; None: not rated then


@dataclass(frozen=True)
class FollowThrough:
    """One walk's commitments and action items, as group totals."""

    tried: int = 0
    not_yet: int = 0       # open: not yet reviewed as tried
    set_aside: int = 0     # dropped
    done: int = 0
    open: int = 0          # open action items, overdue ones included
    overdue: int = 0
    dropped: int = 0

    @property
    def commitments(self) -> int:
        return self.tried + self.not_yet + self.set_aside

    @property
    def actions(self) -> int:
        return self.done + self.open + self.dropped


@dataclass(frozen=True)
class SeriesTrends:
    series_id: str
    name: str
    walks: tuple[TrendWalk, ...]
    look_fors: tuple[LookForTrend, ...] = ()
    held_back: tuple[int, ...] = ()          # notes held back, walk by walk (a count)
    statements: tuple[StatementTrend, ...] = ()
    follow_through: tuple[FollowThrough, ...] = ()
    in_series: bool = True                   # False: one walk never planned again
    as_of: date | None = None

    @property
    def empty(self) -> bool:
        """Nothing to draw: no note tagged, no rating, no commitment, no action item."""
        return (not any(c for t in self.look_fors for c in t.counts)
                and not self.statements
                and not any(f.commitments or f.actions for f in self.follow_through))


@dataclass(frozen=True)
class SeriesRead:
    """What the trends and the series report are made from, read once."""

    series: Series
    in_series: bool
    records: tuple[d.WalkRecord, ...]           # in the series' order
    protocols: tuple[Protocol | None, ...]      # each walk's (None: unreadable)


def read_series(services: Services, walk_id: str) -> SeriesRead:
    """The series of `walk_id` (just the walk, when it is in none), every walk's record and
    protocol. Walks in the Trash are not part of it."""
    from walkapp.services.protocol_walks import walk_protocol

    series = services.series.series_of(walk_id)
    in_series = series is not None
    if series is None:
        walk = services.walks.get_walk(walk_id)
        series = Series(walk.id, (SeriesWalk(walk.id, walk.title, walk.walk_date,
                                             walk.status),))
    records = tuple(services.records.walk_record(w.id) for w in series.walks)
    protocols: list[Protocol | None] = []
    for w in series.walks:
        try:
            protocols.append(walk_protocol(services, w.id))
        except ProtocolError:
            protocols.append(None)
    return SeriesRead(series, in_series, records, tuple(protocols))


def series_trends(services: Services, walk_id: str, today: date | None = None
                  ) -> SeriesTrends:
    """The trends of `walk_id`'s series (one walk's figures when it is in none)."""
    read = read_series(services, walk_id)
    points = rating_points(services, read)
    return trends_from(read, points, today or date.today())


def rating_points(services: Services, read: SeriesRead) -> list[RatingPoint]:
    """The series' group ratings of every rating step its walks' protocols have."""
    ids = [r.walk.id for r in read.records]
    steps: dict[str, set[str]] = {}
    for record, protocol in zip(read.records, read.protocols, strict=True):
        for key in _rating_steps(protocol):
            steps.setdefault(record.walk.protocol_id, set()).add(key)
    out: list[RatingPoint] = []
    for protocol_id, keys in sorted(steps.items()):
        for key in sorted(keys):
            out += [replace_key(p, key) for p in services.responses.rating_history(
                protocol_id, key, walk_ids=ids)]
    return out


def replace_key(point: RatingPoint, step_key: str) -> RatingPoint:
    """`point` with its prompt key qualified by its step ("ratings/shared-vision")."""
    from dataclasses import replace

    return replace(point, prompt_key=f"{step_key}/{point.prompt_key}")


def _rating_steps(protocol: Protocol | None) -> tuple[str, ...]:
    if protocol is None:
        return ()
    return tuple(step.key for _, _, step in protocol.steps()
                 if any(p.kind is PromptKind.RATING for p in step.prompts))


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def trends_from(read: SeriesRead, points: Sequence[RatingPoint], today: date
                ) -> SeriesTrends:
    walks = tuple(TrendWalk(w.id, n, w.walk_date, w.title)
                  for n, w in enumerate(read.series.walks, start=1))
    look_fors, held = _look_fors(read.records)
    return SeriesTrends(
        series_id=read.series.id, name=read.series.name, walks=walks,
        look_fors=look_fors, held_back=held,
        statements=_statements(read, points),
        follow_through=_follow_through(read.records, today),
        in_series=read.in_series, as_of=today)


def _look_fors(records: Sequence[d.WalkRecord]
               ) -> tuple[tuple[LookForTrend, ...], tuple[int, ...]]:
    order: dict[str, str] = {}  # matched words → the newest walk's text
    per_walk: list[dict[str, int]] = []
    held: list[int] = []
    for record in records:
        printable = note_states.for_print(record)
        held.append(printable.held_back)
        counts: dict[str, int] = {}
        ids: dict[str, str] = {}
        for look_for in record.walk.look_fors:
            words = _words(look_for.text)
            if not words:
                continue
            order[words] = look_for.text.strip()
            ids[look_for.id] = words
            counts.setdefault(words, 0)
        for note in printable.notes:
            # A note tagged twice with look-fors of the same words counts once.
            for words in {ids[i] for i in note.look_for_ids if i in ids}:
                counts[words] += 1
        per_walk.append(counts)
    trends = tuple(LookForTrend(text, tuple(c.get(words) for c in per_walk))
                   for words, text in order.items())
    return trends, tuple(held)


def _statements(read: SeriesRead, points: Sequence[RatingPoint]
                ) -> tuple[StatementTrend, ...]:
    index = {r.walk.id: i for i, r in enumerate(read.records)}
    texts: dict[str, tuple[str, str]] = {}
    # In running order of each walk's protocol; a later walk's words win.
    for protocol in read.protocols:
        if protocol is None:
            continue
        for _phase, _i, step in protocol.steps():
            for prompt in step.prompts:
                if prompt.kind is PromptKind.RATING:
                    texts[f"{step.key}/{prompt.key}"] = (step.title, prompt.text)
    sessions: dict[str, list[RatingSession | None]] = {}
    for point in points:
        if point.walk_id not in index:
            continue
        row = sessions.setdefault(point.prompt_key, [None] * len(read.records))
        row[index[point.walk_id]] = RatingSession.of(point)
    keys = [k for k in texts if k in sessions] + sorted(k for k in sessions if k not in texts)
    return tuple(StatementTrend(step=texts.get(k, ("", ""))[0], key=k,
                                text=texts.get(k, ("", k.partition("/")[2]))[1],
                                sessions=tuple(sessions[k])) for k in keys)


def _follow_through(records: Sequence[d.WalkRecord], today: date
                    ) -> tuple[FollowThrough, ...]:
    # A commitment carried forward into a later walk is the same commitment: it counts
    # once, at the walk it was made, with how its carried copy went.
    every = {c.id: c for r in records for c in r.commitments if c.conflict_of is None}
    status: dict[str, d.CommitmentStatus] = {i: c.status for i, c in every.items()}
    carried: set[str] = set()
    for c in sorted(every.values(), key=lambda c: c.updated_at):
        origin = c.carried_from_id
        if origin and origin in every:
            carried.add(c.id)
            root = origin
            while every[root].carried_from_id in every:
                root = every[root].carried_from_id or root
            status[root] = c.status
    out = []
    for record in records:
        mine = [c for c in record.commitments
                if c.conflict_of is None and c.id not in carried and c.text.strip()]
        counted = [status[c.id] for c in mine]
        actions = record.action_items
        open_items = [a for a in actions if a.status is d.ActionStatus.OPEN]
        out.append(FollowThrough(
            tried=counted.count(d.CommitmentStatus.TRIED),
            not_yet=counted.count(d.CommitmentStatus.OPEN),
            set_aside=counted.count(d.CommitmentStatus.DROPPED),
            done=sum(1 for a in actions if a.status is d.ActionStatus.DONE),
            open=len(open_items),
            overdue=sum(1 for a in open_items if a.due_date and a.due_date < today),
            dropped=sum(1 for a in actions if a.status is d.ActionStatus.DROPPED)))
    return tuple(out)


def totals(rows: Sequence[FollowThrough]) -> FollowThrough:
    """The series' totals (overdue: as of now, over every walk)."""
    return FollowThrough(*(sum(getattr(r, f) for r in rows) for f in (
        "tried", "not_yet", "set_aside", "done", "open", "overdue", "dropped")))
