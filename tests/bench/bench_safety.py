"""Safety benchmarks: startup check, open, backup and restore on a database of 1,000 walks.

Run: `python -m tests.bench.bench_safety [--walks 1000] [--kills 0] [--json]`
(`make bench` can call it). The 1,000 walks are built like the demo walk — five visits,
four walkers and a facilitator, four look-fors, five norms, 44 notes with their tags,
commitments and action items — written in bulk in one transaction so the set-up takes
seconds rather than the minutes that one autosave per note would.

With `--kills N` it also runs the SIGKILL crash harness (tests/helpers/crash.py) and prints
kills survived and the worst loss observed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from walkapp import demo
from walkapp.config import Settings, resolve_settings
from walkapp.storage import models as m
from walkapp.storage.backup import backup_file
from walkapp.storage.db import Database
from walkapp.storage.restore import restore
from walkapp.storage.startup import check_database
from walkapp.storage.types import new_id, utcnow


def build_database(settings: Settings, walks: int) -> None:
    """`walks` demo-like walks, inserted in bulk."""
    db = Database(settings, backup_on_migrate=False).open()
    now = utcnow()
    rows: dict[Any, list[dict[str, Any]]] = {t: [] for t in (
        m.Walk, m.Participant, m.Visit, m.LookFor, m.Norm, m.Note, m.Commitment,
        m.ActionItem)}
    tags: list[dict[str, str]] = []
    stamp = {"created_at": now, "updated_at": now}
    for w in range(walks):
        walk_id = new_id()
        rows[m.Walk].append({"id": walk_id, "title": f"Learning walk {w + 1}",
                             "walk_date": date(2026, 11, 1) - timedelta(days=w * 3),
                             "focus": demo.FOCUS, "school": "Riverside Primary", **stamp})
        people = [new_id() for _ in demo.WALKERS]
        rows[m.Participant].append({"id": new_id(), "walk_id": walk_id, "role": "facilitator",
                                    "display_name": demo.FACILITATOR, "position": 0, **stamp})
        for i, (pid, name) in enumerate(zip(people, demo.WALKERS, strict=True)):
            rows[m.Participant].append({"id": pid, "walk_id": walk_id, "role": "walker",
                                        "display_name": name, "position": i + 1, **stamp})
        visits = [new_id() for _ in demo.VISITS]
        for i, (vid, (room, grade, subject)) in enumerate(zip(visits, demo.VISITS,
                                                              strict=True)):
            rows[m.Visit].append({"id": vid, "walk_id": walk_id, "position": i + 1,
                                  "room": room, "grade": grade, "subject": subject, **stamp})
        look_fors = [new_id() for _ in demo.LOOK_FORS]
        for i, (lid, (text, description)) in enumerate(zip(look_fors, demo.LOOK_FORS,
                                                           strict=True)):
            rows[m.LookFor].append({"id": lid, "walk_id": walk_id, "position": i + 1,
                                    "text": text, "description": description, **stamp})
        for i, text in enumerate(demo.NORMS):
            rows[m.Norm].append({"id": new_id(), "walk_id": walk_id, "position": i + 1,
                                 "text": text, "agreed": True, **stamp})
        for visit, walker, stem, tag_indexes, text in demo.NOTES:
            note_id = new_id()
            rows[m.Note].append({"id": note_id, "walk_id": walk_id,
                                 "author_id": people[walker], "visit_id": visits[visit],
                                 "stem": stem.value, "text": text, "revision": 1, **stamp})
            tags += [{"note_id": note_id, "look_for_id": look_fors[t]} for t in tag_indexes]
        for pid in people:
            rows[m.Commitment].append({"id": new_id(), "walk_id": walk_id,
                                       "participant_id": pid, "revision": 1,
                                       "text": "I will try three seconds of wait time.",
                                       **stamp})
        for i in range(3):
            rows[m.ActionItem].append({"id": new_id(), "origin_walk_id": walk_id,
                                       "text": f"Action item {i + 1}", "position": i,
                                       **stamp})
    with db.transaction("building the benchmark database") as session:
        for model, values in rows.items():
            session.execute(insert(model), values)
        session.execute(insert(m.note_look_fors), tags)
    db.close()


def _time(fn: Any, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run(walks: int, repeat: int, folder: Path) -> dict[str, Any]:
    settings = resolve_settings(folder / "data")
    started = time.perf_counter()
    build_database(settings, walks)
    path = settings.sqlite_path
    assert path is not None
    figures: dict[str, Any] = {"walks": walks, "build_seconds": time.perf_counter() - started,
                               "database_bytes": path.stat().st_size}
    figures["startup_check_seconds"], report = _time(lambda: check_database(settings), repeat)
    assert report.status.value == "ok", report
    figures["open_seconds"], _ = _time(lambda: Database(settings).open().close(), repeat)
    figures["backup_seconds"], copy = _time(
        lambda: backup_file(path, settings.backup_dir, "bench"), repeat)
    restores: list[float] = []
    for _ in range(repeat):
        result = restore(path, copy, settings.backup_dir)
        restores.append(result.seconds)
    figures["restore_seconds"] = statistics.median(restores)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--kills", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="walkapp-bench-"))
    try:
        figures = run(args.walks, args.repeat, folder)
        if args.kills:
            from tests.helpers.crash import run_kills

            stats = run_kills(folder / "crash", args.kills, lanes=2)
            figures.update({"kills": stats.kills, "kill_failures": len(stats.failures),
                            "kills_with_save_in_flight": stats.kills_with_save_in_flight,
                            "worst_loss_chars": stats.worst_loss_chars,
                            "worst_loss_autosave_intervals": stats.worst_loss_intervals,
                            "crash_seconds": stats.seconds})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"database of {figures['walks']} walks: {figures['database_bytes'] / 1e6:.1f} MB "
          f"(built in {figures['build_seconds']:.1f} s)")
    for key in ("startup_check", "open", "backup", "restore"):
        print(f"  {key.replace('_', ' '):<14} {figures[f'{key}_seconds'] * 1000:8.1f} ms "
              f"(median of {args.repeat})")
    if args.kills:
        print(f"  crash: {figures['kills']} kills, {figures['kill_failures']} failures, worst "
              f"loss {figures['worst_loss_chars']} characters "
              f"({figures['worst_loss_autosave_intervals']} autosave interval)")


if __name__ == "__main__":
    main()
