"""Two languages of one protocol must run the same walk: the same keys, numbers and choices,
only the texts translated (protocols/README.md, *Two languages*).

Answers, notes, reports and merges go by keys — step keys, prompt keys, stem and role keys,
look-for set keys, debrief kinds, tally and variant keys — so a walk planned in Spanish and
a walker's laptop showing English line up only when the two files agree on every one of
them. `structure_difference` compares two protocols field by field, guided by the file
format's own table of keys (`walkapp.protocol.fields.PROTOCOL_KEYS`): a text (`text`,
`lines`) may differ, and so may a tally's `shortcut` letter (a key to press, best taken
from the word it stands for: "q" for questions, "p" for preguntas); a list of texts
(norms, options, point labels) must have as many items; everything else (keys, numbers,
flags, choices) must be equal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from typing import Protocol as TypingProtocol

from walkapp import formatting as fmt
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.fields import PROTOCOL_KEYS, FieldPath, Key, show_path, show_value
from walkapp.protocol.schema import Protocol
from walkapp.protocol.snapshot import to_data

# Fields that say which file this is, not what the walk does: they differ by design.
_OWN_FIELDS = frozenset({"language"})
_HUMAN_TEXT = frozenset({"text", "lines", "letter"})


def structure_difference(original: Protocol,
                         translation: Protocol) -> tuple[FieldPath, str] | None:
    """The first place where `translation` does not keep the structure of `original`, as
    (field path, what differs there), or None when only their texts differ."""
    left = {k: v for k, v in to_data(original).items() if k not in _OWN_FIELDS}
    right = {k: v for k, v in to_data(translation).items() if k not in _OWN_FIELDS}
    return _compare_tables(left, right, PROTOCOL_KEYS, ())


def _compare_tables(left: Mapping[str, Any], right: Mapping[str, Any],
                    keys: Mapping[str, Key], path: FieldPath) -> tuple[FieldPath, str] | None:
    for name in [*left, *(k for k in right if k not in left)]:
        key = keys.get(name, Key("text"))
        here = (*path, name)
        if key.kind in _HUMAN_TEXT:
            continue
        if name not in right:
            return here, fmt.tr("missing here, {there} there").format(there=_shown(left[name]))
        if name not in left:
            return here, fmt.tr("given here, not there")
        found = _compare_values(left[name], right[name], key, here)
        if found is not None:
            return found
    return None


def _compare_values(left: Any, right: Any, key: Key,
                    path: FieldPath) -> tuple[FieldPath, str] | None:
    if key.kind == "texts":
        if len(left) != len(right):
            return path, fmt.plural(len(right), "{n} item here, {there} there",
                                    "{n} items here, {there} there").format(there=len(left))
        return None
    if key.kind == "table" and key.keys is not None:
        return _compare_tables(left, right, key.keys, path)
    if key.kind == "tables" and key.keys is not None:
        for index, (one, other) in enumerate(zip(left, right, strict=False)):
            found = _compare_tables(one, other, key.keys, (*path, index))
            if found is not None:
                return found
        if len(left) != len(right):
            return path, fmt.plural(len(right), "{n} block here, {there} there",
                                    "{n} blocks here, {there} there").format(there=len(left))
        return None
    if left != right:
        return path, fmt.tr("{here} here, {there} there").format(here=_shown(right),
                                                                 there=_shown(left))
    return None


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return fmt.tr("a table")
    return show_value(value) if isinstance(value, str) else str(value)


def translation_problem(original: Protocol, original_name: str, translation: Protocol,
                        name: str, line_index: Callable[[], Mapping[FieldPath, int]] | None = None
                        ) -> ProtocolError | None:
    """Why `translation` (the file `name`) cannot stand beside `original` (the file
    `original_name`) as the same protocol in another language; None when it can.
    `line_index` gives the translation's lines (walkapp.protocol.locate.line_index), so
    that the message names the line that differs."""
    found = structure_difference(original, translation)
    if found is None:
        return None
    path, what = found
    line = None
    if line_index is not None:  # read only now: a translation that matches needs no lines
        from walkapp.protocol.locate import find_line

        line = find_line(dict(line_index()), path)
    return ProtocolError(
        fmt.tr("does not match {original_name} (“{language}”) of the same id: {what}; a "
               "translation of “{id}” keeps every key, number and choice of that file and "
               "changes only its texts, so that answers, reports and merges line up across "
               "languages, and walkapp leaves this file out until it does: give it the same "
               "keys, or its own id if it is another protocol").format(
                   original_name=original_name, language=original.language, what=what,
                   id=original.id),
        file=name, field=show_path(path), line=line)


class ProtocolFile(TypingProtocol):
    """A protocol read from a file (walkapp.protocol.library.LibraryEntry)."""

    @property
    def id(self) -> str: ...

    @property
    def protocol(self) -> Protocol: ...

    @property
    def path(self) -> Path: ...


F = TypeVar("F", bound=ProtocolFile)


def same_keys(files: list[F], originals: Mapping[str, F]) -> tuple[list[F], list[ProtocolError]]:
    """`files` without those that are not a translation of their protocol's first file
    (in `originals`, else the first of `files` with that id), and why each was left out."""
    first = dict(originals)
    kept: list[F] = []
    problems: list[ProtocolError] = []
    for entry in files:
        original = first.setdefault(entry.id, entry)
        problem = None if original is entry else translation_problem(
            original.protocol, original.path.name, entry.protocol, str(entry.path),
            partial(lines_of, entry.path))
        if problem is None:
            kept.append(entry)
        else:
            problems.append(problem)
    return kept, problems


def lines_of(path: Path) -> dict[FieldPath, int]:
    """The line of each key of the file at `path` ({} if it cannot be read now)."""
    from walkapp.protocol.loader import read_text
    from walkapp.protocol.locate import line_index

    try:
        return line_index(read_text(path))
    except ProtocolError:
        return {}
