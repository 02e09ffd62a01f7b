"""The export dialog: makes the PDF off the GUI thread, shows progress, offers to open it,
and explains failures without losing the form."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime

from tests.core.reports.conftest import (  # noqa: F401  (fixtures used by name)
    demo,
    demo_template,
    pdf_text,
    services,
)
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.reports import ReportKind
from walkapp.services import Services
from walkapp.ui.export import ExportDialog

SHOTS = os.environ.get("WALKAPP_SHOTS")  # folder to save a picture of the dialog into


@pytest.fixture
def opened() -> list[Path]:
    return []


def make(qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
         opened: list[Path], kind: ReportKind = ReportKind.DEBRIEF,
         walk: bool = True) -> ExportDialog:
    def opener(path: Path) -> bool:
        opened.append(path)
        return True

    dialog = ExportDialog(services, demo.id if walk else None, kind=kind, asker=asker,
                          choose_path=lambda _parent, suggested: suggested,
                          open_file=opener)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_export_runs_in_the_background_then_offers_open(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        opened: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import walkapp.ui.export as export_module
    from tests.helpers import child_jobs

    # The real export, noting which process made it: a child, not this one (on a thread
    # here ReportLab would starve the window of the interpreter lock).
    monkeypatch.setattr(export_module, "EXPORT_JOB", child_jobs.export_noting_pid)
    dialog = make(qtbot, services, demo, asker, opened)
    assert dialog.path.text().endswith(".pdf") and demo.walk_date.isoformat() in \
        dialog.path.text()
    target = tmp_path / "debrief.pdf"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.close_button.isEnabled()  # busy until it is saved
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=20_000)
    maker = int(Path(f"{target}.pid").read_text())
    assert maker != os.getpid()
    assert target.exists() and "Norms we agreed" in pdf_text(target.read_bytes())
    assert "Saved" in dialog.status.text() and str(target) in dialog.status.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [target]
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "export-dialog.png"))


def test_only_the_fields_a_kind_needs_are_shown(qtbot, services: Services,  # noqa: F811
                                                 demo: d.Walk,  # noqa: F811
                                                 asker: ScriptedAsker,
                                                 opened: list[Path]) -> None:
    dialog = make(qtbot, services, demo, asker, opened)
    assert not dialog.walker.isVisible() and not dialog.visit.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("journal"))
    assert dialog.walker.isVisible() and dialog.walker.count() == 4
    assert "Growth journal" in dialog.path.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("thanks"))
    assert dialog.visit.isVisible() and dialog.visit.maximum() == 5
    dialog.kind.setCurrentIndex(dialog.kind.findData("agenda"))
    dialog.use_start.setChecked(True)
    dialog.start.setTime(QTime(8, 15))
    request = dialog.request()
    assert request.kind is ReportKind.AGENDA and request.start is not None
    assert (request.start.hour, request.start.minute) == (8, 15)


def test_journal_and_thanks_export(qtbot, services: Services, demo: d.Walk,  # noqa: F811
                                   asker: ScriptedAsker, opened: list[Path],
                                   tmp_path: Path) -> None:
    dialog = make(qtbot, services, demo, asker, opened, kind=ReportKind.JOURNAL)
    dialog.walker.setCurrentIndex(2)
    dialog.path.setText(str(tmp_path / "j.pdf"))
    dialog.start_export()
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=20_000)
    assert "Growth journal: Carla Núñez" in pdf_text((tmp_path / "j.pdf").read_bytes())
    dialog.kind.setCurrentIndex(dialog.kind.findData("thanks"))
    dialog.visit.setValue(4)
    dialog.path.setText(str(tmp_path / "t.pdf"))
    dialog.start_export()
    qtbot.waitUntil(lambda: (tmp_path / "t.pdf").exists() and dialog.open_button.isEnabled(),
                    timeout=20_000)
    assert "Dear colleague," in pdf_text((tmp_path / "t.pdf").read_bytes())


def test_a_failure_is_explained_and_the_form_comes_back(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        opened: list[Path], tmp_path: Path) -> None:
    dialog = make(qtbot, services, demo, asker, opened)
    dialog.path.setText(str(tmp_path / "missing" / "r.pdf"))
    dialog.start_export()
    qtbot.waitUntil(lambda: bool(asker.shown), timeout=20_000)
    kind, _title, text = asker.shown[0]
    assert kind == "error" and "does not exist" in text
    assert "does not exist" in dialog.status.text()
    assert dialog.export_button.isEnabled() and not dialog.open_button.isEnabled()
    assert not (tmp_path / "missing").exists()


def test_without_a_walk_only_cross_walk_reports_are_offered(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        opened: list[Path]) -> None:
    dialog = make(qtbot, services, demo, asker, opened, kind=ReportKind.ACTIONS, walk=False)
    kinds = {dialog.kind.itemData(i) for i in range(dialog.kind.count())}
    assert kinds == {"actions", "journal"}
    assert dialog.walker.isEditable()


def test_closing_waits_for_a_running_export(qtbot, services: Services,  # noqa: F811
                                            demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
                                            opened: list[Path], tmp_path: Path) -> None:
    dialog = make(qtbot, services, demo, asker, opened)
    dialog.path.setText(str(tmp_path / "r.pdf"))
    dialog.start_export()
    dialog.reject()
    assert dialog.isVisible() and "Please wait" in dialog.status.text()
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=20_000)
    dialog.reject()
    assert not dialog.isVisible()


def test_characters_without_a_font_are_named_after_saving(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        opened: list[Path], tmp_path: Path) -> None:
    from walkapp.reports import ExportResult

    dialog = make(qtbot, services, demo, asker, opened)
    warning = "1 character has no font on this computer and prints as �: 学 (U+5B66)."
    dialog._done(ExportResult(path=tmp_path / "d.pdf", pages=1, bytes=10, seconds=0.1,
                              warnings=(warning,)))
    assert "Saved" in dialog.status.text() and "U+5B66" in dialog.status.text()
