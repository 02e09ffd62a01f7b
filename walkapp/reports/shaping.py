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

Line breaking itself is made cheaper, with the same result, in walkapp.reports.fastbreak.
"""

from __future__ import annotations

import re
from typing import Any

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


def _break_lines(self: paragraph.Paragraph, width: Any) -> Any:
    style = self.style
    text = "".join(getattr(frag, "text", "") or "" for frag in self.frags)
    if not getattr(style, "shaping", 0) and _COMPLEX.search(text):
        # (Read before breaking: ReportLab replaces the frags with shaped words.)
        reorder = bidi_lines.needs_reordering(self.frags)
        self.style = _shaped(style)
        try:
            lines = _break_lines_plain(self, width)
        finally:
            self.style = style
        if reorder:
            bidi_lines.reorder(lines, bidi_lines.base_is_rtl(text))
        return lines
    return _break_lines_plain(self, width)


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
    """Shape each run of one font in a frag word separately (see the module docstring)."""
    pieces = word[1:]
    groups: list[list[Any]] = []
    for item in pieces:
        frag = item[0]
        special = hasattr(frag, "cbDefn")
        last = groups[-1][-1][0] if groups else None
        if last is not None and (special or hasattr(last, "cbDefn")
                                 or getattr(last, "fontName", None) == frag.fontName):
            groups[-1].append(item)
        else:
            groups.append([item])
    # ReportLab's own default features (edited by `install`) unless told otherwise.
    chosen: dict[str, Any] = {} if features is None else {"features": features}
    if len(groups) <= 1 or isinstance(word, ttfonts.ShapedFragWord):
        return _original(word, force=force, **chosen)
    shaped = []
    for group in groups:
        width = sum(pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
                    for frag, text in group if not hasattr(frag, "cbDefn"))
        part = word.__class__([width, *group])
        shaped.append(_original(part, force=True, **chosen))
    joined = ttfonts.makeShapedFragWord(word)([])
    for part in shaped:
        joined.extend(part[1:])
    joined.insert(0, sum(part[0] for part in shaped))
    return joined
