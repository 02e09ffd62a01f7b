"""Commands about the Trash: `delete` moves a walk there; `trash [list|restore|empty]`.

`delete`, `trash restore` and `trash empty` change data, so they take the data-folder lock
(a running app refuses them); `trash list` only reads. Emptying asks first (`--yes` answers
for scripts; no terminal and no `--yes`: refuse), and by default also scrubs the walks from
every backup (`--keep-in-backups` leaves the backups as they are).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import confirm, echo
from walkapp.jsonout import dumps
from walkapp.messages import N_, tr

if TYPE_CHECKING:
    from walkapp.cli.context import Context
    from walkapp.services.trash import RemovalResult, TrashedWalk

# walkapp.services.trash.TRASH_DAYS, for the help text without importing the services (a
# test checks the two agree).
TRASH_DAYS = 30


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "delete", help=tr("move a walk to the Trash (restorable for 30 days)"),
        description=tr("Move WALK to the Trash. It disappears from every list and report, and "
                       "is removed for good after {trash_days} days (or when the Trash is "
                       "emptied); until then `walkapp trash restore` brings it back.").format(
                        trash_days=TRASH_DAYS))
    p.add_argument("walk", metavar="WALK", help=tr("walk id, or an unambiguous start of its "
                                                   "title"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_delete, writes=True)

    p = subparsers.add_parser(
        "trash", help=tr("list, restore or empty the Trash of deleted walks"),
        description=tr("Deleted walks wait in the Trash for {trash_days} days. Without an "
                       "action, lists them.").format(trash_days=TRASH_DAYS))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_trash_list, writes=False)
    actions = p.add_subparsers(dest="trash_action", metavar="ACTION", parser_class=type(p))

    q = actions.add_parser("list", help=tr("list the walks in the Trash"))
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help=tr("print JSON"))
    q.set_defaults(handler=cmd_trash_list, writes=False)

    q = actions.add_parser("restore", help=tr("bring a walk back from the Trash"),
                           description=tr("Bring WALK back, as it was; nothing else changes."))
    q.add_argument("walk", metavar="WALK", help=tr("id, or an unambiguous start of its title"))
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help=tr("print JSON"))
    q.set_defaults(handler=cmd_trash_restore, writes=True)

    q = actions.add_parser(
        "empty", help=tr("remove walks in the Trash for good"),
        description=tr("Remove every walk in the Trash (or only WALK) for good: from the "
                       "database, and from every backup in the backups folder (each rewritten "
                       "and checked again)."))
    q.add_argument("walk", nargs="?", metavar="WALK", help=tr("only this walk in the Trash"))
    q.add_argument("--yes", action="store_true", help=tr("do not ask for confirmation"))
    q.add_argument("--keep-in-backups", action="store_true",
                   help=tr("leave the backups as they are (they keep the walks until the "
                           "rotation ages them out, about eight weeks)"))
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help=tr("print JSON"))
    q.set_defaults(handler=cmd_trash_empty, writes=True)


def _day(moment: datetime) -> str:
    from walkapp import formatting as fmt

    return fmt.short_date(moment.astimezone().date())


def _row(t: TrashedWalk) -> dict[str, Any]:
    return {"id": t.id, "title": t.title, "walk_date": t.walk_date, "school": t.school,
            "trashed_at": t.trashed_at, "expires_at": t.expires_at, "notes": t.note_count}


# -- delete -----------------------------------------------------------------------------------
def cmd_delete(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    services = context.services
    walk = services.walks.find_walk(args.walk)
    services.walks.delete_walk(walk.id)
    trashed = services.trash.find_trashed(walk.id)
    if args.json:
        print(dumps(_row(trashed)))
        return 0
    echo(tr("“{title}” ({walk_date}) was moved to the Trash. It is removed for good on "
            "{expires_at}; until then `walkapp trash restore {id}` brings it back.").format(
             title=walk.title, walk_date=fmt.short_date(walk.walk_date),
             expires_at=_day(trashed.expires_at), id=walk.id[:8]))
    return 0


# -- trash list / restore -------------------------------------------------------------------
def cmd_trash_list(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    services = context.services
    trashed = services.trash.list_trash()
    if args.json:
        print(dumps([_row(t) for t in trashed]))
        return 0
    if not trashed:
        echo(tr("The Trash is empty."))
        return 0
    now = services.trash.clock()
    echo(tr("{trashed} in the Trash, most recently deleted first:").format(
             trashed=fmt.plural(len(trashed), 'walk', 'walks')))
    for t in trashed:
        when = tr("its 30 days are over: removed for good at the next start of the app "
                  "or with `walkapp trash empty`") if t.expired(now) else \
            tr("removed for good on {day}").format(day=_day(t.expires_at))
        echo(tr("  {walk_date}  {id}  {title}  ({note_count}) — deleted {trashed_at}, "
                "{when}").format(
                 walk_date=fmt.short_date(t.walk_date), id=t.id[:8], title=t.title,
                 note_count=fmt.plural(t.note_count, 'note', 'notes'),
                 trashed_at=_day(t.trashed_at), when=when))
    echo(tr("`walkapp trash restore WALK` brings one back; `walkapp trash empty` removes them "
            "for good now."))
    return 0


def cmd_trash_restore(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    services = context.services
    trashed = services.trash.find_trashed(args.walk)
    walk = services.trash.restore(trashed.id)
    if args.json:
        print(dumps({"id": walk.id, "title": walk.title, "walk_date": walk.walk_date}))
        return 0
    echo(tr("“{title}” ({walk_date}) is back among your walks (`walkapp show {id}`).").format(
             title=walk.title, walk_date=fmt.short_date(walk.walk_date), id=walk.id[:8]))
    return 0


# -- trash empty ------------------------------------------------------------------------------
def cmd_trash_empty(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt

    services = context.services
    targets = ([services.trash.find_trashed(args.walk)] if args.walk is not None
               else services.trash.list_trash())
    keep = args.keep_in_backups
    if not targets:
        # Nothing to remove, but a backup that could not be scrubbed last time is retried.
        result = services.trash.empty([], keep_in_backups=keep)
        if args.json:
            print(dumps(removal_json(result, keep)))
        else:
            echo(tr("The Trash is empty."))
            print_scrub(result)
        return 1 if result.scrub is not None and result.scrub.failed else 0
    if not args.json:
        echo(fmt.plural(len(targets), "{n} walk in the Trash would be removed for good, "
                        "with all its notes, reflections, commitments and action items:",
                        "{n} walks in the Trash would be removed for good, with all their "
                        "notes, reflections, commitments and action items:"))
        for t in targets:
            echo(f"  {fmt.short_date(t.walk_date)}  {t.id[:8]}  {t.title}  "
                 f"({fmt.plural(t.note_count, 'note', 'notes')})")
        echo(tr(KEEP_NOTE if keep else SCRUB_NOTE))
    question = (tr("Remove this walk for good? This cannot be undone.") if len(targets) == 1
                else tr("Remove these {count} walks for good? This cannot be undone.").format(
                    count=fmt.number(len(targets))))
    if not confirm(question, args.yes):
        echo(tr("Nothing was removed."))
        return 1
    result = services.trash.empty([t.id for t in targets], keep_in_backups=keep)
    if args.json:
        print(dumps(removal_json(result, keep)))
    else:
        echo(removed_line(result, tr("Removed {walks} for good; {summary}."),
                          tr("Removed {walks} for good.")))
        print_scrub(result, summary=False)
    return 1 if result.scrub is not None and result.scrub.failed else 0


SCRUB_NOTE = N_("They are removed from this laptop's database and from every backup in the "
                "backups folder (each backup is rewritten without them and checked again).")
KEEP_NOTE = N_("--keep-in-backups: the backups keep them until the rotation ages them out "
               "(within about eight weeks); `walkapp restore` could bring them back.")


def removed_line(result: RemovalResult, with_scrub: str, plain: str) -> str:
    """"Removed 2 walks; …" in the words given (translated by the caller, whole)."""
    from walkapp import formatting as fmt

    walks = fmt.plural(len(result.walk_ids), "walk", "walks")
    if result.scrub is not None:
        return with_scrub.format(walks=walks, summary=result.scrub.summary())
    return plain.format(walks=walks)


def removal_json(result: RemovalResult, kept: bool) -> dict[str, Any]:
    return {"removed": [{"id": i, "title": t} for i, t in zip(result.walk_ids, result.titles,
                                                             strict=False)],
            "people_removed": result.people_removed,
            "backup": str(result.backup) if result.backup else None,
            "kept_in_backups": kept, "wal_cleared": result.wal_cleared,
            "scrub": result.scrub.as_json() if result.scrub is not None else None}


def print_scrub(result: RemovalResult, *, summary: bool = True) -> None:
    """What happened in the backups: a summary line, and each backup that still holds text."""
    report = result.scrub
    if report is not None:
        if summary and report.outcomes:
            echo(tr("Backups: {summary}.").format(summary=report.summary()))
        for outcome in report.failed:
            echo(tr("walkapp: warning: {name} could not be scrubbed: {value}. It may still hold "
                    "the removed text; walkapp tries again the next time the Trash is "
                    "emptied.").format(
                     name=outcome.path.name, value=outcome.problem or 'unknown reason'),
                  err=True)
    if not result.wal_cleared:
        echo(tr("Note: another program was reading the database, so its -wal file keeps the "
                "removed text until SQLite next folds it into the database; run `walkapp trash "
                "empty` again to clear it."), err=True)
