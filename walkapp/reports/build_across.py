"""Report data that spans walks: the action-item tracker and a walker's growth journal.

Both read only through services. A walker is followed across walks by the person behind
their roster entries (`Participant.person_id`), so "Carla Núñez" on three walks is one
journal even if she was typed as "carla núñez" once.

Each walk keeps its own protocol (its snapshot), so a journal entry uses its walk's words
for a commitment (the protocol's "I will try" prompt): walks on different protocols need
not agree, and nothing is said for all walks at once. The tracker has no protocol words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import NotFoundError, ValidationError
from walkapp.formatting import tr
from walkapp.protocol.schema import Protocol
from walkapp.reports.build_walk import commitments_words, heading, report_protocol
from walkapp.reports.data import (
    ActionTrackerData,
    FollowUpLine,
    JournalCommitment,
    JournalData,
    JournalWalk,
    TrackedAction,
)
from walkapp.services import Services
from walkapp.services.plan import name_key

if TYPE_CHECKING:
    from walkapp.reports.registry import ReportRequest


# -- the builders the report registry names: (services, request, judge) → report data -----
def build_tracker(services: Services, request: ReportRequest,
                  _judge: Callable[[str], bool] | None) -> ActionTrackerData:
    return action_tracker_data(services, request.walk_id)


def build_journal(services: Services, request: ReportRequest,
                  _judge: Callable[[str], bool] | None) -> JournalData:
    return journal_data(services, request.walker or "", request.walk_id)


def _walk_label(day: date, title: str) -> str:
    return f"{fmt.short_date(day)} · {title}"


# -- action tracker ------------------------------------------------------------------------
def action_tracker_data(services: Services, walk_id: str | None = None,
                        today: date | None = None) -> ActionTrackerData:
    """Action items of every walk — or, given a walk, of it and the earlier walks of its
    series (the items its pre-brief follows up; its own alone when it is in no series) —
    open items first (soonest due first), each with its origin walk and follow-ups."""
    # Each walk's date and title, to name where an item came from: no walk summaries
    # (their counts read the notes table) and no walk's plan.
    walks = services.records.walk_labels()
    scope = tr("All walks")
    if walk_id is None:
        items = services.debrief.list_action_items()
    else:
        walk = services.walks.get_walk(walk_id)
        items = [a for a in services.debrief.series_action_items(walk_id)
                 if a.origin_walk_id in walks]
        place = services.series.place_of(walk_id)
        scope = (tr("Series “{series}”: walks 1–{number} of {count}, up to {date} "
                    "({walk})").format(series=place.name, number=fmt.number(place.number),
                                       count=fmt.number(place.count),
                                       date=fmt.short_date(walk.walk_date), walk=walk.title)
                 if place is not None and place.number > 1 else
                 tr("This walk only: {date} ({walk})").format(
                     date=fmt.short_date(walk.walk_date), walk=walk.title))
    return tracker_from_items(items, walks, scope=scope, today=today)


def tracker_from_items(items: Iterable[d.ActionItem], walks: dict[str, tuple[date, str]],
                       *, scope: str = "", today: date | None = None
                       ) -> ActionTrackerData:
    def label(walk_id: str) -> str:
        found = walks.get(walk_id)
        return _walk_label(*found) if found else tr("an earlier walk")

    def order(item: d.ActionItem) -> tuple[bool, bool, date, date, int]:
        origin = walks.get(item.origin_walk_id, (date.min, ""))[0]
        return (item.status is not d.ActionStatus.OPEN, item.due_date is None,
                item.due_date or date.max, origin, item.position)

    tracked = tuple(TrackedAction(
        text=a.text, owner=a.owner_name, due=a.due_date, status=a.status.value,
        origin=label(a.origin_walk_id),
        follow_ups=tuple(FollowUpLine(label(f.walk_id), f.status.value, f.text)
                         for f in a.follow_ups)) for a in sorted(items, key=order))
    return ActionTrackerData(items=tracked, scope=scope or tr("All walks"), as_of=today)


# -- growth journal ------------------------------------------------------------------------
def find_person(services: Services, walker: str, walk_id: str | None = None
                ) -> tuple[str, str]:
    """The (person id, display name) of the walker called `walker`: on the given walk's
    roster, or on any walk's. Raises a clear error when nobody or several match."""
    wanted = name_key(walker or "")
    if not wanted:
        raise ValidationError(tr("Name the walker whose journal you want, e.g. "
                                 "--walker \"Carla Núñez\"."))
    # Roster entries alone (one read), not every walk's plan.
    people = services.records.roster_people(walk_id)
    if walk_id is not None and not people:
        services.walks.get_walk(walk_id)  # a walk that is gone says so
    found: dict[str, str] = {}
    for person in people:
        if person.person_id and name_key(person.display_name) == wanted:
            found.setdefault(person.person_id, person.display_name)
    if not found:
        names = sorted({p.display_name for p in people if p.role is d.Role.WALKER},
                       key=str.casefold)
        listed = ", ".join(names[:12])
        if walk_id is not None:
            said = tr("No walker named “{name}” on this walk.").format(name=walker)
            hint = tr("Walkers on this walk: {names}.").format(names=listed)
        else:
            said = tr("No walker named “{name}” on any walk.").format(name=walker)
            hint = tr("Walkers on any walk: {names}.").format(names=listed)
        raise NotFoundError(f"{said} {hint}" if names else said)
    if len(found) > 1:
        raise ValidationError(tr("More than one person is called “{name}”; name the walk "
                                 "they were on.").format(name=walker))
    person_id, display = next(iter(found.items()))
    return person_id, display


def journal_data(services: Services, walker: str, walk_id: str | None = None) -> JournalData:
    """Every walk the walker was on, oldest first, with their commitments (and how each
    went when reviewed) and their reflections."""
    person_id, display = find_person(services, walker, walk_id)
    # Only the walks they were on, and only their own commitments and reflections: never
    # every walk's whole record (its notes above all).
    records = services.records.walker_records(person_id)
    protocols = {r.walk.id: report_protocol(services, r.walk.id)[0] for r in records}
    return journal_from_records(records, person_id, display, protocols)


T = TypeVar("T", d.Commitment, d.Reflection)


def _families(items: Sequence[T]) -> list[T]:
    """One item per family: a conflict's other versions are not more items."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.family not in seen:
            seen.add(item.family)
            out.append(item)
    return out


def _with_versions(item: d.Commitment | d.Reflection,
                   items: Sequence[d.Commitment | d.Reflection]) -> str:
    """The item's text, and any other version of it not yet resolved (never dropped)."""
    others = [o.text for o in items if o.family == item.family and o.id != item.id
              and o.text.strip()]
    if not others:
        return item.text
    return item.text + "".join(
        " " + tr("(another version, not yet resolved: “{text}”)").format(text=o)
        for o in others)


def journal_from_records(records: Sequence[d.WalkRecord], person_id: str, display: str,
                         protocols: Mapping[str, Protocol | None] | None = None
                         ) -> JournalData:
    """`protocols`: each walk's protocol by walk id, for its words (missing or None:
    walkapp's)."""
    entries = []
    for record in sorted(records, key=lambda r: (r.walk.walk_date, r.walk.created_at)):
        mine = {p.id for p in record.walk.participants if p.person_id == person_id}
        if not mine:
            continue
        commitments = tuple(JournalCommitment(_with_versions(c, record.commitments),
                                              c.status.value, c.review_note,
                                              carried=c.carried_from_id is not None)
                            for c in _families(record.commitments)
                            if c.participant_id in mine and c.text.strip())
        reflections = tuple((r.prompt, _with_versions(r, record.reflections))
                            for r in _families(record.reflections)
                            if r.author_id in mine and r.text.strip())
        words = commitments_words((protocols or {}).get(record.walk.id))
        protocol = (protocols or {}).get(record.walk.id)
        entries.append(JournalWalk(heading(record.walk, protocol.title if protocol else ""),
                                   commitments, reflections,
                                   commitments_heading=words or tr("Commitments")))
    return JournalData(walker=display, walks=tuple(entries))
