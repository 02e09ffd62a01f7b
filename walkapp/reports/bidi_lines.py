"""Right-to-left text put in display order one line at a time, after the lines are broken.

The Unicode bidi algorithm reorders each *line* (rule L2): reordering a whole paragraph
before it is wrapped would put the end of a long Hebrew note on its first line. ReportLab
does this only through a package that is not on PyPI, so it is done here in three steps:

1. before the paragraph is broken, each character gets its bidi level (`levels`: the
   algorithm's weak, neutral and implicit rules, W1-W7, N1-N2, I1-I2) and the paragraph's
   pieces of text are cut where the level changes (`split_by_level`), so a word such as
   "בחדר12" becomes two pieces, the letters at level 1 and the digits at level 2;
2. HarfBuzz shapes each piece on its own (walkapp.reports.shaping) and draws it in the
   direction its level says (`orient`): HarfBuzz guesses a direction from the script, which
   for "בחדר12" as one run reversed the digits too ("21") and for Arabic-Indic digits
   (Arabic script, but numbers) reversed the number;
3. once the paragraph is broken into lines, the pieces of each line are reversed run by run
   from the highest level down (`reorder_line`, rules L1-L2).

Not handled: explicit embeddings and isolates (the control characters count as neutral),
and bracket pairs (N0): a bracket takes the direction of the text around it as any
neutral does, and one on its own in right-to-left text is mirrored.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from reportlab.pdfbase.ttfonts import ShapedStr

_SPACES = re.compile(r"( +)")
LEVEL = "_walk_level"     # a piece of text's bidi level, on its ReportLab frag
VISUAL = "_walk_visual"   # marks frags already in display order

_STRONG_RTL = frozenset({"R", "AL"})
_NUMBERS = frozenset({"EN", "AN"})
_EXPLICIT = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
# Characters a right-to-left run draws as their mirror image (the common pairs).
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
# What HarfBuzz shapes right to left when it guesses the direction from the script.
_RTL_SCRIPT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def base_is_rtl(text: str) -> bool:
    """The paragraph direction: that of its first strong letter (rules P2, P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _STRONG_RTL:
            return True
        if kind == "L":
            return False
    return False


def has_bidi(text: str) -> bool:
    """Whether `text` needs levels: right-to-left letters or Arabic digits."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL", "AN") for ch in text)


def _types(text: str, sos: str) -> list[str]:
    """Each character's bidi type after the weak rules W1-W7."""
    types = []
    for ch in text:
        kind = unicodedata.bidirectional(ch) or "L"
        types.append("ON" if kind in _EXPLICIT else kind)
    prev, strong = sos, sos
    for i, kind in enumerate(types):
        if kind in ("NSM", "BN"):       # W1 (and BN, which X9 would remove, likewise)
            kind = types[i] = prev
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":   # W2
            kind = types[i] = "AN"
        prev = kind
    types = ["R" if kind == "AL" else kind for kind in types]   # W3
    for i in range(1, len(types) - 1):   # W4
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if before == after and ((kind == "ES" and before == "EN")
                                or (kind == "CS" and before in _NUMBERS)):
            types[i] = before
    i = 0
    while i < len(types):   # W5: terminators ("%", "$") next to European digits
        if types[i] != "ET":
            i += 1
            continue
        j = i
        while j < len(types) and types[j] == "ET":
            j += 1
        if (i > 0 and types[i - 1] == "EN") or (j < len(types) and types[j] == "EN"):
            types[i:j] = ["EN"] * (j - i)
        i = j
    types = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]   # W6
    strong = sos
    for i, kind in enumerate(types):   # W7
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[i] = "L"
    return types


def levels(text: str, rtl: bool) -> list[int]:
    """The bidi level of each character of one paragraph (no explicit embeddings)."""
    base = "R" if rtl else "L"
    types = _types(text, base)
    strong = ["R" if kind in _NUMBERS else kind if kind in ("L", "R") else ""
              for kind in types]
    i = 0
    while i < len(strong):   # N1, N2: a neutral run between two of one direction takes it
        if strong[i]:
            i += 1
            continue
        j = i
        while j < len(strong) and not strong[j]:
            j += 1
        before = strong[i - 1] if i > 0 else base
        after = strong[j] if j < len(strong) else base
        types[i:j] = [before if before == after else base] * (j - i)
        i = j
    if rtl:   # I2
        return [2 if kind in ("L", "EN", "AN") else 1 for kind in types]
    return [1 if kind == "R" else 2 if kind in _NUMBERS else 0 for kind in types]  # I1


def _frag_level(frag: Any, default: int = 0) -> int:
    value = getattr(frag, "__dict__", {}).get(LEVEL)
    return value if isinstance(value, int) else default


def split_by_level(frags: list[Any], rtl: bool) -> list[Any]:
    """`frags` (a paragraph's, in logical order) cut where the bidi level changes, each
    piece carrying its level. A line break starts a new run of the algorithm."""
    out: list[Any] = []
    start = 0
    for end in range(len(frags) + 1):
        if end < len(frags) and not _special(frags[end]):
            continue
        run = frags[start:end]
        text = "".join(str(frag.text) for frag in run)
        found = levels(text, rtl)
        at = 0
        for frag in run:
            piece = str(frag.text)
            if not piece:
                out.append(frag)
                continue
            cut = 0
            for i in range(1, len(piece) + 1):
                if i == len(piece) or found[at + i] != found[at + cut]:
                    out.append(frag.clone(text=piece[cut:i], **{LEVEL: found[at + cut]}))
                    cut = i
            at += len(piece)
        if end < len(frags):
            out.append(frags[end])
        start = end + 1
    return out


def _special(frag: Any) -> bool:
    """A frag that is not text: a line break, an image, a bullet's callback."""
    return (hasattr(frag, "cbDefn") or "lineBreak" in getattr(frag, "__dict__", {})
            or not isinstance(getattr(frag, "text", None), str))


def same_level(f: Any, g: Any) -> bool:
    """Whether two frags may share one run of a printed line."""
    return _frag_level(f, -1) == _frag_level(g, -1)


def _reverse(text: Any, mirror: bool) -> Any:
    """`text` (plain or shaped) drawn the other way round; brackets mirrored if asked."""
    flipped = str.__getitem__(text, slice(None, None, -1))
    if mirror:
        flipped = "".join(_MIRROR.get(ch, ch) for ch in flipped)
    data = getattr(text, "__shapeData__", None)
    if isinstance(text, ShapedStr) and data is not None and len(data) == len(text):
        return ShapedStr(flipped, shapeData=data[::-1])
    return flipped


def _drawn_rtl(pieces: list[tuple[Any, Any]]) -> bool:
    """Whether HarfBuzz drew `pieces` (one shaped run) right to left."""
    clusters = [item.cluster for _, text in pieces
                for item in (getattr(text, "__shapeData__", None) or [])]
    if len(clusters) > 1 and clusters[0] != clusters[-1]:
        return bool(clusters[0] > clusters[-1])
    return any(_RTL_SCRIPT.search(str(text)) for _, text in pieces)


def orient(pieces: list[tuple[Any, Any]], level: int) -> list[tuple[Any, Any]]:
    """One shaped run's (frag, text) pieces, in logical order, each drawn in its level's
    direction (odd: right to left)."""
    if any(hasattr(frag, "cbDefn") for frag, _ in pieces):
        return pieces
    drawn_rtl = _drawn_rtl(pieces)
    if drawn_rtl:
        pieces = pieces[::-1]   # HarfBuzz gave the run's last piece first
    if drawn_rtl != bool(level % 2):
        # Digits drawn right to left (Arabic-Indic ones), or neutrals ("?!", a bracket)
        # in a right-to-left run drawn left to right: only such runs can disagree.
        pieces = [(frag, _reverse(text, mirror=bool(level % 2))) for frag, text in pieces]
    return pieces


def _slice(text: str, start: int, end: int) -> str:
    data = getattr(text, "__shapeData__", None)
    if isinstance(text, ShapedStr) and data is not None and len(data) == len(text):
        return ShapedStr(str.__getitem__(text, slice(start, end)), shapeData=data[start:end])
    return str.__getitem__(text, slice(start, end))


def _direction(piece: str, level: int, rtl: bool) -> str:
    """"R" or "L": how a word of `level` counts for the spaces beside it (rule N1, where
    numbers count as right to left)."""
    if level % 2:
        return "R"
    if level == 0:
        return "L"
    numbers = all(unicodedata.bidirectional(ch) in ("EN", "AN", "ES", "CS", "ET")
                  for ch in piece)
    return "R" if not rtl or numbers else "L"


def _space_levels(tokens: list[tuple[Any, str, int]], rtl: bool) -> list[int]:
    """Each token's level; a run of spaces gets its own (N1, N2, L1): ReportLab moves the
    space between two words to the end of the first word's frag, whose level it is not."""
    base = 1 if rtl else 0
    found = [level for _, _, level in tokens]
    spaces = [bool(piece) and piece.isspace() for _, piece, _ in tokens]
    dirs = ["" if spaces[i] or not piece else _direction(piece, level, rtl)
            for i, (_, piece, level) in enumerate(tokens)]
    for i, space in enumerate(spaces):
        if not space:
            continue
        after = next((d for d in dirs[i + 1:] if d), "")
        if not after:   # L1: the spaces that end a line take the paragraph's level
            found[i] = base
            continue
        before = next((d for d in reversed(dirs[:i]) if d), "R" if rtl else "L")
        side = before if before == after else ("R" if rtl else "L")
        found[i] = (1 if side == "R" else 0) if not rtl else (1 if side == "R" else 2)
    return found


def reorder_line(words: list[Any], rtl: bool) -> list[Any]:
    """`words` (a line's frags) in display order, one frag per word or space run."""
    base = 1 if rtl else 0
    tokens: list[tuple[Any, str, int]] = []
    for frag in words:
        text = getattr(frag, "text", None)
        if not text or hasattr(frag, "cbDefn"):
            tokens.append((frag, "", base))
            continue
        at = 0
        for part in _SPACES.split(str(text)):
            if part:
                tokens.append((frag, _slice(text, at, at + len(part)), _frag_level(frag,
                                                                                  base)))
                at += len(part)
    found = _space_levels(tokens, rtl)
    order = list(range(len(tokens)))
    for level in range(max(found, default=0), 0, -1):   # L2
        i = 0
        while i < len(order):
            if found[order[i]] >= level:
                j = i
                while j < len(order) and found[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    # Neighbours from one frag are joined again: fewer text runs on the page, and a reader
    # that reads a right-to-left run back in logical order sees the whole run.
    merged: list[tuple[Any, str]] = []
    for index in order:
        frag, piece, _ = tokens[index]
        if merged and piece and merged[-1][0] is frag and merged[-1][1]:
            merged[-1] = (frag, merged[-1][1] + piece)
        else:
            merged.append((frag, piece))
    return [frag.clone(text=piece, **{VISUAL: 1}) if piece else frag
            for frag, piece in merged]


def in_display_order(frags: list[Any]) -> bool:
    """Whether `frags` are already in display order: the part of a paragraph split across
    pages is made of frags its first part put in display order (marked)."""
    return any(getattr(frag, "__dict__", {}).get(VISUAL) for frag in frags)


def reorder(lines: Any, rtl: bool) -> None:
    """Put each line of a broken paragraph (ReportLab's kind 1 lines) in display order."""
    if getattr(lines, "kind", 0) != 1:
        return
    for line in lines.lines:
        line.words = reorder_line(line.words, rtl)
