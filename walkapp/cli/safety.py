"""Commands that keep data safe: backup, backups, restore, purge, retention.

`restore` and `purge` change or remove data, so they take the data folder lock (a running
app refuses them) and ask before acting; `--yes` answers for scripts. Without a terminal
to ask on and without `--yes`, they refuse rather than guess.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from walkapp.cli.context import Context
from walkapp.cli.terminal import echo
from walkapp.errors import NotFoundError, StorageError, ValidationError, WalkappError
from walkapp.jsonout import dumps
from walkapp.storage.backup import (
    BackupInfo,
    backup_file,
    list_backups,
    rotate_quietly,
    verify_backup,
)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("backup", help="make a checked backup of the database now")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_backup)

    p = subparsers.add_parser("backups", help="list the backups, newest first")
    p.add_argument("--check", action="store_true",
                   help="also run the integrity check on each backup")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_backups)

    p = subparsers.add_parser(
        "restore", help="put a backup back in place of the database",
        description="Restore BACKUP (a file name from `walkapp backups`, the start of one, "
                    "or a path). Without BACKUP, the newest backup that passes the integrity "
                    "check. The current database is copied to the backups first.")
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="which backup to restore")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_restore)

    p = subparsers.add_parser(
        "purge", help="remove walks older than a number of months",
        description="List the walks dated more than MONTHS months ago, then remove them "
                    "and everything recorded in them after confirmation. A backup is made "
                    "first.")
    p.add_argument("--older-than", type=int, metavar="MONTHS",
                   help="age in months (default: the retention setting)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_purge)

    p = subparsers.add_parser("retention",
                              help="show or set how many months walks are kept")
    p.add_argument("months", nargs="?", metavar="MONTHS|off",
                   help="keep walks this many months, or `off` to keep everything")
    p.set_defaults(handler=cmd_retention)


# -- helpers ----------------------------------------------------------------------------------
def _database_path(context: Context) -> Path:
    path = context.settings.sqlite_path
    if path is None:
        raise WalkappError("Backups are made of a local walkapp database file; this one is "
                           f"a server ({context.settings.database_url}). Use the server's "
                           "own backup tools.")
    return path


def confirm(question: str, yes: bool) -> bool:
    """Ask on the terminal; `--yes` answers for scripts; no terminal and no --yes: refuse."""
    if yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise WalkappError("This needs a confirmation and there is no terminal to ask on. "
                           "Run it again with --yes to go ahead.")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in {"y", "yes"}


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    return f"{value:.1f} {unit}"


def _when(info: BackupInfo) -> str:
    return info.created_at.strftime("%Y-%m-%d %H:%M UTC")


# -- backup / backups ---------------------------------------------------------------------------
def cmd_backup(args: argparse.Namespace, context: Context) -> int:
    path = _database_path(context)
    if not path.exists():
        raise NotFoundError(f"There is no database at {path} yet, so nothing to back up.")
    # No lock: the backup API copies a consistent snapshot while the app keeps writing.
    target = backup_file(path, context.settings.backup_dir, "manual")
    removed = rotate_quietly(context.settings.backup_dir)
    size = target.stat().st_size
    if args.json:
        print(dumps({"backup": str(target), "size_bytes": size,
                     "rotated_out": [str(p) for p in removed]}))
        return 0
    echo(f"Backup written and checked: {target} ({_size(size)}).")
    if removed:
        echo(f"{len(removed)} older backup(s) removed by the rotation.")
    return 0


def cmd_backups(args: argparse.Namespace, context: Context) -> int:
    backups = list_backups(context.settings.backup_dir)
    rows = []
    for info in backups:
        problems = verify_backup(info.path) if args.check else None
        rows.append((info, problems))
    if args.json:
        print(dumps([{"name": i.name, "path": str(i.path), "reason": i.reason,
                      "created_at": i.created_at, "size_bytes": i.size_bytes,
                      **({"ok": not p, "problems": p} if p is not None else {})}
                     for i, p in rows]))
        return 0
    if not backups:
        echo(f"No backups yet in {context.settings.backup_dir}. Make one with "
             "`walkapp backup`.")
        return 0
    echo(f"Backups in {context.settings.backup_dir}, newest first:")
    for info, problems in rows:
        state = "" if problems is None else ("  ok" if not problems else
                                             f"  DAMAGED: {problems[0]}")
        echo(f"  {_when(info)}  {info.reason:<24} {_size(info.size_bytes):>10}  "
             f"{info.name}{state}")
    return 0


# -- restore ------------------------------------------------------------------------------------
def _find_backup(key: str, backup_dir: Path) -> Path:
    candidate = Path(key).expanduser()
    if candidate.is_file():
        return candidate.absolute()
    backups = list_backups(backup_dir)
    exact = [b for b in backups if b.name == key]
    matches = exact or [b for b in backups if b.name.startswith(key)]
    if not matches:
        raise NotFoundError(f"No backup matches “{key}”. `walkapp backups` lists them.")
    if len(matches) > 1:
        names = ", ".join(b.name for b in matches[:5])
        raise ValidationError(f"“{key}” matches {len(matches)} backups ({names}). "
                              "Give more of the name.")
    return matches[0].path


def _newest_good(backup_dir: Path, quiet: bool) -> Path:
    for info in list_backups(backup_dir):
        problems = verify_backup(info.path)
        if not problems:
            return info.path
        if not quiet:
            echo(f"Skipping the damaged backup {info.name}: {problems[0]}", err=True)
    raise NotFoundError(f"There is no good backup in {backup_dir} to restore.")


def cmd_restore(args: argparse.Namespace, context: Context) -> int:
    from walkapp.storage.restore import restore

    path = _database_path(context)
    backup_dir = context.settings.backup_dir
    context.lock("walkapp restore")
    chosen = (_find_backup(args.backup, backup_dir) if args.backup
              else _newest_good(backup_dir, quiet=args.json))
    backups = list_backups(backup_dir)
    info = next((b for b in backups if b.path == chosen), None)
    label = f"{chosen.name} ({_when(info)}, {info.reason})" if info else str(chosen)
    if not args.json and not args.backup:
        echo(f"Backups in {backup_dir}, newest first:")
        for b in backups[:15]:
            mark = "→" if b.path == chosen else " "
            echo(f"{mark} {_when(b)}  {b.reason:<24} {b.name}")
        if len(backups) > 15:
            echo(f"  … and {len(backups) - 15} older (`walkapp backups` lists them all)")
    if not args.json:
        echo(f"Restore {label}")
        echo(f"     into {path}?")
        if path.exists():
            echo("The current database is copied to the backups first.")
    if not confirm("Restore this backup?", args.yes):
        echo("Nothing was changed.")
        return 1
    result = restore(path, chosen, backup_dir)
    walks = _count_walks_after_restore(context)
    if args.json:
        print(dumps({"restored_from": str(result.restored_from),
                     "previous_copy": str(result.previous_copy or "") or None,
                     "previous_set_aside": str(result.previous_set_aside or "") or None,
                     "seconds": round(result.seconds, 4), "walks": walks}))
        return 0
    echo(f"Restored in {result.seconds:.2f} s: {walks} walk(s).")
    if result.previous_copy:
        echo(f"The database as it was is kept as {result.previous_copy}.")
    if result.previous_set_aside:
        echo(f"The damaged database is kept, untouched, as {result.previous_set_aside}.")
    return 0


def _count_walks_after_restore(context: Context) -> int:
    """Open the restored database the normal way (migrating an older backup) as a check."""
    try:
        return len(context.services.walks.list_walks())
    except StorageError as error:
        raise StorageError(f"The backup was restored, but it does not open: {error}") from error


# -- purge / retention ---------------------------------------------------------------------
def cmd_purge(args: argparse.Namespace, context: Context) -> int:
    from walkapp.services.retention import RetentionService, check_months, months_before

    context.lock("walkapp purge")
    services = context.services
    retention = RetentionService(services.db, services.bus)
    months = args.older_than if args.older_than is not None else retention.retention_months()
    if months is None:
        raise ValidationError("Say how old the walks to remove are: --older-than MONTHS "
                              "(or set a default with `walkapp retention MONTHS`).")
    months = check_months(months)
    from datetime import date

    cutoff = months_before(date.today(), months)
    walks = retention.walks_older_than(months)
    if not walks:
        if args.json:
            print(dumps({"cutoff": cutoff, "removed": [], "backup": None}))
        else:
            echo(f"No walks are dated before {cutoff.isoformat()} "
                 f"({months} month(s) ago). Nothing to remove.")
        return 0
    if not args.json:
        echo(f"{len(walks)} walk(s) dated before {cutoff.isoformat()} would be removed, "
             "with all their notes, reflections, commitments and action items:")
        for w in walks:
            echo(f"  {w.walk_date.isoformat()}  {w.id[:8]}  {w.title}  "
                 f"({w.note_count} note(s))")
        echo("A backup is made first; it leaves the backups folder as the rotation ages "
             "it out (within about eight weeks).")
    if not confirm(f"Remove these {len(walks)} walk(s)?", args.yes):
        echo("Nothing was removed.")
        return 1
    result = retention.purge_walks([w.id for w in walks])
    if args.json:
        print(dumps({"cutoff": cutoff, "removed": [{"id": w.id, "title": w.title,
                                                    "walk_date": w.walk_date} for w in walks],
                     "people_removed": result.people_removed,
                     "backup": str(result.backup) if result.backup else None}))
        return 0
    echo(f"Removed {len(result.walk_ids)} walk(s).")
    if result.backup:
        echo(f"The backup made just before is {result.backup}.")
    return 0


def cmd_retention(args: argparse.Namespace, context: Context) -> int:
    from walkapp.services.retention import RetentionService

    if args.months is None:
        services = context.services
        months = RetentionService(services.db, services.bus).retention_months()
        if months is None:
            echo("Walks are kept until you remove them (no retention period set).")
        else:
            echo(f"Walks older than {months} month(s) are offered for removal "
                 "(`walkapp purge` removes them after confirmation).")
        return 0
    value: int | None
    if args.months.strip().casefold() in {"off", "none", "never"}:
        value = None
    else:
        try:
            value = int(args.months)
        except ValueError:
            raise ValidationError(f"{args.months!r} is not a number of months; give a "
                                  "whole number, or `off`.") from None
    context.lock("walkapp retention")
    services = context.services
    RetentionService(services.db, services.bus).set_retention_months(value)
    echo("Retention period removed: walks are kept until you remove them." if value is None
         else f"Retention period set: walks older than {value} month(s) are offered for "
              "removal by `walkapp purge`.")
    return 0
