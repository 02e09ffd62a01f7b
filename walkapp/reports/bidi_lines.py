"""Right-to-left text put in display order one line at a time, after the lines are broken.

The Unicode bidi algorithm reorders each *line* (rule L2): reordering a whole paragraph
before it is wrapped would put the end of a long Hebrew note on its first line. ReportLab
does this only through a package that is not on PyPI, so here, once a shaped paragraph is
broken into lines (HarfBuzz has already drawn each right-to-left word's letters in display
order), the words of each line are given bidi levels and reversed run by run.

Words are the unit: a right-to-left word is one run, a left-to-right word (Latin, numbers)
another, and spaces and punctuation between two words of one direction take that
direction, else the paragraph's. That is the algorithm's result for ordinary text; nested
embeddings and mirrored brackets inside mixed lines are not handled.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from reportlab.pdfbase.ttfonts import ShapedStr

_SPACES = re.compile(r"( +)")


def base_is_rtl(text: str) -> bool:
    """The paragraph direction: that of its first strong letter (rule P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _strength(piece: str) -> str:
    """"R", "L" or "" (neutral: spaces, punctuation) for one word."""
    for ch in piece:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
    for ch in piece:
        if unicodedata.bidirectional(ch) in ("L", "EN", "AN"):
            return "L"
    return ""


def _slice(text: str, start: int, end: int) -> str:
    data = getattr(text, "__shapeData__", None)
    if isinstance(text, ShapedStr) and data is not None and len(data) == len(text):
        return ShapedStr(str.__getitem__(text, slice(start, end)), shapeData=data[start:end])
    return str.__getitem__(text, slice(start, end))


def reorder_line(words: list[Any], rtl: bool) -> list[Any]:
    """`words` (a line's frags) in display order, one frag per word or space run."""
    tokens: list[tuple[Any, str]] = []
    for frag in words:
        text = getattr(frag, "text", None)
        if not text or hasattr(frag, "cbDefn"):
            tokens.append((frag, ""))
            continue
        at = 0
        for part in _SPACES.split(str(text)):
            if part:
                tokens.append((frag, _slice(text, at, at + len(part))))
                at += len(part)
    kinds = [_strength(piece) for _, piece in tokens]
    base = "R" if rtl else "L"
    # Neutrals between two words of one direction take it; others the paragraph's.
    resolved = list(kinds)
    for i, kind in enumerate(kinds):
        if kind:
            continue
        before = next((k for k in reversed(kinds[:i]) if k), base)
        after = next((k for k in kinds[i + 1:] if k), base)
        resolved[i] = before if before == after else base
    levels = [(1 if kind == "R" else 2) if rtl else (1 if kind == "R" else 0)
              for kind in resolved]
    order = list(range(len(tokens)))
    for level in range(max(levels, default=0), 0, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    # Neighbours from one frag are joined again: fewer text runs on the page, and a reader
    # that reads a right-to-left run back in logical order sees the whole run.
    merged: list[tuple[Any, str]] = []
    for index in order:
        frag, piece = tokens[index]
        if merged and piece and merged[-1][0] is frag and merged[-1][1]:
            merged[-1] = (frag, merged[-1][1] + piece)
        else:
            merged.append((frag, piece))
    return [frag.clone(text=piece, _walk_visual=1) if piece else frag
            for frag, piece in merged]


def needs_reordering(frags: list[Any]) -> bool:
    """Whether `frags` hold right-to-left words not yet in display order. The part of a
    paragraph split across pages is made of frags already in display order (marked)."""
    if any(getattr(frag, "__dict__", {}).get("_walk_visual") for frag in frags):
        return False
    return any(_strength(getattr(frag, "text", "") or "") == "R" for frag in frags)


def reorder(lines: Any, rtl: bool) -> None:
    """Put each line of a broken paragraph (ReportLab's kind 1 lines) in display order."""
    if getattr(lines, "kind", 0) != 1:
        return
    for line in lines.lines:
        if needs_reordering(line.words):
            line.words = reorder_line(line.words, rtl)
