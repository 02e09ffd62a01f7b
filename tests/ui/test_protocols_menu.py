"""The Protocols menu: import a file, copy one to adapt, and broken files reported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from tests.ui.conftest import ScriptedAsker
from walkapp.paths import data_dir
from walkapp.services import Services
from walkapp.ui.main_window import MainWindow


def test_import_copy_and_report(qtbot, services: Services, qsettings: QSettings,
                                asker: ScriptedAsker, tmp_path: Path) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    menu = window.protocols_menu
    library = menu.library
    before = {e.id for e in library.entries}

    source = (data_dir("protocols") / "ghost-walk.toml").read_text(encoding="utf-8")
    ours = tmp_path / "ours.toml"
    ours.write_text(source.replace('id = "ghost-walk"', 'id = "ghost-walk-east"', 1),
                    encoding="utf-8")
    asker.files_to_open.append([str(ours)])
    assert menu.import_protocol() is True
    assert "ghost-walk-east" in {e.id for e in library.entries}

    asker.picks.append(next(f"{e.title} ({e.id})" for e in library.entries
                            if e.id == "learning-walk"))
    assert menu.copy_protocol() is True
    assert "learning-walk-ours" in {e.id for e in library.entries} - before
    # The new protocols are offered for new walks.
    assert {"ghost-walk-east", "learning-walk-ours"} <= {c.id for c in window._protocols()}

    broken = library.user_dir / "broken.toml"
    broken.write_text("id = \"broken\"\nschema_version = 1\n[pre_brief\n", encoding="utf-8")
    asker.shown.clear()
    menu.report_problems()
    kind, _title, text = asker.shown[-1]
    assert kind == "warn" and "broken.toml" in text
    # The rest of the library still works.
    assert "learning-walk" in {e.id for e in library.entries}

    bad = tmp_path / "bad.toml"
    bad.write_text("not toml at all [", encoding="utf-8")
    asker.files_to_open.append([str(bad)])
    assert menu.import_protocol() is False
    assert asker.shown[-1][0] == "warn" and "bad.toml" in asker.shown[-1][2]


def test_at_start_up_broken_files_are_reported_from_the_background(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    menu = window.protocols_menu
    menu.library.user_dir.mkdir(parents=True, exist_ok=True)
    (menu.library.user_dir / "broken.toml").write_text("[pre_brief\n", encoding="utf-8")
    menu.report_problems_in_background()  # the files are read on a worker thread
    qtbot.waitUntil(lambda: bool(asker.shown))
    kind, _title, text = asker.shown[-1]
    assert kind == "warn" and "broken.toml" in text
