"""Right-to-left text is ordered line by line after wrapping: a long Hebrew note starts on
its first line at the right, and a Hebrew phrase in an English line reads right to left."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from walkapp.reports import text
from walkapp.reports.styles import styles

# Three-letter words of one letter each: the same read either way, so only their order
# on the line is tested.
WORDS = [ch * 3 for ch in "אבגדהוזחטיכלמנסעפצקרשת"] * 4


def lines_of(value: str, width: float) -> list[list[str]]:
    para = Paragraph(text.markup(value), styles().body)
    para.wrap(width, 10_000)
    if para.blPara.kind == 0:  # plain lines: (spare width, words)
        return [list(words) for _, words in para.blPara.lines]
    return [" ".join(str(frag.text) for frag in line.words).split()
            for line in para.blPara.lines]


def test_a_long_hebrew_note_starts_at_the_right_of_its_first_line() -> None:
    lines = lines_of(" ".join(WORDS), 200)
    assert len(lines) > 3
    read = [word for line in lines for word in reversed(line)]  # right to left, top down
    assert read == WORDS


def test_a_hebrew_phrase_in_an_english_line_reads_right_to_left() -> None:
    (line,) = lines_of("Year 4 אאא בבב גגג then 12", 400)
    assert line == ["Year", "4", "גגג", "בבב", "אאא", "then", "12"]


def test_english_alone_is_left_as_it_is() -> None:
    (line,) = lines_of("Students explain their thinking", 400)
    assert line == ["Students", "explain", "their", "thinking"]
