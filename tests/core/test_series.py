"""Walk series: "Plan again" makes the next walk of a series (its plan, nothing that was said),
and what carries over — open commitments, open action items — comes from the earlier walks
of the same series only: never from other walks on the laptop, never from the sample walk."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.demo import create_demo_walk
from walkapp.errors import ValidationError
from walkapp.reports.build_across import action_tracker_data
from walkapp.services import Services
from walkapp.services.series import NEXT_WALK_DAYS, base_title, numbered_title


def _said(services: Services, walk_id: str) -> dict[str, int]:
    """How much was said or written during the walk (what Plan again never copies)."""
    record = services.records.walk_record(walk_id)
    return {"notes": len(record.notes), "reflections": len(record.reflections),
            "commitments": len(record.commitments), "action items": len(record.action_items),
            "patterns": len(record.patterns), "next steps": len(record.next_steps),
            "feedback": len(record.feedback), "timings": len(record.phase_log),
            "answers": len(services.responses.list_answers(walk_id))}


def test_plan_again_copies_the_plan_and_nothing_that_was_said(services: Services) -> None:
    sample = create_demo_walk(services, walk_date=date(2026, 11, 2))
    services.walks.update_walk(sample.id, visit_minutes=12, corridor_minutes=4,
                               show_teacher_names=True, attribute_commitments=True,
                               include_visit_details=False, sign_thank_you_with_names=True,
                               status="closed")
    services.debrief.add_action_item(sample.id, "Share the strips", "Ann")
    services.debrief.add_pattern(sample.id, "describe", "Most questions were closed")
    services.debrief.add_next_step(sample.id, "Try think-pair-share")
    services.responses.save(sample.id, "opener", "hopes", "To listen more")
    old = services.walks.get_walk(sample.id)
    # The sample walk has plenty to leave behind.
    assert all(n for k, n in _said(services, old.id).items() if k != "timings")

    new = services.series.plan_again(old.id, walk_date=date(2026, 11, 9))

    # The plan comes along…
    assert (new.protocol_id, new.protocol_version, new.protocol_hash) == \
        (old.protocol_id, old.protocol_version, old.protocol_hash)
    assert services.walks.protocol_snapshot(new.id) == services.walks.protocol_snapshot(old.id)
    same = ("school", "focus", "language", "visit_minutes", "corridor_minutes",
            "show_teacher_names", "attribute_commitments", "include_visit_details",
            "sign_thank_you_with_names")
    assert {k: getattr(new, k) for k in same} == {k: getattr(old, k) for k in same}
    old_groups = {g.id: g.name for g in old.groups}
    new_groups = {g.id: g.name for g in new.groups}
    assert [(p.display_name, p.role, p.person_id, old_groups.get(p.group_id or ""))
            for p in old.participants] == \
        [(p.display_name, p.role, p.person_id, new_groups.get(p.group_id or ""))
         for p in new.participants]
    assert [(x.text, x.description) for x in new.look_fors] == \
        [(x.text, x.description) for x in old.look_fors]
    assert [n.text for n in new.norms] == [n.text for n in old.norms]
    assert all(n.agreed for n in old.norms) and not any(n.agreed for n in new.norms)
    # …in the same series, as the next walk, with a new date and a title that counts.
    assert old.series_id is None
    assert services.walks.get_walk(old.id).series_id == old.id == new.series_id
    assert new.title == f"{old.title} — 2"
    assert new.walk_date == date(2026, 11, 9)
    assert (new.status, new.current_phase, new.local_mode) == \
        (d.WalkStatus.PLANNED, "plan", d.LocalMode.FACILITATOR)
    # Nothing that was said or written comes along, and the route stays behind.
    assert not any(_said(services, new.id).values())
    assert new.visits == () and old.visits
    # The walk planned from is untouched but for its series.
    assert replace(services.walks.get_walk(old.id), series_id=None,
                   updated_at=old.updated_at) == old


def test_plan_again_can_bring_the_route(services: Services) -> None:
    walk = make_walk(services, visits=0)
    services.plan.add_visit(walk.id, room="B12", grade="Year 5", subject="Maths")
    services.plan.add_visit(walk.id, room="C3")
    suggested = services.series.next_walk(walk.id)
    assert suggested.route_size == 2
    new = services.series.plan_again(walk.id, copy_route=True)
    assert [(x.position, x.room, x.grade, x.subject) for x in new.visits] == \
        [(1, "B12", "Year 5", "Maths"), (2, "C3", None, None)]


def test_titles_and_dates_go_on_counting(services: Services) -> None:
    today = date(2027, 1, 11)
    services.series.clock = lambda: datetime(2027, 1, 11, 12, tzinfo=UTC)
    first = make_walk(services, "Year 5 maths walk", walk_date=date(2026, 12, 1))
    # A walk in the past: a week from today. Titles count on from the series' first walk.
    assert services.series.next_walk(first.id).walk_date == today + timedelta(NEXT_WALK_DAYS)
    second = services.series.plan_again(first.id)
    assert (second.title, second.walk_date) == ("Year 5 maths walk — 2",
                                                today + timedelta(NEXT_WALK_DAYS))
    # Planned again from the first walk: still the next number, a week after the last walk.
    suggested = services.series.next_walk(first.id)
    assert (suggested.title, suggested.number, suggested.series_name) == \
        ("Year 5 maths walk — 3", 3, "Year 5 maths walk")
    assert suggested.walk_date == second.walk_date + timedelta(NEXT_WALK_DAYS)
    third = services.series.plan_again(second.id, "Questioning, spring", "2027-02-01")
    assert third.title == "Questioning, spring"
    place = services.series.place_of(third.id)
    assert place is not None and (place.number, place.count, place.name) == \
        (3, 3, "Year 5 maths walk")
    places = services.series.places()
    assert [(places[w.id].number, places[w.id].count) for w in (first, second, third)] == \
        [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize(("title", "base", "next_title"), [
    ("Year 5 maths walk", "Year 5 maths walk", "Year 5 maths walk — 4"),
    ("Year 5 maths walk — 3", "Year 5 maths walk", "Year 5 maths walk — 4"),
    ("Walk - 12", "Walk", "Walk — 4"),
    ("Learning walk — questioning", "Learning walk — questioning",
     "Learning walk — questioning — 4"),
    ("Reading walk — 2026", "Reading walk — 2026", "Reading walk — 2026 — 4"),
])
def test_series_numbers_in_titles(title: str, base: str, next_title: str) -> None:
    assert base_title(title) == base
    assert numbered_title(title, 4) == next_title


def test_plan_again_checks_what_it_is_given(services: Services) -> None:
    walk = make_walk(services)
    with pytest.raises(ValidationError, match="title"):
        services.series.plan_again(walk.id, "   ")
    with pytest.raises(ValidationError, match="date"):
        services.series.plan_again(walk.id, walk_date="next week")
    assert len(services.walks.list_walks()) == 1  # nothing half made
    assert services.walks.get_walk(walk.id).series_id is None
    services.walks.update_walk(walk.id, local_mode="walker")
    with pytest.raises(ValidationError, match="walker's copy"):
        services.series.plan_again(walk.id)


def _series_of_three(services: Services) -> tuple[d.Walk, d.Walk, d.Walk]:
    first = make_walk(services, "Questioning", walkers=2, walk_date=date(2026, 9, 1))
    second = services.series.plan_again(first.id, walk_date=date(2026, 10, 1))
    third = services.series.plan_again(second.id, walk_date=date(2026, 11, 1))
    return first, second, third


def test_carry_over_comes_from_the_series_only(services: Services) -> None:
    # Other walks on the laptop, older than the series and with the same people on them:
    # the sample walk (open commitments, and an open action item), and a walk of another
    # group whose walker has the same name as one of the series' walkers.
    sample = create_demo_walk(services, walk_date=date(2026, 8, 1))
    services.debrief.add_action_item(sample.id, "Sample walk's item")
    other = make_walk(services, "Another group", walkers=1, walk_date=date(2026, 8, 15))
    services.debrief.save_commitment(other.id, other.walkers[0].id, "Not this series")
    services.debrief.add_action_item(other.id, "Not this series either")
    first, second, third = _series_of_three(services)
    debrief = services.debrief
    tried_a = debrief.save_commitment(first.id, first.walkers[0].id, "I will try A")
    open_b = debrief.save_commitment(first.id, first.walkers[1].id, "I will try B")
    debrief.review_commitment(tried_a.id, "tried")
    open_c = debrief.save_commitment(second.id, second.walkers[0].id, "I will try C")
    item_1 = debrief.add_action_item(first.id, "Book the library", "Ben")
    item_2 = debrief.add_action_item(second.id, "Share strips", "Ann")
    debrief.add_action_item(third.id, "This walk's own item")

    def carried(walk: d.Walk) -> list[str]:
        return [c.text for _name, c in debrief.open_commitments_before(walk.id)]

    def items(walk: d.Walk) -> list[str]:
        return [a.text for a in debrief.open_action_items_before(walk.id)]

    assert carried(first) == [] and items(first) == []
    assert carried(second) == [open_b.text] and items(second) == [item_1.text]
    assert carried(third) == [open_b.text, open_c.text]
    assert items(third) == [item_1.text, item_2.text]
    # Not in a series: nothing carries over, however many walks came before.
    assert carried(other) == [] and items(other) == []
    later = make_walk(services, "On its own", walk_date=date(2026, 12, 1))
    assert carried(later) == [] and items(later) == []
    # A commitment followed up goes; a walk moved to the Trash takes its items with it.
    debrief.follow_up(item_1.id, third.id, "done", "Booked")
    assert items(third) == [item_2.text]
    services.walks.delete_walk(second.id)
    assert carried(third) == [open_b.text] and items(third) == []


def test_a_commitment_carried_forward_is_reviewed_once(services: Services) -> None:
    first, second, third = _series_of_three(services)
    old = services.debrief.save_commitment(first.id, first.walkers[0].id, "I will try A")
    assert [c.id for _n, c in services.debrief.open_commitments_before(second.id)] == [old.id]
    # Kept going at the second walk: the carried copy (the second walk's own commitment) is
    # the one reviewed from then on, never the first walk's as well.
    again = services.debrief.save_commitment(second.id, second.walkers[0].id, "I will try A",
                                             carried_from_id=old.id)
    assert services.debrief.open_commitments_before(second.id) == []
    assert [c.id for _n, c in services.debrief.open_commitments_before(third.id)] == [again.id]


def test_the_walks_tracker_agrees_with_its_series(services: Services) -> None:
    sample = create_demo_walk(services, walk_date=date(2026, 8, 1))
    services.debrief.add_action_item(sample.id, "Sample walk's item")
    first, second, third = _series_of_three(services)
    services.debrief.add_action_item(first.id, "First's item")
    services.debrief.add_action_item(second.id, "Second's item")
    services.debrief.add_action_item(third.id, "Third's item")
    tracked = action_tracker_data(services, second.id)
    assert sorted(i.text for i in tracked.items) == ["First's item", "Second's item"]
    assert "Questioning" in tracked.scope
    alone = action_tracker_data(services, sample.id)
    own = [i.text for i in services.debrief.list_action_items(sample.id)]
    assert "Sample walk's item" in own
    assert sorted(i.text for i in alone.items) == sorted(own)
    # The laptop's whole tracker (no walk named) still lists every walk's items.
    assert len(action_tracker_data(services).items) == len(own) + 3


def test_a_walk_with_no_series_carries_nothing_over(services: Services) -> None:
    """The sample walk's (and any other walk's) open items never reach a walk that is not
    in their series: before series, every walk on the laptop did."""
    sample = create_demo_walk(services, walk_date=date(2026, 8, 1))
    services.debrief.add_action_item(sample.id, "Sample walk's item")
    walk = make_walk(services, "Next term", walk_date=date(2026, 9, 1))
    same_person = services.plan.add_participant(walk.id, sample.walkers[0].display_name)
    assert same_person.person_id == sample.walkers[0].person_id
    assert services.debrief.open_action_items_before(walk.id) == []
    assert services.debrief.open_commitments_before(walk.id) == []


def test_kits_carry_no_series(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A walker's laptop holds one walk and reviews nothing from earlier ones: the kit of a
    walk in a series is the same kit as before (version 1 readers keep working)."""
    from tests.helpers.laptops import laptops
    from walkapp.bundles import crypto
    from walkapp.bundles.kit import WALK_FIELDS

    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)
    assert "series_id" not in WALK_FIELDS
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        first = make_walk(fac.services, "Questioning", walkers=2)
        second = fac.services.series.plan_again(first.id)
        kit = fac.bundles.write_kit(second.id, tmp_path / "k.walkkit",
                                    walker_id=second.walkers[0].id)
        amy.bundles.open_kit(kit)
        there = amy.services.walks.get_walk(second.id)
        assert there.series_id is None and there.title == second.title
        assert amy.services.series.places() == {}
