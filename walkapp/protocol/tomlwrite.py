"""Writing protocol files: small edits that keep the author's comments, and a plain writer.

Duplicating a protocol changes only a few top-level fields (id, title, version, based_on),
so the copy keeps every comment and the layout a facilitator is used to. When the text
cannot be edited safely (unusual formatting), `dumps` writes the whole protocol afresh.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

_HEADER = re.compile(r"\s*\[")
_SIMPLE_VALUE = r"""("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[0-9]+)"""


def quote(text: str) -> str:
    """A TOML basic string. JSON's escapes are valid TOML, except that TOML also wants
    DEL (U+007F) escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def set_top_level(text: str, values: Mapping[str, str]) -> str | None:
    """Set top-level string keys in a TOML text, keeping everything else as written.

    Returns None when a key is written in a way this simple editor does not handle (the
    caller then writes the file afresh with `dumps`).
    """
    lines = text.splitlines()
    end = len(lines)
    closing: str | None = None
    positions: dict[str, int] = {}
    for number, line in enumerate(lines):
        if closing is not None:
            if line.count(closing) % 2 == 1:
                closing = None
            continue
        if _HEADER.match(line):
            end = number
            break
        match = re.match(r"\s*([A-Za-z0-9_-]+)\s*=(.*)", line)
        if match:
            positions.setdefault(match.group(1), number)
            for delimiter in ('"""', "'''"):
                if match.group(2).count(delimiter) % 2 == 1:
                    closing = delimiter
                    break
    inserts: list[str] = []
    for key, value in values.items():
        new_line = f"{key} = {quote(value)}"
        if key in positions:
            number = positions[key]
            if not re.fullmatch(rf"\s*{re.escape(key)}\s*=\s*{_SIMPLE_VALUE}\s*(#.*)?",
                                lines[number]):
                return None
            lines[number] = new_line
        else:
            inserts.append(new_line)
    if inserts:
        anchor = positions.get("id", positions.get("schema_version", -1))
        if anchor >= end:
            return None
        lines[anchor + 1:anchor + 1] = inserts
    return "\n".join(lines) + "\n"


# -- a plain writer for the protocol data model ----------------------------------------------
def dumps(data: Mapping[str, Any]) -> str:
    lines: list[str] = []
    _table(lines, (), data)
    return "\n".join(lines).lstrip("\n") + "\n"


def _is_table(value: object) -> bool:
    return isinstance(value, Mapping)


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(_is_table(v) for v in value)


def _table(lines: list[str], path: tuple[str, ...], table: Mapping[str, Any]) -> None:
    for key, value in table.items():
        if not _is_table(value) and not _is_table_list(value):
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in table.items():
        here = (*path, key)
        if _is_table(value):
            lines += ["", f"[{'.'.join(_key(k) for k in here)}]"]
            _table(lines, here, value)
        elif _is_table_list(value):
            for item in value:
                lines += ["", f"[[{'.'.join(_key(k) for k in here)}]]"]
                _table(lines, here, item)


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else quote(key)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Sequence):
        items = [_value(v) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 80:
            return one_line
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _string(text: str) -> str:
    """Multi-line text as a literal block (readable, no escapes) when that is safe."""
    if ("\n" in text and "'''" not in text and not text.endswith("'")
            and not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)):
        return "'''\n" + text + "'''"
    return quote(text)
