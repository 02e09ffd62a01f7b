"""The action-item tracker across walks: open items first, each with where it came from
and what happened at later walks, so action plans persist from one walk to the next."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.reports import blocks as b
from walkapp.reports import text
from walkapp.reports.data import ActionTrackerData, TrackedAction
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper

REPORT_NAME = N_("Action-item tracker")  # translated where drawn
# An action item's status as a table cell says it ("Open"); the catalogue has the words.
_STATUS = {"open": N_("open"), "done": N_("done"), "dropped": N_("dropped")}
MAX_FOLLOW_UPS = 6  # the latest ones: enough to follow the thread (rows split over pages)


def render(data: ActionTrackerData, paper: Paper = Paper.A4) -> bytes:
    width = usable_width(paper)
    today = data.as_of or date.today()
    open_items = [a for a in data.items if a.status == "open"]
    closed = [a for a in data.items if a.status != "open"]
    overdue = sum(1 for a in open_items if a.due and a.due < today)
    story: list[Flowable] = [
        b.p(tr(REPORT_NAME), "title"),
        b.p(tr("{scope} · as of {date}").format(scope=data.scope, date=fmt.long_date(today)),
            "subtitle"),
        b.p(tr("{open} ({overdue}), {done}, {dropped}.").format(
            open=fmt.plural(len(open_items), "{n} open", "{n} open"),
            overdue=fmt.plural(overdue, "{n} past due", "{n} past due"),
            done=fmt.plural(sum(1 for a in closed if a.status == "done"), "{n} done",
                            "{n} done"),
            dropped=fmt.plural(sum(1 for a in closed if a.status == "dropped"),
                               "{n} dropped", "{n} dropped")), "body"),
    ]
    story += b.section(tr("Open"), _table(open_items, width, today),
                       N_("No open action items."))
    story += b.section(tr("Done or dropped"), _table(closed, width, today),
                       N_("None recorded."))
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME),
                      header_right=f"{data.scope} · {fmt.long_date(today)}",
                      subject=tr("Learning walk action items"))
    return build_pdf(story, setup)


def _what(item: TrackedAction) -> list[Flowable]:
    out: list[Flowable] = [b.cell(item.text, field=tr("the action item")),
                           b.cell(tr("From the walk of {walk}").format(walk=item.origin),
                                  "small")]
    shown = item.follow_ups[-MAX_FOLLOW_UPS:]
    if len(item.follow_ups) > len(shown):
        hidden = len(item.follow_ups) - len(shown)
        out.append(b.cell("(" + fmt.plural(hidden, "{n} earlier follow-up not shown",
                                           "{n} earlier follow-ups not shown") + ")",
                          "small"))
    for f in shown:
        note = f" — {f.text}" if f.text.strip() else ""
        head = tr("Follow-up {date}").format(date=text.markup(f.when))
        status = tr(_STATUS.get(f.status, f.status)).capitalize()
        out.append(b.field(tr("a follow-up of the action item"), b.own(
            f"<b>{head}</b>: {text.markup(status)}{text.markup(note, b.CELL_LIMIT)}",
            "small")))
    return out


def _table(items: list[TrackedAction], width: float, today: date) -> list[Flowable]:
    if not items:
        return []
    rows: list[list[Flowable | list[Flowable] | str]] = []
    for item in items:
        due = fmt.short_date(item.due)
        if item.status == "open" and item.due and item.due < today:
            due = tr("{date} (past due)").format(date=due)
        rows.append([_what(item), item.owner or "—", due,
                     tr(_STATUS.get(item.status, item.status)).capitalize()])
    # A status and a date are measured: their words differ by language.
    status = b.column_width([str(r[3]) for r in rows] + [tr("Status")], 20 * mm)
    due_width = min(36 * mm, b.column_width([str(r[2]) for r in rows] + [tr("Due")], 26 * mm))
    widths = [width - 38 * mm - due_width - status, 38 * mm, due_width, status]
    return [b.table([tr("Action"), tr("Owner"), tr("Due"), tr("Status")], rows, widths,
                    fields=[None, tr("the action item's owner")])]
