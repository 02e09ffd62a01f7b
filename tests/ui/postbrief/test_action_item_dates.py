"""Action items' due dates are typed in the user's locale, as every date field is
(walkapp.formatting.parse_date); one that cannot be read says why and adds nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conftest import settle, type_text
from tests.ui.postbrief.test_action_items import _open
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge


def test_a_due_date_typed_the_uk_way(qtbot, services: Services, walk: d.Walk,  # type: ignore[no-untyped-def]
                                     bridge: ChangeBridge, asker: ScriptedAsker,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt, "_override", "en_GB")
    panel = _open(qtbot, services, walk, bridge, asker)
    panel.new_text.setFocus()
    type_text(panel.new_text, "Book the library")
    panel.has_due.setChecked(True)
    panel.new_due.edit.clear()
    type_text(panel.new_due.edit, "31/02/2027")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert services.debrief.list_action_items(walk.id) == []
    assert "February has no day 31" in panel.new_due.error.text()
    assert panel.new_text.text() == "Book the library"  # nothing lost
    panel.new_due.edit.clear()
    type_text(panel.new_due.edit, "15/01/2027")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    [item] = services.debrief.list_action_items(walk.id)
    assert item.due_date == date(2027, 1, 15)
