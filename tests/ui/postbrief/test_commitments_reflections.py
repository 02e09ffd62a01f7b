"""Walkers' reflections reach the commitments screen: a walker writes their reflections on
their own laptop (walker mode), hands back a notes file, and on the facilitator's laptop
the commitments screen shows them under the walker's row, with their "I will try…" line as
the proposed commitment — accepted in one click, and never doubled by importing the same
(or a newer) notes file again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from tests.ui.postbrief.conftest import type_text, wait_loaded
from walkapp import domain as d
from walkapp.bundles import crypto
from walkapp.protocol.library import DEFAULT_PROTOCOL_ID, builtin_protocol
from walkapp.protocol.schema import StemSpec
from walkapp.protocol.snapshot import to_snapshot
from walkapp.services import NewWalk, Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief.commitments import CommitmentsPanel
from walkapp.ui.screens.walker_home import walker_home_for
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


def test_the_walks_own_will_try_words_on_both_laptops(qtbot, tmp_path: Path) -> None:
    """A walk whose protocol says "I will try" in its own words: the walker's laptop asks
    the reflection in those words, and the facilitator's commitments screen knows them."""
    protocol = builtin_protocol(DEFAULT_PROTOCOL_ID)
    words = "Voy a probar…"
    spanish = replace(protocol, stems=tuple(
        StemSpec(s.stem, "Voy a probar", words) if s.stem is d.Stem.WILL_TRY else s
        for s in protocol.stems))
    snapshot, content_hash = to_snapshot(spanish)
    with laptops(tmp_path, "fac", "ana") as (fac, ana):
        made = fac.services.walks.create_walk(NewWalk(
            "Paseo", date(2026, 11, 2), language="es", protocol_id=spanish.id,
            protocol_version=spanish.version, protocol_hash=content_hash,
            protocol_snapshot=snapshot))
        me = fac.services.plan.add_participant(made.id, "Ana Ruiz")
        kit = fac.bundles.write_kit(made.id, tmp_path / "ana.walkkit", walker_id=me.id)
        ana.bundles.open_kit(kit)
        home = walker_home_for(ana.services, made.id, debounce_ms=20)
        qtbot.addWidget(home)
        editor = next(e for e in home.reflections.editors if e.prompt == words)
        type_text(editor.text_edit, "Esperar cinco segundos antes de repetir la pregunta.")
        assert home.save_pending()
        home.shutdown()
        fac.bundles.import_files([ana.bundles.write_notes(made.id, me.id,
                                                          tmp_path / "ana.walknotes")])
        panel = CommitmentsPanel(fac.services.debrief, fac.services.notes,
                                 fac.services.walks, made.id)
        qtbot.addWidget(panel)
        panel.show()
        wait_loaded(qtbot, panel)
        row = panel.rows[me.id]
        assert row.suggested and row.editor.toPlainText() == \
            "Esperar cinco segundos antes de repetir la pregunta."
        panel.shutdown()
