"""Test set-up shared by every test.

Qt must be told to draw offscreen before it loads, and no test may touch the user's real
data: each test gets its own data folder, and HOME/XDG point into the test's temp dir.
"""

from __future__ import annotations

import os
from pathlib import Path

# Offscreen, on a virtual 1366×768 screen (the smallest laptop screen we design for);
# without a size, Qt's offscreen screen is 800×800 and clamps every window to it.
_SCREEN = Path(__file__).parent / "helpers" / "offscreen-1366x768.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

from collections.abc import Callable, Iterator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

from walkapp import formatting  # noqa: E402
from walkapp.config import Settings, resolve_settings  # noqa: E402
from walkapp.services import Services, open_services  # noqa: E402

# `no_network`: fails a test whose code touches the network (walkapp never may).
pytest_plugins = ["tests.helpers.no_network"]

# Property tests try the same examples on every run, so a fresh clone passes or fails the
# same way; no example may fail for taking long (a shared machine is slow at random), and
# no example database is carried from one run to the next. To search for new examples:
# WALKAPP_HYPOTHESIS=explore.
hypothesis_settings.register_profile(
    "walkapp", derandomize=True, database=None, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.register_profile(
    "explore", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile(os.environ.get("WALKAPP_HYPOTHESIS", "walkapp"))


@pytest.fixture(scope="session", autouse=True)
def _catalogues_built() -> None:
    """The binary catalogues (.qm, .mo) are built by the install step, not committed: a
    fresh clone's first run (or a changed source) builds them (walkapp.i18n_build)."""
    from walkapp import i18n_build

    if i18n_build.missing_binaries():
        i18n_build.build()


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("WALKAPP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("WALKAPP_DATABASE_URL", raising=False)
    # Text is formatted for the machine's locale; tests expect plain "en" on every machine
    # (tests of the locale choice itself call formatting.set_locale(None)).
    monkeypatch.setattr(formatting, "_override", "en")
    # ...and the app's language is English on every machine (walkapp.language reads these).
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("WALKAPP_TRANSLATIONS_DIR", raising=False)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return resolve_settings(tmp_path / "data")


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    opened = open_services(settings)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _collect_on_the_test_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """The app's collection policy (walkapp.ui.gc_policy) around every test once Qt is in
    the process: Python's collector does not run on its own, on any thread (a worker thread
    that collected deleted a closed page's widgets off the GUI thread: a segfault), and
    after each test the main thread runs the collection that is due, unless background work
    is still running (then a later test's end does)."""
    import sys

    if "qtbot" not in request.fixturenames and "PySide6.QtWidgets" not in sys.modules:
        yield  # no Qt object exists yet: Python's collector as it is
        return
    from walkapp.ui import gc_policy

    gc_policy.hold()
    yield
    gc_policy.collect_if_idle()


@pytest.fixture
def core_pseudo(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Any]:
    """`with core_pseudo(): ...`: the core's messages from the pseudo-locale's catalogue
    (⟦…⟧), built once per run; tests.helpers.pseudo_core.unwrapped finds what was not."""
    from tests.helpers import pseudo_core

    folder = pseudo_core.pseudo_folder(tmp_path_factory.getbasetemp())
    return lambda: pseudo_core.speaking_pseudo(folder)
