"""Strict checks on the JSON inside a kit or notes file, with one-line messages.

Every value is checked for its type and size before anything is written: a file that was
damaged, hand-edited or made by something else is refused with a sentence that names the
part, the entry and the field, never with a traceback.
"""

from __future__ import annotations

import re
from typing import Any

from walkapp import formatting as fmt
from walkapp.bundles import format as f
from walkapp.bundles.errors import BundleError

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def damaged(where: str, problem: str) -> BundleError:
    """The refusal of a file whose part `where` ("notes.json, entry 3", in the language in
    force) has `problem` (a translated phrase)."""
    return BundleError(fmt.tr("The file is damaged or was not made by walkapp: {where}: "
                              "{problem}.").format(where=where, problem=problem))


# Characters no text field may hold: a lone surrogate (half of a pair: it cannot be written
# as UTF-8, so SQLite could never store it and the terminal never print it) and NUL (SQLite
# stores it, but its text functions and every C string stop there, so the text would come
# back cut short).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable(value: str) -> str | None:
    """Why `value` cannot be stored as text, in words, or None if it can."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    if found.group() == "\x00":
        return fmt.tr("a NUL character")
    return fmt.tr("a lone surrogate, half of an emoji or symbol")


def unstorable_error(where: str, what: str, why: str) -> BundleError:
    return damaged(where, fmt.tr("{what} contains a character that cannot be stored "
                                 "({why})").format(what=what, why=why))


def obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise damaged(where, fmt.tr("should be an object"))
    return value


def items(value: Any, where: str, limit: int = f.MAX_ITEMS) -> list[Any]:
    if not isinstance(value, list):
        raise damaged(where, fmt.tr("should be a list"))
    if len(value) > limit:
        raise damaged(where, fmt.tr("has {count} entries; at most {limit} are allowed").format(
            count=fmt.number(len(value)), limit=fmt.number(limit)))
    return value


def text(data: dict[str, Any], key: str, where: str, limit: int, *,
         optional: bool = False, required: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise damaged(where, fmt.tr("“{key}” should be text").format(key=key))
    if len(value) > limit:
        raise damaged(where, fmt.tr("“{key}” is longer than {limit} characters").format(
            key=key, limit=fmt.number(limit)))
    why = unstorable(value)
    if why is not None:
        raise unstorable_error(where, f"“{key}”", why)
    if required and not value.strip():
        raise damaged(where, fmt.tr("“{key}” is empty").format(key=key))
    return value


def uid(data: dict[str, Any], key: str, where: str, *, optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _UUID.match(value):
        raise damaged(where, fmt.tr("“{key}” should be an id").format(key=key))
    return value


def uids(data: dict[str, Any], key: str, where: str, limit: int = 64) -> list[str]:
    value = items(data.get(key), f"{where}: “{key}”", limit)
    for entry in value:
        if not isinstance(entry, str) or not _UUID.match(entry):
            raise damaged(where, fmt.tr("“{key}” should hold ids").format(key=key))
    return sorted(set(value))


def version_id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _HEX64.match(value):
        raise damaged(where, fmt.tr("a version id should be 64 hexadecimal digits"))
    return value


def integer(data: dict[str, Any], key: str, where: str, low: int, high: int, *,
            optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise damaged(where, fmt.tr("“{key}” should be a whole number from {low} to "
                                    "{high}").format(key=key, low=low, high=high))
    return value


def boolean(data: dict[str, Any], key: str, where: str, *,
            missing: bool | None = None) -> bool:
    """`data[key]`, true or false. `missing`: what a file without the key means (a key a
    later version-1 writer added); None: the key must be there."""
    if missing is not None and key not in data:
        return missing
    value = data.get(key)
    if not isinstance(value, bool):
        raise damaged(where, fmt.tr("“{key}” should be true or false").format(key=key))
    return value


def time(data: dict[str, Any], key: str, where: str, *, optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _TIME.match(value):
        raise damaged(where, fmt.tr("“{key}” should be a UTC time like "
                                    "2026-11-02T09:30:00.000000Z").format(key=key))
    try:
        f.parse_time(value)
    except ValueError:
        raise damaged(where, fmt.tr("“{key}” is not a real date and time").format(
            key=key)) from None
    return value


def day(data: dict[str, Any], key: str, where: str) -> str:
    from datetime import date

    value = data.get(key)
    if not isinstance(value, str) or not _DATE.match(value):
        raise damaged(where, fmt.tr("“{key}” should be a date like 2026-11-02").format(
            key=key))
    try:
        date.fromisoformat(value)
    except ValueError:
        raise damaged(where, fmt.tr("“{key}” is not a real date").format(key=key)) from None
    return value


def choice(data: dict[str, Any], key: str, where: str, allowed: tuple[str, ...]) -> str:
    value = data.get(key)
    if value not in allowed:
        raise damaged(where, fmt.tr("“{key}” should be one of {choices}").format(
            key=key, choices=", ".join(allowed)))
    assert isinstance(value, str)
    return value
