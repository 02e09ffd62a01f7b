"""A closed walk is the record: no command the app sends changes it until someone chooses
"Edit anyway" (walkapp.services.closed_walks), and then only for this session."""

from __future__ import annotations

import pytest

from tests.helpers.undo_cases import CASES, record, rich_walk
from walkapp import domain as d
from walkapp.errors import WalkClosedError
from walkapp.services import Services
from walkapp.services.commands import DebriefEdit, WalkDetailsEdit


def _close(services: Services, walk_id: str) -> None:
    services.walks.update_walk(walk_id, status=d.WalkStatus.CLOSED)


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_edit_changes_a_closed_walk(services: Services, name: str) -> None:
    walk = rich_walk(services)
    command = CASES[name](services, walk)
    if not command.is_guarded():
        pytest.skip("acts on an earlier walk's row from this one (see the next test)")
    _close(services, walk.id)
    before = record(services, walk.id)
    with pytest.raises(WalkClosedError, match="Edit anyway"):
        command.perform(services)
    assert record(services, walk.id) == before


def test_edit_anyway_unlocks_the_walk_for_this_session_and_undo_still_works(
        services: Services) -> None:
    walk = rich_walk(services)
    _close(services, walk.id)
    services.closed.edit_anyway(walk.id)
    assert services.closed.is_unlocked(walk.id)
    done = WalkDetailsEdit(walk.id, {"title": "Edited after closing"}).perform(services)
    assert services.walks.get_walk(walk.id).title == "Edited after closing"
    assert done.undo is not None
    done.undo.perform(services)
    assert services.walks.get_walk(walk.id).title == "Undo walk"
    services.closed.lock_again(walk.id)
    with pytest.raises(WalkClosedError):
        WalkDetailsEdit(walk.id, {"title": "Again"}).perform(services)
    # A new session (the database opened again) starts locked.
    assert not Services.create(services.db, services.bus).closed.is_unlocked(walk.id)


def test_an_earlier_closed_walks_commitment_can_still_be_reviewed(services: Services) -> None:
    earlier = rich_walk(services)
    _close(services, earlier.id)
    DebriefEdit("review_commitment", (earlier.commitment, d.CommitmentStatus.TRIED,
                                      "Tried it")).perform(services)
    assert services.debrief.list_commitments(earlier.id)[0].status is d.CommitmentStatus.TRIED


def test_the_lock_follows_the_walk_closing_and_reopening(services: Services) -> None:
    walk = rich_walk(services)
    rename = WalkDetailsEdit(walk.id, {"title": "While open"})
    rename.perform(services)  # open: allowed (and the status is remembered)
    _close(services, walk.id)
    with pytest.raises(WalkClosedError):
        rename.perform(services)
    services.walks.update_walk(walk.id, status=d.WalkStatus.RUNNING)
    rename.perform(services)
    assert services.walks.get_walk(walk.id).title == "While open"
