"""The walks library while a search is typed, at the ladder's big sizes (issue 13).

    python -m tests.bench.bench_library [--json] [--sizes SIZE ...] [--rounds N]

For each size (tests/bench/ladder.py; walks_10k and notes_1m unless told), on a fresh copy
of its database, the real main window is shown (offscreen, 1366×768) and searches are typed
into the library's own search box, one key every 40 ms, while a 5 ms heartbeat timer on the
GUI thread records the largest gap between its ticks (the stall: how long the window could
not repaint or take a key). Each search is timed from its last key to the moment the list
shows what matches it (the model reset with exactly those walks).

Next to each figure, measured in the same run on the same copy:
- "heartbeat alone": the heartbeat's worst gap with nothing done (the machine's own noise);
- "plain SQL": a query of the summary columns alone (`sqlite3`, no counts, no ORM), median;
- the service's `list_walks()` (every walk, counts and all) and `list_walks(search)`, median.

Also: how many times the list's model was asked for a cell (`data()`) to show the first
list (the columns sized over every row made 192,000 calls at 10,000 walks).

A stall over 50 ms or results later than 100 ms say so; nothing fails (tests never assert
on time, and on a shared 2-core machine single figures are noisy: compare ratios).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench import stall_parts

if os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
    _SCREEN = Path(__file__).resolve().parents[1] / "helpers" / "offscreen-1366x768.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

STALL_LIMIT_MS = 50.0
RESULTS_LIMIT_MS = 100.0
TIMEOUT_S = 60.0
SEARCHES = ("walk 12", "school 3", "learning walk 77", "zq")

SUMMARY_SQL = ("SELECT id, title, walk_date, school, protocol_id, status, current_phase,"
               " local_mode, updated_at, trashed_at FROM walks WHERE trashed_at IS NULL"
               " ORDER BY walk_date DESC, created_at DESC")


def spin(until: Callable[[], bool], timeout_s: float) -> bool:
    from tests.bench.bench_gui_stall import spin as gui_spin

    return gui_spin(until, timeout_s)


def pause(seconds: float) -> None:
    end = time.monotonic() + seconds
    spin(lambda: time.monotonic() >= end, seconds + 1)


def median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


class Typist(stall_parts.Typist):
    """bench_gui_stall's typist (one key every KEY_INTERVAL_MS, from the event loop), which
    also notes when the last key went in."""

    def __init__(self, widget: Any, text: str) -> None:
        super().__init__(widget, text)
        self.last_key = 0.0

    def _key(self) -> None:
        super()._key()
        if not self.rest and not self.last_key:
            self.last_key = time.perf_counter()
            self.timer.stop()


class Shown:
    """Watches the library's model for `expected` (ids, in order): `first` is when it first
    showed the top of that list (a screenful or all of it; a list read in two parts shows
    its first rows first), `whole` when it showed all of it."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.expected: list[str] | None = None
        self.first = self.whole = 0.0
        model.modelReset.connect(self._changed)
        model.rowsInserted.connect(self._changed)

    def want(self, ids: list[str]) -> None:
        self.expected, self.first, self.whole = ids, 0.0, 0.0
        self._changed()

    def _changed(self, *_: Any) -> None:
        if self.expected is None:
            return
        ids = [r.id for r in self.model._rows]
        now = time.perf_counter()
        if ids == self.expected[:len(ids)] and (ids or not self.expected):
            self.first = self.first or now
            if len(ids) == len(self.expected):
                self.whole = now
        else:
            self.first = self.whole = 0.0  # something else replaced it after all

    @property
    def at(self) -> float:
        return self.whole


def run_size(size: str, rounds: int, root: Path, why: bool = False) -> dict[str, Any]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tests.bench.bench_gui_stall import Heartbeat
    from tests.bench.ladder import SIZES, copy_of
    from tests.ui.conftest import ScriptedAsker
    from walkapp.services import open_services
    from walkapp.ui import gc_policy
    from walkapp.ui.main_window import MainWindow
    from walkapp.ui.models.walks import WalksTableModel

    app = QApplication.instance() or QApplication([])
    settings = copy_of(size, root / size / "data")
    assert settings.sqlite_path is not None
    services = open_services(settings)
    row: dict[str, Any] = {"size": size, "walks": SIZES[size].walks,
                           "notes": SIZES[size].notes, "notes_over": []}

    calls = [0]
    real_data = WalksTableModel.data

    def counted(self: WalksTableModel, *args: Any) -> Any:
        calls[0] += 1
        return real_data(self, *args)

    WalksTableModel.data = counted  # type: ignore[method-assign]
    window = MainWindow(services, QSettings(str(root / size / "ui.ini"),
                                            QSettings.Format.IniFormat), ScriptedAsker())
    window.resize(1366, 768)
    gc_policy.started()
    gc_policy.install(app)
    window.show()
    library = window.library
    every = [w.id for w in services.walks.list_walks()]
    shown = Shown(library.model)
    shown.want(every)
    spin(lambda: shown.at > 0 and not library.is_loading(), TIMEOUT_S)
    app.processEvents()
    row["data_calls_first_list"] = calls[0]
    WalksTableModel.data = real_data  # type: ignore[method-assign]
    heartbeat = Heartbeat()
    sampler = None
    if why:
        from tests.bench.bench_gui_stall import Sampler

        sampler = Sampler(heartbeat)

    # Baselines, in the same minute on the same copy.
    heartbeat.start()
    pause(1.0)
    row["heartbeat_alone_ms"] = heartbeat.stop()
    connection = sqlite3.connect(settings.sqlite_path)
    row["plain_sql_ms"] = median_ms(lambda: connection.execute(SUMMARY_SQL).fetchall(),
                                    max(rounds, 5))
    connection.close()
    row["list_walks_ms"] = median_ms(services.walks.list_walks, max(rounds, 3))
    row["list_walks_search_ms"] = median_ms(lambda: services.walks.list_walks(SEARCHES[0]),
                                            max(rounds, 3))

    stalls: list[float] = []
    latencies: list[float] = []   # the whole list
    firsts: list[float] = []      # its first rows (a screenful)
    for _ in range(rounds):
        for text in SEARCHES:
            library.search.clear()
            shown.want(every)
            spin(lambda: shown.at > 0 and not library.is_loading(), TIMEOUT_S)
            pause(0.1)
            expected = [w.id for w in services.walks.list_walks(text)]
            typist = Typist(library.search, text)
            heartbeat.start()
            if sampler is not None:
                sampler.start()
            typist.start()
            spin(lambda t=typist: t.last_key > 0, TIMEOUT_S)
            shown.want(expected)
            met = spin(lambda: shown.at > 0 and not library.is_loading(), TIMEOUT_S)
            pause(0.1)  # the turns just after the list shows count too
            stalls.append(heartbeat.stop())
            if met:
                firsts.append(round((shown.first - typist.last_key) * 1000, 1))
            if sampler is not None:
                for where, count in sampler.stop().items():
                    row["notes_over"].append(f"{text!r}: GUI thread in {where} ({count * 5} ms)")
            if met:
                latencies.append(round((shown.at - typist.last_key) * 1000, 1))
            else:
                row["notes_over"].append(f"{text!r}: results never shown")
    row["typing_stall_ms"] = {"median": round(statistics.median(stalls), 1),
                              "max": max(stalls)}
    row["results_after_last_key_ms"] = ({"median": round(statistics.median(firsts), 1),
                                         "max": max(firsts)} if firsts else None)
    row["whole_list_after_last_key_ms"] = ({"median": round(statistics.median(latencies), 1),
                                            "max": max(latencies)} if latencies else None)
    if max(stalls) > STALL_LIMIT_MS:
        row["notes_over"].append(f"a stall over {STALL_LIMIT_MS:.0f} ms")
    if firsts and max(firsts) > RESULTS_LIMIT_MS:
        row["notes_over"].append(f"results later than {RESULTS_LIMIT_MS:.0f} ms")

    from walkapp.ui import workers

    window.close()
    workers.wait_for_background()
    services.close()
    return row


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.1f}×" if a is not None and b else "—"


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| size | heartbeat alone | typing: worst stall (median / max) "
             "| results after the last key (median / max) | whole list after it "
             "| plain SQL of the summary | list_walks() | list_walks(search) "
             "| data() calls, first list |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        stall, late = r["typing_stall_ms"], r["results_after_last_key_ms"]
        whole = r.get("whole_list_after_last_key_ms")
        lines.append(
            f"| {r['size']} | {r['heartbeat_alone_ms']} ms "
            f"| {stall['median']} / {stall['max']} ms "
            f"({_ratio(stall['max'], r['heartbeat_alone_ms'])} the heartbeat) "
            + (f"| {late['median']} / {late['max']} ms "
               f"({_ratio(late['median'], r['plain_sql_ms'])} plain SQL) " if late else "| — ")
            + (f"| {whole['median']} / {whole['max']} ms " if whole else "| — ")
            + f"| {r['plain_sql_ms']} ms "
            f"| {r['list_walks_ms']} ms ({_ratio(r['list_walks_ms'], r['plain_sql_ms'])}) "
            f"| {r['list_walks_search_ms']} ms | {r['data_calls_first_list']:,} |")
        for note in r["notes_over"]:
            lines.append(f"|   {r['size']}: {note} | | | | | | | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sizes", nargs="+", default=["walks_10k", "notes_1m"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--why", action="store_true",
                        help="say where the GUI thread was while the heartbeat was late")
    args = parser.parse_args(argv)
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"walkapp-bench-library-{size}-") as folder:
            rows.append(run_size(size, args.rounds, Path(folder), args.why))
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
