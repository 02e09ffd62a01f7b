"""One stylesheet for every report: type scale, colours, spacing and table looks.

Calm and print-friendly: dark ink on white, one teal accent, generous leading, no fills
heavier than a tint, so reports photocopy well in black and white.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from walkapp.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

MUTED_HEX = "#5f6b76"  # for <font color=…> in our own markup
ACCENT_HEX = "#2f6f73"
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor(MUTED_HEX)
ACCENT = colors.HexColor(ACCENT_HEX)
RULE = colors.HexColor("#c9d3da")
TINT = colors.HexColor("#edf3f4")
BAR = colors.HexColor("#4f8f93")

MARGIN = 18 * mm
HEADER_GAP = 10 * mm  # from the top edge to the header line


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    label: ParagraphStyle
    letter: ParagraphStyle
    conflict: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared stylesheet (fonts are registered on first use)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=14.5, textColor=INK,
                          alignment=TA_LEFT, spaceAfter=4, splitLongWords=1,
                          allowWidows=0, allowOrphans=0)

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)  # type: ignore[arg-type]

    return Styles(
        title=derive("title", fontName=BOLD, fontSize=21, leading=26, spaceAfter=4),
        subtitle=derive("subtitle", fontSize=11, leading=15, textColor=MUTED, spaceAfter=10),
        h1=derive("h1", fontName=BOLD, fontSize=14, leading=18, textColor=ACCENT,
                  spaceBefore=11, spaceAfter=5),  # sections use CondPageBreak instead
        h2=derive("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=9,
                  spaceAfter=4, keepWithNext=1),
        h3=derive("h3", fontName=BOLD, fontSize=9.5, leading=13, textColor=MUTED,
                  spaceBefore=5, spaceAfter=2, keepWithNext=1),
        body=base,
        quote=derive("quote", leftIndent=10, spaceAfter=3, borderPadding=0),
        bullet=derive("bullet", leftIndent=14, bulletIndent=3, spaceAfter=3),
        small=derive("small", fontSize=8.5, leading=11.5),
        muted=derive("muted", fontName=ITALIC, textColor=MUTED),
        cell=derive("cell", fontSize=9, leading=12, spaceAfter=0),
        cell_head=derive("cell_head", fontName=BOLD, fontSize=8.5, leading=11,
                         textColor=ACCENT, spaceAfter=0),
        cell_right=derive("cell_right", fontSize=9, leading=12, spaceAfter=0,
                          alignment=TA_RIGHT),
        label=derive("label", fontName=BOLD, fontSize=8.5, leading=11, textColor=MUTED,
                     spaceAfter=1),
        letter=derive("letter", fontSize=11.5, leading=17.5, spaceAfter=8),
        # "Not yet resolved: two versions": in the accent, so it shows on a photocopy too.
        conflict=derive("conflict", fontSize=8.5, leading=11.5, textColor=ACCENT,
                        leftIndent=10, spaceAfter=2),
    )


# Tables set a font for every cell even when the cell holds a Paragraph; left at its
# default that is Helvetica, which would be listed in the PDF without being embedded.
TABLE_FONT: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), REGULAR),
                                        ("FONTSIZE", (0, 0), (-1, -1), 9)]


def table_style(*, header: bool = True, zebra: bool = True, rows: int = 0) -> TableStyle:
    """Hairline rules, a tinted header row, and optional zebra striping."""
    commands: list[tuple[Any, ...]] = [
        *TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), TINT),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)]
    if zebra and rows:
        first = 1 if header else 0
        commands += [("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white,
                                                               colors.HexColor("#f7f9fa")])]
    return TableStyle(commands)
