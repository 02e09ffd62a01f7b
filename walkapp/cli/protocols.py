"""Commands about protocols and the language nudge: `walkapp protocol list|check|show|import|
duplicate|upgrade` and `walkapp nudge`. None of them opens the database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walkapp.cli.terminal import echo
from walkapp.errors import WalkappError
from walkapp.jsonout import dumps
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.cli.context import Context

EXIT_USAGE = 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "protocol", help=tr("list, check, import and copy protocols"),
        description=tr("Protocols are TOML files; see protocols/README.md for the format."))
    parser.set_defaults(handler=lambda args, context: _usage(parser), writes=False)
    commands = parser.add_subparsers(dest="protocol_command", metavar="ACTION")

    p = commands.add_parser("list", help=tr("list the protocols you can choose from"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=cmd_list, writes=False)

    p = commands.add_parser("check", help=tr("check protocol (or word-list) files; exits "
                                             "non-zero if any has a problem"))
    p.add_argument("files", nargs="+", metavar="FILE",
                   help=tr(".toml files, or folders to check the .toml files in"))
    p.set_defaults(handler=cmd_check, writes=False)

    p = commands.add_parser("show", help=tr("show one protocol's phases and steps"))
    p.add_argument("protocol_id", metavar="ID")
    p.add_argument("--json", action="store_true", help=tr("print the protocol as JSON"))
    p.set_defaults(handler=cmd_show, writes=False)

    p = commands.add_parser("import", help=tr("copy a protocol file into your library"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true",
                   help=tr("overwrite your protocol with the same id"))
    p.set_defaults(handler=cmd_import, writes=True)

    p = commands.add_parser("duplicate", help=tr("copy a protocol under a new id to adapt it"))
    p.add_argument("protocol_id", metavar="ID")
    p.add_argument("new_id", metavar="NEW_ID")
    p.add_argument("--title", help=tr("title of the copy (default: the original's + “(copy)”)"))
    p.set_defaults(handler=cmd_duplicate, writes=True)

    p = commands.add_parser("upgrade", help=tr("rewrite a version 1 protocol file as format "
                                               "version 2 (same walk, more keys allowed)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT",
                   help=tr("write the rewrite here instead of changing FILE"))
    p.set_defaults(handler=cmd_upgrade, writes=False)

    p = subparsers.add_parser(
        "nudge", help=tr("flag judgemental wording and possible names, one note per line"),
        description=tr("Reads one note per line on stdin and prints one JSON object per line: "
                       "{\"text\": ..., \"flags\": [{\"start\", \"end\", \"kind\", "
                       "\"suggestion\"}]}."))
    p.add_argument("--lang", default="en", help=tr("language of the notes (default: en)"))
    p.set_defaults(handler=cmd_nudge, writes=False)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    echo(tr("walkapp: error: choose an action: list, check, show, import or duplicate"), err=True)
    return EXIT_USAGE


def _library(context: Context) -> Any:
    from walkapp.protocol.library import ProtocolLibrary

    return ProtocolLibrary.for_settings(context.settings)


def cmd_list(args: argparse.Namespace, context: Context) -> int:
    library = _library(context)
    entries, problems = library.entries, library.problems
    if args.json:
        print(dumps({
            "protocols": [{
                "id": e.id, "version": e.protocol.version, "title": e.title,
                "language": e.protocol.language, "builtin": e.builtin, "path": str(e.path),
                "summary": e.protocol.summary,
                "source": e.protocol.source.citation if e.protocol.source else "",
                "planned_minutes": e.protocol.planned_minutes,
                "has_visits": e.protocol.has_visits, "hash": e.content_hash,
            } for e in entries],
            "problems": [p.message for p in problems]}))
        return 0
    # The column headings (capitals, as a terminal table's), each translated alone.
    heads = (tr("ID"), tr("VERSION"), tr("WHOSE"), tr("TITLE"))
    echo(f"{heads[0]:<24}  {heads[1]:<7}  {heads[2]:<8}  {heads[3]}")
    for e in entries:
        whose = tr("built-in") if e.builtin else tr("yours")
        echo(f"{e.id:<24}  {e.protocol.version:<7}  {whose:<8}  {e.title}")
    for problem in problems:
        echo(tr("walkapp: skipped {message}").format(message=problem.message), err=True)
    return 0


def _files(paths: list[str]) -> list[tuple[Path, str | None]]:
    """Expand folders; (path, reason to skip or None)."""
    out: list[tuple[Path, str | None]] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.toml") if "__pycache__" not in p.parts)
            out += [(p, None) for p in found]
            if not found:
                out.append((path, tr("has no .toml files")))
        elif path.exists() and path.suffix.lower() != ".toml":
            out.append((path, tr("is not a .toml file")))
        else:
            out.append((path, None))
    return out


def check_one(path: Path) -> tuple[str, list[WalkappError], list[WalkappError]]:
    """Check a protocol or word-list file: (what it is, its problems, its warnings).

    A warning is something the file may keep but should know about: a key this walkapp
    does not show anywhere, a language without a nudge word list."""
    from walkapp.nudge.lexicon import LEXICON_KIND, check_lexicon_data
    from walkapp.protocol.errors import ProtocolError
    from walkapp.protocol.loader import check_data, parse_toml, protocol_warnings, read_text

    try:
        text = read_text(path)
        data = parse_toml(text, str(path))
    except ProtocolError as error:
        return "", [error], []
    if data.get("kind") == LEXICON_KIND:
        lexicon, errors = check_lexicon_data(data, str(path), text)
        what = tr("word list ({language})").format(language=lexicon.language) if lexicon else ""
        return what, list(errors), []
    protocol, problems = check_data(data, str(path), text)
    if protocol is None:
        return "", list(problems), []
    from walkapp.protocol.library import translation_check

    # Another language of a protocol beside it (or built in) must keep its keys.
    if (mismatch := translation_check(protocol, path)) is not None:
        return "", [mismatch], []
    warnings = [*protocol_warnings(data, str(path), text),
                *_language_warnings(protocol.language, str(path), text)]
    return f"{protocol.id} — {protocol.title}", [], list(warnings)


def _language_warnings(language: str, name: str, text: str) -> list[WalkappError]:
    """The nudge needs a word list for the protocol's language (here, not in the protocol
    package: the word lists belong to walkapp.nudge, a layer above it)."""
    from walkapp.nudge import available_languages, load_lexicon
    from walkapp.protocol.loader import warning_at

    if load_lexicon(language) is not None:
        return []
    have = ", ".join(available_languages()) or tr("none")
    return [warning_at(("language",), tr(
        'there is no nudge word list for "{language}" (protocols/lang/{language}.toml), so the '
        "nudge uses English for walks of this protocol; word lists exist for: {have}").format(
            language=language, have=have), name, text)]


def cmd_check(args: argparse.Namespace, context: Context) -> int:
    """Errors and warnings go to stderr, one line each ("walkapp: error: …" / "walkapp:
    warning: …"); a file with warnings only is still "ok" and the exit status stays 0."""
    from walkapp import formatting as fmt

    checked = failed = warned = 0
    for path, skip in _files(args.files):
        if skip is not None:
            echo(tr("skipped  {path} ({skip})").format(path=path, skip=skip))
            continue
        checked += 1
        what, problems, warnings = check_one(path)
        if problems:
            failed += 1
            for problem in problems:
                echo(tr("walkapp: error: {message}").format(message=problem.message), err=True)
            continue
        for warning in warnings:
            echo(tr("walkapp: warning: {message}").format(message=warning.message), err=True)
        if warnings:
            warned += 1
            what = tr("{what}; {warnings}").format(
                what=what, warnings=fmt.plural(len(warnings), "warning", "warnings"))
        echo(tr("ok       {path} ({what})").format(path=path, what=what))
    if warned:
        summary = fmt.plural(checked, "{n} file checked, {failed} with problems, {warned} with "
                             "warnings.", "{n} files checked, {failed} with problems, {warned} "
                             "with warnings.")
    else:
        summary = fmt.plural(checked, "{n} file checked, {failed} with problems.",
                             "{n} files checked, {failed} with problems.")
    echo(summary.format(failed=fmt.number(failed), warned=fmt.number(warned)))
    return 1 if failed else 0


def cmd_show(args: argparse.Namespace, context: Context) -> int:
    from walkapp.protocol.snapshot import to_data

    entry = _library(context).entry(args.protocol_id)
    protocol = entry.protocol
    if args.json:
        print(dumps(to_data(protocol)))
        return 0
    # A protocol is a user's file: every line through echo() (visible escapes, one line).
    echo(tr("{title} ({id}, version {version}, {value})").format(
             title=protocol.title, id=protocol.id, version=protocol.version,
             value=tr("built-in") if entry.builtin else str(entry.path)))
    if protocol.source:
        echo(tr("Source: {citation}").format(citation=protocol.source.citation))
    if protocol.based_on:
        echo(tr("Based on: {based_on}").format(based_on=protocol.based_on))
    echo(tr("Visits {visit_minutes} min, corridor {corridor_minutes} min, groups of "
            "{group_min}–{group_max}").format(
             visit_minutes=protocol.visit_minutes, corridor_minutes=protocol.corridor_minutes,
             group_min=protocol.group_min, group_max=protocol.group_max))
    for phase in protocol.phases:
        echo()
        echo(tr("{title} ({planned_minutes} min)").format(
                 title=phase.title, planned_minutes=phase.planned_minutes))
        for step in phase.steps:
            minutes = tr("route") if step.minutes is None else tr("{minutes} min").format(
                minutes=step.minutes)
            echo(f"  {step.title:<40} {minutes:>7}  [{step.activity.value}]")
    return 0


def cmd_import(args: argparse.Namespace, context: Context) -> int:
    # The library is in the data folder: like every command that changes it, refuse while
    # the database is missing where one was expected (the user should restore first).
    context.check_database()
    entry = _library(context).import_file(args.file, replace=args.replace)
    echo(tr("Imported “{title}” ({id}) into your library: {path}").format(
             title=entry.title, id=entry.id, path=entry.path))
    # The same warnings as `check` (the file is fine, but its author should know).
    for warning in check_one(Path(entry.path))[2]:
        echo(tr("walkapp: warning: {message}").format(message=warning.message), err=True)
    return 0


def cmd_duplicate(args: argparse.Namespace, context: Context) -> int:
    context.check_database()
    entry = _library(context).duplicate(args.protocol_id, args.new_id, args.title)
    echo(tr("Created “{title}” ({id}): {path}").format(
             title=entry.title, id=entry.id, path=entry.path))
    echo(tr("Edit it in a text editor, then run `walkapp protocol check {path}`.").format(
             path=entry.path))
    return 0


def cmd_upgrade(args: argparse.Namespace, context: Context) -> int:
    """Only the schema_version line changes; the file is replaced atomically (a crash or a
    full disk leaves the old one) and keeps its permissions."""
    import os

    from walkapp.errors import ReadOnlyError
    from walkapp.protocol.loader import read_text
    from walkapp.protocol.upgrade import WHAT_VERSION_2_ADDS, upgrade_text
    from walkapp.storage.safe_files import write_private_atomically

    source = Path(args.file)
    upgraded = upgrade_text(read_text(source), str(source))
    target = Path(args.output) if args.output else source
    try:
        kept = source.stat().st_mode & 0o777 if target == source else None
        write_private_atomically(target, upgraded.encode("utf-8"))
        if kept is not None:
            os.chmod(target, kept)
    except OSError as error:
        raise ReadOnlyError(tr("walkapp could not write {target} ({value}); nothing was "
                               "changed").format(
                                target=target, value=error.strerror or error)) from None
    echo(tr("Upgraded {target} to protocol format version 2: only its schema_version line "
            "changed, and it runs the same walk as before.").format(target=target))
    echo(tr("Version 2 adds: {additions} (see protocols/README.md).").format(
             additions="; ".join(tr(added) for added in WHAT_VERSION_2_ADDS)))
    return 0


def cmd_nudge(args: argparse.Namespace, context: Context) -> int:
    from walkapp.nudge import available_languages, check, load_lexicon

    if load_lexicon(args.lang) is None:
        raise WalkappError(tr("There is no word list for the language “{lang}”; available: "
                              "{available_languages}.").format(
                               lang=args.lang,
                               available_languages=', '.join(available_languages())))
    for raw in sys.stdin.buffer:
        text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        flags = [{"start": f.start, "end": f.end, "kind": f.kind, "suggestion": f.suggestion}
                 for f in check(text, args.lang, detect=False)]
        # jsonout.dumps: JSON whose odd characters are \\u escapes, safe on a terminal.
        sys.stdout.write(dumps({"text": text, "flags": flags}, indent=None) + "\n")
        sys.stdout.flush()
    return 0
