"""Every script prints: a walk written in Chinese, Japanese, Korean, Arabic, Hebrew, Hindi
and emoji draws every character with a real glyph, reads back in logical order, says its
language, and a character no font has is named in the export's warning."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from tests.core.reports.conftest import Render, pdf_text
from walkapp import domain as d
from walkapp.reports import ReportKind, ReportRequest, export_report, glyphs
from walkapp.services import NewWalk, NoteDraft, Services

SCRIPTS = {"zh": "学生们在小组里讨论问题", "ja": "生徒がペアで話し合っている",
           "ko": "학생들이 짝과 토론한다", "ar": "الطلاب يتحدثون في مجموعات",
           "he": "התלמידים מדברים בזוגות", "hi": "छात्र जोड़ियों में बात करते हैं",
           "emoji": "Great work 😀 👍 🎉"}


def written_in_every_script(services: Services, language: str = "zh") -> d.Walk:
    walk = services.walks.create_walk(NewWalk(
        title="学习漫步 " + SCRIPTS["he"], walk_date=date(2026, 3, 4),
        focus=" / ".join(SCRIPTS.values()), school="서울 학교", language=language))
    walker = services.plan.add_participant(walk.id, "王小明")
    visit = services.plan.add_visit(walk.id)
    for text in SCRIPTS.values():
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id, text=text,
                                           stem=d.Stem.NOTICED, visit_id=visit.id))
    services.debrief.add_pattern(walk.id, d.PatternKind.DESCRIBE, SCRIPTS["ar"])
    return services.walks.get_walk(walk.id)


def notdef_codes(pdf: bytes) -> dict[str, list[str]]:
    """For each embedded subset, the characters it draws as .notdef (an empty box).

    A ReportLab subset maps each used code to a glyph through its own cmap; a character the
    font lacks gets a code (its ToUnicode entry, or a private-use one after shaping) that
    the cmap leaves out or sends to glyph 0."""
    found: dict[str, list[str]] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                continue
            data = descriptor.get_object()["/FontFile2"].get_object().get_data()
            subset = TTFont(io.BytesIO(data))
            cmap, notdef = subset["cmap"].tables[0].cmap, subset.getGlyphOrder()[0]
            unicode_map = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            # Codes 0-127 stand for themselves in every subset whether used or not, and
            # the unused ones point at nothing: only the other codes say what is drawn.
            boxes = [value for code, value in
                     re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4,8})>", unicode_map)
                     if int(code, 16) != int(value, 16) and int(value, 16) >= 0x20
                     and int(value, 16) != 0x7F
                     and cmap.get(int(code, 16), notdef) == notdef]
            name = str(font["/BaseFont"]).split("+")[-1]
            found[name] = found.get(name, []) + boxes
    return found


def test_the_notdef_check_sees_an_empty_box() -> None:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from walkapp.reports.styles import styles

    out = io.BytesIO()
    # Straight into the bundled font, past the fallback chain: DejaVu has no Devanagari.
    SimpleDocTemplate(out).build([Paragraph("abc é नमस्ते", styles().body)])
    assert notdef_codes(out.getvalue())["DejaVuSans"]


def test_the_setup_installs_the_fonts_the_chain_looks_for() -> None:
    script = Path(__file__).parents[3].joinpath(".ci", "system-deps.sh").read_text()
    listed = dict(re.findall(r"([\w-]+\.ttf)=([\w-]+)", script))
    assert listed == {c.regular: c.package for c in glyphs.CHAIN}


def test_each_script_gets_a_font_that_has_it() -> None:
    missing = [name for name, text in SCRIPTS.items()
               if any(glyphs.font_for(ord(ch)) is None for ch in text if ch != " ")]
    assert not missing, ("no font for " + ", ".join(missing) + ": run "
                         "`sh .ci/system-deps.sh test` as root")
    assert glyphs.runs("Year 4 学生") == [("", "Year 4 "), ("WalkHan", "学生")]


def test_a_word_keeps_one_font_when_one_font_has_it_all() -> None:
    # "메모:" in two fonts was shaped with the first one's glyph numbers.
    assert glyphs.runs("메모:") == [("WalkHangul", "메모:")]


@pytest.mark.parametrize("kind", [ReportKind.DEBRIEF, ReportKind.THANKS])
def test_every_character_is_drawn_with_a_real_glyph(services: Services, render: Render,
                                                    kind: ReportKind) -> None:
    walk = written_in_every_script(services)
    with glyphs.collect_missing() as missing:
        pdf = render(kind, walk.id, visit=1)
    assert not missing
    boxes = notdef_codes(pdf)
    fallbacks = {"DroidSansFallback", "NanumGothic", "Symbola", "NotoSansDevanagari-Regular"}
    assert fallbacks <= set(boxes)
    assert not any(boxes.values()), boxes
    # Text that is not shaped maps one code to one character: a character drawn as an
    # empty box would be missing from the text read back.
    out = pdf_text(pdf)
    for name in ("zh", "ja", "ko", "emoji"):
        assert SCRIPTS[name] in out, name


def test_the_page_header_draws_every_script(services: Services, render: Render) -> None:
    pdf = render(ReportKind.DEBRIEF, written_in_every_script(services).id)
    assert glyphs.REPLACEMENT not in pdf_text(pdf)


def test_chinese_and_hebrew_read_back_in_logical_order(services: Services,
                                                       render: Render) -> None:
    out = pdf_text(render(ReportKind.DEBRIEF, written_in_every_script(services).id))
    assert SCRIPTS["zh"] in out
    assert SCRIPTS["he"] in out


def test_the_pdf_says_the_walks_language(services: Services, render: Render) -> None:
    pdf = render(ReportKind.DEBRIEF, written_in_every_script(services, "he").id)
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "he"


def test_a_character_no_font_has_is_named_with_the_package(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    walk = written_in_every_script(services)
    monkeypatch.setattr(glyphs, "faces", lambda: ())
    glyphs.font_for.cache_clear()
    try:
        result = export_report(services, ReportRequest(kind=ReportKind.DEBRIEF,
                                                       walk_id=walk.id), tmp_path / "d.pdf")
    finally:
        glyphs.font_for.cache_clear()
    assert len(result.warnings) == 1
    assert "characters have no font" in result.warnings[0]
    assert "U+" in result.warnings[0] and "fonts-droid-fallback" in result.warnings[0]


def test_the_cli_prints_the_missing_characters(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.core.reports.test_report_cli import run

    walk = written_in_every_script(services)
    monkeypatch.setattr(glyphs, "faces", lambda: ())
    glyphs.font_for.cache_clear()
    try:
        code, out, err = run(capsys, "report", walk.id, "--kind", "debrief",
                             "-o", str(tmp_path / "d.pdf"))
    finally:
        glyphs.font_for.cache_clear()
    assert code == 0, err
    assert "Warning: " in out and "no font on this computer" in out
    assert "apt-get install fonts-noto-core" in out


def test_arabic_prints_joined_in_reading_order(services: Services, render: Render) -> None:
    import unicodedata

    out = pdf_text(render(ReportKind.DEBRIEF, written_in_every_script(services, "ar").id))
    # Joined letters are drawn as their initial, medial and final forms…
    assert any("\ufe70" <= ch <= "\ufeff" for ch in out)
    # …and read back as the words typed, in order.
    assert SCRIPTS["ar"] in unicodedata.normalize("NFKC", out)


def test_bold_text_in_a_font_without_a_bold_face_keeps_every_character() -> None:
    """Droid Sans Fallback and Symbola have no bold face: a bold heading or name in
    Chinese or emoji is drawn in their regular face, every character a real glyph."""
    from reportlab.platypus import SimpleDocTemplate

    from walkapp.reports import blocks as b
    from walkapp.reports import text

    words = "王小明 学生们 😀 🎉"
    out = io.BytesIO()
    SimpleDocTemplate(out).build([
        b.p(words, "h1"), b.p("notes", "body", prefix=f"<b>{text.markup(words)}</b> — ")])
    pdf = out.getvalue()
    boxes = notdef_codes(pdf)
    assert {"DroidSansFallback", "Symbola"} <= set(boxes)
    assert not any(boxes.values()), boxes
    assert pdf_text(pdf).count(words) == 2

