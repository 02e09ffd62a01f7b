"""Cold start of the desktop app to an idle window, next to a bare window (issue 13, item 1).

    python -m tests.bench.bench_start [--runs 5] [--sizes empty walks_10k notes_1m] [--json]

Each start is a fresh process (`tests.bench.start_driver`): `app` is the real `walkapp`
command with no subcommand (`walkapp.cli.main` → `ui/app.py run_app`) on a data folder
holding a copy of a size of the ladder (tests/bench/ladder.py); `bare` imports
`sqlalchemy.orm` and shows an empty QMainWindow. Both quit at the first idle moment (the
GUI thread is about to wait for events) after their window is shown and painted and, for
the app, the walks library shows its first list (see the driver's docstring; no fixed
waits, no hook in the app). The time (`app s`) is from just before the process is started
to that moment; `shown s` is the app's first idle moment after its window was painted,
whether or not the list is in yet. Peak memory is the child's `ru_maxrss` (`os.wait4`).

For each size: one start first, not counted (it writes the window's state file, warms
the file cache and runs the first integrity check, in the background: its time is given
as `first`), then `--runs` starts of the app and of the baseline, alternated, in the same
run. Medians, and their ratio. Offscreen, as in the tests. Nothing fails on time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SIZES = ("empty", "walks_10k", "notes_1m")
# Issue 13's "done when": at most this many times the bare window (empty: 1.5).
LIMITS = {"empty": 1.5}
DEFAULT_LIMIT = 2.0
MEMORY_LIMIT_MB = 250.0
MEMORY_SIZE = "walks_10k"


def _spawn(mode: str, data_dir: Path | None) -> tuple[float, float, float]:
    """One cold start: (seconds to the idle window with its list in, seconds to the first
    idle moment after the window was shown, peak memory in MiB). The child is
    reaped here with os.wait4, so its own peak memory is read, not a sum over children."""
    command = [sys.executable, "-m", "tests.bench.start_driver", mode]
    if data_dir is not None:
        command.append(str(data_dir))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed walkapp has its bytecode compiled (pip does it); without it every start
    # would compile walkapp's sources again, a cost users never pay. (The uncounted first
    # start of each size writes what is missing.)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # posix_spawn has no cwd: the driver is found through the path instead.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    read_end, write_end = os.pipe()
    started = time.monotonic()
    pid = os.posix_spawn(sys.executable, command, env,
                         file_actions=[(os.POSIX_SPAWN_DUP2, write_end, 1),
                                       (os.POSIX_SPAWN_CLOSE, read_end)])
    os.close(write_end)
    chunks = []
    with os.fdopen(read_end, "rb") as pipe:
        for chunk in iter(lambda: pipe.read(4096), b""):
            chunks.append(chunk)
    _, status, usage = os.wait4(pid, 0)
    out = b"".join(chunks).decode("utf-8", "replace")
    moments = dict(line.split() for line in out.splitlines()
                   if line.startswith(("idle ", "shown ")))
    if "idle" not in moments or os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{mode} start failed (status {status}):\n{out}")
    return (float(moments["idle"]) - started, float(moments["shown"]) - started,
            usage.ru_maxrss / 1024)


def bench_size(size: str, runs: int, scratch: Path) -> dict[str, Any]:
    from tests.bench.ladder import copy_of

    folder = scratch / size
    settings = copy_of(size, folder)
    db_mb = (settings.data_dir / "walkapp.sqlite3").stat().st_size / 2**20 \
        if (settings.data_dir / "walkapp.sqlite3").exists() else 0.0
    first, _, _ = _spawn("app", folder)
    _spawn("bare", None)
    app_times, app_shown, app_peaks, bare_times, bare_peaks = [], [], [], [], []
    for _ in range(runs):
        seconds, _, peak = _spawn("bare", None)
        bare_times.append(seconds)
        bare_peaks.append(peak)
        seconds, shown, peak = _spawn("app", folder)
        app_times.append(seconds)
        app_shown.append(shown)
        app_peaks.append(peak)
    shutil.rmtree(folder, ignore_errors=True)
    app_s, bare_s = statistics.median(app_times), statistics.median(bare_times)
    limit = LIMITS.get(size, DEFAULT_LIMIT)
    return {
        "size": size, "database_mb": round(db_mb, 1), "runs": runs,
        "first_start_s": round(first, 3),
        "app_s": round(app_s, 3), "bare_s": round(bare_s, 3),
        "app_shown_s": round(statistics.median(app_shown), 3),
        "ratio": round(app_s / bare_s, 2), "limit": limit,
        "app_peak_mb": round(statistics.median(app_peaks), 1),
        "bare_peak_mb": round(statistics.median(bare_peaks), 1),
        "app_all_s": [round(t, 3) for t in app_times],
        "bare_all_s": [round(t, 3) for t in bare_times],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="walkapp-bench-start-"))
    try:
        rows = [bench_size(size, args.runs, scratch) for size in args.sizes]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if args.json:
        print(json.dumps({"start": rows}, indent=2))
        return 0
    print(f"cold start to an idle window (median of {args.runs}), app vs a bare window "
          "with sqlalchemy.orm")
    print(f"{'size':<11} {'db MB':>7} {'app s':>7} {'bare s':>7} {'ratio':>6} {'limit':>6} "
          f"{'app MB':>7} {'bare MB':>8} {'shown s':>8} {'first s':>8}")
    for r in rows:
        over = "  over" if r["ratio"] > r["limit"] else ""
        print(f"{r['size']:<11} {r['database_mb']:>7} {r['app_s']:>7.3f} {r['bare_s']:>7.3f} "
              f"{r['ratio']:>5.2f}x {r['limit']:>5.1f}x {r['app_peak_mb']:>7.1f} "
              f"{r['bare_peak_mb']:>8.1f} {r['app_shown_s']:>8.3f} "
              f"{r['first_start_s']:>8.3f}{over}")
        if r["size"] == MEMORY_SIZE and r["app_peak_mb"] > MEMORY_LIMIT_MB:
            print(f"  peak memory over {MEMORY_LIMIT_MB:.0f} MB at {MEMORY_SIZE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
