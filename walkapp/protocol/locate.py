"""Find the line of a field in a TOML file, so an error can say "line 42".

tomllib keeps no positions, so this reads the text once more, line by line, following
`[table]` and `[[array]]` headers and `key =` lines. It is a best effort: a field inside an
inline table or a multi-line array is placed on the line of its nearest enclosing key, and
an unplaceable field simply gets no line (the field path is always in the message).

The same reading finds what tomllib cannot say for a hand-editor: where an unclosed
`\"\"\"` was opened (tomllib only reports the end of the file) and where a key given twice
was first given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from walkapp.protocol.fields import FieldPath

_NAME = r'(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')'
_DOTTED = rf"{_NAME}(?:\s*\.\s*{_NAME})*"
_ARRAY_HEADER = re.compile(rf"\s*\[\[\s*({_DOTTED})\s*\]\]\s*(?:#.*)?")
_TABLE_HEADER = re.compile(rf"\s*\[\s*({_DOTTED})\s*\]\s*(?:#.*)?")
_KEY = re.compile(rf"\s*({_DOTTED})\s*=(.*)")
_PART = re.compile(_NAME)
# Quotes a word processor or a phone puts in for " and ': TOML does not read them as quotes.
CURLY_QUOTES = "“”„‟‘’‚‛«»"
_CURLY_VALUE = re.compile(rf"(?:^|=|\[|,)\s*([{CURLY_QUOTES}])")


def _names(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _PART.findall(dotted))


def _scan(text: str) -> Iterator[tuple[int, FieldPath, str]]:
    """(line, path, what) for each header and key, in file order; `what` is "array" for
    the array of an `[[array]]` header, "element" for its new element, "table", "key", or
    "open" for a key whose multi-line string is not closed on its line, and at the end
    "unclosed" (on the line it opened) for a multi-line string still open there."""
    counts: dict[FieldPath, int] = {}  # elements seen per resolved array path
    latest: dict[tuple[str, ...], int] = {}  # newest element index per array name
    current: FieldPath = ()
    closing: str | None = None  # inside a multi-line string ending with this delimiter
    opened = 0

    def resolve(names: tuple[str, ...]) -> FieldPath:
        out: FieldPath = ()
        for i in range(len(names)):
            out = (*out, names[i])
            if names[: i + 1] in latest:
                out = (*out, latest[names[: i + 1]])
        return out

    for number, line in enumerate(text.splitlines(), start=1):
        if closing is not None:
            if line.count(closing) % 2 == 1:
                closing = None
            continue
        if match := _ARRAY_HEADER.fullmatch(line):
            names = _names(match.group(1))
            array = (*resolve(names[:-1]), names[-1])
            element = counts.get(array, 0)
            counts[array] = element + 1
            latest[names] = element
            current = (*array, element)
            yield number, array, "array"
            yield number, current, "element"
        elif match := _TABLE_HEADER.fullmatch(line):
            current = resolve(_names(match.group(1)))
            yield number, current, "table"
        elif match := _KEY.match(line):
            path = (*current, *_names(match.group(1)))
            yield number, path, "key"
            rest = match.group(2)
            for delimiter in ('"""', "'''"):
                if rest.count(delimiter) % 2 == 1:
                    closing, opened = delimiter, number
                    yield number, path, "open"
                    break
    if closing is not None:
        yield opened, (), "unclosed"


def line_index(text: str) -> dict[FieldPath, int]:
    """Map each header and key found in `text` to the (1-based) line it first appears on."""
    index: dict[FieldPath, int] = {}
    for number, path, _what in _scan(text):
        index.setdefault(path, number)
    return index


def find_line(index: dict[FieldPath, int], path: FieldPath) -> int | None:
    """The line of `path`, or of its nearest enclosing table or key that was found."""
    for length in range(len(path), 0, -1):
        line = index.get(path[:length])
        if line is not None:
            return line
    return None


def unclosed_string_line(text: str) -> int | None:
    """The line where a multi-line string that never closes was opened, if there is one."""
    return next((number for number, _path, what in _scan(text) if what == "unclosed"), None)


def first_use_line(text: str, line: int) -> tuple[FieldPath, int] | None:
    """For a key or table given twice: its path and first line, given the second's line."""
    seen: dict[FieldPath, int] = {}
    for number, path, what in _scan(text):
        if what not in ("table", "key"):
            continue
        if number == line:
            return (path, seen[path]) if path in seen else None
        seen.setdefault(path, number)
    return None


def curly_quote(line: str) -> str | None:
    """The curly quote used as a TOML quote on this line (`title = “Our walk”`), if any."""
    match = _CURLY_VALUE.search(line)
    if match:
        return match.group(1)
    # `title = "Our walk”`: opened straight, closed curly, so the text never ends.
    stripped = line.rstrip()
    if stripped and stripped[-1] in CURLY_QUOTES and stripped.count('"') % 2 == 1:
        return stripped[-1]
    return None
