"""Tallies: taps and timed durations per visit, their limits, undo, and the school-level
summary (a total and a spread across visits; never a list by visit or person)."""

from __future__ import annotations

import pytest

from tests.helpers.builders import make_walk
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Change, Entity
from walkapp.protocol.schema import Tally, TallyKind
from walkapp.services import Services
from walkapp.services import tallies as t
from walkapp.services.commands import Call, Target

QUESTIONS = Tally("questions", "Questions asked", shortcut="q")
TALK = Tally("talk", "Student talk", TallyKind.DURATION, shortcut="t")


def test_taps_add_and_take_away_never_below_zero(services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=2)
    me, visit = walk.walkers[0].id, walk.visits[0].id
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    first = services.tallies.add(walk.id, visit, me, "questions", 1)
    assert (first.count, first.revision) == (1, 1)
    services.tallies.add(walk.id, visit, me, "questions", 1)
    third = services.tallies.add(walk.id, visit, me, "questions", -1)
    assert (third.count, third.revision) == (1, 3)
    assert services.tallies.add(walk.id, visit, me, "questions", -5).count == 0
    # At zero, taking away again changes nothing (no new revision to travel).
    assert services.tallies.add(walk.id, visit, me, "questions", -1).revision == 4
    assert {c.entity for c in seen} == {Entity.TALLY}
    # One row per (visit, person, tally), with an id every laptop works out alike.
    assert first.id == t.row_id(walk.id, visit, me, "questions")
    assert services.tallies.for_visit(walk.id, visit, me)["questions"].count == 0
    assert services.tallies.for_visit(walk.id, visit, walk.walkers[1].id) == {}


def test_seconds_add_up_and_stop_at_a_day(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    me, visit = walk.walkers[0].id, walk.visits[0].id
    services.tallies.add(walk.id, visit, me, "talk", seconds=75)
    assert services.tallies.add(walk.id, visit, me, "talk", seconds=30).seconds == 105
    assert services.tallies.add(walk.id, visit, me, "talk",
                                seconds=10**9).seconds == t.MAX_SECONDS
    assert services.tallies.add(walk.id, visit, me, "questions",
                                count=10**9).count == t.MAX_COUNT


def test_bad_references_are_refused_with_a_message(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    other = make_walk(services, "Other", walkers=1, visits=1)
    me, visit = walk.walkers[0].id, walk.visits[0].id
    with pytest.raises(NotFoundError, match="not part of this walk"):
        services.tallies.add(walk.id, other.visits[0].id, me, "questions", 1)
    with pytest.raises(NotFoundError, match="roster"):
        services.tallies.add(walk.id, visit, other.walkers[0].id, "questions", 1)
    with pytest.raises(ValidationError, match="key"):
        services.tallies.add(walk.id, visit, me, "", 1)
    with pytest.raises(ValidationError, match="whole number"):
        services.tallies.add(walk.id, visit, me, "questions", 1.5)  # type: ignore[arg-type]
    services.plan.remove_visit(visit)
    with pytest.raises(NotFoundError, match="removed"):
        services.tallies.add(walk.id, visit, me, "questions", 1)
    assert services.tallies.list_tallies(walk.id) == []


def test_a_tap_is_undone_like_other_edits(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    me, visit = walk.walkers[0].id, walk.visits[0].id
    rid = t.row_id(walk.id, visit, me, "questions")

    def tap(s: Services) -> t.TallyValue:
        return s.tallies.add(walk.id, visit, me, "questions", 1)

    command = Call(tap, "count", target=Target("Tally", rid, ("count", "seconds",
                                                               "deleted_at")))
    before = command.prepare(services)
    result = command.run(services)
    undo = command.undo(result, before)
    assert undo is not None
    undo.run(services)
    # The row never was: it goes as a tombstone (it may have travelled), counted as zero.
    assert services.tallies.for_visit(walk.id, visit, me)["questions"].count == 0
    assert services.tallies.list_tallies(walk.id) == []
    assert services.tallies.add(walk.id, visit, me, "questions", 1).count == 1


def test_the_summary_is_school_level(services: Services) -> None:
    walk = make_walk(services, walkers=3, visits=3)
    a, b, c = (w.id for w in walk.walkers)
    v1, v2, v3 = (v.id for v in walk.visits)
    add = services.tallies.add
    add(walk.id, v1, a, "questions", 4)
    add(walk.id, v1, b, "questions", 2)   # visit 1: mean 3
    add(walk.id, v2, a, "questions", 10)  # visit 2: 10
    add(walk.id, v3, c, "questions", 1)   # visit 3: 1
    add(walk.id, v2, b, "talk", seconds=120)
    add(walk.id, v3, b, "something-else", 7)
    questions, talk = services.tallies.summary(walk.id, (QUESTIONS, TALK))
    assert (questions.total, questions.visits, questions.people) == (17, 3, 3)
    assert (questions.least, questions.median, questions.most) == (1, 3, 10)
    assert talk.is_duration and (talk.total, talk.visits, talk.people) == (120, 1, 1)
    # Nothing in it names a visit or a person.
    for summary in (questions, talk):
        text = repr(summary)
        assert not any(x in text for x in (a, b, c, v1, v2, v3))
    empty = services.tallies.summary(walk.id, (Tally("none", "Never kept"),))[0]
    assert (empty.total, empty.visits, empty.median) == (0, 0, None)


def test_figures_are_written_as_people_read_them() -> None:
    count = t.TallySummary("q", "Questions", TallyKind.COUNT, 0, 0, 0)
    time = t.TallySummary("t", "Talk", TallyKind.DURATION, 0, 0, 0)
    assert [count.figure(v) for v in (3, 4.5, 1234, None)] == ["3", "4.5", "1,234", "–"]
    assert [time.figure(v) for v in (65, 7.4, 3725)] == ["1:05", "0:07", "1:02:05"]


def test_removing_a_walker_says_so_and_undo_brings_their_counts_back(
        services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=1)
    amy, visit = walk.walkers[0], walk.visits[0].id
    services.tallies.add(walk.id, visit, amy.id, "questions", 3)
    warning = services.undo.removal_warning("Participant", amy.id) or ""
    assert "1 count" in warning
    before = services.undo.capture("Participant", amy.id)
    services.plan.remove_participant(amy.id)
    assert services.tallies.list_tallies(walk.id) == []
    services.undo.restore(before)
    assert services.tallies.for_visit(walk.id, visit, amy.id)["questions"].count == 3
