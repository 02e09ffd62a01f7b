"""ReportLab's line breaking, the same lines for less work.

A note prints as "<b>Visit 3</b>  text <i>(also: …)</i>": more than one style in a
paragraph, which ReportLab breaks through its general, word-by-word path. For the debrief of
a big walk (1,080 notes) that path measured the width of a space 80,000 times (once per
word for every piece of the line so far), compared styles 30,000 times through a generic
function and looked a font's ascent up once per word; and a paragraph measured twice at one
width (a heading's room under `NeedRoom`, a table cell measured, then drawn) was broken twice.

Installed once (walkapp.reports.shaping.install):

- a paragraph remembers the lines it was last broken into, with the width, style and text
  they were made for, and gives them again when asked for the same;
- a paragraph of more than one style is broken by ReportLab's own `breakLines` (and
  `_getFragWords`) code run with remembered space widths and ascents (they depend on the
  font and size alone), word widths summed the same way in fewer steps, and an equivalent
  style comparison that remembers its last answer: the same code, the same lines. A
  paragraph of one style takes ReportLab's own fast path, untouched.

tests/core/reports/test_fastbreak.py compares the lines with ReportLab's own.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from itertools import repeat
from typing import Any

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

from walkapp.reports.bidi_lines import same_level

# What ReportLab's sameFrag compares (reportlab.lib.rl_accel), in its order.
_SAME = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
_NEVER_SAME = ("cbDefn", "lineBreak")

_spaces: dict[tuple[str, float, str], float] = {}
_ascents: dict[tuple[str, float | None], tuple[float, float]] = {}
_KEPT = "_walkapp_lines"


# ReportLab measures TrueType text in Python unless its C accelerator is installed; then
# the accelerator's own sum is used, as ReportLab would.
_PYTHON_WIDTHS = vars(ttfonts)["instanceStringWidthTTF"] is vars(rl_accel)["_py_funcs"].get(
    "instanceStringWidthTTF")


def _word_width(text: str, font_name: str, font_size: float, encoding: str = "utf8"
                ) -> float:
    """ReportLab's `stringWidth`, the same sum in the same order taken through `map`
    instead of a generator (about 40% less time for a word)."""
    font: Any = pdfmetrics.getFont(font_name)
    if _PYTHON_WIDTHS and type(font) is ttfonts.TTFont and isinstance(text, str):
        face = font.face
        width: float = 0.001 * font_size * sum(map(face.charWidths.get, map(ord, text),
                                                   repeat(face.defaultWidth)))
        return width
    return float(font.stringWidth(text, font_size, encoding))


def _string_width(text: str, font_name: str, font_size: float, encoding: str = "utf8"
                  ) -> float:
    if text != " ":
        return _word_width(text, font_name, font_size, encoding)
    key = (font_name, font_size, encoding)
    width = _spaces.get(key)
    if width is None:
        width = _spaces[key] = float(pdfmetrics.stringWidth(text, font_name, font_size,
                                                            encoding))
    return width


def _ascent_descent(font_name: str, font_size: float | None = None) -> tuple[float, float]:
    key = (font_name, font_size)
    kept = _ascents.get(key)
    if kept is None:
        kept = _ascents[key] = pdfmetrics.getAscentDescent(font_name, font_size)
    return kept


# The last comparison made while breaking one paragraph: breakLines compares the line's
# current piece with each next word's style, mostly the same two objects again, and changes
# neither's style while it runs (only a piece's text). Reset for each paragraph.
_last: tuple[Any, Any, int] = (None, None, 0)


def _same_frag(f: Any, g: Any) -> int:
    """ReportLab's `sameFrag`: 1 when the two pieces print in the same style."""
    global _last
    last = _last
    if last[0] is f and last[1] is g:
        return last[2]
    _last = (f, g, same := _compare(f, g))
    return same


def _compare(f: Any, g: Any) -> int:
    fd, gd = f.__dict__, g.__dict__
    for name in _NEVER_SAME:
        if name in fd or name in gd:
            return 0
    # Runs of two bidi levels are reordered apart (walkapp.reports.shaping's sameFrag).
    if not same_level(f, g):
        return 0
    for name in _SAME:
        mine, theirs = fd.get(name), gd.get(name)
        # (`is` first, as a list comparison does: colours compare slowly and are shared.)
        if mine is not theirs and mine != theirs:
            return 0
    return 1


def _rebound(function: Callable[..., Any], **names: Any) -> Callable[..., Any]:
    """`function`'s own code, looking `names` up in place of its module's."""
    scope = dict(function.__globals__)
    scope.update(names)
    out = types.FunctionType(function.__code__, scope, function.__name__,
                             function.__defaults__, function.__closure__)
    out.__kwdefaults__ = function.__kwdefaults__
    return out


def faster(break_lines: Callable[..., Any]) -> Callable[..., Any]:
    """ReportLab's `break_lines` with its general path (more than one style) run with the
    memoised lookups above. Call once the paragraph module's globals are final (after
    `shaping.install` replaced `shapeFragWord`): the copy sees the names as they are then."""
    words = _rebound(vars(paragraph)["_getFragWords"], stringWidth=_word_width)
    general = _rebound(break_lines, stringWidth=_string_width, sameFrag=_same_frag,
                       getAscentDescent=_ascent_descent, _getFragWords=words)

    def break_lines_faster(self: Any, width: Any) -> Any:
        global _last
        if len(self.frags) <= 1:
            return break_lines(self, width)
        _last = (None, None, 0)
        try:
            return general(self, width)
        finally:
            _last = (None, None, 0)

    return break_lines_faster


def remembering(break_lines: Callable[..., Any]) -> Callable[..., Any]:
    """`break_lines` (a Paragraph's) giving again the lines it gave last time when asked for
    the same widths with the same style and text."""

    def break_lines_remembered(self: Any, width: Any) -> Any:
        widths = tuple(width) if isinstance(width, list | tuple) else (width,)
        kept = self.__dict__.get(_KEPT)
        if (kept is not None and kept[0] == widths and kept[1] is self.style
                and kept[2] is self.frags):
            self.height = 0
            self._width_max, self._splitLongWordCount, self._hyphenations = kept[4]
            return kept[3]
        style = self.style
        lines = break_lines(self, width)
        counts = (self._width_max, self._splitLongWordCount, self._hyphenations)
        self.__dict__[_KEPT] = (widths, style, self.frags, lines, counts)
        return lines

    return break_lines_remembered
