"""A big walk (6 walkers × 12 visits × 15 notes) renders completely; the builders' sums are
right. How long it takes is a figure of tests/bench/bench_reports.py, not of this test."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.core.reports.conftest import squash
from tests.helpers.records import big_record
from walkapp import domain as d
from walkapp.reports import debrief
from walkapp.reports.build_walk import debrief_data, feedback_summaries, phase_times
from walkapp.reports.paper import Paper


def test_a_big_walk_renders_every_note() -> None:
    record = big_record(walkers=6, visits=12, notes_per_walker_visit=15)
    assert len(record.notes) == 1080
    pdf = debrief.render(debrief_data(record), Paper.LETTER)
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    first = reader.pages[0].extract_text()
    last = "".join(page.extract_text() for page in reader.pages[-3:])
    assert pages > 30 and f"Page {pages} of {pages}" in last
    assert "1,080 notes" in first and "Visit 12" in last
    assert squash("Pre-brief 4 20 min 23 min +3 min") in squash(last)


def test_phase_times_sum_per_phase_in_running_order() -> None:
    record = big_record(walkers=1, visits=1, notes_per_walker_visit=1)
    times = phase_times(record.phase_log)
    assert [(t.phase, t.steps, t.planned_seconds) for t in times] == [
        ("Pre-brief", 4, 1200), ("Observation", 1, 300), ("Post-brief", 5, 1500)]
    assert times[0].actual_seconds == 330 + 340 + 350 + 360


def test_feedback_is_summarised_without_authors() -> None:
    record = big_record(walkers=6, visits=1, notes_per_walker_visit=1)
    [summary] = feedback_summaries(record.feedback)
    assert summary.responses == 6 and summary.ratings == (5, 5, 4, 4, 3, 3)
    assert summary.average == 4.0
    assert all(isinstance(a, str) for a in summary.answers)


def test_evidence_groups_by_look_for_then_stem_in_visit_order() -> None:
    record = big_record(walkers=2, visits=3, notes_per_walker_visit=4)
    data = debrief_data(record)
    assert [g.look_for for g in data.evidence][-1] is None  # untagged notes come last
    first = data.evidence[0]
    labels = [s.stem_label for s in first.stems]
    assert labels == [s.label for s in d.Stem if s.label in labels]
    for stem in first.stems:
        visits = [i.visit or 0 for i in stem.items]
        assert visits == sorted(visits)
