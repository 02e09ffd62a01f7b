"""Choosing at planning (protocol format version 2): the Plan page's Choices tab ticks
optional steps, picks a variant's option and dates a phase held on another day; the totals
follow, the choice is saved, and the pre-brief and post-brief guides run only the chosen
steps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.plan_choices import choosing_protocol
from walkapp import domain as d
from walkapp.protocol import choices as pc
from walkapp.protocol import snapshot
from walkapp.protocol.schema import Protocol
from walkapp.services import Services, protocol_walks
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.plan.choices import ChoicesPanel
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.step_guide import StepGuide

DAY = date(2026, 3, 2)


@pytest.fixture
def protocol(monkeypatch: pytest.MonkeyPatch) -> Protocol:
    """Until walks store version 2 protocols (the v2 loader), the walk's snapshot reads
    back as the version 2 protocol the test made."""
    made = choosing_protocol()
    monkeypatch.setattr(snapshot, "from_snapshot", lambda *_a, **_k: made)
    monkeypatch.setattr(protocol_walks, "from_snapshot", lambda *_a, **_k: made)
    return made


@pytest.fixture
def walk(services: Services, protocol: Protocol) -> d.Walk:
    walk = create_walk_from_protocol(services, protocol, "Two-day walk", DAY, visits=3)
    for name in ("Ana", "Ben", "Cleo"):
        services.plan.add_participant(walk.id, name)
    return services.walks.get_walk(walk.id)


def panel_for(qtbot, services: Services, walk: d.Walk, protocol: Protocol) -> ChoicesPanel:  # type: ignore[no-untyped-def]
    panel = ChoicesPanel(services, walk.id, protocol)
    qtbot.addWidget(panel)
    ChangeBridge(services.bus, panel).changed.connect(panel.on_change)
    panel.resize(1000, 700)
    panel.show()
    return panel


def stored(services: Services, walk: d.Walk) -> pc.PlanChoices:
    return pc.read(services.walks.get_walk(walk.id).plan_choices)


def test_the_plan_page_has_a_choices_tab_only_when_there_is_something_to_choose(
        qtbot, services: Services, walk: d.Walk, protocol: Protocol) -> None:
    page = PlanPage(services, walk.id, protocol=protocol)
    qtbot.addWidget(page)
    tabs = page.tabs.keys()
    assert "choices" in tabs
    assert isinstance(page.choices, ChoicesPanel)
    plain = PlanPage(services, walk.id, protocol=replace(protocol, variants=(), phases=()))
    qtbot.addWidget(plain)
    tabs = plain.tabs.keys()
    assert "choices" not in tabs


def test_ticks_radios_and_dates_save_and_the_totals_follow(
        qtbot, services: Services, walk: d.Walk, protocol: Protocol) -> None:
    panel = panel_for(qtbot, services, walk, protocol)
    assert panel.step_boxes["stems"].isChecked()
    assert not panel.step_boxes["calibration"].isChecked()
    assert panel.option_buttons[("talk", "patterns")].isChecked()
    assert panel.date_fields["post_brief"].date() == date(2026, 3, 3)
    before = panel.totals.text()
    assert "3 min" not in before or "steps" in before

    panel.step_boxes["stems"].click()  # leave out the 3-minute stems step
    qtbot.waitUntil(lambda: panel.indicator.state() == "saved", timeout=5000)
    assert stored(services, walk).left_out == {"stems", "calibration"}
    assert panel.totals.text() != before

    panel.option_buttons[("talk", "rounds")].click()
    qtbot.waitUntil(lambda: stored(services, walk).variants == {"talk": "rounds"},
                    timeout=5000)
    panel.date_fields["post_brief"].set_date(date(2026, 3, 6))
    panel.date_fields["post_brief"].date_changed.emit(date(2026, 3, 6))
    qtbot.waitUntil(lambda: stored(services, walk).phase_dates == {
        "post_brief": date(2026, 3, 6)}, timeout=5000)
    run = [s.key for _, _, s in pc.walk_steps(protocol, stored(services, walk))]
    assert "rounds" in run and "patterns" not in run and "stems" not in run
    panel.grab().save("/tmp/plan-choices-panel.png")


def test_a_choice_the_protocol_refuses_says_why_and_stays(
        qtbot, services: Services, walk: d.Walk, protocol: Protocol) -> None:
    panel = panel_for(qtbot, services, walk, protocol)
    panel.date_fields["post_brief"].date_changed.emit(date(2026, 2, 1))  # before the walk
    qtbot.waitUntil(lambda: panel.indicator.state() == "failed", timeout=5000)
    assert "choose a day" in panel.indicator.label.text()
    assert stored(services, walk).phase_dates == {}


def test_the_guides_run_only_the_chosen_steps(qtbot, services: Services, walk: d.Walk,
                                              protocol: Protocol) -> None:
    panel = panel_for(qtbot, services, walk, protocol)
    panel.step_boxes["stems"].click()
    panel.option_buttons[("talk", "rounds")].click()
    qtbot.waitUntil(lambda: stored(services, walk).variants == {"talk": "rounds"},
                    timeout=5000)
    pre = StepGuide(services, walk.id, "pre_brief", lambda _a: None)
    post = StepGuide(services, walk.id, "post_brief", lambda _a: None)
    for guide in (pre, post):
        qtbot.addWidget(guide)
    pre_titles = [pre.steps.item(i).text() for i in range(pre.steps.count())]
    assert not any("stems" in t.casefold() for t in pre_titles)
    keys = [s.step.key for s in post.runner.steps]
    assert keys == ["evidence", "rounds", "commitments", "action-items"]
    QApplication.processEvents()
