"""Commands that keep data safe: backup, backups, restore, purge, retention.

`restore` and `purge` change or remove data, so they are declared `writes=True` and take
the data folder lock (a running app refuses them), and they ask before acting; `--yes`
answers for scripts. Without a terminal to ask on and without `--yes`, they refuse rather
than guess.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import confirm, echo
from walkapp.errors import (
    CorruptDatabaseError,
    NotFoundError,
    StorageError,
    ValidationError,
    WalkappError,
)
from walkapp.jsonout import dumps
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.cli.context import Context
    from walkapp.storage.backup import BackupInfo, BackupProblem


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("backup", help=tr("make a checked backup of the database now"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    # SQLite's online backup API copies a consistent snapshot beside a running app.
    p.set_defaults(handler=cmd_backup, writes=False)

    p = subparsers.add_parser("backups", help=tr("list the backups, newest first"))
    p.add_argument("--check", action="store_true",
                   help=tr("also run the integrity check on each backup"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_backups, writes=False)

    p = subparsers.add_parser(
        "restore", help=tr("put a backup back in place of the database"),
        description=tr("Restore BACKUP (a file name from `walkapp backups`, the start of one, "
                       "or a path). Without BACKUP, the newest backup that passes the integrity "
                       "check. The current database is copied to the backups first."))
    p.add_argument("backup", nargs="?", metavar="BACKUP", help=tr("which backup to restore"))
    p.add_argument("--yes", action="store_true", help=tr("do not ask for confirmation"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    # Restoring is how a lost database comes back: it runs with none in place.
    p.set_defaults(handler=cmd_restore, writes=True, needs_database=False)

    p = subparsers.add_parser(
        "purge", help=tr("remove walks older than a number of months"),
        description=tr("List the walks dated more than MONTHS months ago (and walks whose 30 "
                       "days in the Trash are over), then remove them and everything recorded "
                       "in them after confirmation: from the database and, unless "
                       "--keep-in-backups, from every backup. A backup is made first."))
    p.add_argument("--older-than", type=int, metavar="MONTHS",
                   help=tr("age in months (default: the retention setting)"))
    p.add_argument("--yes", action="store_true", help=tr("do not ask for confirmation"))
    p.add_argument("--keep-in-backups", action="store_true",
                   help=tr("leave the backups as they are (they keep the walks until the "
                           "rotation ages them out, about eight weeks)"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_purge, writes=True)

    p = subparsers.add_parser("retention",
                              help=tr("show or set how many months walks are kept"))
    p.add_argument("months", nargs="?", metavar="MONTHS|off",
                   help=tr("keep walks this many months, or `off` to keep everything"))
    p.set_defaults(handler=cmd_retention,
                   writes=lambda args: args.months is not None)  # writes when setting


# -- helpers ----------------------------------------------------------------------------------
def _database_path(context: Context) -> Path:
    path = context.settings.sqlite_path
    if path is None:
        raise WalkappError(tr("Backups are made of a local walkapp database file; this one is a "
                              "server ({database_url}). Use the server's own backup tools.").format(
                               database_url=context.settings.database_url))
    return path


def _size(size: int) -> str:
    from walkapp.storage.os_errors import human_size

    return human_size(size)  # 1 KB = 1024 bytes, in the locale's digits and words


def _when(info: BackupInfo) -> str:
    from walkapp import formatting as fmt

    return fmt.moment(info.created_at)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Bytes of a file name that are not UTF-8, as \\xNN (they cannot be printed as text)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _shown(text: str) -> str:
    """A file name fit for the terminal: anyone can name a file in backups/, so control
    characters are shown as visible escapes too."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", _printable(text))


def _state(found: tuple[BackupProblem, list[str]] | None) -> str:
    from walkapp.storage.backup import BackupProblem

    if found is None:
        return tr("ok")
    kind, problems = found
    if kind is BackupProblem.DAMAGED:
        return tr("DAMAGED: {problem}").format(problem=problems[0])
    return tr("CANNOT BE RESTORED: {problem}").format(problem=problems[0])


# -- backup / backups ---------------------------------------------------------------------------
def cmd_backup(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt
    from walkapp.storage.backup import backup_file, rotate_quietly

    path = _database_path(context)
    context.check_database()  # an empty or cut-short database is restored, not copied
    if not path.exists():
        raise NotFoundError(tr("There is no database at {path} yet, so nothing to back up.").format(
                                path=path))
    # No lock: the backup API copies a consistent snapshot while the app keeps writing.
    target = backup_file(path, context.settings.backup_dir, "manual")
    removed = rotate_quietly(context.settings.backup_dir)
    size = target.stat().st_size
    if args.json:
        print(dumps({"backup": str(target), "size_bytes": size,
                     "rotated_out": [str(p) for p in removed]}))
        return 0
    echo(tr("Backup written and checked: {target} ({size}).").format(
             target=target, size=_size(size)))
    if removed:
        echo(fmt.plural(len(removed), "{n} older backup removed by the rotation.",
                        "{n} older backups removed by the rotation."))
    return 0


def cmd_backups(args: argparse.Namespace, context: Context) -> int:
    from walkapp.storage.backup import check_backup, scan_backups

    backup_dir = context.settings.backup_dir
    backups, foreign = scan_backups(backup_dir)
    rows = [(info, check_backup(info.path) if args.check else None) for info in backups]
    # Foreign files are checked too (regular files only): `restore PATH` can take a good one.
    others = [(entry, check_backup(entry.path)
               if args.check and entry.size_bytes is not None else None)
              for entry in foreign]
    if args.json:
        print(dumps([*({"kind": "backup", "name": i.name, "path": str(i.path),
                        "reason": i.reason, "created_at": i.created_at,
                        "size_bytes": i.size_bytes, **_json_check(found, args.check)}
                       for i, found in rows),
                     *({"kind": "foreign", "name": _printable(e.name),
                        "path": _printable(str(e.path)),
                        "reason": None, "created_at": None, "size_bytes": e.size_bytes,
                        "why": e.why, **_json_check(found, args.check and
                                                    e.size_bytes is not None)}
                       for e, found in others)]))
        return 0
    if not backups and not foreign:
        echo(tr("No backups yet in {backup_dir}. Make one with `walkapp backup`.").format(
                 backup_dir=backup_dir))
        return 0
    if backups:
        echo(tr("Backups in {backup_dir}, newest first:").format(backup_dir=backup_dir))
    else:
        echo(tr("No backups made by walkapp in {backup_dir} yet. Make one with `walkapp "
                "backup`.").format(
                 backup_dir=backup_dir))
    for info, found in rows:
        state = "" if not args.check else f"  {_state(found)}"
        echo(f"  {_when(info)}  {info.reason:<24} {_size(info.size_bytes):>10}  "
              f"{info.name}{state}")
    if others:
        echo(tr("Foreign: not made by walkapp, so never restored without its path, rotated or "
                "deleted:"))
        for entry, found in others:
            size = "" if entry.size_bytes is None else f", {_size(entry.size_bytes)}"
            state = ("" if not args.check or entry.size_bytes is None else
                     f"  {_state(found)}")
            echo(_shown(f"  {entry.name}  ({entry.why}{size}){state}"))
    return 0


def _json_check(found: tuple[BackupProblem, list[str]] | None, checked: bool
                ) -> dict[str, Any]:
    if not checked:
        return {}
    if found is None:
        return {"ok": True, "problems": []}
    return {"ok": False, "problem": found[0].value, "problems": found[1]}


# -- restore ------------------------------------------------------------------------------------
def _find_backup(key: str, backup_dir: Path) -> Path:
    from walkapp.storage.backup import scan_backups

    candidate = Path(key).expanduser()
    looks_like_path = os.sep in key or (os.altsep is not None and os.altsep in key)
    if candidate.is_file() or (looks_like_path and os.path.lexists(candidate)):
        # A path the user gave: whatever it is, the check before restoring says if it is good.
        return candidate.absolute()
    backups, foreign = scan_backups(backup_dir)
    exact = [b for b in backups if b.name == key]
    matches = exact or [b for b in backups if b.name.startswith(key)]
    if not matches:
        odd = next((f for f in foreign if f.name == key), None)
        if odd is not None:
            raise NotFoundError(
                tr("{name} in {backup_dir} is not a backup walkapp made (`walkapp backups` "
                   "lists it as foreign: {why}). To restore it anyway, give its path: `walkapp "
                   "restore {path}`.").format(
                    name=_shown(odd.name), backup_dir=backup_dir, why=odd.why,
                    path=_shown(str(odd.path))))
        raise NotFoundError(tr("No backup matches “{key}”. `walkapp backups` lists them.").format(
                                key=key))
    if len(matches) > 1:
        names = ", ".join(b.name for b in matches[:5])
        raise ValidationError(tr("“{key}” matches {matches} backups ({names}). Give more of the "
                                 "name.").format(
                                  key=key, matches=len(matches), names=names))
    return matches[0].path


def _newest_good(backup_dir: Path, quiet: bool) -> Path:
    from walkapp.storage.backup import BackupProblem, check_backup, list_backups

    for info in list_backups(backup_dir):
        found = check_backup(info.path)
        if found is None:
            return info.path
        if not quiet:
            kind, problems = found
            skipping = (tr("Skipping the damaged backup {name}: {problems}")
                        if kind is BackupProblem.DAMAGED
                        else tr("Skipping the backup {name}: {problems}"))
            echo(skipping.format(name=info.name, problems=problems[0]), err=True)
    raise NotFoundError(tr("There is no good backup in {backup_dir} to restore.").format(
                            backup_dir=backup_dir))


def cmd_restore(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt
    from walkapp.storage.backup import list_backups, verify_backup
    from walkapp.storage.restore import restore

    path = _database_path(context)
    backup_dir = context.settings.backup_dir
    chosen = (_find_backup(args.backup, backup_dir) if args.backup
              else _newest_good(backup_dir, quiet=args.json))
    problems = verify_backup(chosen, quick=True) if args.backup else []
    if problems:
        # Say so before asking to confirm; restore() checks fully again before it writes.
        raise CorruptDatabaseError(
            tr("This backup cannot be restored: {problems}. The database was not changed. "
               "Choose another backup (`walkapp backups --check` says which are good).").format(
                problems=_shown(problems[0])))
    backups = list_backups(backup_dir)
    info = next((b for b in backups if b.path == chosen), None)
    label = f"{chosen.name} ({_when(info)}, {info.reason})" if info else _shown(str(chosen))
    if not args.json and not args.backup:
        echo(tr("Backups in {backup_dir}, newest first:").format(backup_dir=backup_dir))
        for b in backups[:15]:
            mark = "→" if b.path == chosen else " "
            echo(f"{mark} {_when(b)}  {b.reason:<24} {b.name}")
        if len(backups) > 15:
            echo(tr("  … and {backups} older (`walkapp backups` lists them all)").format(
                     backups=len(backups) - 15))
    if not args.json:
        echo(tr("Restore {label}").format(label=label))
        echo(tr("     into {path}?").format(path=path))
        if path.exists():
            echo(tr("The current database is copied to the backups first."))
    if not confirm(tr("Restore this backup?"), args.yes):
        echo(tr("Nothing was changed."))
        return 1
    result = restore(path, chosen, backup_dir)
    walks = _count_walks_after_restore(context)
    if args.json:
        print(dumps({"restored_from": str(result.restored_from),
                     "previous_copy": str(result.previous_copy or "") or None,
                     "previous_set_aside": str(result.previous_set_aside or "") or None,
                     "seconds": round(result.seconds, 4), "walks": walks}))
        return 0
    echo(tr("Restored in {seconds} s: {walks}.").format(
             seconds=fmt.number(result.seconds, 2), walks=fmt.plural(walks, 'walk', 'walks')))
    if result.previous_copy:
        echo(tr("The database as it was is kept as {previous_copy}.").format(
                 previous_copy=result.previous_copy))
    if result.previous_set_aside:
        echo(tr("The damaged database is kept, untouched, as {previous_set_aside}.").format(
                 previous_set_aside=result.previous_set_aside))
    return 0


def _count_walks_after_restore(context: Context) -> int:
    """Open the restored database the normal way (migrating an older backup) as a check."""
    try:
        return len(context.services.walks.list_walks())
    except StorageError as error:
        raise StorageError(tr("The backup was restored, but it does not open: {error}").format(
                               error=error)) from error


# -- purge / retention ---------------------------------------------------------------------
def cmd_purge(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt
    from walkapp.cli.trash import KEEP_NOTE, SCRUB_NOTE, print_scrub, removal_json, removed_line
    from walkapp.services.retention import RetentionService, check_months, months_before

    services = context.services
    retention = RetentionService(services.db, services.bus)
    months = args.older_than if args.older_than is not None else retention.retention_months()
    if months is None:
        raise ValidationError(tr("Say how old the walks to remove are: --older-than MONTHS (or "
                                 "set a default with `walkapp retention MONTHS`)."))
    months = check_months(months)
    from datetime import date

    keep = args.keep_in_backups
    cutoff = months_before(date.today(), months)
    walks = retention.walks_older_than(months)
    listed = {w.id for w in walks}
    # A purge also ends the Trash's 30 days, like the app's start-up does.
    expired = [t for t in services.trash.expired() if t.id not in listed]
    if not walks and not expired:
        result = services.trash.remove_for_good([], reason="pre-purge", keep_in_backups=keep)
        if args.json:
            print(dumps({"cutoff": cutoff, **removal_json(result, keep)}))
        else:
            echo(tr("No walks are dated before {cutoff} ({months} ago). Nothing to remove.").format(
                     cutoff=fmt.short_date(cutoff), months=fmt.plural(months, 'month', 'months')))
            print_scrub(result)
        return 0
    if not args.json:
        if walks:
            echo(tr("{walks} dated before {cutoff} would be removed, with all their notes, "
                    "reflections, commitments and action items:").format(
                     walks=fmt.plural(len(walks), 'walk', 'walks'), cutoff=fmt.short_date(cutoff)))
            for w in walks:
                where = tr("  (in the Trash)") if w.trashed_at is not None else ""
                echo(f"  {fmt.short_date(w.walk_date)}  {w.id[:8]}  {w.title}  "
                     f"({fmt.plural(w.note_count, 'note', 'notes')}){where}")
        if expired:
            echo(fmt.plural(len(expired), "{n} walk whose 30 days in the Trash are over "
                            "would be removed too:", "{n} walks whose 30 days in the Trash "
                            "are over would be removed too:"))
            for t in expired:
                echo(f"  {fmt.short_date(t.walk_date)}  {t.id[:8]}  {t.title}  "
                     f"({fmt.plural(t.note_count, 'note', 'notes')})")
        echo(tr("A backup is made first. {note}").format(
            note=tr(KEEP_NOTE if keep else SCRUB_NOTE)))
    total = len(walks) + len(expired)
    question = (tr("Remove this walk?") if total == 1
                else tr("Remove these {count} walks?").format(count=fmt.number(total)))
    if not confirm(question, args.yes):
        echo(tr("Nothing was removed."))
        return 1
    result = retention.purge_walks([w.id for w in walks] + [t.id for t in expired],
                                   keep_in_backups=keep)
    failed = result.scrub is not None and bool(result.scrub.failed)
    if args.json:
        print(dumps({"cutoff": cutoff, **removal_json(result, keep)}))
        return 1 if failed else 0
    echo(removed_line(result, tr("Removed {walks}; {summary}."), tr("Removed {walks}.")))
    print_scrub(result, summary=False)
    if keep and result.backup:
        echo(tr("The backup made just before is {backup}; the walks are kept in the backups "
                "until the rotation ages them out.").format(backup=result.backup))
    return 1 if failed else 0


def cmd_retention(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt
    from walkapp.services.retention import RetentionService

    if args.months is None:
        services = context.services
        months = RetentionService(services.db, services.bus).retention_months()
        if months is None:
            echo(tr("Walks are kept until you remove them (no retention period set)."))
        else:
            echo(tr("Walks older than {months} are offered for removal (`walkapp purge` removes "
                    "them after confirmation).").format(
                     months=fmt.plural(months, 'month', 'months')))
        return 0
    value: int | None
    if args.months.strip().casefold() in {"off", "none", "never"}:
        value = None
    else:
        try:
            value = int(args.months)
        except ValueError:
            raise ValidationError(tr("{months!r} is not a number of months; give a whole "
                                     "number, or `off`.").format(
                                      months=args.months)) from None
    services = context.services
    RetentionService(services.db, services.bus).set_retention_months(value)
    echo(tr("Retention period removed: walks are kept until you remove them.")
         if value is None
         else tr("Retention period set: walks older than {months} are offered for removal "
                 "by `walkapp purge`.").format(months=fmt.plural(value, "month", "months")))
    return 0
