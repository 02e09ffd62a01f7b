"""Telling text that went through a catalogue from text that did not, under the
pseudo-locale (walkapp.i18n_build.build_pseudo: every translation is its source in ⟦…⟧).

`residue(text, user, calendar)` is what of a text is neither wrapped nor user data, dates,
numbers or key names. The screens' check (tests/ui/i18n) and the core's
(tests/helpers/pseudo_core) both use it.
"""

from __future__ import annotations

import re

SAME_EVERYWHERE = frozenset({"walkapp", "English", "Español"})
KEY_NAMES = re.compile(r"\b(Ctrl|Alt|Shift|Meta|PgDown|PgUp|Return|Enter|Esc|Right|Left|Up|"
                       r"Down|Tab|Del|Delete|Backspace|Space|Home|End|Ins|F\d{1,2}|[A-Z])\b")
_WRAPPED = re.compile("⟦[^⟦⟧]*⟧")


def english_calendar_words() -> frozenset[str]:
    from babel import Locale

    locale = Locale.parse("en")
    words: set[str] = {"AM", "PM"}
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide"):
            words.update(str(n) for n in locale.months[context][width].values())
            words.update(str(n) for n in locale.days[context][width].values())
    return frozenset(words)


def _spaces(text: str) -> str:
    return " ".join(text.split())


def user_pattern(user: list[str]) -> re.Pattern[str]:
    """Any of the user's strings, whole (not inside a longer word), longest first."""
    items = sorted({_spaces(u) for u in user if len(u.strip()) >= 2}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, items)) + r")(?!\w)")


def without_brackets(text: str) -> str:
    """`text` with every ⟦…⟧ taken out, the innermost first."""
    rest = text
    while True:
        stripped = _WRAPPED.sub(" ", rest)
        if stripped == rest:
            return rest
        rest = stripped


def residue(text: str, user: re.Pattern[str], calendar: frozenset[str]) -> str:
    """What of `text` is neither the pseudo-locale's (⟦…⟧) nor user data, numbers, dates,
    key names or punctuation: "" when it all is."""
    rest = without_brackets(_spaces(text))
    rest = user.sub(" ", rest)
    rest = KEY_NAMES.sub(" ", rest)
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest)
             if w not in calendar and w not in SAME_EVERYWHERE]
    return " ".join(words)
