"""When the app runs SQLite's full page check (`PRAGMA quick_check`) on its database.

`quick_check` reads every page of the file: 0.6 s for an 800 MB database, growing with the
data, so it no longer runs before every start. The cheap checks (the file's header, its
tables, the schema revision: `walkapp.storage.startup.check_database(quick_check=False)`)
still do. The full check runs, in the background once the window is up, when

- the previous run did not end properly (the `walkapp-running` marker was left behind:
  killed, crashed, the power went): the moment damage is most likely;
- it has not run for `CHECK_EVERY` (a week), or has never run on this data folder;

and before the window opens, as every start used to, when the last full check found
damage and nothing was repaired since (the user chose to quit rather than restore).

What was found last is kept in `integrity-check.json` in the data folder (a private file,
written atomically): when it ran and whether the database was fine. A missing, unreadable
or foreign file counts as "never ran": the check is then due, never skipped.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from walkapp.storage.safe_files import read_small_text, write_private_atomically

CHECK_FILENAME = "integrity-check.json"
CHECK_EVERY = timedelta(days=7)
_MAX_BYTES = 4096


class CheckReason(StrEnum):
    UNCLEAN_EXIT = "unclean exit"      # the previous run was killed or crashed
    SCHEDULED = "scheduled"            # a week since the last full check (or never run)
    DAMAGE_FOUND = "damage found"      # the last full check found damage: check first


@dataclass(frozen=True)
class LastCheck:
    at: datetime
    ok: bool


class CheckSchedule:
    """The record of the last full check of one data folder's database. Read and write it
    only while holding the data folder's lock (the app does)."""

    def __init__(self, data_dir: Path, every: timedelta = CHECK_EVERY) -> None:
        self.path = data_dir / CHECK_FILENAME
        self.every = every

    def last(self) -> LastCheck | None:
        """The last full check, or None if none is known (never ran, or the record is
        unreadable: the check is then due)."""
        text = read_small_text(self.path, _MAX_BYTES)
        if text is None:
            return None
        try:
            data = json.loads(text)
            at = datetime.fromisoformat(str(data["at"]))
            ok = data["ok"]
        except (ValueError, KeyError, TypeError):
            return None
        if not isinstance(ok, bool):
            return None
        return LastCheck(at if at.tzinfo is not None else at.replace(tzinfo=UTC), ok)

    def before_opening(self) -> bool:
        """True if the full check must run before the window opens: the last one found
        damage and nothing was repaired since."""
        last = self.last()
        return last is not None and not last.ok

    def reason(self, *, unclean: bool, now: datetime) -> CheckReason | None:
        """Why the full check should run in the background now, or None if it need not."""
        if self.before_opening():
            return CheckReason.DAMAGE_FOUND
        if unclean:
            return CheckReason.UNCLEAN_EXIT
        last = self.last()
        # A record from the future (the clock was wrong, or went back) is not trusted.
        if last is None or now - last.at >= self.every or last.at > now + timedelta(days=1):
            return CheckReason.SCHEDULED
        return None

    def record(self, *, ok: bool, now: datetime) -> None:
        """Note a full check's outcome. A failure to write only makes the next check come
        sooner (the record is then missing), so it is not an error."""
        moment = now.astimezone(UTC).isoformat(timespec="seconds")
        with contextlib.suppress(OSError):
            write_private_atomically(self.path, json.dumps(
                {"at": moment, "ok": ok}).encode("ascii"))
