"""How long the `walkapp` command takes, next to `python -c "import sqlalchemy.orm"`.

Run: `python -m tests.bench.bench_cli [--repeat 7] [--sizes empty walks_10k notes_1m]
[--breakdown] [--checkout LABEL=PATH ...] [--json]` (`make bench` calls it). `--checkout`
runs the same commands with another checkout's walkapp too, in the same rounds (e.g.
`--checkout base=/tmp/base-worktree`), for before/after figures in the same conditions.

Each figure is the median wall time of `--repeat` fresh processes (the installed `walkapp`
script, output to /dev/null), and its ratio to the baseline measured in the same run: a
fresh `python -c "import sqlalchemy.orm"`. The runs take turns (baseline, then each
command, round after round), so a busy machine slows them all alike. Issue 13 asks for
`walkapp --help` at most 1x the baseline (it needs no database) and `walkapp list` at most
3x at notes_1m. "modules" is how many modules the command imports (`-X importtime`).

The databases are the size ladder's (tests/bench/ladder.py), copied once into a scratch
folder; every command here only reads. `--breakdown` adds, per size, where one `walkapp
list` spends its time, measured inside one fresh process: importing, opening the
database, `list_walks`, the conflict counts, the Trash, and formatting and printing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.ladder import copy_of

BASELINE = [sys.executable, "-c", "import sqlalchemy.orm"]


def walkapp_command() -> list[str]:
    """The `walkapp` script installed beside this Python, as a user runs it."""
    script = Path(sys.executable).with_name("walkapp")
    return [str(script)] if script.exists() else [sys.executable, "-m", "walkapp"]


def run_once(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, cwd=env["WALKAPP_DATA_DIR"], check=False)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 2):  # 2: a usage error, for the "bad command" row
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.decode()[-2000:]}")
    return seconds


def modules_imported(command: list[str], env: dict[str, str]) -> int:
    """How many modules a run of `command` (the baseline, or a walkapp command) imports."""
    if command == BASELINE:
        python = [sys.executable, "-X", "importtime", *BASELINE[1:]]
    else:
        args = command[1:] if command[0] != sys.executable else command[3:]
        python = [sys.executable, "-X", "importtime", "-m", "walkapp", *args]
    result = subprocess.run(python, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, cwd=env["WALKAPP_DATA_DIR"], text=True, check=False)
    return sum(1 for line in result.stderr.splitlines() if line.startswith("import time:")
               and not line.rstrip().endswith("imported package"))


BREAKDOWN = r"""
import contextlib, io, sys, time
started = time.perf_counter()
from walkapp.cli import build_parser
from walkapp.cli.context import Context
from walkapp.cli.walks import cmd_list
import walkapp.services
imported = time.perf_counter()
context = Context(data_dir=sys.argv[1], writes=False)
services = context.services
opened = time.perf_counter()
walks = services.walks.list_walks("")
listed = time.perf_counter()
conflicts = services.conflicts.counts([w.id for w in walks])
counted = time.perf_counter()
trash = services.trash.list_trash()
trashed = time.perf_counter()
# The whole command with the three answers ready: what is left is formatting and printing.
services.walks.list_walks = lambda search="": walks
services.conflicts.counts = lambda ids: conflicts
services.trash.list_trash = lambda: trash
args = build_parser().parse_args(["list"])
before = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    cmd_list(args, context)
printed = time.perf_counter() - before
print(imported - started, opened - imported, listed - opened, counted - listed,
      trashed - counted, printed)
context.close()
"""
PHASES = ("import", "open", "list_walks", "conflict counts", "trash", "format+print")


def breakdown(folder: Path, repeat: int, env: dict[str, str]) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", BREAKDOWN, str(folder)], env=env,
                             cwd=env["WALKAPP_DATA_DIR"], capture_output=True, text=True,
                             check=True).stdout
        runs.append([float(x) for x in out.split()])
    return {phase: round(statistics.median(r[i] for r in runs) * 1000, 1)
            for i, phase in enumerate(PHASES)}


def first_walk(folder: Path) -> str | None:
    connection = sqlite3.connect(f"{(folder / 'walkapp.sqlite3').as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT id FROM walks ORDER BY walk_date DESC LIMIT 1"
                                 ).fetchone()
    finally:
        connection.close()
    return None if row is None else str(row[0])[:8]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", nargs="+", default=["empty", "walks_10k", "notes_1m"])
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--checkout", action="append", default=[], metavar="LABEL=PATH",
                        help="also run the commands with the walkapp of another checkout "
                             "(PYTHONPATH=PATH), in the same rounds: before/after figures "
                             "in the same conditions")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    walkapp = walkapp_command()
    scratch = Path(tempfile.mkdtemp(prefix="walkapp-bench-cli-"))
    # Run from a folder of their own (a checkout's walkapp/ in the working folder would
    # shadow the one installed), with a data folder that --help must never create.
    (scratch / "cwd").mkdir()
    env = {**os.environ, "WALKAPP_DATA_DIR": str(scratch / "cwd")}
    checkouts: list[tuple[str, dict[str, str]]] = [("", env)]
    for given in args.checkout:
        label, _, path = given.partition("=")
        checkouts.append((f"[{label}] ", {**env, "PYTHONPATH": str(Path(path).absolute())}))
    try:
        rows: list[tuple[str, list[str], dict[str, str]]] = []
        folders: list[tuple[str, Path, dict[str, str]]] = []
        for label, checkout_env in checkouts:
            rows += [(f"{label}walkapp --help", [*walkapp, "--help"], checkout_env),
                     (f"{label}walkapp --version", [*walkapp, "--version"], checkout_env),
                     (f"{label}walkapp list --help", [*walkapp, "list", "--help"],
                      checkout_env)]
            for size in args.sizes:
                # A copy each: another checkout may migrate its copy on the first run.
                folder = scratch / (label.strip("[] ") or "this") / size
                copy_of(size, folder)
                folders.append((f"{label}walkapp list ({size})", folder, checkout_env))
                rows.append((f"{label}walkapp list ({size})",
                             [*walkapp, "--data-dir", str(folder), "list"], checkout_env))
                walk = first_walk(folder)
                if walk is not None:
                    rows.append((f"{label}walkapp show WALK ({size})",
                                 [*walkapp, "--data-dir", str(folder), "show", walk],
                                 checkout_env))
        for _, command, row_env in rows:  # warm the file cache and the bytecode once
            run_once(command, row_env)
        run_once(BASELINE, env)
        times: dict[str, list[float]] = {name: [] for name in ["baseline", *(r[0] for r in rows)]}
        for _ in range(args.repeat):
            times["baseline"].append(run_once(BASELINE, env))
            for name, command, row_env in rows:
                times[name].append(run_once(command, row_env))
        base = statistics.median(times["baseline"])
        figures: dict[str, object] = {
            "baseline (python -c 'import sqlalchemy.orm')_ms": round(base * 1000, 1)}
        table = [("python -c 'import sqlalchemy.orm' (baseline)", base, 1.0,
                  modules_imported(BASELINE, env))]
        for name, command, row_env in rows:
            median = statistics.median(times[name])
            modules = modules_imported(command, row_env)
            table.append((name, median, median / base, modules))
            figures[f"{name}_ms"] = round(median * 1000, 1)
            figures[f"{name}_ratio"] = round(median / base, 2)
            figures[f"{name}_modules"] = modules
        if args.breakdown:
            for name, folder, row_env in folders:
                phases = breakdown(folder, max(3, args.repeat // 2), row_env)
                figures[f"{name} breakdown_ms"] = phases
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{'command':<52} {'median':>9} {'ratio':>6} {'modules':>8}")
    for name, median, ratio, modules in table:
        print(f"{name:<52} {median * 1000:>7.0f}ms {ratio:>5.2f}x {modules:>8}")
    for key, value in figures.items():
        if key.endswith("breakdown_ms") and isinstance(value, dict):
            print(f"{key.removesuffix('_ms')} (ms): "
                  + ", ".join(f"{phase} {ms:.0f}" for phase, ms in value.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
