"""Benchmark: one note save, the way the note editor's autosave makes it, next to a raw
sqlite3 INSERT + COMMIT with the same pragmas on the same file, in the same run.

Run: `.venv/bin/python -m tests.bench.bench_save [--sizes empty notes_100k notes_1m]
[--saves 300] [--json] [--profile FILE]` (`make bench` runs it).

Each size is a fresh copy of the ladder's database (tests.bench.ladder). A save is what
the editor's autosave hands the serial writer (ui/widgets/note_editor.py `save`): the
draft, with the revision last read, goes to `NoteService.save_note`, and on the
facilitator's laptop a walker's note also asks `keeps_earlier_text`. It runs on the
writer's own worker thread (`walkapp.ui.writer.Writer`), through `Database` down to the
COMMIT, and the time is taken on that thread around the work (not the GUI thread's turn
of the event loop that reports it back). Two kinds of save:

- "update": the note being typed, saved again with one more word (the autosave's case);
- "add": the first save of a new note.

The baseline, "raw": a plain `sqlite3` connection opened once with the same pragmas
(WAL, synchronous=FULL, foreign_keys, secure_delete, busy_timeout) inserting one note row
of the same size and committing. Raw and walkapp saves take turns, so both see the same
disk and the same load; medians and the 99th percentile of each, and their ratios, are
printed. Issue 13's goal: median <= 2x and p99 <= 3x raw at notes_1m.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tests.bench.ladder import SIZES, copy_of
from walkapp import domain as d
from walkapp.events import EventBus
from walkapp.services import NoteDraft, Services
from walkapp.storage.db import BUSY_TIMEOUT_MS, Database
from walkapp.storage.types import new_id, utcnow

DEFAULT_SIZES = ("empty", "notes_100k", "notes_1m")
TEXT = ("Two students compared methods and one explained why halving first was easier; "
        "the teacher asked the class who agreed and why.")


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _summary(values: list[tuple[float, float]]) -> dict[str, float]:
    wall = [w for w, _ in values]
    return {"median_ms": statistics.median(wall) * 1000,
            "p99_ms": _percentile(wall, 0.99) * 1000,
            "cpu_median_ms": statistics.median(c for _, c in values) * 1000}


class _Raw:
    """The baseline: one sqlite3 connection, walkapp's pragmas, INSERT + COMMIT."""

    def __init__(self, path: Path, walk_id: str, author_id: str | None) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        for pragma in (f"busy_timeout = {BUSY_TIMEOUT_MS}", "journal_mode = WAL",
                       "synchronous = FULL", "foreign_keys = ON", "secure_delete = ON"):
            self.connection.execute(f"PRAGMA {pragma}")
        self.walk_id, self.author_id = walk_id, author_id
        self.columns = [row[1] for row in self.connection.execute("PRAGMA table_info(notes)")]

    def save(self, text: str) -> tuple[float, float]:
        now = utcnow().isoformat(sep=" ")
        values: dict[str, Any] = {"id": new_id(), "walk_id": self.walk_id,
                                  "author_id": self.author_id, "stem": "noticed",
                                  "text": text, "revision": 1, "created_at": now,
                                  "updated_at": now}
        names = [c for c in self.columns if c in values]
        sql = (f"INSERT INTO notes ({', '.join(names)}) "
               f"VALUES ({', '.join('?' for _ in names)})")
        started, cpu = time.perf_counter(), time.thread_time()
        self.connection.execute("BEGIN")
        self.connection.execute(sql, [values[c] for c in names])
        self.connection.execute("COMMIT")
        return time.perf_counter() - started, time.thread_time() - cpu

    def close(self) -> None:
        self.connection.close()


def _a_walk(services: Services) -> tuple[d.Walk, str | None, str | None, tuple[str, ...]]:
    """A walk of the database (one in the middle, as the ladder made it), or a new one."""
    walks = services.walks.list_walks()
    if walks:
        walk = services.walks.get_walk(walks[len(walks) // 2].id)
    else:
        from walkapp import demo

        walk = services.walks.get_walk(demo.create_demo_walk(services).id)
    walker = next((p.id for p in walk.participants if p.role == d.Role.WALKER), None)
    visit = walk.visits[0].id if walk.visits else None
    tags = (walk.look_fors[0].id,) if walk.look_fors else ()
    return walk, walker, visit, tags


class _EditorSave:
    """What the note editor's autosave queues (ui/widgets/note_editor.py `save`)."""

    def __init__(self, services: Services, draft: NoteDraft, check_kept: bool) -> None:
        self.services, self.draft, self.check_kept = services, draft, check_kept
        self.revision: int | None = None

    def __call__(self, text: str) -> Callable[[object], d.Note]:
        def save(_services: object) -> d.Note:
            notes = self.services.notes
            result = notes.save_note(replace(self.draft, text=text,
                                             base_revision=self.revision))
            self.revision = result.revision
            if self.check_kept:
                notes.keeps_earlier_text(result.id)
            return result
        return save


def _run_on_writer(writer: Any, app: Any, work: Callable[[object], object],
                   profiler: cProfile.Profile | None = None) -> tuple[float, float]:
    """Run `work` as the writer's next write; the seconds it took on the worker thread,
    and the processor seconds that thread spent on it."""
    from walkapp.services.commands import Call

    taken: list[tuple[float, float]] = []

    def timed(services: object) -> object:
        if profiler is not None:
            profiler.enable()  # (cProfile watches the thread that enables it)
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            return work(services)
        finally:
            taken.append((time.perf_counter() - started, time.thread_time() - cpu))
            if profiler is not None:
                profiler.disable()

    ticket = writer.write(Call(timed, "save the note"))
    assert ticket is not None
    ticket.finished.wait()
    while not writer.is_idle():  # the GUI thread's turn that hears of it
        app.processEvents()
    if ticket.error is not None:
        raise ticket.error
    return taken[0]


def measure(size: str, saves: int, folder: Path, profile: Path | None = None
            ) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication

    from walkapp.ui.writer import Writer

    app = QCoreApplication.instance() or QCoreApplication([])
    settings = copy_of(size, folder / size)
    db = Database(settings, backup_on_migrate=False).open()
    services = Services.create(db, EventBus())
    writer = Writer(services)
    try:
        walk, walker, visit, tags = _a_walk(services)
        check_kept = walk.local_mode is d.LocalMode.FACILITATOR and walker is not None
        assert db.path is not None
        raw = _Raw(db.path, walk.id, walker)
        base = NoteDraft(walk_id=walk.id, author_id=walker, text=TEXT, visit_id=visit,
                         look_for_ids=tags)
        typing = _EditorSave(services, replace(base, id=new_id()), check_kept)
        times: dict[str, list[tuple[float, float]]] = {"raw": [], "update": [], "add": []}
        profiler = cProfile.Profile() if profile is not None else None
        text = TEXT
        for i in range(saves + 10):  # the first ten warm up (connections, caches)
            text += f" word{i}"
            raw_s = raw.save(text)
            update_s = _run_on_writer(writer, app, typing(text), profiler)
            fresh = _EditorSave(services, replace(base, id=new_id()), check_kept)
            add_s = _run_on_writer(writer, app, fresh(TEXT), profiler)
            if i >= 10:
                times["raw"].append(raw_s)
                times["update"].append(update_s)
                times["add"].append(add_s)
        raw.close()
        if profiler is not None and profile is not None:
            profiler.dump_stats(str(profile))
    finally:
        writer.shutdown()
        db.close()
    result: dict[str, Any] = {"size": size, "notes": SIZES[size].notes, "saves": saves}
    for kind, values in times.items():
        result[kind] = _summary(values)
    for kind in ("update", "add"):
        result[kind]["median_x"] = result[kind]["median_ms"] / result["raw"]["median_ms"]
        result[kind]["p99_x"] = result[kind]["p99_ms"] / result["raw"]["p99_ms"]
        result[kind]["cpu_x"] = (result[kind]["cpu_median_ms"]
                                 / max(result["raw"]["cpu_median_ms"], 1e-6))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=list(DEFAULT_SIZES),
                        choices=list(SIZES))
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", type=Path, default=None,
                        help="write a cProfile of the walkapp saves (last size) to FILE")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="walkapp-bench-save-") as scratch:
        for size in args.sizes:
            results.append(measure(size, args.saves, Path(scratch), args.profile))
            # Each copy can be 800 MB: remove it before the next one is made.
            for path in sorted((Path(scratch) / size).glob("*")):
                path.unlink()
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"Note save vs raw sqlite3 INSERT+COMMIT, same pragmas, same file "
          f"({args.saves} saves each; on the writer's thread)")
    print(f"{'size':<12} {'kind':<7} {'median ms':>10} {'p99 ms':>8} {'median x':>9} "
          f"{'p99 x':>7} {'cpu ms':>7} {'cpu x':>6}")
    for r in results:
        raw = r["raw"]
        print(f"{r['size']:<12} {'raw':<7} {raw['median_ms']:>10.3f} {raw['p99_ms']:>8.3f} "
              f"{'1.00':>9} {'1.00':>7} {raw['cpu_median_ms']:>7.3f} {'1.00':>6}")
        for kind in ("update", "add"):
            k = r[kind]
            print(f"{'':<12} {kind:<7} {k['median_ms']:>10.3f} {k['p99_ms']:>8.3f} "
                  f"{k['median_x']:>9.2f} {k['p99_x']:>7.2f} {k['cpu_median_ms']:>7.3f} "
                  f"{k['cpu_x']:>6.2f}")
    print("goal (issue 13): median <= 2x, p99 <= 3x raw at notes_1m (wall clock; 'cpu' is "
          "the processor time of the saving thread, which the disk's speed does not hide)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
