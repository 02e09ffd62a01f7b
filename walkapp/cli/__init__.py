"""The `walkapp` command: no arguments opens the desktop app; subcommands work headless.
`walkapp FILE.walkkit` (or a `.walknotes` file: what a double-click on the file runs) opens
the desktop app with that file: a walk kit is opened and its walk shown, notes are imported.

Bad input ends with one clear line on stderr and a non-zero exit, never a traceback.
Commands live in sibling modules, each with a `register(subparsers)` function.

Every command declares whether it changes the data folder: `set_defaults(handler=…,
writes=True | False | a function of the parsed arguments)`. `main` takes the data folder
lock before a writing command runs (so a running app refuses it, naming itself), and gives
a read-only command a database that refuses changes. A command that forgets to declare is
treated as writing; tests/core/test_cli_lock.py lists every command and fails on it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from walkapp import __version__
from walkapp.cli.arguments import add_language_option, check_arguments
from walkapp.cli.context import Context
from walkapp.cli.terminal import echo, echo_error, safe_output, shorten, visible
from walkapp.errors import WalkappError
from walkapp.messages import N_, tr

EXIT_USAGE = 2
EXIT_INTERNAL = 70

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES = ["walkapp.cli.walks", "walkapp.cli.notes", "walkapp.cli.search",
                   "walkapp.cli.protocols", "walkapp.cli.reports", "walkapp.cli.actions",
                   "walkapp.cli.bundles", "walkapp.cli.conflicts", "walkapp.cli.safety",
                   "walkapp.cli.trash", "walkapp.cli.portfolio"]


# argparse's own words (the usage line, its headings, the errors it finds), which it asks
# gettext for: marked here for walkapp's catalogue and looked up there (build_parser).
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"),
    N_("expected one argument"), N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"), N_("not allowed with argument %s"))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # The message can quote an argument (`unrecognized arguments: …`): one line, escaped.
        self.exit(EXIT_USAGE, tr("{prog}: error: {message} (see `{prog} --help`)").format(
            prog=self.prog, message=visible(shorten(message))) + "\n")


# The options `walkapp` takes before any command (build_parser adds them).
GLOBAL_OPTIONS = ("--data-dir", "--database-url", "--lang")


def names_no_command(argv: Sequence[str]) -> bool:
    """Whether `argv` is only the desktop app's options, each written out in full
    (`--data-dir DIR`, `--database-url=URL`): then no command module is needed to parse it.
    Anything else (a command, --help, --version, an abbreviation, a value that looks like an
    option) goes to the whole parser, which has the last word on it."""
    words = list(argv)
    while words:
        word = words.pop(0)
        if word.startswith(tuple(option + "=" for option in GLOBAL_OPTIONS)):
            continue
        if word not in GLOBAL_OPTIONS:
            return False
        if not words or words[0].startswith("-"):
            return False
        words.pop(0)
    return True


# Files the desktop app opens when named alone on its command line (walkapp.bundles.format's
# extensions; the desktop app's start does not import walkapp.bundles).
APP_FILE_SUFFIXES = (".walkkit", ".walknotes")


def app_files(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(the words without them, walk kits and notes files) when `argv` is the desktop app's
    options and such files (`walkapp --data-dir D kit.walkkit`); else (argv, [])."""
    words = list(argv)
    files: list[str] = []
    rest: list[str] = []
    for index, word in enumerate(words):
        after_option = index > 0 and words[index - 1] in GLOBAL_OPTIONS
        if (not after_option and not word.startswith("-")
                and word.lower().endswith(APP_FILE_SUFFIXES)):
            files.append(word)
        else:
            rest.append(word)
    if files and names_no_command(rest):
        return rest, files
    return words, []


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The `walkapp` parser; without `commands` only its own options (the desktop app's
    start: the command modules' ~90 arguments cost it ~30 ms)."""
    import importlib

    # argparse says its own words through gettext's default domain, which has no Spanish;
    # walkapp's catalogue has them (ARGPARSE_WORDS).
    setattr(argparse, "_", tr)  # noqa: B010 - a module's private name, set on purpose
    parser = _Parser(prog="walkapp", description=(
        tr("Run learning walks: plan, pre-brief, take notes offline, post-brief and print "
           "debriefs. With no command, opens the desktop app.")))
    parser.add_argument("--version", action="version", version=f"walkapp {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=tr("folder for walkapp's data (default: WALKAPP_DATA_DIR or the "
                                "user data folder)"))
    parser.add_argument("--database-url", metavar="URL",
                        help=tr("database URL (default: walkapp.sqlite3 in the data folder)"))
    add_language_option(parser)
    if not commands:
        parser.set_defaults(command=None)  # as the whole parser leaves it with no command
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND",
                                       parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def command_writes(args: argparse.Namespace) -> bool:
    """Whether the parsed command changes the data folder (undeclared: assume it does)."""
    declared = getattr(args, "writes", None)
    if declared is None:
        return True
    return bool(declared(args)) if callable(declared) else bool(declared)


def command_name(args: argparse.Namespace) -> str:
    """"walkapp import", "walkapp protocol duplicate"…: how the lock names its holder."""
    words = [args.command, getattr(args, "protocol_command", None),
             getattr(args, "trash_action", None), getattr(args, "note_action", None)]
    return " ".join(["walkapp", *(w for w in words if w)])


def language_asked(words: Sequence[str]) -> str | None:
    """The value of walkapp's own `--lang X` / `--lang=X`, if any: among the options before
    the command (GLOBAL_OPTIONS and flags such as --help). A command's own `--lang` (the
    notes' language of `walkapp nudge --lang es`, the sample's of `walkapp demo --lang es`)
    is the command's business, not the language walkapp speaks."""
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--lang=" or word.startswith("--lang="):
            return word.removeprefix("--lang=")
        if word == "--lang":
            return words[index + 1] if index + 1 < len(words) else None
        if word in GLOBAL_OPTIONS:
            index += 2  # an option and its value
            continue
        if not word.startswith("-") or word == "--":
            return None  # the command (or the end of the options): no --lang of walkapp's
        index += 1
    return None


def _use_language(value: str | None) -> None:
    if value:
        from walkapp.language import PSEUDO, language_of

        code = value.strip().lower()
        if language_of(code) == code or code == PSEUDO:  # a wrong one: the parser says so
            from walkapp.language import apply

            apply(code)


def main(argv: Sequence[str] | None = None) -> int:
    # Everything printed while a command runs is made safe for the terminal (see terminal.py).
    with safe_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    words, files = app_files(sys.argv[1:] if argv is None else list(argv))
    # Before the parser is built: its help and its errors speak the language asked for.
    _use_language(language_asked(words))
    parser = build_parser(commands=not names_no_command(words))
    args = parser.parse_args(words)
    _use_language(args.app_language)
    handler: Callable[[argparse.Namespace, Context], int] | None = getattr(args, "handler",
                                                                           None)
    # The desktop app takes the lock itself (and reports a refusal in a window).
    writes = handler is not None and command_writes(args)
    context = Context(data_dir=args.data_dir, database_url=args.database_url,
                      writes=writes or handler is None)
    try:
        check_arguments(parser, args)
        if handler is None:
            from walkapp.cli.gui import open_desktop_app

            return open_desktop_app(context, files, language=args.app_language)
        if writes:
            # Before anything is opened: a refusal leaves every file as it was.
            context.lock(command_name(args),
                         database=getattr(args, "needs_database", True))
        return handler(args, context)
    except WalkappError as error:
        echo_error(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        echo(tr("walkapp: interrupted"), err=True)
        return 130
    except BrokenPipeError:
        # `walkapp list | head`: the reader went away; not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug: say so in one line, details on request
        if os.environ.get("WALKAPP_DEBUG"):
            raise
        if hasattr(error, "hide_parameters"):  # SQLAlchemy: never echo the values (notes)
            error.hide_parameters = True
        echo(tr("walkapp: internal error: {name}: {error} (set WALKAPP_DEBUG=1 for details and "
                "please report it)").format(
                 name=type(error).__name__, error=shorten(str(error))), err=True)
        return EXIT_INTERNAL
    finally:
        context.close()
