"""Only notes in the record are printed (walkapp.note_states): set-aside notes never, flagged
notes only once the facilitator keeps them, a rewrite in the facilitator's words (the
walker's stay in the history, not on the page); the debrief says how many were held back,
a count without their text. The same through `walkapp report`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.reports.conftest import pdf_text, squash
from tests.core.reports.test_report_cli import run
from tests.core.test_note_states import JUDGEMENT, NAMED, PLAIN, REWORDED
from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp import nudge
from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.reports.build_thanks import build_thanks
from walkapp.reports.build_walk import build_debrief
from walkapp.services import NoteDraft, Services

ASIDE = "Students copied the date from the board"
KEPT = "The class was well managed"


def _walk(services: Services) -> tuple[d.Walk, dict[str, str]]:
    assert nudge.check(KEPT, "en") and not nudge.check(ASIDE, "en")
    walk = make_walk(services, walkers=2, visits=1)
    ids = {text: services.notes.save_note(NoteDraft(
        walk.id, walk.walkers[0].id, text, visit_id=walk.visits[0].id)).id
        for text in (PLAIN, ASIDE, KEPT, JUDGEMENT, NAMED)}
    services.reviews.set_aside(ids[ASIDE])
    services.reviews.keep(ids[KEPT])
    services.reviews.rewrite(ids[JUDGEMENT], REWORDED)
    return walk, ids  # NAMED: flagged, not decided


def _printed(data: object) -> list[str]:
    return [i.text for g in data.evidence for s in g.stems for i in s.items]  # type: ignore[attr-defined]


def test_the_debrief_prints_only_the_notes_in_the_record(services: Services,
                                                         tmp_path: Path) -> None:
    walk, _ids = _walk(services)
    request = ReportRequest(kind=ReportKind.DEBRIEF, walk_id=walk.id, paper=Paper.A4)
    data = build_debrief(services, request, None)
    assert sorted(_printed(data)) == sorted([PLAIN, KEPT, REWORDED])
    assert data.note_count == 3 and data.held_back_notes == 2
    text = squash(pdf_text(render_report(services, request)))
    for shown in (PLAIN, KEPT, REWORDED):
        assert squash(shown) in text
    for hidden in (ASIDE, JUDGEMENT, NAMED):
        assert squash(hidden) not in text
    assert squash("2 notes are not printed") in text


def test_a_walk_with_nothing_held_back_says_nothing_about_it(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, PLAIN,
                                       visit_id=walk.visits[0].id))
    request = ReportRequest(kind=ReportKind.DEBRIEF, walk_id=walk.id, paper=Paper.A4)
    assert build_debrief(services, request, None).held_back_notes == 0
    assert "not printed" not in pdf_text(render_report(services, request))


def test_the_thank_you_note_leaves_out_what_the_record_leaves_out(services: Services) -> None:
    walk, _ids = _walk(services)
    request = ReportRequest(kind=ReportKind.THANKS, walk_id=walk.id, visit=1,
                            paper=Paper.A4)
    noticed = build_thanks(services, request, lambda _text: False).noticed
    # With no judge of its own, only the record decides: set aside and flagged stay out.
    assert sorted(noticed) == sorted([PLAIN, KEPT, REWORDED])
    # The note to the host also leaves out a flagged note kept for the debrief.
    assert sorted(build_thanks(services, request, None).noticed) == sorted([PLAIN, REWORDED])


def test_walkapp_report_prints_only_the_record(services: Services, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    walk, _ids = _walk(services)
    target = tmp_path / "debrief.pdf"
    code, _out, err = run(capsys, "report", walk.title, "--kind", "debrief", "-o",
                          str(target))
    assert code == 0, err
    text = squash(pdf_text(target.read_bytes()))
    assert squash(REWORDED) in text and squash(KEPT) in text
    assert squash(ASIDE) not in text and squash(JUDGEMENT) not in text


def test_walkapp_show_marks_what_the_records_leave_out(services: Services,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    walk, _ids = _walk(services)
    code, out, err = run(capsys, "show", walk.title)
    assert code == 0, err
    lines = {line.strip().split(": ", 1)[1].split(" — ")[0]: line for line in
             out.splitlines() if ": " in line and " — " in line}
    assert lines[ASIDE].endswith("[set aside: not in the record]")
    assert lines[NAMED].endswith("[flagged: not in the record]")
    assert lines[KEPT].endswith("[flagged, kept in the record]")
    assert lines[PLAIN].endswith("Walker 1") and lines[REWORDED].endswith("Walker 1")


def test_walkapp_show_json_carries_the_decisions(services: Services,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import json

    walk, ids = _walk(services)
    code, out, err = run(capsys, "show", walk.title, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert {r["note_id"]: r["state"] for r in shown["reviews"]} == {
        ids[ASIDE]: "set_aside", ids[KEPT]: "kept"}
    assert shown["rewritten"] == [ids[JUDGEMENT]]


def test_walkapp_show_json_holds_back_what_the_records_hold_back(
        services: Services, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    walk, ids = _walk(services)
    code, out, err = run(capsys, "show", walk.title, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert {n["text"]: n["state"] for n in shown["notes"]} == {
        PLAIN: "in_record", KEPT: "kept", REWORDED: "rewritten"}
    assert shown["held_back"] == {"flagged": 1, "set_aside": 1}
    for hidden in (ASIDE, NAMED, JUDGEMENT):
        assert hidden not in out  # not in a note, nor anywhere else in the JSON

    code, out, err = run(capsys, "show", walk.title, "--json", "--include-flagged")
    assert code == 0, err
    shown = json.loads(out)
    states = {n["id"]: n["state"] for n in shown["notes"]}
    assert states[ids[NAMED]] == "flagged" and ids[ASIDE] not in states
    assert shown["held_back"] == {"flagged": 0, "set_aside": 1}
    assert ASIDE not in out


def test_walkapp_report_says_how_many_notes_are_held_back_on_stderr(
        services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walk, _ids = _walk(services)
    target = tmp_path / "debrief.pdf"
    code, out, err = run(capsys, "report", walk.title, "--kind", "debrief", "-o",
                         str(target))
    assert code == 0, err
    assert "2 notes are held back: review" in err and "--include-flagged" in err
    assert "held back" not in out  # stdout stays the one "Wrote …" line


def test_include_flagged_prints_flagged_notes_but_never_set_aside_ones(
        services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walk, _ids = _walk(services)
    target = tmp_path / "debrief.pdf"
    code, _out, err = run(capsys, "report", walk.title, "--kind", "debrief",
                          "--include-flagged", "-o", str(target))
    assert code == 0, err
    text = squash(pdf_text(target.read_bytes()))
    assert squash(NAMED) in text  # flagged, not decided: printed on request
    assert squash(ASIDE) not in text  # the facilitator's decision holds
    assert "1 note is held back: review" in err and "--include-flagged" not in err


def test_the_tracker_and_journal_print_no_note_text(services: Services) -> None:
    walk, _ids = _walk(services)
    for request in (ReportRequest(kind=ReportKind.ACTIONS, walk_id=walk.id),
                    ReportRequest(kind=ReportKind.JOURNAL, walk_id=walk.id,
                                  walker=walk.walkers[0].display_name)):
        text = squash(pdf_text(render_report(services, request)))
        assert not any(squash(t) in text for t in (ASIDE, NAMED, JUDGEMENT)), request.kind


def test_the_export_result_carries_the_held_back_line_for_the_dialog(
        services: Services, tmp_path: Path) -> None:
    from walkapp.reports.api import export_report

    walk, _ids = _walk(services)
    result = export_report(services, ReportRequest(kind=ReportKind.DEBRIEF, walk_id=walk.id),
                           tmp_path / "d.pdf")
    assert result.held_back.startswith("2 notes are held back: review")
    agenda = export_report(services, ReportRequest(kind=ReportKind.AGENDA, walk_id=walk.id),
                           tmp_path / "a.pdf")
    assert agenda.held_back == ""  # a paper of the day prints no notes
