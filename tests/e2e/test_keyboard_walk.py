"""A whole walk by keyboard alone, in the real main window at 1366×768, and what reaches the
debrief.

Every input is a key event sent to the widget that has the focus (`Keys`): the window is
found, filled and driven as a facilitator with no mouse would — shortcuts, Tab, arrows,
Enter, mnemonics. The test only *looks* at widgets (to know where the focus is, and to wait
for a write or a load); it never clicks, never sets a value and never calls a slot.

The walk: planned (title and visits in the New walk dialog, four walkers on the roster, a
room on the route, a look-for added), the pre-brief stepped through, notes on three visits
(two of them flagged by the nudge), then the post-brief: at the evidence wall one flagged
card is rewritten, one note is set aside and one flagged card is kept. The debrief's data
and its PDF are then checked: the rewrite in (the walker's original out), the set-aside
note out, the kept note in, and the count of notes held back.

Other parts of the window (route Tab order, step lists, the post-brief's navigation) are
being changed in parallel; this test is written against the window as it is, and only the
key presses that reach a part may need to change when that part does.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import type_text
from walkapp import domain as d
from walkapp import nudge
from walkapp.events import Entity
from walkapp.note_states import NoteState
from walkapp.protocol.runner import RunnerState, RunStatus
from walkapp.protocol.schema import Activity
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.reports.build_walk import build_debrief
from walkapp.services import Services
from walkapp.ui.main_window import MainWindow
from walkapp.ui.models.evidence import EvidenceModel
from walkapp.ui.screens.new_walk import NewWalkDialog
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.step_guide import StepGuide

NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
WALKERS = ["Amaia Etxeberria", "Bruno Costa", "Chidi Okonkwo", "Dana Weiss"]
# The notes typed on the visits: (visit, text). Which are flagged is the nudge's call.
NOTES = [
    (1, "Pairs compared two methods for 48 ÷ 6"),
    (1, "The teacher was excellent at questioning"),   # rewritten at the wall
    (2, "Students copied the date from the board"),     # set aside at the wall
    (2, "The lesson was boring"),                        # kept at the wall
    (3, "Students asked each other why"),
]
REWRITE = "The teacher asked nine open questions in ten minutes"


def _describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.accessibleName() or widget.objectName()
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}({name or text!r})"


class Keys:
    """Key events to whatever has the focus, and ways to wait for what they do."""

    def __init__(self, qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.window = window

    def focused(self) -> QWidget:
        if QApplication.activeWindow() is None:
            # A popup (a completer's list, a tooltip) came and went: with no window
            # manager (offscreen), nothing is active again until a window asks.
            self.back_to(self.window)
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focused(), key, modifier)

    def type(self, text: str) -> None:
        for ch in text:  # each to the focus of the moment (a key may open an editor)
            type_text(self.focused(), ch)

    def tab_to(self, wanted: Callable[[QWidget], bool] | QWidget, *, back: bool = False,
               limit: int = 60) -> QWidget:
        """Tab (or Shift+Tab) until the focus is on `wanted` (a widget, or a test of one)."""
        test = wanted if callable(wanted) and not isinstance(wanted, QWidget) \
            else (lambda w: w is wanted)
        seen = []
        for _ in range(limit):
            widget = self.focused()
            if test(widget):
                return widget
            seen.append(_describe(widget))
            self.press(Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab,
                       SHIFT if back else NONE)
        raise AssertionError("not reached by Tab; the focus went: " + " → ".join(seen))

    def wait(self, condition: Callable[[], object], timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)

    def back_to(self, window: QWidget) -> None:
        """A dialog closed: the window it belonged to is active again (what the window
        manager does; the offscreen platform has none)."""
        window.activateWindow()
        self.wait(window.isActiveWindow, 3000)
        self.wait(lambda: QApplication.focusWidget() is not None, 3000)


def run_by_keyboard(keys: Keys, guide: StepGuide,
                    on_step: Callable[[RunnerState], None] | None = None) -> None:
    """Every step of the guide's phase, by its mnemonics (each press is a write on the
    window's writer: wait for the guide to show its result)."""
    keys.press(Qt.Key.Key_S, ALT)  # a mnemonic presses its button a moment later
    keys.wait(lambda: guide.runner.state().status is RunStatus.RUNNING
              and not guide.is_acting())
    while True:
        state = guide.runner.state()
        if on_step is not None:
            on_step(state)
        last = state.is_last_step
        if last:
            # "&Finish" shares Alt+F with the File menu, which wins: Tab to it, Space.
            keys.tab_to(guide.next_button)
            keys.press(Qt.Key.Key_Space)
        else:
            keys.press(Qt.Key.Key_N, ALT)
        keys.wait(lambda position=state.position: not guide.is_acting() and (
            guide.runner.state().position != position
            or guide.runner.state().status is RunStatus.FINISHED))
        if last:
            break
    assert guide.runner.state().status is RunStatus.FINISHED


def test_a_whole_walk_by_keyboard_alone(qtbot, services: Services, qsettings: QSettings,
                                        asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    keys = Keys(qtbot, window)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    keys.wait(window.isActiveWindow, 3000)

    # 1. Ctrl+N: the New walk dialog, filled from the keyboard.
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewWalkDialog)
        dialog.show()
        dialog.activateWindow()
        keys.wait(dialog.isActiveWindow, 3000)
        keys.tab_to(dialog.title)
        keys.type("Talk in maths")
        keys.tab_to(dialog.visits)
        keys.press(Qt.Key.Key_A, CTRL)
        keys.type("3")
        keys.press(Qt.Key.Key_Return)
        return dialog.result() == QDialog.DialogCode.Accepted

    asker.dialog_actions.append(fill)
    keys.press(Qt.Key.Key_N, CTRL)
    keys.wait(lambda: window.workspace is not None)
    workspace = window.workspace
    assert workspace is not None
    walk_id = workspace.walk_id
    walk = services.walks.get_walk(walk_id)
    assert walk.title == "Talk in maths" and len(walk.visits) == 3

    keys.back_to(window)

    # 2. The plan (Ctrl+Shift+1): its tabs by the arrow keys, a look-for added, four
    # walkers on the roster, a room on the route.
    keys.press(Qt.Key.Key_1, CTRL | SHIFT)
    plan = workspace.page("plan")
    assert isinstance(plan, PlanPage)
    bar = plan.tabs.tabBar()

    def open_tab(title: str) -> None:
        # Ctrl+Tab: the next tab from inside the tabs (a table that keeps Tab in its cells
        # lets it through); where a control keeps it, Tab to the tab bar and press Right.
        while plan.tabs.tabText(plan.tabs.currentIndex()) != title:
            before = plan.tabs.currentIndex()
            keys.press(Qt.Key.Key_Tab, CTRL)
            if plan.tabs.currentIndex() == before:
                keys.tab_to(bar)
                keys.press(Qt.Key.Key_Right)
            assert plan.tabs.currentIndex() != before, f"no tab {title!r}"

    open_tab("Look-fors")
    look_fors = plan.look_fors
    keys.tab_to(lambda w: w.accessibleName() == "New look-fors")
    keys.type("Wait time after questions")
    keys.press(Qt.Key.Key_Return)
    keys.wait(lambda: "Wait time after questions" in [
        lf.text for lf in services.walks.get_walk(walk_id).look_fors])
    assert look_fors is plan.look_fors

    open_tab("Roster and groups")
    new_name = plan.roster.new_name
    for name in WALKERS:
        keys.tab_to(new_name)
        keys.type(name)
        keys.press(Qt.Key.Key_Return)
        keys.wait(lambda: new_name.text() == "")
    keys.wait(lambda: [p.display_name for p in services.walks.get_walk(walk_id).walkers]
              == WALKERS)

    open_tab("Route")
    table = plan.route.table
    keys.tab_to(table)
    keys.press(Qt.Key.Key_Home, CTRL)   # Visit 1's row
    keys.press(Qt.Key.Key_Right)        # its Room
    keys.type("B12")                    # typing starts the cell's editor
    keys.press(Qt.Key.Key_Return)
    keys.wait(lambda: services.walks.get_walk(walk_id).visits[0].room == "B12")
    walk = services.walks.get_walk(walk_id)

    # 3. The pre-brief (Ctrl+Shift+2): Alt+S starts, Alt+N moves on, Alt+F finishes.
    keys.press(Qt.Key.Key_2, CTRL | SHIFT)
    pre = workspace.page("pre_brief")
    assert isinstance(pre, StepGuide)
    run_by_keyboard(keys, pre)
    keys.wait(window.writer.is_idle)
    walk = services.walks.get_walk(walk_id)
    assert walk.current_phase == "observation" and walk.status is d.WalkStatus.RUNNING

    # 4. Observation (Ctrl+Shift+3): its steps by keyboard; at the visits step, the first
    # walker's notes on three visits: Ctrl+Enter a new note, Ctrl+PageDown the next visit.
    keys.press(Qt.Key.Key_3, CTRL | SHIFT)
    page = workspace.page("observation")
    assert isinstance(page, ObservationPage)
    first = walk.walkers[0]

    def take_notes(state: RunnerState) -> None:
        if state.activity is not Activity.VISITS:
            return
        assert page.author is not None
        keys.tab_to(page.author)
        while page.author.currentData() != first.id:
            keys.press(Qt.Key.Key_Down)
        keys.wait(lambda: page.observation is not None
                  and page.screen_author == first.id)
        screen = page.observation
        assert screen is not None
        keys.tab_to(screen.editor.text_edit)
        visit = 1
        for number, text in NOTES:
            while visit < number:
                keys.press(Qt.Key.Key_PageDown, CTRL)
                visit += 1
            keys.type(text)
            keys.press(Qt.Key.Key_Return, CTRL)
        keys.wait(lambda: len(services.notes.list_notes(walk_id)) == len(NOTES))

    run_by_keyboard(keys, page.guide, take_notes)
    keys.wait(window.writer.is_idle)
    by_visit = {v.id: v.position for v in walk.visits}
    notes = services.notes.list_notes(walk_id)
    assert sorted((by_visit[n.visit_id or ""], n.text) for n in notes) == sorted(NOTES)
    assert {n.author_id for n in notes} == {first.id}

    # 5. The post-brief (Ctrl+Shift+4). At the evidence wall: Down to a card, Enter opens
    # it; Alt+R rewrites (Ctrl+Enter saves), Alt+A sets aside, Alt+K keeps.
    texts = {n.text: n.id for n in notes}
    flagged = {text for _, text in NOTES if nudge.check(text, walk.language)}
    judged, aside, kept = NOTES[1][1], NOTES[2][1], NOTES[3][1]
    assert judged in flagged and kept in flagged and aside not in flagged
    keys.press(Qt.Key.Key_4, CTRL | SHIFT)
    post = workspace.page("post_brief")
    assert isinstance(post, StepGuide)
    decided: list[str] = []

    def decide(wall: EvidenceWall, text: str, mnemonic: Qt.Key, rewrite: str = "") -> None:
        note_id = texts[text]
        keys.tab_to(wall.tree)
        keys.press(Qt.Key.Key_Home, CTRL)
        while wall.tree.currentIndex().data(EvidenceModel.IdRole) != note_id:
            before = wall.tree.currentIndex().row()
            keys.press(Qt.Key.Key_Down)
            assert wall.tree.currentIndex().row() != before, f"no card {text!r}"
        keys.press(Qt.Key.Key_Return)
        keys.wait(lambda: wall.card_dialog is not None and wall.card_dialog.isActiveWindow())
        dialog = wall.card_dialog
        assert dialog is not None and dialog.note.note_id == note_id
        count = wall.refresh_count
        keys.press(mnemonic, ALT)
        if rewrite:
            keys.wait(lambda: not dialog.text.isReadOnly())
            keys.type(rewrite)  # over the selected words
            keys.press(Qt.Key.Key_Return, CTRL)
        keys.wait(lambda: not dialog.isVisible())
        keys.wait(window.writer.is_idle)
        keys.back_to(window)
        keys.wait(lambda: wall.refresh_count > count and not wall.is_loading())
        decided.append(text)

    def work_the_step(state: RunnerState) -> None:
        holder = post.current_panel()
        if state.activity is not Activity.EVIDENCE_WALL or not isinstance(
                holder, PostBriefWorkspace):
            return
        wall = holder.panel("evidence_wall")
        assert isinstance(wall, EvidenceWall)
        keys.wait(lambda: wall.refresh_count > 0 and not wall.is_loading())
        assert wall.held_back.text().startswith("2 flagged notes are not going")
        decide(wall, judged, Qt.Key.Key_R, REWRITE)
        decide(wall, aside, Qt.Key.Key_A)
        decide(wall, kept, Qt.Key.Key_K)
        assert wall.states()[texts[judged]] is NoteState.REWRITTEN
        assert wall.states()[texts[aside]] is NoteState.SET_ASIDE
        assert wall.states()[texts[kept]] is NoteState.KEPT

    run_by_keyboard(keys, post, work_the_step)
    keys.wait(window.writer.is_idle)
    assert decided == [judged, aside, kept]
    assert services.walks.get_walk(walk_id).status is d.WalkStatus.CLOSED

    # 6. What reaches the debrief: its data, and the words on the PDF's pages.
    request = ReportRequest(kind=ReportKind.DEBRIEF, walk_id=walk_id, paper=Paper.A4)
    data = build_debrief(services, request, None)
    printed = [i.text for g in data.evidence for s in g.stems for i in s.items]
    assert sorted(printed) == sorted([NOTES[0][1], REWRITE, kept, NOTES[4][1]])
    assert data.held_back_notes == 1
    pdf = render_report(services, request)
    pages = "".join("".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(pdf)).pages)

    def on_page(text: str) -> bool:
        return "".join(text.split()) in pages

    assert on_page(REWRITE) and on_page(kept) and on_page(NOTES[0][1])
    assert not on_page(judged)     # the walker's original: in the note's history only
    history = services.history.history(walk_id, Entity.NOTE, texts[judged])
    assert [(e.text, e.author_id) for e in history] == [(judged, first.id), (REWRITE, None)]
    assert not on_page(aside)
    assert on_page("1 note is not printed")
    window.close()
