"""Three small corrections to ReportLab's text machinery, installed once with the fonts.

- The ToUnicode map (what copy, search and screen readers read) wrote code points above
  U+FFFF, every emoji, as five hex digits that readers reject: written as UTF-16 pairs.
- HarfBuzz shaping (joined Arabic, Devanagari conjuncts, right-to-left words) comes with
  Latin ligatures ReportLab asks for: "st" and "fl" drawn as one glyph, which copied text
  then reads as "ﬆudents". Those two optional features are turned off; the features a
  script needs are applied by HarfBuzz regardless.
- Shaping costs about eight times a plain layout, and only some scripts need it (joined or
  reordered letters: Hebrew, Arabic, the Indic scripts, Thai…): a paragraph is shaped only
  when its text holds one of them, with a copy of its style that says so.
- ReportLab shapes a word with the font of its first piece, then looks the glyphs up in
  each piece's own font: a word drawn in two fonts (the fallback chain's "메모:" or
  "�⸦") got wrong glyphs or raised KeyError. Here each same-font piece of a word is shaped
  on its own and the pieces are put back together.
- Right-to-left text (walkapp.reports.bidi_lines): a paragraph's text is cut where its bidi
  level changes, each run is shaped on its own in its level's direction, ReportLab keeps
  runs of different levels apart on a line (`sameFrag`), and each broken line is put in
  display order. A paragraph whose first strong letter is Hebrew or Arabic is set flush
  right, its indents mirrored.

Line breaking itself is made cheaper, with the same result, in walkapp.reports.fastbreak
(which keeps runs of two bidi levels apart too).
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

from walkapp.reports import bidi_lines, fastbreak

_installed = False


def install() -> None:
    """Apply the corrections (idempotent)."""
    global _installed
    if _installed:
        return
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    features = (ttfonts.shapeFragWord.__defaults__ or ({},))[0]
    if isinstance(features, dict):
        features.update(liga=False, dlig=False)
    paragraph.shapeFragWord = _shape_by_font  # type: ignore[attr-defined]
    paragraph.sameFrag = _same_frag  # type: ignore[attr-defined]
    global _break_lines_plain
    # (After shapeFragWord: the faster copy reads the module's names as they are now.)
    _break_lines_plain = fastbreak.faster(_REPORTLAB_BREAK_LINES)
    paragraph.Paragraph.breakLines = fastbreak.remembering(  # type: ignore[method-assign]
        _break_lines)
    _installed = True


# Scripts whose letters HarfBuzz must join, reorder or combine to print right.
_COMPLEX = re.compile("[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f"
                      "\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff]")
_REPORTLAB_BREAK_LINES = paragraph.Paragraph.breakLines
_break_lines_plain = _REPORTLAB_BREAK_LINES
_shaped_styles: dict[int, tuple[ParagraphStyle, ParagraphStyle]] = {}


def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    """A copy of `style` with shaping on (kept: styles are few and live for the process)."""
    kept = _shaped_styles.get(id(style))
    if kept is None or kept[0] is not style:
        copy = ParagraphStyle(f"{style.name}-shaped", parent=style)
        copy.shaping = 1
        kept = _shaped_styles[id(style)] = (style, copy)
    return kept[1]


def _right_to_left(style: ParagraphStyle, bullet: bool) -> ParagraphStyle:
    """`style` for a right-to-left paragraph: flush right, its indents mirrored (not for a
    paragraph with its own bullet, which ReportLab draws at the left whatever the text)."""
    if getattr(style, "_walk_rtl", False) or style.alignment != TA_LEFT:
        return style
    key = (id(style), bullet)
    kept = _rtl_styles.get(key)
    if kept is None or kept[0] is not style:
        copy = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        if not bullet:
            copy.leftIndent, copy.rightIndent = style.rightIndent, style.leftIndent
        copy._walk_rtl = True
        kept = _rtl_styles[key] = (style, copy)
    return kept[1]


_rtl_styles: dict[tuple[int, bool], tuple[ParagraphStyle, ParagraphStyle]] = {}


def _break_lines(self: paragraph.Paragraph, width: Any) -> Any:
    style = self.style
    # Decided on the first break: ReportLab then replaces the frags with shaped words
    # (without a text of their own), which a table breaks again at another width.
    decided: tuple[bool, bool] | None = self.__dict__.get("_walk_bidi")
    if decided is None:
        text = "".join(getattr(frag, "text", "") or "" for frag in self.frags)
        if getattr(style, "shaping", 0) or not _COMPLEX.search(text):
            return _break_lines_plain(self, width)
        bidi = bidi_lines.has_bidi(text) and not bidi_lines.in_display_order(self.frags)
        rtl = bidi_lines.base_is_rtl(text)
        if bidi:
            if rtl:
                style = self.style = _right_to_left(style, bool(self.bulletText))
            self.frags = bidi_lines.split_by_level(self.frags, rtl)
        decided = self._walk_bidi = (bidi, rtl)  # type: ignore[attr-defined]
    self.style = _shaped(style)
    try:
        lines = _break_lines_plain(self, width)
    finally:
        self.style = style
    if decided[0]:
        bidi_lines.reorder(lines, decided[1])
    return lines


_same_frag_plain = paragraph.sameFrag  # type: ignore[attr-defined]  # (imported there)


def _same_frag(f: Any, g: Any) -> bool:
    """ReportLab's test for joining two frags on a line, which also keeps runs of two bidi
    levels apart (they are reordered separately)."""
    return bool(_same_frag_plain(f, g)) and bidi_lines.same_level(f, g)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with code points above U+FFFF as surrogate pairs."""
    def hex16(value: int) -> str:
        if isinstance(value, int) and value > 0xFFFF:
            return chr(value).encode("utf-16-be").hex().upper()
        return f"{value:04X}"
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{hex16(value)}>" for index, value in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end",
        "end"])


_original = ttfonts.shapeFragWord


def _shape_by_font(word: Any, features: Any = None, force: bool = False) -> Any:
    """Shape each run of one font and one bidi level in a frag word separately (see the
    module docstring), each in its level's direction."""
    pieces = word[1:]
    groups: list[list[Any]] = []
    for item in pieces:
        frag = item[0]
        special = hasattr(frag, "cbDefn")
        last = groups[-1][-1][0] if groups else None
        if last is not None and (special or hasattr(last, "cbDefn")
                                 or (getattr(last, "fontName", None) == frag.fontName
                                     and bidi_lines.same_level(last, frag))):
            groups[-1].append(item)
        else:
            groups.append([item])
    # ReportLab's own default features (edited by `install`) unless told otherwise.
    chosen: dict[str, Any] = {} if features is None else {"features": features}
    if isinstance(word, ttfonts.ShapedFragWord) or any(
            isinstance(item[1], ttfonts.ShapedStr) for item in pieces):
        # Shaped already: a paragraph broken again (in a table) or a long word that
        # ReportLab cut in two after shaping it.
        return word
    if len(groups) <= 1:
        return _oriented(_original(word, force=force, **chosen))
    shaped = []
    for group in groups:
        width = sum(pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
                    for frag, text in group if not hasattr(frag, "cbDefn"))
        part = word.__class__([width, *group])
        shaped.append(_oriented(_original(part, force=True, **chosen)))
    joined = ttfonts.makeShapedFragWord(word)([])
    for part in shaped:
        joined.extend(part[1:])
    joined.insert(0, sum(part[0] for part in shaped))
    return joined


def _oriented(word: Any) -> Any:
    """A shaped run (one font, one level) with its pieces in logical order, each drawn in
    its level's direction; a run without a level (no bidi text) as it is."""
    pieces = [tuple(item) for item in word[1:]]
    if not pieces or bidi_lines.LEVEL not in getattr(pieces[0][0], "__dict__", {}):
        return word
    fixed = bidi_lines.orient(pieces, getattr(pieces[0][0], bidi_lines.LEVEL))
    if fixed == pieces:
        return word
    # Marked as shaped, so that breaking the paragraph again does not turn it back.
    return ttfonts.makeShapedFragWord(word)([word[0], *fixed])
