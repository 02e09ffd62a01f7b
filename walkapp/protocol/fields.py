"""Reading untrusted TOML tables field by field, collecting every problem on the way.

The validator never trusts a value's type: a hand-edited file can hold a date where a title
belongs, a table where a list belongs, or ten thousand steps. Each reader method checks one
field, records a problem that names the field and says how to fix it, and hands back a safe
default so that checking can go on and report everything wrong in one pass.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import TypeVar

from walkapp import formatting as fmt
from walkapp.messages import N_
from walkapp.protocol.schema import PhaseKey

FieldPath = tuple[str | int, ...]
E = TypeVar("E", bound=StrEnum)

SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
SLUG_MAX = 60
_MISSING = object()
# What Reader.integer asks for, by its `unit`: a whole phrase per unit (translated whole).
_WHOLE_NUMBER = {
    "": N_("a whole number from {low} to {high}"),
    "walkers": N_("a whole number of walkers from {low} to {high}"),
    "minutes": N_("a whole number of minutes from {low} to {high}"),
    "points": N_("a whole number of points from {low} to {high}"),
    "turns": N_("a whole number of turns from {low} to {high}"),
    "days": N_("a whole number of days from {low} to {high}"),
}


@dataclass(frozen=True)
class Key:
    """One key a protocol file may have: the kind of value it takes and, for a table or an
    array of tables, the keys inside. Kinds: "text" (one line), "lines" (text that may span
    lines), "texts" (a list of one-line texts), "key" (an identifier such as a step key),
    "keys" (a list of identifiers), "letter" (one key of the keyboard), "code" (a language
    code), "number", "flag" (true or false), "choice" (one of a fixed set of words),
    "table", "tables" ([[array]] blocks).
    `since` is the first schema_version that has the key."""

    kind: str
    keys: Mapping[str, Key] | None = None
    since: int = 1


TEXT, LINES, TEXTS, IDENT = Key("text"), Key("lines"), Key("texts"), Key("key")
NUMBER, CHOICE = Key("number"), Key("choice")
# Version 2 keys (`since=2`): a version 1 file that has one is told to say version 2.
TEXT2, LINES2, TEXTS2, IDENT2 = (Key("text", since=2), Key("lines", since=2),
                                 Key("texts", since=2), Key("key", since=2))
NUMBER2, CHOICE2, FLAG2 = Key("number", since=2), Key("choice", since=2), Key("flag", since=2)
FORM_PROMPT_KEYS: Mapping[str, Key] = {
    "key": IDENT, "text": LINES, "kind": CHOICE, "options": TEXTS}
PROMPT_KEYS: Mapping[str, Key] = {
    **FORM_PROMPT_KEYS, "low_label": TEXT, "high_label": TEXT,
    "points": NUMBER2, "labels": TEXTS2, "not_applicable": FLAG2}
STEP_KEYS: Mapping[str, Key] = {
    "key": IDENT, "title": TEXT, "minutes": NUMBER, "activity": CHOICE, "script": LINES,
    "prompts": Key("tables", PROMPT_KEYS),
    "optional": FLAG2, "included": FLAG2,
    "turns": Key("table", {"count": NUMBER, "minutes": NUMBER, "rotate": CHOICE,
                           "label": TEXT}, since=2),
    "roles": Key("tables", {"role": IDENT, "script": LINES}, since=2)}
PHASE_KEYS: Mapping[str, Key] = {
    "title": TEXT, "summary": LINES, "steps": Key("tables", STEP_KEYS),
    "another_day": FLAG2, "days_after": NUMBER2}
# Every key the protocol loader accepts, and nothing else: the loader's Reader refuses to
# read a key missing here (a programming error), and tests/core/test_protocol_coverage.py
# walks this table to check that the app shows or uses each key (or `check` warns).
PROTOCOL_KEYS: Mapping[str, Key] = {
    "schema_version": NUMBER, "id": IDENT, "version": TEXT, "title": TEXT,
    "language": Key("code"), "summary": LINES,
    "source": Key("table", {"citation": TEXT, "url": TEXT, "note": LINES}),
    "based_on": TEXT,
    "roles": Key("tables", {"key": IDENT, "title": TEXT, "description": LINES,
                            "instructions": LINES2, "assign": FLAG2, "detail_label": TEXT2}),
    "group_min": NUMBER, "group_max": NUMBER, "visit_minutes": NUMBER,
    "corridor_minutes": NUMBER, "corridor_after_last": FLAG2, "norms": TEXTS,
    "stems": Key("tables", {"stem": CHOICE, "label": TEXT, "prompt": TEXT,
                            "key": IDENT2, "like": CHOICE2, "tone": CHOICE2}),
    "look_for_sets": Key("tables", {
        "key": IDENT, "title": TEXT, "description": LINES,
        "items": Key("tables", {"text": TEXT, "description": LINES})}),
    "debrief_sequence": Key("tables", {"kind": CHOICE, "title": TEXT, "prompt": LINES,
                                       "key": IDENT2, "like": CHOICE2}),
    "feedback": Key("tables", PROMPT_KEYS),
    "visit_form": Key("tables", FORM_PROMPT_KEYS, since=2),
    "tallies": Key("tables", {"key": IDENT, "label": TEXT, "kind": CHOICE,
                              "description": LINES, "shortcut": Key("letter")}, since=2),
    "variants": Key("tables", {
        "key": IDENT, "title": TEXT, "description": LINES, "default": IDENT,
        "options": Key("tables", {"key": IDENT, "title": TEXT, "description": LINES,
                                  "steps": Key("keys")})}, since=2),
    **{phase.value: Key("table", PHASE_KEYS) for phase in PhaseKey},
}


def key_paths(keys: Mapping[str, Key] = PROTOCOL_KEYS, prefix: str = "") -> dict[str, Key]:
    """Every key path of `keys`, e.g. "pre_brief.steps[].prompts[].text" → its Key (an
    array's elements are written "[]"), tables and arrays included."""
    out: dict[str, Key] = {}
    for name, key in keys.items():
        path = f"{prefix}{name}"
        out[path] = key
        if key.keys is not None:
            inner = f"{path}[]." if key.kind == "tables" else f"{path}."
            out.update(key_paths(key.keys, inner))
    return out


def pattern_of(path: FieldPath) -> str:
    """("pre_brief", "steps", 2, "title") → "pre_brief.steps[].title", as key_paths says."""
    out = ""
    for part in path:
        out += "[]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True)
class Issue:
    """One problem: where it is (`path`, list indexes counted from 0) and what to do;
    `first`, for something given twice, is where it was given first."""

    path: FieldPath
    message: str
    first: FieldPath | None = None


def show_path(path: FieldPath) -> str:
    """`("pre_brief", "steps", 2, "minutes")` → `pre_brief.steps[3].minutes` (counts from 1,
    as a person counts the `[[pre_brief.steps]]` blocks in the file)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            name = part if re.fullmatch(r"[A-Za-z0-9_-]{1,60}", part) else show_value(part)
            out += f".{name}" if out else name
    return out or fmt.tr("(top of the file)")


def show_value(value: object, limit: int = 40) -> str:
    """A short, one-line rendering of a value for an error message."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "…"
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"')\
            .replace("\n", "\\n").replace("\r", "\\r") + '"'
    return describe(value)


def describe(value: object) -> str:
    """What kind of TOML value this is, in plain words."""
    if isinstance(value, bool):
        return fmt.tr("true/false")
    if isinstance(value, int):
        return fmt.tr("the number {value}").format(value=value) if abs(value) < 10**12 \
            else fmt.tr("a very large number")
    if isinstance(value, float):
        return fmt.tr("a decimal number")
    if isinstance(value, str):
        return fmt.tr("text")
    if isinstance(value, list):
        return fmt.tr("a list")
    if isinstance(value, Mapping):
        return fmt.tr("a table")
    if isinstance(value, datetime | date | time):
        return fmt.tr("a date or time")
    return fmt.tr("a value of an unknown kind")


_LIST_ITEM = re.compile(r"(?:[-*•]|\d{1,3}[.)])\s")


def reflow(text: str) -> str:
    """Join the lines of a hand-wrapped paragraph, as Markdown does.

    A file is wrapped to fit an editor; a screen wraps to fit its width. A blank line still
    starts a new paragraph and a line starting with "- ", "* " or "1. " stays a list item.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        out = ""
        for line in lines:
            if not out:
                out = line
            elif _LIST_ITEM.match(line):
                out += "\n" + line
            else:
                out += " " + line
        if out:
            paragraphs.append(out)
    return "\n\n".join(paragraphs)


class Issues:
    """The problems found so far in one file, and the schema_version it says it is."""

    def __init__(self, version: int = 1) -> None:
        self.items: list[Issue] = []
        self.version = version

    def add(self, path: FieldPath, message: str, first: FieldPath | None = None) -> None:
        self.items.append(Issue(path, message, first))

    def items_at(self, path: FieldPath) -> list[Issue]:
        return [i for i in self.items if i.path == path]


class Reader:
    """One TOML table being read. Every key read is 'known'; `done()` flags the rest."""

    def __init__(self, issues: Issues, data: Mapping[str, object], path: FieldPath,
                 keys: Mapping[str, Key] | None = None) -> None:
        self.issues = issues
        self.data = data
        self.path = path
        # The keys this table may have (PROTOCOL_KEYS and below); None: not checked here
        # (a word-list file).
        self.keys = keys
        self._known: set[str] = set()
        self._missing: dict[str, Issue] = {}

    # -- plumbing ----------------------------------------------------------------------------
    def at(self, key: str | int) -> FieldPath:
        return (*self.path, key)

    def problem(self, key: str | int | None, message: str) -> None:
        self.issues.add(self.path if key is None else self.at(key), message)

    def missing(self, key: str, message: str) -> None:
        """A required key is absent; `done()` withdraws this if a typo of it is found."""
        self.problem(None, message)
        self._missing[key] = self.issues.items[-1]

    def _inner(self, key: str) -> Mapping[str, Key] | None:
        return None if self.keys is None else self.keys[key].keys

    def _get(self, key: str) -> object:
        if self.keys is not None and key not in self.keys:
            raise KeyError(f"the loader reads {show_path(self.at(key))}, which is not in "
                           "walkapp.protocol.fields.PROTOCOL_KEYS: add it there")
        self._known.add(key)
        value = self.data.get(key, _MISSING)
        since = self.keys[key].since if self.keys is not None else 1
        if value is not _MISSING and since > self.issues.version:
            # Read as absent, so the one message is this one (said once).
            if self.issues.items_at(self.at(key)):
                return _MISSING
            self.problem(key, fmt.tr(
                "{key} is part of protocol format version {since} (this file says "
                "schema_version = {version}); write schema_version = {since} on the first "
                "line to use it (the rest of the file stays as it is: `walkapp protocol "
                "upgrade FILE` does it)").format(key=key, since=since,
                                                 version=self.issues.version))
            return _MISSING
        return value

    def has(self, key: str) -> bool:
        self._get(key)
        return key in self.data

    def done(self) -> None:
        """Report keys nobody asked for: usually a typo, which would otherwise be ignored."""
        for key in self.data:
            if key in self._known:
                continue
            near = difflib.get_close_matches(key, sorted(self._known), n=1, cutoff=0.6)
            if not near:
                message = fmt.tr("unknown key {key}; the keys allowed here are {keys}")
            elif near[0] in self._missing:
                # One mistake, one message: "minuts" is the missing "minutes".
                self.issues.items.remove(self._missing.pop(near[0]))
                message = fmt.tr("unknown key {key}; did you mean {near}? ({near} is required)")
            else:
                message = fmt.tr("unknown key {key}; did you mean {near}?")
            self.problem(key, message.format(key=show_value(key), near=near[0] if near else "",
                                             keys=", ".join(sorted(self._known))))

    # -- scalar fields ---------------------------------------------------------------------------
    def text(self, key: str, *, limit: int, required: bool = False, default: str = "",
             one_line: bool = True, example: str = "…") -> str:
        value = self.optional_text(key, limit=limit, required=required, one_line=one_line,
                                   example=example)
        return default if value is None else value

    def optional_text(self, key: str, *, limit: int, required: bool = False,
                      one_line: bool = True, example: str = "…",
                      example_is_key: bool = False) -> str | None:
        """The stripped text, or None when it is missing or wrong (the problem is noted).
        `example`: a text marked N_, shown in the user's language; with `example_is_key`
        an identifier, shown as written."""
        value = self._get(key)
        if not example_is_key:
            example = fmt.tr(example)
        if value is _MISSING:
            if required:
                self.missing(key, fmt.tr('{key} is missing; add a line such as {key} = '
                                         '"{example}"').format(key=key, example=example))
            return None
        if not isinstance(value, str):
            self.problem(key, fmt.tr('must be text in quotes, found {found}; write for example '
                                     '{key} = "{example}"').format(
                                         found=describe(value), key=key, example=example))
            return None
        text = value.strip()
        if required and not text:
            self.problem(key, fmt.tr('is empty; write something between the quotes, e.g. '
                                     '"{example}"').format(example=example))
            return None
        if len(text) > limit:
            self.problem(key, fmt.tr("is {length:,} characters long; the limit is {limit:,}, "
                                     "so shorten it").format(length=len(text), limit=limit))
            return None
        if one_line and ("\n" in text or "\r" in text):
            self.problem(key, fmt.tr('must fit on one line; use "…", not """…"""'))
            return None
        return text if one_line else reflow(text)

    def slug(self, key: str, *, required: bool = True, default: str = "",
             example: str = "my-key") -> str:
        value = self.optional_text(key, limit=10_000, required=required, example=example,
                                   example_is_key=True)
        if value is None:
            return default
        if len(value) > SLUG_MAX or not SLUG.fullmatch(value):
            self.problem(key, fmt.tr("{value} is not a usable key; use lower-case letters, "
                                     "digits, '-' or '_' (at most {slug_max} characters), "
                                     'e.g. {key} = "{example}"').format(
                                         value=show_value(value), slug_max=SLUG_MAX, key=key,
                                         example=example))
            return default
        return value

    def integer(self, key: str, low: int, high: int, *, default: int | None,
                required: bool = False, unit: str = "") -> int | None:
        value = self._get(key)
        what = fmt.tr(_WHOLE_NUMBER[unit]).format(low=low, high=high)
        example = max(low, min(high, 10))
        if value is _MISSING:
            if required:
                self.missing(key, fmt.tr("{key} is missing; add a line such as "
                                         "{key} = {example}").format(key=key, example=example))
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, fmt.tr("must be {what}, found {found}; write it without quotes, "
                                     "e.g. {key} = {example}").format(
                                         what=what, found=show_value(value), key=key,
                                         example=example))
            return default
        if not low <= value <= high:
            found = value if abs(value) < 10**12 else fmt.tr("a very large number")
            self.problem(key, fmt.tr("must be {what}, found {found}").format(what=what,
                                                                             found=found))
            return default
        return value

    def flag(self, key: str, *, default: bool = False) -> bool:
        """true or false (without quotes)."""
        value = self._get(key)
        if value is _MISSING:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            word = "true" if value.strip().lower() in ("true", "yes") else "false"
            self.problem(key, fmt.tr("must be true or false without quotes, found {found}; "
                                     "write {key} = {word}").format(
                                         found=show_value(value), key=key, word=word))
        else:
            self.problem(key, fmt.tr("must be true or false, found {found}; write {key} = true "
                                     "or {key} = false").format(found=show_value(value),
                                                                key=key))
        return default

    def choice(self, key: str, enum: type[E], default: E) -> E:
        value = self.optional_choice(key, enum, default)
        return default if value is None else value

    def optional_choice(self, key: str, enum: type[E], default: E) -> E | None:
        """The value, `default` when the key is absent, None when it is wrong (noted, with
        the nearest allowed value: stem = "notice" → did you mean "noticed"?)."""
        allowed = [e.value for e in enum]
        value = self._get(key)
        if value is _MISSING:
            return default
        if isinstance(value, str):
            try:
                return enum(value.strip())
            except ValueError:
                pass
        near = difflib.get_close_matches(value.strip().lower(), allowed, n=1, cutoff=0.6) \
            if isinstance(value, str) else []
        if near:
            self.problem(key, fmt.tr('{value} is not one of the choices; did you mean "{near}"? '
                                     '(the choices are: {choices})').format(
                                         value=show_value(value), near=near[0],
                                         choices=", ".join(allowed)))
        else:
            self.problem(key, fmt.tr("{value} is not one of: {choices}").format(
                value=show_value(value), choices=", ".join(allowed)))
        return None

    # -- lists and tables ------------------------------------------------------------------------
    def texts(self, key: str, *, limit_items: int, limit_chars: int) -> tuple[str, ...]:
        """A list of one-line texts, e.g. norms = ["…", "…"]."""
        value = self._get(key)
        if value is _MISSING:
            return ()
        if not isinstance(value, list):
            self.problem(key, fmt.tr('must be a list such as {key} = ["first", "second"], '
                                     "found {found}").format(key=key, found=describe(value)))
            return ()
        if len(value) > limit_items:
            self.problem(key, fmt.tr("has {count:,} entries; the limit is {limit}").format(
                count=len(value), limit=limit_items))
            return ()
        out: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem(key, fmt.tr("entry {number} must be non-empty text in quotes, "
                                         "found {found}").format(number=index + 1,
                                                                 found=show_value(item)))
                continue
            text = item.strip()
            if len(text) > limit_chars or "\n" in text:
                self.problem(key, fmt.tr("entry {number} must be one line of at most "
                                         "{limit:,} characters").format(number=index + 1,
                                                                       limit=limit_chars))
                continue
            out.append(text)
        return tuple(out)

    def slugs(self, key: str, *, limit_items: int) -> tuple[str, ...]:
        """A list of identifiers, e.g. steps = ["warm-up", "feedback"]."""
        out: list[str] = []
        for index, text in enumerate(self.texts(key, limit_items=limit_items,
                                                limit_chars=SLUG_MAX)):
            if SLUG.fullmatch(text):
                out.append(text)
            else:
                self.problem(key, fmt.tr('entry {number}, {value}, is not a key; use the key '
                                         'of a step, e.g. "warm-up"').format(
                                             number=index + 1, value=show_value(text)))
        return tuple(out)

    def table(self, key: str, *, required: bool = False) -> Reader | None:
        value = self._get(key)
        if value is _MISSING:
            if required:
                self.missing(key, fmt.tr("the [{path}] section is missing; add it (see "
                                         "protocols/README.md)").format(
                                             path=show_path(self.at(key))))
            return None
        if not isinstance(value, Mapping):
            self.problem(key, fmt.tr("must be a table ([{path}]), found {found}").format(
                path=show_path(self.at(key)), found=describe(value)))
            return None
        return Reader(self.issues, value, self.at(key), self._inner(key))

    def tables(self, key: str, *, limit: int, required: bool = False,
               allow_text: bool = False) -> list[Reader | str]:
        """An array of tables ([[key]] blocks); with `allow_text`, plain strings may stand
        in for tables (look-for items can be written as a bare list of texts)."""
        value = self._get(key)
        path = show_path(self.at(key))
        if value is _MISSING:
            if required:
                self.missing(key, fmt.tr("{key} is missing; add at least one [[{path}]] "
                                         "block").format(key=key, path=path))
            return []
        if not isinstance(value, list):
            self.problem(key, fmt.tr("must be a list of [[{path}]] blocks, found {found}").format(
                path=path, found=describe(value)))
            return []
        if required and not value:
            self.problem(key, fmt.tr("is empty; add at least one [[{path}]] block").format(
                path=path))
        if len(value) > limit:
            self.problem(key, fmt.tr("has {count:,} entries; the limit is {limit}").format(
                count=len(value), limit=limit))
            return []
        out: list[Reader | str] = []
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                out.append(Reader(self.issues, item, (*self.at(key), index),
                                  self._inner(key)))
            elif allow_text and isinstance(item, str):
                out.append(item)
            else:
                self.problem(key, fmt.tr("entry {number} must be a table ([[{path}]]), found "
                                         "{found}").format(number=index + 1, path=path,
                                                           found=describe(item)))
        return out



def only_tables(items: list[Reader | str]) -> list[Reader]:
    return [item for item in items if isinstance(item, Reader)]


def unique(table: Reader, key: str, value: str, seen: dict[str, FieldPath]) -> None:
    """`value` of `key` in this element of an array of tables must not be in an earlier
    element (`seen`: value → where it was first given); the message names the first use."""
    if not value:
        return
    if value in seen:
        table.issues.add(table.at(key), fmt.tr('"{value}" is used twice in this list; give '
                                               "each one its own {key}").format(
                                                   value=value, key=key), first=seen[value])
    else:
        seen[value] = table.at(key)
