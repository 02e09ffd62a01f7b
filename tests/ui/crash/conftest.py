"""Fixtures for the crash tests: the recording dialog seam, and the handler installed for
one test (and taken out again, hooks restored, dialogs closed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.crash.helpers import Recorder
from walkapp.config import Settings
from walkapp.ui.crash import CrashHandler, install_crash_handler


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def handler(settings: Settings, recorder: Recorder) -> Iterator[CrashHandler]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    installed = install_crash_handler(settings.data_dir, present=recorder)
    yield installed
    installed.uninstall()
    for dialog in recorder.dialogs:
        dialog.close()
        dialog.deleteLater()
