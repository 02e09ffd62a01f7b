"""Read and check protocol files: bytes → TOML → validated `Protocol`.

Every failure, from a missing file to a typo in a nested key, becomes a `ProtocolError`
whose one-line message names the file, the line and field, and the fix. Nothing else
escapes: a broken file must never break the app (the loader is fuzzed in the tests).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from walkapp.formatting import tr
from walkapp.protocol.errors import ProtocolError, ProtocolWarning
from walkapp.protocol.fields import FieldPath, Issue, pattern_of, show_path
from walkapp.protocol.locate import (
    curly_quote,
    find_line,
    first_use_line,
    line_index,
    unclosed_string_line,
)
from walkapp.protocol.schema import Protocol
from walkapp.protocol.validate import build_protocol

__all__ = ["ProtocolError", "ProtocolWarning", "check_data", "check_file", "check_text",
           "error_from_issue", "load_file", "load_text", "parse_toml", "present_paths",
           "protocol_warnings", "read_text", "warning_at"]

# Protocols are a few kilobytes; anything this large is not one (and would be slow to show).
MAX_FILE_BYTES = 1_000_000
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def read_text(path: Path | str) -> str:
    """The file's text (UTF-8, with or without BOM), or a ProtocolError saying why not."""
    file = Path(path)
    name = str(path)
    try:
        if file.is_dir():
            raise ProtocolError(tr("is a folder, not a protocol file; name the .toml file "
                                   "inside it"), file=name)
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProtocolError(tr("is {size:,} bytes, too large for a protocol (the limit is "
                                   "{max_file_bytes:,}); check that it is the right file").format(
                                    size=size, max_file_bytes=MAX_FILE_BYTES),
                                file=name)
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ProtocolError(tr("does not exist; check the file name and folder"),
                            file=name) from None
    except PermissionError:
        raise ProtocolError(tr("cannot be read (permission denied); check the file's "
                               "permissions"), file=name) from None
    except OSError as error:
        raise ProtocolError(tr("cannot be read ({value}); check the disk or copy the file "
                               "somewhere else").format(
                                value=error.strerror or error), file=name) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ProtocolError(tr("is not UTF-8 text (is it a word-processor file?); save it as "
                               "plain text in UTF-8"), file=name, line=line) from None


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse TOML; a syntax error names its line, and the usual hand-editing slips (curly
    quotes, a multi-line text never closed, a key given twice) are named as such."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(str(error), text, name) from None
    except RecursionError:
        raise ProtocolError(tr("is nested too deeply to be a protocol; check the brackets"),
                            file=name) from None
    except ValueError as error:  # e.g. a number with thousands of digits, an impossible date
        raise ProtocolError(tr("holds a value that cannot be read ({error}); correct or remove "
                               "it").format(error=error), file=name) from None


def _syntax_error(message: str, text: str, name: str) -> ProtocolError:
    match = _TOML_POSITION.search(message)
    line = int(match.group(1)) if match else None
    at_end = "at end of document" in message
    lines = text.splitlines()
    if at_end:
        opened = unclosed_string_line(text)
        if opened is not None:
            quotes = '"""' if '"""' in lines[opened - 1] else "'''"
            return ProtocolError(tr("the text that starts with {quotes} on this line is never "
                                    "closed; end it with {quotes} where the text ends").format(
                                     quotes=quotes),
                                 file=name, line=opened)
        line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    source = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    curly = curly_quote(source)
    if curly is not None:
        straight = '"' if curly in "“”„‟«»" else "'"
        return ProtocolError(tr("uses the curly quote {curly} as a quote mark (a word processor "
                                "or phone may have put it in); TOML needs straight quotes: "
                                "write {straight}…{straight}, e.g. {strip}").format(
                                 curly=curly, straight=straight,
                                 strip=_straightened(source.strip(), curly, straight)),
                             file=name, line=line)
    if line is not None and ("Cannot overwrite" in message or "twice" in message):
        first = first_use_line(text, line)
        if first is not None:
            path, first_line = first
            return ProtocolError(tr("{path} is given twice (first on line {first_line}); keep "
                                    "one of them and remove or rename the other").format(
                                     path=show_path(path), first_line=first_line),
                                 file=name, field=show_path(path), line=line)
    problem = _TOML_POSITION.sub("", message).replace("(at end of document)", "").strip()
    return ProtocolError(tr("is not valid TOML ({value}); check the quotes, brackets and = "
                            "signs on that line").format(
                             value=problem.rstrip('.')), file=name, line=line)


def _straightened(line: str, curly: str, straight: str) -> str:
    pairs = "“”„‟«»" if straight == '"' else "‘’‚‛"
    fixed = "".join(straight if c in pairs else c for c in line)
    return fixed if len(fixed) <= 80 else fixed[:80] + "…"


def error_from_issue(issue: Issue, name: str, text: str | None,
                     index: dict[FieldPath, int] | None = None) -> ProtocolError:
    """The one-line error for `issue`; with the file's text, its line (and, for something
    given twice, the line of its first use)."""
    if index is None:
        index = line_index(text) if text is not None else {}
    message = issue.message
    if issue.first is not None:
        # Where the first use is goes with the problem, before the fix: "…used twice (first
        # used at roles[1].key, line 27); give each one its own key".
        first_line = find_line(index, issue.first)
        first = (tr("(first used at {path}, line {line})") if first_line is not None
                 else tr("(first used at {path})")).format(path=show_path(issue.first),
                                                           line=first_line)
        problem, sep, fix = message.partition("; ")
        message = problem + " " + first + sep + fix
    return ProtocolError(message, file=name, field=show_path(issue.path) if issue.path else "",
                         line=find_line(index, issue.path))


def check_data(data: Mapping[str, Any], name: str,
               text: str | None = None) -> tuple[Protocol | None, list[ProtocolError]]:
    protocol, issues = build_protocol(data)
    if protocol is None:
        index = line_index(text) if text is not None else {}
        return None, [error_from_issue(i, name, text, index) for i in issues]
    return protocol, []


def warning_at(path: FieldPath, message: str, name: str, text: str | None) -> ProtocolWarning:
    """A warning about the key at `path`, placed on its line as errors are."""
    index = line_index(text) if text is not None else {}
    return ProtocolWarning(message, file=name, field=show_path(path), line=find_line(index, path))


def protocol_warnings(data: Mapping[str, Any], name: str,
                      text: str | None = None) -> list[ProtocolWarning]:
    """Warnings for a valid protocol's data: each key present that this walkapp accepts
    but does not show anywhere (walkapp.protocol.coverage.NOT_SHOWN), named with its line."""
    from walkapp.protocol.coverage import NOT_SHOWN

    index = line_index(text) if text is not None else {}
    out: list[ProtocolWarning] = []
    for path in present_paths(data):
        why = NOT_SHOWN.get(pattern_of(path))
        if why is not None:
            out.append(ProtocolWarning(tr("{path} is read but not shown anywhere by this "
                                          "walkapp ({why})").format(
                                           path=path[-1], why=why), file=name,
                                       field=show_path(path),
                                       line=find_line(index, path)))
    return out


def present_paths(data: Mapping[str, Any], prefix: FieldPath = ()) -> list[FieldPath]:
    """The path of every key present in `data` (tables and arrays of tables followed), in
    file order."""
    out: list[FieldPath] = []
    for key, value in data.items():
        path = (*prefix, key)
        out.append(path)
        if isinstance(value, Mapping):
            out += present_paths(value, path)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    out += present_paths(item, (*path, index))
    return out


def check_text(text: str, name: str = "protocol") -> tuple[Protocol | None,
                                                             list[ProtocolError]]:
    """Every problem in one protocol text (empty list and a Protocol when it is fine)."""
    try:
        data = parse_toml(text, name)
    except ProtocolError as error:
        return None, [error]
    return check_data(data, name, text)


def check_file(path: Path | str) -> tuple[Protocol | None, list[ProtocolError]]:
    try:
        text = read_text(path)
    except ProtocolError as error:
        return None, [error]
    return check_text(text, str(path))


def load_text(text: str, name: str = "protocol") -> Protocol:
    """The Protocol in `text`; raises the first ProtocolError if there is any problem."""
    protocol, errors = check_text(text, name)
    if protocol is None:
        raise errors[0]
    return protocol


def load_file(path: Path | str) -> Protocol:
    protocol, errors = check_file(path)
    if protocol is None:
        raise errors[0]
    return protocol
