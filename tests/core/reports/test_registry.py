"""The report registry is the one list of report kinds: the CLI reads it, and every kind in
it builds, renders and names its file through it."""

from __future__ import annotations

import argparse

import pytest

from walkapp import domain as d
from walkapp.cli import build_parser
from walkapp.errors import ValidationError
from walkapp.reports import REPORTS, Need, ReportKind, ReportRequest, suggested_filename
from walkapp.reports.api import check_request
from walkapp.reports.registry import SPECS, modules, spec_for


def _report_parser() -> argparse.ArgumentParser:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices["report"]


def test_every_kind_has_exactly_one_spec() -> None:
    assert [spec.kind for spec in REPORTS] == list(ReportKind)
    assert set(SPECS) == set(ReportKind) and len(SPECS) == len(REPORTS)
    for spec in REPORTS:
        assert spec_for(spec.cli_name) is spec and spec.kind.label == spec.label
        assert spec.label and spec.about and spec.menu_label.replace("&", "") == spec.label


def test_the_cli_offers_the_registry_kinds_in_its_order() -> None:
    kind = next(a for a in _report_parser()._actions if a.dest == "kind")
    assert list(kind.choices or ()) == [spec.cli_name for spec in REPORTS]
    for spec in REPORTS:
        assert spec.cli_name in (kind.help or "")


def test_builders_and_renderers_named_by_the_registry_exist() -> None:
    import importlib

    for spec in REPORTS:
        module, _, function = spec.builder.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), spec.builder
        assert callable(importlib.import_module(spec.renderer).render), spec.renderer
    assert set(modules()) >= {spec.renderer for spec in REPORTS}


@pytest.mark.parametrize("spec", REPORTS, ids=lambda s: s.cli_name)
def test_a_request_missing_what_a_kind_needs_is_refused(spec: object) -> None:
    from walkapp.reports.registry import ReportSpec

    assert isinstance(spec, ReportSpec)
    full = ReportRequest(spec.kind, walk_id="w", walker="Ana", visit=1)
    check_request(full)
    for need, field in ((Need.WALK, "walk_id"), (Need.WALKER, "walker"),
                        (Need.VISIT, "visit")):
        partial = ReportRequest(**{**full.__dict__, field: None})
        if need in spec.needs:
            with pytest.raises(ValidationError):
                check_request(partial)
        else:
            check_request(partial)


def test_file_names_come_from_the_registry(demo: d.Walk) -> None:
    assert suggested_filename(ReportKind.THANKS, demo, visit=3).startswith(
        f"{demo.walk_date.isoformat()} Thank-you Visit 3 - ")
    assert suggested_filename(ReportKind.JOURNAL, None, walker="Ana Ruiz") == \
        "Growth journal - Ana Ruiz.pdf"
    for spec in REPORTS:
        assert suggested_filename(spec.kind, demo, walker="Ana", visit=2).endswith(".pdf")
