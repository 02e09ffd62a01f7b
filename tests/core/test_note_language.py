"""Each note is nudged in the language it is written in (issue 19, item 3): a walker's
Spanish note on an English walk gets the Spanish word list's flags and suggestions, and the
other way round; a short or mixed note stays in the walk's language."""

from __future__ import annotations

import itertools

import pytest

from walkapp import nudge
from walkapp.nudge.lexicon import load_lexicon

SPANISH = "La profesora fue excelente y los alumnos estaban aburridos durante la lectura."
ENGLISH = "The teacher was amazing and the students were bored during the reading."


def _lists() -> dict[str, frozenset[str]]:
    out = {}
    for language in nudge.available_languages():
        lexicon = load_lexicon(language)
        assert lexicon is not None
        out[language] = lexicon.language_words
    return out


def test_every_word_list_names_its_everyday_words_and_no_two_share_one() -> None:
    lists = _lists()
    assert {"en", "es"} <= set(lists)
    for language, words in lists.items():
        assert len(words) >= 100, language
    for (a, words_a), (b, words_b) in itertools.combinations(lists.items(), 2):
        assert not words_a & words_b, f"{a} and {b} share {sorted(words_a & words_b)}"


@pytest.mark.parametrize(("text", "walk", "written"), [
    (SPANISH, "en", "es"),
    (ENGLISH, "es", "en"),
    (SPANISH, "es", "es"),
    (ENGLISH, "en", "en"),
    ("Excelente clase", "en", "en"),          # one everyday word: not clear enough
    ("12 min, 24 Ss", "es", "es"),            # none at all
    ("", "es", "es"),
    ("The group said que sí, y los demás también.", "en", "en"),  # mixed: no clear lead
])
def test_the_language_a_note_is_written_in(text: str, walk: str, written: str) -> None:
    assert nudge.note_language(text, walk) == written


def test_a_spanish_note_on_an_english_walk_gets_spanish_flags_and_suggestions() -> None:
    spanish_only = nudge.check(SPANISH, "es")
    flags = nudge.check(SPANISH, "en")
    assert [(f.start, f.end, f.suggestion) for f in flags] == \
        [(f.start, f.end, f.suggestion) for f in spanish_only]
    words = {SPANISH[f.start:f.end] for f in flags}
    assert "excelente" in words
    assert any("¿Qué viste u oíste" in f.suggestion for f in flags)
    # In English alone the Spanish judgement words would go unflagged.
    assert not nudge.check(SPANISH, "en", detect=False)


def test_an_english_note_on_a_spanish_walk_gets_english_flags() -> None:
    flags = nudge.check(ENGLISH, "es")
    assert {ENGLISH[f.start:f.end] for f in flags} >= {"amazing", "bored"}
    assert all(f.suggestion.isascii() or "“" in f.suggestion for f in flags)
    assert flags == nudge.check(ENGLISH, "en")


def test_an_appreciative_note_gets_the_kinder_suggestion_of_its_own_language() -> None:
    kinder = nudge.appreciative_suggestion("es")
    flags = nudge.check(SPANISH, "en", tone="appreciative")
    assert any(f.suggestion == kinder for f in flags if f.kind == "evaluative")


def test_the_nudge_command_keeps_the_language_it_is_given() -> None:
    # `walkapp nudge --lang en` tries the English list on whatever is typed.
    assert nudge.check(SPANISH, "en", detect=False) == []
    assert nudge.check(SPANISH, "es", detect=False)


def test_a_walk_language_without_a_word_list_still_nudges_an_english_note() -> None:
    assert nudge.note_language(ENGLISH, "fr") == "en"
    assert nudge.check(ENGLISH, "fr")
