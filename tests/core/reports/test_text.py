"""The one door for user text: escaped, cleaned, cut visibly, and never able to break layout."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from walkapp.reports import text
from walkapp.reports.fonts import drawable_codepoints, register_fonts
from walkapp.reports.page import PageSetup, build_pdf
from walkapp.reports.paper import Paper
from walkapp.reports.styles import styles


def test_markup_is_escaped_not_interpreted() -> None:
    out = text.markup('<b>x</b> &amp; <img src="http://x"> <font color=red>')
    assert "<b>" not in out and "<img" not in out and "<font" not in out
    assert "&lt;b&gt;" in out and "&amp;amp;" in out and "&quot;http://x&quot;" in out


def test_line_breaks_are_kept_and_tabs_become_spaces() -> None:
    assert text.markup("one\r\ntwo\rthree\nfour") == "one<br/>two<br/>three<br/>four"
    assert text.plain("a\tb") == "a    b"


def test_controls_become_a_visible_mark() -> None:
    cleaned = text.plain("a\x00b\x07c\x1bd\x7fe\x85f")
    assert "\x00" not in cleaned and "\x07" not in cleaned and "\x1b" not in cleaned
    assert cleaned.count(text.REPLACEMENT) == 4 and "\n" in cleaned  # NEL is a line break


def test_long_text_is_cut_with_a_note() -> None:
    cut = text.plain("x" * 12_345, limit=10_000)
    assert cut.startswith("x" * 10_000) and "2,345 more characters not printed" in cut
    assert text.plain("short", limit=10) == "short"


def test_undrawable_characters_collapse_to_one_mark() -> None:
    register_fonts()
    covered = drawable_codepoints()
    missing = next(chr(c) for c in range(0x4E00, 0x9FFF) if c not in covered)  # CJK
    assert ord("ñ") in covered and ord("ש") in covered and ord("ب") in covered
    assert text.plain(f"a{missing * 3}b") == f"a{text.REPLACEMENT}b"
    # Emoji modifiers (skin tone, variation selector, joiner) never leave stray marks.
    assert text.REPLACEMENT not in text.plain("ok \u2764\ufe0f")


def test_one_line_flattens_and_shortens() -> None:
    assert text.one_line("a\n b\t c") == "a b c"
    assert text.one_line("word " * 100, 20).endswith("…")
    assert len(text.one_line("word " * 100, 20)) == 20


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=400))
def test_any_text_wraps_as_a_paragraph(value: str) -> None:
    para = Paragraph(text.markup(value), styles().body)
    para.wrap(300, 10_000)


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), min_size=1, max_size=200))
def test_any_text_makes_a_pdf(value: str) -> None:
    pdf = build_pdf([Paragraph(text.markup(value), styles().body)],
                    PageSetup(paper=Paper.A4, report_name=value, header_right=value))
    assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-50:]
