"""Find the line of a field in a TOML file, so an error can say "line 42".

tomllib keeps no positions, so this reads the text once more, line by line, following
`[table]` and `[[array]]` headers and `key =` lines. It is a best effort: a field inside an
inline table or a multi-line array is placed on the line of its nearest enclosing key, and
an unplaceable field simply gets no line (the field path is always in the message).
"""

from __future__ import annotations

import re

from walkapp.protocol.fields import FieldPath

_NAME = r'(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')'
_DOTTED = rf"{_NAME}(?:\s*\.\s*{_NAME})*"
_ARRAY_HEADER = re.compile(rf"\s*\[\[\s*({_DOTTED})\s*\]\]\s*(?:#.*)?")
_TABLE_HEADER = re.compile(rf"\s*\[\s*({_DOTTED})\s*\]\s*(?:#.*)?")
_KEY = re.compile(rf"\s*({_DOTTED})\s*=(.*)")
_PART = re.compile(_NAME)


def _names(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _PART.findall(dotted))


def line_index(text: str) -> dict[FieldPath, int]:
    """Map each header and key found in `text` to the (1-based) line it first appears on."""
    index: dict[FieldPath, int] = {}
    counts: dict[FieldPath, int] = {}  # elements seen per resolved array path
    latest: dict[tuple[str, ...], int] = {}  # newest element index per array name
    current: FieldPath = ()
    closing: str | None = None  # inside a multi-line string ending with this delimiter

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
            index.setdefault(array, number)
            index.setdefault(current, number)
        elif match := _TABLE_HEADER.fullmatch(line):
            current = resolve(_names(match.group(1)))
            index.setdefault(current, number)
        elif match := _KEY.match(line):
            index.setdefault((*current, *_names(match.group(1))), number)
            rest = match.group(2)
            for delimiter in ('"""', "'''"):
                if rest.count(delimiter) % 2 == 1:
                    closing = delimiter
                    break
    return index


def find_line(index: dict[FieldPath, int], path: FieldPath) -> int | None:
    """The line of `path`, or of its nearest enclosing table or key that was found."""
    for length in range(len(path), 0, -1):
        line = index.get(path[:length])
        if line is not None:
            return line
    return None
