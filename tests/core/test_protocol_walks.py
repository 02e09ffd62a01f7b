"""Walks planned from a protocol, the protocol a walk runs, and answers to step prompts."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.errors import NotFoundError, ValidationError
from walkapp.protocol import PromptKind, ProtocolError, from_snapshot, to_snapshot
from walkapp.protocol.answers import check_answer
from walkapp.protocol.library import ProtocolLibrary, builtin_protocol
from walkapp.protocol.schema import Prompt
from walkapp.services import NewWalk, Services
from walkapp.services.protocol_walks import create_walk_from_protocol, walk_protocol
from walkapp.storage import models as m


def test_new_walk_carries_the_protocol_snapshot_and_defaults(services: Services) -> None:
    protocol = builtin_protocol("learning-walk")
    walk = create_walk_from_protocol(services, protocol, "Spring walk", "2026-04-20",
                                     focus="  Student talk  ", look_for_set="student-talk",
                                     visits=5, school="Hillside")
    snapshot, content_hash = to_snapshot(protocol)
    assert (walk.protocol_id, walk.protocol_version, walk.protocol_hash) == (
        "learning-walk", "1", content_hash)
    assert services.walks.protocol_snapshot(walk.id) == snapshot
    assert walk_protocol(services, walk.id) == protocol
    assert (walk.visit_minutes, walk.corridor_minutes) == (10, 3)
    assert [n.text for n in walk.norms] == list(protocol.norms)
    assert not any(n.agreed for n in walk.norms)
    student_talk = protocol.look_for_set("student-talk")
    assert student_talk is not None
    assert [lf.text for lf in walk.look_fors] == [i.text for i in student_talk.items]
    assert [v.label for v in walk.visits] == [f"Visit {i}" for i in range(1, 6)]
    assert walk.focus == "Student talk" and walk.school == "Hillside"
    assert walk.status is d.WalkStatus.PLANNED and walk.walk_date == date(2026, 4, 20)


def test_other_protocols_bring_their_own_timings(services: Services) -> None:
    rounds = builtin_protocol("instructional-rounds")
    walk = create_walk_from_protocol(services, rounds, "Rounds", date(2026, 5, 1))
    assert (walk.visit_minutes, walk.corridor_minutes) == (20, 5)
    assert walk.look_fors == () and walk.visits == ()


def test_a_failed_plan_leaves_nothing_behind(services: Services) -> None:
    protocol = builtin_protocol()
    with pytest.raises(ValidationError, match="no look-for set “nope”"):
        create_walk_from_protocol(services, protocol, "Walk", date(2026, 1, 1),
                                  look_for_set="nope")
    with pytest.raises(ValidationError, match="title"):
        create_walk_from_protocol(services, protocol, "  ", date(2026, 1, 1))
    for visits in (-1, 51, True):
        with pytest.raises(ValidationError, match="number of visits"):
            create_walk_from_protocol(services, protocol, "Walk", date(2026, 1, 1),
                                      visits=visits)  # type: ignore[arg-type]
    assert services.walks.list_walks() == []


def test_editing_the_library_never_changes_a_planned_walk(services: Services) -> None:
    library = ProtocolLibrary.for_settings(services.db.settings)
    ours = library.duplicate("ghost-walk", "our-ghosts", "Our ghosts")
    walk = create_walk_from_protocol(services, ours.protocol, "Walk", date(2026, 1, 1))
    text = ours.path.read_text(encoding="utf-8").replace('title = "Our ghosts"',
                                                         'title = "Renamed"')
    ours.path.write_text(text, encoding="utf-8")
    library.reload()
    assert library.get("our-ghosts").title == "Renamed"
    assert walk_protocol(services, walk.id, library).title == "Our ghosts"
    library.remove("our-ghosts")
    assert walk_protocol(services, walk.id, library).title == "Our ghosts"


def test_walks_without_a_snapshot_fall_back(services: Services) -> None:
    plain = make_walk(services)
    assert walk_protocol(services, plain.id).id == "learning-walk"
    older = services.walks.create_walk(NewWalk(title="Old", walk_date=date(2025, 1, 1),
                                               protocol_id="ghost-walk"))
    assert walk_protocol(services, older.id).id == "ghost-walk"


def test_a_tampered_snapshot_is_reported(services: Services) -> None:
    walk = create_walk_from_protocol(services, builtin_protocol(), "Walk", date(2026, 1, 1))
    with services.db.transaction() as session:
        row = session.get(m.Walk, walk.id)
        assert row is not None
        row.protocol_snapshot = row.protocol_snapshot.replace("Learning walk", "Evaluation")
    with pytest.raises(ProtocolError, match="fingerprint"):
        walk_protocol(services, walk.id)


def test_demo_walk_runs_the_real_default_protocol(services: Services) -> None:
    from walkapp.demo import create_demo_walk

    walk = create_demo_walk(services)
    snapshot = services.walks.protocol_snapshot(walk.id)
    protocol = from_snapshot(snapshot, walk.protocol_hash)
    assert protocol == builtin_protocol("learning-walk")
    assert walk.protocol_hash == to_snapshot(protocol)[1]


# -- answers to prompts ---------------------------------------------------------------------------
def prompt(kind: PromptKind, *options: str) -> Prompt:
    return Prompt(key="q", text="Question", kind=kind, options=options)


@pytest.mark.parametrize(("kind", "options", "value", "stored"), [
    (PromptKind.TEXT, (), "  as typed ", "  as typed "),
    (PromptKind.LIST, (), [" one ", "", "two"], ["one", "two"]),
    (PromptKind.CHOICE, ("Yes", "No"), "No", "No"),
    (PromptKind.RATING, (), 4, 4),
    (PromptKind.CHECKLIST, ("a", "b", "c"), ["c", "a"], ["a", "c"]),
])
def test_answers_are_checked_and_normalised(kind: PromptKind, options: tuple[str, ...],
                                            value: object, stored: object) -> None:
    assert check_answer(prompt(kind, *options), value) == stored


@pytest.mark.parametrize(("kind", "options", "value"), [
    (PromptKind.TEXT, (), 5),
    (PromptKind.TEXT, (), "x" * 20_001),
    (PromptKind.LIST, (), "not a list"),
    (PromptKind.LIST, (), ["ok", 3]),
    (PromptKind.CHOICE, ("Yes", "No"), "Maybe"),
    (PromptKind.RATING, (), 0),
    (PromptKind.RATING, (), 6),
    (PromptKind.RATING, (), True),
    (PromptKind.RATING, (), "5"),
    (PromptKind.CHECKLIST, ("a",), ["z"]),
])
def test_wrong_answers_are_refused(kind: PromptKind, options: tuple[str, ...],
                                   value: object) -> None:
    with pytest.raises(ValidationError):
        check_answer(prompt(kind, *options), value)


def test_answers_are_saved_per_author_and_replaced(services: Services) -> None:
    protocol = builtin_protocol()
    walk = create_walk_from_protocol(services, protocol, "Walk", date(2026, 1, 1))
    amira = services.plan.add_participant(walk.id, "Amira")
    step = protocol.step("logistics")
    assert step is not None and step.prompts[0].kind is PromptKind.CHECKLIST
    ready = step.prompts[0]
    group = services.responses.save_answer(walk.id, step, ready, [ready.options[1]])
    assert group.author_id is None and group.value == [ready.options[1]]
    mine = services.responses.save_answer(walk.id, step, ready, list(ready.options), amira.id)
    again = services.responses.save_answer(walk.id, step, ready, [], amira.id)
    assert again.id == mine.id and again.value == []
    answers = services.responses.list_answers(walk.id)
    assert {(a.author_id, tuple(a.value)) for a in answers} == {
        (None, (ready.options[1],)), (amira.id, ())}
    assert services.responses.get(walk.id, "logistics", "ready", amira.id) == again
    services.responses.delete(walk.id, "logistics", "ready", amira.id)
    assert services.responses.get(walk.id, "logistics", "ready", amira.id) is None
    other = protocol.step("focus")
    assert other is not None
    with pytest.raises(ValidationError, match="not a prompt of the step"):
        services.responses.save_answer(walk.id, other, ready, [])
    stranger = services.plan.add_participant(make_walk(services).id, "Stranger")
    with pytest.raises(NotFoundError, match="roster"):
        services.responses.save(walk.id, "focus", "hope", "x", stranger.id)
    with pytest.raises(ValidationError, match="cannot be stored"):
        services.responses.save(walk.id, "focus", "hope", {1, 2})


def test_plc_mirror_ratings_are_tracked_over_time_as_group_figures(
        services: Services) -> None:
    mirror = builtin_protocol("plc-mirror")
    step = mirror.step("ratings")
    assert step is not None
    vision = step.prompts[0]
    for walk_date, ratings in ((date(2026, 1, 10), [2, 3, 2]),
                               (date(2026, 4, 10), [3, 4, 4, 5])):
        walk = create_walk_from_protocol(services, mirror, "Mirror", walk_date)
        for index, rating in enumerate(ratings):
            member = services.plan.add_participant(walk.id, f"Member {index}")
            services.responses.save_answer(walk.id, step, vision, rating, member.id)
    history = services.responses.rating_history("plc-mirror", "ratings", (vision.key,))
    assert [(p.walk_date, p.count, p.mean, p.distribution) for p in history] == [
        (date(2026, 1, 10), 3, 2.33, (0, 2, 1, 0, 0)),
        (date(2026, 4, 10), 4, 4.0, (0, 0, 1, 2, 1))]
    assert all(not hasattr(p, "author_id") for p in history)
