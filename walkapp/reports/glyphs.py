"""Which font draws each character: the fallback chain, script runs and right-to-left order.

DejaVu Sans (bundled) draws Latin, Greek, Cyrillic, Hebrew, Arabic and many symbols. Other
scripts come from fonts the system has, found through fontconfig (`fc-list`, which also
tells each font's character set without opening it) or, without fontconfig, in the usual
font folders. The chain, in order:

- Noto Sans Hebrew, Arabic and Devanagari (Debian's fonts-noto-core);
- Droid Sans Fallback for Chinese and Japanese (fonts-droid-fallback): TrueType outlines,
  which ReportLab can embed — Noto Sans CJK ships CFF outlines in a .ttc, which it cannot;
- Nanum Gothic for Korean (fonts-nanum), also TrueType;
- Symbola for emoji and symbols, monochrome (fonts-symbola; Noto Color Emoji is bitmaps);
- any other Noto Sans/Serif TrueType font found (Thai, Bengali, Tamil, Ethiopic…).

The .setup script (.ci/system-deps.sh) installs those packages on Debian; without them a
report still prints, and each character no font has is drawn as U+FFFD and *collected*
(`collect_missing`), so the export can name the characters and the package to install.

`runs(text)` splits text into (font, piece) runs, the one place every kind's Paragraph
markup is made from (walkapp.reports.text.markup). Right-to-left text keeps its typed order
in a Paragraph: ReportLab's HarfBuzz shaping (uharfbuzz) joins Arabic letters and draws each
right-to-left word's letters in display order, and walkapp.reports.bidi_lines orders the
words of each printed line. A line drawn straight on a canvas (the page header) is put in
display order here by `visual`, with python-bidi (the Unicode bidi algorithm; ReportLab's
own bidi needs a package that is not on PyPI).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from bidi import get_display  # type: ignore[import-untyped]  # (no stubs)

from walkapp import formatting as fmt

REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Candidate:
    """A font the chain can use when the system has it."""

    name: str        # the ReportLab font name it gets
    regular: str     # file names to look for, first found wins
    bold: str
    package: str     # the Debian package that ships it
    scripts: str     # what it is for, for the message


CHAIN: tuple[Candidate, ...] = (
    Candidate("WalkHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf",
              "fonts-noto-core", "Hebrew"),
    Candidate("WalkArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf",
              "fonts-noto-core", "Arabic"),
    Candidate("WalkDevanagari", "NotoSansDevanagari-Regular.ttf",
              "NotoSansDevanagari-Bold.ttf", "fonts-noto-core", "Hindi and Marathi"),
    Candidate("WalkHan", "DroidSansFallbackFull.ttf", "", "fonts-droid-fallback",
              "Chinese and Japanese"),
    Candidate("WalkHangul", "NanumGothic.ttf", "NanumGothicBold.ttf", "fonts-nanum",
              "Korean"),
    Candidate("WalkSymbols", "Symbola_hint.ttf", "", "fonts-symbola", "emoji and symbols"),
)
# The packages that complete the chain, for the message and the setup script.
PACKAGES: tuple[str, ...] = tuple(dict.fromkeys(c.package for c in CHAIN))

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts")

# Characters that never start a run of their own: they belong to the letter before them
# (combining marks, joiners, variation selectors, skin tones).
_ATTACHED_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Cf"})


@dataclass
class Face:
    """One font of the chain, found on this system."""

    name: str
    path: str
    bold_path: str
    package: str
    coverage: frozenset[int] | None = None   # from fontconfig; else read on first use
    registered: bool = field(default=False)


_lock = threading.Lock()
# What the bundled font draws: set by walkapp.reports.fonts when it is imported (a callable,
# so the font is read only when a report first needs it). This module does not import
# fonts, which imports the text cleaner, which uses this module.
_bundled: Callable[[], frozenset[int]] | None = None


def use_bundled(codes: Callable[[], frozenset[int]]) -> None:
    """Tell the chain which code points the bundled font draws."""
    global _bundled
    _bundled = codes
    font_for.cache_clear()


def _bundled_codes() -> frozenset[int]:
    return _bundled() if _bundled is not None else frozenset(range(0x20, 0x7F))


_missing: ContextVar[set[str] | None] = ContextVar("walkapp_missing_glyphs", default=None)


def _fc_list() -> dict[str, tuple[str, frozenset[int] | None]]:
    """file name → (path, character set) for every TrueType font fontconfig knows."""
    found: dict[str, tuple[str, frozenset[int] | None]] = {}
    if not shutil.which("fc-list"):
        return found
    try:
        out = subprocess.run(["fc-list", "--format", "%{file}\t%{charset}\n"],
                             capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return found
    for line in out.splitlines():
        path, _, charset = line.partition("\t")
        if path.lower().endswith(".ttf"):
            found.setdefault(os.path.basename(path), (path, _charset(charset)))
    return found


def _charset(spec: str) -> frozenset[int] | None:
    """fontconfig's "20-7e a0-17f 2010" as code points."""
    codes: set[int] = set()
    try:
        for part in spec.split():
            low, _, high = part.partition("-")
            codes.update(range(int(low, 16), int(high or low, 16) + 1))
    except ValueError:
        return None
    return frozenset(codes) or None


def _scan_dirs() -> dict[str, tuple[str, frozenset[int] | None]]:
    found: dict[str, tuple[str, frozenset[int] | None]] = {}
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            for path in sorted(root.rglob("*.ttf")):
                found.setdefault(path.name, (str(path), None))
    return found


@lru_cache(maxsize=1)
def faces() -> tuple[Face, ...]:
    """The fallback fonts this system has, in chain order (DejaVu, bundled, comes first
    and is not listed here)."""
    files = _fc_list() or _scan_dirs()
    out: list[Face] = []
    for cand in CHAIN:
        if cand.regular in files:
            path, coverage = files[cand.regular]
            bold = files.get(cand.bold, ("", None))[0] if cand.bold else ""
            out.append(Face(cand.name, path, bold, cand.package, coverage))
    # Every other Noto TrueType face covers one more script (Thai, Bengali, Tamil…).
    known = {c.regular for c in CHAIN}
    for filename in sorted(files):
        if (filename.startswith(("NotoSans", "NotoSerif"))
                and filename.endswith("-Regular.ttf") and filename not in known
                and "Mono" not in filename and "Display" not in filename):
            path, coverage = files[filename]
            bold = files.get(filename.replace("-Regular", "-Bold"), ("", None))[0]
            out.append(Face("Walk" + filename[:-len("-Regular.ttf")], path, bold,
                            "fonts-noto-core", coverage))
    return tuple(out)


def _covers(face: Face, code: int) -> bool:
    if face.coverage is None:
        _register(face)
    return face.coverage is not None and code in face.coverage


def _register(face: Face) -> bool:
    """Register `face` (and its bold) with ReportLab on first use; False if it is unusable."""
    if face.registered:
        return True
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    with _lock:
        if face.registered:
            return True
        try:
            regular = TTFont(face.name, face.path)
            bold = TTFont(face.name + "-Bold", face.bold_path) if face.bold_path else None
        except (OSError, TTFError, ValueError):
            face.coverage = frozenset()
            return False
        if face.coverage is None:
            face.coverage = frozenset(c for c, g in regular.face.charToGlyph.items() if g)
        pdfmetrics.registerFont(regular)
        bold_name = face.name
        if bold is not None:
            pdfmetrics.registerFont(bold)
            bold_name = bold.fontName
        # <b> inside a <font name=…> run picks the bold face (or the regular one again).
        pdfmetrics.registerFontFamily(face.name, normal=face.name, bold=bold_name,
                                      italic=face.name, boldItalic=bold_name)
        addMapping(face.name, 1, 0, bold_name)
        addMapping(face.name, 1, 1, bold_name)
        addMapping(face.name, 0, 1, face.name)
        face.registered = True
        return True


@lru_cache(maxsize=8192)
def font_for(code: int) -> str | None:
    """The fallback font that draws `code`, "" when the bundled font does, None if none."""
    if code in _bundled_codes():
        return ""
    for face in faces():
        if _covers(face, code) and _register(face):
            return face.name
    return None


_WORD_GAPS = re.compile(r"([ \t]+)")


def runs(text: str) -> list[tuple[str, str]]:
    """`text` as (font, piece) runs: font "" is the paragraph's own (bundled) font. A
    character no font has becomes U+FFFD and is recorded for `collect_missing`.

    A word (text between spaces) keeps one font when one font has all its letters:
    ReportLab shapes a word with the font of its first piece, so a word drawn in two fonts
    would get the second font's glyphs from the first font's numbering ("메모:" printed
    its colon as "8")."""
    if text.isascii() or _bundled_codes().issuperset(map(ord, text)):
        # The common case, every character in the bundled font: one run, found at once.
        return [("", text)] if text else []
    return _runs_by_word(text)


def _runs_by_word(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for word in _WORD_GAPS.split(text):
        if not word:
            continue
        for font, piece in _word_runs(word):
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + piece)
            else:
                out.append((font, piece))
    return out


def _word_runs(word: str) -> list[tuple[str, str]]:
    if word.isascii():
        return [("", word)]
    codes = [ord(ch) for ch in word if unicodedata.category(ch) not in _ATTACHED_CATEGORIES]
    fonts = [font_for(code) for code in codes]
    if None not in fonts and len(set(fonts)) > 1:
        whole = _one_font(codes)
        if whole is not None:
            return [(whole, word)]
    out: list[tuple[str, str]] = []
    font, piece = "", list[str]()
    for ch in word:
        if piece and unicodedata.category(ch) in _ATTACHED_CATEGORIES:
            piece.append(ch)   # stays with the letter it belongs to
            continue
        chosen = font_for(ord(ch))
        if chosen is None:
            _note_missing(ch)
            chosen, ch = "", REPLACEMENT
        if chosen != font and piece:
            out.append((font, "".join(piece)))
            piece = []
        font = chosen
        piece.append(ch)
    if piece:
        out.append((font, "".join(piece)))
    return out


def _one_font(codes: list[int]) -> str | None:
    """The first font of the chain that has every one of `codes`, if any."""
    bundled = _bundled_codes()
    if all(code in bundled for code in codes):
        return ""
    for face in faces():
        if all(_covers(face, code) for code in codes) and _register(face):
            return face.name
    return None


def _note_missing(ch: str) -> None:
    missing = _missing.get()
    if missing is not None and unicodedata.category(ch) not in _ATTACHED_CATEGORIES:
        missing.add(ch)


@contextlib.contextmanager
def collect_missing() -> Iterator[set[str]]:
    """Collect, while the block runs, the characters no font could draw."""
    missing: set[str] = set()
    token = _missing.set(missing)
    try:
        yield missing
    finally:
        _missing.reset(token)


def missing_message(missing: set[str] | frozenset[str]) -> str:
    """"2 characters have no font on this computer and print as �: 𓀀 (U+13000)…"."""
    if not missing:
        return ""
    shown = sorted(missing)[:8]
    named = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in shown)
    if len(missing) > len(shown):
        named = fmt.tr("{characters} and {more} more").format(
            characters=named, more=fmt.number(len(missing) - len(shown)))
    return fmt.plural(
        len(missing),
        "{n} character has no font on this computer and prints as {replacement}: "
        "{characters}. Install the fonts with: apt-get install {packages} (or the Noto "
        "fonts for that script), then export again.",
        "{n} characters have no font on this computer and print as {replacement}: "
        "{characters}. Install the fonts with: apt-get install {packages} (or the Noto "
        "fonts for that script), then export again.").format(
        replacement=REPLACEMENT, characters=named, packages=" ".join(PACKAGES))


_RTL = frozenset({"R", "AL"})


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL for ch in text)


@lru_cache(maxsize=1)
def shaping() -> bool:
    """Whether ReportLab can shape (join Arabic, reverse right-to-left words) here."""
    return importlib.util.find_spec("uharfbuzz") is not None


def paragraph_order(line: str) -> str:
    """A line for a Paragraph: as typed when shaping is on (walkapp.reports.bidi_lines
    orders each printed line once it is broken), else in display order here."""
    return line if shaping() else visual(line)


def visual(line: str) -> str:
    """One line in display order. Without shaping the letters are reversed here too."""
    if not has_rtl(line):
        return line
    shown = get_display(line)
    if not shaping():
        return str(shown)
    return " ".join(word[::-1] if has_rtl(word) else word for word in shown.split(" "))


def _pieces(line: str, font: str, size: float) -> list[tuple[str, str, float]]:
    """(font, text, width) for each run of one line drawn straight on a canvas."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import shapeStr

    out = []
    for face, piece in runs(visual(line)):
        name = face or font
        if shaping():
            # Shaped here, word by word as a Paragraph does: a canvas string is not.
            piece = " ".join(shapeStr(word, name, size) if has_rtl(word) else word
                             for word in piece.split(" "))
        out.append((name, piece, float(stringWidth(piece, name, size))))
    return out


def line_width(line: str, font: str, size: float) -> float:
    """How wide `draw_line` draws `line`."""
    return sum(width for _, _, width in _pieces(line, font, size))


def draw_line(canvas: Any, x: float, y: float, line: str, font: str, size: float, *,
              right: bool = False) -> None:
    """Draw one line of user text on a canvas (page headers) with the fallback fonts,
    in display order and shaped; `right` puts its end at `x`."""
    pieces = _pieces(line, font, size)
    if right:
        x -= sum(width for _, _, width in pieces)
    for name, piece, width in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += width


def fit_line(line: str, font: str, size: float, room: float) -> str:
    """`line` (one line, as `text.line` gives it), cut with an ellipsis to fit `room` points
    as `draw_line` draws it; "" when not even the ellipsis fits after one character."""
    if line_width(line, font, size) <= room:
        return line
    # The longest start that fits with its ellipsis, found by halving: measuring splits
    # the line into font runs and shapes it, too slow to repeat once per character.
    low, high = 0, len(line)
    while low < high:
        mid = (low + high + 1) // 2
        if line_width(line[:mid] + "…", font, size) <= room:
            low = mid
        else:
            high = mid - 1
    start = line[:low].rstrip()
    return start + "…" if start else ""
