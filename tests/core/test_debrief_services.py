"""Commitments and action items persist and carry across walks."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.errors import ValidationError
from walkapp.services import Services


def test_open_commitments_come_back_at_the_next_walk(services: Services) -> None:
    first = make_walk(services, "First", walkers=2, walk_date=date(2026, 9, 1))
    second = services.series.plan_again(first.id, "Second", date(2026, 10, 1))
    unrelated = make_walk(services, "Elsewhere", walkers=0, walk_date=date(2026, 9, 2))
    someone = services.plan.add_participant(unrelated.id, "Someone Else")
    kept = services.debrief.save_commitment(first.id, first.walkers[0].id, "I will try A")
    done = services.debrief.save_commitment(first.id, first.walkers[1].id, "I will try B")
    services.debrief.save_commitment(unrelated.id, someone.id, "Not ours")
    services.debrief.review_commitment(done.id, "tried", "It worked with Year 5")
    carried = services.debrief.open_commitments_before(second.id)
    assert [(name, c.id) for name, c in carried] == [("Walker 1", kept.id)]


def test_action_items_follow_ups_and_tracker_order(services: Services) -> None:
    first = make_walk(services, "First", walk_date=date(2026, 9, 1))
    later = services.series.plan_again(first.id, "Later", date(2026, 10, 1))
    a = services.debrief.add_action_item(first.id, "Share strips", "Ann", "2026-09-10")
    b = services.debrief.add_action_item(first.id, "Book library", "Ben")
    services.debrief.add_action_item(later.id, "Plan next walk", "Cy", date(2026, 10, 5))
    assert [i.id for i in services.debrief.open_action_items_before(later.id)] == [a.id, b.id]
    reviewed = services.debrief.follow_up(a.id, later.id, "done", "Shared at staff meeting")
    assert reviewed.status is d.ActionStatus.DONE
    assert reviewed.follow_ups[0].text == "Shared at staff meeting"
    tracker = services.debrief.list_action_items()
    assert [i.status for i in tracker] == [d.ActionStatus.OPEN, d.ActionStatus.OPEN,
                                          d.ActionStatus.DONE]
    assert tracker[0].due_date == date(2026, 10, 5)
    assert [i.text for i in services.debrief.list_action_items(open_only=True)] == \
        ["Plan next walk", "Book library"]
    with pytest.raises(ValidationError, match="date"):
        services.debrief.update_action_item(b.id, due_date="next week")


def test_patterns_come_back_in_protocol_order(services: Services) -> None:
    walk = make_walk(services)
    for kind in ("next_level", "predict", "describe", "analyse", "describe"):
        services.debrief.add_pattern(walk.id, kind, kind)
    kinds = [p.kind.value for p in services.debrief.list_patterns(walk.id)]
    assert kinds == ["describe", "describe", "analyse", "predict", "next_level"]
    with pytest.raises(ValidationError):
        services.debrief.add_pattern(walk.id, "evaluate", "Teacher X was weak")


def test_feedback_ratings_are_checked(services: Services) -> None:
    walk = make_walk(services)
    services.debrief.add_feedback(walk.id, "useful", "Useful?", "Yes", 5)
    with pytest.raises(ValidationError, match="1 to 5"):
        services.debrief.add_feedback(walk.id, "useful", "Useful?", "", 9)
    assert [f.rating for f in services.debrief.list_feedback(walk.id)] == [5]


def test_demo_walk_is_realistic(services: Services) -> None:
    from walkapp.demo import create_demo_walk

    walk = create_demo_walk(services)
    record = services.records.walk_record(walk.id)
    assert len(walk.facilitators) == 1 and len(walk.walkers) == 4 and len(walk.visits) == 5
    assert len(record.notes) >= 40
    assert len({n.stem for n in record.notes}) >= 3
    assert walk.look_fors and walk.norms and record.commitments and record.action_items
    assert all(n.author_id in {p.id for p in walk.walkers} for n in record.notes)


def test_positions_stay_unique_after_a_delete(services: Services) -> None:
    walk = make_walk(services)
    steps = [services.debrief.add_next_step(walk.id, t) for t in "ABC"]
    services.debrief.delete_next_step(steps[0].id)
    services.debrief.add_next_step(walk.id, "D")
    assert [s.text for s in services.debrief.list_next_steps(walk.id)] == ["B", "C", "D"]
    positions = [s.position for s in services.debrief.list_next_steps(walk.id)]
    assert len(set(positions)) == 3
    first = services.debrief.add_pattern(walk.id, "describe", "one")
    services.debrief.add_pattern(walk.id, "describe", "two")
    services.debrief.delete_pattern(first.id)
    services.debrief.add_pattern(walk.id, "describe", "three")
    assert [p.text for p in services.debrief.list_patterns(walk.id)] == ["two", "three"]
