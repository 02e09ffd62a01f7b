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


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:4])
    return fmt.tr("{names} and others").format(names=shown) if len(names) > 4 else shown


def look_for_warning(session: Session, look_for_id: str) -> str | None:
    """What removing the look-for means while kits are out, or None when none are."""
    row = session.get(m.LookFor, look_for_id)
    if row is None:
        return None
    names = walkers_with_kits_out(session, row.walk_id, row.created_at)
    if not names:
        return None
    return fmt.plural(
        len(names),
        "{n} walker's kit includes the look-for “{look_for}” ({names}), and their notes have "
        "not come back since the kit was made: notes they tag with it will arrive without the "
        "tag. Their text is kept, and the import report says which notes arrived without it.",
        "{n} walkers' kits include the look-for “{look_for}” ({names}), and their notes have "
        "not come back since the kit was made: notes they tag with it will arrive without the "
        "tag. Their text is kept, and the import report says which notes arrived without it.",
    ).format(look_for=row.text, names=_names(names))


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
    visit = fmt.number(row.position)
    if notes:
        parts.append(fmt.plural(
            notes, "Visit {visit} has {n} note here; it stays in the walk, shown under "
                   "“{label}”.",
            "Visit {visit} has {n} notes here; they stay in the walk, shown under “{label}”.",
        ).format(visit=visit, label=label))
    if names and notes:
        parts.append(fmt.plural(
            len(names),
            "{n} walker's kit includes Visit {visit} ({names}), and their notes have not come "
            "back since the kit was made: notes they write on it will arrive on the removed "
            "visit, too.",
            "{n} walkers' kits include Visit {visit} ({names}), and their notes have not come "
            "back since the kit was made: notes they write on it will arrive on the removed "
            "visit, too.").format(visit=visit, names=_names(names)))
    elif names:
        parts.append(fmt.plural(
            len(names),
            "{n} walker's kit includes Visit {visit} ({names}), and their notes have not come "
            "back since the kit was made: notes they write on it will arrive on the removed "
            "visit, shown under “{label}”.",
            "{n} walkers' kits include Visit {visit} ({names}), and their notes have not come "
            "back since the kit was made: notes they write on it will arrive on the removed "
            "visit, shown under “{label}”.").format(visit=visit, names=_names(names),
                                                    label=label))
    return " ".join(parts) or None
