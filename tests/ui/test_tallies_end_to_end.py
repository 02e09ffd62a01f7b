"""Tallies from a version 2 protocol file to the debrief: the walk kit carries them to a
walker's laptop, the walker counts and times from the keyboard on the observation screen,
the notes file brings the counts to the facilitator, and the evidence wall and the debrief
show them school-level only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.core.reports.conftest import pdf_text, squash
from tests.helpers.laptops import laptops
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock
from walkapp.bundles import crypto
from walkapp.paths import data_dir
from walkapp.protocol import load_text
from walkapp.protocol.upgrade import upgrade_text
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol, walk_protocol
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall

TALLIES = '''
[[tallies]]
key = "questions"
label = "Questions from students"
description = "A student asks a question, of anyone."
shortcut = "q"

[[tallies]]
key = "talk"
label = "Student talk"
kind = "duration"
shortcut = "t"

'''


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def _protocol_text() -> str:
    text = upgrade_text((data_dir("protocols") / "learning-walk.toml")
                        .read_text(encoding="utf-8"))
    first_table = text.index("\n[[roles]]")
    return text[:first_table] + "\n" + TALLIES + text[first_table + 1:]


def _summary_lines(qtbot, services: Services, walk_id: str) -> list[str]:
    specs = walk_protocol(services, walk_id).tallies
    wall = EvidenceWall(services.notes, services.walks, walk_id,
                        tallies=lambda: services.tallies.summary(walk_id, specs))
    qtbot.addWidget(wall)
    wall.show()
    qtbot.waitUntil(lambda: wall.refresh_count > 0 and not wall.is_loading(), timeout=5000)
    lines = wall.tally_box.lines.text().splitlines()
    wall.shutdown()
    return lines


def test_counts_from_the_protocol_file_to_the_debrief(qtbot, tmp_path: Path,
                                                      asker: ScriptedAsker) -> None:
    protocol = load_text(_protocol_text(), "counting-walk.toml")
    assert [t.key for t in protocol.tallies] == ["questions", "talk"]
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = create_walk_from_protocol(fac.services, protocol, "Counting walk",
                                         "2026-11-02", visits=2)
        for name in ("Fran", "Amira"):
            fac.services.plan.add_participant(walk.id, name)
        walk = fac.services.walks.get_walk(walk.id)
        me = walk.walkers[-1].id
        kit = fac.bundles.write_kit(walk.id, tmp_path / "amira.walkkit", walker_id=me)
        amy.bundles.open_kit(kit)
        # The walker's laptop knows the tallies from the kit alone.
        assert [t.key for t in walk_protocol(amy.services, walk.id).tallies] == [
            "questions", "talk"]
        clock = FakeClock()
        screen = ObservationScreen(amy.services, walk.id, me, clock=clock, asker=asker,
                                   debounce_ms=60)
        qtbot.addWidget(screen)
        screen.resize(1366, 740)
        screen.show()
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
        qtbot.waitUntil(lambda: not screen.tallies.loading, timeout=2000)
        assert screen.tallies.isVisible()
        screen.visits_list.setFocus()
        qtbot.waitUntil(screen.visits_list.hasFocus, timeout=2000)
        for key in (Qt.Key.Key_Q, Qt.Key.Key_Q, Qt.Key.Key_Q, Qt.Key.Key_T):
            qtbot.keyClick(screen.visits_list, key)
        clock.now += 20
        qtbot.keyClick(screen.visits_list, Qt.Key.Key_T)
        screen.next_visit()
        screen.visits_list.setFocus()
        qtbot.waitUntil(screen.visits_list.hasFocus, timeout=2000)
        qtbot.keyClick(screen.visits_list, Qt.Key.Key_Q)
        qtbot.waitUntil(screen.saver.is_idle, timeout=3000)
        screen.grab().save("/tmp/tallies-walker.png")
        screen.shutdown()

        notes = amy.bundles.write_notes(walk.id, me, tmp_path / "amira.walknotes")
        report = fac.bundles.import_files([notes])
        assert report.clean and report.files[0].counts["tallies"].new == 3
        assert _summary_lines(qtbot, fac.services, walk.id) == [
            "Questions from students: 4 in all, kept by 1 person in 2 visits; per visit: "
            "least 1, median 2, most 3.",
            "Student talk: 0:20 in all, kept by 1 person in 1 visit."]
        pdf = render_report(fac.services, ReportRequest(kind=ReportKind.DEBRIEF,
                                                        walk_id=walk.id, paper=Paper.A4))
        text = squash(pdf_text(pdf))
        assert squash("Counts across the walk") in text
        assert squash("Questions from students: 4 in all") in text
