"""Building the host's thank-you note from a walk's record (report kind "thanks"): the
descriptive "We noticed…" lines about one visit and one wondering, in the group's voice.

Split from walkapp.reports.build_walk, whose helpers (the heading, the protocol's stem
labels, one version of a note changed on two laptops) it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from walkapp import domain as d
from walkapp import note_states
from walkapp.errors import NotFoundError
from walkapp.formatting import tr
from walkapp.privacy import redact_visit
from walkapp.protocol.schema import Protocol
from walkapp.reports.build_walk import (
    Judge,
    Unresolved,
    group_voice,
    has_text,
    heading,
    report_protocol,
    stem_labels,
)
from walkapp.reports.data import GROUP_SIGNATURE, ThanksData, VisitLine

if TYPE_CHECKING:
    from walkapp.reports.registry import ReportRequest
    from walkapp.services import Services

MAX_THANKS_NOTICES = 6


def build_thanks(services: Services, request: ReportRequest, judge: Judge | None
                 ) -> ThanksData:
    assert request.walk_id is not None and request.visit is not None
    record = services.records.walk_record(request.walk_id)
    if judge is None:
        # A thank-you note carries no verdicts and no one's name: leave out any note the
        # language nudge flags (judgemental wording or a possible personal name).
        from walkapp import nudge

        language = record.walk.language or "en"
        judge = lambda text: bool(nudge.check(text, language))  # noqa: E731
    protocol, _notice = report_protocol(services, request.walk_id)
    return thanks_data(record, request.visit, judge, protocol=protocol)


def thanks_data(record: d.WalkRecord, visit_number: int,
                is_judgemental: Callable[[str], bool] | None = None, *,
                protocol: Protocol | None = None) -> ThanksData:
    """A note to the host of one visit: descriptive "We noticed…" lines and one wondering,
    headed with the protocol's labels for those stems in the group's voice.

    `is_judgemental` (e.g. the language nudge) drops notes that sound like a verdict; only
    notes written with the "noticed" stem are used in any case."""
    walk = record.walk
    visit = next((v for v in walk.visits if v.position == visit_number), None)
    if visit is None:
        if walk.visits:
            raise NotFoundError(tr("This walk has no Visit {number}; it has visits 1–{count}.")
                                .format(number=visit_number, count=len(walk.visits)))
        raise NotFoundError(tr("This walk has no Visit {number}; it has no visits yet.")
                            .format(number=visit_number))
    keep = is_judgemental or (lambda _text: False)
    # A note changed on two laptops is one note here: a thank-you note picks a few lines,
    # and the host should not read two versions of one (the first is the one shown). Only
    # notes in the record (walkapp.note_states) are candidates; on top of that the note
    # to the host leaves out even a flagged note the facilitator kept for the debrief.
    notes, _ = Unresolved({}).split(note_states.for_print(record).notes, lambda n: n.text)
    mine = sorted((n for n in notes if n.visit_id == visit.id and has_text(n.text)
                   and not keep(n.text)), key=lambda n: n.created_at)
    noticed = tuple(n.text for n in mine if n.stem is d.Stem.NOTICED)[:MAX_THANKS_NOTICES]
    wonder = next((n for n in mine if n.stem is d.Stem.WONDER),
                  next((n for n in mine if n.stem is d.Stem.QUESTION), None))
    labels = dict(stem_labels(protocol))
    shown = redact_visit(visit, walk)
    # The letter names its host once, in the salutation: the visit line at its foot (for
    # whoever hands the notes out) carries room, grade and subject only.
    line = VisitLine(number=visit.position, details=shown.details(show_teacher=False))
    addressee = shown.teacher_name or tr("colleague")
    return ThanksData(walk=heading(walk, protocol.title if protocol is not None else ""),
                      visit=line, addressee=addressee, noticed=noticed,
                      wondering=wonder.text if wonder else None,
                      signed=signature(walk, shown.teacher_name),
                      noticed_heading=group_voice(labels[d.Stem.NOTICED], d.Stem.NOTICED),
                      wondering_heading=group_voice(
                          labels[wonder.stem if wonder else d.Stem.WONDER],
                          wonder.stem if wonder else d.Stem.WONDER))


def signature(walk: d.Walk, host: str | None = None) -> str:
    """Who signs a thank-you note: the group, unless the walk's own setting
    `sign_thank_you_with_names` is on (naming commitments in the debrief,
    `attribute_commitments`, is a different choice). Then the walkers on its roster, each
    once, in roster order, leaving out the host (`host`: the name the letter is addressed
    to, if any), who is named once, in the salutation. Each name is kept on one line
    (no-break spaces), so a long list wraps between names."""
    if not walk.sign_thank_you_with_names:
        return tr(GROUP_SIGNATURE)
    seen = {_same_name(host)} if host else set()
    names = []
    for walker in walk.walkers:
        name = " ".join(walker.display_name.split())
        if name and _same_name(name) not in seen:
            seen.add(_same_name(name))
            names.append(name.replace(" ", "\u00a0"))
    return ", ".join(names) or tr(GROUP_SIGNATURE)


def _same_name(name: str) -> str:
    """Two spellings of one name ("Ana  Ruiz", "ana ruiz") are one signature."""
    return " ".join(name.casefold().split())
