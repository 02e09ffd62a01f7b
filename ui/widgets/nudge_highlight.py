"""The language nudge in the editor: wavy underlines, a tooltip and a one-line hint.

The checker itself lives in the core (`walkapp.nudge.check(text, lang) -> list[Flag]`);
the screens take it as a plain callable, so this module only needs four attributes of a
flag: `start`, `end` (indexes into the Python string), `kind` ("evaluative" or "name") and
`suggestion`. A checker that raises or returns nonsense must never disturb typing: its
output is checked and clamped, and its errors are logged and ignored.

Qt counts text positions in UTF-16 code units, Python in code points; an emoji before a
flagged word would shift every underline without the conversions below.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from walkapp.ui.words import Words

Nudge = Words("Nudge")

log = logging.getLogger(__name__)

EVALUATIVE = "evaluative"
NAME = "name"
# Mid-tone colours that read on light and dark backgrounds alike.
UNDERLINE_COLOURS = {EVALUATIVE: QColor("#d4880f"), NAME: QColor("#3b82d6")}


class FlagLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def suggestion(self) -> str: ...


NudgeCheck = Callable[[str, str], Sequence[Any]]


def no_nudge(text: str, lang: str = "en") -> Sequence[FlagLike]:
    """The default checker: flags nothing."""
    return ()


def nudge_speaks(check: NudgeCheck, lang: str) -> bool:
    """False when a real nudge is on but `lang` has no word list (it would flag nothing):
    the editor says so instead of going quiet. No nudge at all (`no_nudge`) is not asked."""
    if check is no_nudge:
        return True
    from walkapp.nudge import load_lexicon  # loaded with the first note-taker, not at start

    try:
        return load_lexicon(lang) is not None
    except Exception:
        log.exception("the nudge word list for %r could not be read", lang)
        return False


@dataclass(frozen=True)
class Span:
    """A flagged stretch of the text, validated, with the words it covers."""

    start: int
    end: int
    kind: str
    suggestion: str
    word: str
    # In a note written with an appreciative stem (warm feedback): worded more kindly.
    gentle: bool = False


def run_check(check: NudgeCheck, text: str, lang: str) -> tuple[Span, ...]:
    """Call the checker defensively and keep only flags that make sense for `text`."""
    try:
        flags = list(check(text, lang))
    except Exception:
        log.exception("the language nudge failed; typing goes on without it")
        return ()
    spans: list[Span] = []
    for flag in flags:
        try:
            start, end = int(flag.start), int(flag.end)
            kind, suggestion = str(flag.kind), str(flag.suggestion)
        except (AttributeError, TypeError, ValueError):
            continue
        start, end = max(0, start), min(len(text), end)
        if start < end:
            spans.append(Span(start, end, kind, suggestion, text[start:end]))
    spans.sort(key=lambda s: (s.start, s.end))
    return tuple(spans)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def python_index(text: str, utf16_offset: int) -> int:
    """The Python index in `text` of a Qt (UTF-16) offset."""
    units = 0
    for index, ch in enumerate(text):
        if units >= utf16_offset:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)



def tooltip_for(span: Span) -> str:
    if span.kind == NAME:
        lead = Nudge.tr("“{0}” may be a person's name. Notes travel between laptops: "
                   "describe the student instead.").format(span.word)
    elif span.gentle:
        lead = Nudge.tr("“{0}” says how it went. What did you see or hear that made it so?"
                   ).format(span.word)
    else:
        lead = Nudge.tr("“{0}” sounds like a judgement. Describe what you saw or heard."
                   ).format(span.word)
    return f"{lead}\n{span.suggestion}" if span.suggestion else lead


def hint_for(spans: Sequence[Span]) -> str:
    """The one-line hint under the editor, about the first flag."""
    if not spans:
        return ""
    first = spans[0]
    if first.kind == NAME:
        text = Nudge.tr("“{0}” may be a name — {1}").format(
            first.word, first.suggestion or Nudge.tr("describe the student instead"))
    elif first.gentle:
        text = Nudge.tr("“{0}” — {1}").format(
            first.word, first.suggestion or Nudge.tr("say what you saw that made it work"))
    elif first.suggestion:
        # The word list's suggestion says what the word sounds like and what to try.
        text = Nudge.tr("“{0}” — {1}").format(first.word, first.suggestion)
    else:
        text = Nudge.tr("“{0}” sounds like a judgement — try: {1}").format(
            first.word, Nudge.tr("I noticed…"))
    if len(spans) > 1:
        text += " " + Nudge.tr("(+{0} more)").format(len(spans) - 1)
    return text


class NudgeHighlighter(QSyntaxHighlighter):
    """Underlines the spans of the latest check; `set_spans` is called after each check."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: tuple[Span, ...] = ()
        self._line_starts: list[int] = [0]
        self._formats: dict[str, QTextCharFormat] = {}
        for kind, colour in UNDERLINE_COLOURS.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colour)
            self._formats[kind] = fmt

    def spans(self) -> tuple[Span, ...]:
        return self._spans

    def set_spans(self, spans: tuple[Span, ...], text: str) -> None:
        if spans == self._spans:
            return
        self._spans = spans
        starts = [0]
        for line in text.split("\n")[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        self._line_starts = starts
        self.rehighlight()

    def span_at(self, index: int) -> Span | None:
        """The flagged span covering Python index `index` of the whole text."""
        return next((s for s in self._spans if s.start <= index < s.end), None)

    def highlightBlock(self, text: str) -> None:
        if not self._spans:
            return
        number = self.currentBlock().blockNumber()
        if number >= len(self._line_starts):
            return  # the text grew since the last check; the next check catches up
        offset = self._line_starts[number]
        end_of_line = offset + len(text)
        for span in self._spans:
            if span.end <= offset or span.start >= end_of_line:
                continue
            local_start = max(span.start, offset) - offset
            local_end = min(span.end, end_of_line) - offset
            start16 = utf16_length(text[:local_start])
            length16 = utf16_length(text[local_start:local_end])
            fmt = self._formats.get(span.kind, self._formats[EVALUATIVE])
            self.setFormat(start16, length16, fmt)
