"""Kill the real app in a real window while someone types, and see what survives.

    python -m tests.e2e.real_window_kills [--rounds 100] [--term-rounds 20] [--seed N]
    make killtest [ROUNDS=100] [TERM_ROUNDS=20]

Not part of `make test` (it needs an X server and takes about ten seconds a round); pytest
does not collect it. It needs Xvfb, openbox and xdotool (`apt-get install xvfb openbox
xdotool`). Each round:

1. copies a data folder holding the sample walk (`walkapp demo`, made once per run), so
   every round is a first start on a fresh folder;
2. starts the real app on it under a private Xvfb display with openbox as window manager —
   `python -m tests.e2e.real_window_observer`, which is `walkapp` with a recorder that
   only watches (see that module), or with `--plain` the `walkapp` command itself;
3. opens the walk (a double click on it in the walks library), goes to the observation
   page (Ctrl+Shift+3) and waits for the note editor to have the keyboard focus;
4. types text with xdotool, one character at a time at a steady rate chosen for the round
   (50–150 ms a character), recording the monotonic time each character was sent;
5. ends the app at a moment chosen by the round's kind: `kill -9` at a random moment
   (`steady`), between two letters of a word (`mid-word`), shortly after the typing
   resumed after a pause or during the pause (`after-pause`), or the moment a commit of
   the note starts (`during-save`); or SIGTERM — right after a character (`immediate`),
   a little later (`gap`), right behind a burst of keys typed as fast as X takes them
   (`burst`), or during a commit (`during-save`) — after which the typing stops and the
   app must exit by itself;
6. reads the database directly (sqlite3, read-only) and checks: the database is intact;
   the stored note is a prefix of what was typed; after a kill, every character sent more
   than 1.0 s before it is stored, and so is everything the window showed as "Saved"
   (the recorder's `state saved N` lines; with `--plain` that check is covered by the
   1-second one, since "Saved" appears only after the commit); after SIGTERM, everything
   typed is stored and the exit status is 0.

The summary gives the rounds, the most characters and seconds of typing a kill lost, how
many kills landed inside a commit, and each failure with its details; the data folders of
failed rounds are kept. The exit status is 0 when no round failed.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OBSERVER_MODULE = "tests.e2e.real_window_observer"
LOG_ENV = "WALKAPP_KILLTEST_LOG"

# What the issue promises: a kill loses no more than the last second of typing.
MAX_LOSS_S = 1.0
KILL_MOMENTS = ("steady", "mid-word", "after-pause", "during-save")
TERM_MOMENTS = ("immediate", "gap", "burst", "during-save")
ALL_TERM_MOMENTS = TERM_MOMENTS
# The window's size on a first start (MainWindow._restore_geometry) puts the first walk of
# the library here, relative to the window; the note text box is far below the buttons.
FIRST_WALK_XY = (535, 96)
NOTE_TEXT_XY = (640, 450)
WALK_TITLE_WORDS = "student talk"  # in the sample walk's title, shown in the window title
# during-save: a commit must have started long before this, typing without a pause.
NO_COMMIT_S = 8.0
END_WAIT_S = 20.0  # SIGTERM: the app's own limit is 5 s; anything near 20 is a hang

# Plain ASCII (xdotool types it on any keyboard layout), in the words of a walker's note.
_SAMPLE = ("two students at the window table compared answers and one said she split it "
         "into halves because halves are easier the teacher waited five seconds before "
         "asking again a boy turned to his partner and asked why did you get nine "
         "sentence strips on each table said i think because heard three times in four "
         "minutes the board question asked for two different ways to share counters "
         "between bags, then pairs wrote both ways on whiteboards. hands went up slowly "
         "while the teacher counted silently on her fingers")
WORDS = tuple(_SAMPLE.split())


class SetupError(RuntimeError):
    """The run could not start (no Xvfb, the app did not come up…): not a finding."""


# -- what happened in one round, and the verdict ---------------------------------------------
@dataclass
class Event:
    t: float
    name: str
    values: list[str]


@dataclass
class Observed:
    """What the recorder in the app saw before the end (empty with --plain)."""

    available: bool = False
    saved_max: int | None = None       # the longest text shown as "Saved"
    saved_last_t: float | None = None  # when "Saved" was last shown
    received: int | None = None        # characters the app had received
    inside_commit: bool | None = None  # the end came while a commit ran
    commits: int = 0
    unavailable: list[str] = field(default_factory=list)

    @classmethod
    def from_events(cls, events: Sequence[Event], end_t: float) -> Observed:
        seen = cls(available=bool(events))
        open_commits = 0
        for event in events:
            if event.name == "observer-unavailable":
                seen.unavailable.append(" ".join(event.values))
            if event.t >= end_t:
                continue
            if event.name == "state" and event.values[:1] == ["saved"]:
                length = int(event.values[1])
                seen.saved_max = max(seen.saved_max or 0, length)
                seen.saved_last_t = event.t
            elif event.name == "text":
                seen.received = int(event.values[0])
            elif event.name == "commit-start":
                open_commits += 1
                seen.commits += 1
            elif event.name in ("commit-end", "commit-failed"):
                open_commits = max(0, open_commits - 1)
        if seen.available and "_hook_commits" not in " ".join(seen.unavailable):
            seen.inside_commit = open_commits > 0
        return seen


@dataclass
class Round:
    number: int
    kind: str            # "kill" or "term"
    moment: str
    seed: int
    rate_s: float
    planned: str
    sent: list[tuple[float, float]] = field(default_factory=list)  # per character: start, end
    end_t: float = 0.0   # when the signal was sent
    stored: str = ""
    notes_found: int = 0
    integrity: str = "ok"
    exit_status: int | None = None
    observed: Observed = field(default_factory=Observed)
    folder: str = ""
    app_log: str = ""
    events_tail: list[str] = field(default_factory=list)
    setup_error: str = ""
    # The verdict (see judge()).
    sent_count: int = 0
    must_have: int = 0
    lost_chars: int = 0
    lost_s: float = 0.0
    gap_s: float = 0.0
    failures: list[str] = field(default_factory=list)


def judge(r: Round) -> Round:
    """Fill in the figures and failures of a finished round; pure, so it is tested alone."""
    r.failures = []
    sent_ends = [end for _start, end in r.sent]
    # Characters whose xdotool returned before the signal: those are in the app's input.
    r.sent_count = sum(1 for end in sent_ends if end <= r.end_t)
    started = sum(1 for start, _end in r.sent if start <= r.end_t)
    if r.sent_count:
        r.gap_s = max(0.0, r.end_t - sent_ends[r.sent_count - 1])
    stored = r.stored
    if r.integrity != "ok":
        r.failures.append(f"the database is damaged after the end: quick_check says "
                          f"{r.integrity!r}")
    if r.notes_found > 1:
        r.failures.append(f"{r.notes_found} new notes were stored; the round typed one")
    if not r.planned.startswith(stored):
        at = next((i for i, (a, b) in enumerate(zip(stored, r.planned, strict=False))
                   if a != b), min(len(stored), len(r.planned)))
        r.failures.append(f"what is stored is not a prefix of what was typed: they differ "
                          f"at character {at} (stored …{stored[max(0, at - 20):at + 20]!r}, "
                          f"typed …{r.planned[max(0, at - 20):at + 20]!r})")
    elif len(stored) > started:
        r.failures.append(f"{len(stored)} characters are stored but only {started} were "
                          "sent before the end")
    kept = len(stored) if r.planned.startswith(stored) else 0
    r.lost_chars = max(0, r.sent_count - kept)
    r.lost_s = r.end_t - sent_ends[kept] if r.lost_chars else 0.0
    seen = r.observed
    if seen.saved_max is not None and kept < seen.saved_max:
        r.failures.append(f"the window showed “Saved” with {seen.saved_max} characters "
                          f"(last at {r.end_t - (seen.saved_last_t or r.end_t):.2f} s before "
                          f"the end) but only {kept} are stored")
    if r.kind == "kill":
        r.must_have = sum(1 for end in sent_ends if end <= r.end_t - MAX_LOSS_S)
        if kept < r.must_have:
            oldest = r.end_t - sent_ends[kept]
            r.failures.append(
                f"lost {r.must_have - kept} characters sent more than {MAX_LOSS_S:.1f} s "
                f"before the kill (the oldest lost one {oldest:.2f} s before; "
                f"{_received_note(r)})")
    else:
        r.must_have = r.sent_count
        if r.exit_status != 0:
            r.failures.append(f"after SIGTERM the app exited with status {r.exit_status} "
                              "(0 means everything typed was saved)")
        if kept < r.sent_count:
            r.failures.append(
                f"SIGTERM lost {r.sent_count - kept} of {r.sent_count} characters (the "
                f"oldest lost one sent {r.lost_s:.3f} s before the signal, the last "
                f"{r.gap_s:.3f} s before; {_received_note(r)})")
    return r


def _received_note(r: Round) -> str:
    if r.observed.received is None:
        return "what the app had received is not known without the recorder"
    return f"the app had received {r.observed.received} of them by then"


# -- the display -------------------------------------------------------------------------------
def _need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise SetupError(f"{program} is not installed (apt-get install xvfb openbox xdotool)")
    return path


@contextlib.contextmanager
def x_display(size: str = "1366x768x24") -> Iterator[str]:
    """A private Xvfb display with openbox on it; both are ended afterwards."""
    xvfb = _need("Xvfb")
    openbox = _need("openbox")
    _need("xdotool")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", size,
                               "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    os.close(write_fd)
    wm: subprocess.Popen[bytes] | None = None
    try:
        number = b""
        with os.fdopen(read_fd, "rb") as reader:
            deadline = time.monotonic() + 30
            while not number.endswith(b"\n") and time.monotonic() < deadline:
                chunk = reader.read(1)
                if not chunk:
                    break
                number += chunk
        if not number.strip():
            raise SetupError("Xvfb did not start")
        display = f":{int(number)}"
        env = {**os.environ, "DISPLAY": display}
        wm = subprocess.Popen([openbox, "--sm-disable"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
        time.sleep(0.5)
        yield display
    finally:
        for process in (wm, server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def xdotool(display: str, *args: str, timeout: float = 10.0) -> str:
    done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True, timeout=timeout, check=False)
    return done.stdout.strip()


# -- the app ---------------------------------------------------------------------------------
class EventLog:
    """The recorder's file, read as it grows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.events: list[Event] = []
        self._offset = 0
        self._partial = b""

    def poll(self) -> list[Event]:
        try:
            with self.path.open("rb") as file:
                file.seek(self._offset)
                data = file.read()
        except FileNotFoundError:
            return []
        self._offset += len(data)
        data = self._partial + data
        *lines, self._partial = data.split(b"\n")
        new = []
        for line in lines:
            parts = line.decode("utf-8", "replace").split()
            if len(parts) >= 2:
                new.append(Event(float(parts[0]), parts[1], parts[2:]))
        self.events.extend(new)
        return new

    def wait_for(self, name: str, timeout: float, proc: subprocess.Popen[bytes]) -> bool:
        deadline = time.monotonic() + timeout
        seen = any(e.name == name for e in self.events)
        while not seen and time.monotonic() < deadline and proc.poll() is None:
            seen = any(e.name == name for e in self.poll())
            if not seen:
                time.sleep(0.02)
        return seen


@dataclass
class Run:
    display: str
    workdir: Path
    template: Path
    baseline: set[str]
    plain: bool
    keep: bool
    start_timeout: float


def make_template(workdir: Path) -> tuple[Path, set[str]]:
    """A data folder with the sample walk, and the ids of the notes already in it."""
    folder = workdir / "template"
    env = {**os.environ, "WALKAPP_DATA_DIR": str(folder)}
    env.pop("WALKAPP_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "walkapp", "demo"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SetupError(f"`walkapp demo` failed: {done.stderr.strip()}")
    # Only the database: each round is then walkapp's first start on that folder (no
    # window state, no lock file left by the command that made it).
    for path in folder.iterdir():
        if path.name != "walkapp.sqlite3":
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return folder, set(_notes(folder / "walkapp.sqlite3"))


def _notes(database: Path) -> dict[str, str]:
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        return dict(db.execute("SELECT id, text FROM notes").fetchall())


def _read_result(database: Path, baseline: set[str]) -> tuple[str, int, str]:
    """(the new note's text, how many new notes, quick_check's answer), read-only."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        integrity = "; ".join(row[0] for row in db.execute("PRAGMA quick_check"))
        rows = [(i, t) for i, t in db.execute("SELECT id, text FROM notes")
                if i not in baseline]
    return (rows[0][1] if rows else ""), len(rows), integrity


def _app_command(plain: bool) -> list[str]:
    if not plain:
        return [sys.executable, "-m", OBSERVER_MODULE]
    script = Path(sys.executable).with_name("walkapp")
    return [str(script)] if script.exists() else [sys.executable, "-m", "walkapp"]


def _start_app(run: Run, folder: Path, log_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    env = {**os.environ, "DISPLAY": run.display, "WALKAPP_DATA_DIR": str(folder),
           "QT_QPA_PLATFORM": "xcb", LOG_ENV: str(log_path), "NO_AT_BRIDGE": "1"}
    env.pop("WALKAPP_DATABASE_URL", None)
    output = folder.parent / f"{folder.name}.app-output.txt"
    with output.open("wb") as out:
        proc = subprocess.Popen(_app_command(run.plain), cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    return proc, output


def _find_window(run: Run, proc: subprocess.Popen[bytes], title: str,
                 timeout: float) -> str | None:
    """The app's visible window whose title contains `title`. Polled rather than one
    `search --sync`: a search can stop early on an X error (a window that disappears
    while it is looked at, e.g. a splash or a tooltip)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            found = xdotool(run.display, "search", "--onlyvisible", "--pid", str(proc.pid),
                            "--name", title, timeout=5).split()
            if found:
                return found[-1]
        time.sleep(0.2)
    return None


def _open_note_editor(run: Run, proc: subprocess.Popen[bytes], log: EventLog) -> None:
    """From a fresh start to a focused note editor on the observation page."""
    win = _find_window(run, proc, "Learning walks", run.start_timeout)
    if win is None:
        status = proc.poll()
        raise SetupError(f"the window did not appear within {run.start_timeout:.0f} s"
                         if status is None else f"the app exited with status {status} "
                         "before its window appeared")
    time.sleep(0.3)  # the library fills its table right after the window shows
    opened = None
    for attempt in range(4):
        if attempt:
            # Something may be in the way (a message on start): dismiss it, aim lower.
            xdotool(run.display, "key", "Escape")
        x, y = FIRST_WALK_XY
        xdotool(run.display, "mousemove", "--window", win, str(x), str(y + 30 * (attempt // 2)),
                "click", "--repeat", "2", "--delay", "60", "1")
        opened = _find_window(run, proc, WALK_TITLE_WORDS, 8)
        if opened:
            break
    if not opened:
        raise SetupError("the sample walk did not open from the walks library")
    for _attempt in range(3):
        # Go → Observation. The recorder says when the note editor has the focus; without
        # it (or if the key went astray), wait and click into the note's text box.
        xdotool(run.display, "key", "ctrl+shift+3")
        if not run.plain and log.wait_for("focus", 6, proc):
            break
        time.sleep(2.0 if run.plain else 0.5)
        xdotool(run.display, "mousemove", "--window", opened, *map(str, NOTE_TEXT_XY),
                "click", "1")
        if run.plain or log.wait_for("focus", 3, proc):
            break
    else:
        raise SetupError("the note editor never got the keyboard focus")
    time.sleep(0.3)


# -- typing and ending -----------------------------------------------------------------------
@dataclass
class Plan:
    text: str
    offsets: list[float]       # when each character is due, from the start of typing
    end_at: float | None       # when the signal is due (None: on a commit's start)
    commit_number: int = 0     # during-save: end on this commit's start
    commit_delay_s: float = 0.0
    gap_s: float = 0.0         # SIGTERM: after the last character before `end_at`, wait
    burst: int = 0             # SIGTERM: then type this many characters at once, no wait


def plan_round(kind: str, moment: str, rng: random.Random, rate: float) -> Plan:
    """The text, when each character goes, and when the end comes."""
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < 400:
        words.append(rng.choice(WORDS))
    text = " ".join(words)
    pauses: dict[int, float] = {}  # after character i, wait this much longer
    if moment in ("after-pause", "gap") or (moment == "during-save" and rng.random() < 0.5):
        t = 0.0
        count = rng.randint(1, 2)
        spaces = [i for i, c in enumerate(text) if c == " "]
        for _ in range(count):
            t += rng.uniform(1.5, 4.0)
            index = next(i for i in spaces if i * rate >= t)
            pauses[index] = rng.uniform(0.8, 2.0)
    offsets, now = [], 0.0
    for i in range(len(text)):
        offsets.append(now)
        now += rate + pauses.get(i, 0.0)
    plan = Plan(text, offsets, None)
    if moment == "during-save":
        plan.commit_number = rng.randint(1, 4)
        plan.commit_delay_s = rng.uniform(0.0, 0.004)
    elif moment == "steady":
        plan.end_at = rng.uniform(1.0, 12.0)
    elif moment == "mid-word":
        inside = [i for i in range(len(text) - 1)
                  if text[i].isalpha() and text[i + 1].isalpha() and 1.0 <= offsets[i] <= 10]
        i = rng.choice(inside)
        plan.end_at = offsets[i] + rate * rng.uniform(0.3, 0.8)
    elif moment == "after-pause":
        index = rng.choice(sorted(pauses))
        resumed = offsets[index + 1]
        if rng.random() < 0.25:  # during the pause itself
            plan.end_at = offsets[index] + rng.uniform(0.3, pauses[index])
        else:
            plan.end_at = resumed + rng.uniform(0.0, 0.6)
    elif moment == "immediate":
        plan.end_at = rng.uniform(0.5, 8.0)
    elif moment == "gap":
        plan.end_at = rng.uniform(0.5, 8.0)
        plan.gap_s = rng.uniform(0.01, 0.7)
    elif moment == "burst":
        plan.end_at = rng.uniform(0.5, 8.0)
        plan.burst = rng.randint(5, 30)
    else:
        raise ValueError(f"unknown moment {moment!r}")
    return plan


def _type_and_end(run: Run, r: Round, plan: Plan, proc: subprocess.Popen[bytes],
                  log: EventLog) -> None:
    """Type `plan.text` on schedule; end the app as planned. Fills r.sent and r.end_t."""
    ended = threading.Event()
    trigger = threading.Event()  # SIGTERM rounds: the main loop sends it after a character
    stop_watch = threading.Event()
    kill = r.kind == "kill"
    signum = signal.SIGKILL if kill else signal.SIGTERM
    start = time.monotonic()

    once = threading.Lock()

    def send_now() -> None:
        with once:
            if not ended.is_set():
                r.end_t = time.monotonic()
                proc.send_signal(signum)
                ended.set()

    def watch() -> None:
        # Kill rounds end from here, at the planned time or on the planned commit's start;
        # a SIGTERM round only learns here that the commit started (it stops typing first).
        commits = 0
        while not stop_watch.is_set() and not ended.is_set():
            if plan.end_at is not None:
                due = start + plan.end_at
                if time.monotonic() >= due:
                    send_now()
                    return
                time.sleep(min(0.002, max(0.0, due - time.monotonic())))
                continue
            for event in log.poll():
                if event.name == "commit-start":
                    commits += 1
                    if commits >= plan.commit_number:
                        time.sleep(plan.commit_delay_s)
                        (send_now if kill else trigger.set)()
                        return
            if time.monotonic() - start > NO_COMMIT_S:
                # Autosave never started a commit while the typing went on: end anyway;
                # the checks then show what was lost.
                (send_now if kill else trigger.set)()
                return
            time.sleep(0.001)

    # A SIGTERM round at a planned time sends it itself, right after the last character
    # due before that time (and `gap_s` later): nothing is typed after the signal.
    watcher = threading.Thread(target=watch, name="killtest-watch", daemon=True)
    if kill or plan.end_at is None:
        watcher.start()
    try:
        for char, offset in zip(plan.text, plan.offsets, strict=True):
            if ended.is_set() or trigger.is_set():
                break
            if not kill and plan.end_at is not None and offset > plan.end_at:
                break
            delay = start + offset - time.monotonic()
            # Sleep in steps, so a SIGTERM round stops typing soon after a commit started.
            while delay > 0 and not trigger.is_set() and not ended.is_set():
                time.sleep(min(delay, 0.005))
                delay = start + offset - time.monotonic()
            if trigger.is_set() or ended.is_set() or proc.poll() is not None:
                break
            began = time.monotonic()
            xdotool(run.display, "type", "--delay", "0", char)
            r.sent.append((began, time.monotonic()))
        if plan.burst and not ended.is_set() and proc.poll() is None:
            # A burst of keys, as fast as X takes them, and the signal right behind it:
            # the keys may still be on their way into the app when the signal arrives.
            chunk = plan.text[len(r.sent):len(r.sent) + plan.burst]
            began = time.monotonic()
            xdotool(run.display, "type", "--delay", "0", chunk)
            r.sent.extend([(began, time.monotonic())] * len(chunk))
        if not ended.is_set() and proc.poll() is None:
            if plan.gap_s:
                time.sleep(plan.gap_s)
            send_now()  # SIGTERM after the last character; a kill past the text's end
    finally:
        stop_watch.set()
        if watcher.is_alive():
            watcher.join(timeout=5)
    if not kill:
        try:
            r.exit_status = proc.wait(timeout=END_WAIT_S)
        except subprocess.TimeoutExpired:
            r.exit_status = None
            proc.kill()
    proc.wait(timeout=30)
    if kill and r.exit_status is None:
        r.exit_status = proc.returncode


def _aim_at_a_commit(plan: Plan, rate: float, rng: random.Random) -> None:
    """No recorder to say when a commit starts: aim at the debounce's commit after the
    first pause, or at the maximum wait's commits during unbroken typing."""
    first_pause = next((i for i in range(len(plan.offsets) - 1)
                        if plan.offsets[i + 1] - plan.offsets[i] > rate * 2), None)
    base = plan.offsets[first_pause] + 0.75 if first_pause is not None else 0.8
    plan.end_at = base + rng.uniform(0.0, 0.02) + 0.8 * (plan.commit_number - 1)


def run_round(run: Run, number: int, kind: str, moment: str, seed: int,
              suffix: str = "") -> Round:
    rng = random.Random(seed)
    rate = rng.uniform(0.05, 0.15)
    plan = plan_round(kind, moment, rng, rate)
    if plan.end_at is None and run.plain:
        _aim_at_a_commit(plan, rate, rng)
    r = Round(number, kind, moment, seed, rate, plan.text)
    folder = run.workdir / f"round-{number:03d}{suffix}"
    shutil.copytree(run.template, folder)
    r.folder = str(folder)
    log = EventLog(run.workdir / f"round-{number:03d}{suffix}.events")
    proc, output = _start_app(run, folder, log.path)
    try:
        try:
            _open_note_editor(run, proc, log)
            if proc.poll() is not None:
                raise SetupError(f"the app exited with status {proc.returncode} on its own")
            if plan.end_at is None and any(e.name == "observer-unavailable"
                                           and e.values[:1] == ["_hook_commits"]
                                           for e in log.events):
                _aim_at_a_commit(plan, rate, rng)
        except SetupError as error:
            r.setup_error = str(error)
            return r
        _type_and_end(run, r, plan, proc, log)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        log.poll()
        r.app_log = _tail(output, 2000)
    r.observed = Observed.from_events(log.events, r.end_t)
    r.events_tail = [f"{e.t - r.end_t:+.3f} {e.name} {' '.join(e.values)}"
                     for e in log.events if e.t <= r.end_t + 1][-12:]
    r.stored, r.notes_found, r.integrity = _read_result(folder / "walkapp.sqlite3",
                                                        run.baseline)
    judge(r)
    if not r.failures and not run.keep:
        shutil.rmtree(folder, ignore_errors=True)
        log.path.unlink(missing_ok=True)
        output.unlink(missing_ok=True)
    return r


def _tail(path: Path, size: int) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-size:]
    except OSError:
        return ""


# -- the run -----------------------------------------------------------------------------------
def schedule(kills: int, terms: int, seed: int,
             kill_moments: Sequence[str] = KILL_MOMENTS,
             term_moments: Sequence[str] = TERM_MOMENTS) -> list[tuple[str, str, int]]:
    """(kind, moment, seed) for each round: every moment equally often, in a mixed order."""
    rng = random.Random(seed)
    rounds = [("kill", kill_moments[i % len(kill_moments)]) for i in range(kills)]
    rounds += [("term", term_moments[i % len(term_moments)]) for i in range(terms)]
    rng.shuffle(rounds)
    return [(kind, moment, rng.randrange(2**32)) for kind, moment in rounds]


def describe(r: Round) -> str:
    what = f"round {r.number:3d} {r.kind:4s} {r.moment:11s} {r.rate_s * 1000:3.0f} ms/char"
    if r.setup_error:
        return f"{what}: not run: {r.setup_error}"
    saved = "" if r.observed.saved_max is None else f", Saved≥{r.observed.saved_max}"
    inside = " inside a commit" if r.observed.inside_commit else ""
    extra = f", exit {r.exit_status}" if r.kind == "term" else ""
    verdict = "ok" if not r.failures else "FAILED"
    return (f"{what}: sent {r.sent_count}, stored {len(r.stored)}{saved}, lost "
            f"{r.lost_chars} chars / {r.lost_s:.2f} s{inside}{extra}: {verdict}")


def summary(rounds: Sequence[Round], plain: bool,
            retried: Sequence[Round] = ()) -> tuple[str, bool]:
    ran = [r for r in rounds if not r.setup_error]
    kills = [r for r in ran if r.kind == "kill"]
    terms = [r for r in ran if r.kind == "term"]
    failed = [r for r in ran if r.failures]
    lines = ["", "== real-window kill run =="]
    lines.append(f"rounds: {len(ran)} run ({len(kills)} kill -9, {len(terms)} SIGTERM), "
                 f"{len(rounds) - len(ran)} could not be run")
    if kills:
        worst_chars = max(kills, key=lambda r: r.lost_chars)
        worst_s = max(kills, key=lambda r: r.lost_s)
        known = [r for r in kills if r.observed.inside_commit is not None]
        inside = (f"{sum(1 for r in known if r.observed.inside_commit)} kills landed inside "
                  "a commit" if known else "whether a kill landed inside a commit is not "
                  "known without the recorder")
        lines.append(f"kill -9: max characters lost {worst_chars.lost_chars} (round "
                     f"{worst_chars.number}), max seconds of typing lost {worst_s.lost_s:.2f} "
                     f"(round {worst_s.number}; the bound is {MAX_LOSS_S:.1f} s); {inside}")
        for moment in KILL_MOMENTS:
            some = [r for r in kills if r.moment == moment]
            if some:
                lines.append(f"  {moment:11s} {len(some):3d} rounds, max lost "
                             f"{max(r.lost_chars for r in some)} chars / "
                             f"{max(r.lost_s for r in some):.2f} s")
    if terms:
        lines.append(f"SIGTERM: max characters lost {max(r.lost_chars for r in terms)}; "
                     f"exit statuses {sorted({r.exit_status for r in terms}, key=str)}")
        for moment in ALL_TERM_MOMENTS:
            some = [r for r in terms if r.moment == moment]
            if some:
                lines.append(f"  {moment:11s} {len(some):3d} rounds, max lost "
                             f"{max(r.lost_chars for r in some)} chars, last character "
                             f"{min(r.gap_s for r in some) * 1000:.0f}–"
                             f"{max(r.gap_s for r in some) * 1000:.0f} ms before the signal")
    if plain:
        lines.append("“Saved” was not observed (--plain): the window shows it only after the "
                     "commit, so the 1-second check covers it.")
    else:
        saved = sum(1 for r in ran if r.observed.saved_max)
        missing = sorted({u for r in ran for u in r.observed.unavailable})
        lines.append(f"“Saved” observed in {saved} rounds; nothing shown as Saved was lost"
                     if not any("Saved" in f for r in failed for f in r.failures)
                     else "SOMETHING SHOWN AS “Saved” WAS LOST (see the failures)")
        if missing:
            lines.append(f"the recorder could not attach: {', '.join(missing)}")
    lines.append(f"failures: {len(failed)}")
    for r in failed:
        lines.append(f"- {describe(r)}")
        lines.extend(f"    {failure}" for failure in r.failures)
        lines.append(f"    typed: …{r.planned[max(0, r.sent_count - 60):r.sent_count]!r}")
        lines.append(f"    stored: …{r.stored[-60:]!r}")
        lines.append(f"    kept: {r.folder}")
        lines.extend(f"    event {line}" for line in r.events_tail)
    if retried:
        lines.append(f"{len(retried)} rounds could not be set up the first time and were run "
                     "again:")
    for r in [*retried, *rounds]:
        if r.setup_error:
            lines.append(f"- {describe(r)}")
            if r.app_log.strip():
                lines.append("    app output: " + r.app_log.strip().replace("\n", "\n    "))
    ok = not failed and len(ran) == len(rounds) and bool(ran)
    return "\n".join(lines), ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.real_window_kills",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100, help="kill -9 rounds (100)")
    parser.add_argument("--term-rounds", type=int, default=20, help="SIGTERM rounds (20)")
    parser.add_argument("--seed", type=int, default=None, help="repeat a run exactly")
    parser.add_argument("--plain", action="store_true",
                        help="run the `walkapp` command itself, without the recorder")
    parser.add_argument("--keep", action="store_true", help="keep every round's folder")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the rounds' data folders go (default: a new temp folder)")
    parser.add_argument("--json", type=Path, default=None, help="write every round here")
    parser.add_argument("--start-timeout", type=float, default=60.0,
                        help="seconds to wait for the window (60)")
    parser.add_argument("--kill-moments", default=",".join(KILL_MOMENTS),
                        help=f"kill -9 moments, comma-separated ({','.join(KILL_MOMENTS)})")
    parser.add_argument("--term-moments", default=",".join(TERM_MOMENTS),
                        help=f"SIGTERM moments ({','.join(ALL_TERM_MOMENTS)})")
    args = parser.parse_args(argv)
    kill_moments = [m for m in args.kill_moments.split(",") if m]
    term_moments = [m for m in args.term_moments.split(",") if m]
    unknown = (set(kill_moments) - set(KILL_MOMENTS)) | (set(term_moments)
                                                         - set(ALL_TERM_MOMENTS))
    if unknown or not kill_moments or not term_moments:
        parser.error(f"unknown or no moments: {', '.join(sorted(unknown)) or '(none)'}")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="walkapp-killtest-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"seed {seed}; folders in {workdir}", flush=True)
    rounds: list[Round] = []
    not_run: list[Round] = []  # set-up failures that were run again
    try:
        with x_display() as display:
            template, baseline = make_template(workdir)
            run = Run(display, workdir, template, baseline, args.plain, args.keep,
                      args.start_timeout)
            for number, (kind, moment, round_seed) in enumerate(
                    schedule(args.rounds, args.term_rounds, seed, kill_moments,
                             term_moments), start=1):
                r = run_round(run, number, kind, moment, round_seed)
                if r.setup_error:  # not a finding about saving: say so, try once more
                    print(describe(r), flush=True)
                    not_run.append(r)
                    r = run_round(run, number, kind, moment, round_seed, suffix="-again")
                rounds.append(r)
                print(describe(r), flush=True)
                for failure in r.failures:
                    print(f"    {failure}", flush=True)
    except SetupError as error:
        print(f"killtest: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("killtest: interrupted", file=sys.stderr)
    finally:
        if args.json is not None:
            args.json.write_text(json.dumps([dataclasses.asdict(r) for r in rounds],
                                            indent=1), encoding="utf-8")
    text, ok = summary(rounds, args.plain, retried=not_run)
    print(text, flush=True)
    if ok and not args.keep and args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
