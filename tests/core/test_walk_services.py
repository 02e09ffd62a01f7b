"""Walks and their plans through the services: plain data out, changes announced."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.errors import AmbiguousError, NotFoundError, ValidationError
from walkapp.events import Action, Change, Entity
from walkapp.services import NewWalk, NoteDraft, Services


def test_create_and_read_back_a_walk(services: Services) -> None:
    walk = services.walks.create_walk(NewWalk(
        title="  Maths talk  ", walk_date=date(2026, 10, 1), focus="How students explain",
        school="Hillside"))
    again = services.walks.get_walk(walk.id)
    assert again.title == "Maths talk"
    assert again.focus == "How students explain"
    assert again.status is d.WalkStatus.PLANNED
    assert again.show_teacher_names is False  # the safe default
    assert again.created_at.tzinfo is not None
    with pytest.raises(AttributeError):
        again.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("title", ["", "   ", "x" * 301])
def test_bad_titles_are_refused_with_a_reason(services: Services, title: str) -> None:
    with pytest.raises(ValidationError, match="title"):
        services.walks.create_walk(NewWalk(title=title, walk_date=date(2026, 1, 1)))
    assert services.walks.list_walks() == []


def test_changes_are_announced_after_commit(services: Services) -> None:
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    walk = make_walk(services, walkers=1, visits=1, look_fors=())
    services.walks.update_walk(walk.id, focus="New focus")
    assert seen[0] == Change(Entity.WALK, Action.ADDED, walk.id, (walk.id,))
    assert seen[-1] == Change(Entity.WALK, Action.UPDATED, walk.id, (walk.id,))
    assert {c.entity for c in seen} >= {Entity.PARTICIPANT, Entity.VISIT}


def test_failed_change_announces_nothing(services: Services) -> None:
    walk = make_walk(services)
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    with pytest.raises(ValidationError):
        services.walks.update_walk(walk.id, title="")
    assert seen == []
    assert services.walks.get_walk(walk.id).title == "Walk"


def test_list_counts_and_search(services: Services) -> None:
    a = make_walk(services, "Reading walk", walkers=3, visits=2, walk_date=date(2026, 3, 1))
    make_walk(services, "Maths walk", walkers=5, visits=4, walk_date=date(2026, 4, 1))
    services.notes.save_note(NoteDraft(walk_id=a.id, author_id=a.walkers[0].id,
                                       visit_id=a.visits[0].id, text="Pairs read aloud"))
    walks = services.walks.list_walks()
    assert [w.title for w in walks] == ["Maths walk", "Reading walk"]  # newest first
    reading = walks[1]
    assert (reading.walker_count, reading.visit_count, reading.note_count) == (3, 2, 1)
    assert [w.title for w in services.walks.list_walks("READ")] == ["Reading walk"]
    assert services.walks.list_walks("%") == []  # wildcards are literal


def test_find_walk_by_id_prefix_and_title(services: Services) -> None:
    a = make_walk(services, "Science rounds")
    make_walk(services, "Science walk")
    assert services.walks.find_walk(a.id).id == a.id
    assert services.walks.find_walk(a.id[:8]).id == a.id
    assert services.walks.find_walk("science r").id == a.id
    with pytest.raises(AmbiguousError, match="2 walks"):
        services.walks.find_walk("Science")
    with pytest.raises(NotFoundError):
        services.walks.find_walk("History")


def test_visits_are_numbered_and_renumbered(services: Services) -> None:
    walk = make_walk(services, visits=3)
    first, second, third = walk.visits
    assert [v.label for v in walk.visits] == ["Visit 1", "Visit 2", "Visit 3"]
    services.plan.remove_visit(second.id)
    services.plan.move_visit(third.id, 1)
    after = services.walks.get_walk(walk.id).visits
    assert [(v.id, v.position) for v in after] == [(third.id, 1), (first.id, 2)]


def test_teacher_name_is_hidden_unless_asked(services: Services) -> None:
    walk = make_walk(services, visits=1)
    visit = services.plan.update_visit(walk.visits[0].id, room="12", teacher_name="Ms Lee")
    assert visit.details() == "12"
    assert visit.details(show_teacher=True) == "12 · Ms Lee"


def test_group_size_outside_three_to_six_is_a_warning(services: Services) -> None:
    walk = make_walk(services, walkers=7)
    group = services.plan.add_group(walk.id, "Blue")
    for walker in walk.walkers[:2]:
        services.plan.update_participant(walker.id, group_id=group.id)
    small = services.walks.get_walk(walk.id).groups[0]
    assert small.size_warning is not None and "3–6" in small.size_warning
    for walker in walk.walkers[2:5]:
        services.plan.update_participant(walker.id, group_id=group.id)
    assert services.walks.get_walk(walk.id).groups[0].size_warning is None
    for walker in walk.walkers[5:]:
        services.plan.update_participant(walker.id, group_id=group.id)
    assert "7 walkers" in (services.walks.get_walk(walk.id).groups[0].size_warning or "")


def test_same_name_is_the_same_person_across_walks(services: Services) -> None:
    one = make_walk(services, walkers=0)
    two = make_walk(services, walkers=0)
    a = services.plan.add_participant(one.id, "Carla  Núñez")
    b = services.plan.add_participant(two.id, "carla núñez")
    assert a.person_id == b.person_id


def test_removing_a_walker_with_notes_is_refused(services: Services) -> None:
    walk = make_walk(services, walkers=1)
    walker = walk.walkers[0]
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id, text="x"))
    with pytest.raises(ValidationError, match="note"):
        services.plan.remove_participant(walker.id)
    assert services.walks.get_walk(walk.id).walkers == (walker,)


def test_duplicate_copies_the_plan_not_the_record(services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=2)
    services.plan.add_norm(walk.id, "Learn, not judge", agreed=True)
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                       text="A note"))
    copy = services.walks.duplicate_walk(walk.id, walk_date=date(2026, 12, 1))
    assert copy.id != walk.id
    assert [p.display_name for p in copy.participants] == \
        [p.display_name for p in walk.participants]
    assert len(copy.visits) == 2 and copy.norms[0].agreed is False
    assert services.notes.list_notes(copy.id) == []


def test_delete_walk_then_emptying_the_trash_removes_every_row(services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=2)
    keep = make_walk(services, "Keep")
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                       visit_id=walk.visits[0].id, text="Secret",
                                       look_for_ids=(walk.look_fors[0].id,)))
    services.debrief.save_commitment(walk.id, walk.walkers[0].id, "I will try X")
    item = services.debrief.add_action_item(walk.id, "Do Y", "Ann")
    services.debrief.follow_up(item.id, keep.id, "done", "Done")
    services.debrief.add_pattern(walk.id, "describe", "Pattern")
    services.walks.delete_walk(walk.id)  # to the Trash…
    services.trash.empty()               # …and out of it, for good
    with services.db.engine.connect() as conn:
        tables = [r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN "
            "('alembic_version', 'app_meta', 'people', 'note_look_fors', 'action_follow_ups')"
            " AND name NOT LIKE 'search_fts%' AND name <> 'search_terms'"))]
        for table in tables:
            column = "origin_walk_id" if table == "action_items" else (
                "id" if table == "walks" else "walk_id")
            count = conn.execute(text(f"SELECT count(*) FROM {table} WHERE {column} = :w"),
                                 {"w": walk.id}).scalar()
            assert count == 0, table
        assert conn.execute(text("SELECT count(*) FROM note_look_fors")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM action_follow_ups")).scalar() == 0
    assert [w.title for w in services.walks.list_walks()] == ["Keep"]
    with pytest.raises(NotFoundError):
        services.walks.get_walk(walk.id)
