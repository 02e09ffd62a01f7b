"""The language nudge: underlines in the right place (emoji too), a tooltip, a hint line,
a different colour for names — and a broken checker never stops the typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QToolTip

from tests.helpers.builders import make_walk
from tests.ui.observe_helpers import FakeFlag, fake_nudge, type_text
from walkapp.services import Services
from walkapp.ui.widgets.autosave import SerialSaver
from walkapp.ui.widgets.note_editor import NoteEditor
from walkapp.ui.widgets.nudge_highlight import (
    NAME,
    UNDERLINE_COLOURS,
    hint_for,
    python_index,
    run_check,
    utf16_length,
)


def make_editor(qtbot, services: Services, nudge) -> NoteEditor:
    walk = make_walk(services, visits=1)
    saver = SerialSaver(services)
    editor = NoteEditor(services.notes, walk, walk.walkers[0].id, saver=saver, nudge=nudge,
                        debounce_ms=60)
    editor._test_saver = saver  # type: ignore[attr-defined]
    qtbot.addWidget(editor)
    editor.start_note(walk.visits[0].id)
    editor.resize(900, 400)
    editor.show()
    return editor


def underlines(editor: NoteEditor) -> list[tuple[int, int, int, str]]:
    """(block, utf16 start, length, colour) of every wavy underline laid out."""
    found = []
    block = editor.text_edit.document().begin()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                found.append((block.blockNumber(), fmt.start, fmt.length,
                              fmt.format.underlineColor().name()))
        block = block.next()
    return found


def test_flagged_words_are_underlined_as_you_type(qtbot, services: Services) -> None:
    editor = make_editor(qtbot, services, fake_nudge)
    type_text(editor.text_edit, "A good start; Sam should read")
    marks = underlines(editor)
    evaluative = UNDERLINE_COLOURS["evaluative"].name()
    name = UNDERLINE_COLOURS[NAME].name()
    assert marks == [(0, 2, 4, evaluative), (0, 14, 3, name), (0, 18, 6, evaluative)]
    assert evaluative != name
    # The word and the word list's own suggestion (it says what to try).
    assert editor.hint.full_text().startswith("“good” — try: I noticed…")
    assert "(+2 more)" in editor.hint.full_text()
    # The text is exactly what was typed: the nudge never changes or blocks it.
    assert editor.text() == "A good start; Sam should read"


def test_underlines_stay_on_the_word_after_emoji_and_new_lines(qtbot,
                                                               services: Services) -> None:
    editor = make_editor(qtbot, services, fake_nudge)
    editor.text_edit.setPlainText("🙂🙂 good\nthen café was bad")
    marks = underlines(editor)
    # Two emoji are four UTF-16 units: "good" starts at unit 5 of the first line.
    assert [(b, s, n) for b, s, n, _ in marks] == [(0, 5, 4), (1, 14, 3)]


def test_tooltip_shows_the_suggestion_over_a_flagged_word(qtbot, services: Services) -> None:
    editor = make_editor(qtbot, services, fake_nudge)
    editor.text_edit.setPlainText("The class was lazy today")
    qtbot.waitExposed(editor)
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(15)  # inside "lazy"
    rect = editor.text_edit.cursorRect(cursor)
    point = QPoint(rect.center().x() + 2, rect.center().y())
    span = editor.text_edit.span_at_point(point)
    assert span is not None and span.word == "lazy"
    viewport = editor.text_edit.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "lazy" in QToolTip.text() and "I noticed" in QToolTip.text()
    QToolTip.hideText()
    far = QPoint(viewport.width() - 5, viewport.height() - 5)
    assert editor.text_edit.span_at_point(far) is None


def test_a_broken_checker_never_stops_typing(qtbot, services: Services) -> None:
    calls = []

    def broken(text: str, lang: str):
        calls.append(text)
        raise RuntimeError("word list missing")

    editor = make_editor(qtbot, services, broken)
    type_text(editor.text_edit, "Año señal café")
    assert editor.text() == "Año señal café" and calls
    assert underlines(editor) == [] and editor.hint.full_text() == ""
    assert editor.flush()


def test_nonsense_flags_are_dropped_or_clamped() -> None:
    def odd(text: str, lang: str):
        return [FakeFlag(-3, 2, "evaluative", "x"), FakeFlag(5, 99, "name", "y"),
                FakeFlag(4, 4, "evaluative", "empty"), object()]

    spans = run_check(odd, "abcdefgh", "en")
    assert [(s.start, s.end, s.word) for s in spans] == [(0, 2, "ab"), (5, 8, "fgh")]


def test_checker_gets_the_walks_language(qtbot, services: Services) -> None:
    seen = []
    editor = make_editor(qtbot, services, lambda text, lang: seen.append(lang) or [])
    type_text(editor.text_edit, "x")
    assert seen and set(seen) == {editor._walk.language}


def test_utf16_conversions() -> None:
    text = "a🙂b"
    assert utf16_length(text) == 4
    # Offset 2 falls inside the emoji (Qt never puts a cursor there): it rounds up.
    assert [python_index(text, u) for u in range(5)] == [0, 1, 2, 2, 3]


def test_hint_wording_for_names_and_judgements() -> None:
    spans = run_check(fake_nudge, "Maria was good", "en")
    assert hint_for(spans).startswith("“Maria” may be a name — write “a student”")
    assert hint_for(()) == ""


def test_a_huge_paste_is_checked_after_a_pause_and_saved(qtbot, services: Services) -> None:
    calls: list[int] = []

    def counting(text: str, lang: str):
        calls.append(len(text))
        return fake_nudge(text, lang)

    editor = make_editor(qtbot, services, counting)
    big = ("Students compare methods. " * 12_000) + "That was good."
    editor.text_edit.setPlainText(big)
    assert calls == []  # not on the keystroke itself: typing stays quick
    qtbot.waitUntil(lambda: calls == [len(big)], timeout=3000)
    assert editor.hint.full_text().startswith("“good”")
    assert editor.flush()
    assert services.notes.get_note(editor.note_id).text == big
