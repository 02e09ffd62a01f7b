"""The debrief says when a note's words are not the walker's: a note the facilitator
changed is marked "(edited by the facilitator)", so a coach reading it knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.reports.conftest import pdf_text, squash
from tests.core.test_note_history import _edit, _setup
from tests.helpers.laptops import laptops
from walkapp.bundles import crypto
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.reports.build_walk import debrief_data
from walkapp.services import NoteDraft


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def test_the_debrief_marks_a_note_the_facilitator_edited(tmp_path: Path) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk_id, me, note_id = _setup(tmp_path, fac, amy)
        _edit(fac, walk_id, me, note_id, "Reworded by the facilitator")
        visit = fac.services.notes.get_note(note_id).visit_id
        # A note the nudge leaves alone (a flagged one is held back from the debrief).
        fac.services.notes.save_note(NoteDraft(walk_id, None, "A note the facilitator wrote",
                                               visit_id=visit))
        services = fac.services
        data = debrief_data(services.records.walk_record(walk_id),
                            services.conflicts.list_conflicts(walk_id),
                            edited=services.history.rows_with_history(walk_id))
        items = {i.text: i for g in data.evidence for s in g.stems for i in s.items}
        assert items["Reworded by the facilitator"].edited
        assert not items["A note the facilitator wrote"].edited
        pdf = render_report(services, ReportRequest(kind=ReportKind.DEBRIEF,
                                                    walk_id=walk_id, paper=Paper.A4))
    (tmp_path / "debrief.pdf").write_bytes(pdf)
    text = squash(pdf_text(pdf))
    assert squash("Reworded by the facilitator (edited by the facilitator)") in text
    assert text.count(squash("(edited by the facilitator)")) == 1
    assert "What Amy saw" not in pdf_text(pdf)  # the earlier text stays in the history
