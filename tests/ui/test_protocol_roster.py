"""At planning and in the pre-brief the roster shows the protocol's `[[roles]]` with their
descriptions, and a gentle (never blocking) note when a group is smaller or larger than the
protocol's `group_min`/`group_max`. Expected texts come from the loaded protocol."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.conftest import ScriptedAsker
from tests.ui.protocol_words import ROLES, every_protocol, make_protocol, walk_from
from walkapp.protocol import Activity, Protocol
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.composition import walk_pages
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.step_guide import StepGuide

KEEP: list[PlanPage] = []  # qtbot holds widgets weakly; a page must outlive its panel's use


@pytest.fixture(autouse=True)
def _forget_pages() -> Iterator[None]:
    yield
    KEEP.clear()


def plan_roster(qtbot, services: Services, walk_id: str) -> RosterPanel:
    page = PlanPage(services, walk_id)
    KEEP[:] = [*KEEP[-1:], page]
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.tabs.setCurrentWidget(page.roster)
    return page.roster


def shown_roles(panel: RosterPanel) -> list[tuple[str, str]]:
    return [(title.text(), description.text()) for title, description in panel.role_labels]


@pytest.mark.parametrize(("name", "protocol"), every_protocol(), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_the_roster_shows_the_protocols_roles(qtbot, services: Services, name: str,
                                              protocol: Protocol) -> None:
    walk_id = walk_from(services, protocol)
    panel = plan_roster(qtbot, services, walk_id)
    assert shown_roles(panel) == [(r.title, r.description) for r in protocol.roles]
    assert panel.roles_box.isVisible() is bool(protocol.roles)


def test_the_pre_brief_roster_step_names_the_roles_once(qtbot, services: Services,
                                                        asker: ScriptedAsker) -> None:
    protocol = make_protocol("roles", ROLES)
    assert any(s.activity is Activity.ROSTER for _p, _i, s in protocol.steps())
    walk_id = walk_from(services, protocol)
    pages = {p.key: p for p in walk_pages(services, walk_id, asker, None,  # type: ignore[arg-type]
                                          ChangeBridge(services.bus))}
    guide = pages["pre_brief"].build()
    assert isinstance(guide, StepGuide)
    qtbot.addWidget(guide)
    panel = guide._panels(Activity.ROSTER)
    assert isinstance(panel, RosterPanel)
    qtbot.addWidget(panel)
    guide.resize(1366, 700)
    guide.show()
    # Beside the steps, not a second time in the roster inside the step.
    assert [(t.text(), d.text()) for t, d in guide.role_labels] == [
        (r.title, r.description) for r in protocol.roles]
    assert guide.roles_box.isVisible() and not panel.roles_box.isVisible()


@pytest.mark.parametrize(("name", "protocol"), every_protocol(), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_a_gentle_note_when_a_group_is_outside_the_protocols_sizes(
        qtbot, services: Services, name: str, protocol: Protocol) -> None:
    low, high = protocol.group_min, protocol.group_max
    fits = walk_from(services, protocol, walkers=tuple(f"W{n}" for n in range(low)))
    panel = plan_roster(qtbot, services, fits)
    assert panel.groups_label.text() == ""
    many = walk_from(services, protocol, walkers=tuple(f"W{n}" for n in range(high + 1)))
    panel = plan_roster(qtbot, services, many)
    note = panel.groups_label.text()
    assert f"{high + 1} walkers" in note and str(high) in note and str(low) in note
    # One group too small (when the protocol has a smallest size above one).
    if low > 1:
        group = services.plan.add_group(many, "Group A")
        walker = services.walks.get_walk(many).walkers[0]
        services.plan.update_participant(walker.id, group_id=group.id)
        panel.refresh()
        note = panel.groups_label.text()
        assert "Group A" in note and "1 walker" in note and str(low) in note
    assert panel.add_button.isEnabled()  # a note, never a block


@pytest.mark.parametrize(("name", "protocol"), every_protocol(), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_the_pre_brief_guide_names_the_protocols_roles(qtbot, services: Services,
                                                       asker: ScriptedAsker, name: str,
                                                       protocol: Protocol) -> None:
    walk_id = walk_from(services, protocol)
    pages = {p.key: p for p in walk_pages(services, walk_id, asker, None,  # type: ignore[arg-type]
                                          ChangeBridge(services.bus))}
    if "pre_brief" not in pages:
        return
    guide = pages["pre_brief"].build()
    assert isinstance(guide, StepGuide)
    qtbot.addWidget(guide)
    guide.resize(1366, 700)
    guide.show()
    assert [(t.text(), d.text()) for t, d in guide.role_labels] == [
        (r.title, r.description) for r in protocol.roles]
    assert guide.roles_box.isVisible() is bool(protocol.roles)
