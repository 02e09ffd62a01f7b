"""Benchmark: the facilitator imports six walkers' notes files (1,000+ notes in all), and
one walker's notes file of 100,000 notes (the most a file may hold), with the peak memory
of each import.

Run: `.venv/bin/python -m tests.bench.bench_import [--walkers 6] [--notes 1020]
[--big 100000] [--json]` (`--big 0` leaves out the big file).
Each laptop is its own data folder in a temporary directory. The walkers' notes are
written straight into their databases in one transaction each (setting up is not what is
measured); the facilitator's import goes through `BundleService.import_files`, backup and
all, exactly as the app and `walkapp import` do. Each measured import runs in a fresh
child process, as in the app (walkapp.services.offload), so that its peak resident memory
can be read (VmHWM); "baseline" is a child that only opens the database.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

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


def _child_import(folder: str, files: list[str], answers: Any) -> None:
    services, bundles = laptop(Path(folder))
    try:
        if files:
            started = time.perf_counter()
            report = bundles.import_files(files)
            seconds = time.perf_counter() - started
            refused = [f.rejected[0].reason for f in report.files if not f.accepted]
            result: dict[str, Any] = {"seconds": seconds, "refused": refused,
                                      "new": report.new}
        else:
            result = {"seconds": 0.0, "refused": [], "new": 0}
    finally:
        services.close()
    result["peak_mib"] = _peak_mib()
    answers.send(result)


def _peak_mib() -> float:
    """This process's peak resident memory. Not `ru_maxrss`: Linux carries that over from
    the parent through fork and exec, so a child of a big parent would report the parent's.
    The kernel's high-water mark (VmHWM) belongs to the process's own memory map."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measured_import(folder: Path, files: list[Path]) -> dict[str, Any]:
    """Import `files` into the data folder `folder` in a fresh child process: its time and
    its peak resident memory (MiB)."""
    context = multiprocessing.get_context("spawn")
    answers, child_end = context.Pipe(duplex=False)
    process = context.Process(target=_child_import,
                              args=(str(folder), [str(p) for p in files], child_end))
    process.start()
    result: dict[str, Any] = answers.recv()
    process.join()
    return result


def big_file(root: Path, notes: int) -> tuple[Path, Path, float]:
    """A walk with one walker and `notes` notes: the facilitator's folder, the walker's
    notes file, and how long writing that file took (seconds)."""
    from tests.helpers.bulk import fill

    fac, fac_bundles = laptop(root / "facilitator")
    walk = fac.walks.create_walk(NewWalk(title="Big walk", walk_date=date(2026, 11, 2)))
    walker = fac.plan.add_participant(walk.id, "Walker 1")
    for _ in range(6):
        fac.plan.add_visit(walk.id)
    for text in ("Student talk", "Open questions", "Wait time"):
        fac.plan.add_look_for(walk.id, text)
    kit = fac_bundles.write_kit(walk.id, root / "kit.walkkit", walker_id=walker.id)
    fac.close()
    services, bundles = laptop(root / "walker")
    bundles.open_kit(kit)
    services.close()
    fill(root / "walker", walk.id, walker.id, notes)
    services, bundles = laptop(root / "walker")
    try:
        started = time.perf_counter()
        path = bundles.write_notes(walk.id, walker.id, root / "big.walknotes")
        return root / "facilitator", path, time.perf_counter() - started
    finally:
        services.close()


def six_files(args: argparse.Namespace) -> dict[str, Any]:
    first, again, peaks = [], [], []
    sizes = total_notes = 0
    baseline = 0.0
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            fac, _bundles, files, walk_id = build(Path(folder), args.walkers, args.notes)
            fac.close()
            sizes = sum(p.stat().st_size for p in files)
            target = Path(folder) / "facilitator"
            baseline = measured_import(target, [])["peak_mib"]
            run = measured_import(target, files)
            assert not run["refused"], run["refused"]
            first.append(run["seconds"])
            peaks.append(run["peak_mib"])
            again.append(measured_import(target, files)["seconds"])
            fac, _ = laptop(target)
            total_notes = len(fac.records.walk_record(walk_id).notes)
            fac.close()
    return {"files": args.walkers, "notes": total_notes, "bytes": sizes,
            "import_seconds_median": round(statistics.median(first), 3),
            "import_seconds_all": [round(x, 3) for x in first],
            "reimport_seconds_median": round(statistics.median(again), 3),
            "peak_mib": round(max(peaks)), "baseline_mib": round(baseline)}


def one_big_file(notes: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        target, path, export_seconds = big_file(Path(folder), notes)
        baseline = measured_import(target, [])["peak_mib"]
        run = measured_import(target, [path])
        result = {"notes": notes, "bytes": path.stat().st_size,
                  "export_seconds": round(export_seconds, 2),
                  "import_seconds": round(run["seconds"], 2), "imported": run["new"],
                  "refused": run["refused"], "peak_mib": round(run["peak_mib"]),
                  "baseline_mib": round(baseline)}
        if not run["refused"]:
            result["reimport_seconds"] = round(measured_import(target, [path])["seconds"], 2)
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walkers", type=int, default=6)
    parser.add_argument("--notes", type=int, default=1020, help="notes in all")
    parser.add_argument("--repeat", type=int, default=3, help="fresh runs to time")
    parser.add_argument("--big", type=int, default=100_000,
                        help="notes in the one big file (0: leave it out)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result: dict[str, Any] = {"six": six_files(args)}
    if args.big:
        result["big"] = one_big_file(args.big)
    if args.json:
        print(json.dumps(result))
        return 0
    six = result["six"]
    print(f"Imported {six['files']} notes files ({six['notes']} notes, "
          f"{six['bytes'] / 1024:.0f} KiB) in {six['import_seconds_median']:.2f} s "
          f"(median of {args.repeat}; runs {six['import_seconds_all']}), peak memory "
          f"{six['peak_mib']} MiB (baseline {six['baseline_mib']} MiB); importing them "
          f"again took {six['reimport_seconds_median']:.2f} s.")
    if args.big:
        big = result["big"]
        outcome = (f"refused ({big['refused'][0]})" if big["refused"] else
                   f"imported {big['imported']:,} items in {big['import_seconds']:.1f} s, "
                   f"peak memory {big['peak_mib']} MiB (baseline {big['baseline_mib']} MiB); "
                   f"again in {big['reimport_seconds']:.1f} s")
        print(f"One notes file of {big['notes']:,} notes ({big['bytes'] / 2**20:.1f} MiB, "
              f"written in {big['export_seconds']:.1f} s): {outcome}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
