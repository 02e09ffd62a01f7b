"""Make any user string safe to print: the one door every note, name and title goes through.

A ReportLab `Paragraph` reads its text as markup, so `<b>` in a note would turn bold and
`<img src=…>` would try to load an image; control characters (NUL and friends) make the
PDF writer stumble; glyphs the bundled font lacks would print as nothing at all. Here:

- `plain(text)` gives text safe to draw directly (chart labels, header lines): controls and
  undrawable characters become one visible replacement mark (U+FFFD), invisible emoji
  modifiers are dropped, tabs become spaces;
- `markup(text)` gives the text XML-escaped, with line breaks kept, for a Paragraph, each
  character in a font that has it (walkapp.reports.glyphs: CJK, Devanagari, emoji…);
- runs of blank lines are kept as one blank line;
- both cut text longer than a report can sensibly print (a one-megabyte paste) and say so
  in the output, instead of printing three hundred pages or silently dropping the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape

from walkapp import formatting as fmt

REPLACEMENT = "\ufffd"

# A note of up to 2,000,000 characters can be stored; a report prints the first part of
# anything longer than this and says how much it left out.
PRINT_LIMIT = 10_000

# Invisible modifiers that only shape an emoji (variation selectors, zero-width joiner,
# skin tones, tag characters). Once the emoji itself is replaced they carry no meaning.
_MODIFIERS = re.compile("[\u200d\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
                        "\U000e0100-\U000e01ef]")
# C0/C1 controls except tab, newline and carriage return; surrogates and non-characters
# cannot be written to a PDF string either.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")
# Two or more blank lines in a row (a paste from a form or an e-mail): kept as one blank
# line, so sixty pasted empty lines cannot push a table cell past a page.
_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n){2,}")

# Set by walkapp.reports.fonts once the bundled font is registered: which code points the
# font can draw. Until then, only the character classes above are checked.
_drawable: Callable[[int], bool] | None = None


def set_drawable(check: Callable[[int], bool]) -> None:
    """Tell the cleaner which characters the registered font can draw."""
    global _drawable
    _drawable = check


def _replace_undrawable(text: str) -> str:
    check = _drawable
    if check is None or text.isascii():
        return text
    out: list[str] = []
    for ch in text:
        if ch in "\n\t " or check(ord(ch)):
            out.append(ch)
        elif not out or out[-1] != REPLACEMENT:
            # One mark per run: a flag or a family emoji is one thing to the reader.
            out.append(REPLACEMENT)
    return "".join(out)


def truncate(text: str, limit: int = PRINT_LIMIT) -> str:
    """`text`, or its first `limit` characters and a note of how many were left out."""
    if len(text) <= limit:
        return text
    left_out = len(text) - limit
    return text[:limit] + "… [" + fmt.plural(
        left_out, "{n} more character not printed", "{n} more characters not printed") + "]"


def _clean(text: str | None, limit: int) -> str:
    if not text:
        return ""
    cleaned = _LINE_BREAKS.sub("\n", truncate(str(text), limit))
    cleaned = _BLANK_RUN.sub("\n\n", cleaned.replace("\t", "    "))
    cleaned = _CONTROL.sub(REPLACEMENT, cleaned)
    return _MODIFIERS.sub("", cleaned)


def plain(text: str | None, limit: int = PRINT_LIMIT) -> str:
    """Text safe to draw on the page as it is, in the bundled font alone (no markup is
    interpreted). Drawing it through `glyphs.draw_string` reaches the fallback fonts."""
    return _replace_undrawable(_clean(text, limit))


def one_line(text: str | None, limit: int = 300) -> str:
    """`plain` on a single line (for headers, table labels and chart axes), cut at a word
    with an ellipsis when longer than `limit`."""
    return _cut_at_word(" ".join(plain(text, limit * 4).split()), limit)


def _cut_at_word(flat: str, limit: int) -> str:
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    # At a word when there is one in the second half; a single long word is cut inside.
    space = cut.rfind(" ")
    if flat[limit - 1] != " " and space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def line(text: str | None, limit: int = 300) -> str:
    """`one_line` for `glyphs.draw_line`, which reaches the fallback fonts: only characters
    no font has become the replacement mark, there."""
    return _cut_at_word(" ".join(_clean(text, limit * 4).split()), limit)


def markup(text: str | None, limit: int = PRINT_LIMIT) -> str:
    """Text for a Paragraph: escaped so it prints literally, line breaks kept, each
    character in a font that has it and right-to-left lines in display order."""
    from walkapp.reports import glyphs

    lines = []
    for line in _clean(text, limit).split("\n"):
        lines.append("".join(
            _escape(piece) if not font else f'<font name="{font}">{_escape(piece)}</font>'
            for font, piece in glyphs.runs(glyphs.paragraph_order(line))))
    return "<br/>".join(lines)


def _escape(piece: str) -> str:
    return escape(piece, {'"': "&quot;"})
