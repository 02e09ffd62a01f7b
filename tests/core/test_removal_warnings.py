"""Edits that change other records say so first (walkapp.services.touches): removing a
look-for that tags notes, a group with walkers in it, a walker who wrote reflections or
commitments, a visit with notes. An edit that touches nothing else needs no confirmation.
What went with the removal comes back with its undo."""

from __future__ import annotations

from tests.helpers.undo_cases import record, rich_walk
from walkapp.services import Services
from walkapp.services.commands import PlanEdit
from walkapp.services.touches import UNDO_HINT


def test_each_removal_that_touches_other_records_says_what_and_that_it_can_be_undone(
        services: Services) -> None:
    walk = rich_walk(services)
    say = services.undo.removal_warning
    look_for = say("LookFor", walk.look_for) or ""
    assert look_for.startswith("2 notes are tagged “Students explain their thinking”: the "
                               "tag is removed from them") and look_for.endswith(UNDO_HINT)
    assert (say("Group", walk.group) or "").startswith("2 walkers are in “Group A”: they "
                                                       "stay on the roster without a group.")
    assert (say("Participant", walk.walker) or "").startswith(
        "Ana Walker wrote 1 reflection and 1 commitment in this walk")
    assert "2 notes here" in (say("Visit", walk.visit) or "")


def test_a_removal_that_touches_nothing_else_asks_nothing(services: Services) -> None:
    walk = rich_walk(services)
    say = services.undo.removal_warning
    assert say("LookFor", walk.other_look_for) is not None  # tags one note
    fresh = services.plan.add_look_for(walk.id, "Nobody tagged this")
    group = services.plan.add_group(walk.id, "Empty group")
    assert say("LookFor", fresh.id) is None
    assert say("Group", group.id) is None
    assert say("Participant", walk.quiet) is None
    assert say("Visit", walk.empty_visit) is None


def test_a_walker_removed_with_their_reflection_and_commitment_comes_back_with_them(
        services: Services) -> None:
    walk = rich_walk(services)
    cy = services.plan.add_participant(walk.id, "Cy Writer")
    services.notes.save_reflection(walk.id, cy.id, "What did you notice?", "Silence.")
    services.debrief.save_commitment(walk.id, cy.id, "I will try silence.")
    before = record(services, walk.id)
    done = PlanEdit("remove_participant", (cy.id,)).perform(services)
    after = record(services, walk.id)
    assert len(after["reflections"]) == len(before["reflections"]) - 1
    assert done.undo is not None
    undone = done.undo.perform(services)
    assert record(services, walk.id) == before
    assert undone.undo is not None
    undone.undo.perform(services)
    assert record(services, walk.id) == after
