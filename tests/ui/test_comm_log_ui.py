"""The communication log in the window: Go ▸ Communication log shows its screen; an entry is
added, changed and deleted through the window's writer; Edit ▸ Undo takes each back while
the log shows; the list filters by walk; File ▸ Export portfolio… writes a zip with only
the entries ticked, their names replaced by default."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp.services import Services
from walkapp.services.log_commands import LogEdit
from walkapp.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, services: Services, qsettings: QSettings,
           asker: ScriptedAsker) -> Iterator[MainWindow]:
    main = MainWindow(services, qsettings, asker)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main
    main.shutdown_background_work()


def _texts(window: MainWindow) -> list[str]:
    view = window.comm_log.view
    return [view.model.row_text(r) for r in range(view.model.rowCount())]


def test_entries_are_added_changed_deleted_and_undone(
        qtbot, window: MainWindow, services: Services, asker: ScriptedAsker) -> None:
    walk = make_walk(services, "Quillby autumn walk")
    window.log_action.trigger()
    view = window.comm_log.view
    assert window.stack.currentWidget() is view and window.log_showing()
    assert view._list.currentWidget() is view.empty_state
    view.kind.setCurrentIndex(view.kind.findData("meeting"))
    view.day.set_date(date(2026, 11, 4))
    view.with_whom.setText("Ms Quillfeather")
    view.walk.setCurrentIndex(view.walk.findData(walk.id))
    view.text.setPlainText("Agreed to host the next walk.")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_texts(window)) == 1)
    assert "Ms Quillfeather" in _texts(window)[0] and "Quillby autumn walk" in _texts(window)[0]
    entry = services.log.list_entries()[0]
    # Changed, then Edit ▸ Undo while the log shows puts the words back.
    view.text.setPlainText("Agreed to host in December.")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.log.get_entry(entry.id).text.endswith("December."))
    # Undo offers the change once its write is recorded (the add before it was undoable
    # too), named as the edit (in whatever language an earlier test left in force).
    changed = LogEdit("update_entry", ("x",)).describe()
    qtbot.waitUntil(lambda: window.undo_action.isEnabled()
                    and changed in window.undo_action.text())
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: services.log.get_entry(entry.id).text.endswith("next walk."))
    # Deleted after asking, and brought back by Undo.
    asker.answers.append(True)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.log.list_entries() == [])
    qtbot.waitUntil(lambda: view._list.currentWidget() is view.empty_state)
    deleted = LogEdit("delete_entry", ("x",)).describe()
    qtbot.waitUntil(lambda: deleted in window.undo_action.text())
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(services.log.list_entries()) == 1)
    qtbot.waitUntil(lambda: len(_texts(window)) == 1)
    # Back in the library, Undo is the walks' again: the log's stack is not offered there.
    window.show_library()
    assert not window.undo_action.isEnabled()


def test_the_list_filters_by_walk_and_says_when_nothing_matches(
        qtbot, window: MainWindow, services: Services) -> None:
    one, other = make_walk(services, "Walk one"), make_walk(services, "Walk two")
    services.log.add_entry("note", date(2026, 11, 4), "", "About walk one.", one.id)
    services.log.add_entry("note", date(2026, 11, 5), "", "About nothing.")
    window.show_log()
    view = window.comm_log.view
    qtbot.waitUntil(lambda: len(_texts(window)) == 2)
    view.walk_filter.setCurrentIndex(view.walk_filter.findData(one.id))
    view.refresh()
    qtbot.waitUntil(lambda: len(_texts(window)) == 1)
    assert "About walk one." in _texts(window)[0]
    view.walk_filter.setCurrentIndex(view.walk_filter.findData(other.id))
    view.refresh()
    qtbot.waitUntil(lambda: view._list.currentWidget() is view.filtered_empty)


def test_the_portfolio_dialog_writes_only_the_ticked_entries_anonymised(
        qtbot, window: MainWindow, services: Services, asker: ScriptedAsker,
        tmp_path: Path) -> None:
    walk = make_walk(services, "Portfolio walk", walk_date=date(2026, 11, 3))
    services.log.add_entry("meeting", date(2026, 11, 4), "Ottilie Vandersloot",
                           "Ottilie Vandersloot will host again.", walk.id)
    services.log.add_entry("note", date(2026, 11, 6), "", "Not for the portfolio.")
    window.portfolio_action.trigger()
    dialog = window.comm_log.dialog
    assert dialog is not None
    dialog.from_field.set_date(date(2026, 9, 1))
    dialog.to_field.set_date(date(2026, 12, 31))
    dialog.reread()
    qtbot.waitUntil(lambda: dialog.entries.count() == 2)
    assert "the log stays out" in dialog.preview.toPlainText()
    dialog.entries.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: "will host again" in dialog.preview.toPlainText())
    assert "Vandersloot" not in dialog.preview.toPlainText()
    target = tmp_path / "portfolio.zip"
    asker.file_to_save.append(str(target))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=60_000)
    with zipfile.ZipFile(target) as archive:
        csv = archive.read("communication-log.csv").decode("utf-8-sig")
    assert "will host again" in csv and "Vandersloot" not in csv
    assert "Not for the portfolio" not in csv
    dialog.close()
