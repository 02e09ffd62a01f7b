"""The walk's privacy check boxes on Plan ▸ Details: each writes its own setting, Edit ▸
Undo gives the old value back (on screen too), and on a closed walk every one of them is
locked until "Edit anyway" — none passes for a control that only changes the view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QCheckBox

from tests.helpers.undo_cases import rich_walk
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.services import Services
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.page import PlanPage

# The check box of each setting, by the panel's attribute name (the setting's own name).
SETTINGS = ("show_teacher_names", "attribute_commitments", "sign_thank_you_with_names",
            "include_visit_details")


def _window(qtbot: Any, services: Services, qsettings: QSettings,
            asker: ScriptedAsker, walk_id: str) -> tuple[MainWindow, WalkDetailsPanel]:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    window.open_walk(walk_id)
    assert window.workspace is not None
    page = window.workspace.page("plan")
    assert isinstance(page, PlanPage)
    return window, page.details


def _box(panel: WalkDetailsPanel, name: str) -> QCheckBox:
    box = getattr(panel, name)
    assert isinstance(box, QCheckBox)
    return box


def test_the_signature_box_writes_its_setting_and_undo_gives_it_back(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = rich_walk(services)
    window, panel = _window(qtbot, services, qsettings, asker, walk.id)
    box = panel.sign_thank_you_with_names
    assert not box.isChecked() and box.isEnabled()
    assert "group" in box.toolTip() and "roster" in box.toolTip()
    box.click()
    qtbot.waitUntil(lambda: services.walks.get_walk(walk.id).sign_thank_you_with_names,
                    timeout=5000)
    stored = services.walks.get_walk(walk.id)
    # Its own setting only: commitment attribution is a separate choice.
    assert not stored.attribute_commitments and not stored.include_visit_details
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=5000)
    assert window.undo_action.text() == "&Undo save the walk's details"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.redo_action.isEnabled(), timeout=5000)
    assert services.walks.get_walk(walk.id).sign_thank_you_with_names is False
    qtbot.waitUntil(lambda: not box.isChecked(), timeout=5000)  # the screen shows it
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: box.isChecked(), timeout=5000)
    assert services.walks.get_walk(walk.id).sign_thank_you_with_names is True


def test_each_box_writes_its_own_setting(qtbot: Any, services: Services,
                                         qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = rich_walk(services)
    _, panel = _window(qtbot, services, qsettings, asker, walk.id)
    for name in SETTINGS:
        before = services.walks.get_walk(walk.id)
        _box(panel, name).click()
        qtbot.waitUntil(lambda n=name, b=before: getattr(services.walks.get_walk(walk.id), n)
                        != getattr(b, n), timeout=5000)
        after = services.walks.get_walk(walk.id)
        assert {n: getattr(after, n) for n in SETTINGS if n != name} == \
            {n: getattr(before, n) for n in SETTINGS if n != name}


def test_on_a_closed_walk_every_privacy_box_is_locked_until_edit_anyway(
        qtbot: Any, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    walk = rich_walk(services)
    services.walks.update_walk(walk.id, status=d.WalkStatus.CLOSED,
                               sign_thank_you_with_names=True)
    window, panel = _window(qtbot, services, qsettings, asker, walk.id)
    assert window.workspace is not None
    assert panel.sign_thank_you_with_names.isChecked()  # shown as stored
    assert [n for n in SETTINGS if _box(panel, n).isEnabled()] == []
    window.workspace.closed_banner.edit_button.click()
    assert [n for n in SETTINGS if not _box(panel, n).isEnabled()] == []
    window.workspace.closed_banner.done_button.click()
    assert [n for n in SETTINGS if _box(panel, n).isEnabled()] == []
