"""Starting a walk from a protocol, and finding the protocol a walk runs.

A new walk stores a snapshot of its protocol (id, version, content hash and the canonical
JSON), so editing or deleting the protocol file later never changes the walk. The walk
starts with the protocol's timings and default norms (not yet agreed), the chosen look-for
set and N numbered visits — all in one transaction: either the whole plan is there or none.
"""

from __future__ import annotations

from datetime import date

from walkapp import domain as d
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.protocol.library import DEFAULT_PROTOCOL_ID, ProtocolLibrary, builtin_protocol
from walkapp.protocol.runner import Clock, PhaseSelection, ProtocolRunner, utc_clock
from walkapp.protocol.schema import VISIT_MINUTES_MAX, LookForSet, Protocol
from walkapp.protocol.snapshot import from_snapshot, to_snapshot
from walkapp.services import Services, convert
from walkapp.services import validate as v
from walkapp.services.base import shared_read
from walkapp.services.walks import load_walk
from walkapp.storage import models as m

MAX_VISITS = 50


def create_walk_from_protocol(services: Services, protocol: Protocol, title: str,
                              walk_date: date | str, focus: str = "",
                              look_for_set: LookForSet | str | None = None, visits: int = 0,
                              *, school: str | None = None) -> d.Walk:
    """Plan a new walk from `protocol`; returns the walk with its norms, look-fors, visits."""
    if isinstance(visits, bool) or not isinstance(visits, int) or not 0 <= visits <= MAX_VISITS:
        raise ValidationError(tr("The number of visits must be a whole number from 0 to "
                                 "{max_visits}.").format(
                                  max_visits=MAX_VISITS))
    chosen = _look_for_set(protocol, look_for_set)
    snapshot, content_hash = to_snapshot(protocol)
    row = m.Walk(
        title=v.required_text(title, N_("The walk's title"), v.MAX_TITLE_CHARS),
        walk_date=v.parse_date(walk_date, N_("The walk's date")),
        focus=v.body_text(focus, N_("The focus"), 20_000).strip(),
        school=v.optional_text(school, N_("The school's name"), v.MAX_TITLE_CHARS),
        language=protocol.language,
        protocol_id=protocol.id, protocol_version=protocol.version,
        protocol_hash=content_hash, protocol_snapshot=snapshot,
        visit_minutes=v.minutes(protocol.visit_minutes, N_("Visit length"), 1, VISIT_MINUTES_MAX),
        corridor_minutes=v.minutes(protocol.corridor_minutes, N_("Corridor talk"), 0, 30))
    with services.db.transaction(N_("creating the walk")) as session:
        session.add(row)
        session.flush()
        for position, text in enumerate(protocol.norms, start=1):
            session.add(m.Norm(walk_id=row.id, position=position, text=text, agreed=False))
        for position, item in enumerate(chosen.items if chosen else (), start=1):
            session.add(m.LookFor(walk_id=row.id, position=position, text=item.text,
                                  description=item.description))
        for position in range(1, visits + 1):
            session.add(m.Visit(walk_id=row.id, position=position))
        session.flush()
        walk = convert.walk(load_walk(session, row.id))
    services.walks.publish(Entity.WALK, Action.ADDED, walk.id, walk.id)
    return walk


def _look_for_set(protocol: Protocol, wanted: LookForSet | str | None) -> LookForSet | None:
    if wanted is None or isinstance(wanted, LookForSet):
        return wanted
    found = protocol.look_for_set(wanted)
    if found is None:
        keys = ", ".join(s.key for s in protocol.look_for_sets) or "none"
        raise ValidationError(tr("“{title}” has no look-for set “{wanted}” (it has: "
                                 "{keys}).").format(
                                  title=protocol.title, wanted=wanted, keys=keys))
    return found


def walk_protocol(services: Services, walk_id: str,
                  library: ProtocolLibrary | None = None) -> Protocol:
    """The exact protocol the walk runs, from its snapshot. A walk made before snapshots
    existed falls back to the library's protocol of the same id, then to the default.

    Within `same_reads()` the protocol made from a snapshot is shared like the walk (it is
    immutable): a walk's pages and runners each ask for it while the walk opens."""
    walk = services.walks.get_walk(walk_id)
    snapshot = services.walks.protocol_snapshot(walk_id)
    if snapshot.strip():
        expected = walk.protocol_hash or None
        protocol: Protocol = shared_read(
            (id(services.db), "walk_protocol", walk_id, snapshot, expected),
            lambda: from_snapshot(snapshot, expected))
        return protocol
    if library is not None and walk.protocol_id:
        try:
            return library.get(walk.protocol_id, walk.language)
        except NotFoundError:
            pass
    try:
        return builtin_protocol(walk.protocol_id or DEFAULT_PROTOCOL_ID, walk.language)
    except NotFoundError:
        return builtin_protocol(DEFAULT_PROTOCOL_ID)


def open_runner(services: Services, walk_id: str, *, phase: PhaseSelection = None,
                clock: Clock = utc_clock, library: ProtocolLibrary | None = None
                ) -> ProtocolRunner:
    """A runner for the walk, resumed from its phase log."""
    walk = services.walks.get_walk(walk_id)
    return ProtocolRunner(services.runs, walk, walk_protocol(services, walk_id, library),
                          phase=phase, clock=clock)

