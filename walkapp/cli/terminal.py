"""What the `walkapp` command writes to a terminal, made safe to write there.

Titles, names, notes, protocol files and file names are the user's (or a stranger's) text:
a notes file or a protocol file can carry escape sequences that set the window title,
clear the screen, or — with a bidi override — make a line read differently from what it
says. `visible()` is the one function that turns such characters into visible escapes
(`\\x1b`, `\\u202e`); every human-readable line a command prints goes through `echo()`,
which applies it. Ordinary text in any script (é, 中文, العربية) is left exactly as it is.

As a second line of defence, `safe_output()` wraps stdout and stderr while a command runs:
whatever is still written there unescaped (a command that forgot, argparse echoing an
argument) is escaped the same way, line breaks kept, and characters the terminal's encoding
cannot show become escapes instead of a crash. JSON output is already escaped the JSON way
by `walkapp.jsonout.dumps`, so the wrapper finds nothing to change in it.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from walkapp.errors import WalkappError
from walkapp.messages import tr

# C0 controls (ESC, BEL, CR, NUL…), DEL and the C1 controls (a lone 0x9b is a CSI to many
# terminals), the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the
# Unicode line and paragraph separators, and lone surrogates (bytes of a file name that is
# not UTF-8, which Python hands over as U+DC80–U+DCFF, or half of a broken emoji pair).
# walkapp.jsonout escapes the same characters in JSON output (tests check they agree).
_UNSAFE = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_ONE_LINE = re.compile(f"[{_UNSAFE}]")
# Printed over several lines on purpose (the output streams): line breaks and tabs stay.
_MULTI_LINE = re.compile(f"(?![\n\t])[{_UNSAFE}]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# An error message quotes what the user typed; a megabyte of it is not one clear line.
MAX_MESSAGE_CHARS = 2000


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8: show that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def visible(value: object, *, one_line: bool = True) -> str:
    """`value` as text that shows on a terminal exactly as the characters it holds, with
    control and bidi characters as visible escapes. With `one_line` (the default, for a
    value printed on one line) line breaks and tabs are escaped too."""
    text = value if isinstance(value, str) else str(value)
    return (_ONE_LINE if one_line else _MULTI_LINE).sub(_escape, text)


def shorten(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def echo(line: str = "", *, err: bool = False) -> None:
    """Print one human-readable line: everything in it made visible, on one line."""
    stream = sys.stderr if err else sys.stdout
    stream.write(visible(line) + "\n")


def _marks_in_bold(stream: Any) -> bool:
    """Bold for matches on a terminal that shows it; «…» in a file, a pipe or NO_COLOR."""
    import os

    isatty = getattr(stream, "isatty", None)
    return (callable(isatty) and bool(isatty()) and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM", "") != "dumb")


def echo_marked(parts: Iterable[tuple[str, bool]], *, prefix: str = "") -> None:
    """Print one line of (text, is a match) pieces, the matches in bold on a terminal or
    between «» otherwise. Every piece is made visible first: the only escape sequences
    written are walkapp's own bold on and off, past the output wrapper."""
    stream = _unwrapped(sys.stdout)
    bold = _marks_in_bold(stream)
    opening, closing = ("\x1b[1m", "\x1b[0m") if bold else ("«", "»")
    line = visible(prefix) + "".join(
        f"{opening}{visible(text)}{closing}" if match else visible(text)
        for text, match in parts) + "\n"
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        line.encode(encoding)
    except UnicodeEncodeError:  # a terminal that is not UTF-8: escapes, not a crash
        line = line.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know: leave the text alone
        pass
    stream.write(line)


def echo_error(message: str) -> None:
    """The one line a failed command ends with."""
    echo(tr("walkapp: error: {message}").format(message=shorten(message)), err=True)


class _SafeStream:
    """A text stream that escapes what is written to it before passing it on."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            self._utf8 = codecs.lookup(self._encoding).name == "utf-8"
        except LookupError:  # an encoding Python does not know: leave the text alone
            self._utf8 = True

    def write(self, text: str) -> int:
        safe = visible(text, one_line=False)
        if not self._utf8:
            # A terminal that is not UTF-8 (LANG=…ISO-8859-1, or plain ASCII): what it
            # cannot show becomes an escape instead of a UnicodeEncodeError.
            safe = safe.encode(self._encoding, "backslashreplace").decode(self._encoding)
        self._stream.write(safe)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _unwrapped(stream: Any) -> Any:
    return stream._stream if isinstance(stream, _SafeStream) else stream


@contextmanager
def safe_output() -> Iterator[None]:
    """While a command runs, everything written to stdout/stderr is made terminal-safe."""
    saved = sys.stdout, sys.stderr
    # Nested calls (main() called from a command, tests) wrap only once; no stream at all
    # (a GUI launcher without a console) is left alone.
    if sys.stdout is not None:
        sys.stdout = _SafeStream(_unwrapped(sys.stdout))
    if sys.stderr is not None:
        sys.stderr = _SafeStream(_unwrapped(sys.stderr))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def confirm(question: str, yes: bool) -> bool:
    """Ask on the terminal; `--yes` answers for scripts; no terminal and no --yes: refuse."""
    if yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise WalkappError(tr("This needs a confirmation and there is no terminal to ask on. "
                              "Run it again with --yes to go ahead."))
    try:
        # The letters to type are the user's language's ("[s/N]" in Spanish); "y" and
        # "yes" are understood in every language.
        answer = input(tr("{question} [y/N] ").format(question=question))
    except EOFError:
        return False
    yes_words = {"y", "yes", *tr("y|yes").casefold().split("|")}
    return answer.strip().casefold() in yes_words
