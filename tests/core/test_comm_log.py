"""The communication log: entries added, changed, deleted and listed by period and walk;
each edit undone and redone on the log's own undo stack, never a walk's, and never refused
because the walk an entry is about is closed."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.log_undo_cases import LOG_CASES, log_state, log_with_entries
from walkapp.errors import ValidationError
from walkapp.events import Entity
from walkapp.services import Services
from walkapp.services.comm_log import LogKind
from walkapp.services.log_commands import LOG_STACK, LogEdit


def test_entries_are_listed_by_period_and_walk(services: Services) -> None:
    walk = make_walk(services, "Autumn walk")
    other = make_walk(services, "Spring walk")
    a = services.log.add_entry("meeting", date(2026, 10, 1), "Ms Quillfeather", "Met.",
                               walk.id)
    b = services.log.add_entry(LogKind.MESSAGE, "2026-11-15", "", "Wrote.", other.id)
    c = services.log.add_entry("note", date(2026, 12, 24), "  Mr   Bell  ", "Noted.")
    assert c.with_whom == "Mr Bell" and c.walk_id is None and c.walk_title is None
    assert a.walk_title == "Autumn walk" and b.kind is LogKind.MESSAGE
    assert [e.id for e in services.log.list_entries()] == [c.id, b.id, a.id]
    assert [e.id for e in services.log.list_entries(newest_first=False)] == [a.id, b.id, c.id]
    assert [e.id for e in services.log.list_entries(date(2026, 11, 15),
                                                    date(2026, 12, 24))] == [c.id, b.id]
    assert [e.id for e in services.log.list_entries(end=date(2026, 11, 14))] == [a.id]
    assert [e.id for e in services.log.list_entries(walk_id=other.id)] == [b.id]


def test_an_entry_needs_words_a_kind_and_a_walk_that_is_there(services: Services) -> None:
    walk = make_walk(services)
    with pytest.raises(ValidationError):
        services.log.add_entry("note", date(2026, 1, 1), "x", "   ")
    with pytest.raises(ValidationError):
        services.log.add_entry("gossip", date(2026, 1, 1), "x", "Text")
    with pytest.raises(ValidationError):
        services.log.add_entry("note", "not a day", "x", "Text")
    services.walks.delete_walk(walk.id)
    with pytest.raises(ValidationError):
        services.log.add_entry("note", date(2026, 1, 1), "x", "Text", walk.id)


def test_a_walk_removed_for_good_leaves_its_entries_unlinked(services: Services) -> None:
    walk = make_walk(services)
    entry = services.log.add_entry("meeting", date(2026, 11, 4), "Ms Q", "Met.", walk.id)
    services.walks.delete_walk(walk.id)
    assert services.log.get_entry(entry.id).walk_in_trash
    services.trash.empty()
    kept = services.log.get_entry(entry.id)
    assert kept.text == "Met." and kept.walk_id is None and not kept.walk_in_trash


def test_changes_name_the_log_and_no_walk(services: Services) -> None:
    walk = make_walk(services)
    heard = []
    services.bus.subscribe(heard.append)
    entry = services.log.add_entry("meeting", date(2026, 11, 4), "Ms Q", "Met.", walk.id)
    services.log.update_entry(entry.id, text="Met twice.")
    services.log.delete_entry(entry.id)
    assert [(c.entity, c.action.value, c.walk_id) for c in heard] == [
        (Entity.LOG_ENTRY, "added", None), (Entity.LOG_ENTRY, "updated", None),
        (Entity.LOG_ENTRY, "removed", None)]


@pytest.mark.parametrize("name", sorted(LOG_CASES))
def test_each_log_edit_is_undone_and_redone(services: Services, name: str) -> None:
    walk = make_walk(services)
    ids = log_with_entries(services, walk.id)
    # A closed walk locks its own record, not the facilitator's notes about it.
    services.walks.update_walk(walk.id, status="closed")
    before = log_state(services)
    done = LOG_CASES[name](services, walk.id, ids).perform(services)
    assert done.walk_id == LOG_STACK
    after = log_state(services)
    assert after != before
    assert done.undo is not None
    undone = done.undo.perform(services)
    assert undone.walk_id == LOG_STACK
    assert log_state(services) == before
    assert undone.undo is not None
    redone = undone.undo.perform(services)
    assert log_state(services) == after and redone.walk_id == LOG_STACK
    assert redone.undo is not None
    redone.undo.perform(services)
    assert log_state(services) == before


def test_a_walkers_consent_to_be_named_is_kept_on_the_person(services: Services) -> None:
    walk = make_walk(services, walkers=2, walk_date=date(2026, 11, 2))
    make_walk(services, walkers=1, walk_date=date(2027, 3, 1))
    walkers = services.log.walkers_between(date(2026, 9, 1), date(2026, 12, 31))
    assert [w.name for w in walkers] == ["Walker 1", "Walker 2"]
    assert not any(w.reflections_named for w in walkers)
    services.log.name_in_portfolio(walkers[1].person_id, True)
    again = services.log.walkers_between(date(2026, 9, 1), date(2026, 12, 31))
    assert [w.reflections_named for w in again] == [False, True]
    assert walk.id  # the walk's own roster is unchanged
    assert LogEdit("delete_entry", ("x",)).describe()
