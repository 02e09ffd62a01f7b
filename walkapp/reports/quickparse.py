"""Paragraph markup read once per shape: the pieces of a paragraph without the XML parser.

ReportLab reads a Paragraph's markup with Python's HTMLParser, for every paragraph: for the
evidence notes of a big walk ("<b>Visit 3</b> text <i>(also: …)</i>", 1,080 of them) that
is about a tenth of the whole debrief. Their markup has few shapes: the same tags around
different text. Here a paragraph's markup is cleaned as ReportLab cleans it, each text
between two tags stands in as one placeholder, and that skeleton is parsed once (per style);
a paragraph's pieces are copies of the skeleton's with the texts put back.

The pieces are the parser's own, so they print alike. Markup that the skeleton could read
otherwise (an entity such as `&amp;`, which the parser makes a piece of its own; a stray
`<` or `>`; the placeholder itself) goes to ReportLab's parser as before.
"""

from __future__ import annotations

import copy
import re
import threading
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

_TAG = re.compile(r"<[^<>]*>")
_HOLE = "\ue000"  # a private-use character: stands for one text between two tags
_KEEP = 2_000     # skeletons kept (a report has a few dozen)

_transform = vars(rl_paragraph)["textTransformFrags"]  # (not in the stubs)
_lock = threading.Lock()
_skeletons: dict[tuple[str, int], tuple[ParagraphStyle, tuple[Any, ...] | None]] = {}


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """`Paragraph(markup, style)`, its markup parsed once per shape."""
    cleaned = cleanBlockQuotedText(markup)
    if "&" in cleaned or _HOLE in cleaned or cleaned.startswith("<para"):
        return Paragraph(markup, style)
    texts = _TAG.split(cleaned)
    if any("<" in part or ">" in part for part in texts):
        return Paragraph(markup, style)
    tags = _TAG.findall(cleaned)
    skeleton = "".join(_HOLE * bool(part) + tag for part, tag in zip(texts, [*tags, ""],
                                                                     strict=True))
    frags = _parsed(skeleton, style)
    if frags is None:
        return Paragraph(markup, style)
    filled = iter(part for part in texts if part)
    out: list[Any] = []
    shared: dict[int, list[Any]] = {}
    for frag in frags:
        piece = copy.copy(frag)
        state = vars(piece)
        for name, value in state.items():
            # Lists (underlines, links) shared by the pieces of one paragraph, as parsed.
            if isinstance(value, list):
                state[name] = shared.setdefault(id(value), list(value))
        if getattr(frag, "text", None) == _HOLE:
            piece.text = next(filled)
        out.append(piece)
    _transform(out, style)
    return Paragraph(cleaned, style, frags=out)


def _parsed(skeleton: str, style: ParagraphStyle) -> tuple[Any, ...] | None:
    """The parser's pieces for `skeleton`, or None when they are not one per placeholder
    plus the tags' own empty pieces (line breaks)."""
    key = (skeleton, id(style))
    kept = _skeletons.get(key)
    if kept is not None and kept[0] is style:
        return kept[1]
    parser: Any = ParaParser()
    parser.caseSensitive = 1  # as a Paragraph sets it
    parsed_style, frags, bullet = parser.parse(skeleton, style)
    holes = skeleton.count(_HOLE)
    usable: tuple[Any, ...] | None = None
    if (frags is not None and bullet is None and parsed_style is style
            and all(getattr(f, "text", None) in (_HOLE, "") for f in frags)
            and sum(getattr(f, "text", None) == _HOLE for f in frags) == holes):
        usable = tuple(frags)
    with _lock:
        if len(_skeletons) >= _KEEP:
            _skeletons.clear()
        _skeletons[key] = (style, usable)
    return usable
