"""A walk kit carries the walk's language, and laptops in different languages work together
(issue 19, item 3): a walker whose app is in Spanish opens an English facilitator's kit and
the other way round; the walk keeps its language on every laptop, the kit stays readable by
a version 1 reader (format_version 1, `language` one of its walk fields from the start), the
walker's notes travel back word for word, and each note is judged in the language it is
written in."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.laptops import Laptop, laptops
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.bundles import crypto
from walkapp.note_states import NoteState
from walkapp.services import NewWalk, NoteDraft

SPANISH_NOTE = "La profesora fue excelente y los alumnos estaban aburridos."
ENGLISH_NOTE = "The teacher was amazing and the students were bored."
PLAIN_SPANISH = "Tres alumnos explicaron su método a un compañero."


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


@contextmanager
def app_in(language: str) -> Iterator[None]:
    """The laptop's app language (what --lang or Preferences set)."""
    fmt.set_locale(language)
    try:
        yield
    finally:
        fmt.set_locale(None)


def _walk(fac: Laptop, language: str) -> d.Walk:
    s = fac.services
    walk = s.walks.create_walk(NewWalk(title="Recorrido" if language == "es" else "Walk",
                                       walk_date=date(2026, 11, 2), language=language))
    s.plan.add_participant(walk.id, "Fran Facilitator", d.Role.FACILITATOR)
    for name in ("Ana", "Ben"):
        s.plan.add_participant(walk.id, name)
    s.plan.add_visit(walk.id)
    return s.walks.get_walk(walk.id)


def _kit_walk(kit: Path) -> tuple[dict[str, object], dict[str, object]]:
    with zipfile.ZipFile(kit) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        walk = json.loads(archive.read("walk.json"))
    return manifest, walk


def _states(laptop: Laptop, walk_id: str) -> dict[str, NoteState]:
    notes = laptop.services.notes.list_notes(walk_id)
    statuses = laptop.services.reviews.statuses(walk_id)
    return {n.text: statuses[n.id].state for n in notes}


@pytest.mark.parametrize(("walk_language", "walker_app"), [("en", "es"), ("es", "en")])
def test_a_kit_opens_on_a_laptop_in_the_other_language_and_the_notes_come_back(
        tmp_path: Path, walk_language: str, walker_app: str) -> None:
    facilitator_app = walk_language
    with laptops(tmp_path, "fac", "ana") as (fac, ana):
        with app_in(facilitator_app):
            walk = _walk(fac, walk_language)
            me = walk.walkers[0]
            kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=me.id)
        manifest, walk_json = _kit_walk(kit)
        # A version 1 kit: version 1 readers open it, and it says the walk's language.
        assert manifest["format_version"] == 1
        assert json.dumps(walk_json).count(f'"language": "{walk_language}"') >= 1
        with app_in(walker_app):
            ana.bundles.open_kit(kit)
            copy = ana.services.walks.get_walk(walk.id)
            assert copy.language == walk_language
            assert copy.protocol_hash == walk.protocol_hash
            for text in (SPANISH_NOTE, ENGLISH_NOTE, PLAIN_SPANISH):
                ana.services.notes.save_note(NoteDraft(walk.id, me.id, text,
                                                       visit_id=walk.visits[0].id))
            # Each note judged in its own language, whatever the walk's and the app's.
            assert _states(ana, walk.id) == {SPANISH_NOTE: NoteState.FLAGGED,
                                             ENGLISH_NOTE: NoteState.FLAGGED,
                                             PLAIN_SPANISH: NoteState.IN_RECORD}
            notes_file = ana.bundles.write_notes(walk.id, me.id, tmp_path / "ana.walknotes")
        with app_in(facilitator_app):
            report = fac.bundles.import_files([notes_file])
            assert report.clean and report.new == 3
            assert fac.services.walks.get_walk(walk.id).language == walk_language
            assert _states(fac, walk.id) == _states(ana, walk.id)
            record = fac.services.records.walk_record(walk.id)
            assert sorted(n.text for n in record.notes) == sorted(
                (SPANISH_NOTE, ENGLISH_NOTE, PLAIN_SPANISH))
