"""`walkapp actions`: open action items with a due date — which are overdue, which are due
soon — and, with `--ics -o FILE`, the same items as a calendar file (RFC 5545) to import
into a calendar program.

`--walk W` limits it to one walk's items, `--series W` to the items of W's series up to and
including W (what that walk's pre-brief follows up); without either, every walk's.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo
from walkapp.errors import UsageError
from walkapp.jsonout import dumps
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.cli.context import Context
    from walkapp.services.reminders import DueItem


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "actions", help=tr("list open action items by due date, or save them to a calendar "
                           "file"),
        description=tr("Open action items that have a due date, soonest first, each marked "
                       "overdue, due today or due soon. With --ics -o FILE, write them as a "
                       "calendar file (.ics) instead: one all-day event per item, which a "
                       "calendar program imports (importing a newer file moves the events)."))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--walk", metavar="W",
                       help=tr("only the action items agreed at this walk (id or start of "
                               "its title)"))
    which.add_argument("--series", metavar="W",
                       help=tr("the action items of W's series, up to and including W"))
    p.add_argument("--ics", action="store_true",
                   help=tr("write a calendar file (needs -o FILE.ics)"))
    p.add_argument("-o", "--output", metavar="FILE.ics",
                   help=tr("where to write the calendar file (replaced if it exists)"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_actions, writes=False)  # the calendar file goes outside


def _state_word(item: DueItem) -> str:
    from walkapp import formatting as fmt
    from walkapp.services.reminders import DueState

    if item.state is DueState.OVERDUE:
        return tr("overdue")
    if item.state is DueState.TODAY:
        return tr("due today")
    if item.state is DueState.SOON:
        return tr("due soon")
    return tr("due {date}").format(date=fmt.short_date(item.due_date))


def cmd_actions(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    if args.ics != bool(args.output):
        raise UsageError(tr("Write a calendar file with both --ics and -o FILE.ics."))
    services = context.services
    key = args.walk or args.series
    walk_id = services.walks.find_walk(key).id if key else None
    items = services.reminders.calendar_items(walk_id, series=bool(args.series))
    if args.ics:
        from walkapp.exports.ics import write_calendar

        path = write_calendar(args.output, items, services.reminders.clock())
        if args.json:
            print(dumps({"path": str(path), "events": len(items)}))
        else:
            echo(tr("Wrote {events} to {path}.").format(
                events=fmt.plural(len(items), "calendar event", "calendar events"),
                path=path))
        return 0
    if args.json:
        print(dumps([{"id": i.id, "text": i.text, "owner": i.owner_name,
                      "due_date": i.due_date, "state": i.state.value, "walk_id": i.walk_id,
                      "walk_title": i.walk_title} for i in items]))
        return 0
    if not items:
        echo(tr("No open action item has a due date."))
        return 0
    with fmt.one_locale():
        days = [fmt.short_date(i.due_date) for i in items]
        states = [_state_word(i) for i in items]
        wide = max(len(day) for day in days)
        state_wide = max(len(state) for state in states)
        for item, day, state in zip(items, days, states, strict=True):
            owner = f" — {item.owner_name}" if item.owner_name.strip() else ""
            echo(f"{day:<{wide}}  {state:<{state_wide}}  {item.text}{owner}  "
                 f"({item.walk_title})")
    return 0
