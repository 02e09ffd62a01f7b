"""When the full page check (PRAGMA quick_check) is due: walkapp.storage.check_schedule."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from tests.helpers.damage import damage_pages
from tests.helpers.on_disk import walk_on_disk
from walkapp.config import Settings
from walkapp.storage.check_schedule import CHECK_FILENAME, CheckReason, CheckSchedule
from walkapp.storage.startup import StartupStatus, check_database

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def test_never_checked_is_due(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    schedule = CheckSchedule(settings.data_dir)
    assert schedule.last() is None
    assert schedule.reason(unclean=False, now=NOW) is CheckReason.SCHEDULED


def test_a_clean_exit_after_a_recent_check_skips_it(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    schedule = CheckSchedule(settings.data_dir)
    schedule.record(ok=True, now=NOW)
    assert schedule.reason(unclean=False, now=NOW + timedelta(days=6, hours=23)) is None
    # Due once a week has gone by, and at once after an unclean exit.
    assert schedule.reason(unclean=False, now=NOW + timedelta(days=7)) is CheckReason.SCHEDULED
    assert schedule.reason(unclean=True, now=NOW + timedelta(minutes=1)) \
        is CheckReason.UNCLEAN_EXIT
    assert not schedule.before_opening()
    assert oct((settings.data_dir / CHECK_FILENAME).stat().st_mode & 0o777) == "0o600"


def test_damage_found_checks_before_opening(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    schedule = CheckSchedule(settings.data_dir)
    schedule.record(ok=False, now=NOW)
    assert schedule.before_opening()
    assert schedule.reason(unclean=False, now=NOW) is CheckReason.DAMAGE_FOUND


def test_a_foreign_or_broken_record_means_due(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    schedule = CheckSchedule(settings.data_dir)
    path = settings.data_dir / CHECK_FILENAME
    for text in ("", "{", '{"at": "yesterday", "ok": true}', '{"at": "2026-03-04"}',
                 '{"at": "2026-03-04T09:00:00+00:00", "ok": "yes"}', "x" * 10_000):
        path.write_text(text)
        assert schedule.reason(unclean=False, now=NOW) is CheckReason.SCHEDULED, text
    # A record far in the future (a wrong clock) does not put the check off.
    schedule.record(ok=True, now=NOW + timedelta(days=300))
    assert schedule.reason(unclean=False, now=NOW) is CheckReason.SCHEDULED
    # A link is never followed.
    path.unlink()
    target = settings.data_dir / "elsewhere.json"
    target.write_text('{"at": "2026-03-04T09:00:00+00:00", "ok": true}')
    os.symlink(target, path)
    assert schedule.last() is None


def test_the_cheap_check_leaves_page_damage_to_the_full_one(settings: Settings) -> None:
    path = walk_on_disk(settings)
    damage_pages(path)
    # Every start: header, tables and revision, which this damage does not reach.
    assert check_database(settings, quick_check=False).status is StartupStatus.OK
    # The full check (after an unclean exit, weekly) finds it.
    assert check_database(settings).status is StartupStatus.DAMAGED
