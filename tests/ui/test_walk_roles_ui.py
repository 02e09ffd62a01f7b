"""Roles given to walkers at planning (protocol format version 2, issue 17) through the real
widgets: picked on the roster with the role's detail, a gentle note for a role the steps
need and nobody has, the role on the walker's own laptop after the walk kit (only their
role's part of each step), and every role's part beside a step's script for the
facilitator."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from tests.helpers.laptops import laptops
from tests.helpers.v2_roles import (
    FIRST_SCRIPTS,
    PRESENTER,
    STUDENTS,
    VISITS_SCRIPTS,
    roles_walk,
)
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock
from tests.ui.test_plan_screens import follow, settle
from walkapp.bundles import crypto
from walkapp.protocol import Activity
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.composition import walk_pages
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.plan.roster_roles import DETAIL, WALK_ROLE
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.walker_home import walker_home_for

SHOTS = Path("/tmp")


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _roster(qtbot, services: Services, walk_id: str) -> RosterPanel:  # type: ignore[no-untyped-def]
    panel = RosterPanel(services, walk_id)
    qtbot.addWidget(panel)
    follow(services, panel)
    panel.resize(1126, 560)
    panel.show()
    return panel


def _pick(qtbot, panel: RosterPanel, row: int, column: int, label: str) -> None:  # type: ignore[no-untyped-def]
    panel.table.setCurrentCell(row, column)
    panel.table.edit(panel.table.currentIndex())
    combo = panel.table.indexWidget(panel.table.currentIndex())
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText(label))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    settle(qtbot, panel)


def test_a_role_and_its_detail_are_given_at_the_roster(qtbot, services: Services) -> None:
    walk = roles_walk(services, walkers=3)
    panel = _roster(qtbot, services, walk.id)
    headings = [panel.table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headings[WALK_ROLE:] == ["Protocol role", "Role detail"]
    # Both roles the steps give things to do are still nobody's: said, never blocking.
    assert panel.roles_note.isVisible()
    assert "Presenter" in panel.roles_note.text() and "Student observer" in \
        panel.roles_note.text()
    # The roles box says which roles are given here, what each asks and what walkers read.
    given = panel.roles_box.given_labels
    assert set(given) == {PRESENTER.key, STUDENTS.key}
    assert STUDENTS.detail_label in given[STUDENTS.key].text()
    assert STUDENTS.instructions in given[STUDENTS.key].text()
    row = 2  # Walker 2 (the facilitator is first)
    assert not panel.table.item(row, DETAIL).flags() & Qt.ItemFlag.ItemIsEditable
    _pick(qtbot, panel, row, WALK_ROLE, "Student observer")
    qtbot.waitUntil(lambda: services.walks.get_walk(walk.id).participants[row]
                    .protocol_role == "student-observer", timeout=5000)
    # The role asks what it is about for this walker: the detail cell opens, with a hint.
    qtbot.waitUntil(lambda: bool(panel.table.item(row, DETAIL).flags()
                                 & Qt.ItemFlag.ItemIsEditable), timeout=5000)
    panel.grab().save(str(SHOTS / "roles-roster-hint.png"))
    panel.table.setCurrentCell(row, DETAIL)
    panel.table.edit(panel.table.currentIndex())
    editor = panel.table.indexWidget(panel.table.currentIndex())
    assert isinstance(editor, QLineEdit)
    assert editor.placeholderText() == STUDENTS.detail_label
    qtbot.keyClicks(editor, "the two students by the window")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle(qtbot, panel)
    qtbot.waitUntil(lambda: services.walks.get_walk(walk.id).participants[row]
                    .role_detail == "the two students by the window", timeout=5000)
    assert panel.table.item(row, WALK_ROLE).toolTip() == STUDENTS.instructions
    qtbot.waitUntil(lambda: "Student observer" not in panel.roles_note.text(),
                    timeout=5000)
    assert "Presenter" in panel.roles_note.text()
    _pick(qtbot, panel, 1, WALK_ROLE, "Presenter")
    qtbot.waitUntil(lambda: not panel.roles_note.isVisible(), timeout=5000)
    assert panel.table.item(1, WALK_ROLE).text() == "Presenter"
    # The Presenter asks for no detail: its cell stays closed.
    assert not panel.table.item(1, DETAIL).flags() & Qt.ItemFlag.ItemIsEditable
    panel.grab().save(str(SHOTS / "roles-roster.png"))


def test_a_protocol_without_roles_for_walkers_has_no_role_columns(
        qtbot, services: Services) -> None:
    walk = roles_walk(services, walkers=2, roles=False)
    panel = _roster(qtbot, services, walk.id)
    assert panel.table.columnCount() == 3 and panel.role_columns is None
    assert not panel.roles_note.isVisible()


def test_the_walker_sees_their_role_on_their_own_laptop(qtbot, tmp_path: Path,
                                                        asker: ScriptedAsker) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = roles_walk(fac.services, walkers=2)
        amy_id, ben_id = (p.id for p in walk.walkers)
        fac.services.plan.update_participant(amy_id, protocol_role="student-observer",
                                             role_detail="the two students by the window")
        fac.services.plan.update_participant(ben_id, protocol_role="presenter")
        kit = fac.bundles.write_kit(walk.id, tmp_path / "amy.walkkit", walker_id=amy_id)
        amy.bundles.open_kit(kit)

        home = walker_home_for(amy.services, walk.id, clock=FakeClock(), asker=asker,
                               debounce_ms=60)
        qtbot.addWidget(home)
        home.resize(1366, 740)
        home.show()
        box = home.your_role
        assert box.isVisible()
        assert box.heading.text() == "Your role: Student observer"
        assert box.detail.text() == "The students you follow: the two students by the window"
        assert box.instructions.text() == STUDENTS.instructions
        # The walk's overview: their role whole, their part of the visits, never the
        # presenter's part.
        overview = home.overview.toPlainText()
        assert "Your role: Student observer" in overview
        assert "The students you follow: the two students by the window" in overview
        assert "As Student observer: " + VISITS_SCRIPTS[1].script in overview
        assert VISITS_SCRIPTS[0].script not in overview
        # Above the note editor (the observation page on a walker's laptop), in sight.
        home.tabs.setCurrentWidget(home.observation)
        assert home.your_role.isVisible()
        guide = home.visits_guide
        assert guide is not None and guide.role_script.isVisibleTo(guide)
        assert guide.role_script.text() == "As Student observer: " + VISITS_SCRIPTS[1].script
        home.grab().save(str(SHOTS / "roles-walker-notes.png"))
        home.tabs.setCurrentWidget(home.overview)
        home.grab().save(str(SHOTS / "roles-walker-walk.png"))
        home.shutdown()


def test_a_walker_without_a_role_sees_none(qtbot, tmp_path: Path,
                                           asker: ScriptedAsker) -> None:
    with laptops(tmp_path, "fac", "ben") as (fac, ben):
        walk = roles_walk(fac.services, walkers=1)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit")
        ben.bundles.open_kit(kit, walker="Walker 1")
        home = walker_home_for(ben.services, walk.id, clock=FakeClock(), asker=asker)
        qtbot.addWidget(home)
        home.show()
        assert not home.your_role.isVisible()
        assert "As Presenter" not in home.overview.toPlainText()
        assert home.visits_guide is not None
        assert not home.visits_guide.role_script.isVisibleTo(home.visits_guide)
        home.shutdown()


def _guide(qtbot, services: Services, walk_id: str, asker: ScriptedAsker,  # type: ignore[no-untyped-def]
           key: str) -> StepGuide:
    pages = {p.key: p for p in walk_pages(services, walk_id, asker, None,  # type: ignore[arg-type]
                                          ChangeBridge(services.bus))}
    page = pages[key].build()
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    guide = page if isinstance(page, StepGuide) else page.guide  # type: ignore[attr-defined]
    assert isinstance(guide, StepGuide)
    return guide


def test_the_step_guide_shows_each_roles_part_beside_the_script(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = roles_walk(services, walkers=2)
    guide = _guide(qtbot, services, walk.id, asker, "pre_brief")
    # The first step has a script for the presenter.
    assert guide.role_scripts.isVisible()
    assert guide.role_scripts.shown == (("Presenter", FIRST_SCRIPTS[0].script),)
    assert "Presenter:" in guide.role_scripts.lines.text()
    guide.grab().save(str(SHOTS / "roles-step-guide.png"))
    # A step without role scripts shows none.
    guide.prepare(1)
    qtbot.waitUntil(guide.body_is_shown, timeout=5000)
    assert not guide.role_scripts.isVisible()
    guide.shutdown()


def test_the_visits_step_shows_every_roles_part_to_the_facilitator(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    walk = roles_walk(services, walkers=2)
    guide = _guide(qtbot, services, walk.id, asker, "observation")
    visits = next(i for i, s in enumerate(guide.runner.steps)
                  if s.step.activity is Activity.VISITS)
    guide.prepare(visits)
    qtbot.waitUntil(guide.body_is_shown, timeout=5000)
    assert guide.role_scripts.shown == tuple(
        (role.title, item.script) for role, item in zip((PRESENTER, STUDENTS),
                                                        VISITS_SCRIPTS, strict=True))
    guide.shutdown()


def test_long_instructions_are_cut_above_the_editor_and_whole_on_the_walk_tab(
        qtbot, tmp_path: Path, asker: ScriptedAsker) -> None:
    with laptops(tmp_path, "fac", "ben") as (fac, ben):
        walk = roles_walk(fac.services, walkers=1)
        ben_id = walk.walkers[0].id
        fac.services.plan.update_participant(ben_id, protocol_role="presenter")
        ben.bundles.open_kit(fac.bundles.write_kit(walk.id, tmp_path / "b.walkkit",
                                                   walker_id=ben_id))
        home = walker_home_for(ben.services, walk.id, clock=FakeClock(), asker=asker)
        qtbot.addWidget(home)
        home.show()
        first, second = PRESENTER.instructions.split("\n\n")
        shown = home.your_role.instructions.text()
        assert shown.startswith(first) and second not in shown and "The walk" in shown
        assert home.your_role.instructions.toolTip() == PRESENTER.instructions
        assert home.your_role.detail.isHidden()  # the presenter asks for no detail
        overview = home.overview.toPlainText()
        assert first in overview and second in overview
        home.shutdown()
