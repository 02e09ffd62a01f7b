"""Every date field takes a date typed in the user's locale (walkapp.formatting.parse_date):
the walk's date at planning and in the New walk dialog. An unreadable date says why, keeps
what was typed, and saves nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.helpers.builders import make_walk
from tests.ui.test_plan_screens import settle
from walkapp import formatting as fmt
from walkapp.services import Services
from walkapp.ui.screens.new_walk import NewWalkDialog
from walkapp.ui.screens.plan.details import WalkDetailsPanel


@pytest.fixture
def uk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt, "_override", "en_GB")


def _type(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.usefixtures("uk")
def test_the_walk_date_is_typed_the_uk_way(qtbot, services: Services) -> None:
    walk = make_walk(services)
    panel = WalkDetailsPanel(services, walk.id)
    qtbot.addWidget(panel)
    _type(qtbot, panel.date.edit, "15/01/2027")
    settle(qtbot, panel)
    assert services.walks.get_walk(walk.id).walk_date == date(2027, 1, 15)
    assert panel.date.edit.text() == fmt.short_date(date(2027, 1, 15)) == "15 Jan 2027"
    _type(qtbot, panel.date.edit, "16 Jan 2027")
    settle(qtbot, panel)
    assert services.walks.get_walk(walk.id).walk_date == date(2027, 1, 16)


@pytest.mark.usefixtures("uk")
def test_an_unreadable_date_says_why_and_saves_nothing(qtbot, services: Services) -> None:
    walk = make_walk(services)
    panel = WalkDetailsPanel(services, walk.id)
    qtbot.addWidget(panel)
    panel.show()
    _type(qtbot, panel.date.edit, "01/15/2027")  # month first: not in the UK
    settle(qtbot, panel)
    assert services.walks.get_walk(walk.id).walk_date == walk.walk_date
    assert panel.date.edit.text() == "01/15/2027"  # kept, to be corrected
    assert panel.date.error.isVisible() and "month 15" in panel.date.error.text()
    _type(qtbot, panel.date.edit, "2027-01-15")
    settle(qtbot, panel)
    assert not panel.date.error.isVisible()
    assert services.walks.get_walk(walk.id).walk_date == date(2027, 1, 15)


def test_us_dates_in_a_us_locale(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt, "_override", "en_US")
    walk = make_walk(services)
    panel = WalkDetailsPanel(services, walk.id)
    qtbot.addWidget(panel)
    _type(qtbot, panel.date.edit, "01/15/2027")
    settle(qtbot, panel)
    assert services.walks.get_walk(walk.id).walk_date == date(2027, 1, 15)


@pytest.mark.usefixtures("uk")
def test_the_new_walk_dialog_reads_typed_dates(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewWalkDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title, "Maths talk")
    _type(qtbot, dialog.date.edit, "31/02/2027")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "February has no day 31" in dialog.date.error.text()
    _type(qtbot, dialog.date.edit, "15 January 2027")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.request().walk_date == date(2027, 1, 15)
