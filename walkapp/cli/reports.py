"""`walkapp report`: write one PDF report (debrief, agenda, note-catcher, action tracker,
growth journal or host thank-you note) without opening the app.

ReportLab is imported only when a report is actually made, so `walkapp --help` stays fast.
"""

from __future__ import annotations

import argparse
from datetime import time
from typing import Any

from walkapp.cli.context import Context
from walkapp.cli.terminal import echo
from walkapp.errors import ValidationError

KINDS = ("debrief", "agenda", "notecatcher", "actions", "journal", "thanks")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "report", help="write a PDF report for a walk",
        description="Write a PDF report. WALK is a walk's id or the start of its title; "
                    "the action tracker and growth journal may span all walks without it.")
    p.add_argument("walk", nargs="?", metavar="WALK",
                   help="walk id or an unambiguous start of its title")
    p.add_argument("--kind", required=True, choices=KINDS,
                   help="which report: debrief, agenda, notecatcher (blank, to print), "
                        "actions (tracker across walks), journal (one walker across walks), "
                        "thanks (note to the host of one visit)")
    p.add_argument("--walker", metavar="NAME", help="the walker, for --kind journal")
    p.add_argument("--visit", type=int, metavar="N", help="visit number, for --kind thanks")
    p.add_argument("--paper", choices=("a4", "letter"),
                   help="paper size (default: from your locale)")
    p.add_argument("--start", metavar="HH:MM",
                   help="start time of the session, for --kind agenda (clock times)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                   help="where to write the PDF (replaced if it exists)")
    p.set_defaults(handler=cmd_report, writes=False)  # the PDF goes outside


def _parse_start(value: str | None) -> time | None:
    if not value:
        return None
    try:
        hours, minutes = value.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError(f"Start time {value!r} is not a time; use HH:MM, "
                              "e.g. --start 08:30.") from None


def cmd_report(args: argparse.Namespace, context: Context) -> int:
    from walkapp.reports import ReportKind, ReportRequest, check_request, export_report, parse_paper

    kind = ReportKind(args.kind)
    start = _parse_start(args.start)
    if kind.needs_walk and not args.walk:
        raise ValidationError(f"Name the walk for the {kind.label.lower()}: "
                              f"`walkapp report WALK --kind {kind.value} -o FILE.pdf`.")
    # Check what can be checked before the database is opened.
    check_request(ReportRequest(kind=kind, walk_id=args.walk or None, walker=args.walker,
                                visit=args.visit))
    services = context.services
    walk_id = services.walks.find_walk(args.walk).id if args.walk else None
    request = ReportRequest(kind=kind, walk_id=walk_id, walker=args.walker,
                            visit=args.visit, paper=parse_paper(args.paper), start=start)
    result = export_report(services, request, args.output)
    echo(f"Wrote the {kind.label.lower()} ({result.pages} page"
         f"{'s' if result.pages != 1 else ''}) to {result.path}")
    return 0
