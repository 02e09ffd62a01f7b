"""The reports across a walk series — the series trends and the walk-series report: group
figures only (a session of fewer than three ratings is never shown, so a walker's own rating
cannot be read off), no visit, teacher, room, grade, subject or walker named whatever the
walks allow, held-back notes neither printed nor counted, in the walk's language."""

from __future__ import annotations

import io
import zlib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import domain as d
from walkapp.demo import WALKERS, create_demo_walk
from walkapp.protocol.library import builtin_protocol
from walkapp.reports import ReportKind
from walkapp.reports.screenshots import DEMO_DATE, add_history
from walkapp.services import NoteDraft, Services
from walkapp.services.protocol_walks import create_walk_from_protocol

PLANTED = {"teacher": "Mx Quillfeather", "room": "Room Q-417", "grade": "Grade Zed-9",
           "subject": "Xylophonics"}
FLAGGED = "The lazy pupils in Room Q-417 zorbled"
ASIDE = "Set-aside yodelling note"


def _every_byte(pdf: bytes) -> str:
    """The PDF's text as extracted, and every stream decompressed: nothing hides in either."""
    parts = [pdf_text(pdf)]
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for content in page.get_contents() or ():  # type: ignore[union-attr]
            parts.append(content.get_data().decode("latin-1"))
    raw = pdf
    at = 0
    while (start := raw.find(b"stream", at)) != -1:
        end = raw.find(b"endstream", start)
        chunk = raw[start + 6:end].strip(b"\r\n")
        try:
            parts.append(zlib.decompress(chunk).decode("latin-1"))
        except zlib.error:
            parts.append(chunk.decode("latin-1"))
        at = end + 9
    return "\n".join(parts)


def _mirror_series(services: Services, language: str = "en") -> list[d.Walk]:
    mirror = builtin_protocol("plc-mirror", language)
    first = create_walk_from_protocol(services, mirror, "Mirror", date(2026, 9, 14))
    services.walks.update_walk(first.id, language=language)
    second = services.series.plan_again(first.id, walk_date=date(2026, 11, 16))
    third = services.series.plan_again(second.id, walk_date=date(2027, 1, 18))
    step = mirror.step("ratings")
    assert step is not None
    for walk, values in ((first, [4, 4, 5]), (second, [1]), (third, [3, 3, 4, 4])):
        for index, value in enumerate(values):
            member = services.plan.add_participant(walk.id, f"Ratername {walk.title} {index}")
            services.responses.save_answer(walk.id, step, step.prompts[0], value, member.id)
    return [first, second, third]


@pytest.mark.parametrize("kind", ["trends", "series"])
def test_a_single_rating_cannot_be_read_off(services: Services, render: Render,
                                            kind: str, tmp_path: Path) -> None:
    walks = _mirror_series(services)
    pdf = render(kind, walks[2].id)
    (tmp_path / f"{kind}.pdf").write_bytes(pdf)
    page = squash(pdf_text(pdf))
    assert squash("Too few answers to show (1 of at least 3)") in page
    assert squash("4.3 of 5") in page and squash("3.5 of 5") in page  # the other sessions
    # The lone "1" is in no mean, no count, no N/A: its session says only how many.
    assert squash("1.0 of 5") not in page and squash("1 of 5") not in page
    assert "Ratername" not in _every_byte(pdf)


def _private_series(services: Services) -> d.Walk:
    walk = create_demo_walk(services, walk_date=DEMO_DATE)
    add_history(services, walk.id)
    services.walks.update_walk(walk.id, show_teacher_names=True, include_visit_details=True,
                               attribute_commitments=True)
    visit = services.plan.add_visit(walk.id, room=PLANTED["room"], grade=PLANTED["grade"],
                                    subject=PLANTED["subject"],
                                    teacher_name=PLANTED["teacher"])
    walk = services.walks.get_walk(walk.id)
    look_for = walk.look_fors[0].id
    author = walk.walkers[0].id
    services.notes.save_note(NoteDraft(walk.id, author, FLAGGED, visit_id=visit.id,
                                       look_for_ids=(look_for,)))
    aside = services.notes.save_note(NoteDraft(walk.id, author, ASIDE, visit_id=visit.id,
                                               look_for_ids=(look_for,)))
    services.reviews.set_aside(aside.id)
    return walk


@pytest.mark.parametrize("kind", ["trends", "series"])
def test_the_series_reports_hold_back_what_the_settings_hold_back(
        services: Services, render: Render, kind: str) -> None:
    walk = _private_series(services)
    pdf = render(kind, walk.id)
    everything = _every_byte(pdf)
    for secret in (*PLANTED.values(), "zorbled", "yodelling", *WALKERS):
        assert secret not in everything, secret
    page = squash(pdf_text(pdf))
    held = services.reviews.statuses(walk.id)
    assert sum(1 for s in held.values() if not s.in_record) >= 2
    assert squash("notes held back from the records (flagged or set aside) are not "
                  "counted") in page
    if kind == "series":  # led by what the walkers learned and will try
        assert page.index(squash("What the walkers learned and will try")) < \
            page.index(squash("Look-for evidence"))
        assert squash("I will try counting to five after every question I ask.") in page


def test_the_flagged_and_set_aside_notes_are_not_counted(services: Services) -> None:
    from walkapp import note_states
    from walkapp.services.trends import series_trends

    walk = _private_series(services)
    first = series_trends(services, walk.id).look_fors[0]
    record = services.records.walk_record(walk.id)
    tagged = [n for n in record.notes if walk.look_fors[0].id in n.look_for_ids]
    printed = {n.id for n in note_states.for_print(record).notes}
    assert {n.text for n in tagged if n.id not in printed} >= {FLAGGED, ASIDE}
    assert first.counts[-1] == sum(1 for n in tagged if n.id in printed) < len(tagged)


@pytest.mark.parametrize("kind", [ReportKind.SERIES, ReportKind.TRENDS])
def test_the_series_reports_are_in_the_walks_language(services: Services, render: Render,
                                                      kind: ReportKind) -> None:
    walk = create_demo_walk(services, walk_date=DEMO_DATE, language="es")
    add_history(services, walk.id, "es")
    walks = _mirror_series(services, "es")
    for walk_id in (walk.id, walks[2].id):
        pdf = render(kind, walk_id)
        page = squash(pdf_text(pdf))
        assert squash("Seguimiento") in page
        assert "/Lang (es)" in pdf.decode("latin-1")
        for english in ("Follow-through", "Look-for evidence", "Walk 1", "walks ·",
                        "Too few answers"):
            assert squash(english) not in page, english
    assert squash("Muy pocas respuestas para mostrarlas") in squash(
        pdf_text(render(kind, walks[2].id)))


def test_each_walkers_own_commitments_are_in_their_journal_only(
        services: Services, render: Render) -> None:
    """The series reports give commitments tried as group totals; how each of a walker's
    own went is in that walker's growth journal, and nobody else's is."""
    walk = create_demo_walk(services, walk_date=DEMO_DATE)
    add_history(services, walk.id)
    record = services.records.walk_record(walk.id)
    carla = {p.id for p in record.walk.participants if p.display_name == "Carla Núñez"}
    others = [c.text for c in record.commitments if c.participant_id not in carla]
    journal = squash(pdf_text(render("journal", walk.id, walker="Carla Núñez")))
    assert squash("[Tried] I will try counting to five after every question I ask.") in journal
    assert others and not any(squash(text) in journal for text in others)
    series = squash(pdf_text(render("series", walk.id)))
    assert "CarlaNúñez" not in series and "[Tried]" not in series
