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

from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.fields import Issue, show_path
from walkapp.protocol.locate import find_line, line_index
from walkapp.protocol.schema import Protocol
from walkapp.protocol.validate import build_protocol

__all__ = ["ProtocolError", "check_data", "check_file", "check_text", "error_from_issue",
           "load_file", "load_text", "parse_toml", "read_text"]

# Protocols are a few kilobytes; anything this large is not one (and would be slow to show).
MAX_FILE_BYTES = 1_000_000
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def read_text(path: Path | str) -> str:
    """The file's text (UTF-8, with or without BOM), or a ProtocolError saying why not."""
    file = Path(path)
    name = str(path)
    try:
        if file.is_dir():
            raise ProtocolError("is a folder, not a protocol file; name the .toml file "
                                "inside it", file=name)
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProtocolError(f"is {size:,} bytes, too large for a protocol (the limit is "
                                f"{MAX_FILE_BYTES:,}); check that it is the right file",
                                file=name)
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ProtocolError("does not exist; check the file name and folder",
                            file=name) from None
    except PermissionError:
        raise ProtocolError("cannot be read (permission denied); check the file's "
                            "permissions", file=name) from None
    except OSError as error:
        raise ProtocolError(f"cannot be read ({error.strerror or error}); check the disk "
                            "or copy the file somewhere else", file=name) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ProtocolError("is not UTF-8 text (is it a word-processor file?); save it as "
                            "plain text in UTF-8", file=name, line=line) from None


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse TOML; a syntax error names its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        if "at end of document" in message:
            line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        problem = _TOML_POSITION.sub("", message).replace("(at end of document)", "").strip()
        raise ProtocolError(f"is not valid TOML ({problem.rstrip('.')}); check the quotes, "
                            "brackets and = signs on that line", file=name, line=line) from None
    except RecursionError:
        raise ProtocolError("is nested too deeply to be a protocol; check the brackets",
                            file=name) from None
    except ValueError as error:  # e.g. a number with thousands of digits, an impossible date
        raise ProtocolError(f"holds a value that cannot be read ({error}); correct or "
                            "remove it", file=name) from None


def error_from_issue(issue: Issue, name: str, text: str | None) -> ProtocolError:
    line = find_line(line_index(text), issue.path) if text is not None else None
    return ProtocolError(issue.message, file=name, field=show_path(issue.path)
                         if issue.path else "", line=line)


def check_data(data: Mapping[str, Any], name: str,
               text: str | None = None) -> tuple[Protocol | None, list[ProtocolError]]:
    protocol, issues = build_protocol(data)
    if protocol is None:
        index = line_index(text) if text is not None else {}
        return None, [ProtocolError(i.message, file=name,
                                    field=show_path(i.path) if i.path else "",
                                    line=find_line(index, i.path)) for i in issues]
    return protocol, []


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
