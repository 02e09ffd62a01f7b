"""The facilitator's portfolio and communication log on the command line.

- `walkapp portfolio --from DATE --to DATE -o FILE.zip`: the portfolio of the walks of
  the period (one PDF and the same artifacts as separate files, walkapp.exports.portfolio).
  `--only agendas,protocols,reflections,feedback,debriefs` chooses what goes in (default:
  all of them). The communication log goes in only when asked for: `--include-log` takes
  every entry of the period, `--include-log ID …` the entries named (the start of an id,
  as `walkapp log` lists them); names in them are replaced unless `--log-as-written`.
  `--preview-log` prints the chosen entries as the portfolio would, and writes nothing.
- `walkapp log [--from DATE] [--to DATE] [--walk W]`: the log's entries, newest first.
- `walkapp log add --kind meeting|message|note --date DATE [--with WHO] [--walk W] TEXT`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo
from walkapp.errors import ValidationError
from walkapp.jsonout import dumps
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.cli.context import Context
    from walkapp.services.comm_log import LogEntry

# The artifacts' CLI names (walkapp.reports.build_portfolio.Artifact, without importing it).
ARTIFACTS = ("agendas", "protocols", "reflections", "feedback", "debriefs")
KINDS = ("meeting", "message", "note")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "portfolio", help=tr("a portfolio of the walks of a period (.zip: one PDF and each "
                             "artifact apart)"),
        description=tr("The walks from --from to --to: a cover, each session's agenda, "
                       "reflections, feedback and debrief, the protocols in use, and the "
                       "communication-log entries you choose, as one PDF and as separate "
                       "files in one zip."))
    p.add_argument("--from", dest="start", required=True, metavar="DATE",
                   help=tr("the first day of the period (YYYY-MM-DD)"))
    p.add_argument("--to", dest="end", required=True, metavar="DATE",
                   help=tr("the last day of the period (YYYY-MM-DD)"))
    p.add_argument("-o", "--output", metavar="FILE.zip",
                   help=tr("where to write the portfolio"))
    p.add_argument("--only", metavar="LIST",
                   help=tr("what to put in, comma-separated: {names} (default: all)").format(
                       names=",".join(ARTIFACTS)))
    p.add_argument("--include-log", nargs="*", metavar="ID",
                   help=tr("put communication-log entries in: every entry of the period, or "
                           "those whose ids start with ID"))
    p.add_argument("--log-as-written", action="store_true",
                   help=tr("print the log's entries as written, names included (default: "
                           "names replaced)"))
    p.add_argument("--preview-log", action="store_true",
                   help=tr("print the chosen log entries as the portfolio would; write "
                           "nothing"))
    p.add_argument("--paper", choices=("a4", "letter"),
                   help=tr("paper size (default: from your locale)"))
    p.add_argument("--json", action="store_true", help=tr("print what was written as JSON"))
    p.set_defaults(handler=cmd_portfolio, writes=False)  # the zip goes outside

    p = subparsers.add_parser(
        "log", help=tr("list or add entries of your communication log"),
        description=tr("Your notes of meetings, messages and other exchanges with teachers. "
                       "They stay on this laptop: only a portfolio you make carries them."))
    _filters(p)
    p.set_defaults(handler=cmd_log_list, writes=False)
    actions = p.add_subparsers(dest="log_action", metavar="ACTION", parser_class=type(p))
    q = actions.add_parser("list", help=tr("list the entries, newest first"))
    _filters(q, suppress=True)
    q.set_defaults(handler=cmd_log_list, writes=False)
    q = actions.add_parser("add", help=tr("add an entry"))
    q.add_argument("text", metavar="TEXT", help=tr("what was said or agreed"))
    q.add_argument("--kind", choices=KINDS, default="note", help=tr("default: note"))
    q.add_argument("--date", required=True, metavar="DATE", help=tr("the day (YYYY-MM-DD)"))
    q.add_argument("--with", dest="with_whom", default="", metavar="WHO",
                   help=tr("whom it was with"))
    q.add_argument("--walk", metavar="W", help=tr("the walk it is about (id or start of "
                                                  "its title)"))
    q.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help=tr("print JSON"))
    q.set_defaults(handler=cmd_log_add, writes=True)


def _filters(p: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    default: Any = argparse.SUPPRESS if suppress else None
    p.add_argument("--from", dest="start", metavar="DATE", default=default,
                   help=tr("from this day"))
    p.add_argument("--to", dest="end", metavar="DATE", default=default,
                   help=tr("up to this day"))
    p.add_argument("--walk", metavar="W", default=default,
                   help=tr("only the entries about this walk"))
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress
                   else False, help=tr("print JSON"))


def _day(value: str | None) -> Any:
    from walkapp.services import validate

    return None if value is None else validate.parse_date(value)


def _entry_json(entry: LogEntry) -> dict[str, Any]:
    return {"id": entry.id, "kind": entry.kind.value, "date": entry.entry_date.isoformat(),
            "with_whom": entry.with_whom, "text": entry.text, "walk_id": entry.walk_id,
            "walk_title": entry.walk_title}


def cmd_log_list(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt
    from walkapp.services.comm_log import KIND_LABELS

    services = context.services
    walk = getattr(args, "walk", None)
    walk_id = services.walks.find_walk(walk).id if walk else None
    entries = services.log.list_entries(_day(getattr(args, "start", None)),
                                        _day(getattr(args, "end", None)), walk_id)
    if getattr(args, "json", False):
        print(dumps([_entry_json(e) for e in entries]))
        return 0
    if not entries:
        echo(tr("No log entries."))
    for entry in entries:
        who = f" · {entry.with_whom}" if entry.with_whom else ""
        about = f" · {entry.walk_title}" if entry.walk_title else ""
        echo(f"{entry.id[:8]}  {fmt.short_date(entry.entry_date)}  "
             f"{fmt.tr(KIND_LABELS[entry.kind])}{who}{about}")
        echo(f"          {' '.join(entry.text.split())[:200]}")
    return 0


def cmd_log_add(args: argparse.Namespace, context: Context) -> int:
    services = context.services
    walk_id = services.walks.find_walk(args.walk).id if args.walk else None
    entry = services.log.add_entry(args.kind, _day(args.date), args.with_whom, args.text,
                                   walk_id)
    if getattr(args, "json", False):
        print(dumps(_entry_json(entry)))
    else:
        echo(tr("Added the entry {id} to your communication log.").format(id=entry.id[:8]))
    return 0


def _chosen_log(context: Context, args: argparse.Namespace, start: Any, end: Any
                ) -> tuple[str, ...]:
    if args.include_log is None:
        return ()
    entries = context.services.log.list_entries(start, end, newest_first=False)
    if not args.include_log:
        return tuple(e.id for e in entries)
    chosen: list[str] = []
    for key in args.include_log:
        found = [e.id for e in entries if e.id.startswith(key.strip().lower())]
        if len(found) != 1:
            raise ValidationError(tr("No single log entry of the period has an id starting "
                                     "with “{key}”: see `walkapp log --from … --to …`.")
                                  .format(key=key))
        chosen.append(found[0])
    return tuple(chosen)


def cmd_portfolio(args: argparse.Namespace, context: Context) -> int:
    from walkapp import formatting as fmt
    from walkapp.exports.portfolio import check, preview_log, write_portfolio
    from walkapp.reports.build_portfolio import Artifact, PortfolioRequest
    from walkapp.reports.paper import Paper

    start, end = _day(args.start), _day(args.end)
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in ARTIFACTS]
        if unknown:
            raise ValidationError(tr("--only takes {names}; not {unknown}.").format(
                names=", ".join(ARTIFACTS), unknown=", ".join(unknown)))
        artifacts = {Artifact(n) for n in names}
    else:
        artifacts = {Artifact(n) for n in ARTIFACTS}
    log = _chosen_log(context, args, start, end)
    if log:
        artifacts.add(Artifact.LOG)
    request = PortfolioRequest(start, end, frozenset(artifacts), log,
                               anonymise_log=not args.log_as_written,
                               paper=Paper(args.paper) if args.paper else None)
    check(request)
    if args.preview_log:
        for item in preview_log(context.services, request):
            who = f" · {item.with_whom}" if item.with_whom else ""
            echo(f"{fmt.short_date(item.entry_date)}  {item.kind}{who}")
            echo(f"    {item.text}")
        return 0
    if not args.output:
        raise ValidationError(tr("Say where to write the portfolio: -o FILE.zip."))
    written = write_portfolio(context.services, request, args.output)
    if args.json:
        print(dumps(written))
        return 0
    echo(tr("Wrote the portfolio of {sessions} to {path} ({files}).").format(
        sessions=fmt.plural(written.sessions, "session", "sessions"), path=written.path,
        files=fmt.plural(len(written.files), "file", "files")))
    if written.log_entries:
        echo(fmt.plural(written.log_entries,
                        "It holds {n} entry of your communication log.",
                        "It holds {n} entries of your communication log."))
    return 0
