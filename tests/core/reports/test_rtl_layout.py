"""Right-to-left text where a reader expects it: a Hebrew or Arabic paragraph, table cell or
list item is set flush right (its bullet on the right), and numbers glued to Hebrew or
Arabic words are drawn in the order the Unicode bidi algorithm gives (python-bidi is the
reference), read from the glyphs' positions on the page."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pytest
from bidi import get_display
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from tests.core.reports.conftest import Render, pdf_text
from tests.core.reports.glyph_order import Glyph, lines, visual
from walkapp import domain as d
from walkapp.reports import ReportKind, text
from walkapp.reports import blocks as b
from walkapp.reports.styles import styles
from walkapp.services import NewWalk, Services

MARGIN = 20 * mm
WIDTH = 120 * mm   # the page's text width: the frame's, less its padding (6 pt each side)
LEFT, RIGHT = MARGIN + 6, MARGIN + WIDTH - 6

MIXED = [
    "כיתה 4ב", "חדר12", "3 תלמידים", "בחדר12 יש 30 תלמידים", "ב-3 מתוך 4 כיתות",
    "חדר 12-14 בשעה 10:30", "50% מהתלמידים", "מה? 12!", "א 3 4", "כיתה (4ב) שאלה",
    "الصف 5 فيه ٢٤ طالبا", "غرفة ١٢ و 34", "في الصف 5 سأل 12 طالبا أسئلة", "الصف ٤ من ١٠",
    "Students in חדר12 used 3 trays", "Room ١٢ had 4 groups", "abc 12 אבג 34 def",
    "Year 4 אאא בבב then 12",
]  # (no lam-alef: its one glyph reads back as the two letters in typed order)


def _pdf(story: list[Flowable]) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out, leftMargin=MARGIN, rightMargin=210 * mm - MARGIN - WIDTH,
                      topMargin=MARGIN, bottomMargin=MARGIN).build(story)
    return out.getvalue()


def _shape(line: str) -> str:
    """A line as a reader compares it: Arabic presentation forms as letters, brackets as
    one shape (python-bidi's display string does not mirror them; the page must)."""
    flat = unicodedata.normalize("NFKC", line)
    return flat.translate(str.maketrans("()", "||"))


def _text_rows(pdf: bytes) -> list[list[Glyph]]:
    return [row for row in lines(pdf) if visual(row).strip()]


@pytest.mark.parametrize("value", MIXED)
def test_digits_beside_hebrew_and_arabic_are_drawn_in_bidi_order(value: str) -> None:
    (row,) = _text_rows(_pdf([Paragraph(text.markup(value), styles().body)]))
    assert _shape(visual(row)) == _shape(get_display(value))


def test_a_bracket_in_right_to_left_text_opens_toward_its_words() -> None:
    (row,) = _text_rows(_pdf([Paragraph(text.markup("כיתה (4ב) שאלה"), styles().body)]))
    assert "(ב4)" in visual(row)


def test_table_cells_and_list_items_are_ordered_too() -> None:
    # A table and a list wrap their paragraphs twice, the second time from shaped words.
    values = MIXED[:8]
    story: list[Flowable] = [b.table(["Note"], [[v] for v in values], [WIDTH]),
                             *b.bullets(values)]
    rows = [visual(row) for row in _text_rows(_pdf(story))]
    shown = [row.replace("•", "").strip() for row in rows[1:]]   # after the header row
    assert [_shape(row) for row in shown] == [_shape(get_display(v)) for v in values * 2]


def test_hebrew_reads_back_in_logical_order() -> None:
    pdf = _pdf([Paragraph(text.markup("התלמידים מדברים בזוגות בכיתה 4ב"), styles().body)])
    assert "התלמידים מדברים בזוגות" in pdf_text(pdf)


def _span(row: list[Glyph]) -> tuple[float, float]:
    drawn = [g for g in row if g.char.strip()]
    return drawn[0].x, drawn[-1].x + drawn[-1].width


def test_a_right_to_left_paragraph_ends_at_the_right_margin() -> None:
    pdf = _pdf([Paragraph(text.markup(v), styles().body)
                for v in ("התלמידים מדברים בזוגות", "الطلاب يتحدثون في مجموعات",
                          "3 תלמידים בכיתה", "Students talk in pairs", "Year 4 התלמידים")])
    hebrew, arabic, digit_first, english, mixed = (_span(row) for row in _text_rows(pdf))
    for start, end in (hebrew, arabic, digit_first):
        assert abs(end - RIGHT) < 1 and start > LEFT + 40
    # A paragraph whose first letter is Latin stays at the left, Hebrew in it or not.
    for start, end in (english, mixed):
        assert abs(start - LEFT) < 1 and end < RIGHT - 40


def test_a_long_hebrew_paragraph_fills_every_line_from_the_right() -> None:
    words = " ".join(["תלמידים", "מסבירים", "את", "החשיבה", "שלהם"] * 12)
    rows = _text_rows(_pdf([Paragraph(text.markup(words), styles().body)]))
    assert len(rows) > 2
    assert all(abs(_span(row)[1] - RIGHT) < 1 for row in rows)


def test_a_hebrew_table_cell_is_flush_right_in_its_column() -> None:
    half = (RIGHT - LEFT) / 2
    pdf = _pdf([b.table(["Action", "Owner"], [["להכין דף עבודה", "Dana"]], [half, half])])
    _, row = _text_rows(pdf)
    hebrew = [g for g in row if g.x < LEFT + half]
    english = [g for g in row if g.x >= LEFT + half]
    padding = 5   # table_style's cell padding
    assert abs(_span(hebrew)[1] - (LEFT + half - padding)) < 1
    assert abs(_span(english)[0] - (LEFT + half + padding)) < 1


def test_a_hebrew_list_item_has_its_bullet_on_the_right() -> None:
    rows = _text_rows(_pdf(b.bullets(["התלמידים מדברים בזוגות", "Students talk"])))
    hebrew, english = rows
    bullet = next(g for g in hebrew if g.char == "•")
    words = [g for g in hebrew if g.char not in "• "]
    assert bullet.x > max(g.x for g in words)
    assert bullet.x + bullet.width > RIGHT - 10
    assert next(g for g in english if g.char == "•").x < LEFT + 10


def test_a_shaped_word_cut_at_a_soft_hyphen_is_not_shaped_twice(services: Services,
                                                                 render: Render) -> None:
    # U+FEFF is in a shaped block; the tracker's cells are broken twice, and the second
    # time ReportLab hands back the pieces of the word it cut at the soft hyphen, shaped.
    walk = services.walks.create_walk(NewWalk(title="¦Ý&\xadÁ\\\ufeff",
                                              walk_date=date(2026, 3, 4)))
    item = services.debrief.add_action_item(walk.id, "Try it", "Dana", date(2026, 3, 7))
    services.debrief.follow_up(item.id, walk.id, d.ActionStatus.OPEN, "still open")
    assert render(ReportKind.ACTIONS, walk.id).startswith(b"%PDF")
