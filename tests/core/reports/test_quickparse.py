"""Paragraph markup read once per shape (walkapp.reports.quickparse) gives the parser's
own pieces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from walkapp.reports import quickparse, text
from walkapp.reports.styles import styles

user = st.lists(st.sampled_from(["Two students", "  ", "\n", "\n\n", "e\u0301", "中文", "שלום",
                                 "a & b", "<b>", "'quoted'", "\"x\"", "—", "\t", "\ue000",
                                 "Núñez", "9 > 8", "😀"]), max_size=8).map("".join)
ours = st.sampled_from(["", "<b>Visit 3</b>  ", "<b>Other version</b>  ", "<i>x</i> ",
                        "<font color='#5f6b76'>muted</font> "])
tail = st.sampled_from(["", " <i>(edited by the facilitator)</i>", " <i>(also: A, B)</i>",
                        "<br/>", " <b>end</b>"])
style_names = st.sampled_from(["quote", "body", "cell", "h2", "muted"])


def _pieces(para: Paragraph) -> list[dict[str, object]]:
    return [dict(vars(frag)) for frag in para.frags]


@settings(max_examples=300, deadline=None)
@given(ours, user, tail, style_names)
def test_the_same_pieces_as_the_parser(head: str, value: str, end: str, name: str) -> None:
    markup = head + text.markup(value) + end
    style = getattr(styles(), name)
    quick, parsed = quickparse.paragraph(markup, style), Paragraph(markup, style)
    assert _pieces(quick) == _pieces(parsed)
    assert quick.text == parsed.text
    assert quick.style is parsed.style


def test_a_shape_is_parsed_once() -> None:
    style = styles().quote
    first = quickparse.paragraph("<b>Visit 1</b>  One note.", style)
    second = quickparse.paragraph("<b>Visit 12</b>  Another, longer note.", style)
    assert [f.text for f in second.frags] == ["Visit 12", " Another, longer note."]
    assert first.frags[0] is not second.frags[0]
    assert ("\ue000<b>\ue000</b>", id(style)) not in quickparse._skeletons
    assert ("<b>\ue000</b>\ue000", id(style)) in quickparse._skeletons
