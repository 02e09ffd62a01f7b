"""Every edit of a walk's record can be undone and redone (walkapp.services.commands, on
walkapp.services.undo): each command the app sends, run as the writer runs it
(`perform`), then its undo, then its redo, then the undo again — the whole record of the
walk compared each time. The list of edits comes from the command classes themselves."""

from __future__ import annotations

import pytest

from tests.helpers.undo_cases import (
    CASES,
    NEW_ROW_CASES,
    Case,
    record,
    removed_look_fors,
    rich_walk,
)
from walkapp.errors import ValidationError
from walkapp.services import NoteDraft, Services
from walkapp.services.commands import NOT_UNDOABLE, PlanEdit


def _round_trip(services: Services, case: Case) -> None:
    walk = rich_walk(services)
    before = record(services, walk.id)
    done = case(services, walk).perform(services)
    assert done.walk_id == walk.id
    after = record(services, walk.id)
    assert after != before, "the edit changed nothing: the case does not test its undo"
    assert done.undo is not None, "no undo"
    undone = done.undo.perform(services)
    assert undone.walk_id == walk.id  # on that walk's stack, and refused once it is closed
    assert record(services, walk.id) == before
    assert undone.undo is not None, "no redo"
    redone = undone.undo.perform(services)
    assert redone.walk_id == walk.id
    assert record(services, walk.id) == after
    assert redone.undo is not None
    redone.undo.perform(services)
    assert record(services, walk.id) == before


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_edit_is_undone_and_redone(services: Services, name: str) -> None:
    _round_trip(services, CASES[name])


@pytest.mark.parametrize("name", sorted(NEW_ROW_CASES))
def test_a_row_added_with_its_own_id_is_taken_away_and_back(services: Services,
                                                             name: str) -> None:
    _round_trip(services, NEW_ROW_CASES[name])


def test_removing_a_look_for_gives_its_tags_back_on_undo(services: Services) -> None:
    walk = rich_walk(services)
    tagged = {n.id for n in services.notes.list_notes(walk.id) if walk.look_for in
              n.look_for_ids}
    assert len(tagged) == 2
    done = PlanEdit("remove_look_for", (walk.look_for,)).perform(services)
    assert not any(walk.look_for in n.look_for_ids for n in services.notes.list_notes(walk.id))
    assert removed_look_fors(services, walk.id) == [walk.look_for]
    assert done.undo is not None
    done.undo.perform(services)
    # Back in the walk: no longer one an import would say its notes arrived without.
    assert removed_look_fors(services, walk.id) == []
    assert {n.id for n in services.notes.list_notes(walk.id)
            if walk.look_for in n.look_for_ids} == tagged
    assert services.walks.get_walk(walk.id).look_fors[0].id == walk.look_for


def test_undoing_an_added_walker_who_wrote_since_is_refused_and_loses_nothing(
        services: Services) -> None:
    walk = rich_walk(services)
    done = PlanEdit("add_participant", (walk.id, "Cy New")).perform(services)
    services.notes.save_note(NoteDraft(walk.id, done.result.id, "Cy's note"))
    before = record(services, walk.id)
    assert done.undo is not None
    with pytest.raises(ValidationError, match="note"):
        done.undo.perform(services)
    assert record(services, walk.id) == before


def test_not_undoable_commands_say_why() -> None:
    assert NOT_UNDOABLE and all(len(why) > 20 for why in NOT_UNDOABLE.values())
