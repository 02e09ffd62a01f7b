"""Databases of several sizes for the benchmarks (issue 13's size ladder).

    python -m tests.bench.ladder [SIZE ...]      # build (or find) them, print where

| size        | walks  | notes per walk | notes     |
|-------------|--------|----------------|-----------|
| empty       | 0      | -              | 0         |
| walks_1k    | 1,000  | 44             | 44,000    |
| walks_10k   | 10,000 | 44             | 440,000   |
| notes_100k  | 100    | 1,000          | 100,000   |
| notes_1m    | 1,000  | 1,000          | 1,000,000 |

Every walk is a copy of the demo walk as the app makes it (`walkapp.demo`), protocol
snapshot included (about 8.5 KB a walk), with its walkers, visits, look-fors, norms,
commitments and action items; its notes are the demo's notes, repeated with a number
until the walk has as many as its size says. Each note is tagged with one look-for; one
note in fifty is deleted (a tombstone), as on a walk that was edited.

The database is made by the real schema (Alembic migrations, through `Database.open`) and
filled with bulk inserts in one transaction; setting up is not what the benchmarks measure.
Each size is built once and kept in a cache folder (`$WALKAPP_BENCH_CACHE`, else
`~/.cache/walkapp-bench`) under a key made from the schema (models and migrations) and
`BUILD`, so a schema change builds it again. `copy_of(size, folder)` gives a data folder of
its own to a benchmark that writes or opens the app (the cached file is never opened by a
benchmark).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from walkapp import demo
from walkapp.config import DATABASE_FILENAME, Settings, resolve_settings
from walkapp.storage import models as m
from walkapp.storage.types import new_id, utcnow

# Change when what is built changes (not the schema: that is in the key already).
BUILD = 1

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Size:
    walks: int
    notes_per_walk: int

    @property
    def notes(self) -> int:
        return self.walks * self.notes_per_walk


SIZES: dict[str, Size] = {
    "empty": Size(0, 0),
    "walks_1k": Size(1_000, len(demo.NOTES)),
    "walks_10k": Size(10_000, len(demo.NOTES)),
    "notes_100k": Size(100, 1_000),
    "notes_1m": Size(1_000, 1_000),
}


def cache_root() -> Path:
    configured = os.environ.get("WALKAPP_BENCH_CACHE")
    if configured:
        return Path(configured)
    return Path.home() / ".cache" / "walkapp-bench"


def schema_key() -> str:
    """Changes whenever the models, the migrations or this builder change."""
    digest = hashlib.sha256(f"build {BUILD}".encode())
    storage = ROOT / "walkapp" / "storage"
    for path in sorted([storage / "models.py", *sorted((storage / "migrations").rglob("*.py"))]):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def database(size: str) -> Path:
    """The cached database file of `size`, built first if need be. Never open it for
    writing: take `copy_of` for that."""
    if size not in SIZES:
        raise SystemExit(f"unknown size {size!r}; one of {', '.join(SIZES)}")
    target = cache_root() / schema_key() / size / DATABASE_FILENAME
    if not target.exists():
        _build(size, target)
    return target


def copy_of(size: str, folder: Path) -> Settings:
    """A data folder at `folder` (made if missing) holding a fresh copy of `size`'s database;
    its settings."""
    source = database(size)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    destination = folder / DATABASE_FILENAME
    shutil.copyfile(source, destination)
    os.chmod(destination, 0o600)
    return resolve_settings(folder)


def _build(size: str, target: Path) -> None:
    spec = SIZES[size]
    print(f"ladder: building {size} ({spec.walks:,} walks, {spec.notes:,} notes)...",
          file=sys.stderr, flush=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        settings = resolve_settings(Path(scratch) / "data")
        _fill(settings, spec)
        built = settings.data_dir / DATABASE_FILENAME
        connection = sqlite3.connect(built)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        os.replace(built, target)


def _fill(settings: Settings, spec: Size) -> None:
    from walkapp.services import open_services

    services = open_services(settings)
    try:
        if spec.walks == 0:
            return
        # The protocol columns of a walk exactly as the app makes one.
        template = demo.create_demo_walk(services)
        db = services.db
        with db.transaction("reading the template walk") as session:
            walk = session.get(m.Walk, template.id)
            assert walk is not None
            protocol = {column: getattr(walk, column) for column in (
                "language", "protocol_id", "protocol_version", "protocol_hash",
                "protocol_snapshot", "visit_minutes", "corridor_minutes")}
            session.delete(walk)
        rows = _rows(spec, protocol)
        with db.transaction("building the benchmark database") as session:
            connection = session.connection()
            for table, values in rows.items():
                for start in range(0, len(values), 50_000):
                    connection.execute(insert(table), values[start:start + 50_000])
            left = session.scalar(select(m.Walk.id).limit(1))
            assert left is not None
    finally:
        services.close()


def _rows(spec: Size, protocol: dict[str, Any]) -> dict[Any, list[dict[str, Any]]]:
    now = utcnow()
    stamp = {"created_at": now, "updated_at": now}
    tables = (m.Walk.__table__, m.Participant.__table__, m.Visit.__table__,
              m.LookFor.__table__, m.Norm.__table__, m.Note.__table__,
              m.note_look_fors, m.Commitment.__table__, m.ActionItem.__table__)
    rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in tables}
    walks, people_t, visits_t, tags_t, norms_t, notes_t, links_t, commits_t, actions_t = (
        rows[t] for t in tables)
    for w in range(spec.walks):
        walk_id = new_id()
        walks.append({"id": walk_id, "title": f"Learning walk {w + 1}",
                      "walk_date": date(2026, 11, 1) - timedelta(days=w % 3650),
                      "focus": demo.FOCUS, "school": f"School {w % 40 + 1}",
                      "status": "closed" if w % 3 else "planned",
                      "current_phase": "post_brief" if w % 3 else "plan", **protocol, **stamp})
        people = [new_id() for _ in demo.WALKERS]
        people_t.append({"id": new_id(), "walk_id": walk_id, "role": "facilitator",
                         "display_name": demo.FACILITATOR, "position": 0, **stamp})
        for i, (pid, name) in enumerate(zip(people, demo.WALKERS, strict=True)):
            people_t.append({"id": pid, "walk_id": walk_id, "role": "walker",
                             "display_name": name, "position": i + 1, **stamp})
        visits = [new_id() for _ in demo.VISITS]
        for i, (vid, (room, grade, subject)) in enumerate(zip(visits, demo.VISITS,
                                                              strict=True)):
            visits_t.append({"id": vid, "walk_id": walk_id, "position": i + 1, "room": room,
                             "grade": grade, "subject": subject, **stamp})
        look_fors = [new_id() for _ in demo.LOOK_FORS]
        for i, (lid, (text, description)) in enumerate(zip(look_fors, demo.LOOK_FORS,
                                                           strict=True)):
            tags_t.append({"id": lid, "walk_id": walk_id, "position": i + 1, "text": text,
                           "description": description, **stamp})
        for i, text in enumerate(demo.NORMS):
            norms_t.append({"id": new_id(), "walk_id": walk_id, "position": i + 1,
                            "text": text, "agreed": True, **stamp})
        for n in range(spec.notes_per_walk):
            visit, walker, stem, _tags, text = demo.NOTES[n % len(demo.NOTES)]
            note_id = new_id()
            suffix = "" if n < len(demo.NOTES) else f" ({n + 1})"
            notes_t.append({"id": note_id, "walk_id": walk_id, "author_id": people[walker],
                            "visit_id": visits[visit], "stem": stem.value,
                            "text": text + suffix, "revision": 1,
                            "deleted_at": now if n % 50 == 49 else None, **stamp})
            links_t.append({"note_id": note_id, "look_for_id": look_fors[n % len(look_fors)]})
        for pid in people:
            commits_t.append({"id": new_id(), "walk_id": walk_id, "participant_id": pid,
                              "revision": 1, "text": "I will try three seconds of wait time.",
                              **stamp})
        for i in range(3):
            actions_t.append({"id": new_id(), "origin_walk_id": walk_id,
                              "text": f"Action item {i + 1}", "position": i, **stamp})
    return rows


def main(argv: list[str]) -> int:
    for size in argv or list(SIZES):
        path = database(size)
        print(f"{size}: {path} ({path.stat().st_size / 2**20:,.0f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
