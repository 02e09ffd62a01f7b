"""Commands that carry a walk between laptops: kit, open-kit, export, import.

Passphrases never appear on the command line (where other users and shell history could
see them): they are read from a file given with --passphrase-file, or asked for without
echo when walkapp runs in a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from walkapp.cli.data import cmd_data_export, data_export_options, register_import_data
from walkapp.cli.import_lines import print_import_report
from walkapp.cli.terminal import echo
from walkapp.errors import NotFoundError
from walkapp.messages import tr

if TYPE_CHECKING:
    from walkapp.bundles import BundleService, PassphraseNeededError
    from walkapp.cli.context import Context

# walkapp.bundles.format's, for the help text: the bundles package (its service, the
# services, SQLAlchemy, the crypto) loads only when a command runs. A test checks they agree.
KIT_EXTENSION = ".walkkit"
NOTES_EXTENSION = ".walknotes"


def register(subparsers: Any) -> None:
    # No abbreviations: `--passphrase SECRET` must not be taken for --passphrase-file.
    p = subparsers.add_parser(
        "kit", allow_abbrev=False, help=tr("write a walk kit ({kit_extension}) for a walker's "
                                           "laptop").format(
                                            kit_extension=KIT_EXTENSION))
    p.add_argument("walk", metavar="WALK", help=tr("walk id, or an unambiguous start of its "
                                                   "title"))
    p.add_argument("--walker", metavar="NAME",
                   help=tr("the walker it is for (default: any walker picks their name)"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=tr("file to write"))
    _passphrase_options(p, writing=True)
    # Writes: the first kit makes the walk's kit secret (walkapp.bundles.trust), and each
    # kit is recorded (when, for whom) so removing a look-for or visit while kits are out
    # can say so first (walkapp.services.kits_out).
    p.set_defaults(handler=cmd_kit, writes=True)

    p = subparsers.add_parser("open-kit", allow_abbrev=False,
                              help=tr("open a walk kit on a walker's laptop"))
    p.add_argument("file", metavar="FILE", help=tr("the {kit_extension} file").format(
                                                    kit_extension=KIT_EXTENSION))
    p.add_argument("--walker", metavar="NAME", help=tr("your name on the kit's roster"))
    _passphrase_options(p, writing=False)
    p.set_defaults(handler=cmd_open_kit, writes=True)

    p = subparsers.add_parser(
        "export", allow_abbrev=False,
        help=tr("write a walker's notes file ({notes_extension}) for the facilitator, or "
                "with --owner or --shared a data export (JSON or CSV)").format(
                 notes_extension=NOTES_EXTENSION))
    p.add_argument("walk", metavar="WALK", nargs="?",
                   help=tr("walk id, or an unambiguous start of its title (a notes file)"))
    p.add_argument("--walker", metavar="NAME",
                   help=tr("whose notes (default on a walker's laptop: that walker)"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=tr("file to write"))
    _passphrase_options(p, writing=True)
    data_export_options(p)
    # Writing a notes file (or an owner's export) first records unsent edits as versions.
    p.set_defaults(handler=cmd_export, writes=True)

    p = subparsers.add_parser("import", allow_abbrev=False,
                              help=tr("import walkers' notes files into their walks"))
    p.add_argument("files", nargs="+", metavar="FILE", help=tr("{notes_extension} files").format(
                                                                notes_extension=NOTES_EXTENSION))
    p.add_argument("--json", action="store_true", help=tr("print the import report as JSON"))
    _passphrase_options(p, writing=False)
    p.set_defaults(handler=cmd_import, writes=True)
    register_import_data(subparsers)


def _passphrase_options(parser: argparse.ArgumentParser, *, writing: bool) -> None:
    parser.add_argument("--passphrase-file", metavar="F",
                        help=tr("read the passphrase from the first line of file F"))
    if writing:
        parser.add_argument("--ask-passphrase", action="store_true",
                            help=tr("protect the file with a passphrase typed at a prompt"))


def _read_passphrase_file(name: str) -> str:
    from walkapp.bundles import BundleError

    try:
        text = Path(name).read_text(encoding="utf-8")
    except OSError as error:
        raise BundleError(tr("The passphrase file {name} cannot be read: {value}.").format(
                              name=name, value=error.strerror or error)) from None
    except UnicodeDecodeError:
        raise BundleError(tr("The passphrase file {name} is not text.").format(name=name)) from None
    line = text.splitlines()[0] if text.strip() else ""
    if not line:
        raise BundleError(tr("The passphrase file {name} is empty.").format(name=name))
    return line


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _passphrase_for_writing(args: argparse.Namespace) -> str | None:
    from walkapp.bundles import BundleError

    if args.passphrase_file:
        return _read_passphrase_file(args.passphrase_file)
    if not getattr(args, "ask_passphrase", False):
        return None
    if not _interactive():
        raise BundleError(tr("--ask-passphrase needs a terminal; use --passphrase-file F."))
    first = getpass.getpass(tr("Passphrase for the file: "))
    if getpass.getpass(tr("Type it again: ")) != first:
        raise BundleError(tr("The two passphrases differ; nothing was written."))
    return first


def _passphrase_for_reading(args: argparse.Namespace) -> str | None:
    return _read_passphrase_file(args.passphrase_file) if args.passphrase_file else None


def _ask_passphrase_or_fail(error: PassphraseNeededError) -> str:
    from walkapp.bundles import BundleError

    if not _interactive():
        raise BundleError(tr("{message} Give it with --passphrase-file F.").format(
                              message=error.message))
    return getpass.getpass(tr("Passphrase: "))


def _walker_id(context: Context, walk_id: str, name: str | None) -> str | None:
    if name is None:
        return None
    from walkapp.services.plan import name_key

    walk = context.services.walks.get_walk(walk_id)
    wanted = name_key(name)
    found = [p for p in walk.walkers if p.id == name or name_key(p.display_name) == wanted]
    if len(found) != 1:
        names = ", ".join(p.display_name for p in walk.walkers) or tr("nobody yet")
        raise NotFoundError(tr("No walker called {name!r} on “{title}”. Walkers: {names}.").format(
                                name=name, title=walk.title, names=names))
    return found[0].id


def _bundles(context: Context) -> BundleService:
    from walkapp.bundles import BundleService

    services = context.services
    return BundleService(services.db, services.bus)


def cmd_kit(args: argparse.Namespace, context: Context) -> int:
    walk = context.services.walks.find_walk(args.walk)
    walker_id = _walker_id(context, walk.id, args.walker)
    passphrase = _passphrase_for_writing(args)
    path = _bundles(context).write_kit(walk.id, args.output, walker_id, passphrase)
    named = walk.participant(walker_id)
    who = named.display_name if named else tr("any walker on the roster")
    if passphrase:
        echo(tr("Wrote the walk kit for {who} to {path} (protected with a passphrase).").format(
                 who=who, path=path))
    else:
        echo(tr("Wrote the walk kit for {who} to {path}.").format(who=who, path=path))
    return 0


def cmd_open_kit(args: argparse.Namespace, context: Context) -> int:
    from walkapp.bundles import BundleError, PassphraseNeededError, WalkerChoiceNeededError

    bundles = _bundles(context)
    passphrase = _passphrase_for_reading(args)
    try:
        bundles.preview_kit(args.file, passphrase)
    except PassphraseNeededError as error:
        passphrase = _ask_passphrase_or_fail(error)
    except BundleError as error:  # say which file: "The file does not exist" alone is vague
        raise BundleError(f"{args.file}: {error.message}") from None
    walker = args.walker
    try:
        opened = bundles.open_kit(args.file, walker, passphrase)
    except WalkerChoiceNeededError as error:
        if not _interactive() or walker:
            raise BundleError(tr("{message} Name yourself with --walker NAME.").format(
                                  message=error.message)) from None
        for number, name in enumerate(error.walker_names, start=1):
            echo(f"  {number}. {name}")
        answer = input(tr("Which walker are you? Type the number: ")).strip()
        if not answer.isdigit() or not 1 <= int(answer) <= len(error.walker_names):
            raise BundleError(tr("No walker chosen; nothing was changed.")) from None
        opened = bundles.open_kit(args.file, error.walker_names[int(answer) - 1], passphrase)
    said = (tr("Opened “{walk_title}” on this laptop for {walker_name} ({walk_id}).")
            if opened.created else
            tr("Updated “{walk_title}” on this laptop for {walker_name} ({walk_id})."))
    echo(said.format(walk_title=opened.walk_title, walker_name=opened.walker_name,
                     walk_id=opened.walk_id[:8]))
    return 0


def cmd_export(args: argparse.Namespace, context: Context) -> int:
    from walkapp.bundles import BundleError

    if args.owner or args.shared:
        return cmd_data_export(args, context)
    if args.walks or args.all or args.format or args.json:
        raise BundleError(tr("--walk, --all, --format and --json go with --owner or --shared "
                             "(a data export)."))
    if args.walk is None:
        raise BundleError(tr("Name the walk whose notes file to write, or ask for a data "
                             "export with --owner or --shared."))
    walk = context.services.walks.find_walk(args.walk)
    walker_id = _walker_id(context, walk.id, args.walker)
    if walker_id is None:
        walker_id = walk.local_participant_id
        if walker_id is None:
            raise BundleError(tr("Name the walker whose notes to write with --walker NAME."))
    passphrase = _passphrase_for_writing(args)
    path = _bundles(context).write_notes(walk.id, walker_id, args.output, passphrase)
    name = walk.participant(walker_id)
    if name is None:
        echo(tr("Wrote the walker's notes for “{title}” to {path}.").format(
                 title=walk.title, path=path))
    else:
        echo(tr("Wrote {value}'s notes for “{title}” to {path}.").format(
                 value=name.display_name, title=walk.title, path=path))
    return 0


def cmd_import(args: argparse.Namespace, context: Context) -> int:
    bundles = _bundles(context)
    passphrase = _passphrase_for_reading(args)
    report = bundles.import_files(args.files, passphrase)
    needs = [f for f in report.files if not f.accepted and f.locked]
    if needs and passphrase is None and _interactive():
        passphrase = getpass.getpass(tr("Some files are protected. Passphrase: "))
        retry = bundles.import_files([f.path for f in needs], passphrase)
        by_path = {f.path: f for f in retry.files}
        from dataclasses import replace

        report = replace(report, files=tuple(by_path.get(f.path, f) for f in report.files),
                         backup_path=report.backup_path or retry.backup_path)
    return print_import_report(report, as_json=args.json)
