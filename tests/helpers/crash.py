"""Kill-the-typist harness: does a note reported as saved survive a SIGKILL?

A child process plays the note editor's autosave: for each of a few notes it picks a stable
note id, "types" a chunk of text (what a person types in one debounce interval), saves the
whole text with `services.notes.save_note` (the same upsert the UI uses), and only *after*
the save returns writes `SAVED <note> <revision> <length>` to its report (an unbuffered,
append-only file that outlives the process, like a line on stdout). Before each save it
writes `TYPED <note> <length>`: what the editor showed.

The parent kills the child with SIGKILL at a random moment (or, one time in three, the
child kills itself just as a chosen SQL statement of a chosen save begins, so that kills
with a save in flight do not depend on the machine's speed), then opens the database the
way the next start would and checks: SQLite's integrity check says ok; every note reported
saved is there with at least that revision and exactly the text of its revision; and no
more than the last interval of typing is missing (stored text ≥ the text as of the save
before the last TYPED line). Lanes (one data folder each, reused across all their kills,
like one laptop crashing again and again) run in parallel.

Children come from a fork server that has already imported walkapp, so a kill cycle costs
milliseconds rather than a Python start-up. A child never exits by itself (it waits to be
killed), so the pid the parent signals is always its own live child.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import threading
import time
import traceback
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event

from walkapp.config import resolve_settings
from walkapp.services import NoteDraft, Services
from walkapp.storage.db import Database

NOTES_PER_CHILD = 3
CHUNKS_PER_NOTE = 3
# The editor's debounce interval, scaled down: the test measures loss in intervals.
TYPING_INTERVAL_S = 0.002
# SQL statements every save runs at least (BEGIN IMMEDIATE, the read, the write, COMMIT).
SAVE_STATEMENTS = 4
# Letters a walker might type, odd ones included.
_ALPHABET = ("abcdefghijklmnopqrstuvwxyz     ,.;'\"\n"
             "ñéüçøß—“”…" "עברית" "مرحبا" "🧑‍🏫👩🏽‍🎓" "<>&%_\\")


def chunks_for(seed: int, note: int) -> list[str]:
    """The chunks typed into note `note` by child `seed`: one per autosave interval."""
    rng = random.Random(seed * 1_000 + note)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12)))
            for _ in range(CHUNKS_PER_NOTE)]


def note_id_for(seed: int, note: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"walkapp-crash/{seed}/{note}"))


@dataclass(frozen=True)
class Job:
    data_dir: str
    walk_id: str
    author_id: str
    visit_id: str
    seed: int
    report: str
    # (save, statement): the child kills itself as the `statement`-th SQL statement counted
    # from the start of its `save`-th save begins (see `_die_inside_a_save`); None: the
    # parent kills it at a moment of its choosing.
    die_in_save: tuple[int, int] | None = None


def typist(job: Job) -> None:
    """Child process entry point (runs in a fork-server child)."""
    fd = os.open(job.report, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def say(line: str) -> None:
        os.write(fd, f"{line}\n".encode())

    try:
        db = Database(resolve_settings(job.data_dir)).open()
        saves = _die_inside_a_save(db, job.die_in_save)
        services = Services.create(db)
        say("READY")
        for note in range(NOTES_PER_CHILD):
            note_id = note_id_for(job.seed, note)
            text = ""
            for revision, chunk in enumerate(chunks_for(job.seed, note), start=1):
                time.sleep(TYPING_INTERVAL_S)
                text += chunk
                say(f"TYPED {note} {len(text)}")
                saves.append(note)
                services.notes.save_note(NoteDraft(
                    id=note_id, walk_id=job.walk_id, author_id=job.author_id,
                    visit_id=job.visit_id, text=text))
                say(f"SAVED {note} {revision} {len(text)}")
        say("DONE")
    except BaseException:
        say("ERROR " + traceback.format_exc().replace("\n", " | "))
    while True:  # wait for the parent's SIGKILL (see module doc)
        time.sleep(60)


def _die_inside_a_save(db: Database, die_in_save: tuple[int, int] | None) -> list[int]:
    """Make the child SIGKILL itself inside a save, at a chosen SQL statement (BEGIN, the
    read, the write, the COMMIT…): a kill with a save in flight that does not depend on
    how fast the machine is. The returned list gets one item per save begun."""
    saves: list[int] = []
    if die_in_save is None:
        return saves
    armed_save, statement = die_in_save
    counted = [0]

    def trace(_sql: str) -> None:
        if len(saves) > armed_save:  # the armed save (or a later one) is running
            if counted[0] >= statement:
                os.kill(os.getpid(), signal.SIGKILL)
            counted[0] += 1

    event.listen(db.engine, "connect",
                 lambda connection, _record: connection.set_trace_callback(trace))
    db.engine.dispose()  # the connection kept from opening was made without the trace
    return saves


# -- the parent side --------------------------------------------------------------------------
@dataclass
class CrashStats:
    kills: int = 0
    kills_while_typing: int = 0     # the child had started and not finished its notes
    kills_with_save_in_flight: int = 0  # the last line was TYPED: killed inside a save
    saves_confirmed: int = 0
    worst_loss_chars: int = 0
    worst_loss_intervals: int = 0
    statuses_lost: int = 0          # see _STATUS_LOST
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def merge(self, other: CrashStats) -> None:
        self.kills += other.kills
        self.kills_while_typing += other.kills_while_typing
        self.kills_with_save_in_flight += other.kills_with_save_in_flight
        self.saves_confirmed += other.saves_confirmed
        self.worst_loss_chars = max(self.worst_loss_chars, other.worst_loss_chars)
        self.worst_loss_intervals = max(self.worst_loss_intervals, other.worst_loss_intervals)
        self.statuses_lost += other.statuses_lost
        self.failures += other.failures


# What multiprocessing's fork server reports when it could not read a child's exit status.
_STATUS_LOST = 255

_context_lock = threading.Lock()
_context: Any = None

# multiprocessing's book of child processes is not thread-safe on every Python we run on.
# `Process.start()` polls *every* live child (`multiprocessing.process._cleanup`), so while
# one lane starts a child another lane may be
# - closing its own: close() clears `_popen` before it leaves the book, and 3.11.2 then
#   fails in the starting lane with "'NoneType' object has no attribute 'poll'" (CPython
#   fixed this later in 3.11); or
# - waiting for its own: two threads then read one exit status from the fork server's
#   pipe, one gets it and the other EOF, which multiprocessing reports as exit code 255.
# So every call that starts, polls, waits for, signals or closes a child holds this lock.
# Each is quick (a child dies within milliseconds of its SIGKILL), so lanes still overlap
# in everything that matters: the typing, the saves and the checks.
_process_lock = threading.Lock()


def _start(process: Any) -> None:
    with _process_lock:
        process.start()


def _kill_and_reap(process: Any) -> tuple[bool, int | None]:
    """SIGKILL the child and wait for it; (alive just before the kill, exit code)."""
    with _process_lock:
        alive = bool(process.is_alive())
        process.kill()
        process.join(30)
        return alive, process.exitcode


def _ended_by_itself(process: Any, timeout: float) -> bool:
    """Wait for a child that kills itself (`Job.die_in_save`) to be gone."""
    with _process_lock:
        process.join(timeout)
        return process.exitcode is not None


def _close(process: Any) -> None:
    with _process_lock:
        process.close()


def fork_context() -> Any:
    """A fork-server context whose server has walkapp (and this module) imported."""
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["tests.helpers.crash_preload"])
            _context = context
        return _context


def prepare_lane(folder: Path) -> tuple[str, str, str]:
    """A data folder with one walk; returns (walk id, author id, visit id)."""
    from tests.helpers.builders import make_walk

    services = Services.create(Database(resolve_settings(folder)).open())
    try:
        walk = make_walk(services, "Crash walk", walkers=1, visits=1)
        return walk.id, walk.walkers[0].id, walk.visits[0].id
    finally:
        services.close()


def _read_report(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def _wait_for_saves(path: Path, count: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = _read_report(path)
        if "DONE" in lines or any(line.startswith("ERROR") for line in lines) or \
                sum(line.startswith("SAVED") for line in lines) >= count:
            return True
        time.sleep(0.002)
    return False


def run_lane(folder: Path, kills: int, seed: int) -> CrashStats:
    """`kills` kill cycles on one data folder; returns what was seen."""
    ctx = fork_context()
    rng = random.Random(seed)
    walk_id, author_id, visit_id = prepare_lane(folder)
    db_path = folder / "walkapp.sqlite3"
    stats = CrashStats()
    expected: dict[str, tuple[int, str]] = {}  # note id -> (revision, text) seen after its kill
    reports = folder / "reports"
    reports.mkdir(exist_ok=True)
    saves_per_child = NOTES_PER_CHILD * CHUNKS_PER_NOTE
    for k in range(kills):
        child_seed = seed * 100_000 + k
        report = reports / f"{k}.txt"
        # One kill in three happens inside a save, at a chosen statement, by the child
        # itself (whatever the machine's speed); the others at a moment the parent picks.
        inside = (rng.randrange(saves_per_child), rng.randrange(SAVE_STATEMENTS)) \
            if k % 3 == 1 else None
        job = Job(str(folder), walk_id, author_id, visit_id, child_seed, str(report),
                  die_in_save=inside)
        process = ctx.Process(target=typist, args=(job,), daemon=True)
        _start(process)
        try:
            if inside is not None:
                if not _ended_by_itself(process, 30):
                    stats.failures.append(f"child {child_seed} did not die inside save "
                                          f"{inside}: {_read_report(report)[-3:]}")
            elif rng.random() < 0.15:
                time.sleep(rng.uniform(0, 0.05))  # sometimes while it is still opening
            else:
                # Spread kills over the whole typing whatever the machine's speed: wait
                # for a random number of confirmed saves, then a moment more.
                wanted = rng.randrange(saves_per_child)
                if not _wait_for_saves(report, wanted, 30):
                    stats.failures.append(f"child {child_seed} stalled: "
                                          f"{_read_report(report)}")
                time.sleep(rng.uniform(0, 0.04))
        finally:
            # SIGKILL (also if this thread failed: no child is left behind).
            alive, exitcode = _kill_and_reap(process)
        if exitcode == _STATUS_LOST and (alive or inside is not None):
            # The fork server reports 255 when it could not read a child's exit status
            # (CPython issue #140867). The child was alive and working when the SIGKILL
            # went out (or sent it to itself); the checks below look at the database,
            # not the status.
            stats.statuses_lost += 1
        elif exitcode != -signal.SIGKILL:
            stats.failures.append(f"child {child_seed} ended with {exitcode}, not "
                                  f"by the kill (alive before it: {alive}; last report "
                                  f"lines: {_read_report(report)[-3:]})")
        _close(process)
        stats.kills += 1
        _check_after_kill(db_path, child_seed, _read_report(report), stats, expected)
    # A later crash must not take away what an earlier one left.
    _check_still_there(db_path, expected, stats)
    return stats


def _check_after_kill(db_path: Path, child_seed: int, lines: list[str], stats: CrashStats,
                      expected: dict[str, tuple[int, str]]) -> None:
    errors = [line for line in lines if line.startswith("ERROR")]
    if errors:
        stats.failures.append(f"child {child_seed} failed: {errors[0][:2000]}")
        return
    typed: dict[int, int] = {}
    saved: dict[int, tuple[int, int]] = {}
    for line in lines:
        parts = line.split()
        if parts[0] == "TYPED":
            typed[int(parts[1])] = int(parts[2])
        elif parts[0] == "SAVED":
            saved[int(parts[1])] = (int(parts[2]), int(parts[3]))
            stats.saves_confirmed += 1
    if typed and "DONE" not in lines:
        stats.kills_while_typing += 1
    if lines and lines[-1].startswith("TYPED"):
        stats.kills_with_save_in_flight += 1
    # Open it the way the next start would (this replays the WAL), and look.
    connection = sqlite3.connect(db_path)
    try:
        check = [r[0] for r in connection.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            stats.failures.append(f"after killing child {child_seed}: integrity {check[:5]}")
            return
        for note in range(NOTES_PER_CHILD):
            note_id = note_id_for(child_seed, note)
            row = connection.execute("SELECT revision, text, deleted_at FROM notes "
                                     "WHERE id = ?", (note_id,)).fetchone()
            _check_note(child_seed, note, row, typed.get(note, 0), saved.get(note), stats)
            if row is not None:
                expected[note_id] = (int(row[0]), str(row[1]))
    finally:
        connection.close()


def _check_note(child_seed: int, note: int, row: Any, typed_len: int,
                saved: tuple[int, int] | None, stats: CrashStats) -> None:
    chunks = chunks_for(child_seed, note)
    lengths = [0]
    for chunk in chunks:
        lengths.append(lengths[-1] + len(chunk))
    where = f"child {child_seed}, note {note}"
    stored_rev, stored_text = (0, "") if row is None else (int(row[0]), str(row[1]))
    if row is not None and row[2] is not None:
        stats.failures.append(f"{where}: the note is marked deleted")
    if stored_rev > len(chunks) or stored_text != "".join(chunks[:stored_rev]):
        stats.failures.append(f"{where}: revision {stored_rev} holds the wrong text "
                              f"({len(stored_text)} characters)")
        return
    if saved is not None:
        saved_rev, saved_len = saved
        if stored_rev < saved_rev or len(stored_text) < saved_len:
            stats.failures.append(f"{where}: reported saved at revision {saved_rev} "
                                  f"({saved_len} chars) but the database has revision "
                                  f"{stored_rev} ({len(stored_text)} chars)")
    typed_rev = lengths.index(typed_len) if typed_len in lengths else len(chunks)
    if len(stored_text) > typed_len:
        stats.failures.append(f"{where}: more text stored than was typed")
    lost_intervals = max(typed_rev - stored_rev, 0)
    lost_chars = max(typed_len - len(stored_text), 0)
    if lost_intervals > 1:
        stats.failures.append(f"{where}: {lost_intervals} autosave intervals of typing lost")
    stats.worst_loss_intervals = max(stats.worst_loss_intervals, lost_intervals)
    stats.worst_loss_chars = max(stats.worst_loss_chars, lost_chars)


def _check_still_there(db_path: Path, expected: dict[str, tuple[int, str]],
                       stats: CrashStats) -> None:
    connection = sqlite3.connect(db_path)
    try:
        for note_id, (revision, text) in expected.items():
            row = connection.execute("SELECT revision, text FROM notes WHERE id = ?",
                                     (note_id,)).fetchone()
            if row is None or (int(row[0]), str(row[1])) != (revision, text):
                stats.failures.append(f"note {note_id} changed or vanished after a later "
                                      "crash")
    finally:
        connection.close()


def run_kills(base: Path, kills: int, lanes: int = 2, seed: int = 7) -> CrashStats:
    """`kills` kills spread over `lanes` parallel data folders under `base`."""
    started = time.perf_counter()
    per_lane = [kills // lanes + (1 if i < kills % lanes else 0) for i in range(lanes)]
    results: list[CrashStats] = [CrashStats() for _ in range(lanes)]

    def lane(index: int) -> None:
        try:
            results[index] = run_lane(base / f"lane-{index}", per_lane[index],
                                      seed * 10 + index)
        except BaseException:
            results[index].failures.append(traceback.format_exc())

    threads = [threading.Thread(target=lane, args=(i,)) for i in range(lanes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = CrashStats()
    for result in results:
        total.merge(result)
    total.seconds = time.perf_counter() - started
    return total
