"""Page decorations and the PDF's metadata, for every report, in one place.

Each page gets a header (the report's name on the left, the walk on the right), a hairline,
and a footer (a reminder of what the document is for, and "Page X of Y"). "Y" is only known
once every page is laid out, so the canvas keeps each page's state and draws the numbers
when the document is saved.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from walkapp import __version__
from walkapp.reports import glyphs, text
from walkapp.reports.fit import FittingDocTemplate
from walkapp.reports.fonts import ITALIC, REGULAR
from walkapp.reports.paper import Paper
from walkapp.reports.styles import HEADER_GAP, INK, MARGIN, MUTED, RULE


@dataclass(frozen=True)
class PageSetup:
    """What the decorations say. Every string here is user-facing and gets cleaned."""

    paper: Paper
    report_name: str            # "Debrief", "Agenda"… (also the PDF title)
    header_right: str = ""      # the walk's title and date
    footer_left: str = "Learning walk record · about the walkers' learning, not an evaluation"
    subject: str = "Learning walk report"
    # False for a letter (the thank-you note): no header, footer or page number, since a
    # note handed to a colleague is not a report.
    furniture: bool = True


class _NumberedCanvas(Canvas):
    """A canvas that draws "Page X of Y" once Y is known."""

    footer_font = REGULAR

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Start in the bundled font: the default (Helvetica) would be listed, unembedded.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own page reset

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        width, _ = self._pagesize  # type: ignore[attr-defined]
        self.saveState()
        self.setFont(self.footer_font, 8)
        self.setFillColor(MUTED)
        number = self.getPageNumber()
        self.drawRightString(width - MARGIN, MARGIN - 9, f"Page {number} of {total}")
        self.restoreState()


class _LetterCanvas(Canvas):
    """A canvas with nothing drawn on it but the body (a letter has no page numbers)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
        super().__init__(*args, **kwargs)


def _decorate(setup: PageSetup) -> Any:
    header_left = text.one_line(setup.report_name, 60)
    footer_left = text.one_line(setup.footer_left, 110)

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        top = height - HEADER_GAP - 4
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN, top, header_left)
        room = width - 2 * MARGIN - canvas.stringWidth(header_left, REGULAR, 8.5) - 24
        canvas.setFillColor(MUTED)
        # The walk's title may be in any script: drawn with the fallback fonts.
        glyphs.draw_line(canvas, width - MARGIN, top,
                         _fit(setup.header_right, REGULAR, 8.5, room), REGULAR, 8.5,
                         right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 5, width - MARGIN, top - 5)
        canvas.line(MARGIN, MARGIN + 2, width - MARGIN, MARGIN + 2)
        canvas.setFont(ITALIC, 7.5)
        canvas.drawString(MARGIN, MARGIN - 9, footer_left)
        canvas.restoreState()

    return draw


def _fit(value: str, font: str, size: float, room: float) -> str:
    """`value` on one line, shortened with an ellipsis to fit `room` points."""
    line = text.line(value, 200)
    if glyphs.line_width(line, font, size) <= room:
        return line
    # The longest start that fits with its ellipsis, found by halving (measuring a line
    # splits it into font runs and shapes it: too slow to do once per character).
    low, high = 0, len(line)
    while low < high:
        mid = (low + high + 1) // 2
        if glyphs.line_width(line[:mid] + "…", font, size) <= room:
            low = mid
        else:
            high = mid - 1
    line = line[:low]
    return line.rstrip() + "…" if line else ""


_language: ContextVar[str] = ContextVar("walkapp_report_language", default="en")
_LANG_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


@contextlib.contextmanager
def document_language(tag: str) -> Iterator[None]:
    """Reports built inside the block say `tag` ("zh", "he", "pt-BR") as their /Lang."""
    token = _language.set(tag if _LANG_TAG.fullmatch(tag or "") else "en")
    try:
        yield
    finally:
        _language.reset(token)


def build_pdf(story: Sequence[Flowable], setup: PageSetup) -> bytes:
    """Lay out `story` on decorated pages and return the PDF's bytes."""
    buffer = io.BytesIO()
    doc = FittingDocTemplate(
        buffer, pagesize=setup.paper.size, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=HEADER_GAP + 16, bottomMargin=MARGIN + 8,
        # Metadata is generic on purpose: no walk title, school or person's name.
        title=f"{text.one_line(setup.report_name, 60)} (learning walk)",
        author="walkapp", subject=setup.subject, creator=f"walkapp {__version__}",
        keywords=[], lang=_language.get(), initialFontName=REGULAR)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    if not setup.furniture:
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(list(story), canvasmaker=_LetterCanvas)
        return buffer.getvalue()
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPage=_decorate(setup))])
    doc.build(list(story), canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def usable_width(paper: Paper) -> float:
    return paper.size[0] - 2 * MARGIN


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def count_pages(pdf: bytes) -> int:
    """How many pages a PDF written by `build_pdf` has (ReportLab writes one /Page each)."""
    return len(_PAGE_OBJECT.findall(pdf))
