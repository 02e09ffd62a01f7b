"""Notes: idempotent saves, revisions, tombstones, odd text kept exactly."""

from __future__ import annotations

import pytest

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp.errors import NotFoundError, ValidationError
from walkapp.services import NoteDraft, Services
from walkapp.storage.types import new_id


def test_save_is_an_idempotent_upsert(services: Services) -> None:
    walk = make_walk(services)
    note_id = new_id()
    draft = NoteDraft(id=note_id, walk_id=walk.id, author_id=walk.walkers[0].id,
                      visit_id=walk.visits[0].id, text="Pairs talk", stem=d.Stem.NOTICED)
    first = services.notes.save_note(draft)
    again = services.notes.save_note(draft)  # a retried autosave
    assert first.revision == again.revision == 1
    edited = services.notes.save_note(NoteDraft(**{**draft.__dict__, "text": "Pairs talk 4 min",
                                                   "look_for_ids": (walk.look_fors[1].id,)}))
    assert edited.revision == 2 and edited.look_for_ids == (walk.look_fors[1].id,)
    assert [n.id for n in services.notes.list_notes(walk.id)] == [note_id]


def test_delete_leaves_a_tombstone_without_text(services: Services) -> None:
    walk = make_walk(services)
    note = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                              text="Private remark"))
    services.notes.delete_note(note.id)
    assert services.notes.list_notes(walk.id) == []
    with pytest.raises(NotFoundError):
        services.notes.get_note(note.id)
    with services.db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT text, revision, deleted_at FROM notes").one()
    assert row[0] == "" and row[1] == 2 and row[2] is not None


def test_notes_filter_by_visit_and_author(services: Services) -> None:
    walk = make_walk(services, walkers=2, visits=2)
    w1, w2 = walk.walkers
    v1, v2 = walk.visits
    for author, visit in [(w1, v1), (w1, v2), (w2, v1)]:
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=author.id,
                                           visit_id=visit.id, text=f"{author.id}{visit.id}"))
    assert len(services.notes.list_notes(walk.id, visit_id=v1.id)) == 2
    assert len(services.notes.list_notes(walk.id, author_id=w1.id)) == 2


def test_references_must_belong_to_the_walk(services: Services) -> None:
    walk = make_walk(services)
    other = make_walk(services, "Other")
    with pytest.raises(NotFoundError, match="visit"):
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                           visit_id=other.visits[0].id, text="x"))
    with pytest.raises(NotFoundError, match="look-for"):
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                           look_for_ids=(other.look_fors[0].id,), text="x"))
    with pytest.raises(ValidationError, match="Stem"):
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="x",
                                           stem="verdict"))


ODD_TEXTS = [
    "emoji 🧑‍🏫👩🏽‍🎓 and flags 🇪🇸",
    "עברית ומספרים 123 mixed with English",
    "مرحبا بالعالم",
    "NUL\x00byte and \x07bell and \x1b[31mescape",
    "'; DROP TABLE notes; --",
    "<b>bold</b> &amp; <img src='http://x'>",
    "Año señal café — “quotes” …",
    "  leading and trailing spaces  \n\nand blank lines\n",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_text_is_stored_exactly(services: Services, text: str) -> None:
    walk = make_walk(services)
    saved = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walk.walkers[0].id,
                                               text=text))
    assert services.notes.get_note(saved.id).text == text


def test_a_one_megabyte_note_is_kept_and_a_huge_one_refused(services: Services) -> None:
    walk = make_walk(services)
    big = ("Students counted in pairs. " * 40_000)[:1_000_000]
    saved = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text=big))
    assert services.notes.get_note(saved.id).text == big
    with pytest.raises(ValidationError, match="limit"):
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="x" * 2_000_001))


def test_reflections_save_and_update(services: Services) -> None:
    walk = make_walk(services)
    author = walk.walkers[0].id
    first = services.notes.save_reflection(walk.id, author, "What did you learn?", "A lot")
    second = services.notes.save_reflection(walk.id, author, "What did you learn?",
                                            "A lot about pauses", first.id)
    assert second.id == first.id and second.revision == 2
    assert [r.text for r in services.notes.list_reflections(walk.id)] == ["A lot about pauses"]


def test_a_stale_editor_cannot_overwrite_a_newer_version(services: Services) -> None:
    from walkapp.errors import EditConflictError

    walk = make_walk(services)
    first = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="v1"))
    # Another laptop's version arrives (an import) and moves the revision on.
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="theirs",
                                       id=first.id))
    with pytest.raises(EditConflictError):
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="mine",
                                           id=first.id, base_revision=first.revision))
    assert services.notes.get_note(first.id).text == "theirs"
    # Without a base revision (CLI, imports) the save goes through as before.
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=None, text="mine",
                                       id=first.id))
    assert services.notes.get_note(first.id).text == "mine"
