"""How long reports take to make.

    python -m tests.bench.bench_reports [--repeat 3] [--json]

Measures (1) the debrief of a big walk — 6 walkers × 12 visits × 15 notes = 1,080 notes —
built in memory so only the report is timed, and (2) every report kind for the demo walk
through the public API (services → data → PDF). Prints the fastest and median of
`--repeat` runs; figures on a busy 2-core machine are noisy, so compare ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.helpers.records import big_record
from walkapp.config import resolve_settings
from walkapp.demo import create_demo_walk
from walkapp.reports import Paper, ReportKind, ReportRequest, load_renderers, render_report
from walkapp.reports.build_walk import debrief_data
from walkapp.reports.debrief import render as render_debrief
from walkapp.reports.page import count_pages
from walkapp.services import open_services


def _measure(fn: Callable[[], bytes], repeat: int) -> dict[str, float | int]:
    times, pdf = [], b""
    for _ in range(repeat):
        started = time.perf_counter()
        pdf = fn()
        times.append(time.perf_counter() - started)
    return {"best_s": round(min(times), 3), "median_s": round(statistics.median(times), 3),
            "pages": count_pages(pdf), "kib": len(pdf) // 1024}


def run(repeat: int) -> dict[str, dict[str, float | int]]:
    load_renderers()
    results: dict[str, dict[str, float | int]] = {}
    record = big_record(walkers=6, visits=12, notes_per_walker_visit=15)
    results["debrief, 1080 notes (in memory)"] = _measure(
        lambda: render_debrief(debrief_data(record), Paper.A4), repeat)
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(resolve_settings(Path(folder)))
        try:
            walk = create_demo_walk(services)
            for kind in ReportKind:
                request = ReportRequest(kind=kind, walk_id=walk.id, walker="Carla Núñez",
                                        visit=2, paper=Paper.A4)
                results[f"{kind.value}, demo walk"] = _measure(
                    lambda request=request: render_report(services, request), repeat)
        finally:
            services.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = run(max(1, args.repeat))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'report':<36} {'best':>7} {'median':>7} {'pages':>5} {'KiB':>5}")
    for name, r in results.items():
        print(f"{name:<36} {r['best_s']:>6.2f}s {r['median_s']:>6.2f}s {r['pages']:>5} "
              f"{r['kib']:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
