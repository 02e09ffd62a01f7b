"""When to make the automatic backup: every 30 minutes of *use*, and only if data changed.

Wall-clock time is the wrong measure: a laptop that sleeps through a weekend has not been
used, and a backup every 30 minutes of an idle app would fill the rotation with identical
copies and push the useful older ones out. The desktop app reports use (time with the
window active, or with changes arriving) and changes; this object answers "due?". It has no
clock or Qt of its own, so it is tested with plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

DEFAULT_INTERVAL_SECONDS = 30 * 60
# After a failed attempt (disk full, folder read-only…) try again sooner than a full
# interval, but not on every tick.
DEFAULT_RETRY_SECONDS = 5 * 60


@dataclass
class BackupScheduler:
    """Counts use since the last backup and says when the next one is due."""

    interval_seconds: float = DEFAULT_INTERVAL_SECONDS
    retry_seconds: float = DEFAULT_RETRY_SECONDS
    # Changes committed since the last good backup (the app starts "clean": the newest
    # backup, or the pre-migration copy, already holds what is on disk).
    changed: bool = False
    used_seconds: float = 0.0
    running: bool = False
    last_backup_at: datetime | None = None
    failures: int = 0
    _threshold: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        self._threshold = self.interval_seconds

    def record_use(self, seconds: float) -> None:
        """The app was in use for `seconds` (the caller decides what counts as use)."""
        if seconds > 0:
            self.used_seconds += seconds

    def record_change(self) -> None:
        """Something was committed; the next backup has something new to keep."""
        self.changed = True

    def due(self) -> bool:
        return self.changed and not self.running and self.used_seconds >= self._threshold

    def started(self) -> None:
        """A backup began. Changes from now on belong to the *next* backup."""
        self.running = True
        self.changed = False

    def finished(self, when: datetime) -> None:
        self.running = False
        self.used_seconds = 0.0
        self._threshold = self.interval_seconds
        self.last_backup_at = when
        self.failures = 0

    def failed(self) -> None:
        """The backup did not happen: keep the changes pending and retry after a while."""
        self.running = False
        self.changed = True
        self.failures += 1
        self.used_seconds = 0.0
        self._threshold = min(self.retry_seconds, self.interval_seconds)
