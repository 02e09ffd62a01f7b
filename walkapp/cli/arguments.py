"""Checks on the command line that argparse does not make: text must be text.

On Linux a program's arguments are bytes. Python decodes them as UTF-8 and keeps each byte
that is not UTF-8 (Latin-1 "é" from an old script or terminal) as a surrogate escape,
U+DC80–U+DCFF. For a file or folder name that is right — such a file can exist, and must
open —, so those arguments are passed on untouched. A walk title, a walker's name or a
search, though, cannot be stored, compared or printed as such: it is refused here with one
clear line rather than failing deep inside as an "internal error".

NUL cannot come through a real command line, but `main([...])` can be handed one by a
script; no name or text can hold it either.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from walkapp.cli.terminal import visible
from walkapp.errors import UsageError
from walkapp.messages import tr

# Destinations of arguments that name files or folders (or a URL holding a file name):
# kept exactly, undecodable bytes and all.
PATH_ARGUMENTS = frozenset({"data_dir", "database_url", "file", "files", "output",
                            "passphrase_file", "backup", "text_file"})

_NOT_TEXT = re.compile("[\ud800-\udfff]")

# Linux's limits (NAME_MAX, PATH_MAX); a longer name fails in the system with ENAMETOOLONG.
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4096


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """`--lang en|es`: the language of the desktop app and of every command's output
    (walkapp.language; without it, the Preferences choice or the system's)."""
    from walkapp.language import LANGUAGES, checked

    # Its own dest: a command's --lang (`nudge --lang`, the notes' language) is another
    # option, and argparse would let the command's value overwrite walkapp's.
    parser.add_argument("--lang", dest="app_language",
                        metavar="{" + ",".join(LANGUAGES) + "}", type=checked,
                        help="language of the app and of the commands' output (default: "
                             "the one chosen in Preferences, else the system's)")


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Raise UsageError for the first argument that cannot be used as text."""
    for dest, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                continue
            if "\x00" in item:
                raise UsageError(tr("{parser} contains a NUL character, which no name or text "
                                    "can hold. Remove it and try again.").format(
                                     parser=_label(parser, dest)))
            if dest in PATH_ARGUMENTS:
                _check_path(_label(parser, dest), item, url=dest == "database_url")
                if dest == "output":
                    _check_output(_label(parser, dest), item)
            elif _NOT_TEXT.search(item):
                raise UsageError(
                    tr("{parser} is not UTF-8 text: “{item}”. Type it again in a terminal set "
                       "to UTF-8 (or fix the script that passed it).").format(
                        parser=_label(parser, dest), item=visible(item)))


def _check_path(label: str, value: str, *, url: bool) -> None:
    """A file name may hold any bytes but NUL; it cannot be broken text (a lone surrogate
    that is not an undecodable byte) or longer than the system allows for a name."""
    try:
        raw = os.fsencode(value)
    except UnicodeEncodeError:
        raise UsageError(tr("{label} holds a broken character (half of an emoji or symbol): "
                            "“{value}”. Type it again.").format(
                             label=label, value=visible(value))) from None
    if url:
        return  # a URL's file name is checked with the URL (walkapp.config)
    if not value.strip():
        # Not "the current folder", and never "no passphrase file, then": say so.
        raise UsageError(tr("{label} needs a file or folder name; it was empty.").format(
                             label=label))
    if len(raw) >= MAX_PATH_BYTES:
        raise UsageError(tr("{label} is too long to be a file name ({raw:,} bytes; the limit is "
                            "{max_path_bytes:,}).").format(
                             label=label, raw=len(raw), max_path_bytes=MAX_PATH_BYTES - 1))
    longest = max(len(part) for part in raw.split(b"/"))
    if longest > MAX_NAME_BYTES:
        raise UsageError(tr("{label} has a file or folder name of {longest:,} bytes in it; a "
                            "name can be at most {max_name_bytes} bytes. Shorten it.").format(
                             label=label, longest=longest, max_name_bytes=MAX_NAME_BYTES))


def _check_output(label: str, value: str) -> None:
    """A file to write must be named as a file, not as a folder ("." or "out/")."""
    path = Path(value)
    if value.endswith(("/", os.sep)) or path.name in ("", ".", "..") or path.is_dir():
        raise UsageError(tr("{label} “{value}” is a folder; give the name of the file to write, "
                            "inside it.").format(
                             label=label, value=visible(value)))


def _label(parser: argparse.ArgumentParser, dest: str) -> str:
    """How the user wrote the argument: `--search`, or WALK for a positional one."""
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
            elif action.dest == dest:
                if action.option_strings:
                    return str(action.option_strings[-1])
                return str(action.metavar or dest.upper())
    return dest
