"""The walk's privacy settings reach every report: teacher names only when opted in, visit
details only when included, commitments named only when attributed."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import domain as d
from walkapp.reports import REPORTS, Need, ReportKind
from walkapp.reports.build_walk import commitment_lines, debrief_data
from walkapp.services import NewWalk, NoteDraft, Services

TEACHERS = ["Ms Teacherlady", "Mr Profesorson"]
ROOMS = ["Room Zeta", "Room Omega"]
WALKERS = ["Quinn Walkerly", "Avery Stepwise", "Blake Roamer"]


@pytest.fixture
def private_walk(services: Services) -> d.Walk:
    walk = services.walks.create_walk(NewWalk(title="Privacy walk", walk_date=date(2026, 5, 6),
                                              focus="What students say."))
    # A fresh walk: every privacy setting as it comes (visit details off for records).
    plan = services.plan
    walkers = [plan.add_participant(walk.id, name) for name in WALKERS]
    visits = [plan.add_visit(walk.id, room=room, grade="Year 5", subject="Geography",
                             teacher_name=teacher) for room, teacher in zip(ROOMS, TEACHERS,
                                                                             strict=True)]
    for index, visit in enumerate(visits):
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walkers[index].id,
                                           text=f"Students compared maps in pairs {index}.",
                                           visit_id=visit.id))
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walkers[index].id,
                                           text=f"I wonder about the map key {index}.",
                                           stem=d.Stem.WONDER, visit_id=visit.id))
    for walker, text in zip(walkers, ("I will try zebra things.", "I will try apple things.",
                                      "I will try mango things."), strict=True):
        services.debrief.save_commitment(walk.id, walker.id, text)
    services.debrief.add_action_item(walk.id, "Share maps", "The office")
    return services.walks.get_walk(walk.id)


# Every kind about one walk, from the registry: a new kind is checked here too.
WALK_KINDS = [spec.kind for spec in REPORTS if Need.WALK in spec.needs]
RECORD_KINDS = [kind for kind in WALK_KINDS if kind.spec.record]
PAPER_KINDS = [kind for kind in WALK_KINDS if not kind.spec.record]
# Reports across a walk's series: school level, they name no visit whatever the settings.
SERIES_KINDS = {ReportKind.SERIES, ReportKind.TRENDS}


def _all_text(render: Render, walk: d.Walk) -> dict[ReportKind, str]:
    return {kind: pdf_text(render(kind, walk.id, visit=1)) for kind in WALK_KINDS}


def test_no_teacher_names_details_or_walker_names_by_default(
        private_walk: d.Walk, render: Render) -> None:
    texts = _all_text(render, private_walk)
    for kind, out in texts.items():
        for secret in (*TEACHERS, *(() if kind in PAPER_KINDS else (*ROOMS, "Geography"))):
            assert secret not in out, (kind, secret)
        assert ("Visit 1" in out) is (kind not in SERIES_KINDS), kind
        if kind is not ReportKind.NOTECATCHER:  # (the note-catcher has no walker names)
            assert not any(name in out for name in WALKERS), kind
    thanks = pdf_text(render("thanks", private_walk.id, visit=2))
    assert "Dear colleague," in thanks and "The learning-walk group" in thanks


def test_teacher_names_appear_only_when_opted_in(services: Services, private_walk: d.Walk,
                                                 render: Render) -> None:
    services.walks.update_walk(private_walk.id, show_teacher_names=True)
    texts = _all_text(render, private_walk)
    assert TEACHERS[0] in texts[ReportKind.DEBRIEF] and TEACHERS[1] in texts[ReportKind.DEBRIEF]
    assert f"Dear {TEACHERS[0]}," in texts[ReportKind.THANKS]
    assert TEACHERS[1] not in texts[ReportKind.THANKS]  # only the host of this visit
    # Names alone: room, grade and subject still need include_visit_details in records.
    assert not any(room in texts[kind] for kind in RECORD_KINDS for room in ROOMS)


def test_visit_details_appear_only_when_included(services: Services, private_walk: d.Walk,
                                                 render: Render) -> None:
    services.walks.update_walk(private_walk.id, include_visit_details=True)
    for kind, out in _all_text(render, private_walk).items():  # records and papers alike
        shown = kind not in SERIES_KINDS  # never in a report across the series
        assert (squash("Room Zeta · Year 5 · Geography") in squash(out)) is shown, kind
        assert shown or not any(s in out for s in (*ROOMS, "Year 5", "Geography")), kind
        assert not any(t in out for t in TEACHERS), kind


def test_commitments_are_anonymous_and_unordered_unless_attributed(
        services: Services, private_walk: d.Walk, render: Render) -> None:
    out = pdf_text(render("debrief", private_walk.id))
    assert not any(name in out for name in WALKERS)
    # Alphabetical, not roster order: the order does not give away who wrote what.
    assert out.index("apple") < out.index("mango") < out.index("zebra")
    services.walks.update_walk(private_walk.id, attribute_commitments=True)
    named = pdf_text(render("debrief", private_walk.id))
    assert "Quinn Walkerly — I will try zebra things." in named
    assert named.index("zebra") < named.index("apple")  # roster order once names show
    # Attribution is about commitments: the thank-you note is still signed by the group.
    thanks = pdf_text(render("thanks", private_walk.id, visit=1))
    assert not any(name in squash(thanks) for name in map(squash, WALKERS))
    assert "The learning-walk group" in thanks


def test_builders_drop_private_fields_before_rendering(services: Services,
                                                      private_walk: d.Walk) -> None:
    record = services.records.walk_record(private_walk.id)
    data = debrief_data(record)
    assert data.visits == ()  # nothing to list beyond "Visit n"
    assert all(line.walker is None for line in commitment_lines(record))
    blob = repr(data)
    assert not any(secret in blob for secret in (*TEACHERS, *ROOMS, *WALKERS))


def test_the_registry_splits_records_from_papers_of_the_day() -> None:
    assert set(RECORD_KINDS) == {ReportKind.DEBRIEF, ReportKind.THANKS, *SERIES_KINDS}
    assert set(PAPER_KINDS) == {ReportKind.AGENDA, ReportKind.NOTECATCHER, ReportKind.SCRIPT}
    spanning = {spec.kind for spec in REPORTS if spec.kind not in WALK_KINDS}
    assert all(kind.spec.record for kind in spanning)  # the tracker and the journal


def test_a_fresh_walk_keeps_visit_details_out_of_records_and_on_papers(
        services: Services, private_walk: d.Walk, render: Render) -> None:
    assert not private_walk.include_visit_details and not private_walk.show_teacher_names
    texts = _all_text(render, private_walk)
    texts[ReportKind.ACTIONS] = pdf_text(render("actions", private_walk.id))
    texts[ReportKind.JOURNAL] = pdf_text(render("journal", private_walk.id,
                                                walker=WALKERS[0]))
    for kind, out in texts.items():
        assert not any(t in out for t in TEACHERS), kind
        if kind.spec.record:
            assert not any(s in out for s in (*ROOMS, "Year 5", "Geography")), kind
        else:  # walkers need the route on the day
            assert squash("Room Zeta · Year 5 · Geography") in squash(out), kind
