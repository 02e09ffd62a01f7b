"""A walk in a language without a nudge word list says so in the note-taker, quietly, on
one line: wording suggestions are not available (the nudge is not silently off)."""

from __future__ import annotations

import pytest

from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock
from tests.ui.protocol_words import FRENCH, every_protocol, make_protocol, walk_from
from walkapp.nudge import load_lexicon
from walkapp.protocol import Protocol
from walkapp.services import Services
from walkapp.ui.composition import nudge_check
from walkapp.ui.screens.observation import ObservationScreen


def open_screen(qtbot, services: Services, walk_id: str, asker: ScriptedAsker,
                **kwargs: object) -> ObservationScreen:
    walk = services.walks.get_walk(walk_id)
    screen = ObservationScreen(services, walk_id, walk.walkers[0].id, clock=FakeClock(),
                               asker=asker, debounce_ms=60, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    screen.resize(1366, 740)
    screen.show()
    return screen


@pytest.mark.parametrize(("name", "protocol"), every_protocol(), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_a_language_without_a_word_list_is_named_in_the_note_taker(
        qtbot, services: Services, asker: ScriptedAsker, name: str,
        protocol: Protocol) -> None:
    walk_id = walk_from(services, protocol)
    screen = open_screen(qtbot, services, walk_id, asker, nudge=nudge_check)
    notice = screen.editor.nudge_notice
    if load_lexicon(protocol.language) is None:
        assert notice.isVisible()
        assert f"“{protocol.language}”" in notice.full_text()
    else:
        assert not notice.isVisible()


def test_french_has_no_word_list_and_the_notice_shows(qtbot, services: Services,
                                                     asker: ScriptedAsker) -> None:
    protocol = make_protocol("french", top=FRENCH)
    assert protocol.language == "fr" and load_lexicon("fr") is None
    walk_id = walk_from(services, protocol)
    screen = open_screen(qtbot, services, walk_id, asker, nudge=nudge_check)
    assert screen.editor.nudge_notice.isVisible()
    # Without any nudge at all (a screen built alone) there is nothing to say.
    quiet = open_screen(qtbot, services, walk_id, asker)
    assert not quiet.editor.nudge_notice.isVisible()
