"""The crash log: `logs/walkapp.log` in the data folder, 0600 in a 0700 folder whatever the
umask, never written through a planted link, rotated, and holding no stored text beyond
what the traceback carries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.crash.helpers import Recorder, exc_info, faulty_button, log_file, mode
from walkapp.config import Settings
from walkapp.ui.crash import CrashHandler, install_crash_handler


def test_the_log_is_private_under_any_umask(qtbot, settings: Settings,
                                            recorder: Recorder) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    old = os.umask(0)
    try:
        crash = install_crash_handler(settings.data_dir, present=recorder)
        try:
            faulty_button(qtbot).click()
            qtbot.waitUntil(lambda: bool(recorder.reports), timeout=5000)
        finally:
            crash.uninstall()
    finally:
        os.umask(old)
    assert mode(log_file(settings)) == 0o600
    assert mode(log_file(settings).parent) == 0o700


def test_an_existing_log_too_open_is_made_private(qtbot, settings: Settings,
                                                  recorder: Recorder) -> None:
    folder = settings.data_dir / "logs"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    log_file(settings).write_text("older entries\n")
    log_file(settings).chmod(0o666)
    crash = install_crash_handler(settings.data_dir, present=recorder)
    try:
        faulty_button(qtbot).click()
        qtbot.waitUntil(lambda: bool(recorder.reports), timeout=5000)
    finally:
        crash.uninstall()
    assert mode(log_file(settings)) == 0o600 and mode(folder) == 0o700
    text = log_file(settings).read_text()
    assert text.startswith("older entries\n") and "ZeroDivisionError" in text


@pytest.mark.parametrize("plant", ["file", "folder"])
def test_a_planted_symlink_is_never_followed(qtbot, tmp_path: Path, settings: Settings,
                                             recorder: Recorder, plant: str) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir()
    victim = target / "walkapp.log"
    victim.write_text("precious\n")
    victim.chmod(0o644)
    target_mode = mode(target)
    folder = settings.data_dir / "logs"
    if plant == "file":
        folder.mkdir(parents=True)
        (folder / "walkapp.log").symlink_to(victim)
    else:
        settings.data_dir.mkdir(parents=True)
        folder.symlink_to(target)
    crash = install_crash_handler(settings.data_dir, present=recorder)
    try:
        faulty_button(qtbot).click()
        qtbot.waitUntil(lambda: bool(recorder.reports), timeout=5000)
    finally:
        crash.uninstall()
    assert victim.read_text() == "precious\n" and mode(victim) == 0o644
    assert mode(target) == target_mode  # a planted folder is not chmod'ed either
    # The dialog still comes, and says the log could not be written (details can be copied).
    report = recorder.reports[0]
    assert report.log_path is None and report.log_problem
    assert "ZeroDivisionError" in report.details


def test_the_log_rotates_and_rotated_files_stay_private(
        qtbot, settings: Settings, recorder: Recorder) -> None:
    settings.data_dir.mkdir(parents=True)
    crash = install_crash_handler(settings.data_dir, present=recorder, max_bytes=4000,
                                  backup_count=2)
    try:
        for _ in range(30):
            crash.report(*exc_info(), where="a test")
    finally:
        crash.uninstall()
    folder = settings.data_dir / "logs"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["walkapp.log", "walkapp.log.1", "walkapp.log.2"]
    for path in folder.iterdir():
        assert mode(path) == 0o600 and path.stat().st_size < 8000


def test_the_log_holds_no_stored_text_beyond_the_traceback(
        qtbot, handler: CrashHandler, settings: Settings, recorder: Recorder) -> None:
    """A database error quotes the statement's values (a note's text); the log and the
    details keep the statement but not the values."""
    from sqlalchemy.exc import StatementError

    try:
        raise StatementError("failed", "INSERT INTO notes (text) VALUES (?)",
                             ("Pupil R. cried in maths",), ValueError("boom"))
    except StatementError as error:
        report = handler.report(type(error), error, error.__traceback__, where="a test")
    assert "INSERT INTO notes" in report.details
    assert "Pupil R. cried" not in report.details
    assert "Pupil R. cried" not in log_file(settings).read_text()
