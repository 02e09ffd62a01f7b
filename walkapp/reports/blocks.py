"""Building blocks every report shares: title block, section headings, lists, tables.

All user text enters a Paragraph through `p()` (which escapes it) — never directly — so a
note that says `<b>` prints "<b>". Our own fixed markup (bold labels) is added around the
escaped text, never inside it. (`quickparse.paragraph` reads the markup as ReportLab would,
once per shape of markup.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import HRFlowable

from walkapp import formatting
from walkapp.formatting import N_, tr
from walkapp.reports import text
from walkapp.reports.bidi_lines import base_is_rtl
from walkapp.reports.data import WalkHeading
from walkapp.reports.fit import field_of, tag
from walkapp.reports.flow import ShortTable, lead
from walkapp.reports.quickparse import paragraph
from walkapp.reports.styles import ACCENT, RULE, styles, table_style

CELL_PADDING = 5  # table_style's left and right padding

# Table rows split across pages (`splitInRow`), so a cell prints as much as any paragraph;
# the limit stays a name of its own for the cells that choose a shorter one.
CELL_LIMIT = text.PRINT_LIMIT

F = TypeVar("F", bound=Flowable)

# A table's `splitInRow`: ReportLab first splits between rows and splits inside a row only
# when no whole row fits; each part of a split row is at least this tall (points, about two
# lines of cell text), so no page ends with a sliver of a row.
ROW_SPLIT = 20


def p(value: str | None, style_name: str = "body", *, prefix: str = "",
      limit: int = text.PRINT_LIMIT, suffix: str = "", field: str | None = None
      ) -> Paragraph:
    """A paragraph of user text, escaped. `prefix` and `suffix` are our own (trusted)
    markup; `field` names the text for the message shown if it cannot be laid out."""
    style = getattr(styles(), style_name)
    return tag(paragraph(prefix + text.markup(value, limit) + suffix, style), field)


def field(name: str, flowable: F) -> F:
    """`flowable`, remembered as printing the user's field `name` ("the action item")."""
    return tag(flowable, name)


def own(markup: str, style_name: str = "body") -> Paragraph:
    """A paragraph of walkapp's own fixed text (may contain our markup, never user text)."""
    return paragraph(markup, getattr(styles(), style_name))


def heading(title: str, level: int = 1) -> Paragraph:
    return p(title, f"h{level}")


def section(title: str, body: Sequence[Flowable], empty: str = N_("None recorded.")
            ) -> list[Flowable]:
    """A section heading with its body, or with `empty` when there is nothing to show —
    never a heading standing alone."""
    content: list[Flowable] = list(body) or [own(text.markup(tr(empty)), "muted")]
    # The heading starts a page only with the start of its first block under it (a
    # table's first row, a paragraph's first lines): never alone at a page foot.
    return lead([heading(title, 1)], content)


def bullets(items: Iterable[str], style_name: str = "bullet", *, numbered: bool = False,
            limit: int = text.PRINT_LIMIT) -> list[Flowable]:
    values = list(items)
    if not values:
        return []
    style = getattr(styles(), style_name)
    entries: list[Any] = [_item(p(v, style_name, limit=limit), base_is_rtl(v))
                          for v in values]
    flow = ListFlowable(
        entries,
        bulletType="1" if numbered else "bullet", start="1" if numbered else "•",
        bulletFontName=style.fontName, bulletFontSize=style.fontSize,
        bulletColor=ACCENT, leftIndent=14, bulletDedent=12)
    return [flow]


def _item(paragraph: Paragraph, rtl: bool) -> ListItem:
    """A list item; one in Hebrew or Arabic (its first strong letter) has its bullet or
    number on the right, its text set flush right (walkapp.reports.shaping)."""
    if rtl:
        return ListItem(paragraph, leftIndent=0, rightIndent=14, bulletDir="rtl",
                        bulletAlign="right")
    return ListItem(paragraph, leftIndent=14)


def rule(space: float = 4) -> HRFlowable:
    return HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=space,
                      spaceAfter=space)


def cell(value: str | None, style_name: str = "cell", *, field: str | None = None
         ) -> Paragraph:
    return p(value, style_name, limit=CELL_LIMIT, field=field)


def column_width(words: Iterable[str], minimum: float, style_name: str = "cell") -> float:
    """A column at least `minimum` wide and wide enough for the longest of `words` on one
    line (a status or a date, whose words differ by language: "Pendiente" is longer than
    "Open"), with the table's padding."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    shown = getattr(styles(), style_name)
    widest = max((stringWidth(w, shown.fontName, shown.fontSize) for w in words), default=0)
    return max(minimum, widest + 2 * CELL_PADDING + 1)


def table(header: Sequence[str], rows: Sequence[Sequence[Flowable | list[Flowable] | str]],
          widths: Sequence[float], *, zebra: bool = True,
          fields: Sequence[str | None] = ()) -> Table:
    """A table whose header row repeats on every page it spans. A row taller than the room
    left splits inside its cells (`splitInRow`): a long action item or a run of follow-ups
    continues on the next page instead of failing the layout. `fields` names each column's
    user field ("the action item"), for the message shown if a page still cannot be made."""
    head = [own(text.markup(h), "cell_head") for h in header]
    names = list(fields) + [None] * (len(header) - len(fields))
    body = [[_named(c if isinstance(c, Flowable | list) else cell(c), name)
             for c, name in zip(row, names, strict=False)] for row in rows]
    # A short table moves whole to the next page rather than leave a row at a page foot.
    out = ShortTable([head, *body], colWidths=list(widths), repeatRows=1, hAlign="LEFT",
                     splitByRow=1, splitInRow=ROW_SPLIT)
    out.setStyle(table_style(header=True, zebra=zebra, rows=len(body)))
    return out


def _named(value: Flowable | list[Flowable], name: str | None
           ) -> Flowable | list[Flowable]:
    """A cell's flowables named `name`, unless they already carry a more precise name."""
    for part in value if isinstance(value, list) else [value]:
        if name and field_of(part) is None:
            tag(part, name)
    return value


def facts(pairs: Sequence[tuple[str, str]], width: float) -> Table:
    """Label/value pairs under a title (values are user text; empty ones are skipped)."""
    rows = [[own(text.markup(label), "label"),
             cell(value, field=tr("the field “{label}”").format(label=label))]
            for label, value in pairs if value]
    out = Table(rows or [["", ""]], colWidths=[32 * mm, width - 32 * mm], hAlign="LEFT",
                splitInRow=ROW_SPLIT)
    out.setStyle(table_style(header=False, zebra=False))
    return out


def title_block(report_name: str, heading_: WalkHeading, width: float,
                extra: Sequence[tuple[str, str]] = ()) -> list[Flowable]:
    """The report's opening: walk title, report name and date, then the key facts."""
    sub = " · ".join(v for v in (report_name, formatting.long_date(heading_.walk_date),
                                 heading_.school or "") if v)
    pairs = [(tr("Focus"), heading_.focus), *extra, (tr("Protocol"), heading_.protocol)]
    return [p(heading_.title, "title", limit=600), p(sub, "subtitle", limit=600),
            facts(pairs, width), Spacer(1, 3 * mm)]


def keep(*flowables: Flowable) -> KeepTogether:
    """Flowables kept on one page when they fit. Nested groups are flattened: ReportLab
    reports a KeepTogether's height as "infinite", so one inside another would always
    force a page break."""
    flat: list[Flowable] = []
    for item in flowables:
        flat.extend(getattr(item, "_content", [item]) if isinstance(item, KeepTogether)
                    else [item])
    return KeepTogether(flat)
