"""The facilitator's script: the whole protocol as a printable guide.

Everything the protocol file says, in the order a facilitator needs it: what the protocol
is for and where it comes from, who does what (a role given to walkers at planning with its
instructions), the norms, stems and look-fors, then every phase and step with its minutes,
script, what each role does in it and prompts (with their options or scale), the
order of the debrief and the closing feedback questions. Made for a walk (from its saved
protocol, with the walk's own timings) or for a protocol alone.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.protocol.roles import step_role_lines
from walkapp.protocol.runner import route_minutes
from walkapp.protocol.schema import Activity, LookForSet, Protocol, Step
from walkapp.reports import blocks as b
from walkapp.reports import protocol_blocks as pb
from walkapp.reports import text
from walkapp.reports.data import ScriptData
from walkapp.reports.page import PageSetup, build_pdf, usable_width
from walkapp.reports.paper import Paper
from walkapp.reports.styles import ACCENT, MUTED_HEX, styles

REPORT_NAME = N_("Facilitator's script")  # translated where drawn
STEP_INDENT = 10.0

# What each activity opens in the app, as protocols/README.md tells facilitators.
ACTIVITY_SHOWS = {
    Activity.OPENER: N_("the opener"), Activity.FOCUS: N_("the walk's focus"),
    Activity.LOOK_FORS: N_("the look-fors, to agree or adjust"),
    Activity.NORMS: N_("the norms, each to be marked agreed"),
    Activity.ROSTER: N_("walkers and groups"), Activity.ROUTE: N_("the visits and their order"),
    Activity.REVIEW: N_("open commitments and action items from earlier walks"),
    Activity.STEMS: N_("the note stems"), Activity.LOGISTICS: N_("route, timings, meeting place"),
    Activity.VISITS: N_("visit and corridor timers, and note taking"),
    Activity.EVIDENCE_WALL: N_("the evidence wall: all notes grouped"),
    Activity.CALIBRATION: N_("notes about one visit side by side"),
    Activity.PATTERNS: N_("patterns, in the debrief sequence"),
    Activity.COMMITMENTS: N_("each walker's commitment"),
    Activity.NEXT_STEPS: N_("next steps"), Activity.ACTION_ITEMS: N_("action items"),
    Activity.FEEDBACK: N_("the feedback questions (below)"),
    Activity.REFLECTION: N_("a written reflection"),
}


def render(data: ScriptData, paper: Paper = Paper.A4) -> bytes:
    return build_pdf(*story(data, paper))


def story(data: ScriptData, paper: Paper = Paper.A4) -> tuple[list[Flowable], PageSetup]:
    """The script's pages as a story and their decorations (see walkapp.reports.debrief)."""
    protocol = data.protocol
    width = usable_width(paper)
    story: list[Flowable] = [*_title(data, width)]
    story += b.section(tr("What this protocol is for"), pb.paragraphs(protocol.summary),
                       N_("The protocol has no summary."))
    story += b.section(tr("Source"), pb.source(protocol.source),
                       N_("The protocol cites no source."))
    story += b.section(tr("Who does what"), _roles(protocol), N_("No roles are named."))
    story += b.section(tr("Norms"), b.bullets(protocol.norms), N_("No norms are offered."))
    story += b.section(tr("Note stems"), [_stem(s.label, s.prompt) for s in protocol.stems])
    story += b.section(tr("Look-fors"), [f for s in protocol.look_for_sets for f in _set(s)],
                       N_("No look-for sets: the group chooses its own."))
    story += b.section(tr("Running order"), _phases(data))
    story += b.section(tr("Debrief sequence"), _debrief(protocol))
    story += b.section(tr("Feedback questions"), pb.prompts(protocol.feedback),
                       N_("No feedback questions."))
    right = (f"{data.walk.title} · {fmt.long_date(data.walk.walk_date)}" if data.walk
             else tr("{protocol} · version {version}").format(protocol=protocol.title,
                                                              version=protocol.version))
    setup = PageSetup(paper=paper, report_name=tr(REPORT_NAME), header_right=right,
                      subject=tr("Learning walk facilitator's script"),
                      footer_left=tr("A guide for the facilitator · about the walkers' "
                                     "learning, not an evaluation"))
    return story, setup


def _title(data: ScriptData, width: float) -> list[Flowable]:
    protocol = data.protocol
    version = tr("{protocol} ({id}), version {version}").format(
        protocol=protocol.title, id=protocol.id, version=protocol.version)
    group = (tr("{low}–{high} walkers").format(low=fmt.number(protocol.group_min),
                                                high=fmt.number(protocol.group_max))
             if protocol.group_min != protocol.group_max
             else fmt.plural(protocol.group_min, "walker", "walkers"))
    facts = [(tr("Length"), _length(data)), (tr("Group"), group),
             (tr("Based on"), protocol.based_on),
             (tr("Language"), fmt.language_display_name(protocol.language))]
    if data.walk is not None:
        return b.title_block(tr(REPORT_NAME), data.walk, width, facts)
    return [b.p(protocol.title, "title", limit=600), b.p(tr(REPORT_NAME), "subtitle"),
            b.facts([(tr("Protocol"), version), *facts], width)]


def _visits_minutes(data: ScriptData) -> int | None:
    """The route's minutes; None without a walk or before its route is planned."""
    if not data.visits:
        return None
    return route_minutes(data.protocol, data.visits, data.visit_minutes,
                         data.corridor_minutes)


def _route(data: ScriptData) -> str:
    """"5 visits of 10 min each, 3 min of corridor talk between", or without a planned
    route "10 min a visit, …"."""
    visit = fmt.duration(data.visit_minutes * 60)
    corridor = fmt.duration(data.corridor_minutes * 60)
    if not data.corridor_minutes:
        if not data.visits:
            return tr("{length} a visit").format(length=visit)
        return fmt.plural(data.visits, "{n} visit of {length}",
                          "{n} visits of {length} each").format(length=visit)
    if data.protocol.corridor_after_last:
        if not data.visits:
            return tr("{length} a visit, {corridor} of corridor talk between and after the "
                      "last").format(length=visit, corridor=corridor)
        return fmt.plural(data.visits, "{n} visit of {length}, {corridor} of corridor talk "
                          "after it", "{n} visits of {length} each, {corridor} of corridor "
                          "talk between and after the last").format(length=visit,
                                                                    corridor=corridor)
    if not data.visits:
        return tr("{length} a visit, {corridor} of corridor talk between").format(
            length=visit, corridor=corridor)
    return fmt.plural(data.visits, "{n} visit of {length}, {corridor} of corridor talk "
                      "between", "{n} visits of {length} each, {corridor} of corridor talk "
                      "between").format(length=visit, corridor=corridor)


def _length(data: ScriptData) -> str:
    planned = data.protocol.planned_minutes
    if not data.protocol.has_visits:
        return fmt.duration(planned * 60)
    visits = _visits_minutes(data)
    if visits is None:
        return tr("{length} plus the visits ({route})").format(
            length=fmt.duration(planned * 60), route=_route(data))
    return tr("{length} ({route})").format(length=fmt.duration((planned + visits) * 60),
                                           route=_route(data))


@lru_cache(maxsize=2)
def _heading(level: str) -> ParagraphStyle:
    """A phase in the accent, a step in ink: both stronger than the words under them."""
    if level == "phase":
        return ParagraphStyle("script-phase", parent=styles().h2, fontSize=12.5, leading=16,
                              textColor=ACCENT, spaceBefore=12)
    return ParagraphStyle("script-step", parent=styles().h2, fontSize=10.5, leading=14,
                          spaceBefore=8, spaceAfter=1)


def _bullet(markup: str) -> Paragraph:
    return Paragraph(markup, pb.style("body", 0, True), bulletText="•")


def _stem(label: str, prompt: str) -> Flowable:
    return _bullet(f"<b>{text.markup(label)}</b> <font color='{MUTED_HEX}'>·</font> "
                   f"{text.markup(prompt)}")


def _set(item: LookForSet) -> list[Flowable]:
    out: list[Flowable] = [b.p(item.title, "h2"), *pb.paragraphs(item.description, "small")]
    for look_for in item.items:
        line = f"<b>{text.markup(look_for.text)}</b>"
        if look_for.description.strip():
            line += f" — {text.markup(look_for.description, pb.PROTOCOL_LIMIT)}"
        out.append(_bullet(line))
    return out


def _phases(data: ScriptData) -> list[Flowable]:
    out: list[Flowable] = []
    for phase in data.protocol.phases:
        minutes = phase.planned_minutes
        if any(s.activity is Activity.VISITS for s in phase.steps):
            minutes += _visits_minutes(data) or 0
        head = Paragraph(f"{text.markup(phase.title)} "
                         f"<font color='{MUTED_HEX}'>· {fmt.duration(minutes * 60)}</font>",
                         _heading("phase"))
        steps = [_step(data, step) for step in phase.steps]
        # The phase's heading and summary travel with the start of its first step.
        first = steps[0] if steps else [b.own("", "small")]
        out += [CondPageBreak(36 * mm),
                b.keep(head, *pb.paragraphs(phase.summary, "small"), first[0]), *first[1:]]
        out += [flowable for block in steps[1:] for flowable in block]
    return out


def _step(data: ScriptData, step: Step) -> list[Flowable]:
    if step.activity is Activity.VISITS:
        minutes = _route(data)
    elif step.minutes:
        minutes = fmt.duration(step.minutes * 60)
    else:
        minutes = tr("no countdown")
    head = Paragraph(f"{text.markup(step.title)} <font color='{MUTED_HEX}'>· {minutes}</font>",
                     _heading("step"))
    shows = ACTIVITY_SHOWS.get(step.activity)
    words: list[Flowable] = []
    if shows:
        said = tr("In the app: {what}").format(what=text.markup(tr(shows)))
        words.append(b.own(f"<font color='{MUTED_HEX}'>{said}</font>", "small"))
    words += pb.paragraphs(step.script, "body", STEP_INDENT)
    words += _role_scripts(data.protocol, step)
    words += pb.prompts(step.prompts, "body", STEP_INDENT)
    if step.activity is Activity.VISITS and data.route:
        words += [Paragraph(text.markup(v.label + (f" · {v.details}" if v.details else "")),
                            pb.style("small", STEP_INDENT, True), bulletText="•")
                  for v in data.route]
    return [b.keep(head, *words[:2]), *words[2:]]


def _roles(protocol: Protocol) -> list[Flowable]:
    """Each role with its description; a role given to walkers at planning says so, with
    its instructions (what the walker's laptop shows them) and what each is asked."""
    out: list[Flowable] = []
    for role in protocol.roles:
        out += pb.roles((role,))
        if not role.assignable:
            continue
        given = tr("Given to walkers at planning")
        if role.detail_label.strip():
            given = tr("Given to walkers at planning; each is asked: “{question}”").format(
                question=text.markup(role.detail_label))
        # Under the role's words, lined up with them (past the bullet).
        out.append(Paragraph(f"<font color='{MUTED_HEX}'>{given}.</font>",
                             pb.style("small", pb.BULLET_INDENT)))
        out += pb.paragraphs(role.instructions, "small", pb.BULLET_INDENT)
    return out


def _role_scripts(protocol: Protocol, step: Step) -> list[Flowable]:
    """What each role does in the step, under its script: "Presenter: listen without
    speaking" (a role the protocol does not name keeps its key)."""
    return [Paragraph(f"<b>{text.markup(title)}:</b> {text.markup(script, pb.PROTOCOL_LIMIT)}",
                      pb.style("body", STEP_INDENT, True), bulletText="•")
            for title, script in step_role_lines(protocol, step)]


def _debrief(protocol: Protocol) -> list[Flowable]:
    out: list[Flowable] = []
    if not protocol.debrief_sequence:
        out.append(b.own(tr("The protocol gives no debrief sequence, so the post-brief uses "
                            "walkapp's usual stages:"), "body"))
    # walkapp's usual stages are its own English text (translated); a protocol's are its own.
    own = (lambda value: value) if protocol.debrief_sequence else tr
    for number, stage in enumerate(protocol.debrief_stages(), start=1):
        label = stage.kind.label
        kind = (f" <font color='{MUTED_HEX}'>({text.markup(label)})</font>"
                if label.casefold() != own(stage.title).casefold() else "")
        out.append(b.own(f"<b>{number}. {text.markup(own(stage.title))}</b>{kind}", "body"))
        out += pb.paragraphs(own(stage.prompt), "body", STEP_INDENT)
    return out
