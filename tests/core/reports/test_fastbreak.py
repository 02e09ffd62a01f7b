"""The faster line breaking (walkapp.reports.fastbreak) gives ReportLab's own lines."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from walkapp.reports import shaping, text
from walkapp.reports.styles import styles

NOTES = [
    "<b>Visit 3</b>  " + text.markup("Two students compared answers and one explained why "
                                     "she split the number in halves. " * 4)
    + " <i>(also: Look-for number 2)</i>",
    "<b>Visit 11</b>  " + text.markup("Sentence strips on each table: 'I think ___ because "
                                      "___'.\nA second line, typed by the walker."),
    "<b>Other version</b>  " + text.markup("メモ: 中文的学习小组 and a Latin tail " * 3),
    "<b>Visit 1</b>  " + text.markup("x" * 400 + " then words"),
    "<b>Visit 2</b>  " + text.markup("שלום עולם and مرحبا بالعالم, mixed with English."),
]


def _lines(para: Paragraph) -> list[Any]:
    """What a paragraph's broken lines print: each line's room left and its pieces."""
    out: list[Any] = []
    for line in para.blPara.lines:
        if para.blPara.kind == 1:
            out.append((round(line.extraSpace, 6), [(w.fontName, w.fontSize, str(w.text))
                                                    for w in line.words]))
        else:
            out.append((round(line[0], 6), [str(w) for w in line[1]]))
    return out


def _reportlab_lines(markup: str, style_name: str, width: float) -> list[Any]:
    """The same paragraph broken by ReportLab's own breakLines, nothing of ours between."""
    para = Paragraph(markup, getattr(styles(), style_name))
    para.breakLines = shaping._REPORTLAB_BREAK_LINES.__get__(para)  # type: ignore[method-assign]
    para.wrap(width, 10_000)
    return _lines(para)


@pytest.mark.parametrize("markup", NOTES)
@pytest.mark.parametrize("width", [120.0, 300.0, 470.0])
def test_same_lines_as_reportlab(markup: str, width: float) -> None:
    if shaping._COMPLEX.search(markup):
        pytest.skip("shaped paragraphs are broken with a shaping style by shaping.py")
    ours = Paragraph(markup, styles().quote)
    ours.wrap(width, 10_000)
    assert _lines(ours) == _reportlab_lines(markup, "quote", width)


words = st.lists(st.sampled_from(["the", "students", "explained", "—", "é", "x" * 60, "12",
                                  "中文", "a,", "partner."]), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(words, words, st.floats(min_value=40, max_value=480))
def test_same_lines_any_words(head: list[str], body: list[str], width: float) -> None:
    markup = (f"<b>{text.markup(' '.join(head))}</b>  {text.markup(' '.join(body))}"
              " <i>(edited by the facilitator)</i>")
    ours = Paragraph(markup, styles().quote)
    ours.wrap(width, 10_000)
    assert _lines(ours) == _reportlab_lines(markup, "quote", width)


def test_remembered_lines_follow_the_width() -> None:
    markup = NOTES[0]
    para = Paragraph(markup, styles().quote)
    _, wide = para.wrap(470, 10_000)
    _, narrow = para.wrap(120, 10_000)
    assert narrow > wide
    assert _lines(para) == _reportlab_lines(markup, "quote", 120)
    _, again = para.wrap(470, 10_000)
    assert again == wide
    assert _lines(para) == _reportlab_lines(markup, "quote", 470)


def test_a_right_to_left_line_keeps_its_order_when_measured_again() -> None:
    """A paragraph measured twice at one width (a kept group, a table cell: measured, then
    drawn) prints the lines of the first measure. Broken again from ReportLab's word list,
    its right-to-left words came out in typed order (the order was lost before fastbreak)."""
    from walkapp.reports import blocks

    para = blocks.p("שלום עולם, students said hi", "quote", prefix="<b>Visit 2</b>  ")
    para.wrap(400, 1_000)
    once = [[str(w.text) for w in line.words] for line in para.blPara.lines]
    para.wrap(400, 1_000)
    assert [[str(w.text) for w in line.words] for line in para.blPara.lines] == once
    fresh = blocks.p("שלום עולם, students said hi", "quote", prefix="<b>Visit 2</b>  ")
    fresh.wrap(400, 1_000)
    assert [[str(w.text) for w in line.words] for line in fresh.blPara.lines] == once
