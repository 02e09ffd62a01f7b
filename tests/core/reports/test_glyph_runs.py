"""`glyphs.runs` finds text all in the bundled font at once, with the word-by-word answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from walkapp.reports import fonts, glyphs

fonts.register_fonts()
BUNDLED = sorted(fonts.drawable_codepoints())
# Characters of the bundled font (accents, dashes, quotes, combining marks) and others.
ours = st.sampled_from([chr(c) for c in BUNDLED if c > 0x7F][:2000])
theirs = st.sampled_from(["中", "한", "😀", "\U00013000", "ก", "\u0301", "\u200d"])
spaces = st.sampled_from([" ", "  ", "\t", "a", "Z", "7", "."])


@settings(max_examples=300, deadline=None)
@given(st.lists(ours | spaces | theirs, max_size=30).map("".join))
def test_runs_match_the_word_by_word_split(line: str) -> None:
    assert glyphs.runs(line) == glyphs._runs_by_word(line)


def test_bundled_text_is_one_run() -> None:
    assert glyphs.runs("Carla Núñez — “déjà vu”") == [("", "Carla Núñez — “déjà vu”")]
    assert glyphs.runs("") == []
