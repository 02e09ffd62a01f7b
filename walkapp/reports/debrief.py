"""The debrief report: what the group saw, what it made of it, and what each walker will try.

It leads with what the group learned. Page 1: the walk's facts and focus, the pattern
statements (under the protocol's debrief stages, in its order), next steps, commitments and
the open action items. Then, as an appendix on its own pages: norms, the route, the group's
ratings (a step's rating statements, e.g. the PLC mirror: walkapp.reports.rating_blocks),
look-fors and their tallies, the evidence (grouped by look-for, then the protocol's stems;
each note once, under its first look-for, naming its others), action items done or dropped,
time, and the session's feedback. Sections with nothing in them are named on one "Not
recorded: …" line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.reports import blocks as b
from walkapp.reports import text, visit_questions
from walkapp.reports.charts import tally_chart
from walkapp.reports.data import (
    ActionRow,
    DebriefData,
    EvidenceGroup,
    EvidenceItem,
    FeedbackSummary,
    PhaseTime,
)
from walkapp.reports.flow import BreakAfterPageOne, lead
from walkapp.reports.page import PageSetup, build_pdf, part, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.rating_blocks import earlier_table, spread_tables

if TYPE_CHECKING:
    from walkapp.services.tallies import TallySummary

# Translated where drawn (tr), in the walk's language.
REPORT_NAME = N_("Debrief")
APPENDIX = N_("Appendix: the evidence")
# An action item's status as a table cell says it ("Open"); the catalogue has the words.
_STATUS = {"open": N_("open"), "done": N_("done"), "dropped": N_("dropped")}


def render(data: DebriefData, paper: Paper = Paper.A4) -> bytes:
    return build_pdf(*story(data, paper))


def story(data: DebriefData, paper: Paper = Paper.A4) -> tuple[list[Flowable], PageSetup]:
    """The debrief's pages as a story and their decorations (`render` lays them out; a
    portfolio lays out several reports' stories in one PDF)."""
    width = usable_width(paper)
    story: list[Flowable] = []
    # The counts share one line: page 1 needs its room for what the group learned.
    counts = [fmt.plural(data.walker_count, "walker", "walkers"),
              fmt.plural(data.visit_count, "visit", "visits"),
              fmt.plural(data.note_count, "note", "notes")]
    if not data.has_visits:
        counts.pop(1)
    # Who led it on the same line (a facilitator's own row cost page 1 the room of a table
    # row); "led by" only when the walk names a facilitator.
    walk_line = " · ".join(counts)
    if data.facilitators:
        walk_line = tr("{counts}, led by {facilitators}").format(
            counts=walk_line, facilitators=", ".join(data.facilitators))
    extra = [(tr("Walk"), walk_line)]
    story += b.title_block(tr(REPORT_NAME), data.walk, width, extra)
    if data.protocol_notice:
        story.append(b.p(data.protocol_notice, "small"))
    if data.unresolved_conflicts:
        story.append(b.own("<b>" + text.markup(fmt.plural(
            data.unresolved_conflicts,
            "{n} item was changed on two laptops and is not yet resolved: both versions are "
            "printed, marked “Not yet resolved”. Choose between them in the post-brief's "
            "Conflicts view (or `walkapp resolve`) and print again.",
            "{n} items were changed on two laptops and are not yet resolved: their versions "
            "are printed, marked “Not yet resolved”. Choose between them in the post-brief's "
            "Conflicts view (or `walkapp resolve`) and print again.")) + "</b>", "small"))
    learned, appendix = _learned(data, width), _appendix(data, width)
    if any(body for _, body in appendix):
        story += _part(learned)
        # The evidence is an appendix, after what the group made of it: from page 2 on
        # (right under the end of the lead when that spilled onto page 2).
        story += [BreakAfterPageOne(), part(b.heading(tr(APPENDIX), 1)), b.own(
            tr("What the group saw, and the record of the session, behind the page above."),
            "small"), Spacer(1, 3 * mm)]
        story += _part(appendix)
    else:
        story += _part(learned + appendix)  # nothing behind page 1: one list of gaps
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME),
                      header_right=f"{data.walk.title} · {fmt.long_date(data.walk.walk_date)}",
                      subject=tr("Learning walk debrief"))
    return story, setup


Section = tuple[str, list[Flowable]]


def _part(sections: Sequence[Section]) -> list[Flowable]:
    """The sections with something in them; the empty ones named on one line at the end."""
    out: list[Flowable] = []
    for title, body in sections:
        if body:
            out += b.section(title, body)
    missing = [_lower(title) for title, body in sections if not body]
    if missing:
        out.append(Spacer(1, 2 * mm))
        out.append(b.p(tr("Not recorded: {sections}.").format(sections=", ".join(missing)),
                       "muted"))
    return out


def _lower(title: str) -> str:
    """A section title inside a sentence: "Next steps" → "next steps"."""
    head = title.split(":", 1)[0]
    return head[:1].lower() + head[1:]


def _learned(data: DebriefData, width: float) -> list[Section]:
    """Page 1: what the group made of the evidence and what happens next."""
    words = data.commitments_words
    title = (tr("Commitments: “{words}”").format(words=words) if words.strip()
             else tr("Commitments"))
    open_items = [a for a in data.action_items if a.status == "open"]
    return [(tr("Patterns"), _patterns(data)),
            (tr("Next steps"), b.bullets(data.next_steps, numbered=True)),
            (title, _commitments(data)),
            (tr("Action items"), _actions(open_items, width,
                                      len(data.action_items) - len(open_items)))]


def _appendix(data: DebriefData, width: float) -> list[Section]:
    """Behind page 1: the evidence and the record of the session."""
    evidence = _evidence(data.evidence, data.has_visits)
    if evidence and data.held_back_notes:
        # A count only: the words held back never reach the page.
        evidence.insert(0, b.p(fmt.plural(
            data.held_back_notes,
            "{n} note is not printed: it was set aside at the evidence wall, or its "
            "wording was flagged and not kept.",
            "{n} notes are not printed: they were set aside at the evidence wall, or their "
            "wording was flagged and not kept."), "small"))
    closed = [a for a in data.action_items if a.status != "open"]
    return [(tr("Norms we agreed"), _norms(data)),
            *([(tr("The route"), [_route(data, width)])] if data.visits else []),
            *([(tr("The group's ratings"), _ratings(data, width))] if data.ratings else []),
            (tr("Look-fors"), _look_fors(data, width)),
            # Only for a protocol that keeps tallies: no "not recorded" line otherwise.
            *([(tr("Counts across the walk"), _counts(data))] if data.tallies else []),
            (tr("Evidence"), evidence),
            # Only for a protocol with a visit form: the others never ask.
            *([(tr("The visit's questions, across the walk"), visit_questions.render(
                data.visit_questions, data.held_back_answers))]
              if data.visit_questions else []),
            *([(tr("Action items done or dropped"), _actions(closed, width))]
              if closed else []),
            (tr("Time: planned and actual"), _times(data.phase_times, width)),
            (tr("Session feedback"), _feedback(data.feedback, width))]


def _norms(data: DebriefData) -> list[Flowable]:
    items = [t if agreed else tr("{norm} (not marked as agreed)").format(norm=t)
             for t, agreed in data.norms]
    return b.bullets(items)


def _route(data: DebriefData, width: float) -> Flowable:
    rows = [[v.label, v.details] for v in data.visits]
    return b.table([tr("Visit"), tr("Details")], rows, [24 * mm, width - 24 * mm],
                   fields=[None, tr("a visit's details")])


def _look_fors(data: DebriefData, width: float) -> list[Flowable]:
    if not data.look_fors:
        return []
    out: list[Flowable] = []
    if any(lf.notes for lf in data.look_fors):
        out.append(b.own(tr("Notes tagged with each look-for, across all visits.")
                         if data.has_visits
                         else tr("Notes tagged with each look-for, across the walk."), "small"))
        out.append(tally_chart([lf.text for lf in data.look_fors],
                               [lf.notes for lf in data.look_fors], width))
        out.append(Spacer(1, 3 * mm))
    else:
        out.append(b.own(tr("No notes were tagged with a look-for."), "muted"))
    rows = [[b.cell(lf.text, "cell"), b.cell(lf.description), b.cell(str(lf.notes),
                                                                     "cell_right")]
            for lf in data.look_fors]
    table = b.table([tr("Look-for"), tr("What it looks like"), tr("Notes")], rows,
                    [width * 0.38, width * 0.5, width * 0.12],
                    fields=[tr("a look-for"), tr("a look-for's description")])
    # A short table reads best in one piece; a long one may split (its header repeats).
    out.append(b.keep(table) if len(rows) <= 12 else table)
    if data.untagged_notes:
        out.append(Spacer(1, 2 * mm))
        out.append(b.own(text.markup(fmt.plural(
            data.untagged_notes,
            "{n} note carried no look-for tag; it is listed at the end of the evidence.",
            "{n} notes carried no look-for tag; they are listed at the end of the evidence.")),
            "small"))
    return out


def _counts(data: DebriefData) -> list[Flowable]:
    """Per tally: the total and the spread across visits. School level only: no visit,
    teacher or walker is named, nothing is ranked."""
    if not any(t.visits for t in data.tallies):
        return []
    out: list[Flowable] = [b.own(tr(
        "What the walkers counted and timed, added up across the walk. “Per visit” is the "
        "spread over the visits where it was kept (each visit's figure is the mean of the "
        "walkers who kept it there); no visit is named."), "small")]
    out += b.bullets(tally_sentence(t) for t in data.tallies)
    return out


def tally_sentence(summary: TallySummary) -> str:
    """One tally in words: "Questions asked: 17 in all, kept by 3 walkers in 3 visits;
    per visit: least 1, median 3, most 10."."""
    if not summary.visits:
        return tr("{tally}: not kept in any visit.").format(tally=summary.label)
    said = tr("{tally}: {total} in all, kept by {people} in {visits}").format(
        tally=summary.label, total=summary.figure(summary.total),
        people=fmt.plural(summary.people, "person", "people"),
        visits=fmt.plural(summary.visits, "visit", "visits"))
    if summary.visits < 2:
        return said + "."
    return tr("{counted}; per visit: least {least}, median {median}, most {most}.").format(
        counted=said, least=summary.figure(summary.least),
        median=summary.figure(summary.median), most=summary.figure(summary.most))


def _evidence(groups: Sequence[EvidenceGroup], visits: bool = True) -> list[Flowable]:
    out: list[Flowable] = []
    for group in groups:
        title = (group.look_for if group.look_for is not None
                 else tr("Not tagged with a look-for"))
        first = True
        for stem in group.stems:
            items = [_note(item, visits) for item in stem.items]
            head = [b.heading(stem.stem_label, 3)]
            if first:
                head.insert(0, b.heading(title, 2))
                first = False
            # A heading never ends a page alone: it goes with the start of its first note.
            out += lead(head, items)
    return out


def _note(item: EvidenceItem, visits: bool = True) -> Flowable:
    """One note; one changed on two laptops carries its mark and every version, together.
    Without visits (a protocol without a visits step), a note says nothing about where."""
    shown = visits or item.visit or item.removed_visit
    where = f"<b>{text.markup(item.where)}</b>  " if shown else ""
    suffix = " <i>" + tr("(edited by the facilitator)") + "</i>" if item.edited else ""
    if item.also:
        # Printed once, under its first look-for: the others are named, not repeated.
        suffix += " <i>" + tr("(also: {look_fors})").format(
            look_fors=text.markup(", ".join(item.also))) + "</i>"
    quote = b.p(item.text, "quote", prefix=where, suffix=suffix)
    if not item.conflict:
        return quote
    return b.keep(quote, *_versions(item.conflict, item.other_versions, "quote"))


def _versions(mark: str, others: Sequence[str], style: str) -> list[Flowable]:
    out: list[Flowable] = [b.own(f"<b>{text.markup(mark)}</b>", "conflict")]
    prefix = "<b>" + tr("Other version") + "</b>  "
    out += [b.p(other, style, prefix=prefix) for other in others]
    return out


def _patterns(data: DebriefData) -> list[Flowable]:
    out: list[Flowable] = []
    others = False
    for group in data.patterns:
        if not group.statements:
            continue
        if group.left_out and not others:
            # Kept, not dropped: written under a stage this protocol does not use.
            others = True
            out.append(b.keep(b.heading(tr("Other statements"), 2), b.own(
                tr("Written under a stage this protocol's debrief does not use."), "small")))
        out += lead([b.heading(group.label, 3 if group.left_out else 2)],
                    b.bullets(group.statements))
    return out


def _commitments(data: DebriefData) -> list[Flowable]:
    if not data.commitments:
        return []
    out: list[Flowable] = []
    if data.commitments_attributed:
        for c in data.commitments:
            out.append(b.p(c.text, "bullet", prefix=f"<b>{text.markup(c.walker or '')}</b> — "))
            if c.conflict:
                out += _versions(c.conflict, c.other_versions, "bullet")
    else:
        out.append(b.own(tr("Listed without names, as the walk's settings ask."), "small"))
        if not any(c.conflict for c in data.commitments):
            out.extend(b.bullets(c.text for c in data.commitments))
            return out
        for c in data.commitments:
            out.extend(b.bullets([c.text]))
            if c.conflict:
                out += _versions(c.conflict, c.other_versions, "bullet")
    return out


def _actions(items: Sequence[ActionRow], width: float, closed: int = 0) -> list[Flowable]:
    """The action items as a table; `closed`: how many more (done or dropped) are in the
    appendix, said under the open ones."""
    if not items:
        return []
    rows = [[fmt.number(i), a.text, a.owner or "—", fmt.short_date(a.due),
             tr(_STATUS.get(a.status, a.status)).capitalize()]
            for i, a in enumerate(items, start=1)]
    # The action's own words get the room: a date and a status need no more than theirs
    # (a status is measured: "Pendiente" is longer than "Open").
    status = b.column_width([str(r[4]) for r in rows] + [tr("Status")], 18 * mm)
    due = b.column_width([str(r[3]) for r in rows] + [tr("Due")], 25 * mm)
    widths = [8 * mm, width - 8 * mm - 32 * mm - due - status, 32 * mm, due, status]
    out: list[Flowable] = [b.table(["#", tr("Action"), tr("Owner"), tr("Due"), tr("Status")],
                                   rows, widths, fields=[None, tr("an action item"),
                                                         tr("an action item's owner")])]
    if closed:
        out.append(b.own(text.markup(fmt.plural(
            closed, "{n} more, done or dropped, is listed in the appendix.",
            "{n} more, done or dropped, are listed in the appendix.")), "small"))
    return out


def _times(times: Sequence[PhaseTime], width: float) -> list[Flowable]:
    if not times:
        return []
    rows: list[list[Flowable | str]] = []
    for t in times:
        diff = t.actual_seconds - t.planned_seconds
        sign = "+" if diff > 0 else "−" if diff < 0 else ""
        rows.append([t.phase, str(t.steps), fmt.duration(t.planned_seconds),
                     fmt.duration(t.actual_seconds),
                     f"{sign}{fmt.duration(abs(diff))}" if diff else tr("on time")])
    planned = sum(t.planned_seconds for t in times)
    actual = sum(t.actual_seconds for t in times)
    rows.append([b.own("<b>" + tr("Total") + "</b>", "cell"),
                 fmt.number(sum(t.steps for t in times)),
                 fmt.duration(planned), fmt.duration(actual), ""])
    rest = width - 50 * mm
    return [b.table([tr("Phase"), tr("Steps"), tr("Planned"), tr("Actual"), tr("Difference")],
                    rows,
                    [50 * mm, rest * 0.16, rest * 0.28, rest * 0.28, rest * 0.28])]


def feedback_blocks(summaries: Sequence[FeedbackSummary], width: float) -> list[Flowable]:
    """The session feedback's questions, each with its spread and written answers (the
    debrief's appendix; a portfolio's feedback summaries)."""
    return _feedback(summaries, width)


def _feedback(summaries: Sequence[FeedbackSummary], width: float) -> list[Flowable]:
    out: list[Flowable] = []
    for s in summaries:
        head = b.heading(s.question, 2)
        facts = [fmt.plural(s.responses, "response", "responses")]
        body: list[Flowable] = [b.p("; ".join(facts) + ".", "small")]
        if s.spread is not None and s.spread.answered:
            # The spread over the question's own scale, "not applicable" apart, kept with
            # the count of responses (and so with the question's heading).
            body = [b.keep(*body, *spread_tables([(tr("Answers"), s.spread)], width,
                                                 row_head=""))]
        out += lead([head], body)
        out.extend(b.bullets(a for a in s.answers if a.strip()))
    return out


def _ratings(data: DebriefData, width: float) -> list[Flowable]:
    """Each step's rating statements (a self-assessment such as the PLC mirror)."""
    out: list[Flowable] = []
    for step in data.ratings:
        rows = [(prompt.text, figures) for prompt, figures in step.prompts]
        out += lead([b.heading(step.step, 2)], spread_tables(rows, width))
        if step.earlier:
            out += lead([b.heading(tr("Earlier in the series"), 3)],
                        earlier_table(step, width))
    return out
