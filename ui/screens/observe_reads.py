"""What the observation screen (walkapp.ui.screens.observation) reads off the GUI thread:
the notes beside the editor, and which of them the facilitator changed."""

from __future__ import annotations

from collections.abc import Callable

from walkapp import domain as d
from walkapp.services import Services

NotesRead = tuple[list[d.Note], set[str]]


def notes_reader(services: Services, walk: d.Walk, author_id: str | None,
                 everyone: bool) -> Callable[[], NotesRead]:
    """A read, for a worker thread, of `author_id`'s notes (everyone's with `everyone`) and
    the ids of those to mark "edited by the facilitator". Answers to the visit form are
    not notes here: the form beside the editor shows them."""
    notes_service, history, walk_id = services.notes, services.history, walk.id
    walkers = {w.id for w in walk.walkers}
    # The facilitator's laptop, a walker's notes: mark those the facilitator changed.
    marks = walk.local_mode is d.LocalMode.FACILITATOR and author_id is not None \
        and author_id in walkers

    def read() -> NotesRead:
        # Everyone's notes in one query (a big walk: 6 walkers x 15 notes x 12 visits).
        notes = notes_service.list_notes(walk_id, author_id=None if everyone else author_id)
        if not (marks or everyone):
            return notes, set()
        edited = history.rows_with_history(walk_id)
        if everyone and not marks:  # only walkers' notes are "edited by the facilitator"
            edited &= {n.id for n in notes if n.author_id in walkers}
        return notes, edited

    return read
