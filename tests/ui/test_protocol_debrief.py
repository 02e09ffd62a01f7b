"""The Patterns panel follows the walk's protocol's `[[debrief_sequence]]`: its kinds in
its order, its titles and prompts; a protocol without one gets walkapp's usual sequence
(`Protocol.debrief_stages()`). Statements stored under a kind the protocol
leaves out stay on screen, under "Other". Expected texts come from the loaded protocol."""

from __future__ import annotations

import pytest

from tests.ui.conftest import ScriptedAsker
from tests.ui.postbrief.conftest import settle, wait_loaded
from tests.ui.protocol_words import NO_PREDICT, every_protocol, make_protocol, walk_from
from walkapp import domain as d
from walkapp.protocol import Protocol
from walkapp.protocol.schema import DEFAULT_DEBRIEF
from walkapp.services import Services
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.postbrief.patterns import PatternsPanel


def open_patterns(qtbot, services: Services, walk_id: str,
                  asker: ScriptedAsker) -> PatternsPanel:
    workspace = PostBriefWorkspace(services, walk_id, asker)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 700)
    workspace.show()
    assert workspace.show_panel("patterns")
    panel = workspace.patterns
    assert isinstance(panel, PatternsPanel)
    wait_loaded(qtbot, panel)
    return panel


@pytest.mark.parametrize(("name", "protocol"), every_protocol(), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_the_patterns_panel_shows_the_protocols_debrief_sequence(
        qtbot, services: Services, asker: ScriptedAsker, name: str,
        protocol: Protocol) -> None:
    walk_id = walk_from(services, protocol)
    panel = open_patterns(qtbot, services, walk_id, asker)
    stages = protocol.debrief_sequence or DEFAULT_DEBRIEF
    assert protocol.debrief_stages() == stages
    # Keyed by a version 2 stage's own key, else by its kind.
    assert list(panel.sections) == [s.stage_key for s in stages]
    for number, stage in enumerate(stages, start=1):
        assert panel.titles[stage.stage_key].text() == f"{number}. {stage.title}"
        assert panel.prompts[stage.stage_key].text() == stage.prompt
        assert panel.titles[stage.stage_key].isVisible()
    assert not panel.other_box.isVisible()


def test_statements_of_a_kind_the_protocol_leaves_out_are_kept(
        qtbot, services: Services, asker: ScriptedAsker) -> None:
    protocol = make_protocol("no-predict", NO_PREDICT)
    assert d.PatternKind.PREDICT not in [s.kind for s in protocol.debrief_sequence]
    walk_id = walk_from(services, protocol)
    kept = services.debrief.add_pattern(walk_id, d.PatternKind.PREDICT,
                                        "Students would learn to copy")
    services.debrief.add_pattern(walk_id, d.PatternKind.DESCRIBE, "Pairs talk")
    panel = open_patterns(qtbot, services, walk_id, asker)
    assert panel.other_box.isVisible()
    assert panel.other.model.rowCount() == 1
    assert panel.other.model.index(0).data() == kept.text
    assert panel.sections[d.PatternKind.DESCRIBE].model.rowCount() == 1
    # It can still be changed and deleted there, and keeps its kind.
    panel.other.select(kept.id)
    panel.other.begin_edit()
    panel.other.editor.setPlainText("Students would learn to copy neatly")
    panel.other.submit()
    settle(qtbot, panel)
    stored = next(p for p in services.debrief.list_patterns(walk_id) if p.id == kept.id)
    assert stored.kind is d.PatternKind.PREDICT
    assert stored.text == "Students would learn to copy neatly"
