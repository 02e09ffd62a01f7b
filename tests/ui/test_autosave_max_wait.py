"""Autosave during continuous typing: a commit at least every MAX_WAIT_MS (under a second),
in every autosaving editor — not only once the typing pauses.

Time is fake (tests/helpers/fake_timers.py): the test types a character every 200 ms of
*fake* time and checks, after each one, that everything typed more than a second ago is in
the database. Nothing here waits for the wall clock; commits that run on the saver's
worker thread are waited for with `waitUntil(saver.is_idle)`.
"""

from __future__ import annotations

from datetime import date

from tests.helpers.builders import make_walk
from tests.helpers.fake_timers import FakeTime
from tests.ui.observe_helpers import type_text
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.schema import PromptKind
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.postbrief.commitments import CommitmentRow
from walkapp.ui.screens.step_guide import StepPrompts
from walkapp.ui.widgets.autosave import SerialSaver
from walkapp.ui.widgets.debounce import MAX_WAIT_MS, Debouncer
from walkapp.ui.widgets.note_editor import NoteEditor
from walkapp.ui.widgets.reflections import ReflectionsPanel

SENTENCE = "Pupils explain their reasoning to a partner before they write."  # 62 chars
KEY_EVERY_MS = 200


def test_the_deadline_is_under_a_second() -> None:
    # The promise to the user: no more than the last second of typing is lost. The commit
    # itself takes a few milliseconds after the deadline, so the deadline leaves room.
    assert MAX_WAIT_MS <= 800


def test_debouncer_fires_during_continuous_edits_and_after_a_pause(qtbot) -> None:
    time = FakeTime()
    fired: list[float] = []
    debouncer = Debouncer(lambda: fired.append(time.now_ms),
                          time.pace(delay_ms=750, max_wait_ms=800))
    for _ in range(25):  # an edit every 200 ms for 5 s: never a 750 ms pause
        debouncer.touch()
        time.advance(KEY_EVERY_MS)
    assert fired == [800, 1600, 2400, 3200, 4000, 4800]
    # The last edit (at 4800) is committed once the pause is long enough, then nothing
    # more; after a pause, one commit `delay_ms` after the edit, and no second one.
    fired.clear()
    time.advance(1000)
    assert fired == [4800 + 750]
    debouncer.touch()
    time.advance(2000)
    assert fired == [5550, 6000 + 750]
    # A commit made by the owner (focus out, flush) starts the next deadline afresh.
    fired.clear()
    for _ in range(3):  # edits at 8000, 8200, 8400: the deadline would be 8800…
        debouncer.touch()
        time.advance(KEY_EVERY_MS)
    debouncer.cancel()  # …but at 8600 the owner commits by itself
    for _ in range(4):  # edits at 8600 … 9200: the next deadline is 8600 + 800
        debouncer.touch()
        time.advance(KEY_EVERY_MS)
    assert fired == [9400]
    debouncer.shutdown()
    debouncer.touch()
    time.advance(5000)
    assert fired == [9400] and not debouncer.is_pending()


def _note_editor(qtbot, services: Services) -> tuple[NoteEditor, SerialSaver, d.Walk]:  # type: ignore[no-untyped-def]
    walk = make_walk(services, visits=1)
    saver = SerialSaver(services)
    editor = NoteEditor(services.notes, walk, walk.walkers[0].id, saver=saver)
    saver.setParent(editor)
    qtbot.addWidget(editor)
    editor.start_note(walk.visits[0].id)
    editor.show()
    return editor, saver, walk


def _type_slowly_and_check(qtbot, time: FakeTime, widget, saver: SerialSaver | None,  # type: ignore[no-untyped-def]
                           stored) -> int:
    """Type SENTENCE one key every 200 ms of fake time; after each key, whatever was typed
    more than a second before must be stored. Returns how many commits were seen."""
    typed: list[tuple[float, str]] = []  # (when, the whole text by then)
    text = ""
    commits = 0
    for ch in SENTENCE:
        type_text(widget, ch)
        text += ch
        typed.append((time.now_ms, text))
        before = time.fired
        time.advance(KEY_EVERY_MS)
        if time.fired != before:
            commits += time.fired - before
        if saver is not None:
            qtbot.waitUntil(saver.is_idle, timeout=5000)
        old_enough = [t for when, t in typed if when <= time.now_ms - 1000]
        if old_enough:
            # (Some editors store their text stripped: a space at the end is not lost text.)
            assert stored().startswith(old_enough[-1].rstrip()), (time.now_ms, stored())
    assert stored().startswith(SENTENCE[:-5])
    return commits


def test_a_note_typed_without_a_pause_is_committed_every_second(
        qtbot, services: Services) -> None:
    editor, saver, walk = _note_editor(qtbot, services)
    time = FakeTime()
    editor.tracker.debouncer.set_pace(time.pace())

    def stored() -> str:
        return "".join(n.text for n in services.notes.list_notes(walk.id))

    commits = _type_slowly_and_check(qtbot, time, editor.text_edit, saver, stored)
    # 62 keys × 200 ms = 12.4 s of typing with no 750 ms pause: at least 12 commits.
    assert commits >= 12
    # "Saved" only once the newest edit is in: while typing goes on it is not shown.
    assert editor.indicator.state() != "saved"
    time.advance(750)
    qtbot.waitUntil(saver.is_idle, timeout=5000)
    assert stored() == SENTENCE and editor.indicator.state() == "saved"


def test_a_reflection_typed_without_a_pause_is_committed_every_second(
        qtbot, services: Services) -> None:
    walk = make_walk(services)
    author = walk.walkers[0].id
    panel = ReflectionsPanel(services.notes, walk.id, author, prompts=["Mine?"])
    qtbot.addWidget(panel)
    editor = panel.editors[0]
    time = FakeTime()
    editor.tracker.debouncer.set_pace(time.pace())

    def stored() -> str:
        return "".join(r.text for r in services.notes.list_reflections(walk.id))

    assert _type_slowly_and_check(qtbot, time, editor.text_edit, panel.saver, stored) >= 12
    panel.shutdown()


def test_step_prompts_typed_without_a_pause_are_saved_every_second(
        qtbot, services: Services) -> None:
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=1)
    step = next(s for _, _, s in builtin_protocol("learning-walk").steps()
                if any(p.kind is PromptKind.TEXT for p in s.prompts))
    prompts = StepPrompts(services, walk.id, step)
    qtbot.addWidget(prompts)
    index = next(i for i, p in enumerate(step.prompts) if p.kind is PromptKind.TEXT)
    time = FakeTime()
    prompts.debouncer.set_pace(time.pace())
    editor = prompts.inputs[index].editor
    assert editor is not None

    def stored() -> str:
        return "".join(str(a.value) for a in services.responses.list_answers(walk.id, step.key)
                       if a.prompt_key == step.prompts[index].key)

    assert _type_slowly_and_check(qtbot, time, editor, prompts.writer, stored) >= 12
    prompts.shutdown()


def test_walk_details_typed_without_a_pause_are_saved_every_second(
        qtbot, services: Services) -> None:
    walk = make_walk(services)
    panel = WalkDetailsPanel(services, walk.id)
    qtbot.addWidget(panel)
    time = FakeTime()
    panel.debouncer.set_pace(time.pace())
    panel.show()

    def stored() -> str:
        return services.walks.get_walk(walk.id).focus

    assert _type_slowly_and_check(qtbot, time, panel.focus, panel.writer, stored) >= 12
    panel.shutdown()


def test_a_commitment_typed_without_a_pause_is_saved_every_second(
        qtbot, services: Services) -> None:
    walk = make_walk(services)
    person = walk.walkers[0]

    writer = SerialSaver(services)
    row = CommitmentRow(person, writer, walk.id)
    writer.setParent(row)
    qtbot.addWidget(row)
    time = FakeTime()
    row.debouncer.set_pace(time.pace())

    def stored() -> str:
        return "".join(c.text for c in services.debrief.list_commitments(walk.id))

    assert _type_slowly_and_check(qtbot, time, row.editor, writer, stored) >= 12
    row.shutdown()
