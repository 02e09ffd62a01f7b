"""The nudge in each text field: every field of NUDGED_FIELDS, built as its screen builds
it, flags "Teachers were excellent at questioning" as it is typed — underline, tooltip,
hint line — in the walk's language, and never changes what was typed.

The builders below are keyed by the names in NUDGED_FIELDS, and a test checks that the two
agree, so a field added to the list without a test (or a test for a field not in the list)
fails here; `test_every_text_box_is_nudged_or_exempt` finds text boxes in the screens that
are in neither list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import type_text
from walkapp import domain as d
from walkapp.nudge import check
from walkapp.services import Services
from walkapp.services.protocol_walks import walk_protocol
from walkapp.ui.widgets.nudge_field import NUDGED_FIELDS, NudgeField, NudgeSetup

SENTENCE = "Teachers were excellent at questioning"
FLAGGED = [SENTENCE[f.start:f.end] for f in check(SENTENCE, "en") if f.kind == "evaluative"]
SPANISH = "Los maestros fueron excelentes preguntando"


@dataclass
class Built:
    root: QWidget
    edit: QPlainTextEdit | QLineEdit
    field: NudgeField


def _field_of(edit: QWidget) -> NudgeField:
    fields = edit.findChildren(NudgeField)
    assert len(fields) == 1, f"{edit.accessibleName()!r} carries {len(fields)} nudge fields"
    return fields[0]


def _built(root: QWidget, edit: QPlainTextEdit | QLineEdit) -> Built:
    return Built(root, edit, _field_of(edit))


def _walk(services: Services, language: str = "en") -> d.Walk:
    walk = make_walk(services, visits=1)
    if language != "en":
        services.walks.update_walk(walk.id, language=language)
    return services.walks.get_walk(walk.id)


def _postbrief_panel(services: Services, walk: d.Walk, name: str) -> QWidget:
    from walkapp.ui.screens.postbrief.workspace import PANELS
    from walkapp.ui.writer import Writer

    spec = next(s for s in PANELS if s.name == name)
    writer = Writer(services)
    panel = spec.make(services, walk.id, ScriptedAsker(), writer, None)
    writer.setParent(panel)  # shut down with the panel
    return panel


def note(qtbot, services: Services, walk: d.Walk) -> Built:
    from walkapp.ui.composition import nudge_check
    from walkapp.ui.screens.observation import ObservationScreen

    screen = ObservationScreen(services, walk.id, walk.walkers[0].id, nudge=nudge_check)
    return _built(screen, screen.editor.text_edit)


def reflection(qtbot, services: Services, walk: d.Walk) -> Built:
    from walkapp.ui.composition import nudge_check
    from walkapp.ui.screens.walker_home import WalkerHome

    home = WalkerHome(services, walk.id, walk.walkers[0].id, nudge=nudge_check)
    home.tabs.setCurrentWidget(home.reflections)
    return _built(home, home.reflections.editors[0].text_edit)


def pattern(qtbot, services: Services, walk: d.Walk) -> Built:
    panel = _postbrief_panel(services, walk, "patterns")
    section = next(iter(panel.sections.values()))  # type: ignore[attr-defined]
    return _built(panel, section.editor)


def commitment(qtbot, services: Services, walk: d.Walk) -> Built:
    panel = _postbrief_panel(services, walk, "commitments")
    _show(qtbot, panel)  # it reads when shown
    qtbot.waitUntil(lambda: bool(panel.rows), timeout=5000)  # type: ignore[attr-defined]
    row = next(iter(panel.rows.values()))  # type: ignore[attr-defined]
    return _built(panel, row.editor)


def next_step(qtbot, services: Services, walk: d.Walk) -> Built:
    panel = _postbrief_panel(services, walk, "next_steps")
    return _built(panel, panel.list.editor)  # type: ignore[attr-defined]


def action_item(qtbot, services: Services, walk: d.Walk) -> Built:
    panel = _postbrief_panel(services, walk, "action_items")
    return _built(panel, panel.new_text)  # type: ignore[attr-defined]


def action_item_edit(qtbot, services: Services, walk: d.Walk) -> Built:
    services.debrief.add_action_item(walk.id, "Share the strips")
    panel = _postbrief_panel(services, walk, "action_items")
    _show(qtbot, panel)  # it reads when shown
    table = panel.table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    index = table.model().index(0, 0)
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [e for e in table.findChildren(QLineEdit) if e.findChildren(NudgeField)]
    assert len(editors) == 1
    editors[0].clear()
    built = _built(panel, editors[0])
    assert built.field.hint is panel.edit_hint  # type: ignore[attr-defined]
    return built


def follow_up(qtbot, services: Services, walk: d.Walk) -> Built:
    from walkapp.ui.screens.plan.review import ReviewPanel

    panel = ReviewPanel(services, walk.id)
    return _built(panel, panel.action_note)


def prompt_answer(qtbot, services: Services, walk: d.Walk) -> Built:
    from walkapp.ui.screens.step_prompts import StepPrompts

    step = next(s for _, _, s in walk_protocol(services, walk.id).steps()
                if any(str(getattr(p.kind, "value", p.kind)) == "text" for p in s.prompts))
    prompts = StepPrompts(services, walk.id, step)
    widget = next(w for w in prompts.inputs if w.kind == "text")
    assert widget.editor is not None
    # The walk's language comes with the answers' read, off the GUI thread.
    qtbot.waitUntil(lambda: widget.nudge is not None
                    and widget.nudge.setup.walk_language == walk.language, timeout=15000)
    return _built(prompts, widget.editor)


def walk_focus(qtbot, services: Services, walk: d.Walk) -> Built:
    from walkapp.ui.screens.plan.details import WalkDetailsPanel

    panel = WalkDetailsPanel(services, walk.id)
    qtbot.waitUntil(lambda: panel.focus_nudge.setup.walk_language == walk.language
                    and panel.focus_nudge.setup.check is not NudgeSetup().check,
                    timeout=15000)
    return _built(panel, panel.focus)


def conflict_text(qtbot, services: Services, walk: d.Walk) -> Built:
    from tests.ui.postbrief.conflict_rows import note_conflict
    from walkapp.services.notes import NoteDraft

    saved = services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id,
                                               "Two groups swapped",
                                               visit_id=walk.visits[0].id))
    conflict = note_conflict(services, walk, saved, "Two groups swapped seats")
    panel = _postbrief_panel(services, walk, "conflicts")
    view = panel.view  # type: ignore[attr-defined]
    view.show_conflict(conflict)
    view.start_edit()  # "Edit into one": the editor starts from both texts
    view.editor.clear()
    return _built(panel, view.editor)


BUILDERS: dict[str, Callable[..., Built]] = {
    "note": note, "reflection": reflection, "pattern": pattern, "commitment": commitment,
    "next_step": next_step, "action_item": action_item, "action_item_edit": action_item_edit,
    "follow_up": follow_up, "prompt_answer": prompt_answer, "walk_focus": walk_focus,
    "conflict_text": conflict_text,
}


def test_every_nudged_field_has_its_test() -> None:
    assert list(BUILDERS) == list(NUDGED_FIELDS)


def _show(qtbot, built: Built | QWidget) -> None:
    root = built.root if isinstance(built, Built) else built
    if not root.isVisible():
        qtbot.addWidget(root)
        root.resize(1366, 768)
        root.show()
        qtbot.waitExposed(root)


def _underlined(edit: QPlainTextEdit) -> list[str]:
    words = []
    block = edit.document().begin()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                words.append(block.text()[fmt.start:fmt.start + fmt.length])
        block = block.next()
    return words


@pytest.mark.parametrize("name", list(NUDGED_FIELDS))
def test_the_nudge_in_each_text_field(qtbot, services: Services, name: str) -> None:
    assert FLAGGED == ["excellent"]
    built = BUILDERS[name](qtbot, services, _walk(services))
    _show(qtbot, built)
    assert built.field.field == name
    built.edit.setFocus()
    type_text(built.edit, SENTENCE)
    qtbot.waitUntil(lambda: built.field.words() == FLAGGED, timeout=5000)
    hint = built.field.hint
    assert hint.full_text().startswith("“excellent” — Sounds like praise.")
    assert hint.isVisible()
    if isinstance(built.edit, QPlainTextEdit):
        assert built.edit.toPlainText() == SENTENCE  # never changed, never blocked
        assert _underlined(built.edit) == FLAGGED
    else:
        assert built.edit.text() == SENTENCE
        assert "excellent" in built.edit.toolTip()
    # Rewritten as evidence, the hint goes away.
    if isinstance(built.edit, QPlainTextEdit):
        built.edit.setPlainText("Teachers asked 14 questions; 9 were open")
    else:
        built.edit.setText("Teachers asked 14 questions; 9 were open")
    qtbot.waitUntil(lambda: built.field.words() == [], timeout=5000)
    assert "judgement" not in hint.full_text()


@pytest.mark.parametrize("name", ["pattern", "commitment", "reflection", "next_step"])
def test_the_walk_s_language_is_used(qtbot, services: Services, name: str) -> None:
    built = BUILDERS[name](qtbot, services, _walk(services, "es"))
    _show(qtbot, built)
    assert built.field.setup.language == "es"
    type_text(built.edit, SPANISH)
    qtbot.waitUntil(lambda: built.field.words() == ["excelentes"], timeout=5000)
    assert "Suena a" in built.field.hint.full_text()


def test_without_a_word_list_english_is_used_and_said_once(qtbot,
                                                           services: Services) -> None:
    built = pattern(qtbot, services, _walk(services, "fr"))
    _show(qtbot, built)
    panel = built.root
    hints = [s.nudge.hint.full_text() for s in panel.sections.values()]  # type: ignore[attr-defined]
    said = [h for h in hints if "“fr”" in h]
    assert len(said) == 1 and "English" in said[0]
    type_text(built.edit, SENTENCE)
    qtbot.waitUntil(lambda: built.field.words() == FLAGGED, timeout=5000)


def test_a_field_not_in_the_list_cannot_attach(qtbot) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    with pytest.raises(ValueError, match="NUDGED_FIELDS"):
        NudgeField(edit, NudgeSetup(), "somewhere_new")


# Text boxes of the screens that are not about the walk's evidence or practice, and why.
EXEMPT = {
    ("crash_dialog.py", "details"): "the crash report, read-only",
    ("export.py", "path"): "a file path",
    ("new_walk.py", "title"): "a walk's title",
    ("new_walk.py", "focus"): "made before the walk (and its language) exists; the focus "
                              "is nudged in the plan's details",
    ("action_items.py", "editor"): "the owner's cell (a name); the text's cell is nudged",
    ("action_items.py", "new_owner"): "a person's name",
    ("conflict_view.py", "text_view"): "a version shown read-only",
    ("evidence_wall.py", "filter"): "a search box",
    ("walks_library.py", "search"): "a search box",
    ("roster.py", "new_name"): "a person's name",
    ("roster_cells.py", "editor"): "a roster cell: a walker's role detail, planning words",
    ("roster.py", "group_name"): "a group's name",
    ("details.py", "title"): "a walk's title",
    ("plan_again.py", "title"): "the next walk's title",
    ("details.py", "school"): "a school's name",
    ("item_list.py", "new_text"): "look-fors and norms: the plan's headings, not evidence",
    ("lists.py", "description"): "what a look-for looks like: the plan's words, not evidence",
    ("passphrase_dialogs.py", "field"): "a passphrase",
    ("date_field.py", "edit"): "a date",
    ("comm_log.py", "with_whom"): "who the exchange was with: a person's name or a group",
    ("comm_log.py", "text"): "the facilitator's own note of a meeting or message, not a "
                             "walk's record: kept on this laptop; a portfolio carries it "
                             "only as chosen, and anonymised unless told otherwise",
    ("portfolio_dialog.py", "preview"): "the chosen log entries as the portfolio prints "
                                        "them, read-only",
    ("note_card.py", "text"): "the evidence wall's card: it underlines and lists the flags "
                              "itself, read-only and while rewriting "
                              "(tests/ui/postbrief/test_wall_decisions.py)",
}
BOX = re.compile(r"(?:self\.)?(\w+)\s*=\s*(?:QPlainTextEdit|QLineEdit|QTextEdit|_PlainEdit|"
                 r"_Editor|NoteTextEdit)\(")


def test_every_text_box_is_nudged_or_exempt() -> None:
    ui = Path(__file__).resolve().parents[2] / "ui"
    missing = []
    for path in sorted(ui.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for match in BOX.finditer(source):
            box = match.group(1)
            if (path.name, box) in EXEMPT:
                continue
            attached = re.search(r"NudgeField\(\s*(?:self\.)?" + re.escape(box) + r"\b", source)
            if not attached:
                missing.append(f"{path.relative_to(ui)}: {box}")
    assert missing == [], ("text boxes with neither the nudge nor a reason in EXEMPT: "
                           + ", ".join(missing))
