"""The lines the group wrote for the debrief's first page (focus, patterns, next steps,
commitments, action items) are printed as written, and the export says which of them the
nudge still flags, to reread before sharing (walkapp.reports.wording)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.reports.conftest import pdf_text, squash
from tests.core.reports.test_report_cli import run
from tests.helpers.builders import make_walk
from walkapp import nudge
from walkapp.reports import ReportKind, ReportRequest
from walkapp.reports.api import export_report
from walkapp.reports.wording import wording_warning
from walkapp.services import Services

JUDGING = "Teachers were excellent at questioning"
PLAIN = "Most questions asked for one word answers"
NAMING = "Try the exit tickets Maria Gonzalez showed us"


def test_the_real_nudge_judges_these_lines_as_the_tests_expect() -> None:
    assert nudge.check(JUDGING, "en") and not nudge.check(PLAIN, "en")
    assert {f.kind for f in nudge.check(NAMING, "en")} == {"name"}


def test_a_debrief_with_plain_lines_says_nothing(services: Services, tmp_path: Path) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    services.debrief.add_pattern(walk.id, "describe", PLAIN)
    request = ReportRequest(kind=ReportKind.DEBRIEF, walk_id=walk.id)
    assert export_report(services, request, tmp_path / "d.pdf").warnings == ()


def test_flagged_lines_are_counted_by_section_and_one_is_quoted(services: Services,
                                                                 tmp_path: Path) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    services.debrief.add_pattern(walk.id, "describe", PLAIN)
    services.debrief.add_pattern(walk.id, "describe", JUDGING)
    services.debrief.add_next_step(walk.id, NAMING)
    request = ReportRequest(kind=ReportKind.DEBRIEF, walk_id=walk.id)
    result = export_report(services, request, tmp_path / "d.pdf")
    assert result.warnings == (
        "2 lines the group wrote may judge someone or name a person (patterns 1, next "
        f"steps 1), e.g. “{JUDGING}”: reread them before you share the debrief.",)
    # Printed as written all the same: the group's own words are its decision.
    text = squash(pdf_text((tmp_path / "d.pdf").read_bytes()))
    assert squash(JUDGING) in text and squash(NAMING) in text


def test_other_kinds_do_not_check_the_debriefs_lines(services: Services,
                                                      tmp_path: Path) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    services.debrief.add_pattern(walk.id, "describe", JUDGING)
    request = ReportRequest(kind=ReportKind.AGENDA, walk_id=walk.id)
    assert export_report(services, request, tmp_path / "a.pdf").warnings == ()


def test_one_line_one_kind_and_a_long_quote(services: Services) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    long_line = "Students " + "worked in pairs on the ratio task " * 5
    services.debrief.add_next_step(walk.id, long_line)
    record = services.records.walk_record(walk.id)
    message = wording_warning(record, check=lambda text, _lang: ["evaluative"])
    assert message.startswith("1 line the group wrote may judge someone (next steps 1)")
    assert message.endswith("…”: reread it before you share the debrief.")
    quoted = message.split("“")[1].split("”")[0]
    assert len(quoted) <= 61 and long_line.startswith(quoted[:-1])


def test_the_cli_prints_the_warning(services: Services, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    walk = make_walk(services, walkers=1, visits=1)
    services.debrief.add_pattern(walk.id, "describe", JUDGING)
    code, out, err = run(capsys, "report", walk.title, "--kind", "debrief", "-o",
                         str(tmp_path / "d.pdf"))
    assert code == 0, err
    assert "Warning: 1 line the group wrote may judge someone (patterns 1)" in out
