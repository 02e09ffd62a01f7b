"""Which walkers' kits are out with a look-for or a visit in them: said before it is removed.

The rule, kept simple so the message can state it. A walk kit is *out* for a walker from
the moment it is made until a notes file from that walker is imported here (a later kit
is out again). A kit for one walker counts for that walker; an "any walker" kit counts for
every walker on the roster who has not sent notes back since it was made, since anyone
may have opened it. A kit *includes* a look-for or visit that existed when it was made.
Notes that come back later still arrive whole (see `walkapp.bundles.refs.Refs`); this
only lets the facilitator know before removing something walkers may still be using.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.storage import models as m

_NEVER = datetime.min.replace(tzinfo=UTC)


def walkers_with_kits_out(session: Session, walk_id: str, since: datetime) -> list[str]:
    """Names (roster order) of walkers holding a kit made at or after `since` whose notes
    have not come back since that kit was made."""
    logs = session.scalars(select(m.BundleLog).where(m.BundleLog.walk_id == walk_id)).all()
    back: dict[str, datetime] = {}
    for log in logs:
        if log.kind == "notes" and log.participant_id is not None:
            back[log.participant_id] = max(log.made_at, back.get(log.participant_id,
                                                                 log.made_at))
    walkers = session.scalars(select(m.Participant).where(
        m.Participant.walk_id == walk_id, m.Participant.role == d.Role.WALKER.value)
        .order_by(m.Participant.position)).all()
    out: set[str] = set()
    for log in logs:
        if log.kind != "kit" or log.made_at < since:
            continue
        holders = [w for w in walkers if log.participant_id in (None, w.id)]
        out.update(w.id for w in holders if back.get(w.id, _NEVER) < log.made_at)
    return [w.display_name for w in walkers if w.id in out]


def _who(names: list[str], what: str) -> str:
    count = fmt.plural(len(names), "{n} walker's kit includes", "{n} walkers' kits include")
    shown = ", ".join(names[:4]) + (" and others" if len(names) > 4 else "")
    return (f"{count} {what} ({shown}), and their notes have "
            "not come back since the kit was made")


def look_for_warning(session: Session, look_for_id: str) -> str | None:
    """What removing the look-for means while kits are out, or None when none are."""
    row = session.get(m.LookFor, look_for_id)
    if row is None:
        return None
    names = walkers_with_kits_out(session, row.walk_id, row.created_at)
    if not names:
        return None
    return (f"{_who(names, f'the look-for “{row.text}”')}: notes they tag with it will "
            "arrive without the tag. Their text is kept, and the import report says which "
            "notes arrived without it.")


def visit_warning(session: Session, visit_id: str) -> str | None:
    """What removing the visit means while kits are out or it has notes, or None."""
    row = session.get(m.Visit, visit_id)
    if row is None or row.deleted_at is not None:
        return None
    label = d.Visit(id=row.id, walk_id=row.walk_id, position=row.position,
                    removed=True).label
    notes = len(session.scalars(select(m.Note.id).where(
        m.Note.visit_id == visit_id, m.Note.deleted_at.is_(None))).all())
    names = walkers_with_kits_out(session, row.walk_id, row.created_at)
    parts = []
    if notes:
        parts.append(f"Visit {fmt.number(row.position)} has "
                     f"{fmt.plural(notes, 'note', 'notes')} here; "
                     f"{'it stays' if notes == 1 else 'they stay'} in the walk, shown "
                     f"under “{label}”.")
    if names:
        shown = "too" if notes else f"shown under “{label}”"
        parts.append(f"{_who(names, f'Visit {fmt.number(row.position)}')}: notes they "
                     f"write on it will arrive on the removed visit, {shown}.")
    return " ".join(parts) or None
