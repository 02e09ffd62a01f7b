"""Report data for one walk: debrief and host thank-you note (the agenda, note-catcher and
facilitator's script, which follow the protocol, are in `build_paper`).

Each `*_data` function is pure: it takes a `WalkRecord` and returns what the renderer
prints, applying the walk's privacy settings on the way:

- visit details (walkapp.visit_fields) go through `walkapp.privacy`: `show_teacher_names`
  off → no teacher name anywhere (dropped here, not hidden later); `include_visit_details`
  off → visits are "Visit n" with no room, grade or subject;
- `attribute_commitments` off → commitments without names, in an order (alphabetical)
  that does not give away the roster.

The words for the walk's structure are its protocol's (its snapshot): the debrief's pattern
headings are the `[[debrief_sequence]]` titles in its order, evidence is grouped under the
`[[stems]]` labels in their order (a protocol's own stems, "Warm" and "Cool", each a group of
its own: walkapp.protocol.own_keys), and the thank-you note speaks the stems' labels in the
group's voice. Statements are printed under the stages of the sequence, each with its own
title, also when two stages share a kind. Nothing is dropped for being outside the
protocol: a statement of a kind the sequence leaves out, or a note with a stem the protocol
does not offer, prints after the protocol's own, in walkapp's words. A damaged snapshot
does not stop these reports (unlike the agenda, which prints the protocol itself): they use
walkapp's words and say why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from typing import Protocol as Shape

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp import note_states
from walkapp.privacy import redact_visit
from walkapp.protocol.library import readable_id
from walkapp.protocol.own_keys import (
    StemHead,
    group_key,
    pattern_stage_key,
    stage_heads,
    stages_of,
    stem_heads,
    stems_of,
)
from walkapp.protocol.ratings import feedback_spread
from walkapp.protocol.schema import Prompt, Protocol
from walkapp.reports.build_ratings import series_ratings, step_ratings
from walkapp.reports.data import (
    ActionRow,
    CommitmentLine,
    DebriefData,
    EarlierRatings,
    EvidenceGroup,
    EvidenceItem,
    FeedbackSummary,
    LookForTally,
    PatternGroup,
    PhaseTime,
    StemGroup,
    VisitLine,
    WalkHeading,
)
from walkapp.reports.outline import phase_title
from walkapp.reports.visit_questions import visit_questions

if TYPE_CHECKING:
    from walkapp.reports.registry import ReportRequest
    from walkapp.services import Services
    from walkapp.services.tallies import TallySummary

Judge = Callable[[str], bool]


# -- the builders the report registry names: (services, request, judge) → report data -----
def build_debrief(services: Services, request: ReportRequest, _judge: Judge | None
                  ) -> DebriefData:
    assert request.walk_id is not None
    protocol, notice = report_protocol(services, request.walk_id)
    return debrief_data(services.records.walk_record(request.walk_id),
                        services.conflicts.list_conflicts(request.walk_id),
                        edited=services.history.rows_with_history(request.walk_id),
                        protocol=protocol, notice=notice,
                        include_flagged=request.include_flagged,
                        tally_totals=services.tallies.summary(request.walk_id,
                                                              protocol.tallies)
                        if protocol is not None and protocol.tallies else (),
                        step_answers=services.responses.list_answers(request.walk_id),
                        earlier_ratings=series_ratings(services, request.walk_id, protocol))


def report_protocol(services: Services, walk_id: str) -> tuple[Protocol | None, str]:
    """The walk's protocol, for its words, and "" — or, when its saved protocol is damaged,
    None (walkapp's own words) and a line saying so, for the page."""
    from walkapp.protocol.errors import ProtocolError
    from walkapp.services.protocol_walks import walk_protocol

    try:
        return walk_protocol(services, walk_id), ""
    except ProtocolError as error:
        return None, fmt.tr("The walk's saved protocol could not be read, so the headings "
                            "use walkapp's usual words ({problem}).").format(
            problem=error.problem)


# -- the protocol's words (walkapp's own when there is no readable protocol) ---------------
def stem_labels(protocol: Protocol | None) -> tuple[tuple[d.Stem, str], ...]:
    """Every stem with its label: the protocol's stems in its order, then the rest."""
    if protocol is None:
        return tuple((stem, stem.label) for stem in d.Stem)
    return tuple((stem, protocol.stem_label(stem)) for stem in protocol.stem_order())


def commitments_words(protocol: Protocol | None) -> str:
    """What a commitment begins with: the protocol's "I will try" prompt; "" when the
    protocol offers no such stem."""
    if protocol is None:
        return d.Stem.WILL_TRY.prompt
    spec = protocol.stem_spec(d.Stem.WILL_TRY)
    return spec.prompt if spec is not None else ""


_DELETES = {"note": fmt.N_("Not yet resolved: another version deletes this note"),
            "commitment": fmt.N_("Not yet resolved: another version deletes this commitment")}
_GROUP_VOICE = {d.Stem.NOTICED: fmt.N_("We noticed…"), d.Stem.WONDER: fmt.N_("We wonder…"),
                d.Stem.WILL_TRY: fmt.N_("We will try…"),
                d.Stem.QUESTION: fmt.N_("A question we have…")}


def group_voice(label: str, stem: d.Stem | None = None) -> str:
    """A first-person stem label as a letter from the group says it ("I noticed" → "We
    noticed…"); any other label ("Evidence") as the protocol writes it. A stem's usual
    label, in English or in the language in force, becomes its usual group voice there
    ("Noté" → "Notamos que…")."""
    if stem is not None:
        usual = {fmt.tr(d.STEM_LABELS[stem]).casefold(), d.STEM_LABELS[stem].casefold(),
                 fmt.tr(d.STEM_PROMPTS[stem]).rstrip("….").casefold()}
        if label.rstrip("….").casefold() in usual:
            return fmt.tr(_GROUP_VOICE[stem])
    if not label.startswith("I "):
        return label
    said = "We " + label[2:].replace(" I ", " we ")
    return said if said.endswith("…") else said + "…"


def heading(walk: d.Walk, protocol_name: str = "") -> WalkHeading:
    if walk.protocol_id:
        # Its title; without one at hand its id in words, never the bare id.
        name = protocol_name or readable_id(walk.protocol_id)
        protocol = (fmt.tr("{protocol}, version {version}").format(
            protocol=name, version=walk.protocol_version) if walk.protocol_version else name)
    else:
        protocol = protocol_name
    return WalkHeading(title=walk.title, walk_date=walk.walk_date, school=walk.school,
                       focus=walk.focus, protocol=protocol)


def visit_line(walk: d.Walk, visit: d.Visit, *, day: bool = False) -> VisitLine:
    """"Visit n", with details only as far as the walk's privacy settings allow; `day`: on
    a paper used on the day (agenda, note-catcher), which keeps room, grade and subject."""
    return VisitLine(number=visit.position,
                     details=redact_visit(visit, walk, day=day).details(show_teacher=True))


def has_text(value: str) -> bool:
    return bool(value and value.strip())


# -- conflicts ----------------------------------------------------------------------------
class _Versioned(Shape):  # typing.Protocol: anything with a `family`
    @property
    def family(self) -> str: ...


T = TypeVar("T", bound=_Versioned)


@dataclass(frozen=True)
class Unresolved:
    """What the report says about the families still in conflict."""

    conflicts: dict[str, d.Conflict]

    def split(self, items: Iterable[T], text_of: Callable[[T], str]
              ) -> tuple[list[T], dict[str, tuple[str, ...]]]:
        """One item per family (its first row: the one the app shows first) and, per
        family, the other versions' texts, so a conflict is one item that shows them all."""
        first: dict[str, T] = {}
        others: dict[str, list[str]] = {}
        for item in items:
            if item.family in first:
                if has_text(text_of(item)):
                    others.setdefault(item.family, []).append(text_of(item))
            else:
                first[item.family] = item
        return list(first.values()), {k: tuple(v) for k, v in others.items()}

    def mark(self, family: str, others: tuple[str, ...], noun: str = "note") -> str:
        """"Not yet resolved: two versions" for an item in conflict, "" otherwise."""
        conflict = self.conflicts.get(family)
        deleted = conflict is not None and any(s.deleted for s in conflict.sides)
        if not others and not deleted:
            return ""
        versions = len(others) + 1
        if not others:
            return fmt.tr(_DELETES.get(noun, _DELETES["note"]))
        words = {2: fmt.tr("two"), 3: fmt.tr("three"), 4: fmt.tr("four")}.get(
            versions, fmt.number(versions))
        if deleted:
            return fmt.tr("Not yet resolved: {count} versions, and another deletes it"
                          ).format(count=words)
        return fmt.tr("Not yet resolved: {count} versions").format(count=words)


def _unresolved_count(record: d.WalkRecord, conflicts: Sequence[d.Conflict]) -> int:
    families = {c.family for c in conflicts}
    for items in (record.notes, record.reflections, record.commitments, record.feedback):
        families.update(i.conflict_of for i in items if i.conflict_of is not None)
    return len(families)


# -- debrief ------------------------------------------------------------------------------
def debrief_data(record: d.WalkRecord, conflicts: Sequence[d.Conflict] = (), *,
                 edited: AbstractSet[str] = frozenset(), protocol: Protocol | None = None,
                 notice: str = "", include_flagged: bool = False,
                 tally_totals: tuple[TallySummary, ...] = (),
                 step_answers: Sequence[Any] = (),
                 earlier_ratings: Mapping[str, tuple[EarlierRatings, ...]] | None = None
                 ) -> DebriefData:
    """The debrief; `conflicts` (from ConflictService) adds what only it knows: a side
    that is a deletion. Without it, conflicts are still found from the record's copies.
    `edited` (HistoryService.rows_with_history): the notes whose text the facilitator
    changed, marked so that a coach knows the words are not the walker's. `protocol`: the
    walk's, for its stem labels and debrief stages (None: walkapp's words); `notice`: a
    line for the page about the protocol (see `report_protocol`); `step_answers`: the
    walk's answers to step prompts, whose ratings print as group figures, beside
    `earlier_ratings` (by step key: earlier walks of the series, see `series_ratings`)."""
    walk = record.walk
    unresolved = Unresolved({c.family: c for c in conflicts})
    # Only notes in the record are printed (walkapp.note_states): never one set aside, nor
    # one the nudge or the name caution flags that the facilitator has not kept.
    printable = note_states.for_print(record, include_flagged=include_flagged)
    notes, note_versions = unresolved.split(printable.notes, lambda n: n.text)
    visits = {v.id: v for v in walk.visits}
    lines = tuple(visit_line(walk, v) for v in walk.visits)
    known_tags = {lf.id for lf in walk.look_fors}
    tallies = tuple(LookForTally(lf.text, lf.description,
                                 sum(1 for n in notes if lf.id in n.look_for_ids))
                    for lf in walk.look_fors)
    untagged = [n for n in notes if not known_tags.intersection(n.look_for_ids)]
    questions, answers_held = visit_questions(record, protocol,
                                              include_flagged=include_flagged)
    return DebriefData(
        walk=heading(walk, protocol.title if protocol is not None else ""),
        facilitators=tuple(p.display_name for p in walk.facilitators),
        walker_count=len(walk.walkers), visit_count=len(walk.visits), note_count=len(notes),
        norms=tuple((n.text, n.agreed) for n in walk.norms if has_text(n.text)),
        visits=lines if any(v.details for v in lines) else (),
        look_fors=tallies, untagged_notes=len(untagged),
        evidence=_evidence(walk, notes, visits, untagged, note_versions, unresolved,
                           edited, stem_heads(stems_of(protocol))),
        patterns=_patterns(record.patterns, protocol),
        commitments=commitment_lines(record, unresolved),
        commitments_words=commitments_words(protocol), protocol_notice=notice,
        has_visits=bool(walk.visits) or protocol is None or protocol.has_visits,
        commitments_attributed=walk.attribute_commitments,
        next_steps=tuple(s.text for s in record.next_steps if has_text(s.text)),
        action_items=tuple(ActionRow(a.text, a.owner_name, a.due_date, a.status.value)
                           for a in record.action_items),
        phase_times=phase_times(record.phase_log),
        feedback=feedback_summaries(record.feedback,
                                    protocol.feedback if protocol is not None else ()),
        ratings=step_ratings(protocol, step_answers, earlier_ratings),
        unresolved_conflicts=_unresolved_count(record, conflicts),
        held_back_notes=printable.held_back, tallies=tally_totals,
        visit_questions=questions, held_back_answers=answers_held)


def _evidence(walk: d.Walk, notes: list[d.Note], visits: dict[str, d.Visit],
              untagged: list[d.Note], versions: dict[str, tuple[str, ...]],
              unresolved: Unresolved, edited: AbstractSet[str] = frozenset(),
              stems: Sequence[StemHead] = stem_heads(())
              ) -> tuple[EvidenceGroup, ...]:
    # Notes on a visit removed from the route come after the route's, under the removed
    # visit's own label ("Removed visit (was visit 2)"), with details where allowed.
    removed = {v.id: (i, v) for i, v in enumerate(walk.removed_visits)}

    def order(note: d.Note) -> tuple[int, int, object]:
        visit = visits.get(note.visit_id or "")
        if visit is not None:
            return (visit.position, 0, note.created_at)
        gone = removed.get(note.visit_id or "")
        return (10**6, gone[0] if gone else 10**6, note.created_at)

    titles = [(lf.id, lf.text) for lf in walk.look_fors]

    def first_look_for(note: d.Note) -> str | None:
        return next((key for key, _ in titles if key in note.look_for_ids), None)

    def item(note: d.Note) -> EvidenceItem:
        others = versions.get(note.family, ())
        mark = unresolved.mark(note.family, others)
        position, label = None, ""
        if note.visit_id in visits:
            position = visits[note.visit_id].position
        elif (gone := removed.get(note.visit_id or "")) is not None:
            line = visit_line(walk, gone[1])
            label = gone[1].label + (f" — {line.details}" if line.details else "")
        first = first_look_for(note)
        also = tuple(t for key, t in titles if key != first and key in note.look_for_ids)
        return EvidenceItem(position, note.text, removed_visit=label, conflict=mark,
                            other_versions=others, edited=note.id in edited, also=also)

    def group(title: str | None, members: Iterable[d.Note]) -> EvidenceGroup | None:
        chosen = sorted(members, key=order)
        found = []
        known = {h.key for h in stems}
        for head in stems:  # the protocol's stems in its order, then any others
            items = tuple(item(n) for n in chosen
                          if group_key(known, n.stem, n.stem_key) == head.key)
            if items:
                found.append(StemGroup(head.label, items))
        return EvidenceGroup(title, tuple(found)) if found else None

    # Each note once: under the first of its look-fors in the walk's order.
    firsts = [(n, first_look_for(n)) for n in notes]
    groups = [group(lf.text, (n for n, first in firsts if first == lf.id))
              for lf in walk.look_fors]
    groups.append(group(None, untagged))
    return tuple(g for g in groups if g is not None)


def _patterns(patterns: Iterable[d.Pattern], protocol: Protocol | None = None
              ) -> tuple[PatternGroup, ...]:
    """Statements under the protocol's stages, each with its own title (two stages of one
    kind are two groups), in its order whatever order they were typed in; then those of a
    kind its sequence leaves out, marked, under walkapp's names."""
    chosen = sorted(patterns, key=lambda p: p.position)
    stages = stages_of(protocol)
    out = []
    for head in stage_heads(stages):
        statements = tuple(p.text for p in chosen if has_text(p.text) and
                           pattern_stage_key(stages, p.kind, p.stage_key) == head.key)
        if statements:
            out.append(PatternGroup(head.title, statements, left_out=head.left_out))
    return tuple(out)


def commitment_lines(record: d.WalkRecord, unresolved: Unresolved | None = None
                     ) -> tuple[CommitmentLine, ...]:
    """One line per commitment; one changed on two laptops is one line that carries the
    other versions (never a second commitment for the same walker)."""
    walk = record.walk
    marks = unresolved or Unresolved({})
    chosen, versions = marks.split((c for c in record.commitments if has_text(c.text)),
                                   lambda c: c.text)

    def line(c: d.Commitment, walker: str | None) -> CommitmentLine:
        others = versions.get(c.family, ())
        return CommitmentLine(c.text, walker, c.status.value,
                              marks.mark(c.family, others, "commitment"), others)

    if walk.attribute_commitments:
        position = {p.id: p.position for p in walk.participants}
        chosen.sort(key=lambda c: position.get(c.participant_id, 10**6))
        return tuple(line(c, _name(walk, c.participant_id)) for c in chosen)
    chosen.sort(key=lambda c: c.text.casefold())
    return tuple(line(c, None) for c in chosen)


def _name(walk: d.Walk, participant_id: str) -> str:
    person = walk.participant(participant_id)
    return person.display_name if person else fmt.tr("A walker")


def phase_times(log: Iterable[d.PhaseLogEntry]) -> tuple[PhaseTime, ...]:
    """Planned and active time per phase, phases in the order they were first run."""
    totals: dict[str, list[int]] = {}
    for entry in log:
        row = totals.setdefault(phase_title(entry.phase), [0, 0, 0])
        row[0] += 1
        row[1] += max(0, entry.planned_seconds)
        row[2] += max(0, entry.active_seconds)
    return tuple(PhaseTime(name, steps, planned, actual)
                 for name, (steps, planned, actual) in totals.items())


def feedback_summaries(feedback: Iterable[d.Feedback], questions: Sequence[Prompt] = ()
                       ) -> tuple[FeedbackSummary, ...]:
    """Per question: one response per answer given; an answer changed on two laptops
    counts once, its other version printed beside it, marked as not yet resolved. A rating
    question's answers are spread over its own scale (`questions`: the protocol's; see
    walkapp.reports.build_ratings), "not applicable" apart and never in the average."""
    given, versions = Unresolved({}).split(feedback, lambda f: f.answer)
    grouped: dict[str, list[d.Feedback]] = {}
    for item in given:
        grouped.setdefault(item.question_key, []).append(item)
    asked = {q.key: q for q in questions}
    out = []
    for key, items in grouped.items():
        ratings = tuple(sorted((i.rating for i in items if i.rating is not None),
                               reverse=True))
        figures = feedback_spread(asked.get(key), key, items[0].question, items)
        # Answers are anonymous; sorting them keeps the order from matching the roster.
        texts = [i.answer if i.family not in versions else
                 fmt.tr("{answer} (not yet resolved; the other version: {others})").format(
                     answer=i.answer, others="; ".join(f"“{v}”" for v in versions[i.family]))
                 for i in items if has_text(i.answer) or i.family in versions]
        answers = tuple(sorted(texts, key=str.casefold))
        out.append(FeedbackSummary(items[0].question, len(items), ratings, answers,
                                   figures))
    return tuple(out)
