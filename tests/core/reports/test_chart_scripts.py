"""The tally chart's look-for labels reach the fallback fonts like the rest of the text.

A chart label used to be drawn in the bundled font alone, so a look-for written in Chinese
or Arabic printed as empty boxes and nobody was told."""

from __future__ import annotations

import io

import pytest
from reportlab.platypus import SimpleDocTemplate

from tests.core.reports.conftest import Render, pdf_text
from tests.core.reports.test_scripts import SCRIPTS, notdef_codes, written_in_every_script
from walkapp import domain as d
from walkapp.reports import ReportKind, glyphs
from walkapp.reports.charts import label_room, tally_chart
from walkapp.reports.fonts import REGULAR, register_fonts
from walkapp.services import NoteDraft, Services


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


def test_the_debriefs_chart_draws_look_fors_in_every_script(services: Services,
                                                            render: Render) -> None:
    walk = written_in_every_script(services)
    walker = walk.walkers[0]
    for name in ("zh", "he", "ar"):
        look_for = services.plan.add_look_for(walk.id, SCRIPTS[name])
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id,
                                           text="Pairs talk " + name, stem=d.Stem.NOTICED,
                                           look_for_ids=(look_for.id,)))
    with glyphs.collect_missing() as missing:
        pdf = render(ReportKind.DEBRIEF, walk.id)
    assert not missing
    boxes = notdef_codes(pdf)
    assert not any(boxes.values()), boxes
    # The bundled font alone turned each of those characters into the replacement mark.
    assert glyphs.REPLACEMENT not in pdf_text(pdf)
