"""Walk kits out and notes back through the main window's menus, on two 'laptops'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.config import resolve_settings
from walkapp.services import NoteDraft, Services, open_services
from walkapp.ui.bundles_ui import PassphraseAsker
from walkapp.ui.main_window import MainWindow


class NoPassphrase(PassphraseAsker):
    def new_passphrase(self, parent: object) -> str | None:
        return ""

    def passphrase(self, parent: object, file_name: str) -> str | None:
        return None

    def choose_walker(self, parent: object, names: object) -> str | None:
        return None


def test_kit_out_notes_back(qtbot, services: Services, qsettings: QSettings,
                            asker: ScriptedAsker, tmp_path: Path) -> None:
    walk = make_walk(services, "Shared walk", walkers=2)
    facilitator = MainWindow(services, qsettings, asker, passphrases=NoPassphrase())
    qtbot.addWidget(facilitator)
    facilitator.open_walk(walk.id)
    kit_path = tmp_path / "kit.walkkit"
    asker.picks.append("Walker 2")
    asker.file_to_save.append(str(kit_path))
    facilitator.kit_action.trigger()
    qtbot.waitUntil(kit_path.exists, timeout=10000)

    # The walker's laptop: its own data folder, its own window.
    walker_settings = resolve_settings(tmp_path / "walker-laptop")
    walker_services = open_services(walker_settings)
    try:
        walker_asker = ScriptedAsker()
        laptop = MainWindow(walker_services,
                            QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                            walker_asker, passphrases=NoPassphrase())
        qtbot.addWidget(laptop)
        laptop.open_kit(str(kit_path))
        qtbot.waitUntil(lambda: laptop.workspace is not None, timeout=10000)
        opened = walker_services.walks.get_walk(walk.id)
        assert opened.local_mode is d.LocalMode.WALKER
        me = opened.local_participant_id
        assert me == walk.walkers[1].id
        assert laptop.workspace is not None and laptop.workspace.page_keys() == ["walker"]
        walker_services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=me,
                                                  visit_id=walk.visits[0].id,
                                                  text="Pairs explained their steps"))
        notes_path = tmp_path / "notes.walknotes"
        walker_asker.file_to_save.append(str(notes_path))
        laptop.save_notes_action.trigger()
        qtbot.waitUntil(notes_path.exists, timeout=10000)
    finally:
        walker_services.close()

    # Back at the facilitator: drop the file on the window.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(notes_path))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    facilitator.dropEvent(drop)
    qtbot.waitUntil(lambda: any(n.text == "Pairs explained their steps"
                                for n in services.notes.list_notes(walk.id)), timeout=15000)
    qtbot.waitUntil(lambda: facilitator.importer.report_dialog is not None, timeout=5000)
    facilitator.importer.report_dialog.close()  # type: ignore[union-attr]
