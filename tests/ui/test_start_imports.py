"""Showing the walks library loads only what it needs: the screens of an open walk, the
reports (ReportLab), walk kits and notes files (walkapp.bundles), the nudge lexicon and the
ORM's models (walkapp.storage.models: the list is read through plain Core tables) load
when first used (and multiprocessing with the first job run in a child process). Checked
in a fresh process started as the app starts (`ui/app.py
run_app`, through tests/bench/start_driver.py), at the first idle moment once the window
shows the library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.on_disk import walk_on_disk
from walkapp.config import Settings

ROOT = Path(__file__).resolve().parents[2]

NOT_AT_START = (
    "multiprocessing",
    "walkapp.storage.models",
    "reportlab",
    "walkapp.bundles",
    "walkapp.nudge",
    "walkapp.ui.bundles_ui",
    "walkapp.ui.export",
    "walkapp.ui.help_guide",
    "walkapp.ui.help_shortcuts",
    "walkapp.ui.crash_dialog",
    "walkapp.ui.screens.observation",
    "walkapp.ui.screens.new_walk",
    "walkapp.ui.screens.observe_page",
    "walkapp.ui.screens.plan",
    "walkapp.ui.screens.postbrief",
    "walkapp.ui.screens.reports_page",
    "walkapp.ui.screens.step_guide",
    "walkapp.ui.screens.trash",
    "walkapp.ui.screens.walker_home",
    "walkapp.ui.screens.workspace",
)


def _modules_at_idle(settings: Settings) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.start_driver", "window", str(settings.data_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("modules "))
    return list(json.loads(line.removeprefix("modules ")))


def test_the_library_window_loads_no_walk_screens_reports_or_bundles(
        settings: Settings) -> None:
    walk_on_disk(settings)
    modules = _modules_at_idle(settings)
    assert "walkapp.ui.screens.walks_library" in modules  # it did show the library
    loaded = sorted(m for m in modules if m.startswith(NOT_AT_START))
    assert loaded == []
    # What walkapp.cli.gui imports ahead of Qt is what the window does load anyway.
    from walkapp.cli.gui import DESKTOP_CORE

    assert sorted(set(DESKTOP_CORE) - set(modules)) == []


def test_the_desktop_app_imports_sqlalchemy_and_the_services_before_qt() -> None:
    """PySide6 hooks every import made after it (its `__feature__` support), which makes
    SQLAlchemy and the models slower to import: the command line's hand-over to the
    desktop app (walkapp.cli.gui) imports them first, and Qt not at all."""
    code = ("import gc, json, sys, walkapp.cli.gui; "
            "print(json.dumps([sorted(sys.modules), gc.isenabled(), gc.get_freeze_count()]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    names, collector_on, frozen = json.loads(done.stdout)
    modules = set(names)
    wanted = {"sqlalchemy.orm", "walkapp.services", "walkapp.services.walks",
              "walkapp.protocol.library"}
    assert sorted(wanted - modules) == []
    # The services name the models without importing them (walkapp.storage).
    assert "walkapp.storage.models" not in modules
    assert sorted(m for m in modules if m.startswith(("PySide6", "shiboken6"))) == []
    # Imported with the collector paused, then frozen (left out of later collections);
    # the collector runs again afterwards.
    assert collector_on
    assert frozen > 10_000


def test_the_benchmarks_start_of_the_real_command_still_runs(settings: Settings) -> None:
    """`make bench` starts the app as the `walkapp` command does, through a wrapper of
    walkapp.cli.gui.open_desktop_app: a change of that function's arguments must not break
    the measurement (it did once, unseen, when opening files at start was added)."""
    walk_on_disk(settings)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.start_driver", "app", str(settings.data_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert any(x.startswith("idle ") for x in done.stdout.splitlines())
