"""The growth journal and the action tracker read only what they print: one walker's
commitments and reflections, or the action items, never every walk's whole record.

Counted, not timed: the statements SQLite runs (its trace callback) and which tables they
touch. Adding walks the walker was not on, or notes to any walk, must not add reads.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import domain as d
from walkapp.services import NoteDraft, Services
from walkapp.services.walks import NewWalk


def _traced(services: Services) -> list[str]:
    statements: list[str] = []

    def seen(sql: str) -> None:
        statements.append(" ".join(sql.split()))

    def trace(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(seen)

    event.listen(services.db.engine, "connect", trace)
    services.db.engine.dispose()  # the pooled connections were opened without the trace
    return statements


def _reads(statements: list[str]) -> list[str]:
    return [s for s in statements if s.upper().startswith(("SELECT", "WITH"))]


def _other_walks(services: Services, count: int, notes: int) -> None:
    """Walks Carla was not on, each with notes."""
    for number in range(count):
        walk = services.walks.create_walk(NewWalk(title=f"Other walk {number}",
                                                  walk_date=date(2025, 3, 1 + number)))
        walker = services.plan.add_participant(walk.id, f"Somebody Else {number}")
        visit = services.plan.add_visit(walk.id, room="Room 1")
        for index in range(notes):
            services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id,
                                               text=f"Note {index}", visit_id=visit.id))
        services.debrief.save_commitment(walk.id, walker.id, "I will try something else.")


def _journal_reads(services: Services, render: Render) -> list[str]:
    statements = _traced(services)
    out = pdf_text(render("journal", walker="Carla Núñez"))
    assert "Growth journal: Carla Núñez" in out
    reads = _reads(statements)
    statements.clear()
    return reads


def test_the_journal_reads_no_notes_and_no_other_walks(services: Services, demo: d.Walk,
                                                       render: Render) -> None:
    before = _journal_reads(services, render)
    assert not [s for s in before if " notes" in s or "note_look_fors" in s], before
    _other_walks(services, 4, 30)
    after = _journal_reads(services, render)
    # The same reads, whatever else the database holds.
    assert len(after) == len(before), (before, after)
    out = squash(pdf_text(render("journal", walker="Carla Núñez")))
    assert squash("I will try something else.") not in out


def test_the_journal_still_finds_only_that_walkers_commitments(
        services: Services, demo: d.Walk, render: Render) -> None:
    _other_walks(services, 2, 3)
    record = services.records.walk_record(demo.id)
    carla = {p.id for p in demo.participants if p.display_name == "Carla Núñez"}
    hers = [c.text for c in record.commitments if c.participant_id in carla]
    others = [c.text for c in record.commitments if c.participant_id not in carla]
    out = squash(pdf_text(render("journal", walker="carla núñez")))
    assert hers and all(squash(t) in out for t in hers)
    assert others and not any(squash(t) in out for t in others)


def test_the_tracker_reads_no_notes_and_the_same_whatever_the_walks_hold(
        services: Services, demo: d.Walk, render: Render) -> None:
    def reads() -> list[str]:
        statements = _traced(services)
        assert "Action" in pdf_text(render("actions"))
        found = _reads(statements)
        statements.clear()
        return found

    before = reads()
    assert not [s for s in before if " notes" in s or "commitments" in s], before
    _other_walks(services, 4, 30)
    assert len(reads()) == len(before)
