"""A walk with rows in every table a walk can have: the plan and roster (with a person
behind a walker), notes from a walker's own laptop merged in (versions, sync rows, who
started each family), a note the facilitator edited (its history), a conflict copy, a
set-aside note, tags (one of a removed look-for), reflections, commitments, feedback,
counts, step answers, the phase log, patterns, next steps, an action item followed up by
the next walk of the series, the kit's secret and the bundle log.

What the data export tests start from (tests/core/test_data_export*.py); a test checks that
every exported table has rows here, so a table added later is noticed here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert

from tests.helpers.laptops import Laptop
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.services import NoteDraft
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.storage import models as m


@dataclass(frozen=True)
class FullWalk:
    id: str
    next_id: str      # the next walk of its series (follows up the action item)
    walker: str
    note: str         # the walker's, edited by the facilitator


def full_walk(fac: Laptop, amy: Laptop, tmp_path: Path) -> FullWalk:
    services = fac.services
    protocol = builtin_protocol("data-walk")
    walk = create_walk_from_protocol(services, protocol, "Quokka walk", date(2026, 11, 3),
                                     focus="Talk", visits=2, school="Quokkavale School")
    plan, debrief = services.plan, services.debrief
    group = plan.add_group(walk.id, "Group A")
    plan.add_participant(walk.id, "Fran Facilitator", d.Role.FACILITATOR)
    walker = plan.add_participant(walk.id, "Amira Walker", group_id=group.id)
    visits = services.walks.get_walk(walk.id).visits
    plan.update_visit(visits[0].id, room="Room Quolla", teacher_name="Ms Zabriskie")
    look_for = plan.add_look_for(walk.id, "Students explain their thinking")
    gone = plan.add_look_for(walk.id, "Wait time")
    plan.add_norm(walk.id, "Describe, do not judge")
    # The walker's laptop: a kit out, notes back (versions, sync rows, families).
    amy.bundles.open_kit(fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit",
                                               walker_id=walker.id))
    note = amy.services.notes.save_note(NoteDraft(
        walk.id, walker.id, "Pairs compared = answers", visit_id=visits[0].id,
        look_for_ids=(look_for.id, gone.id)))
    amy.services.notes.save_note(NoteDraft(walk.id, walker.id, "A lazy start",
                                           visit_id=visits[1].id))
    amy.services.notes.save_reflection(walk.id, walker.id, "What will you try?",
                                       "I will try wait time.")
    amy.services.tallies.add(walk.id, visits[0].id, walker.id, "questions", count=3)
    first = amy.bundles.write_notes(walk.id, walker.id, tmp_path / "amy1.walknotes")
    assert fac.bundles.import_files([first]).clean
    # The facilitator edits her note (its history), and she edits it too: a conflict.
    services.notes.save_note(NoteDraft(walk.id, walker.id, "Pairs compared their answers",
                                       id=note.id, visit_id=visits[0].id,
                                       look_for_ids=(look_for.id, gone.id)))
    amy.services.notes.save_note(NoteDraft(walk.id, walker.id, "Pairs compared, twice",
                                           id=note.id, visit_id=visits[0].id,
                                           look_for_ids=(look_for.id, gone.id)))
    second = amy.bundles.write_notes(walk.id, walker.id, tmp_path / "amy2.walknotes")
    fac.bundles.import_files([second])
    plan.remove_look_for(gone.id)
    aside = services.notes.save_note(NoteDraft(walk.id, None, "The board said = 3",
                                               visit_id=visits[1].id))
    services.reviews.set_aside(aside.id)
    debrief.save_commitment(walk.id, walker.id, "I will try wait time.")
    item = debrief.add_action_item(walk.id, "Share the wait-time video", "Amira",
                                   due_date=date(2026, 12, 1))
    debrief.add_pattern(walk.id, d.PatternKind.DESCRIBE, "Most talk was by pupils.")
    debrief.add_next_step(walk.id, "Try think-pair-share")
    debrief.add_feedback(walk.id, "useful", "How useful was it?", "Very", rating=4)
    services.responses.save(walk.id, "prebrief-focus", "focus", "Our focus")
    with services.db.transaction() as session:
        session.execute(insert(m.PhaseLog), [{
            "id": "00000000-0000-4000-8000-00000000000a", "walk_id": walk.id,
            "phase": "prebrief", "step_index": 0, "step_key": "opener",
            "step_title": "Opener", "planned_seconds": 300, "extended_seconds": 60,
            "started_at": datetime(2026, 11, 3, 9, tzinfo=UTC),
            "ended_at": datetime(2026, 11, 3, 9, 6, tzinfo=UTC), "active_seconds": 360,
            "outcome": "done"}])
    later = services.series.plan_again(walk.id)
    debrief.follow_up(item.id, later.id, d.ActionStatus.DONE, "Shared on Monday")
    return FullWalk(walk.id, later.id, walker.id, note.id)
