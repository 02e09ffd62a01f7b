"""A series' trends: look-for evidence walk by walk (held-back notes left out), the PLC
mirror's ratings as group distributions per session (never one of fewer than three
ratings), and commitments and action items as group totals."""

from __future__ import annotations

from datetime import date, timedelta

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.services import NoteDraft, Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.services.trends import MIN_ANSWERS, series_trends, totals

TODAY = date(2026, 12, 1)


def _note(services: Services, walk: d.Walk, text: str, *look_fors: str) -> d.Note:
    ids = tuple(lf.id for lf in walk.look_fors if lf.text in look_fors)
    return services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, text,
                                              visit_id=walk.visits[0].id, look_for_ids=ids))


def test_look_for_evidence_walk_by_walk_leaves_out_what_records_hold_back(
        services: Services) -> None:
    first = make_walk(services, "Talk walk", walk_date=date(2026, 10, 5))
    _note(services, first, "Pairs explained their steps to each other", "Student talk")
    _note(services, first, "Two students asked why", "Student talk", "Open questions")
    aside = _note(services, first, "Students read aloud in turn", "Student talk")
    services.reviews.set_aside(aside.id)
    _note(services, first, "The class was lazy today", "Student talk")  # flagged, not kept
    kept = _note(services, first, "A good question opened the lesson", "Open questions")
    services.reviews.keep(kept.id)
    second = services.series.plan_again(first.id, walk_date=date(2026, 11, 2))
    services.plan.add_visit(second.id)
    second = services.walks.get_walk(second.id)
    services.plan.add_look_for(second.id, "Wait time")
    second = services.walks.get_walk(second.id)
    _note(services, second, "The teacher waited before taking answers", "Wait time")

    trends = series_trends(services, second.id, TODAY)

    assert trends.in_series and [w.number for w in trends.walks] == [1, 2]
    rows = {t.text: t.counts for t in trends.look_fors}
    assert rows == {"Student talk": (2, 0), "Open questions": (2, 0), "Wait time": (None, 1)}
    assert trends.held_back == (2, 0)


def test_a_walk_in_no_series_is_a_series_of_one(services: Services) -> None:
    walk = make_walk(services, "Alone")
    trends = series_trends(services, walk.id, TODAY)
    assert not trends.in_series and len(trends.walks) == 1 and trends.empty


def _rate(services: Services, walk: d.Walk, values: list[int | str]) -> None:
    mirror = builtin_protocol("plc-mirror")
    step = mirror.step("ratings")
    assert step is not None
    for index, value in enumerate(values):
        member = services.plan.add_participant(walk.id, f"Member {walk.title} {index}")
        services.responses.save_answer(walk.id, step, step.prompts[0], value, member.id)


def test_the_mirror_shows_a_session_only_with_enough_ratings(services: Services) -> None:
    mirror = builtin_protocol("plc-mirror")
    first = create_walk_from_protocol(services, mirror, "Mirror", date(2026, 9, 1))
    second = services.series.plan_again(first.id, walk_date=date(2026, 10, 1))
    third = services.series.plan_again(second.id, walk_date=date(2026, 11, 1))
    _rate(services, first, [5, 4, 4])
    _rate(services, second, [1])        # one walker's distinctive answer
    _rate(services, third, [2, 2])
    trends = series_trends(services, third.id, TODAY)

    [statement] = trends.statements
    assert statement.key == "ratings/shared-vision" and statement.text
    one, two, three = statement.sessions
    assert one is not None and one.shown and one.distribution == (0, 0, 0, 2, 1)
    assert one.mean is not None and round(one.mean, 2) == 4.33
    for few in (two, three):
        assert few is not None and not few.shown
        assert few.rated < MIN_ANSWERS
        assert few.distribution is None and few.mean is None and few.not_applicable is None
        assert few.labels == ()
    # Nothing of the session's answers is anywhere in its data but their number.
    assert repr(two).count("1") == repr(two).count("rated=1")


def test_follow_through_counts_commitments_and_action_items_per_walk(
        services: Services) -> None:
    first = make_walk(services, "Follow", walk_date=date(2026, 10, 5))
    walkers = first.walkers
    made = [services.debrief.save_commitment(first.id, w.id, f"Try idea {i}")
            for i, w in enumerate(walkers)]
    services.debrief.add_action_item(first.id, "Share the strips", "Ann",
                                     TODAY - timedelta(days=3))
    services.debrief.add_action_item(first.id, "Book the room", "Ben", TODAY + timedelta(5))
    done = services.debrief.add_action_item(first.id, "Print the sheets", "Cy")
    services.debrief.update_action_item(done.id, status="done")
    second = services.series.plan_again(first.id, walk_date=date(2026, 11, 2))
    services.debrief.review_commitment(made[0].id, "tried", "It went well")
    services.debrief.review_commitment(made[1].id, "tried")
    services.debrief.review_commitment(made[2].id, "dropped")
    services.debrief.save_commitment(second.id, second.walkers[0].id, "Try wait time")

    trends = series_trends(services, second.id, TODAY)
    one, two = trends.follow_through
    assert (one.tried, one.not_yet, one.set_aside) == (2, 1, 1)
    assert (one.done, one.open, one.overdue, one.dropped) == (1, 2, 1, 0)
    assert (two.tried, two.not_yet, two.commitments, two.actions) == (0, 1, 1, 0)
    total = totals(trends.follow_through)
    assert (total.tried, total.not_yet, total.commitments) == (2, 2, 5)
