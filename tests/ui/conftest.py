"""Fixtures for screen tests: real widgets over real services, dialogs scripted.

After every screen test `_screens_stop_when_closed` shuts down whatever the test left, as
the app does when a walk or the window closes, and fails the test if a walkapp timer is
still running or background work is still pending: either would fire in a later test,
after this test's database was closed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QDialog

from tests.helpers.leftovers import active_timers
from walkapp.config import Settings
from walkapp.ui import theme, workers
from walkapp.ui.dialogs import Asker
from walkapp.ui.lifecycle import shutdown_tree


@pytest.fixture(autouse=True)
def _reads_apply_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Screens read big lists off the GUI thread and show "Loading…" when a read takes more
    than 20 ms (walkapp.ui.workers.read_in_background). On a busy test machine that would
    make a test see the loading state by chance: wait for every read here instead, so a
    screen looks as it did when it read on the GUI thread. Tests of the loading state set
    QUICK_READ_MS (or FOLLOW_READ_MS, for a re-read after a change; OPEN_READ_MS, for the
    read of a walk being opened) to 0 themselves."""
    monkeypatch.setattr(workers, "QUICK_READ_MS", 10_000)
    monkeypatch.setattr(workers, "FOLLOW_READ_MS", 10_000)
    monkeypatch.setattr(workers, "OPEN_READ_MS", 10_000)


@pytest.fixture(autouse=True)
def _screens_stop_when_closed(request: pytest.FixtureRequest) -> Iterator[None]:
    if "qtbot" not in request.fixturenames:
        yield
        return
    qtbot = request.getfixturevalue("qtbot")
    if "services" in request.fixturenames:
        request.getfixturevalue("services")  # so it is closed only after the checks below
    yield
    # pytest-qt has closed the test's widgets by now (a main window shut itself down).
    # Shut down the rest the way the app does when a walk closes, then let background
    # work still running report (its results are dropped) before the database closes.
    for widget in QApplication.topLevelWidgets():
        shutdown_tree(widget)
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
    left = active_timers()
    # Closed widgets are deleted "later": now, so nothing of this test lives on.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert left == [], f"timers still running after shutdown(): {left}"


class ScriptedAsker(Asker):
    """Answers confirmations from a queue and records every message shown.

    `dialog_actions` are called, in order, with each dialog the code under test would show
    modally; each returns True to accept it or False to cancel. File choosers answer from
    `files_to_open` / `file_to_save`."""

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.choices: list[str | None] = []
        self.picks: list[str | None] = []
        self.shown: list[tuple[str, str, str]] = []
        self.dialog_actions: list[Callable[[QDialog], bool]] = []
        self.files_to_open: list[list[str]] = []
        self.file_to_save: list[str | None] = []

    def run(self, dialog: QDialog) -> bool:
        self.shown.append(("dialog", dialog.windowTitle(), ""))
        if not self.dialog_actions:
            return False
        return self.dialog_actions.pop(0)(dialog)

    def pick(self, parent: Any, title: str, text: str, options: Any) -> str | None:
        self.shown.append(("pick", title, text))
        answer = self.picks.pop(0) if self.picks else None
        assert answer is None or answer in options, (answer, options)
        return answer

    def open_files(self, parent: Any, title: str, filters: str, *,
                   kind: Any = None) -> list[str]:
        self.shown.append(("open_files", title, filters))
        return self.files_to_open.pop(0) if self.files_to_open else []

    def save_file(self, parent: Any, title: str, suggested: str, filters: str, *,
                  kind: Any = None) -> str | None:
        self.shown.append(("save_file", title, suggested))
        return self.file_to_save.pop(0) if self.file_to_save else None

    def confirm(self, parent: Any, title: str, text: str, confirm_label: str = "OK") -> bool:
        self.shown.append(("confirm", title, text))
        return self.answers.pop(0) if self.answers else False

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.shown.append(("inform", title, text))

    def warn(self, parent: Any, title: str, text: str) -> None:
        self.shown.append(("warn", title, text))

    def error(self, parent: Any, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def choose(self, parent: Any, title: str, text: str, choices: Any,
               default: str | None = None) -> str | None:
        """Answers from `self.choices` (a key, or None for "closed"); asserts it was offered."""
        self.shown.append(("choose", title, text))
        answer = self.choices.pop(0) if self.choices else None
        assert answer is None or answer in [key for key, _ in choices], (answer, choices)
        return answer


@pytest.fixture
def asker() -> ScriptedAsker:
    return ScriptedAsker()


@pytest.fixture
def qsettings(settings: Settings) -> Iterator[QSettings]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    yield QSettings(str(Path(settings.data_dir) / "ui-state.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def loads_done_before_teardown(qtbot):  # type: ignore[no-untyped-def]
    """For tests that open many post-brief panels, each loading off the GUI thread: let
    those loads finish before the screens are shut down and collected (a collection on the
    GUI thread while a load ran in SQLAlchemy crashed the test process, now and then; this
    makes it rarer, it does not cure it: see the issue 15 note)."""
    from walkapp.ui import workers

    yield
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)


class _Look:
    """The application's look as it was (walkapp.ui.theme changes it for the process)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.style = app.style().name()
        self.palette, self.font, self.sheet = app.palette(), app.font(), app.styleSheet()
        self.state = dict(theme._state)

    def restore(self) -> None:
        self.app.setStyleSheet(self.sheet)
        self.app.setPalette(self.palette)
        self.app.setFont(self.font)
        self.app.setStyle(self.style)
        theme._state.clear()
        theme._state.update(self.state)


@pytest.fixture
def themed(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The app with walkapp's look on it for one test, and as it was afterwards."""
    monkeypatch.delenv(theme.ENV_SCHEME, raising=False)
    look = _Look(qapp)
    yield qapp
    look.restore()


@pytest.fixture(autouse=True)
def _look_as_it_was(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that runs the app's own start (walkapp.ui.app.run_app) puts walkapp's look
    on the process's one QApplication: the tests after it get Qt's plain look back, as
    they were written for (their sizes and fits)."""
    app = QApplication.instance()
    look = _Look(app) if isinstance(app, QApplication) else None
    yield
    if look is not None and theme._state.get("scheme") is not look.state.get("scheme"):
        look.restore()
