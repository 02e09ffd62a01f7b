"""Page decorations and the PDF's metadata, for every report, in one place.

Each page gets a header (the report's name on the left, the walk on the right), a hairline,
and a footer (a reminder of what the document is for, and "Page X of Y"). "Y" is only known
once every page is laid out, so the canvas keeps each page's state and draws the numbers
when the document is saved. The furniture is drawn when a page ends, after its body, so
that text extraction and screen readers meet the body first.

Every heading (a paragraph in the h1/h2/h3 styles) becomes a PDF bookmark, and a page that
starts inside a section says so in its header: "Debrief · Evidence — Student talk
(continued)". A heading marked with `part()` ("Appendix: the evidence") is a bookmark
above the sections after it and is left out of the running head.
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
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)

from walkapp import __version__
from walkapp.formatting import N_, tr
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
    # Defaults marked for the catalogue, translated when the page is drawn (tr).
    footer_left: str = N_("Learning walk record · about the walkers' learning, not an "
                          "evaluation")
    subject: str = N_("Learning walk report")
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
        self._bookmarks: list[tuple[str, dict[str, Any]]] = []

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # type: ignore[override]
        # A bookmark names the page it is on, and pages are only made in `save`: keep it
        # with this page's state until then.
        self._bookmarks.append((key, kwargs))

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._bookmarks = []
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own page reset

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            for key, kwargs in self._bookmarks:
                super().bookmarkPage(key, **kwargs)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        width, _ = self._pagesize  # type: ignore[attr-defined]
        self.saveState()
        self.setFont(self.footer_font, 8)
        self.setFillColor(MUTED)
        number = self.getPageNumber()
        self.drawRightString(width - MARGIN, MARGIN - 9, tr("Page {number} of {total}").format(
            number=number, total=total))
        self.restoreState()


class _LetterCanvas(Canvas):
    """A canvas with nothing drawn on it but the body (a letter has no page numbers)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
        super().__init__(*args, **kwargs)


_LEVELS = {"h1": 0, "h2": 1, "h3": 2}
_RUNNING_LEVELS = 2  # h1 and h2 name a section in the running head; h3 does not


def part(heading: Flowable) -> Flowable:
    """Mark `heading` as the title of a part: later headings are bookmarked under it."""
    heading._walkapp_part = True  # type: ignore[attr-defined]
    return heading


def _heading_level(flowable: Flowable) -> int | None:
    if not isinstance(flowable, Paragraph):
        return None
    return _LEVELS.get(getattr(flowable.style, "name", ""))


class _Doc(FittingDocTemplate):
    """Bookmarks every heading and keeps the running head's section path."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._path: list[str] = []      # the h1 and h2 titles we are inside
        self._offset = 0                # 1 once a part heading was seen
        self._last_level = -1
        self._keys = 0
        self._page_fresh = True
        self.running_head: tuple[str, ...] = ()  # the sections this page continues, or ()

    def handle_pageBegin(self) -> None:
        super().handle_pageBegin()
        self._page_fresh = True
        self.running_head = ()

    def afterFlowable(self, flowable: Flowable) -> None:
        level = _heading_level(flowable)
        if self._page_fresh and not isinstance(flowable, Spacer | ActionFlowable):
            self._page_fresh = False
            # A page that opens with a heading starts that section; any other opens
            # inside the sections we were in.
            inside = self._path if level is None else self._path[:level]
            if inside:
                self.running_head = tuple(inside)
        if level is None:
            return
        assert isinstance(flowable, Paragraph)  # _heading_level said so
        title = text.one_line(flowable.getPlainText(), 120)
        is_part = getattr(flowable, "_walkapp_part", False)
        outline = 0 if is_part else min(level + self._offset, self._last_level + 1)
        self._keys += 1
        key = f"h{self._keys}"
        if self._keys == 1:
            self.canv.showOutline()  # a viewer opens with the bookmarks shown
        top = float(getattr(self.frame, "_y", 0)) + float(getattr(flowable, "height", 0)) + 4
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
        self.canv.addOutlineEntry(title, key, level=outline, closed=outline > 0)
        self._last_level = outline
        if is_part:
            self._offset, self._path = 1, []
        elif level < _RUNNING_LEVELS:
            del self._path[level:]
            self._path.append(title)


def _decorate(setup: PageSetup) -> Any:
    report_name = text.one_line(setup.report_name, 60)
    footer_left = text.one_line(tr(setup.footer_left), 110)

    # The two header lines for each running head (pages of one section share them): fitting
    # measures each line several times, once per page would be most of a page's drawing.
    headers: dict[tuple[tuple[str, ...], float], tuple[str, str]] = {}

    def header(sections: tuple[str, ...], width: float) -> tuple[str, str]:
        kept = headers.get((sections, width))
        if kept is None:
            left = _running_head(report_name, sections, (width - 2 * MARGIN) * 0.62)
            room = width - 2 * MARGIN - glyphs.line_width(left, REGULAR, 8.5) - 24
            kept = headers[(sections, width)] = (
                left, _fit(setup.header_right, REGULAR, 8.5, room))
        return kept

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        header_left, header_right = header(tuple(getattr(doc, "running_head", ())), width)
        canvas.saveState()
        top = height - HEADER_GAP - 4
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(INK)
        # A section's title (a look-for's name) may be in any script too.
        glyphs.draw_line(canvas, MARGIN, top, header_left, REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        # The walk's title may be in any script: drawn with the fallback fonts.
        glyphs.draw_line(canvas, width - MARGIN, top, header_right, REGULAR, 8.5,
                         right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 5, width - MARGIN, top - 5)
        canvas.line(MARGIN, MARGIN + 2, width - MARGIN, MARGIN + 2)
        canvas.setFont(ITALIC, 7.5)
        canvas.drawString(MARGIN, MARGIN - 9, footer_left)
        canvas.restoreState()

    return draw


def _running_head(report_name: str, sections: tuple[str, ...], room: float) -> str:
    """The header's left side: the report's name, and on a page that continues a section
    "<report> · <section — subsection> (continued)", shortened from the front so that
    "(continued)" is always read: the report's name and outer sections go first, then the
    innermost section's title is cut."""
    if not sections:
        return report_name
    tail = " " + tr("(continued)")
    for candidate in (f"{report_name} · {' — '.join(sections)}", " — ".join(sections),
                      sections[-1]):
        if glyphs.line_width(candidate + tail, REGULAR, 8.5) <= room:
            return candidate + tail
    return _fit(sections[-1], REGULAR, 8.5, room - glyphs.line_width(tail, REGULAR, 8.5)
                ) + tail


def _fit(value: str, font: str, size: float, room: float) -> str:
    """`value` on one line, shortened with an ellipsis to fit `room` points."""
    return glyphs.fit_line(text.line(value, 200), font, size, room)


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
    doc = _Doc(
        buffer, pagesize=setup.paper.size, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=HEADER_GAP + 16, bottomMargin=MARGIN + 8,
        # Metadata is generic on purpose: no walk title, school or person's name.
        title=tr("{report} (learning walk)").format(
            report=text.one_line(setup.report_name, 60)),
        author="walkapp", subject=tr(setup.subject), creator=f"walkapp {__version__}",
        keywords=[], lang=_language.get(), initialFontName=REGULAR)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    if not setup.furniture:
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(list(story), canvasmaker=_LetterCanvas)
        return buffer.getvalue()
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPageEnd=_decorate(setup))])
    doc.build(list(story), canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def usable_width(paper: Paper) -> float:
    return paper.size[0] - 2 * MARGIN


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def count_pages(pdf: bytes) -> int:
    """How many pages a PDF written by `build_pdf` has (ReportLab writes one /Page each)."""
    return len(_PAGE_OBJECT.findall(pdf))
