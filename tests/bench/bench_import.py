"""Benchmark: the facilitator imports six walkers' notes files (1,000+ notes in all).

Run: `.venv/bin/python -m tests.bench.bench_import [--walkers 6] [--notes 1020] [--json]`.
Each laptop is its own data folder in a temporary directory. The walkers' notes are
written straight into their databases in one transaction each (setting up is not what is
measured); the facilitator's import goes through `BundleService.import_files`, backup and
all, exactly as the app and `walkapp import` do.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from walkapp import domain as d
from walkapp.bundles import BundleService
from walkapp.config import resolve_settings
from walkapp.services import NewWalk, Services
from walkapp.storage import models as m
from walkapp.storage.db import Database
from walkapp.storage.types import new_id

SENTENCES = [
    "Two students compared methods and one explained why halving first was easier.",
    "After the question there was a pause of about five seconds before hands went up.",
    "A student asked her partner: do you agree, and why did you get nine?",
    "The board showed three different ways to share 48 counters between six bags.",
    "Sentence strips on each table: I think ___ because ___; heard them used twice.",
    "I wonder how the groups were chosen and whether they change each week.",
]


def laptop(folder: Path) -> tuple[Services, BundleService]:
    services = Services.create(Database(resolve_settings(folder)).open())
    return services, BundleService(services.db, services.bus)


def build(root: Path, walkers: int, notes: int) -> tuple[Services, BundleService, list[Path],
                                                          str]:
    fac, fac_bundles = laptop(root / "facilitator")
    walk = fac.walks.create_walk(NewWalk(title="Benchmark walk", walk_date=date(2026, 11, 2)))
    fac.plan.add_participant(walk.id, "Facilitator", d.Role.FACILITATOR)
    for i in range(walkers):
        fac.plan.add_participant(walk.id, f"Walker {i + 1}")
    visits = [fac.plan.add_visit(walk.id).id for _ in range(6)]
    tags = [fac.plan.add_look_for(walk.id, text).id
            for text in ("Student talk", "Open questions", "Wait time")]
    walk = fac.walks.get_walk(walk.id)
    kit = fac_bundles.write_kit(walk.id, root / "kit.walkkit")
    files = []
    per_walker = -(-notes // walkers)
    for i, walker in enumerate(walk.walkers):
        services, bundles = laptop(root / f"walker{i + 1}")
        bundles.open_kit(kit, walker=walker.display_name)
        with services.db.transaction("benchmark notes") as session:
            look_fors = {lf.id: lf for lf in session.query(m.LookFor)}
            for n in range(per_walker):
                note = m.Note(id=new_id(), walk_id=walk.id, author_id=walker.id,
                              visit_id=visits[n % len(visits)], stem="noticed",
                              text=f"{SENTENCES[n % len(SENTENCES)]} ({walker.display_name}, "
                                   f"note {n + 1})")
                note.look_fors = [look_fors[tags[n % len(tags)]]]
                session.add(note)
        services.debrief.save_commitment(walk.id, walker.id, "I will try a longer pause.")
        files.append(bundles.write_notes(walk.id, walker.id,
                                         root / f"walker{i + 1}.walknotes"))
        services.close()
    return fac, fac_bundles, files, walk.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walkers", type=int, default=6)
    parser.add_argument("--notes", type=int, default=1020, help="notes in all")
    parser.add_argument("--repeat", type=int, default=3, help="fresh runs to time")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    first, again = [], []
    sizes = 0
    total_notes = 0
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            fac, bundles, files, walk_id = build(Path(folder), args.walkers, args.notes)
            sizes = sum(p.stat().st_size for p in files)
            started = time.perf_counter()
            report = bundles.import_files(files)
            first.append(time.perf_counter() - started)
            assert report.clean, report.summary()
            total_notes = len(fac.records.walk_record(walk_id).notes)
            started = time.perf_counter()
            repeat = bundles.import_files(files)
            again.append(time.perf_counter() - started)
            assert repeat.new == repeat.updated == 0
            fac.close()
    result = {"files": args.walkers, "notes": total_notes, "bytes": sizes,
              "import_seconds_median": round(statistics.median(first), 3),
              "import_seconds_all": [round(x, 3) for x in first],
              "reimport_seconds_median": round(statistics.median(again), 3)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"Imported {result['files']} notes files ({total_notes} notes, "
              f"{sizes / 1024:.0f} KiB) in {result['import_seconds_median']:.2f} s "
              f"(median of {args.repeat}; runs {result['import_seconds_all']}); "
              f"importing them again took {result['reimport_seconds_median']:.2f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
