"""A whole walk through the real widgets of the main window: a new walk from the default
protocol, four walkers on the roster, the pre-brief stepped through, notes on three visits
typed from the keyboard, the post-brief run with commitments and action items — then the
database is checked."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.helpers.leftovers import active_timers
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import chord, type_text
from walkapp import domain as d
from walkapp.protocol.runner import RunStatus
from walkapp.services import Services
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.new_walk import NewWalkDialog
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.postbrief import PostBriefWorkspace
from walkapp.ui.screens.step_guide import StepGuide

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
WALKERS = ["Amaia Etxeberria", "Bruno Costa", "Chidi Okonkwo", "Dana Weiss"]


def run_guide_to_the_end(qtbot, guide: StepGuide, on_step=None) -> None:  # type: ignore[no-untyped-def]
    # Each press is a write on the window's writer: wait for the guide to show its result.
    qtbot.mouseClick(guide.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
    while True:
        state = guide.runner.state()
        if on_step is not None:
            on_step(state)
        finishing = state.is_last_step
        qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not guide.is_acting(), timeout=5000)
        QApplication.processEvents()
        if finishing:
            break
    assert guide.runner.state().status is RunStatus.FINISHED


def test_a_whole_walk_through_the_window(qtbot, services: Services, qsettings: QSettings,
                                         asker: ScriptedAsker) -> None:
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts need an active window

    # 1. New walk from the default protocol, with three visits.
    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewWalkDialog)
        assert dialog.protocol.currentData() == "learning-walk"
        qtbot.keyClicks(dialog.title, "Talk in maths")
        dialog.visits.setValue(3)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    asker.dialog_actions.append(fill)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    workspace = window.workspace
    assert workspace is not None
    walk_id = workspace.walk_id
    walk = services.walks.get_walk(walk_id)
    assert walk.protocol_id == "learning-walk" and len(walk.visits) == 3
    assert walk.norms and not any(n.agreed for n in walk.norms)

    # 2. Four walkers on the roster, from the keyboard.
    plan = workspace.page("plan")
    assert isinstance(plan, PlanPage)
    plan.tabs.setCurrentWidget(plan.roster)
    for name in WALKERS:
        plan.roster.new_name.setFocus()
        type_text(plan.roster.new_name, name)
        qtbot.keyClick(plan.roster.new_name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: plan.roster.new_name.text() == "", timeout=5000)
    assert [p.display_name for p in services.walks.get_walk(walk_id).walkers] == WALKERS

    # 3. The pre-brief: every step in turn; agree the norms on the way.
    workspace.show_page("pre_brief")
    pre = workspace.page("pre_brief")
    assert isinstance(pre, StepGuide)

    def agree_norms(state: object) -> None:
        if getattr(state, "step_key", "") == "norms":
            panel = pre.current_panel()
            items = panel.items.list  # type: ignore[union-attr]
            for row in range(items.count()):
                items.item(row).setCheckState(Qt.CheckState.Checked)

    run_guide_to_the_end(qtbot, pre, agree_norms)
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)
    walk = services.walks.get_walk(walk_id)
    assert all(n.agreed for n in walk.norms)
    assert walk.current_phase == "observation" and walk.status is d.WalkStatus.RUNNING

    # 4. Observation: one walker's notes on three visits, keyboard only.
    workspace.show_page("observation")
    page = workspace.page("observation")
    assert isinstance(page, ObservationPage)
    page.author.setCurrentIndex(page.author.findData(walk.walkers[0].id))
    page.author.activated.emit(page.author.currentIndex())
    screen = page.observation
    assert screen is not None
    edit = screen.editor.text_edit
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=3000)
    chord(edit, Qt.Key.Key_T, CTRL)  # the visit's countdown starts as the walkers go in
    assert screen.visit_timer.is_running()
    type_text(edit, "Pairs compared two methods for 48 ÷ 6")
    chord(edit, Qt.Key.Key_1, ALT)
    chord(edit, Qt.Key.Key_Return, CTRL)
    chord(edit, Qt.Key.Key_2, CTRL)
    type_text(edit, "Año señal café")
    chord(edit, Qt.Key.Key_PageDown, CTRL)
    chord(edit, Qt.Key.Key_3, CTRL)
    type_text(edit, "I will try a silent count to five")
    chord(edit, Qt.Key.Key_2, ALT)
    chord(edit, Qt.Key.Key_PageDown, CTRL)
    chord(edit, Qt.Key.Key_1, CTRL)
    type_text(edit, "Students asked each other why")
    qtbot.waitUntil(lambda: screen.editor.indicator.state() == "saved", timeout=5000)
    notes = services.notes.list_notes(walk_id)
    by_visit = {v.id: v.position for v in walk.visits}
    assert sorted((by_visit[n.visit_id or ""], n.stem.value, n.text) for n in notes) == [
        (1, "noticed", "Pairs compared two methods for 48 ÷ 6"),
        (1, "wonder", "Año señal café"),
        (2, "will_try", "I will try a silent count to five"),
        (3, "noticed", "Students asked each other why"),
    ]
    assert all(n.author_id == walk.walkers[0].id for n in notes)
    assert notes[0].look_for_ids == (walk.look_fors[0].id,)

    # 5. The post-brief: commitments and an action item on their steps.
    workspace.show_page("post_brief")
    post = workspace.page("post_brief")
    assert isinstance(post, StepGuide)

    def work_the_step(state: object) -> None:
        activity = getattr(getattr(state, "activity", None), "value", "")
        holder = post.current_panel()
        if not isinstance(holder, PostBriefWorkspace):
            return
        assert holder.current_panel() == activity
        if activity == "commitments":
            panel = holder.panel("commitments")
            qtbot.waitUntil(lambda: len(panel.rows) == len(walk.participants),  # type: ignore[attr-defined]
                            timeout=5000)
            for person in walk.walkers[:2]:
                row = panel.rows[person.id]  # type: ignore[attr-defined]
                row.editor.setFocus()
                row.editor.selectAll()  # replace the suggestion taken from their notes
                type_text(row.editor, f"I will try longer pauses ({person.display_name[0]})")
                row.flush()
        if activity == "action_items":
            panel = holder.panel("action_items")
            panel.new_text.setText("Share the sentence strips")  # type: ignore[attr-defined]
            panel.new_owner.setText("Bruno Costa")  # type: ignore[attr-defined]
            qtbot.mouseClick(panel.add_button,  # type: ignore[attr-defined]
                             Qt.MouseButton.LeftButton)

    run_guide_to_the_end(qtbot, post, work_the_step)
    qtbot.waitUntil(window.writer.is_idle, timeout=5000)
    commitments = services.debrief.list_commitments(walk_id)
    assert sorted(c.text for c in commitments) == ["I will try longer pauses (A)",
                                                   "I will try longer pauses (B)"]
    items = services.debrief.list_action_items(walk_id)
    assert [(i.text, i.owner_name) for i in items] == [("Share the sentence strips",
                                                        "Bruno Costa")]
    walk = services.walks.get_walk(walk_id)
    assert walk.status is d.WalkStatus.CLOSED
    steps = services.runs.step_times(walk_id)
    assert {s.phase for s in steps} >= {"pre_brief", "post_brief"}
    assert all(s.outcome == "done" for s in steps)
    closed = window.workspace
    assert closed is not None
    window.show_library()
    assert window.workspace is None
    # Closing the walk stopped every timer of its screens (the visit countdown, the
    # observation screen's catch-up…): none can fire later, after the database is closed.
    assert active_timers([closed]) == []
    window.close()
    assert active_timers([window]) == []
