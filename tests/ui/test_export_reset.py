"""The export dialog starts afresh for each report (no "Saved 4 pages" of the last file),
offers the paper the locale prints on, and saves where reports were saved last."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.reports.conftest import (  # noqa: F401  (fixtures used by name)
    demo,
    demo_template,
    services,
)
from tests.ui.conftest import ScriptedAsker
from tests.ui.test_export import make, opened  # noqa: F401  (a fixture used by name)
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.reports import Paper, ReportKind, default_paper
from walkapp.services import Services
from walkapp.ui.file_folders import FileKind, FolderMemory


def test_a_new_kind_clears_what_the_last_export_said(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        opened: list[Path], tmp_path: Path) -> None:  # noqa: F811
    dialog = make(qtbot, services, demo, asker, opened)
    dialog.path.setText(str(tmp_path / "debrief.pdf"))
    dialog.start_export()
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=20_000)
    assert "Saved" in dialog.status.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData(ReportKind.AGENDA.value))
    assert dialog.status.text() == ""
    assert not dialog.open_button.isEnabled() and dialog.result_ is None
    assert not dialog.progress.isVisible()
    # The new kind's file goes to the folder of the last one.
    assert Path(dialog.path.text()).parent == tmp_path


@pytest.mark.parametrize(("locale", "paper"), [("en_GB", Paper.A4), ("en_US", Paper.LETTER),
                                               ("es_CO", Paper.LETTER), ("de_DE", Paper.A4)])
def test_the_paper_offered_is_the_locales(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        opened: list[Path], monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        locale: str, paper: Paper) -> None:
    for name in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # Python's own guess would be en_US
    monkeypatch.setattr(fmt, "_override", locale)
    assert default_paper() is paper
    dialog = make(qtbot, services, demo, asker, opened)
    assert dialog.paper.currentData() == paper.value
    # The user can still choose.
    other = next(p for p in Paper if p is not paper)
    dialog.paper.setCurrentIndex(dialog.paper.findData(other.value))
    assert dialog.request().paper is other


def test_reports_are_offered_where_the_last_was_saved(
        qtbot, services: Services, demo: d.Walk, asker: ScriptedAsker,  # noqa: F811
        opened: list[Path], tmp_path: Path) -> None:  # noqa: F811
    shared = tmp_path / "shared drive"
    shared.mkdir()
    asker.folders = FolderMemory()
    first = make(qtbot, services, demo, asker, opened)
    assert Path(first.path.text()).parent == asker.folders.start(FileKind.REPORT)
    first.path.setText(str(shared / "debrief.pdf"))
    first.start_export()
    qtbot.waitUntil(first.open_button.isEnabled, timeout=20_000)
    second = make(qtbot, services, demo, asker, opened, kind=ReportKind.AGENDA)
    assert Path(second.path.text()).parent == shared
