"""The export dialog and the notes import run their work in a child process: what the
child says (a clear refusal, a bug, its death) reaches the user as a plain message with
the form back, Stop / Cancel / closing the window end the child, and nothing it did
half-way stays in the database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from tests.core.reports.conftest import (  # noqa: F401  (fixtures used by name)
    demo,
    demo_template,
    services,
)
from tests.helpers import child_jobs
from tests.ui.conftest import ScriptedAsker
from tests.ui.test_bundles_ui import _fast_scrypt, _notes_files  # noqa: F401
from walkapp import domain as d
from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.ui import bundles_ui, export, workers
from walkapp.ui.bundles_ui import ImportController
from walkapp.ui.export import ExportDialog


def _dialog(qtbot, services: Services, walk: d.Walk,  # noqa: F811
            asker: ScriptedAsker, target: Path) -> ExportDialog:
    dialog = ExportDialog(services, walk.id, asker=asker,
                          choose_path=lambda _parent, suggested: suggested,
                          open_file=lambda _path: True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(target))
    return dialog


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _pid_in(text: str) -> int:
    assert text.startswith("pid "), text
    return int(text.split()[1])


def test_a_refusal_in_the_child_is_its_own_clear_message(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "EXPORT_JOB", child_jobs.refuse)
    dialog = _dialog(qtbot, services, demo, asker, tmp_path / "r.pdf")
    dialog.start_export()
    qtbot.waitUntil(lambda: bool(asker.shown), timeout=30_000)
    assert asker.shown == [("error", "Report not saved", "The walk has no visits yet: add "
                                                         "one on Plan, then try again.")]
    assert dialog.export_button.isEnabled() and not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("job, said", [
    (child_jobs.die, "stopped unexpectedly (exit code 3). Nothing was changed"),
    (child_jobs.bug, "because of an unexpected problem (ChildBugError). Nothing was saved."),
])
def test_a_child_that_dies_or_has_a_bug_is_a_clear_message(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, job: object, said: str) -> None:
    monkeypatch.setattr(export, "EXPORT_JOB", job)
    dialog = _dialog(qtbot, services, demo, asker, tmp_path / "r.pdf")
    dialog.start_export()
    qtbot.waitUntil(lambda: bool(asker.shown), timeout=30_000)
    kind, title, text = asker.shown[0]
    assert (kind, title) == ("error", "Report not saved") and said in text
    assert said in dialog.status.text()
    assert dialog.export_button.isEnabled() and dialog.close_button.isEnabled()
    assert not (tmp_path / "r.pdf").exists()


def test_stop_ends_the_child_and_keeps_nothing(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "EXPORT_JOB", child_jobs.change_all_then_wait)
    dialog = _dialog(qtbot, services, demo, asker, tmp_path / "r.pdf")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("pid "), timeout=30_000)
    pid = _pid_in(dialog.status.text())
    assert dialog.stop_button.isVisible()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Stopped. The report was not saved."
    assert dialog.close_button.isEnabled() and not dialog.stop_button.isVisible()
    qtbot.waitUntil(lambda: _gone(pid), timeout=30_000)
    assert services.walks.get_walk(demo.id).title == demo.title
    assert asker.shown == []


def test_closing_the_window_ends_the_child(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "EXPORT_JOB", child_jobs.change_all_then_wait)
    dialog = _dialog(qtbot, services, demo, asker, tmp_path / "r.pdf")
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("pid "), timeout=30_000)
    pid = _pid_in(dialog.status.text())
    workers.stop_processes()  # what the main window does when it closes
    assert workers.wait_for_background(30_000)
    assert _gone(pid)
    assert services.walks.get_walk(demo.id).title == demo.title


def test_the_import_publishes_its_changes_here(
        qtbot, services: Services, asker: ScriptedAsker, tmp_path: Path) -> None:  # noqa: F811
    walk_id, files = _notes_files(tmp_path, services)
    seen: list[Change] = []
    services.bus.subscribe(seen.append)
    controller = ImportController(services, asker, None)
    with qtbot.waitSignal(controller.finished, timeout=30_000):
        controller.import_files(files)
    notes = {note.id for note in services.notes.list_notes(walk_id)}
    published = {i for c in seen if c.entity is Entity.NOTE and c.walk_id == walk_id
                 for i in c.ids}
    assert len(notes) == 6 and published == notes  # so the screens refresh


def test_an_import_whose_child_dies_changes_nothing(
        qtbot, services: Services, asker: ScriptedAsker, tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    walk_id, files = _notes_files(tmp_path, services)
    monkeypatch.setattr(bundles_ui, "IMPORT_JOB", child_jobs.die)
    controller = ImportController(services, asker, QWidget())
    controller.import_files(files)
    qtbot.waitUntil(lambda: bool(asker.shown), timeout=30_000)
    kind, title, text = asker.shown[0]
    assert (kind, title) == ("error", "That did not work")
    assert "stopped unexpectedly (exit code 3). Nothing was changed" in text
    assert not controller.busy and services.notes.list_notes(walk_id) == []


def test_cancelling_an_import_ends_the_child_and_keeps_nothing(
        qtbot, services: Services, asker: ScriptedAsker, tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    walk_id, files = _notes_files(tmp_path, services)
    title = services.walks.get_walk(walk_id).title
    monkeypatch.setattr(bundles_ui, "IMPORT_JOB", child_jobs.change_all_then_wait)
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ImportController(services, asker, parent)
    controller.import_files(files)
    qtbot.waitUntil(lambda: controller.progress is not None
                    and controller.progress.labelText().startswith("pid "), timeout=30_000)
    assert controller.progress is not None
    pid = _pid_in(controller.progress.labelText())
    button = controller.progress.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()
    qtbot.waitUntil(lambda: _gone(pid), timeout=30_000)
    assert not controller.busy
    assert asker.shown[0][:2] == ("inform", "Import stopped")
    assert services.walks.get_walk(walk_id).title == title


@pytest.mark.parametrize("how", ["stop", "killed"])
def test_an_export_cut_short_leaves_no_unfinished_file(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    import signal

    monkeypatch.setattr(export, "EXPORT_JOB", child_jobs.start_writing_then_wait)
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.pdf").write_bytes(b"an earlier report")
    dialog = _dialog(qtbot, services, demo, asker, folder / "r.pdf")
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("pid "), timeout=30_000)
    pid = _pid_in(dialog.status.text())
    assert [p.name for p in folder.glob(".r.pdf.*.part")]  # half-written, as in a real one
    if how == "stop":
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
        assert workers.wait_for_background(30_000)
    else:
        os.kill(pid, signal.SIGKILL)
        qtbot.waitUntil(lambda: bool(asker.shown), timeout=30_000)
        assert "stopped unexpectedly (it was ended by signal 9)" in asker.shown[0][2]
    assert sorted(p.name for p in folder.iterdir()) == ["r.pdf"]
    assert (folder / "r.pdf").read_bytes() == b"an earlier report"


def test_a_database_in_memory_exports_on_a_thread(qtbot, asker: ScriptedAsker,
                                                   tmp_path: Path) -> None:
    """A child cannot open a database that lives in this process only: the report is made
    here, on a worker thread, as before."""
    from tests.helpers.builders import make_walk
    from walkapp.config import Settings
    from walkapp.storage.db import Database

    memory = Services.create(Database(Settings(tmp_path, "sqlite://")).open())
    try:
        walk = make_walk(memory, "Walk in memory", walkers=1, visits=1)
        dialog = _dialog(qtbot, memory, walk, asker, tmp_path / "m.pdf")
        dialog.start_export()
        qtbot.waitUntil(dialog.open_button.isEnabled, timeout=30_000)
        assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    finally:
        qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
        memory.close()
