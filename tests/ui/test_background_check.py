"""The full page check (PRAGMA quick_check) runs in the background after an unclean exit and
on its weekly schedule, never before every start; what it finds is shown and acted on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from tests.helpers.damage import damage_pages
from tests.helpers.on_disk import walk_on_disk, walk_titles
from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.services.resume import MARKER_FILENAME, RunningMarker
from walkapp.storage import startup as storage_startup
from walkapp.storage.check_schedule import CheckReason, CheckSchedule
from walkapp.storage.startup import RecoveryChoice, StartupReport, StartupStatus
from walkapp.ui import gc_policy
from walkapp.ui.integrity import BackgroundCheck, full_check

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class CountingCheck:
    """The full check, counted (the real one: it reads the real file)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, settings: Settings) -> StartupReport:
        self.calls += 1
        return full_check(settings)


@pytest.fixture
def window(qtbot: Any) -> Iterator[QWidget]:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def _background(window: QWidget, settings: Settings, asker: ScriptedAsker,
                check: CountingCheck, clock: Clock) -> BackgroundCheck:
    return BackgroundCheck(window, settings, CheckSchedule(settings.data_dir), asker,
                           check=check, clock=clock)


def test_it_runs_after_an_unclean_exit_not_after_a_clean_one(
        qtbot: Any, window: QWidget, settings: Settings, asker: ScriptedAsker) -> None:
    walk_on_disk(settings)
    CheckSchedule(settings.data_dir).record(ok=True, now=NOW)  # checked an hour ago
    clock = Clock(NOW + timedelta(hours=1))
    marker = RunningMarker(settings.data_dir)

    # A clean exit last time (no marker left): no full check.
    check = CountingCheck()
    unclean = marker.begin()
    assert unclean is False
    assert _background(window, settings, asker, check, clock).start(unclean=unclean) is None
    assert check.calls == 0
    # This run is killed: the marker stays. The next start runs the full check.
    assert (settings.data_dir / MARKER_FILENAME).exists()
    unclean = marker.begin()
    assert unclean is True
    background = _background(window, settings, asker, check, clock)
    assert background.start(unclean=unclean) is CheckReason.UNCLEAN_EXIT
    qtbot.waitUntil(lambda: background.report is not None)
    assert check.calls == 1 and background.report is not None
    assert background.report.status is StartupStatus.OK and asker.shown == []
    last = CheckSchedule(settings.data_dir).last()
    assert last is not None and last.ok and last.at == clock.now
    assert window.isVisible()


def test_it_runs_when_the_schedule_is_due(qtbot: Any, window: QWidget, settings: Settings,
                                          asker: ScriptedAsker) -> None:
    walk_on_disk(settings)
    CheckSchedule(settings.data_dir).record(ok=True, now=NOW)
    check = CountingCheck()
    clock = Clock(NOW + timedelta(days=6))
    assert _background(window, settings, asker, check, clock).start(unclean=False) is None
    clock.now = NOW + timedelta(days=7, minutes=1)
    background = _background(window, settings, asker, check, clock)
    assert background.start(unclean=False) is CheckReason.SCHEDULED
    qtbot.waitUntil(lambda: background.report is not None)
    assert check.calls == 1
    # Recorded: not due again for a week.
    assert _background(window, settings, asker, check, clock).start(unclean=False) is None


def test_damage_it_finds_is_shown_and_the_window_closes_to_repair(
        qtbot: Any, window: QWidget, settings: Settings, asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    damage_pages(path)
    asker.choices = ["restore"]
    background = _background(window, settings, asker, CountingCheck(), Clock(NOW))
    assert background.start(unclean=True) is CheckReason.UNCLEAN_EXIT
    qtbot.waitUntil(lambda: background.report is not None)
    kind, title, text = asker.shown[0]
    assert kind == "choose" and title == "walkapp's database is damaged"
    assert "found damage" in text and "kept aside, untouched" in text
    assert background.repair is not None
    assert background.repair.choice is RecoveryChoice.RESTORE_BACKUP
    assert not window.isVisible()
    # Until it is repaired, the next start checks before it opens.
    assert CheckSchedule(settings.data_dir).before_opening()


def test_quitting_instead_leaves_the_file_for_the_check_before_the_next_start(
        qtbot: Any, window: QWidget, settings: Settings, asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    damage_pages(path)
    damaged = path.read_bytes()
    asker.choices = ["quit"]
    background = _background(window, settings, asker, CountingCheck(), Clock(NOW))
    background.start(unclean=False)  # never checked: due
    qtbot.waitUntil(lambda: background.report is not None)
    assert background.repair is None and not window.isVisible()
    assert path.read_bytes() == damaged
    assert CheckSchedule(settings.data_dir).reason(unclean=False, now=NOW) \
        is CheckReason.DAMAGE_FOUND


# -- the real start (ui/app.py): which checks run, and a repair while the window is open --
class _Starts:
    """Spies on the real app's start: each `_inspect` (quick_check or not) and closes each
    main window once its background check is done (or was not due)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.quick_checks: list[bool] = []
        real_inspect = storage_startup._inspect

        def inspect(path: Path, backups: int, quick_check: bool = True) -> Any:
            self.quick_checks.append(quick_check)
            return real_inspect(path, backups, quick_check)

        monkeypatch.setattr(storage_startup, "_inspect", inspect)
        real_start = BackgroundCheck.start
        real_finished = BackgroundCheck._finished

        def start(check: BackgroundCheck, *, unclean: bool) -> CheckReason | None:
            reason = real_start(check, unclean=unclean)
            if reason is None:
                QTimer.singleShot(0, check._window.close)
            return reason

        def finished(check: BackgroundCheck, report: object) -> None:
            real_finished(check, report)
            if check._window.isVisible():
                check._window.close()

        monkeypatch.setattr(BackgroundCheck, "start", start)
        monkeypatch.setattr(BackgroundCheck, "_finished", finished)


@pytest.fixture
def run_app_once(qapp: Any, monkeypatch: pytest.MonkeyPatch, asker: ScriptedAsker
                 ) -> Iterator[Any]:
    from walkapp.ui import app as app_module
    from walkapp.ui import dialogs

    monkeypatch.setattr(dialogs, "Asker", lambda: asker)

    def run(settings: Settings) -> int:
        try:
            return app_module._run(qapp, settings)
        finally:
            gc_policy.stop()

    yield run


def test_the_app_checks_pages_only_after_an_unclean_exit(
        run_app_once: Any, monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    walk_on_disk(settings)
    starts = _Starts(monkeypatch)
    assert run_app_once(settings) == 0  # never checked on this folder: due, in the background
    assert starts.quick_checks == [False, True]
    starts.quick_checks.clear()
    assert run_app_once(settings) == 0  # a clean exit, checked just now: the cheap checks only
    assert starts.quick_checks == [False]
    starts.quick_checks.clear()
    (settings.data_dir / MARKER_FILENAME).write_text("{}")  # as a killed run leaves it
    assert run_app_once(settings) == 0
    assert starts.quick_checks == [False, True]


def test_the_app_repairs_what_the_background_check_found(
        run_app_once: Any, monkeypatch: pytest.MonkeyPatch, settings: Settings,
        asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    damage_pages(path)
    starts = _Starts(monkeypatch)
    asker.choices = ["restore"]
    assert run_app_once(settings) == 0
    # Opened (the cheap checks pass), found by the background check, restored, opened again.
    assert starts.quick_checks == [False, True]
    assert [kind for kind, _, _ in asker.shown] == ["choose", "inform"]
    assert "Restored the backup" in asker.shown[1][2]
    assert list(settings.data_dir.glob("damaged-*.sqlite3"))
    assert walk_titles(settings) == ["Kept walk"]
    assert not CheckSchedule(settings.data_dir).before_opening()



def test_after_damage_was_found_the_next_start_checks_before_opening(
        run_app_once: Any, monkeypatch: pytest.MonkeyPatch, settings: Settings,
        asker: ScriptedAsker) -> None:
    path = walk_on_disk(settings)
    damage_pages(path)
    CheckSchedule(settings.data_dir).record(ok=False, now=NOW)  # the user chose to quit
    starts = _Starts(monkeypatch)
    asker.choices = ["quit"]
    assert run_app_once(settings) == 1  # asked before any window, as every start used to
    assert starts.quick_checks == [True]
    assert asker.shown[0][0] == "choose" and "damaged" in asker.shown[0][1]
