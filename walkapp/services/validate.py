"""Checks on what users type, with messages that say what to change."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TypeVar

from walkapp import formatting
from walkapp.errors import ValidationError
from walkapp.formatting import N_, tr

# Generous limits: a note of a megabyte is stored as typed; beyond this we refuse clearly
# rather than let one paste slow every screen down.
MAX_NOTE_CHARS = 2_000_000
MAX_NAME_CHARS = 200
MAX_TITLE_CHARS = 300
MAX_SHORT_TEXT_CHARS = 1000

E = TypeVar("E", bound=StrEnum)
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str, what: str) -> str:
    """Refuse text SQLite cannot hold: a lone surrogate (half of an emoji pair, as a broken
    paste can leave) cannot be written as UTF-8 and would otherwise fail deep in storage."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            tr("{what} contains a broken character at position {start} (half of an emoji or "
               "symbol, often left by a paste). Delete it and try again; the rest of the text "
               "is kept as typed.").format(what=tr(what), start=error.start + 1)) from None
    return text


def name_text(value: str | None, limit: int = MAX_NAME_CHARS) -> str:
    """A short name as given (an action item's owner): never refused. A lone surrogate
    becomes U+FFFD (a visible mark, instead of a UnicodeEncodeError deep in storage); a name
    over `limit` is cut at a word, with an ellipsis so the cut shows."""
    text = _SURROGATE.sub("\ufffd", value or "")
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def required_text(value: str | None, what: str, limit: int) -> str:
    text = storable((value or "").strip(), what)
    if not text:
        raise ValidationError(tr("{what} cannot be empty.").format(what=tr(what)))
    if len(text) > limit:
        raise ValidationError(tr("{what} is {text:,} characters long; the limit is {limit:,}. "
                                 "Shorten it.").format(
                                  what=tr(what), text=len(text), limit=limit))
    return text


def optional_text(value: str | None, what: str, limit: int) -> str | None:
    text = storable((value or "").strip(), what)
    if not text:
        return None
    if len(text) > limit:
        raise ValidationError(tr("{what} is {text:,} characters long; the limit is {limit:,}. "
                                 "Shorten it.").format(
                                  what=tr(what), text=len(text), limit=limit))
    return text


def body_text(value: str | None, what: str, limit: int = MAX_NOTE_CHARS) -> str:
    """Free text kept exactly as typed (no stripping: spacing can matter in a quote)."""
    text = value or ""
    if len(text) > limit:
        raise ValidationError(tr("{what} is {text:,} characters long; the limit is {limit:,}. "
                                 "Split it into several notes.").format(
                                  what=tr(what), text=len(text), limit=limit))
    return storable(text, what)


def choice(enum: type[E], value: str | E, what: str) -> E:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise ValidationError(tr("{what} {value!r} is not one of: {allowed}.").format(
                                  what=tr(what), value=value, allowed=allowed)) from None


# A protocol's own key (a stem "warm", a debrief stage "raise-questions"), as the protocol
# loader allows them (walkapp.protocol.fields.SLUG); 60 characters, as stored.
_OWN_KEY = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
MAX_OWN_KEY_CHARS = 60


def own_key(value: str | None, what: str, kind: StrEnum) -> str:
    """A protocol's own key for a row written like `kind` (one of walkapp's four stems or
    debrief kinds): "" for none, or when it names `kind` itself (a protocol's stem without
    a key of its own is stored under nothing more than its kind)."""
    key = (value or "").strip()
    if not key or key == kind.value:
        return ""
    if len(key) > MAX_OWN_KEY_CHARS or not _OWN_KEY.fullmatch(key):
        raise ValidationError(tr("{what} {key!r} is not a protocol key (lower-case letters, "
                                 "digits and - or _, up to {max_own_key_chars} "
                                 "characters).").format(
                                  what=tr(what), key=key, max_own_key_chars=MAX_OWN_KEY_CHARS))
    if key in {k.value for k in type(kind)}:
        raise ValidationError(tr("{what} {key!r} names another of walkapp's own; a {value!r} "
                                 "row cannot be stored under it.").format(
                                  what=tr(what), key=key, value=kind.value))
    return key


def parse_date(value: str | date, what: str = N_("The date")) -> date:
    """A date, or text read as one the app's one way (walkapp.formatting.parse_date:
    ISO always, else as the user's locale writes dates)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValidationError(tr("{what} {value!r} is not a date; use YYYY-MM-DD.").format(
                                  what=tr(what), value=value))
    try:
        return formatting.parse_date(value)
    except formatting.DateNotRead as problem:
        raise ValidationError(f"{tr(what)}: {problem.message}") from None


def minutes(value: int, what: str, low: int = 1, high: int = 120) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(tr("{what} must be a whole number of minutes from {low} "
                                 "to {high}.").format(
                                  what=tr(what), low=low, high=high))
    return value
