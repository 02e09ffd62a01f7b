"""The nudge's findings on a note, worded as the note editor's hint line words them.

The desktop app underlines what `check` flags and says, under the editor, "“lazy” — Sounds
like a judgement…". A note written without a screen (`walkapp note add`) gets the same
words, one line per finding, in the core's catalogue: `findings(text, walk_language, tone)`
runs the check the editor runs (the walk's language, or English when it has no word list,
said once; the note's own language when it is clearly written in another; an appreciative
stem's kinder words) and returns plain data. Like the editor's, it never blocks anything:
what it finds is advice about a note that is saved all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from walkapp.messages import tr
from walkapp.nudge.detect import appreciative_suggestion, check, note_language
from walkapp.nudge.lexicon import load_lexicon

FALLBACK_LANGUAGE = "en"
EVALUATIVE = "evaluative"
NAME = "name"


@dataclass(frozen=True)
class Finding:
    """One flagged stretch: `text[start:end]` is `word` (Python str indexes)."""

    kind: str  # "evaluative" (a judgement) or "name" (a possible person's name)
    start: int
    end: int
    word: str
    suggestion: str
    # Written with an appreciative stem (warm feedback): worded more kindly.
    gentle: bool = False

    @property
    def message(self) -> str:
        """The line the note editor shows under the text for this finding."""
        if self.kind == NAME:
            return tr("“{word}” may be a name — {suggestion}").format(
                word=self.word, suggestion=self.suggestion or tr("describe the student instead"))
        if self.gentle:
            return tr("“{word}” — {suggestion}").format(
                word=self.word,
                suggestion=self.suggestion or tr("say what you saw that made it work"))
        if self.suggestion:
            return tr("“{word}” — {suggestion}").format(word=self.word,
                                                         suggestion=self.suggestion)
        return tr("“{word}” sounds like a judgement — try: {stem}").format(
            word=self.word, stem=tr("I noticed…"))

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "word": self.word,
                "suggestion": self.suggestion, "gentle": self.gentle,
                "message": self.message}


@dataclass(frozen=True)
class Findings:
    """What the nudge found, and in which language it read the note."""

    items: tuple[Finding, ...]
    language: str       # the word list the note was checked with
    walk_language: str  # the walk's own

    @property
    def falls_back(self) -> bool:
        """The walk's language has no word list: the check ran in English."""
        return load_lexicon(self.walk_language) is None

    @property
    def notice(self) -> str:
        """Said once when the walk's language has no word list ("" otherwise)."""
        if not self.falls_back:
            return ""
        return tr("There is no word list for this walk's language (“{language}”): wording "
                  "suggestions are in English.").format(language=self.walk_language)

    def __bool__(self) -> bool:
        return bool(self.items)

    def kinds(self) -> frozenset[str]:
        return frozenset(f.kind for f in self.items)

    def as_json(self) -> dict[str, Any]:
        return {"language": self.language, "walk_language": self.walk_language,
                "items": [f.as_json() for f in self.items]}


def findings(text: str, walk_language: str, tone: str = "neutral") -> Findings:
    """The nudge on `text` as the note editor runs it (see the module doc). `tone`
    "appreciative": the stem's (walkapp.protocol.schema.StemTone)."""
    walk_language = walk_language or FALLBACK_LANGUAGE
    setup = walk_language if load_lexicon(walk_language) is not None else FALLBACK_LANGUAGE
    if not text.strip():
        return Findings((), setup, walk_language)
    read_in = note_language(text, setup)
    kinder = appreciative_suggestion(read_in) if tone == "appreciative" else ""
    items: list[Finding] = []
    for flag in check(text, setup):
        start, end = max(0, flag.start), min(len(text), flag.end)
        if start >= end:
            continue
        gentle = tone == "appreciative" and flag.kind == EVALUATIVE
        items.append(Finding(flag.kind, start, end, text[start:end],
                             (kinder or flag.suggestion) if gentle else flag.suggestion,
                             gentle))
    items.sort(key=lambda f: (f.start, f.end))
    return Findings(tuple(items), read_in, walk_language)
