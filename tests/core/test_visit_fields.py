"""Private visit fields are declared once (walkapp.visit_fields); privacy, kits, reports,
the CLI and the privacy test helper all follow that declaration.

Changing the declaration — here a field made as private as a teacher's name — changes what
every output leaves out and what the privacy helper looks for, with no other edit. (A new
field declared there is covered the same way: `make_private_walk` fills every declared
field and `forbidden_strings` bans every private one.)"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.helpers.privacy import (
    ROOMS,
    SUBJECTS,
    assert_private,
    find_leaks,
    forbidden_strings,
    make_private_walk,
)
from walkapp import domain as d
from walkapp import visit_fields as vf
from walkapp.bundles import BundleService
from walkapp.cli import main
from walkapp.config import resolve_settings
from walkapp.reports import REPORTS, Need, ReportRequest, render_report
from walkapp.services import Services, open_services


def _every_report(services: Services, walk: d.Walk) -> list[bytes]:
    return [render_report(services, ReportRequest(
        spec.kind, walk.id, walker=walk.walkers[0].display_name if Need.WALKER in spec.needs
        else None, visit=1)) for spec in REPORTS]


def _subject_as_private_as_teacher_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vf, "VISIT_FIELDS", tuple(
        dataclasses.replace(f, gate=vf.Gate.TEACHER_NAMES) if f.name == "subject" else f
        for f in vf.VISIT_FIELDS))


def test_the_declaration_covers_every_visit_detail() -> None:
    declared = set(vf.names())
    # `removed` says whether the visit left the route (a tombstone), not a detail of it.
    domain = {f.name for f in dataclasses.fields(d.Visit)} - {"id", "walk_id", "position",
                                                              "removed"}
    assert declared == domain
    from walkapp.storage import models as m

    columns = {c.key for c in m.Visit.__table__.columns}
    assert declared <= columns
    assert columns - declared <= {"id", "walk_id", "position", "created_at", "updated_at",
                                  "deleted_at"}


def test_outputs_and_the_helper_follow_the_declaration(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    walk = make_private_walk(services, include_visit_details=True)
    bundles = BundleService(services.db, services.bus)
    before = bundles.write_kit(walk.id, tmp_path / "before.walkkit", None).read_bytes()
    assert find_leaks(before, walk, extra=SUBJECTS), "details on: the subject travels"

    _subject_as_private_as_teacher_names(monkeypatch)
    assert ("visit subject", SUBJECTS[0]) in forbidden_strings(walk)   # the helper follows
    kit = bundles.write_kit(walk.id, tmp_path / "after.walkkit", None).read_bytes()
    assert_private(kit, walk)                                            # kits follow
    assert find_leaks(kit, make_private_walk(services, "Probe"), extra=ROOMS[:1]), \
        "rooms still travel: only the re-declared field was left out"
    for pdf in _every_report(services, walk):                           # reports follow
        assert_private(pdf, walk)
    services.close()
    assert main(["show", walk.id, "--json"]) == 0                       # the CLI follows
    assert_private(capsys.readouterr().out, walk)
    reopened = open_services(resolve_settings())
    try:
        visit = reopened.walks.get_walk(walk.id).visits[0]
        assert visit.subject == SUBJECTS[0], "the stored walk keeps everything"
    finally:
        reopened.close()


def test_a_kit_that_ignored_the_declaration_would_fail_the_privacy_check(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The leak this replaced: a field written into kits without the privacy rule."""
    import walkapp.bundles.kit as kit_module

    walk = make_private_walk(services)
    monkeypatch.setattr(kit_module, "visit_values", lambda visit, _walk, **_how: {
        f.name: getattr(visit, f.name) for f in vf.VISIT_FIELDS})
    kit = BundleService(services.db, services.bus).write_kit(
        walk.id, tmp_path / "leaky.walkkit", None).read_bytes()
    # A kit is a paper of the day: room, grade and subject may go; the teacher's name may not.
    kinds = {leak.what for leak in find_leaks(kit, walk, day=True)}
    assert kinds == {f"visit {f.label.lower()}" for f in vf.VISIT_FIELDS
                     if f.gate and f.gate not in vf.RECORD_ONLY_GATES}
