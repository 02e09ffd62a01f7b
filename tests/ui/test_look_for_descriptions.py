"""A look-for's "what it looks like" is written at planning, beside the look-for, and
reaches where look-fors are shown (the list's tooltip, the note-catcher)."""

from __future__ import annotations

from tests.helpers.builders import make_walk
from tests.ui.test_plan_screens import follow, settle
from walkapp.reports.build_paper import notecatcher_data, walk_protocol
from walkapp.services import Services
from walkapp.ui.screens.plan.lists import LookForsPanel

LOOKS_LIKE = "Students give a reason, often with “because”; they answer each other."


def _panel(qtbot, services: Services) -> tuple[LookForsPanel, str]:  # type: ignore[no-untyped-def]
    walk = make_walk(services)
    panel = LookForsPanel(services, walk.id)
    qtbot.addWidget(panel)
    follow(services, panel)
    panel.resize(1000, 640)
    panel.show()
    return panel, walk.id


def test_a_description_is_written_and_saved(qtbot, services: Services) -> None:
    panel, walk_id = _panel(qtbot, services)
    assert not panel.description.isEnabled()  # nothing chosen yet
    panel.items.list.setCurrentRow(0)
    assert panel.description.isEnabled()
    first = services.walks.get_walk(walk_id).look_fors[0]
    assert first.text in panel.description_label.text()
    qtbot.keyClicks(panel.description, LOOKS_LIKE.replace("“", '"').replace("”", '"'))
    # Choosing another look-for saves what was typed for the first at once.
    panel.items.list.setCurrentRow(1)
    settle(qtbot, panel)
    look_fors = services.walks.get_walk(walk_id).look_fors
    assert look_fors[0].description == LOOKS_LIKE.replace("“", '"').replace("”", '"')
    assert look_fors[0].text == first.text  # the look-for itself unchanged
    assert panel.description.toPlainText() == look_fors[1].description == ""
    qtbot.waitUntil(lambda: panel.items.list.item(0).toolTip() == look_fors[0].description,
                    timeout=3000)
    # It reaches the note-catcher walkers carry.
    walk = services.walks.get_walk(walk_id)
    items = notecatcher_data(walk, walk_protocol(services, walk_id)).look_fors
    assert items[0].description == look_fors[0].description


def test_typing_pauses_save_and_a_save_pending_saves(qtbot, services: Services) -> None:
    panel, walk_id = _panel(qtbot, services)
    panel.items.list.setCurrentRow(1)
    panel.description.setPlainText("Open questions: there is more than one good answer.")
    qtbot.waitUntil(lambda: services.walks.get_walk(walk_id).look_fors[1].description
                    == "Open questions: there is more than one good answer.", timeout=5000)
    panel.description.setPlainText("Changed")
    assert panel.save_pending()
    assert services.walks.get_walk(walk_id).look_fors[1].description == "Changed"


def test_a_description_too_long_says_so_and_keeps_the_text(qtbot, services: Services) -> None:
    panel, walk_id = _panel(qtbot, services)
    panel.items.list.setCurrentRow(0)
    huge = "word " * 2000
    panel.description.setPlainText(huge)
    assert not panel.save_pending()
    settle(qtbot, panel)
    assert panel.description.toPlainText() == huge
    assert panel.message.isVisible() and panel.message.has_failed()
    assert services.walks.get_walk(walk_id).look_fors[0].description == ""
