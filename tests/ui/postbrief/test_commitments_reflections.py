"""Walkers' reflections reach the commitments screen: a walker writes their reflections on
their own laptop (walker mode), hands back a notes file, and on the facilitator's laptop
the commitments screen shows them under the walker's row, with their "I will try…" line as
the proposed commitment — accepted in one click, and never doubled by importing the same
(or a newer) notes file again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from tests.ui.postbrief.conftest import type_text, wait_loaded
from walkapp.bundles import crypto
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief.commitments import CommitmentsPanel
from walkapp.ui.widgets.reflections import ReflectionsPanel, default_prompts, will_try_prompt


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _write_reflections(qtbot, services: Services, walk_id: str, walker_id: str,
                       answers: dict[str, str]) -> None:
    """Type the walker's answers into their own reflections screen, as in walker mode."""
    panel = ReflectionsPanel(services.notes, walk_id, walker_id, debounce_ms=20)
    qtbot.addWidget(panel)
    for editor in panel.editors:
        if editor.prompt in answers:
            editor.text_edit.selectAll()
            editor.text_edit.insertPlainText("")
            type_text(editor.text_edit, answers[editor.prompt])
    assert panel.flush()
    panel.shutdown()


def test_a_walkers_reflections_and_will_try_line_reach_the_commitments(
        qtbot, tmp_path: Path) -> None:
    practice, will_try = default_prompts()[0], will_try_prompt()
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = make_walk(fac.services, "Round trip", walkers=3, visits=2)
        me = walk.walkers[0]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "amy.walkkit", walker_id=me.id)
        amy.bundles.open_kit(kit)
        _write_reflections(qtbot, amy.services, walk.id, me.id, {
            practice: "I talk over the pauses in my own lessons.",
            will_try: "I will try counting to five before I rephrase."})
        # The walker's own lines go into their notes file (reflections written by them).
        notes_file = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        assert fac.bundles.import_files([notes_file]).new == 2

        bridge = ChangeBridge(fac.services.bus)
        panel = CommitmentsPanel(fac.services.debrief, fac.services.notes,
                                 fac.services.walks, walk.id)
        qtbot.addWidget(panel)
        bridge.changed.connect(panel.on_change)
        panel.resize(1366, 700)
        panel.show()
        wait_loaded(qtbot, panel)
        row = panel.rows[me.id]
        # Their "I will try…" line is their proposed commitment, not saved yet.
        assert row.editor.toPlainText() == "I will try counting to five before I rephrase."
        assert row.suggested and row.keep_button.isVisible()
        assert "reflection" in row.status.text()
        assert fac.services.debrief.list_commitments(walk.id) == []
        # Their reflections are shown under their row; nobody else's are.
        shown = row.words.text()
        assert "I talk over the pauses in my own lessons." in shown
        assert "counting to five" in shown and row.words.isVisible()
        assert [r.prompt for r in row.words.shown] == [practice, will_try]
        other = panel.rows[walk.walkers[1].id]
        assert not other.words.isVisible() and not other.suggested

        # One click accepts it.
        qtbot.mouseClick(row.keep_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: row.status.text() == "Saved.", timeout=5000)
        saved = fac.services.debrief.list_commitments(walk.id)
        assert [(c.participant_id, c.text) for c in saved] == [
            (me.id, "I will try counting to five before I rephrase.")]

        # The same file again: nothing new, nothing doubled.
        loads = panel.refresh_count
        assert fac.bundles.import_files([notes_file]).unchanged == 2
        # A newer file, with the line rewritten: still one commitment (the accepted one),
        # the newer line offered beside it.
        _write_reflections(qtbot, amy.services, walk.id, me.id, {
            will_try: "I will try counting to five, then asking a partner."})
        newer = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy2.walknotes")
        assert fac.bundles.import_files([newer]).updated == 1
        wait_loaded(qtbot, panel, loads)
        assert len(fac.services.notes.list_reflections(walk.id)) == 2
        assert [c.text for c in fac.services.debrief.list_commitments(walk.id)] == [
            "I will try counting to five before I rephrase."]
        assert row.editor.toPlainText() == "I will try counting to five before I rephrase."
        assert not row.suggested
        offered = [a.text() for a in row.from_notes.menu().actions()]
        assert offered == ["Reflection: I will try counting to five, then asking a partner."]
        assert "then asking a partner" in row.words.text()
        panel.shutdown()
        bridge.detach()
