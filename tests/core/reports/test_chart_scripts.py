"""The tally chart's look-for labels reach the fallback fonts like the rest of the text.

A chart label used to be drawn in the bundled font alone, so a look-for written in Chinese
or Arabic printed as empty boxes and nobody was told."""

from __future__ import annotations

import io

import pytest
from reportlab.platypus import SimpleDocTemplate

from tests.core.reports.conftest import pdf_text
from tests.core.reports.test_scripts import SCRIPTS, notdef_codes
from walkapp.reports import glyphs
from walkapp.reports.charts import label_room, tally_chart
from walkapp.reports.fonts import REGULAR, register_fonts


@pytest.fixture(autouse=True)
def _fonts() -> None:
    register_fonts()


def _chart_pdf(labels: list[str]) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out).build([tally_chart(labels, list(range(1, len(labels) + 1)),
                                              450)])
    return out.getvalue()


def test_chinese_hebrew_and_arabic_labels_are_drawn_with_real_glyphs() -> None:
    labels = [SCRIPTS["zh"], SCRIPTS["he"], SCRIPTS["ar"], "Students explain"]
    with glyphs.collect_missing() as missing:
        pdf = _chart_pdf(labels)
    assert not missing
    boxes = notdef_codes(pdf)
    assert "DroidSansFallback" in boxes, boxes
    assert not any(boxes.values()), boxes
    out = pdf_text(pdf)
    assert SCRIPTS["zh"] in out
    assert glyphs.REPLACEMENT not in out


def test_a_label_no_font_has_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glyphs, "faces", lambda: ())
    glyphs.font_for.cache_clear()
    try:
        with glyphs.collect_missing() as missing:
            _chart_pdf([SCRIPTS["zh"]])
    finally:
        glyphs.font_for.cache_clear()
    assert set(SCRIPTS["zh"]) <= missing


def test_label_room_measures_with_the_fallback_fonts() -> None:
    # Measured in the bundled font, each Chinese character counted as a narrow box.
    wide = label_room([SCRIPTS["zh"]], 400)
    assert wide == pytest.approx(glyphs.line_width(SCRIPTS["zh"], REGULAR, 8.5) + 2,
                                 abs=0.5)
