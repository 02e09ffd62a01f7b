"""Coverage stays on the facilitator's screen: nothing of it reaches a record or an export.

Walks full of planted private details (teacher names, rooms, grades, subjects) are counted
by the coverage service and the school's limit is set to a planted number; then every
output walkapp makes is searched, byte by byte (tests/helpers/privacy.py): every report
kind of the registry, the owner's and the shared data exports, a walk kit, the calendar
file and `walkapp show --json`. None holds the limit or its setting; none of those that
follow the privacy settings holds a teacher name, room, grade or subject the walk keeps
back; the calendar file holds no visit detail even when the walk lets them out; and no
report kind is about coverage."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.helpers.cli_run import run
from tests.helpers.fake_clock import FakeClock
from tests.helpers.privacy import (
    GRADES,
    ROOMS,
    SUBJECTS,
    TEACHER_NAMES,
    WALKER_NAMES,
    assert_private,
    find_leaks,
    make_private_walk,
)
from walkapp.bundles import BundleService
from walkapp.exports import DataService
from walkapp.exports.ics import calendar_bytes
from walkapp.reports import REPORTS, Need, ReportRequest, render_report
from walkapp.services import Services
from walkapp.services.coverage import VISIT_LIMIT_KEY, CoverageAsk

LIMIT = 583  # a planted limit: no output may say it
COVERAGE_WORDS = (VISIT_LIMIT_KEY, str(LIMIT))
ASK = CoverageAsk(date(2026, 9, 1), date(2027, 6, 30))


@pytest.fixture
def clocked(services: Services) -> Services:
    return Services.create(services.db, services.bus,
                           clock=FakeClock(datetime(2026, 11, 3, 10, tzinfo=UTC)))


def _outputs(services: Services, walk_id: str, tmp: Path) -> dict[str, tuple[bytes, str]]:
    """Every output of the walk (and those that span walks), by what it is, each with how
    it treats the route: "record" (the privacy settings), "day" (a paper of the day keeps
    the route) or "owner" (the owner's export: the raw visits)."""
    out: dict[str, tuple[bytes, str]] = {}
    for spec in REPORTS:
        needs = spec.needs | spec.takes
        request = ReportRequest(
            kind=spec.kind, walk_id=walk_id if Need.WALK in needs else None,
            walker=WALKER_NAMES[0] if Need.WALKER in spec.needs else None,
            visit=1 if Need.VISIT in spec.needs else None)
        out[f"report {spec.cli_name}"] = (render_report(services, request),
                                          "record" if spec.record else "day")
    data = DataService(services)
    for kind, form, name in (("owner", "json", "o.json"), ("owner", "csv", "o.zip"),
                             ("shared", "json", "s.json"), ("shared", "csv", "s.zip")):
        path = Path(data.export(kind, [walk_id], tmp / name, form).path)
        out[f"{kind} export {form}"] = (path.read_bytes(),
                                        "owner" if kind == "owner" else "record")
    kit = BundleService(services.db, services.bus).write_kit(walk_id, tmp / "k.walkkit")
    out["walk kit"] = (kit.read_bytes(), "day")
    out["calendar"] = (calendar_bytes(services.reminders.calendar_items(),
                                      services.reminders.clock()), "record")
    return out


def test_no_record_or_export_holds_anything_of_coverage(
        clocked: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    walk = make_private_walk(clocked, walk_date=date(2026, 10, 6))
    clocked.debrief.add_action_item(walk.id, "Bring the stems", "Ann", date(2026, 11, 9))
    clocked.walks.update_walk(walk.id, status="closed")
    clocked.coverage.set_visit_limit(LIMIT)
    # The screen's reads, made before every output (nothing they read is kept anywhere).
    seen = clocked.coverage.coverage(ASK)
    assert [c.name for c in seen.rooms] == sorted(ROOMS)
    clocked.coverage.hosts_to_tell(walk.id, ASK)

    outputs = _outputs(clocked, walk.id, tmp_path)
    data_dir = str(clocked.db.settings.data_dir)
    clocked.close()
    code, shown, _err = run(capsys, "--data-dir", data_dir, "show", walk.id, "--json")
    assert code == 0
    outputs["walkapp show --json"] = (shown.encode(), "record")

    # The owner's export carries the raw visits (the owner's own data), never more.
    everything_open = replace(walk, show_teacher_names=True, include_visit_details=True)
    for what, (output, route) in outputs.items():
        leaks = find_leaks(output, everything_open if route == "owner" else walk,
                           extra=COVERAGE_WORDS, day=route == "day")
        assert not leaks, f"{what}: " + "; ".join(map(str, leaks))
    assert not any("coverage" in spec.kind.value or "coverage" in spec.cli_name
                   for spec in REPORTS)


def test_the_calendar_holds_no_visit_detail_even_when_the_walk_lets_them_out(
        clocked: Services) -> None:
    walk = make_private_walk(clocked, show_teacher_names=True, include_visit_details=True)
    clocked.debrief.add_action_item(walk.id, "Bring the stems", "", date(2026, 11, 9))
    raw = calendar_bytes(clocked.reminders.calendar_items(), clocked.reminders.clock())
    assert b"Bring the stems" in raw
    hidden = make_private_walk(clocked, "Anonymous twin")  # the same details, all held back
    assert_private(raw, hidden, extra=(*TEACHER_NAMES, *ROOMS, *GRADES, *SUBJECTS))
