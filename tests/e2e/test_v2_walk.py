"""A whole walk of a version 2 protocol file through the real main window (issue 17):
the file (tests/data/protocols/two-day-rounds.toml) is one of the user's protocols; a new
walk is made from it in the New walk dialog; at the Plan, walkers go on the roster and one
is given the protocol's role with its detail, and the Choices tab leaves out the optional
step, picks the variant's other option and moves the post-brief to a later day. The
pre-brief's step of turns goes round the walkers, beside the role's script; on two visits
a note is typed under the protocol's own (appreciative) stem, the visit's questions are
answered, the count's key is pressed three times outside the note editor and the talk
timer is started and stopped on a fake clock. A walk kit made from the File menu opens on a
second laptop with the walker's role. At the post-brief the evidence wall shows the
answers by question and the counts across the walk, and a statement goes under each of
the protocol's debrief stages. The debrief, agenda and script PDFs and the database are
checked at the end.

Time is fake where it is measured: the services' "now" (step and turn timers) and the
monotonic seconds of the visit countdowns and the tally timer move only when the test
moves them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QLineEdit

from tests.core.reports.conftest import pdf_text, squash
from tests.e2e.test_whole_walk import run_guide_to_the_end
from tests.helpers.fake_clock import FakeClock
from tests.helpers.laptops import open_laptop
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import chord, type_text
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.bundles import crypto
from walkapp.config import Settings
from walkapp.protocol import choices as pc
from walkapp.protocol.library import USER_FOLDER
from walkapp.protocol.runner import RunnerState, RunStatus
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.services import Services
from walkapp.storage.db import Database
from walkapp.ui.bundles_ui import PassphraseAsker
from walkapp.ui.main_window import MainWindow
from walkapp.ui.models.evidence import GroupBy
from walkapp.ui.screens.new_walk import NewWalkDialog
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.plan.choices import ChoicesPanel
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.plan.roster_roles import DETAIL, WALK_ROLE
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.postbrief.patterns import PatternsPanel
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.walker_home import walker_home_for
from walkapp.ui.widgets import countdown, tally_panel

PROTOCOL = Path(__file__).parents[1] / "data" / "protocols" / "two-day-rounds.toml"
CTRL = Qt.KeyboardModifier.ControlModifier
TURN_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WALKERS = ["Amaia Etxeberria", "Bruno Costa", "Chidi Okonkwo"]
OBSERVER = WALKERS[1]  # given the protocol's role, and the walk kit
DETAIL_TEXT = "the two students by the window"
WALK_DAY, POST_DAY = date(2026, 11, 3), date(2026, 11, 6)
# What the plan leaves out: the optional step, and the steps of the option not chosen.
LEFT_OUT = ("Practice on a classroom photo", "Each walker writes one note about the photo",
            "Open discussion round", "Anyone speaks when ready")
# Per visit: the note under the protocol's own stem, the two answers, the seconds of talk.
VISITS = [("Students explained their method to a partner", "Fractions on a number line",
           "Groups", 40),
          ("Two students checked each other's answers", "Comparing fractions", "Pairs", 25)]
STAGES = {"describe": "Students talked in pairs in both rooms",
          "raise-questions": "What makes students ask each other first?"}


class Clocks:
    """The services' "now" and the countdowns' monotonic seconds, moved together."""

    def __init__(self) -> None:
        self.wall = FakeClock()
        self.seconds = 10_000.0

    def monotonic(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.wall.advance(seconds=seconds)
        self.seconds += seconds


class NoPassphrase(PassphraseAsker):
    """A walk kit without a passphrase (the choice offered to the facilitator)."""

    def new_passphrase(self, parent: object) -> str | None:
        return ""

    def passphrase(self, parent: object, file_name: str) -> str | None:
        return None

    def choose_walker(self, parent: object, names: object) -> str | None:
        return None


@pytest.fixture
def clocks(monkeypatch: pytest.MonkeyPatch) -> Clocks:
    clocks = Clocks()
    fake = SimpleNamespace(monotonic=clocks.monotonic)
    monkeypatch.setattr(countdown, "time", fake)
    monkeypatch.setattr(tally_panel, "time", fake)
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)
    return clocks


@pytest.fixture
def services(settings: Settings, clocks: Clocks) -> Iterator[Services]:
    opened = Services.create(Database(settings).open(), clock=clocks.wall)
    yield opened
    opened.close()


def _click(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    # On its words, at the left: a check box's or radio's row is wider than its label.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _pick_role(qtbot, window: MainWindow, plan: PlanPage, row: int) -> None:  # type: ignore[no-untyped-def]
    table = plan.roster.table
    table.setCurrentCell(row, WALK_ROLE)
    table.edit(table.currentIndex())
    combo = table.indexWidget(table.currentIndex())
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Student observer"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)
    # The role asks for a detail: its cell opens, with the role's question as a hint.
    qtbot.waitUntil(lambda: bool(table.item(row, DETAIL).flags() & Qt.ItemFlag.ItemIsEditable),
                    timeout=5000)
    table.setCurrentCell(row, DETAIL)
    table.edit(table.currentIndex())
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QLineEdit)
    assert editor.placeholderText() == "The students you follow"
    type_text(editor, DETAIL_TEXT)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)


def test_a_version_2_walk_through_the_window(qtbot, services: Services, settings: Settings,
                                             qsettings: QSettings, asker: ScriptedAsker,
                                             clocks: Clocks, tmp_path: Path) -> None:
    (settings.data_dir / USER_FOLDER).mkdir(parents=True, exist_ok=True)
    shutil.copy(PROTOCOL, settings.data_dir / USER_FOLDER / PROTOCOL.name)
    window = MainWindow(services, qsettings, asker, passphrases=NoPassphrase())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts need an active window

    # 1. New walk from the protocol file, with two visits.
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewWalkDialog)
        index = dialog.protocol.findData("two-day-rounds")
        assert index >= 0, "the protocol file is offered"
        dialog.protocol.setCurrentIndex(index)
        qtbot.keyClicks(dialog.title, "Talk in fractions")
        dialog.date.edit.selectAll()
        type_text(dialog.date.edit, WALK_DAY.isoformat())
        dialog.visits.setValue(2)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    asker.dialog_actions.append(fill)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    workspace = window.workspace
    assert workspace is not None
    walk_id = workspace.walk_id
    walk = services.walks.get_walk(walk_id)
    assert walk.protocol_id == "two-day-rounds" and walk.walk_date == WALK_DAY
    assert len(walk.visits) == 2

    # 2. The roster, from the keyboard; the protocol's role and its detail for one walker.
    plan = workspace.page("plan")
    assert isinstance(plan, PlanPage)
    plan.tabs.setCurrentWidget(plan.roster)
    for name in WALKERS:
        plan.roster.new_name.setFocus()
        type_text(plan.roster.new_name, name)
        qtbot.keyClick(plan.roster.new_name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: plan.roster.new_name.text() == "", timeout=5000)
    walk = services.walks.get_walk(walk_id)
    assert [p.display_name for p in walk.walkers] == WALKERS
    headings = [plan.roster.table.horizontalHeaderItem(c).text()
                for c in range(plan.roster.table.columnCount())]
    assert headings[WALK_ROLE:] == ["Protocol role", "Role detail"]
    assert "Student observer" in plan.roster.roles_note.text()  # nobody has it yet
    _pick_role(qtbot, window, plan, WALKERS.index(OBSERVER))
    qtbot.waitUntil(lambda: not plan.roster.roles_note.isVisible(), timeout=5000)
    plan.roster.grab().save("/tmp/e2e-v2-roster.png")

    # 3. Choices: leave out the optional step, the other talk, the post-brief later.
    choices = plan.choices
    assert isinstance(choices, ChoicesPanel)
    plan.tabs.setCurrentWidget(choices)
    assert choices.step_boxes["practice"].isChecked()
    assert choices.option_buttons[("talk-form", "open")].isChecked()
    field = choices.date_fields["post_brief"]
    assert field.date() == date(2026, 11, 4)  # days_after = 1
    _click(qtbot, choices.step_boxes["practice"])
    qtbot.waitUntil(lambda: choices.indicator.state() == "saved", timeout=5000)
    _click(qtbot, choices.option_buttons[("talk-form", "rounds")])
    qtbot.waitUntil(lambda: choices.indicator.state() == "saved", timeout=5000)
    window.activateWindow()
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus, timeout=3000)
    field.edit.selectAll()
    type_text(field.edit, POST_DAY.isoformat())
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pc.read(services.walks.get_walk(walk_id).plan_choices)
                    .phase_dates == {"post_brief": POST_DAY}, timeout=5000)
    chosen = pc.read(services.walks.get_walk(walk_id).plan_choices)
    assert chosen.left_out == {"practice"} and chosen.variants == {"talk-form": "rounds"}
    choices.grab().save("/tmp/e2e-v2-choices.png")

    # 4. The pre-brief: the step of turns goes round the walkers, beside the role's part.
    workspace.show_page("pre_brief")
    pre = workspace.page("pre_brief")
    assert isinstance(pre, StepGuide)
    pre_keys = [s.step.key for s in pre.runner.steps]
    assert pre_keys == ["hopes"]  # the optional step left out

    def take_turns(state: RunnerState) -> None:
        assert state.step_key == "hopes"
        bar = pre.turns_bar
        qtbot.waitUntil(bar.isVisible, timeout=3000)
        assert bar.text() == f"Speaker 1 of 3 — {WALKERS[0]}"
        assert pre.role_scripts.isVisible()
        assert "Student observer" in pre.role_scripts.lines.text()
        assert "Say which students you will follow." in pre.role_scripts.lines.text()
        # The turn's own timer runs from the services' clock, over time after a minute.
        clocks.advance(65)
        qtbot.waitUntil(lambda: round(bar.timer.elapsed()) == 65, timeout=3000)
        assert bar.timer.time_label.text() == "+0:05"
        window.activateWindow()
        pre.next_button.setFocus()
        qtbot.waitUntil(pre.next_button.hasFocus, timeout=3000)
        chord(pre.next_button, Qt.Key.Key_Right, TURN_KEYS)
        assert bar.text() == f"Speaker 2 of 3 — {WALKERS[1]}"
        assert round(bar.timer.elapsed()) == 0  # a new turn, a new minute
        pre.grab().save("/tmp/e2e-v2-turns.png")
        qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
        assert bar.text() == f"Speaker 3 of 3 — {WALKERS[2]}"
        assert not bar.next_button.isEnabled()

    run_guide_to_the_end(qtbot, pre, take_turns)
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)

    # 5. Observation: two visits, each with a note, the form, three taps and a timer.
    workspace.show_page("observation")
    page = workspace.page("observation")
    assert isinstance(page, ObservationPage)
    qtbot.mouseClick(page.guide.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.guide.is_acting(), timeout=5000)
    walk = services.walks.get_walk(walk_id)
    me = walk.walkers[0]
    assert page.author is not None
    page.author.setCurrentIndex(page.author.findData(me.id))
    page.author.activated.emit(page.author.currentIndex())
    qtbot.waitUntil(lambda: page.observation is not None
                    and page.screen_author == me.id, timeout=5000)
    screen = page.observation
    assert screen is not None and screen.form is not None
    qtbot.waitUntil(screen.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: not screen.tallies.loading, timeout=5000)
    assert screen.tallies.isVisible()
    assert [b.text().split("  ")[0] for b in screen.editor.stem_buttons.values()] == [
        "Warm", "I wonder"]
    edit = screen.editor.text_edit
    for number, (note, talk, seating, seconds) in enumerate(VISITS, start=1):
        window.activateWindow()
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus, timeout=3000)
        chord(edit, Qt.Key.Key_1, CTRL)  # the protocol's own stem, "Warm"
        type_text(edit, note)
        talk_box = screen.form.inputs["talk"].editor
        assert talk_box is not None
        talk_box.setFocus()
        type_text(talk_box, talk)
        seating_box = screen.form.inputs["seating"]
        _click(qtbot, seating_box.buttons[["Rows", "Groups", "Pairs"].index(seating)])
        # Outside a text field the tallies' own keys count and time.
        screen.visits_list.setFocus()
        qtbot.waitUntil(screen.visits_list.hasFocus, timeout=3000)
        for _ in range(3):
            qtbot.keyClick(screen.visits_list, Qt.Key.Key_Q)
        qtbot.keyClick(screen.visits_list, Qt.Key.Key_D)
        clocks.advance(seconds)
        qtbot.keyClick(screen.visits_list, Qt.Key.Key_D)
        assert screen.tallies.buttons["questions"].text().startswith("Student questions: 3 ")
        assert f"Student talk time · 0:{seconds}" in screen.tallies.buttons["talk"].text()
        qtbot.waitUntil(lambda: screen.editor.indicator.state() == "saved"
                        and screen.form is not None
                        and screen.form.indicator.state() == "saved", timeout=5000)
        if number == 1:
            screen.grab().save("/tmp/e2e-v2-observation.png")
            window.grab().save("/tmp/e2e-v2-observation-window.png")
            edit.setFocus()
            chord(edit, Qt.Key.Key_PageDown, CTRL)
            qtbot.waitUntil(lambda: screen.visits_list.currentRow() == 1, timeout=3000)
    qtbot.mouseClick(page.guide.next_button, Qt.MouseButton.LeftButton)  # Finish
    qtbot.waitUntil(lambda: not page.guide.is_acting(), timeout=5000)
    assert page.guide.runner.state().status is RunStatus.FINISHED
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)
    notes = services.notes.list_notes(walk_id)
    position = {v.id: v.position for v in walk.visits}
    assert sorted((position[n.visit_id or ""], n.stem_key, n.text) for n in notes) == [
        (1, "warm", VISITS[0][0]), (2, "warm", VISITS[1][0])]

    # 6. A walk kit for the observer, opened on their own laptop: their role is there.
    kit = tmp_path / "observer.walkkit"
    asker.picks.append(OBSERVER)
    asker.file_to_save.append(str(kit))
    window.kit_action.trigger()
    qtbot.waitUntil(kit.exists, timeout=10_000)
    laptop = open_laptop(tmp_path / "laptops", "observer")
    try:
        laptop.bundles.open_kit(kit)
        home = walker_home_for(laptop.services, walk_id, asker=ScriptedAsker(),
                               debounce_ms=60)
        qtbot.addWidget(home)
        home.resize(1366, 740)
        home.show()
        assert home.your_role.isVisible()
        assert home.your_role.heading.text() == "Your role: Student observer"
        assert home.your_role.detail.text() == f"The students you follow: {DETAIL_TEXT}"
        overview = home.overview.toPlainText()
        assert f"Post-brief on {fmt.long_date(POST_DAY)}" in overview
        assert "Sit near your students; write what they say." in overview
        home.grab().save("/tmp/e2e-v2-walker-laptop.png")
        home.tabs.setCurrentWidget(home.observation)
        QApplication.processEvents()
        home.grab().save("/tmp/e2e-v2-walker-notes.png")
        home.shutdown()
    finally:
        laptop.close()

    # 7. The post-brief (another day): the wall by question and its counts; the stages.
    workspace.show_page("post_brief")
    post = workspace.page("post_brief")
    assert isinstance(post, StepGuide)
    assert [s.step.key for s in post.runner.steps] == ["evidence", "patterns", "go-rounds"]

    def work_the_step(state: RunnerState) -> None:
        holder = post.current_panel()
        if state.step_key == "evidence":
            assert isinstance(holder, PostBriefWorkspace)
            wall = holder.panel("evidence_wall")
            assert isinstance(wall, EvidenceWall)
            qtbot.waitUntil(lambda: wall.refresh_count > 0 and not wall.is_loading(),
                            timeout=5000)
            _click(qtbot, wall.mode_buttons[GroupBy.QUESTION])
            qtbot.waitUntil(lambda: wall.group_by() is GroupBy.QUESTION
                            and not wall.is_loading(), timeout=5000)
            groups = {g.title: [c.text for c in g.cards] for g in wall.model._groups}
            assert groups == {
                "What were students talking about?": [VISITS[0][1], VISITS[1][1]],
                "How were students seated?": ["Rows: 0 · Groups: 1 · Pairs: 1"]}
            assert wall.tally_box.isVisible()
            assert wall.tally_box.lines.text().splitlines() == [
                "Student questions: 6 in all, kept by 1 person in 2 visits; per visit: "
                "least 3, median 3, most 3.",
                "Student talk time: 1:05 in all, kept by 1 person in 2 visits; per visit: "
                "least 0:25, median 0:32, most 0:40."]
            wall.grab().save("/tmp/e2e-v2-wall.png")
            window.grab().save("/tmp/e2e-v2-wall-window.png")
        if state.step_key == "patterns":
            assert isinstance(holder, PostBriefWorkspace)
            panel = holder.panel("patterns")
            assert isinstance(panel, PatternsPanel)
            assert {k: t.text() for k, t in panel.titles.items()} == {
                "describe": "1. Say what we saw", "raise-questions": "2. Raise questions"}
            for key, statement in STAGES.items():
                section = panel.sections[key]
                section.editor.setFocus()
                type_text(section.editor, statement)
                qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
                qtbot.waitUntil(lambda s=section: s.model.rowCount() == 1, timeout=5000)
            panel.grab().save("/tmp/e2e-v2-patterns.png")

    run_guide_to_the_end(qtbot, post, work_the_step)
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)

    # 8. The papers: the debrief's counts, questions and stages; the plan's steps only.
    def text_of(kind: ReportKind) -> str:
        pdf = render_report(services, ReportRequest(kind=kind, walk_id=walk_id,
                                                    paper=Paper.A4))
        return squash(pdf_text(pdf))

    debrief = text_of(ReportKind.DEBRIEF)
    for wanted in ("Counts across the walk", "Student questions: 6 in all",
                   "The visit's questions, across the walk",
                   "How were students seated?", VISITS[0][1],
                   "Say what we saw", "Raise questions", *STAGES.values()):
        assert squash(wanted) in debrief, wanted
    for kind in (ReportKind.DEBRIEF, ReportKind.AGENDA, ReportKind.SCRIPT):
        paper = debrief if kind is ReportKind.DEBRIEF else text_of(kind)
        for unwanted in LEFT_OUT:
            assert squash(unwanted) not in paper, (kind, unwanted)
    agenda = text_of(ReportKind.AGENDA)
    assert squash("Go-rounds") in agenda and squash("Hopes for the walk") in agenda
    assert squash(f"Post-brief · {fmt.long_date(POST_DAY)}") in agenda

    # 9. The database.
    walk = services.walks.get_walk(walk_id)
    assert walk.status is d.WalkStatus.CLOSED
    observer = next(p for p in walk.walkers if p.display_name == OBSERVER)
    assert (observer.protocol_role, observer.role_detail) == ("student-observer", DETAIL_TEXT)
    assert all(p.protocol_role is None for p in walk.walkers if p is not observer)
    answers = sorted((position[a.visit_id or ""], a.form_key, a.text)
                     for a in services.notes.list_answers(walk_id))
    assert answers == [(1, "seating", "Groups"), (1, "talk", VISITS[0][1]),
                       (2, "seating", "Pairs"), (2, "talk", VISITS[1][1])]
    tallies = sorted((position[t.visit_id or ""], t.tally_key, t.count, t.seconds)
                     for t in services.tallies.list_tallies(walk_id))
    assert tallies == [(1, "questions", 3, 0), (1, "talk", 0, 40),
                       (2, "questions", 3, 0), (2, "talk", 0, 25)]
    assert all(t.author_id == me.id for t in services.tallies.list_tallies(walk_id))
    patterns = sorted((p.stage_key, p.text) for p in services.debrief.list_patterns(walk_id))
    assert patterns == sorted([("", STAGES["describe"]),
                               ("raise-questions", STAGES["raise-questions"])])
    steps = services.runs.step_times(walk_id)
    assert {s.phase for s in steps} == {"pre_brief", "observation", "post_brief"}
    assert "practice" not in {s.step_key for s in steps}
    window.close()
