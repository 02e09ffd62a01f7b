"""`walkapp report`: write one PDF report of any kind in the report registry without
opening the app.

ReportLab, the services and the report builders are imported only when a report is actually
made, so `walkapp --help` stays fast (the registry names its builders and renderers without
importing them, and importing `walkapp.reports` loads none of them).
"""

from __future__ import annotations

import argparse
from datetime import time
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo
from walkapp.errors import ValidationError
from walkapp.messages import tr
from walkapp.reports.registry import REPORTS, Need, cli_names

if TYPE_CHECKING:
    from walkapp.cli.context import Context


def _kinds_using(need: Need) -> str:
    return " or ".join(f"--kind {spec.cli_name}" for spec in REPORTS
                       if need in spec.needs | spec.takes)


def register(subparsers: Any) -> None:
    spanning = ", ".join(f"--kind {spec.cli_name}" for spec in REPORTS
                         if Need.WALK in spec.takes)
    p = subparsers.add_parser(
        "report", help=tr("write a PDF report for a walk"),
        description=tr("Write a PDF report. WALK is a walk's id or the start of its title; "
                       "{kinds} may span all walks without it.").format(kinds=spanning))
    p.add_argument("walk", nargs="?", metavar="WALK",
                   help=tr("walk id or an unambiguous start of its title"))
    p.add_argument("--kind", required=True, choices=cli_names(),
                   help=tr("which report: {kinds}").format(kinds=", ".join(
                       f"{spec.cli_name} ({tr(spec.cli_help)})" for spec in REPORTS)))
    p.add_argument("--walker", metavar="NAME",
                   help=tr("the walker, for {walker}").format(walker=_kinds_using(Need.WALKER)))
    p.add_argument("--visit", type=int, metavar="N",
                   help=tr("visit number, for {visit}").format(visit=_kinds_using(Need.VISIT)))
    p.add_argument("--paper", choices=("a4", "letter"),
                   help=tr("paper size (default: from your locale)"))
    p.add_argument("--start", metavar="HH:MM",
                   help=tr("start time of the session, for {start} (clock times)").format(
                            start=_kinds_using(Need.START)))
    p.add_argument("--protocol", metavar="ID|FILE",
                   help=tr("a protocol id or .toml file instead of WALK, for {protocol}").format(
                            protocol=_kinds_using(Need.PROTOCOL)))
    p.add_argument("--include-flagged", action="store_true",
                   help=tr("print notes the nudge or name caution flagged that the facilitator "
                           "has not yet kept (set-aside notes stay out)"))
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                   help=tr("where to write the PDF (replaced if it exists)"))
    p.set_defaults(handler=cmd_report, writes=False)  # the PDF goes outside


def _parse_start(value: str | None) -> time | None:
    if not value:
        return None
    try:
        hours, minutes = value.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError(tr("Start time {value!r} is not a time; use HH:MM, e.g. --start "
                                 "08:30.").format(value=value)) from None


def cmd_report(args: argparse.Namespace, context: Context) -> int:
    from walkapp.formatting import plural
    from walkapp.reports import ReportKind, ReportRequest, check_request, export_report, parse_paper

    kind = ReportKind(args.kind)
    start = _parse_start(args.start)
    protocol = args.protocol if Need.PROTOCOL in kind.spec.takes else None
    if args.protocol and protocol is None:
        raise ValidationError(tr("--protocol is for {kinds}, not for the report “{report}”.")
                              .format(kinds=_kinds_using(Need.PROTOCOL), report=kind.label))
    if args.walk and protocol:
        raise ValidationError(tr("Name either a walk or --protocol, not both."))
    if Need.WALK in kind.spec.needs and not args.walk and not protocol:
        if Need.PROTOCOL in kind.spec.takes:
            said = tr("Name the walk for the report “{report}” (or --protocol ID for a "
                      "protocol without a walk): `walkapp report WALK --kind {kind} -o "
                      "FILE.pdf`.")
        else:
            said = tr("Name the walk for the report “{report}”: `walkapp report WALK --kind "
                      "{kind} -o FILE.pdf`.")
        raise ValidationError(said.format(report=kind.label, kind=kind.value))
    # Check what can be checked before the database is opened.
    check_request(ReportRequest(kind=kind, walk_id=args.walk or None, walker=args.walker,
                                visit=args.visit, protocol=protocol))
    services = context.services
    walk_id = services.walks.find_walk(args.walk).id if args.walk else None
    request = ReportRequest(kind=kind, walk_id=walk_id, walker=args.walker,
                            visit=args.visit, paper=parse_paper(args.paper), start=start,
                            protocol=protocol, include_flagged=args.include_flagged)
    result = export_report(services, request, args.output)
    echo(tr("Wrote the report “{report}” ({pages}) to {path}").format(
        report=kind.label, pages=plural(result.pages, "page", "pages"), path=result.path))
    if line := result.held_back:
        hint = "" if args.include_flagged else "; " + tr("or add --include-flagged")
        echo(f"{line}{hint}.", err=True)
    for warning in result.warnings:
        echo(tr("Warning: {warning}").format(warning=warning))
    return 0
