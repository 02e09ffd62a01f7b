"""Autosave: committed about a second after typing stops, "Saved" only when true, a failed
commit keeps the text and says why, and an older snapshot never overwrites a newer one."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer

from tests.helpers.builders import make_walk
from tests.ui.observe_helpers import type_text
from walkapp import domain as d
from walkapp.errors import DiskFullError, NotFoundError, StorageError
from walkapp.services import Services
from walkapp.ui.widgets.autosave import SaveIndicator, SerialSaver
from walkapp.ui.widgets.note_editor import NoteEditor


def make_editor(qtbot, services: Services, *, debounce_ms: int = 60
                ) -> tuple[NoteEditor, d.Walk, str]:
    walk = make_walk(services, visits=2)
    author = walk.walkers[0].id
    saver = SerialSaver(services)
    editor = NoteEditor(services.notes, walk, author, saver=saver, debounce_ms=debounce_ms)
    saver.setParent(editor)  # the screen owns its saver: shut down and deleted with it
    editor._test_saver = saver  # type: ignore[attr-defined]
    qtbot.addWidget(editor)
    editor.start_note(walk.visits[0].id)
    editor.resize(800, 400)
    editor.show()
    return editor, walk, author


def stored_texts(services: Services, walk: d.Walk) -> list[str]:
    return [n.text for n in services.notes.list_notes(walk.id)]


def test_typing_is_committed_within_about_a_second(qtbot, services: Services) -> None:
    editor, walk, _ = make_editor(qtbot, services, debounce_ms=750)
    type_text(editor.text_edit, "Pupils swap roles every ten minutes")
    assert editor.indicator.state() == "editing"
    assert stored_texts(services, walk) == []  # nothing yet: the typing has not paused
    # The commit is due one debounce interval after the last keystroke (or earlier, at
    # the max-wait deadline), not later: that timer firing is what commits.
    debounce = editor.tracker.debouncer._timer
    assert isinstance(debounce, QTimer)
    assert debounce.isActive() and debounce.isSingleShot() and debounce.interval() <= 750
    with qtbot.waitSignal(debounce.timeout, timeout=3000):
        pass
    qtbot.waitUntil(lambda: stored_texts(services, walk)
                    == ["Pupils swap roles every ten minutes"], timeout=3000)
    qtbot.waitUntil(lambda: editor.indicator.state() == "saved", timeout=2000)
    assert editor.indicator.label.text() == "Saved"
    note = services.notes.get_note(editor.note_id)
    assert note.visit_id == walk.visits[0].id and note.stem is d.Stem.NOTICED


def test_stem_and_tags_are_saved_with_the_note(qtbot, services: Services) -> None:
    editor, walk, _ = make_editor(qtbot, services)
    type_text(editor.text_edit, "Wait time of five seconds")
    editor.set_stem(d.Stem.WONDER)
    editor.toggle_look_for(1)
    editor.toggle_look_for(0)
    editor.toggle_look_for(1)  # toggled off again
    assert editor.flush()
    note = services.notes.get_note(editor.note_id)
    assert note.stem is d.Stem.WONDER
    assert note.look_for_ids == (walk.look_fors[0].id,)


def test_failed_commit_keeps_text_says_why_and_recovers_on_retry(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    editor, walk, _ = make_editor(qtbot, services)
    real_save = services.notes.save_note
    calls: list[str] = []

    def failing_save(draft):
        calls.append(draft.text)
        raise DiskFullError("The disk is full, so the change was not saved. Free some "
                            "space; your text is still here.")

    monkeypatch.setattr(services.notes, "save_note", failing_save)
    failures: list[str] = []
    editor.save_failed.connect(failures.append)
    type_text(editor.text_edit, "Año señal café")
    qtbot.waitUntil(lambda: editor.indicator.state() == "failed", timeout=3000)
    assert editor.text() == "Año señal café"  # nothing lost
    assert "disk is full" in editor.indicator.label.text()
    assert "Saved" not in editor.indicator.label.text()
    assert editor.indicator.retry.isVisible()
    assert failures and stored_texts(services, walk) == []
    assert not editor.is_saved()

    # Still failing: another keystroke retries, and the message stays (no flicker to "Saved").
    type_text(editor.text_edit, "!")
    qtbot.waitUntil(lambda: len(calls) >= 2, timeout=3000)
    qtbot.waitUntil(lambda: editor.indicator.state() == "failed", timeout=3000)
    assert calls[-1] == "Año señal café!"

    monkeypatch.setattr(services.notes, "save_note", real_save)
    qtbot.mouseClick(editor.indicator.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.indicator.state() == "saved", timeout=3000)
    assert stored_texts(services, walk) == ["Año señal café!"]
    assert not editor.indicator.retry.isVisible()


def test_failure_then_next_keystroke_recovers(qtbot, services: Services,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    editor, walk, _ = make_editor(qtbot, services)
    real_save = services.notes.save_note
    broken = {"on": True}

    def flaky(draft):
        if broken["on"]:
            raise StorageError("The walkapp database is busy: another program is using it.")
        return real_save(draft)

    monkeypatch.setattr(services.notes, "save_note", flaky)
    type_text(editor.text_edit, "Students")
    qtbot.waitUntil(lambda: editor.indicator.state() == "failed", timeout=3000)
    broken["on"] = False
    type_text(editor.text_edit, " count aloud")
    qtbot.waitUntil(lambda: editor.indicator.state() == "saved", timeout=3000)
    assert stored_texts(services, walk) == ["Students count aloud"]


def test_unexpected_error_is_reported_not_swallowed(qtbot, services: Services,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    editor, _walk, _ = make_editor(qtbot, services)

    def buggy(draft):
        raise KeyError("bug")

    monkeypatch.setattr(services.notes, "save_note", buggy)
    type_text(editor.text_edit, "x")
    qtbot.waitUntil(lambda: editor.indicator.state() == "failed", timeout=3000)
    assert "unexpected" in editor.indicator.label.text() and editor.text() == "x"


def test_an_older_snapshot_never_overwrites_a_newer_one(
        qtbot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    editor, walk, _ = make_editor(qtbot, services, debounce_ms=20)
    real_save = services.notes.save_note
    first_started = threading.Event()
    release = threading.Event()
    order: list[str] = []

    def slow_first(draft):
        order.append(draft.text)
        if len(order) == 1:
            first_started.set()
            release.wait(5)  # the first commit is stuck (e.g. a busy disk)
        return real_save(draft)

    monkeypatch.setattr(services.notes, "save_note", slow_first)
    saver: SerialSaver = editor._test_saver  # type: ignore[attr-defined]

    def waiting() -> int | None:
        """The edit whose commit waits behind the one in flight."""
        queued = saver._pending.get(editor.tracker.key)
        return None if queued is None else queued.generation

    type_text(editor.text_edit, "one")
    qtbot.waitUntil(first_started.is_set, timeout=3000)
    type_text(editor.text_edit, " two")
    # A commit of "one two" is queued behind the stuck one…
    qtbot.waitUntil(lambda: waiting() == editor.tracker.generation, timeout=3000)
    type_text(editor.text_edit, " three")
    # …and replaced by "one two three" (only the newest text matters).
    qtbot.waitUntil(lambda: waiting() == editor.tracker.generation, timeout=3000)
    assert editor.indicator.state() != "saved"
    release.set()
    qtbot.waitUntil(lambda: editor.indicator.state() == "saved", timeout=3000)
    assert order == ["one", "one two three"]
    assert stored_texts(services, walk) == ["one two three"]


def test_saved_is_not_shown_while_a_newer_edit_is_pending(qtbot, services: Services) -> None:
    editor, walk, _ = make_editor(qtbot, services, debounce_ms=60)
    type_text(editor.text_edit, "first")
    qtbot.waitUntil(lambda: editor.indicator.state() == "saved", timeout=3000)
    type_text(editor.text_edit, " more")
    assert editor.indicator.state() == "editing" and not editor.is_saved()
    qtbot.waitUntil(lambda: editor.indicator.state() == "saved", timeout=3000)
    assert stored_texts(services, walk) == ["first more"]


def test_focus_out_commits_without_waiting(qtbot, services: Services) -> None:
    editor, walk, _ = make_editor(qtbot, services, debounce_ms=60_000)
    editor.activateWindow()
    editor.text_edit.setFocus()
    qtbot.waitUntil(editor.text_edit.hasFocus, timeout=2000)
    type_text(editor.text_edit, "Displays at child height")
    editor.new_note_button.setFocus()  # tab away
    qtbot.waitUntil(lambda: stored_texts(services, walk) == ["Displays at child height"],
                    timeout=3000)


def test_emptied_note_is_removed_not_kept(qtbot, services: Services) -> None:
    editor, walk, _ = make_editor(qtbot, services)
    type_text(editor.text_edit, "oops")
    assert editor.flush() and stored_texts(services, walk) == ["oops"]
    editor.text_edit.selectAll()
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Delete)
    assert editor.flush()
    assert stored_texts(services, walk) == []
    with pytest.raises(NotFoundError):
        services.notes.get_note(editor.note_id)
    type_text(editor.text_edit, "again")  # same note id comes back
    assert editor.flush()
    assert services.notes.get_note(editor.note_id).text == "again"


def test_an_empty_note_is_never_stored(qtbot, services: Services) -> None:
    editor, walk, _ = make_editor(qtbot, services)
    editor.set_stem(d.Stem.QUESTION)
    editor.toggle_look_for(0)
    type_text(editor.text_edit, "   ")
    assert editor.flush()
    assert stored_texts(services, walk) == []


def test_serial_saver_runs_in_order_and_coalesces(qtbot) -> None:
    saver = SerialSaver()
    gate = threading.Event()
    ran: list[tuple[str, int]] = []
    results: list[tuple[str, int, object]] = []
    saver.succeeded.connect(lambda k, g, r: results.append((k, g, r)))

    def commit(key: str, gen: int, wait: bool = False):
        def run():
            if wait:
                gate.wait(5)
            ran.append((key, gen))
            return gen
        return run

    saver.submit("a", 1, commit("a", 1, wait=True))
    saver.submit("a", 2, commit("a", 2))
    saver.submit("b", 1, commit("b", 1))
    saver.submit("a", 3, commit("a", 3))   # replaces ("a", 2), keeps its place in line
    assert not saver.is_idle() and saver.has_work_for("b")
    gate.set()
    qtbot.waitUntil(saver.is_idle, timeout=3000)
    assert ran == [("a", 1), ("a", 3), ("b", 1)]
    assert [(k, g) for k, g, _ in results] == ran


def test_flush_finishes_everything_on_the_spot(qtbot) -> None:
    saver = SerialSaver()
    ran: list[int] = []
    for n in range(5):
        saver.submit(f"k{n}", n, lambda n=n: ran.append(n))
    assert saver.flush() and saver.is_idle()
    assert ran == [0, 1, 2, 3, 4]


def test_indicator_states_have_plain_words(qtbot) -> None:
    indicator = SaveIndicator()
    qtbot.addWidget(indicator)
    indicator.set_state("failed", "The disk is full.")
    assert indicator.label.text() == "⚠ Not saved: The disk is full."
    assert indicator.label.property("saveState") == "failed"
    indicator.set_state("saved")
    assert indicator.label.text() == "Saved" and indicator.retry.isHidden()


def test_shutdown_saves_what_is_queued_then_accepts_nothing(qtbot) -> None:
    saver = SerialSaver()
    gate = threading.Event()
    ran: list[str] = []
    results: list[str] = []
    saver.succeeded.connect(lambda k, g, r: results.append(r))

    def commit(name: str, wait: bool = False):  # type: ignore[no-untyped-def]
        def run() -> str:
            if wait:
                gate.wait(5)
            ran.append(name)
            return name
        return run

    saver.submit("a", 1, commit("in flight", wait=True))
    saver.submit("b", 1, commit("queued"))
    gate.set()
    saver.shutdown()  # the screen closes: both are in the database when it returns
    assert ran == ["in flight", "queued"] and results == ran
    assert saver.is_closed() and saver.is_idle()
    # Later (a focus change while the window is torn down, the database closed by then):
    saver.submit("c", 1, commit("too late"))
    assert saver.is_idle() and saver.flush()
    assert ran == ["in flight", "queued"]


def test_a_shut_down_editor_commits_nothing_more(qtbot, services: Services) -> None:
    editor, walk, _ = make_editor(qtbot, services, debounce_ms=60)
    type_text(editor.text_edit, "Kept")
    assert editor.flush()
    editor.shutdown()
    type_text(editor.text_edit, " and more")  # e.g. an input method finishing late
    editor.tracker.commit_now()
    editor.text_edit.clearFocus()
    assert not editor.tracker.debouncer._timer.isActive()
    assert not editor._test_saver.has_work_for(editor.note_id)  # type: ignore[attr-defined]
    assert stored_texts(services, walk) == ["Kept"]
