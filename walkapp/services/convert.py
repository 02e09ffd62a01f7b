"""Turn ORM rows into the immutable domain objects that leave a transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from walkapp import domain as d
from walkapp import visit_fields
from walkapp.storage import models as m


class _Versioned(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def conflict_of(self) -> str | None: ...


V = TypeVar("V", bound=_Versioned)


def by_family(items: Iterable[V]) -> list[V]:
    """`items` (oldest first) with each conflict copy right after its family's other rows:
    the family's own row first, then its copies, so a list shows one item per family first
    and its other versions beside it, never as separate items elsewhere in the list."""
    families: dict[str, list[V]] = {}
    for item in items:
        families.setdefault(item.conflict_of or item.id, []).append(item)
    ordered: list[V] = []
    for family, rows in families.items():
        ordered.extend(r for r in rows if r.id == family)
        ordered.extend(r for r in rows if r.id != family)
    return ordered


def participant(row: m.Participant) -> d.Participant:
    return d.Participant(id=row.id, walk_id=row.walk_id, display_name=row.display_name,
                         role=d.Role(row.role), group_id=row.group_id,
                         person_id=row.person_id, position=row.position,
                         protocol_role=row.protocol_role or None,
                         role_detail=row.role_detail or "")


def visit(row: m.Visit) -> d.Visit:
    return d.Visit(id=row.id, walk_id=row.walk_id, position=row.position,
                   removed=row.deleted_at is not None,
                   **{name: getattr(row, name) for name in visit_fields.names()})


def look_for(row: m.LookFor) -> d.LookFor:
    return d.LookFor(id=row.id, walk_id=row.walk_id, position=row.position, text=row.text,
                     description=row.description)


def norm(row: m.Norm) -> d.Norm:
    return d.Norm(id=row.id, walk_id=row.walk_id, position=row.position, text=row.text,
                  agreed=row.agreed)


def walk(row: m.Walk) -> d.Walk:
    members: dict[str, list[str]] = {}
    for p in row.participants:
        if p.group_id:
            members.setdefault(p.group_id, []).append(p.id)
    return d.Walk(
        id=row.id, title=row.title, walk_date=row.walk_date, school=row.school,
        focus=row.focus, language=row.language, protocol_id=row.protocol_id,
        protocol_version=row.protocol_version, protocol_hash=row.protocol_hash,
        status=d.WalkStatus(row.status), current_phase=row.current_phase,
        current_step=row.current_step, visit_minutes=row.visit_minutes,
        corridor_minutes=row.corridor_minutes, show_teacher_names=row.show_teacher_names,
        attribute_commitments=row.attribute_commitments,
        include_visit_details=row.include_visit_details,
        sign_thank_you_with_names=row.sign_thank_you_with_names,
        local_mode=d.LocalMode(row.local_mode),
        local_participant_id=row.local_participant_id,
        created_at=row.created_at, updated_at=row.updated_at,
        participants=tuple(participant(p) for p in row.participants),
        groups=tuple(d.Group(id=g.id, walk_id=g.walk_id, name=g.name, position=g.position,
                             member_ids=tuple(members.get(g.id, ())))
                     for g in row.groups),
        visits=tuple(visit(v) for v in row.visits if v.deleted_at is None),
        removed_visits=tuple(visit(v) for v in row.visits if v.deleted_at is not None),
        look_fors=tuple(look_for(x) for x in row.look_fors),
        norms=tuple(norm(n) for n in row.norms),
        series_id=row.series_id, plan_choices=row.plan_choices or "",
    )


def note(row: m.Note) -> d.Note:
    return d.Note(id=row.id, walk_id=row.walk_id, author_id=row.author_id,
                  visit_id=row.visit_id, phase=row.phase, stem=d.Stem(row.stem),
                  text=row.text, look_for_ids=tuple(lf.id for lf in row.look_fors),
                  revision=row.revision, created_at=row.created_at,
                  updated_at=row.updated_at, conflict_of=row.conflict_of,
                  stem_key=row.stem_key or "", form_key=row.form_key)


def reflection(row: m.Reflection) -> d.Reflection:
    return d.Reflection(id=row.id, walk_id=row.walk_id, author_id=row.author_id,
                        prompt=row.prompt, text=row.text, revision=row.revision,
                        updated_at=row.updated_at, conflict_of=row.conflict_of)


def commitment(row: m.Commitment) -> d.Commitment:
    return d.Commitment(id=row.id, walk_id=row.walk_id, participant_id=row.participant_id,
                        text=row.text, status=d.CommitmentStatus(row.status),
                        review_note=row.review_note, carried_from_id=row.carried_from_id,
                        revision=row.revision, updated_at=row.updated_at,
                        conflict_of=row.conflict_of)


def follow_up(row: m.ActionFollowUp) -> d.FollowUp:
    return d.FollowUp(id=row.id, action_item_id=row.action_item_id, walk_id=row.walk_id,
                      text=row.text, status=d.ActionStatus(row.status),
                      created_at=row.created_at)


def action_item(row: m.ActionItem, follow_ups: list[m.ActionFollowUp]) -> d.ActionItem:
    return d.ActionItem(id=row.id, origin_walk_id=row.origin_walk_id, text=row.text,
                        owner_name=row.owner_name, due_date=row.due_date,
                        status=d.ActionStatus(row.status), position=row.position,
                        follow_ups=tuple(follow_up(f) for f in follow_ups))


def pattern(row: m.Pattern) -> d.Pattern:
    return d.Pattern(id=row.id, walk_id=row.walk_id, kind=d.PatternKind(row.kind),
                     text=row.text, position=row.position, stage_key=row.stage_key or "")


def next_step(row: m.NextStep) -> d.NextStep:
    return d.NextStep(id=row.id, walk_id=row.walk_id, text=row.text, position=row.position)


def feedback(row: m.Feedback) -> d.Feedback:
    return d.Feedback(id=row.id, walk_id=row.walk_id, author_id=row.author_id,
                      question_key=row.question_key, question=row.question,
                      answer=row.answer, rating=row.rating, conflict_of=row.conflict_of,
                      not_applicable=bool(row.not_applicable))


def phase_log(row: m.PhaseLog) -> d.PhaseLogEntry:
    return d.PhaseLogEntry(id=row.id, walk_id=row.walk_id, phase=row.phase,
                           step_index=row.step_index, step_key=row.step_key,
                           step_title=row.step_title, planned_seconds=row.planned_seconds,
                           extended_seconds=row.extended_seconds, started_at=row.started_at,
                           ended_at=row.ended_at, active_seconds=row.active_seconds,
                           outcome=row.outcome)
