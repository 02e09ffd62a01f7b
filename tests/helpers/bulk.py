"""Many notes written straight into a walker's database with bulk inserts, for the tests
and benchmarks of big notes files (setting up is not what they measure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from tests.helpers.laptops import open_laptop
from walkapp.storage import models as m
from walkapp.storage.types import new_id

SENTENCES = (
    "Two students compared methods and one explained why halving first was easier.",
    "After the question there was a pause of about five seconds before hands went up.",
    "A student asked her partner: do you agree, and why did you get nine?",
    "Sentence strips on each table: I think ___ because ___; heard them used twice.",
)


def fill(laptop_folder: Path, walk_id: str, walker_id: str, count: int) -> None:
    """`count` notes by `walker_id`, each on a visit with one look-for, in one transaction:
    note n says SENTENCES[n % 4] followed by "(note n+1)"."""
    laptop = open_laptop(laptop_folder.parent, laptop_folder.name)
    try:
        with laptop.services.db.transaction("many notes") as session:
            visits = list(session.scalars(select(m.Visit.id).where(m.Visit.walk_id == walk_id)))
            tags = list(session.scalars(select(m.LookFor.id)
                                        .where(m.LookFor.walk_id == walk_id)))
            start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
            rows, links = [], []
            for n in range(count):
                note_id = new_id()
                moment = start + timedelta(milliseconds=n)
                rows.append({"id": note_id, "walk_id": walk_id, "author_id": walker_id,
                             "visit_id": visits[n % len(visits)], "stem": "noticed",
                             "text": f"{SENTENCES[n % len(SENTENCES)]} (note {n + 1})",
                             "created_at": moment, "updated_at": moment, "revision": 1})
                links.append({"note_id": note_id, "look_for_id": tags[n % len(tags)]})
            session.execute(insert(m.Note), rows)
            session.execute(insert(m.note_look_fors), links)
    finally:
        laptop.close()
