"""The automatic backup: due after 30 minutes of use with changes, run off the GUI thread."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.builders import make_walk
from walkapp.errors import DiskFullError
from walkapp.services import Services
from walkapp.storage.backup import list_backups
from walkapp.storage.backup_schedule import BackupScheduler
from walkapp.ui.backup_timer import AutoBackup


def test_scheduler_counts_use_not_wall_time() -> None:
    s = BackupScheduler(interval_seconds=1800, retry_seconds=300)
    s.record_use(3600)
    assert not s.due()                    # used, but nothing changed: no copy needed
    s.record_change()
    assert s.due()
    s.started()
    assert not s.due()                    # one at a time
    s.record_change()                     # a change during the copy…
    s.finished(datetime(2026, 11, 27, tzinfo=UTC))
    assert s.changed and not s.due()      # …waits for the next interval
    s.record_use(1799)
    assert not s.due()
    s.record_use(1)
    assert s.due()


def test_scheduler_retries_sooner_after_a_failure() -> None:
    s = BackupScheduler(interval_seconds=1800, retry_seconds=300)
    s.record_change()
    s.record_use(1800)
    s.started()
    s.failed()
    assert s.changed and s.failures == 1 and not s.due()
    s.record_use(300)
    assert s.due()


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_timer_backs_up_after_thirty_minutes_of_use_off_the_gui_thread(
        qtbot, services: Services) -> None:
    make_walk(services, walkers=1, visits=1)
    clock = _Clock()
    threads: list[int] = []

    def make() -> Path | None:
        from walkapp.storage.backup import backup_now

        threads.append(threading.get_ident())
        return backup_now(services.db, "auto")

    auto = AutoBackup(services.db, tick_ms=60_000, is_active=lambda: True, make_backup=make,
                      clock=clock)
    auto.start()
    auto.note_change()
    for _ in range(29):
        clock.now += 60
        auto.tick()
    assert threads == []                  # 29 minutes: not yet
    with qtbot.waitSignal(auto.backed_up, timeout=10_000) as blocker:
        clock.now += 60
        auto.tick()
    path = blocker.args[0]
    assert isinstance(path, Path) and path.exists()
    assert threads and threads[0] != threading.get_ident()
    assert [b.reason for b in list_backups(services.db.settings.backup_dir)] == ["auto"]
    auto.shutdown()


def test_idle_time_and_a_sleeping_laptop_do_not_count(qtbot, services: Services) -> None:
    clock = _Clock()
    calls: list[int] = []
    active = {"value": False}
    auto = AutoBackup(services.db, tick_ms=60_000, is_active=lambda: active["value"],
                      make_backup=lambda: calls.append(1) or None, clock=clock)
    auto.start()
    auto.note_change()
    clock.now += 60
    auto.tick()                           # a change arrived in this minute: counts as use
    for _ in range(100):                  # then 100 idle minutes
        clock.now += 60
        auto.tick()
    active["value"] = True
    clock.now += 10 * 3600                # one very late tick after the lid was closed
    auto.tick()
    assert auto.scheduler.used_seconds == pytest.approx(60 + 90)
    assert calls == []
    auto.shutdown()
    assert not auto.timer.isActive() and not auto.run_backup()


def test_a_failed_backup_is_reported_not_hidden(qtbot, services: Services) -> None:
    def fail() -> Path | None:
        raise DiskFullError("The disk is full, so the change was not saved.")

    auto = AutoBackup(services.db, is_active=lambda: True, make_backup=fail,
                      clock=_Clock())
    auto.note_change()
    with qtbot.waitSignal(auto.failed, timeout=10_000) as blocker:
        assert auto.run_backup()
    assert "automatic backup failed" in blocker.args[0] and "disk is full" in blocker.args[0]
    assert auto.scheduler.failures == 1 and auto.scheduler.changed
