"""The bundled Unicode font, registered with ReportLab once per process.

ReportLab's own fonts cover Latin-1 only; notes arrive in Spanish, Hebrew, Arabic, Greek…
DejaVu Sans ships in `resources/fonts` with its licence and is embedded (subset) in every
PDF. Registration is guarded by a lock because reports are rendered on a worker thread.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from walkapp.errors import WalkappError
from walkapp.paths import resource_path
from walkapp.reports import glyphs, shaping, text

REGULAR = "WalkSans"
BOLD = "WalkSans-Bold"
ITALIC = "WalkSans-Oblique"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
          ITALIC: "DejaVuSans-Oblique.ttf"}
_lock = threading.Lock()
shaping.install()
_registered = False


def register_fonts() -> None:
    """Register the report fonts (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        fonts: dict[str, TTFont] = {}
        for name, filename in _FILES.items():
            path = resource_path("fonts", filename)
            try:
                fonts[name] = TTFont(name, str(path))
            except (OSError, TTFError) as error:
                raise WalkappError(
                    f"The report font {filename} is missing or damaged ({error}). "
                    "Reinstall walkapp to restore it.") from error
        for font in fonts.values():
            pdfmetrics.registerFont(font)
        # Bold italic is not bundled: bold stands in for it (reports never need both).
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD)
        addMapping(REGULAR, 1, 1, BOLD)
        covered = _coverage(fonts[REGULAR]) & _coverage(fonts[BOLD])
        text.set_drawable(covered.__contains__)
        _registered = True


def _coverage(font: TTFont) -> frozenset[int]:
    # Only the Basic Multilingual Plane: ReportLab writes code points above U+FFFF into the
    # PDF's text map in a form readers reject (so copy, search and screen readers would get
    # garbage); those few emoji the font has print as the replacement mark instead.
    return frozenset(code for code, glyph in font.face.charToGlyph.items()
                     if glyph and code <= 0xFFFF)


@lru_cache(maxsize=1)
def drawable_codepoints() -> frozenset[int]:
    """Code points every bundled face can draw (for tests and the text cleaner)."""
    register_fonts()
    regular = pdfmetrics.getFont(REGULAR)
    bold = pdfmetrics.getFont(BOLD)
    assert isinstance(regular, TTFont) and isinstance(bold, TTFont)
    return _coverage(regular) & _coverage(bold)


glyphs.use_bundled(drawable_codepoints)
