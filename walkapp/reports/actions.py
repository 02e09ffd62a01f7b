"""The action-item tracker across walks: open items first, each with where it came from
and what happened at later walks, so action plans persist from one walk to the next."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from walkapp import formatting as fmt
from walkapp.reports import blocks as b
from walkapp.reports import text
from walkapp.reports.data import ActionTrackerData, TrackedAction
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper

REPORT_NAME = "Action-item tracker"
MAX_FOLLOW_UPS = 6  # the latest ones: enough to follow the thread (rows split over pages)


def render(data: ActionTrackerData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    today = data.as_of or date.today()
    open_items = [a for a in data.items if a.status == "open"]
    closed = [a for a in data.items if a.status != "open"]
    overdue = sum(1 for a in open_items if a.due and a.due < today)
    story: list[Flowable] = [
        b.p(REPORT_NAME, "title"),
        b.p(f"{data.scope} · as of {fmt.long_date(today)}", "subtitle"),
        b.p(f"{fmt.number(len(open_items))} open ({fmt.number(overdue)} past due), "
            f"{fmt.number(sum(1 for a in closed if a.status == 'done'))} done, "
            f"{fmt.number(sum(1 for a in closed if a.status == 'dropped'))} dropped.",
            "body"),
    ]
    story += b.section("Open", _table(open_items, width, today),
                       "No open action items.")
    story += b.section("Done or dropped", _table(closed, width, today),
                       "None recorded.")
    setup = PageSetup(paper=paper, report_name=REPORT_NAME,
                      header_right=f"{data.scope} · {fmt.long_date(today)}",
                      subject="Learning walk action items")
    return build_pdf(story, setup)


def _what(item: TrackedAction) -> list[Flowable]:
    out: list[Flowable] = [b.cell(item.text, field="the action item"),
                           b.cell(f"From the walk of {item.origin}", "small")]
    shown = item.follow_ups[-MAX_FOLLOW_UPS:]
    if len(item.follow_ups) > len(shown):
        hidden = len(item.follow_ups) - len(shown)
        out.append(b.cell("(" + fmt.plural(hidden, "{n} earlier follow-up not shown",
                                           "{n} earlier follow-ups not shown") + ")",
                          "small"))
    for f in shown:
        note = f" — {f.text}" if f.text.strip() else ""
        out.append(b.field("a follow-up of the action item", b.own(
            f"<b>Follow-up {text.markup(f.when)}</b>: {text.markup(f.status.capitalize())}"
            f"{text.markup(note, b.CELL_LIMIT)}", "small")))
    return out


def _table(items: list[TrackedAction], width: float, today: date) -> list[Flowable]:
    if not items:
        return []
    rows: list[list[Flowable | list[Flowable] | str]] = []
    for item in items:
        due = fmt.short_date(item.due)
        if item.status == "open" and item.due and item.due < today:
            due = f"{due} (past due)"
        rows.append([_what(item), item.owner or "—", due, item.status.capitalize()])
    widths = [width - 38 * mm - 26 * mm - 20 * mm, 38 * mm, 26 * mm, 20 * mm]
    return [b.table(["Action", "Owner", "Due", "Status"], rows, widths,
                    fields=[None, "the action item's owner"])]
