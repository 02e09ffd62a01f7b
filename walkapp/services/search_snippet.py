"""A search result's snippet as plain pieces: (text, is_match), nothing in it markup.

The index's own `snippet()` (FTS5) picks the passage and marks the matches; it is asked
to mark them with two Unicode noncharacters (U+FDD0, U+FDD1: never meant to be in text
that is interchanged), which are cut out here. Where there is no FTS5 (PostgreSQL) the
passage is picked here, from the words the query looks for (`made_here`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPEN, CLOSE = "\ufdd0", "\ufdd1"
ELLIPSIS = "…"
# Words around the matches in a snippet (FTS5's count; at most 64).
SNIPPET_TOKENS = 16
# A snippet made here: characters before the first match and in all.
_BEFORE, _LENGTH = 40, 160


@dataclass(frozen=True, slots=True)
class SnippetPart:
    text: str
    is_match: bool


def _join(parts: list[SnippetPart]) -> tuple[SnippetPart, ...]:
    merged: list[SnippetPart] = []
    for part in parts:
        if not part.text:
            continue
        if merged and merged[-1].is_match == part.is_match:
            merged[-1] = SnippetPart(merged[-1].text + part.text, part.is_match)
        else:
            merged.append(part)
    return tuple(merged)


def from_marked(text: str) -> tuple[SnippetPart, ...]:
    """The pieces of a snippet FTS5 marked with OPEN … CLOSE. A stray mark (the text held
    one of the two characters itself) only moves where a piece ends: never an error."""
    parts: list[SnippetPart] = []
    inside = False
    for chunk in re.split(f"([{OPEN}{CLOSE}])", text):
        if chunk == OPEN:
            inside = True
        elif chunk == CLOSE:
            inside = False
        else:
            parts.append(SnippetPart(chunk, inside))
    return _join(parts)


def fold(text: str) -> str:
    """Case and accents folded, character for character (so positions stay the same)."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[:1] or char
    folded = base.casefold()
    return folded if len(folded) == 1 else char.lower()[:1] or char


def made_here(text: str, words: tuple[str, ...]) -> tuple[SnippetPart, ...]:
    """A passage of `text` around the first of `words` (already folded) it holds, each
    word start that matches marked; the text's start if none is found."""
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for word in {w for w in words if w}:
        for match in re.finditer(r"(?<!\w)" + re.escape(word) + r"\w*", folded):
            spans.append(match.span())
    spans.sort()
    first = spans[0][0] if spans else 0
    start = max(0, first - _BEFORE)
    if start > 0:  # from the start of a word
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else first
    end = min(len(text), start + _LENGTH)
    parts: list[SnippetPart] = [SnippetPart(ELLIPSIS, False)] if start > 0 else []
    at = start
    for begin, finish in spans:
        if begin < at or begin >= end:
            continue
        parts.append(SnippetPart(text[at:begin], False))
        parts.append(SnippetPart(text[begin:min(finish, end)], True))
        at = min(finish, end)
    parts.append(SnippetPart(text[at:end], False))
    if end < len(text):
        parts.append(SnippetPart(ELLIPSIS, False))
    return _join(parts)
