"""Each protocol walked through the whole app (issue 14, Done when 2).

For every built-in protocol and the test protocols of the other issue-14 tests (steps
around the visits, no visits at all, one stem, custom stems, a debrief without predict,
roles, feedback of every kind, a language without a word list, a bare protocol), one walk
is opened in the real main window and run from the first page to the last by
tests/helpers/app_text.py: every step guide from its first step to its last, every tab.
What must be on screen is derived from the loaded protocol, never typed here: each step's
title, planned minutes, script and prompts, at that step; the stems; the roles with their
descriptions; the debrief sequence's titles and prompts; the feedback questions; the
look-for sets' titles.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings

from tests.helpers.app_text import AppText, walk_text
from tests.ui import protocol_words
from tests.ui.conftest import ScriptedAsker
from tests.ui.test_observation_steps import TEST_PROTOCOLS as OBSERVE_PROTOCOLS
from tests.ui.test_observation_steps import prompt_words
from walkapp.config import Settings
from walkapp.protocol import Protocol, choices, load_text
from walkapp.protocol.library import ProtocolLibrary
from walkapp.protocol.schema import Activity, PhaseKey, Step
from walkapp.protocol.snapshot import to_data
from walkapp.protocol.tomlwrite import dumps
from walkapp.services import Services

# The pages of a walk and the phases each runs (ui/composition.py).
PAGES = {"pre_brief": (PhaseKey.OPENER, PhaseKey.PRE_BRIEF),
         "observation": (PhaseKey.OBSERVATION,),
         "post_brief": (PhaseKey.POST_BRIEF, PhaseKey.CLOSING)}


def protocols() -> list[tuple[str, Protocol]]:
    return protocol_words.every_protocol() + [
        (name, load_text(text, f"{name}.toml")) for name, text in OBSERVE_PROTOCOLS.items()]


CASES = protocols()


def squash(text: str) -> str:
    return " ".join(text.split()).lower()


def step_words(step: Step) -> list[str]:
    paragraphs = [p for p in step.script.split("\n") if p.strip()]
    return [step.title, *paragraphs, *(w for p in step.prompts for w in prompt_words(p))]


def missing(seen: AppText, where: str, words: list[str]) -> list[str]:
    """The words not seen at `where` (or any place under it)."""
    shown = squash("\n".join(t for place, texts in seen.screens.items()
                             if place == where or place.startswith(where + "/")
                             for t in texts))
    return [w for w in words if squash(w) not in shown]


@pytest.fixture
def walked(request: Any, qtbot: Any, services: Services, settings: Settings,
           qsettings: QSettings, asker: ScriptedAsker) -> tuple[Protocol, AppText]:
    _name, protocol = request.param
    library = ProtocolLibrary.for_settings(settings)
    library.user_dir.mkdir(parents=True, exist_ok=True)
    known = {e.protocol.id for e in library.entries}
    if protocol.id not in known:  # the New walk dialog offers it like any of the folder's
        (library.user_dir / f"{protocol.id}.toml").write_text(dumps(to_data(protocol)),
                                                              encoding="utf-8")
    walk_id = protocol_words.walk_from(services, protocol)
    return protocol, walk_text(qtbot, services, qsettings, asker, walk_id,
                               protocol_id=protocol.id, reports=False,
                               language=protocol.language)


@pytest.mark.parametrize("walked", CASES, ids=[name for name, _ in CASES], indirect=True)
def test_the_whole_protocol_is_walked_in_the_app(walked: tuple[Protocol, AppText]) -> None:
    protocol, seen = walked
    problems: dict[str, list[str]] = {}
    for page, phases in PAGES.items():
        # The steps the walk runs: planned with the protocol's defaults, so an optional
        # step left out or a step of a variant's other option is on no page.
        steps = [s for key in phases if (p := protocol.phase(key)) for s in p.steps
                 if choices.runs(protocol, choices.NONE, s)]
        if not steps:
            assert not any(place.startswith(page) for place in seen.screens), page
            continue
        assert page in seen.screens, f"no {page} page although the protocol has its steps"
        for position, step in enumerate(steps, start=1):
            where = f"{page}/step {position}"
            words = step_words(step)
            if step.minutes is not None:
                words.append(f"{step.minutes} min")
            if lost := missing(seen, where, words):
                problems[f"{where} ({step.key})"] = lost
    if protocol.has_visits:
        # Every stem's button; the note box shows the chosen stem's prompt (the first's).
        stems = [s.label for s in protocol.stems] + [protocol.stems[0].prompt]
        if lost := missing(seen, "observation", stems):
            problems["stems"] = lost
    roles = [w for r in protocol.roles for w in (r.title, r.description) if w]
    for where in ("plan/tab Roster and groups", "pre_brief"):
        if roles and protocol.phase(PhaseKey.PRE_BRIEF) and (lost := missing(seen, where,
                                                                               roles)):
            problems[f"roles at {where}"] = lost
    if any(s.activity is Activity.PATTERNS for _, _, s in protocol.steps()):
        stages = [w for s in protocol.debrief_stages() for w in (s.title, s.prompt) if w]
        if lost := missing(seen, "post_brief", stages):
            problems["debrief sequence"] = lost
    if any(s.activity is Activity.FEEDBACK for _, _, s in protocol.steps()):
        questions = [w for q in protocol.feedback for w in prompt_words(q)]
        if lost := missing(seen, "post_brief", questions):
            problems["feedback questions"] = lost
    if lost := missing(seen, "new walk", [s.title for s in protocol.look_for_sets]):
        problems["look-for sets in the New walk dialog"] = lost
    assert problems == {}
