"""Every file walkapp writes about a walk keeps what the walk's settings keep private, and
making or reading those files never touches the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.privacy import (
    TEACHER_NAMES,
    WALKER_NAMES,
    assert_private,
    find_leaks,
    forbidden_strings,
    make_private_walk,
)
from walkapp.bundles import BundleService
from walkapp.config import resolve_settings
from walkapp.reports import ReportKind
from walkapp.reports.api import ReportRequest, render_report
from walkapp.services import NoteDraft, Services, open_services

pytestmark = pytest.mark.usefixtures("no_network")


def test_every_report_honours_the_privacy_settings(services: Services) -> None:
    walk = make_private_walk(services)
    requests = [ReportRequest(ReportKind.DEBRIEF, walk.id),
                ReportRequest(ReportKind.AGENDA, walk.id),
                ReportRequest(ReportKind.NOTECATCHER, walk.id),
                ReportRequest(ReportKind.SCRIPT, walk.id),
                ReportRequest(ReportKind.THANKS, walk.id, visit=1),
                ReportRequest(ReportKind.ACTIONS, walk.id),
                ReportRequest(ReportKind.JOURNAL, walk.id, walker=WALKER_NAMES[0])]
    for request in requests:
        pdf = render_report(services, request)
        assert pdf.startswith(b"%PDF")
        assert_private(pdf, walk, day=not request.kind.spec.record)
    # Commitments are not attributed: the debrief and thank-you note name no walker.
    for kind, extra in ((ReportKind.DEBRIEF, {}), (ReportKind.THANKS, {"visit": 2})):
        pdf = render_report(services, ReportRequest(kind, walk.id, **extra))  # type: ignore[arg-type]
        assert_private(pdf, walk, extra=WALKER_NAMES)


def test_opted_in_details_do_appear(services: Services) -> None:
    walk = make_private_walk(services, show_teacher_names=True, include_visit_details=True)
    pdf = render_report(services, ReportRequest(ReportKind.DEBRIEF, walk.id))
    # With both settings on nothing is forbidden; the names are really there to find.
    assert forbidden_strings(walk) == [] and find_leaks(pdf, walk) == []
    probe = make_private_walk(services, "Probe")
    assert find_leaks(pdf, probe, extra=TEACHER_NAMES[:1]), "teacher name should be printed"


def test_kits_and_notes_files_honour_privacy_and_import_offline(services: Services,
                                                                tmp_path: Path) -> None:
    walk = make_private_walk(services)
    bundles = BundleService(services.db, services.bus)
    kit = bundles.write_kit(walk.id, tmp_path / "kit.walkkit", walk.walkers[0].id)
    assert_private(kit.read_bytes(), walk, day=True)  # a kit carries the route
    laptop = open_services(resolve_settings(tmp_path / "walker"))
    try:
        laptop_bundles = BundleService(laptop.db, laptop.bus)
        opened = laptop_bundles.open_kit(kit)
        mine = laptop.walks.get_walk(walk.id)
        # The walker's copy has the route (rooms) but never a teacher's name.
        assert all(v.teacher_name is None and v.room for v in mine.visits)
        laptop.notes.save_note(NoteDraft(walk_id=walk.id, author_id=opened.walker_id,
                                         visit_id=mine.visits[0].id, text="A new note"))
        notes = laptop_bundles.write_notes(walk.id, opened.walker_id,
                                           tmp_path / "back.walknotes")
    finally:
        laptop.close()
    assert_private(notes.read_bytes(), walk)
    report = bundles.import_files([notes])
    assert report.files[0].accepted
    assert any(n.text == "A new note" for n in services.notes.list_notes(walk.id))
