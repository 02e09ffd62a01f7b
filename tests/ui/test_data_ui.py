"""File → Export data… and Import data…: the dialog, the export and the import run off the
GUI thread (in a child process), and the import ends with the import report."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.services import Services
from walkapp.ui.data_ui import DataChoice, DataController, ExportDataDialog


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("WALKAPP_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_dialog_asks_what_which_walks_and_how(qtbot, services: Services,
                                                  tmp_path: Path) -> None:
    first = make_walk(services, "Year 4 maths walk")
    make_walk(services, "Science walk")
    dialog = ExportDataDialog(services.walks.list_walks(), None, first.id)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    # Opened from a walk: that walk is chosen, not all of them.
    assert not dialog.all_walks.isChecked() and ok.isEnabled()
    assert dialog.choice() == DataChoice("owner", (first.id,), "json")
    item = next(dialog.walk_list.item(i) for i in range(dialog.walk_list.count())
                if dialog.walk_list.item(i).data(Qt.ItemDataRole.UserRole) == first.id)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not ok.isEnabled()  # nothing to export
    dialog.all_walks.setChecked(True)
    dialog.shared.setChecked(True)
    dialog.as_csv.setChecked(True)
    assert ok.isEnabled() and not dialog.walk_list.isEnabled()
    assert dialog.choice() == DataChoice("shared", None, "csv")
    dialog.show()
    dialog.adjustSize()
    dialog.grab().save(str(shots(tmp_path) / "export-data-dialog.png"))


def test_export_then_import_in_another_data_folder(qtbot, asker: ScriptedAsker,
                                                   tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "new") as (fac, new):
        walk = make_walk(fac.services, "Exported walk")
        parent = QWidget()
        qtbot.addWidget(parent)

        def choose(parent: QWidget | None, walks: Sequence[d.WalkSummary],
                   chosen: str | None) -> DataChoice:
            assert chosen == walk.id and [w.id for w in walks] == [walk.id]
            return DataChoice("owner", (walk.id,), "json")

        target = tmp_path / "mine"
        asker.file_to_save.append(str(target))
        controller = DataController(fac.services, asker, parent, choose=choose)
        controller.export_data(walk.id)
        assert controller.busy
        qtbot.waitUntil(lambda: controller.written is not None, timeout=20_000)
        written = Path(controller.written.path)  # type: ignore[union-attr]
        assert written.name == "mine.json"
        assert json.loads(written.read_bytes())["walks"][0]["title"] == "Exported walk"
        assert asker.shown[-1][0] == "inform" and str(written) in asker.shown[-1][2]

        importer = DataController(new.services, asker, parent)
        asker.files_to_open.append([str(written)])
        importer.import_data()
        qtbot.waitUntil(lambda: importer.report_dialog is not None, timeout=20_000)
        dialog = importer.report_dialog
        assert dialog is not None and dialog.isVisible()
        assert "Exported walk" in dialog.details.toPlainText()
        assert [w.title for w in new.services.walks.list_walks()] == ["Exported walk"]
        dialog.resize(760, 420)
        dialog.grab().save(str(shots(tmp_path) / "import-data-report.png"))
