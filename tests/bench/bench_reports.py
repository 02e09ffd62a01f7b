"""How long reports take to make.

    python -m tests.bench.bench_reports [--repeat 3] [--json] [--only side-by-side]

Measures (1) the debrief of a big walk — 6 walkers × 12 visits × 15 notes = 1,080 notes —
built in memory so only the report is timed, (2) the same debrief side by side with a plain
Platypus render of the same text (one style, no tables, bookmarks or furniture), and their
ratio, bound 3×, and (3) every report kind for the demo walk through the public API
(services → data → PDF). Prints the fastest and median of
`--repeat` runs; figures on a busy 2-core machine are noisy, so compare ratios.
"""

from __future__ import annotations

import argparse
import io
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
from walkapp.reports.data import DebriefData
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


def _alternating(first: Callable[[], bytes], second: Callable[[], bytes], repeat: int
                 ) -> tuple[dict[str, float | int], dict[str, float | int]]:
    """`_measure` of both, their runs taken in turn: on a shared machine a burst of load
    then falls on both sides of a ratio, not on one."""
    runs: tuple[list[dict[str, float | int]], list[dict[str, float | int]]] = ([], [])
    for _ in range(repeat):
        runs[0].append(_measure(first, 1))
        runs[1].append(_measure(second, 1))
    return _merged(runs[0]), _merged(runs[1])


def _merged(runs: list[dict[str, float | int]]) -> dict[str, float | int]:
    times = [float(r["best_s"]) for r in runs]
    return {**runs[-1], "best_s": round(min(times), 3),
            "median_s": round(statistics.median(times), 3)}


RATIO_BOUND = 3.0


def _plain_text(data: DebriefData) -> list[str]:
    """Every piece of text the debrief prints, in its order, for the plain render."""
    out = [data.walk.title, data.walk.focus]
    out += [s for g in data.patterns for s in (g.label, *g.statements)]
    out += [*data.next_steps, *(c.text for c in data.commitments)]
    out += [f"{a.text} {a.owner}" for a in data.action_items]
    out += [t for t, _ in data.norms]
    out += [f"{lf.text} {lf.description} {lf.notes}" for lf in data.look_fors]
    for group in data.evidence:
        out.append(group.look_for or "Not tagged")
        for stem in group.stems:
            out.append(stem.stem_label)
            out += [f"{i.where} {i.text}" for i in stem.items]
    return out


def _plain_render(data: DebriefData) -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from walkapp.reports import text
    from walkapp.reports.fonts import REGULAR

    buffer = io.BytesIO()
    style = ParagraphStyle("plain", fontName=REGULAR, fontSize=10, leading=14.5)
    story = [Paragraph(text.markup(t), style) for t in _plain_text(data)]
    SimpleDocTemplate(buffer, pagesize=Paper.A4.size, initialFontName=REGULAR).build(story)
    return buffer.getvalue()


def side_by_side(repeat: int) -> dict[str, dict[str, float | int]]:
    """The 6 × 12 × 15 debrief (data built once, as the plain render's) and a plain
    Platypus render of its text: the debrief's cost of its layout, as a ratio."""
    load_renderers()
    data = debrief_data(big_record(walkers=6, visits=12, notes_per_walker_visit=15))
    ours, plain = _alternating(lambda: render_debrief(data, Paper.A4),
                               lambda: _plain_render(data), repeat)
    ratio = round(float(ours["median_s"]) / max(float(plain["median_s"]), 1e-6), 2)
    return {"debrief 6×12×15, side by side": {**ours, "plain_median_s": plain["median_s"],
                                              "ratio": ratio, "bound": RATIO_BOUND}}


def run(repeat: int) -> dict[str, dict[str, float | int]]:
    load_renderers()
    results: dict[str, dict[str, float | int]] = {}
    record = big_record(walkers=6, visits=12, notes_per_walker_visit=15)
    results["debrief, 1080 notes (in memory)"] = _measure(
        lambda: render_debrief(debrief_data(record), Paper.A4), repeat)
    results.update(side_by_side(repeat))
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
    parser.add_argument("--only", choices=["side-by-side"],
                        help="run one row: the big debrief beside a plain Platypus render")
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)
    results = side_by_side(repeat) if args.only else run(repeat)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'report':<36} {'best':>7} {'median':>7} {'pages':>5} {'KiB':>5}")
    for name, r in results.items():
        line = (f"{name:<36} {r['best_s']:>6.2f}s {r['median_s']:>6.2f}s {r['pages']:>5} "
                f"{r['kib']:>5}")
        if "ratio" in r:
            over = "  over the bound" if r["ratio"] > r["bound"] else ""
            line += (f"  plain {r['plain_median_s']:.2f}s, ratio {r['ratio']:.2f}× "
                     f"(bound {r['bound']:.0f}×){over}")
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
