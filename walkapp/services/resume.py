"""Back where you were: which walk, page, visit and timers were open, and whether walkapp
ended properly last time.

Two small files in the data folder, neither of them walk data (nothing here goes into a
kit, a notes file, a report or a backup):

- `resume-<hash>.json`, one per database (the hash of its address, so a database address
  holding a password is never written down): the walk that was open, its page, whose notes
  the observation page showed, the visit, and each visit's room timer and the corridor
  timer as they stood when they last changed. Only ids and seconds, never names or text.
  Whatever cannot be used — a file that is garbage, from another version, a walk since
  deleted or in the Trash — is ignored quietly: the app then opens on the walks library.
- `walkapp-running`, written when the desktop app starts and removed when it ends
  properly. Found at the next start, it means the app was killed or crashed. It is only
  read and written while the data folder's lock (`walkapp.storage.lock`) is held, so a
  second walkapp, which cannot take the lock, never mistakes a running first one for a
  crashed one.

Saving happens on a background thread, latest position first (`PositionSaver`): the GUI
never waits for the disk, and after a kill -9 the file holds the last position handed over
(or the one before it, never half of one: the write is atomic).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from walkapp.storage import models as m
from walkapp.storage.db import Database
from walkapp.storage.safe_files import read_small_text, write_private_atomically

log = logging.getLogger(__name__)

FORMAT = 1
MARKER_FILENAME = "walkapp-running"
# A position is a few hundred bytes; anything much bigger is not ours.
_MAX_BYTES = 256 * 1024
_ID_MAX = 64
_KEY_MAX = 40


@dataclass(frozen=True)
class TimerMark:
    """One timer when it last changed: seconds used so far, and whether it was running."""

    elapsed: float = 0.0
    running: bool = False

    def now(self, seconds_since: float) -> float:
        """Its elapsed time `seconds_since` later (a running timer went on counting)."""
        return self.elapsed + (max(0.0, seconds_since) if self.running else 0.0)


@dataclass(frozen=True)
class Position:
    """Where the window was. `walk_id` None: on the walks library."""

    walk_id: str | None = None
    page: str | None = None
    author_id: str | None = None
    visit_id: str | None = None
    visit_timers: Mapping[str, TimerMark] = field(default_factory=dict)
    corridor: TimerMark = TimerMark()
    saved_at: datetime | None = None  # aware UTC, the services' clock

    def seconds_since(self, now: datetime) -> float:
        """How long ago this was saved (0 when unknown or when the clock went back)."""
        if self.saved_at is None:
            return 0.0
        return max(0.0, (now - self.saved_at).total_seconds())


LIBRARY = Position()


# -- the file's format -----------------------------------------------------------------------
def _mark_json(mark: TimerMark) -> dict[str, object]:
    return {"elapsed": round(mark.elapsed, 3), "running": mark.running}


def to_json(position: Position) -> str:
    data = {
        "format": FORMAT, "walk": position.walk_id, "page": position.page,
        "author": position.author_id, "visit": position.visit_id,
        "visit_timers": {k: _mark_json(v) for k, v in position.visit_timers.items()},
        "corridor": _mark_json(position.corridor),
        "saved_at": position.saved_at.astimezone(UTC).isoformat()
        if position.saved_at is not None else None,
    }
    return json.dumps(data, ensure_ascii=True, sort_keys=True)


def _text(value: object, limit: int) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= limit and value.isprintable():
        return value
    return None


def _mark(value: object) -> TimerMark | None:
    if not isinstance(value, dict):
        return None
    elapsed, running = value.get("elapsed"), value.get("running")
    if isinstance(elapsed, bool) or not isinstance(elapsed, int | float) \
            or not math.isfinite(elapsed) or not 0 <= elapsed < 10 ** 7:
        return None
    if not isinstance(running, bool):
        return None
    return TimerMark(float(elapsed), running)


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else None


def from_json(text: str) -> Position:
    """The position in `text`; LIBRARY for anything that is not one (never raises)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return LIBRARY
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return LIBRARY
    walk_id = _text(data.get("walk"), _ID_MAX)
    if walk_id is None:
        return LIBRARY
    timers: dict[str, TimerMark] = {}
    raw_timers = data.get("visit_timers")
    if isinstance(raw_timers, dict):
        for key, value in list(raw_timers.items())[:1000]:
            mark = _mark(value)
            if _text(key, _ID_MAX) is not None and mark is not None:
                timers[key] = mark
    return Position(walk_id=walk_id, page=_text(data.get("page"), _KEY_MAX),
                    author_id=_text(data.get("author"), _ID_MAX),
                    visit_id=_text(data.get("visit"), _ID_MAX), visit_timers=timers,
                    corridor=_mark(data.get("corridor")) or TimerMark(),
                    saved_at=_moment(data.get("saved_at")))


# -- one database's position -----------------------------------------------------------------
def position_file(data_dir: Path, database: str) -> Path:
    """The position file of the database at `database` (its URL or path)."""
    digest = hashlib.sha256(database.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return data_dir / f"resume-{digest}.json"


class PositionStore:
    """Reads and writes one database's position file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_database(cls, data_dir: Path, db: Database) -> PositionStore:
        return cls(position_file(data_dir, str(db.path.absolute()) if db.path else db.url))

    def load(self) -> Position:
        text = read_small_text(self.path, _MAX_BYTES)
        return LIBRARY if text is None else from_json(text)

    def save(self, position: Position) -> None:
        """Write it atomically (the old file or the new one survives a crash). OSError."""
        write_private_atomically(self.path, to_json(position).encode("ascii"))


class PositionSaver:
    """Saves positions on a background thread, newest first: `submit` never waits, a
    position handed over while another is being written replaces the one still waiting.
    Errors are logged once and otherwise ignored: losing the place is not worth a word
    to someone in a classroom."""

    def __init__(self, store: PositionStore) -> None:
        self._store = store
        self._lock = threading.Condition()
        self._waiting: Position | None = None
        self._busy = False
        self._closed = False
        self._failed_once = False
        self._thread = threading.Thread(target=self._run, name="walkapp-position",
                                        daemon=True)
        self._thread.start()

    def submit(self, position: Position) -> None:
        with self._lock:
            if self._closed:
                return
            self._waiting = position
            self._lock.notify_all()

    def idle(self) -> bool:
        """True when everything handed over has been written (or failed)."""
        with self._lock:
            return self._waiting is None and not self._busy

    def flush(self, timeout: float = 2.0) -> bool:
        """Wait (at most `timeout` seconds) until everything handed over is written."""
        with self._lock:
            return self._lock.wait_for(lambda: self._waiting is None and not self._busy,
                                       timeout)

    def close(self, timeout: float = 2.0) -> bool:
        """Write what is waiting, then stop; True if it all got written in time."""
        done = self.flush(timeout)
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join(timeout)
        return done

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._waiting is not None or self._closed)
                if self._waiting is None:
                    return  # closed, nothing left
                position, self._waiting, self._busy = self._waiting, None, True
            try:
                self._store.save(position)
            except Exception as error:  # a full disk, a read-only folder, a bug
                if not self._failed_once:
                    self._failed_once = True
                    log.warning("could not remember where the window was: %s", error)
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()


# -- did walkapp end properly last time? -----------------------------------------------------
class RunningMarker:
    """`walkapp-running` in the data folder. Call `begin()` and `end()` only while holding
    the data folder's lock."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / MARKER_FILENAME

    def begin(self, now: datetime | None = None) -> bool:
        """Mark this run as started; True if the previous run did not end properly."""
        unclean = os.path.lexists(self.path)
        moment = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
        try:
            write_private_atomically(self.path, json.dumps(
                {"pid": os.getpid(), "since": moment}).encode("ascii"))
        except OSError as error:
            log.warning("could not note that walkapp is running: %s", error)
        return unclean

    def end(self) -> None:
        """walkapp ended properly: the next start has nothing to say."""
        with contextlib.suppress(FileNotFoundError):
            try:
                os.unlink(self.path)
            except OSError as error:
                log.warning("could not note that walkapp ended properly: %s", error)


def last_saved_note(db: Database) -> datetime | None:
    """When the most recently saved note was saved (aware UTC), or None with no notes."""
    with db.transaction() as session:
        moment = session.scalar(select(func.max(m.Note.updated_at))
                                .where(m.Note.deleted_at.is_(None)))
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
