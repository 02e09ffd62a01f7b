"""Which language a note is written in, so that it is nudged in that language.

A walk has one language, but its walkers may not: a walker whose app is in Spanish can take
notes in Spanish on an English walk, and the other way round. Each word list
(`protocols/lang/<language>.toml`) names its language's everyday words (`language_words`:
"the", "and", "was" / "el", "que", "los"); a note counts as written in the language whose
everyday words it uses most, when that is clear. A short or mixed note ("Ss in pairs, 12
min") is in the walk's language. No two lists share a word (tests/core/test_note_language.py).
"""

from __future__ import annotations

from functools import lru_cache

from walkapp.nudge.lexicon import available_languages, load_lexicon

# A note is in another language than the walk's only with at least this many of that
# language's everyday words, and at least twice as many as of any other language's.
MIN_WORDS = 2
MARGIN = 2


@lru_cache(maxsize=1)
def _telling_words() -> tuple[tuple[str, frozenset[str]], ...]:
    """(language, its everyday words) for every word list that names some."""
    out = []
    for language in available_languages():
        lexicon = load_lexicon(language)
        if lexicon is not None and lexicon.language_words:
            out.append((language, lexicon.language_words))
    return tuple(out)


def written_in(keys: list[str], walk_language: str) -> str:
    """The language of a note whose normalised words are `keys` (walkapp.nudge.detect's
    `words_of`): the walk's language unless another language's everyday words clearly
    outnumber every other's."""
    lists = _telling_words()
    if len(lists) < 2 or not keys:
        return walk_language
    counts = sorted(((sum(1 for k in keys if k in words), language)
                     for language, words in lists), reverse=True)
    (best, language), (second, _) = counts[0], counts[1]
    if best >= MIN_WORDS and best >= MARGIN * second:
        return language
    return walk_language

