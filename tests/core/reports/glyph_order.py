"""The characters a PDF page draws, with where each one starts: read from the content
stream (text operators and each font's widths and ToUnicode map), so a test can check the
visual order of a line without trusting a text extractor's own bidi guesses."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ContentStream


@dataclass(frozen=True)
class Glyph:
    char: str
    x: float
    y: float
    width: float


def _unicode_map(font: Any) -> dict[int, str]:
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    return {int(code, 16): bytes.fromhex(value).decode("utf-16-be")
            for code, value in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4,8})>", data)}


def glyphs(pdf: bytes, page: int = 0) -> list[Glyph]:
    """Every character drawn on `page` (ReportLab's simple one-byte fonts), in drawing
    order, at its position on the page."""
    reader = PdfReader(io.BytesIO(pdf))
    pg = reader.pages[page]
    fonts = {name: ref.get_object() for name, ref in pg["/Resources"]["/Font"].items()}
    maps: dict[str, dict[int, str]] = {}
    out: list[Glyph] = []
    ctm = [[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]]
    tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    line = list(tm)
    font, size, leading = None, 0.0, 0.0

    def show(raw: bytes) -> None:
        assert font is not None
        widths, first = font.get("/Widths", []), int(font.get("/FirstChar", 0))
        umap = maps.setdefault(str(font.indirect_reference), _unicode_map(font)
                               if "/ToUnicode" in font else {})
        for code in raw:
            advance = float(widths[code - first]) / 1000 * size if 0 <= code - first < len(
                widths) else 0.0
            a, _, _, d, e, f = ctm[-1]
            x, y = a * tm[4] + e, d * tm[5] + f
            out.append(Glyph(umap.get(code, chr(code)), x, y, advance * a))
            tm[4] += advance

    for operands, op in ContentStream(pg.get_contents(), reader).operations:
        name = op.decode()
        if name == "q":
            ctm.append(list(ctm[-1]))
        elif name == "Q":
            ctm.pop()
        elif name == "cm":
            # ReportLab's reports only move and scale (no rotation, no skew).
            a, _, _, d, e, f = (float(v) for v in operands)
            pa, _, _, pd, pe, pf = ctm[-1]
            ctm[-1] = [pa * a, 0.0, 0.0, pd * d, pa * e + pe, pd * f + pf]
        elif name == "BT":
            tm[:] = line[:] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
        elif name == "Tm":
            tm[:] = line[:] = [float(v) for v in operands]
        elif name in ("Td", "TD"):
            line[4] += float(operands[0])
            line[5] += float(operands[1])
            tm[:] = line
            if name == "TD":
                leading = -float(operands[1])
        elif name == "TL":
            leading = float(operands[0])
        elif name == "T*":
            line[5] -= leading
            tm[:] = line
        elif name == "Tf":
            font, size = fonts[operands[0]], float(operands[1])
        elif name == "Tj":
            show(bytes(operands[0].original_bytes))
        elif name == "TJ":
            for item in operands[0]:
                if isinstance(item, (int, float)) or not hasattr(item, "original_bytes"):
                    tm[4] -= float(item) / 1000 * size
                else:
                    show(bytes(item.original_bytes))
    return out


def lines(pdf: bytes, page: int = 0) -> list[list[Glyph]]:
    """The page's glyphs grouped by baseline (top line first), each line left to right."""
    rows: dict[float, list[Glyph]] = {}
    for glyph in glyphs(pdf, page):
        rows.setdefault(round(glyph.y, 1), []).append(glyph)
    return [sorted(row, key=lambda g: g.x) for _, row in sorted(rows.items(), reverse=True)]


def visual(row: list[Glyph]) -> str:
    """A line's characters left to right (spaces as drawn)."""
    return "".join(g.char for g in row)
