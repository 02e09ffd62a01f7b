"""Every text key a protocol may have reaches the screen or the paper (issue 14, Done when 1).

One protocol carries a different made-up word (a sentinel) in every text key that
walkapp.protocol.coverage declares SHOWN; one walk of it is opened in the real window, every
page, step and tab visited, every report printed (tests/helpers/app_text.py), and each word
is looked for in what the app showed.

Keys other branches are making the app show are in NOT_YET_SHOWN: the test fails if such a
word *is* found (take the key out of the set) and if a word outside the set is missing.
Run it alone: `.venv/bin/python -m pytest -q -p no:randomly tests/ui/test_protocol_coverage.py`
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from tests.helpers.app_text import AppText, walk_text
from tests.helpers.protocol_carrier import (
    SENTINELS,
    carrier,
    carrier_placeholders,
    text_keys,
)
from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.protocol import load_text
from walkapp.protocol.coverage import (
    AGENDA,
    DEBRIEF,
    NOT_SHOWN,
    NOTECATCHER,
    SCRIPT,
    SHOWN,
)
from walkapp.protocol.library import ProtocolLibrary
from walkapp.protocol.snapshot import to_data
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol, open_runner

# Keys declared shown that the app does not show yet (the lead empties this as work lands;
# the test says which to take out). Empty: every declared key is shown.
NOT_YET_SHOWN: set[str] = set()

# How walkapp.protocol.coverage names the reports, and the report kinds they are printed as.
REPORT_PLACES = {AGENDA: "agenda", NOTECATCHER: "notecatcher", DEBRIEF: "debrief",
                 SCRIPT: "script"}


def test_the_carrier_holds_a_sentinel_in_every_text_key_the_loader_accepts() -> None:
    assert carrier_placeholders() == set(text_keys())
    data = str(to_data(load_text(carrier(), "coverage.toml")))
    assert [path for path, word in SENTINELS.items() if word not in data] == []


def test_not_yet_shown_keys_are_declared_shown() -> None:
    # (That every key is declared once: tests/core/test_protocol_coverage.py.)
    assert set(SHOWN) & set(text_keys()) >= NOT_YET_SHOWN


@pytest.fixture
def seen(qtbot: Any, services: Services, settings: Settings, qsettings: QSettings,
         asker: ScriptedAsker) -> AppText:
    text = carrier()
    library = ProtocolLibrary.for_settings(settings)
    library.user_dir.mkdir(parents=True, exist_ok=True)
    (library.user_dir / "coverage.toml").write_text(text, encoding="utf-8")
    protocol = load_text(text, "coverage.toml")
    walk = create_walk_from_protocol(services, protocol, "Coverage walk", date(2026, 11, 3),
                                     look_for_set="set-one", visits=2)
    services.plan.add_participant(walk.id, "Ana")
    services.plan.add_participant(walk.id, "Ben")
    return walk_text(qtbot, services, qsettings, asker, walk.id, protocol_id="coverage")


def test_every_word_of_the_protocol_is_shown(seen: AppText) -> None:
    shown = {path for path, word in SENTINELS.items() if seen.where(word)}
    assert NOT_YET_SHOWN & shown == set(), "shown now: take these out of NOT_YET_SHOWN"
    assert set(SHOWN) & set(SENTINELS) - NOT_YET_SHOWN - shown == set(), \
        "declared shown (walkapp.protocol.coverage.SHOWN) but found nowhere"
    # Where each word was seen matches the declaration: on a screen when it names a screen
    # (a report alone does not make the app show it), and in each report it names.
    misplaced = {}
    for path, word in SENTINELS.items():
        places = seen.where(word)
        declared = SHOWN.get(path, ())
        if path in NOT_YET_SHOWN or not declared:
            continue
        wanted = {f"report:{REPORT_PLACES[p]}" for p in declared if p in REPORT_PLACES}
        missing = sorted(wanted - set(places))
        if any(p not in REPORT_PLACES for p in declared) and all(
                p.startswith("report:") for p in places):
            missing.append("a screen")
        if missing:
            misplaced[path] = missing
    assert misplaced == {}, "declared in walkapp.protocol.coverage.SHOWN but not seen there"
    # A key `check` warns about must really be shown nowhere.
    assert set(NOT_SHOWN) & shown == set(), \
        "shown now: move these from coverage.NOT_SHOWN to SHOWN (check warns about them)"


def test_numbers_are_used_as_the_file_says(services: Services) -> None:
    """The cheap behaviour checks of walkapp.protocol.coverage.USED: minutes, language."""
    protocol = load_text(carrier(), "coverage.toml")
    walk = create_walk_from_protocol(services, protocol, "Coverage walk", date(2026, 11, 3),
                                     visits=2)
    assert (walk.visit_minutes, walk.corridor_minutes) == (protocol.visit_minutes,
                                                           protocol.corridor_minutes)
    assert walk.language == protocol.language  # the nudge's word list for its notes
    for phase in ("opener", "pre_brief", "post_brief", "closing"):
        runner = open_runner(services, walk.id, phase=phase)
        planned = protocol.phase(phase)
        assert planned is not None
        assert [p.planned_seconds for p in runner.steps] == [
            (s.minutes or 0) * 60 for s in planned.steps]
