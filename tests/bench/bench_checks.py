"""Speed of the checks that run while someone waits: the nudge check on each pause in
typing, refusing hostile notes files, and the evidence wall of a big walk.

Run: `python -m tests.bench.bench_checks [--repeat 30] [--json]` (`make bench` calls it).
The tests check the behaviour of each (work counted, never seconds); these are the figures:

- nudge: the check of a 2,000-character note that mixes accents, quotes, names and
  judgements (tests/core/test_nudge.py), median of `--repeat` runs;
- hostile files: every hostile or broken notes file of tests/core/test_bundle_hostile.py
  offered to `BundleService.import_files`; the slowest refusal;
- evidence wall: 6 walkers × 12 visits × 15 notes (1,080); how long `refresh()` holds the
  GUI thread before the read goes to a worker, and a regroup by visit of what is loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

# Qt draws offscreen here, as in the tests; set before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 2)


def nudge(repeat: int) -> dict[str, float]:
    from tests.core.test_nudge import KEYSTROKE_CHUNK
    from walkapp.nudge import check

    note = (KEYSTROKE_CHUNK * 40)[:2000]
    check(note)  # the lexicon loads once per language
    return {"nudge_2000_chars_ms_median": _median_ms(lambda: check(note), repeat)}


def hostile(folder: Path) -> dict[str, object]:
    from tests.core.test_bundle_hostile import CASES, build_cases, make_world

    world = make_world(folder / "hostile")
    cases = build_cases(world)
    fac = world[0]
    worst, worst_case = 0.0, ""
    try:
        for case in CASES:
            data, _ = cases[case]
            path = folder / "suspect.walknotes"
            path.write_bytes(data)
            started = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                report = fac.bundles.import_files([path])
            seconds = time.perf_counter() - started
            assert not report.files[0].accepted, case
            if seconds > worst:
                worst, worst_case = seconds, case
    finally:
        fac.close()
    return {"hostile_files": len(CASES), "hostile_slowest_refusal_ms": round(worst * 1000, 1),
            "hostile_slowest_case": worst_case}


def evidence_wall(folder: Path, repeat: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from tests.helpers.builders import make_walk
    from tests.ui.postbrief.test_evidence_wall import bulk_notes
    from walkapp.config import resolve_settings
    from walkapp.services import open_services
    from walkapp.ui import workers
    from walkapp.ui.models.evidence import GroupBy
    from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall

    app = QApplication.instance() or QApplication([])
    services = open_services(resolve_settings(folder / "wall"))
    try:
        walk = make_walk(services, "Big walk", walkers=6, visits=12,
                         look_fors=("Talk", "Questions", "Wait time", "Feedback"))
        bulk_notes(services, walk, 15)
        wall = EvidenceWall(services.notes, services.walks, walk.id)
        wall.resize(1366, 700)
        wall.show()
        blocked = []
        for _ in range(max(3, repeat // 10)):
            started = time.perf_counter()
            wall.refresh()
            blocked.append(time.perf_counter() - started)
            while wall.is_loading():
                app.processEvents()
        modes = [GroupBy.VISIT, GroupBy.LOOK_FOR]
        turn = iter(range(10**9))
        regroup = _median_ms(lambda: wall.set_group_by(modes[next(turn) % 2]), repeat)
        wall.shutdown()
        workers.wait_for_background()
        wall.deleteLater()
    finally:
        services.close()
    return {"wall_refresh_blocks_gui_ms_median": round(statistics.median(blocked) * 1000, 2),
            "wall_regroup_1080_notes_ms_median": regroup}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="walkapp-bench-") as folder:
        figures.update(nudge(args.repeat))
        figures.update(hostile(Path(folder)))
        figures.update(evidence_wall(Path(folder), args.repeat))
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"nudge check of a 2,000-character note: {figures['nudge_2000_chars_ms_median']} ms "
          f"(median of {args.repeat})")
    print(f"{figures['hostile_files']} hostile notes files refused; the slowest took "
          f"{figures['hostile_slowest_refusal_ms']} ms ({figures['hostile_slowest_case']})")
    print(f"evidence wall, 1,080 notes: refresh() holds the GUI thread "
          f"{figures['wall_refresh_blocks_gui_ms_median']} ms; regroup "
          f"{figures['wall_regroup_1080_notes_ms_median']} ms (medians)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
