"""Names out of a text before it goes in a portfolio: the communication log's "with whom"
and what was written, and the walkers' reflections of those who did not agree to be named.

Two nets, because neither catches everything alone: the names walkapp knows (everyone on
a walk's roster, the teachers named on routes, everyone the log says an entry was with —
whole, and each capitalised part of a name of several words, so "Quarrendon" alone goes
too) wherever they stand, and what the language nudge takes for a name (a capitalised word
inside a sentence; walkapp.nudge). Each becomes "[a teacher]". The facilitator sees the
result before anything is written (the portfolio dialog's preview, `walkapp portfolio
--preview-log`): a name neither net knows is theirs to spot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from walkapp.formatting import N_, tr
from walkapp.nudge import check
from walkapp.nudge.lexicon import load_lexicon, normalise

# Translated where used (the portfolio's language).
IN_TEXT = N_("[a teacher]")
WHO = N_("a teacher")
_MIN_PART = 3  # a part shorter than this ("Li", "Ng") is replaced only as the whole name


class Anonymiser:
    """Replaces `names` (and what the nudge reads as a name) in the texts it is given."""

    def __init__(self, names: Iterable[str], language: str = "en",
                 keep: Iterable[str] = ()) -> None:
        self.language = language
        lexicon = load_lexicon(language)
        skip = (lexicon.honorifics | lexicon.common_words) if lexicon is not None else \
            frozenset()
        kept = {normalise(k) for k in keep if k.strip()}
        whole: set[str] = set()
        parts: set[str] = set()
        for name in names:
            name = " ".join(name.split())
            if not name or normalise(name) in kept:
                continue
            whole.add(name)
            for part in re.findall(r"\w[\w'’-]*", name):
                if (len(part) >= _MIN_PART and part[0].isupper()
                        and normalise(part) not in skip):
                    parts.add(part)
        # Longest first, so "Ana María Ruiz" goes whole before "Ana" alone.
        self._whole = _pattern(sorted(whole, key=len, reverse=True), re.IGNORECASE)
        self._parts = _pattern(sorted(parts, key=len, reverse=True), 0)
        self._kept = kept

    def text(self, value: str) -> str:
        """`value` with every name it finds replaced by "[a teacher]"."""
        mark = tr(IN_TEXT)
        out = value
        for pattern in (self._whole, self._parts):
            if pattern is not None:
                out = pattern.sub(mark, out)
        flags = [f for f in check(out, self.language) if f.kind == "name"
                 and out[f.start:f.end] != mark and normalise(out[f.start:f.end])
                 not in self._kept]
        for flag in reversed(flags):
            if mark in out[flag.start:flag.end]:
                continue
            out = out[:flag.start] + mark + out[flag.end:]
        return out

    @staticmethod
    def who(value: str) -> str:
        """Whom an entry was with: "a teacher", whoever it names ("" stays "")."""
        return tr(WHO) if value.strip() else ""


def _pattern(names: list[str], flags: int) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
                      flags)
