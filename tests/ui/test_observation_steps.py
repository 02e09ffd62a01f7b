"""Every step of a protocol's [observation] phase is on the Observation page, with its
title, minutes, script and prompts; the visits step's script shows during the visits, for
the facilitator and for a walker in walker mode.

Expected words and minutes come from the loaded protocol (and the runner's plan of the
walk), never typed here: each built-in protocol and a few odd test protocols."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QTextBrowser, QWidget

from tests.ui.conftest import ScriptedAsker
from walkapp.protocol.library import builtin_dir, builtin_protocol
from walkapp.protocol.loader import load_text
from walkapp.protocol.runner import plan_steps
from walkapp.protocol.schema import Activity, PhaseKey, Prompt, PromptKind, Protocol, Step
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

HEAD = """
schema_version = 1
id = "{id}"
version = "1"
title = "{title}"
visit_minutes = 7
corridor_minutes = 2

[pre_brief]
[[pre_brief.steps]]
key = "hello"
title = "Hello"
minutes = 2

[post_brief]
[[post_brief.steps]]
key = "talk"
title = "Talk"
minutes = 5
"""

AROUND_VISITS = HEAD.format(id="around", title="Steps around the visits") + '''
[observation]
title = "In and around the rooms"

[[observation.steps]]
key = "arrive"
title = "Gather at the first door"
minutes = 0
script = "Wait together outside the first room. Nobody goes in alone."

[[observation.steps.prompts]]
key = "hope"
text = "What do you hope to see?"

[[observation.steps]]
key = "visits"
title = "Into the rooms"
activity = "visits"
script = """
Stay seven minutes in each room. Write what students say and do, word for word where
you can.

Between rooms, talk only about what you saw."""

[[observation.steps.prompts]]
key = "where"
text = "Where did you stand?"
kind = "choice"
options = ["At the back", "Among the tables", "By the door"]

[[observation.steps.prompts]]
key = "how-close"
text = "How close to the learning did you get?"
kind = "rating"
low_label = "Far away"
high_label = "Right inside it"

[[observation.steps]]
key = "hall"
title = "Hall work after the rooms"
minutes = 6
script = "In the hall, each walker reads one note aloud. No judgements."

[[observation.steps.prompts]]
key = "heard"
text = "Phrases we heard"
kind = "list"

[[observation.steps]]
key = "reading"
title = "Silent reading of student work"
minutes = 0
script = """
Read the three samples on the table in silence. Mark what you notice; do not talk yet.
''' + "Read slowly. " * 40 + '''"""

[[observation.steps.prompts]]
key = "seen"
text = "What did you look at?"
kind = "checklist"
options = ["The task", "The student's answer", "The teacher's comments"]
'''

NO_VISITS = HEAD.format(id="microlab", title="A microlab") + '''
[observation]
title = "Microlab rounds"

[[observation.steps]]
key = "frame"
title = "Framing"
minutes = 3
script = "The facilitator reads the three questions. One minute of silence follows."

[[observation.steps]]
key = "round-1"
title = "First round"
minutes = 6
script = "Each person speaks for one minute, without interruption."

[[observation.steps.prompts]]
key = "say"
text = "What I said"

[[observation.steps.prompts]]
key = "feel"
text = "How heard did you feel?"
kind = "rating"

[[observation.steps]]
key = "pause"
title = "Pause"
minutes = 0

[[observation.steps]]
key = "round-2"
title = "Second round"
minutes = 12
script = "The same again, with the second question."

[[observation.steps.prompts]]
key = "pick"
text = "Which question moved you most?"
kind = "choice"
options = ["The first", "The second", "The third"]
'''

TEST_PROTOCOLS = {"around": AROUND_VISITS, "microlab": NO_VISITS}
BUILTINS = sorted(p.stem for p in builtin_dir().glob("*.toml"))


def load(name: str) -> Protocol:
    if name in TEST_PROTOCOLS:
        return load_text(TEST_PROTOCOLS[name], f"{name}.toml")
    protocol_id, _, language = name.partition(".")  # "learning-walk.es": its Spanish file
    return builtin_protocol(protocol_id, language or None)


def observation_steps(protocol: Protocol) -> tuple[Step, ...]:
    phase = protocol.phase(PhaseKey.OBSERVATION)
    assert phase is not None and phase.steps
    return phase.steps


def make_walk(services: Services, protocol: Protocol) -> str:
    walk = create_walk_from_protocol(services, protocol, "Walk", date(2026, 11, 3), visits=2)
    services.plan.add_participant(walk.id, "Ana")
    return walk.id


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person can see under `root`: labels, buttons, list rows, browsers."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QListWidget):
            texts += [widget.item(row).text() for row in range(widget.count())]
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
    return texts


def prompt_words(prompt: Prompt) -> list[str]:
    """What a prompt shows besides its text: its options, or its scale's end labels."""
    words = [prompt.text]
    if prompt.kind in (PromptKind.CHOICE, PromptKind.CHECKLIST):
        words += list(prompt.options)
    if prompt.kind is PromptKind.RATING:
        words += [w for w in (prompt.low_label, prompt.high_label) if w]
    return words


def assert_step_shown(root: QWidget, step: Step) -> None:
    texts = visible_texts(root)
    assert any(step.title in t for t in texts), step.title
    if step.script:
        assert step.script in texts, step.script
    for prompt in step.prompts:
        for word in prompt_words(prompt):
            assert word in texts, (step.key, word)


def open_observation(qtbot, services: Services, qsettings: QSettings,  # type: ignore[no-untyped-def]
                     asker: ScriptedAsker, walk_id: str):
    from walkapp.ui.main_window import MainWindow

    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_walk(walk_id)
    assert window.workspace is not None
    assert "observation" in window.workspace.page_keys()
    window.workspace.show_page("observation")
    return window, window.workspace.page("observation")


def act(qtbot, guide, verb: str) -> None:  # type: ignore[no-untyped-def]
    guide._act(verb)
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)


@pytest.mark.parametrize("name", BUILTINS + list(TEST_PROTOCOLS))
def test_every_observation_step_is_on_the_observation_page(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        name: str) -> None:
    protocol = load(name)
    walk_id = make_walk(services, protocol)
    walk = services.walks.get_walk(walk_id)
    planned = plan_steps(protocol, "observation", visits=len(walk.visits),
                         visit_minutes=walk.visit_minutes,
                         corridor_minutes=walk.corridor_minutes)
    window, page = open_observation(qtbot, services, qsettings, asker, walk_id)
    guide = page.guide
    # The step list names every step of the phase with its minutes, the visits step too.
    rows = [guide.steps.item(row).text() for row in range(guide.steps.count())]
    assert len(rows) == len(planned) == len(observation_steps(protocol))
    for row, step in zip(rows, planned, strict=True):
        assert step.step.title in row and f"{step.planned_seconds // 60} min" in row
    # A phase of the visits step alone shows no list of one: the note-taker needs the width.
    alone = [s.step.activity for s in planned] == [Activity.VISITS]
    assert guide.steps.isVisible() == (not alone)
    act(qtbot, guide, "start")
    for position, step in enumerate(planned):
        state = guide.runner.state()
        assert state.position == position and state.step_key == step.step.key
        assert guide.timer.planned() == step.planned_seconds
        # A 0-minute step has no countdown (protocols/README.md); it says so instead.
        timed = step.planned_seconds > 0
        assert guide.timer.isVisible() == timed and guide.untimed.isVisible() == (not timed)
        assert_step_shown(page, step.step)
        notes_shown = page.observation is not None and page.observation.isVisible()
        assert notes_shown == (step.step.activity is Activity.VISITS)
        if position < len(planned) - 1:
            act(qtbot, guide, "next")
    act(qtbot, guide, "next")
    assert guide.runner.state().finished
    # Every answer field of the phase stores through the runner's prompts, like other steps.
    log = services.runs.log(walk_id)
    assert [e.step_key for e in log if e.phase == "observation"] == [
        s.step.key for s in planned]
    window.close()


def test_prompt_answers_of_an_observation_step_are_saved(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker) -> None:
    protocol = load("microlab")
    walk_id = make_walk(services, protocol)
    window, page = open_observation(qtbot, services, qsettings, asker, walk_id)
    guide = page.guide
    act(qtbot, guide, "start")
    act(qtbot, guide, "next")
    step = observation_steps(protocol)[1]
    prompts = guide._prompt_cache[step.key]
    prompts.inputs[0].editor.setPlainText("I said one thing")
    act(qtbot, guide, "next")  # leaving the step commits its answers
    qtbot.waitUntil(lambda: [a.value for a in services.responses.list_answers(
        walk_id, step.key)] == ["I said one thing"], timeout=5000)
    window.close()


@pytest.mark.parametrize("name", BUILTINS + list(TEST_PROTOCOLS))
def test_a_walker_sees_the_observation_steps_and_the_visits_script(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        name: str) -> None:
    from walkapp.ui.main_window import MainWindow
    from walkapp.ui.screens.walker_home import WalkerHome

    protocol = load(name)
    walk_id = make_walk(services, protocol)
    walker = services.walks.get_walk(walk_id).walkers[0]
    services.walks.update_walk(walk_id, local_mode="walker", local_participant_id=walker.id)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_walk(walk_id)
    assert window.workspace is not None
    home = window.workspace.page("walker")
    assert isinstance(home, WalkerHome)
    # The walk tab: every observation step's title, minutes and script, read-only.
    home.tabs.setCurrentWidget(home.overview)
    overview = home.overview.toPlainText()
    for step in observation_steps(protocol):
        assert step.title in overview
        for paragraph in step.script.split("\n\n"):
            assert " ".join(paragraph.split()) in " ".join(overview.split())
        for prompt in step.prompts:
            for word in prompt_words(prompt):
                assert word in overview, word
    # The notes tab: the visits step's script and prompts beside the note-taker.
    home.tabs.setCurrentWidget(home.observation)
    visits = next((s for s in observation_steps(protocol)
                   if s.activity is Activity.VISITS), None)
    if visits is not None:
        home.visits_guide.set_expanded(True)
        texts = visible_texts(home.observation)
        assert any(visits.title in t for t in texts)
        if visits.script:
            assert visits.script in texts
        for prompt in visits.prompts:
            for word in prompt_words(prompt):
                assert any(word in t for t in texts), word
    window.close()


def test_a_walk_kit_carries_the_observation_steps_to_the_walkers_laptop(
        qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
        tmp_path: Path) -> None:
    """The walker's laptop knows the protocol only from the kit's snapshot."""
    from tests.ui.test_kits_in_window import NoPassphrase
    from walkapp.config import resolve_settings
    from walkapp.services import open_services
    from walkapp.ui.main_window import MainWindow
    from walkapp.ui.screens.walker_home import WalkerHome

    protocol = load("around")
    walk_id = make_walk(services, protocol)
    facilitator = MainWindow(services, qsettings, asker, passphrases=NoPassphrase())
    qtbot.addWidget(facilitator)
    facilitator.open_walk(walk_id)
    kit_path = tmp_path / "kit.walkkit"
    asker.picks.append("Ana")
    asker.file_to_save.append(str(kit_path))
    facilitator.kit_action.trigger()
    qtbot.waitUntil(kit_path.exists, timeout=10000)
    laptop_services = open_services(resolve_settings(tmp_path / "walker-laptop"))
    try:
        laptop = MainWindow(laptop_services,
                            QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                            ScriptedAsker(), passphrases=NoPassphrase())
        qtbot.addWidget(laptop)
        laptop.resize(1366, 768)
        laptop.show()
        laptop.open_kit(str(kit_path))
        qtbot.waitUntil(lambda: laptop.workspace is not None, timeout=10000)
        assert laptop.workspace is not None
        home = laptop.workspace.page("walker")
        assert isinstance(home, WalkerHome)
        overview = home.overview.toPlainText()
        assert all(step.title in overview for step in observation_steps(protocol))
        home.tabs.setCurrentWidget(home.observation)
        visits = next(s for s in observation_steps(protocol) if s.activity is Activity.VISITS)
        assert visits.script in visible_texts(home.observation)
        laptop.close()
    finally:
        laptop_services.close()


def test_the_visits_script_folds_away_and_back(qtbot, services: Services,
                                               qsettings: QSettings,
                                               asker: ScriptedAsker) -> None:
    """Above the note-taker the script takes little room, and can be folded to one line."""
    protocol = load("around")
    visits = next(s for s in observation_steps(protocol) if s.activity is Activity.VISITS)
    walk_id = make_walk(services, protocol)
    window, page = open_observation(qtbot, services, qsettings, asker, walk_id)
    guide = page.guide
    act(qtbot, guide, "start")
    act(qtbot, guide, "next")
    assert guide.runner.state().step_key == visits.key
    assert visits.script in visible_texts(page) and guide.words_toggle.isVisible()
    guide.words_toggle.click()
    assert visits.script not in visible_texts(page)
    assert page.observation is not None and page.observation.editor.isVisible()
    guide.words_toggle.click()
    assert visits.script in visible_texts(page)
    window.close()
