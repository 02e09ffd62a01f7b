"""What an edit changes besides the row it is about, said before it is made.

Removing a look-for takes its tag off the notes it tags; removing a group leaves its
walkers without one; removing a walker takes their reflections, commitments and feedback
with them (their notes keep them on the roster: walkapp.services.plan refuses); removing a
visit moves its notes under "Removed visit" (walkapp.services.kits_out says that, and which
walkers still hold a kit). `removal_warning` is the one place that finds these, so every
screen asks the same question; None means the edit touches nothing else and needs no
confirmation. Each message ends by saying it can be undone (walkapp.services.undo).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from walkapp import formatting as fmt
from walkapp.services import kits_out
from walkapp.storage import models as m

__all__ = ["UNDO_HINT", "removal_warning"]

UNDO_HINT = fmt.N_("You can undo this (Edit ▸ Undo, Ctrl+Z).")  # translated where shown


def _count(session: Session, query: Any) -> int:
    return int(session.scalar(query) or 0)


def removal_warning(session: Session, model: str, row_id: str) -> str | None:
    """What removing the row (a "LookFor", "Group", "Participant" or "Visit") changes
    besides it, in a sentence or two; None when nothing else."""
    parts: list[str] = []
    if model == "LookFor":
        row = session.get(m.LookFor, row_id)
        if row is None:
            return None
        tagged = _count(session, select(func.count()).select_from(m.note_look_fors)
                        .join(m.Note, m.Note.id == m.note_look_fors.c.note_id)
                        .where(m.note_look_fors.c.look_for_id == row_id,
                               m.Note.deleted_at.is_(None)))
        if tagged:
            parts.append(fmt.plural(
                tagged, "{n} note is tagged “{look_for}”: the tag is removed from them (their "
                        "words stay).",
                "{n} notes are tagged “{look_for}”: the tag is removed from them (their words "
                "stay).").format(look_for=row.text))
        kits = kits_out.look_for_warning(session, row_id)
        if kits:
            parts.append(kits)
    elif model == "Group":
        group = session.get(m.Group, row_id)
        if group is None:
            return None
        members = _count(session, select(func.count()).select_from(m.Participant)
                         .where(m.Participant.group_id == row_id))
        if members:
            parts.append(fmt.plural(
                members, "{n} walker is in “{group}”: they stay on the roster without a group.",
                "{n} walkers are in “{group}”: they stay on the roster without a group.",
            ).format(group=group.name))
    elif model == "Participant":
        person = session.get(m.Participant, row_id)
        if person is None:
            return None
        written = [
            fmt.plural(n, one, many) for n, one, many in (
                (_count(session, select(func.count()).select_from(m.Reflection).where(
                    m.Reflection.author_id == row_id, m.Reflection.deleted_at.is_(None))),
                 "reflection", "reflections"),
                (_count(session, select(func.count()).select_from(m.Commitment).where(
                    m.Commitment.participant_id == row_id,
                    m.Commitment.deleted_at.is_(None))), "commitment", "commitments"),
                (_count(session, select(func.count()).select_from(m.Feedback).where(
                    m.Feedback.author_id == row_id, m.Feedback.deleted_at.is_(None))),
                 "feedback answer", "feedback answers"),
                (_count(session, select(func.count()).select_from(m.Tally).where(
                    m.Tally.author_id == row_id, m.Tally.deleted_at.is_(None))),
                 "count", "counts"))
            if n]
        if written:
            what = written[-1] if len(written) == 1 else fmt.tr("{items} and {last}").format(
                items=", ".join(written[:-1]), last=written[-1])
            parts.append(fmt.tr("{name} wrote {what} in this walk: they are removed with "
                                "{name}.").format(name=person.display_name, what=what))
    elif model == "Visit":
        said = kits_out.visit_warning(session, row_id)
        if said:
            parts.append(said)
    else:
        raise ValueError(f"no removal warning for {model!r}")
    if not parts:
        return None
    return " ".join([*parts, fmt.tr(UNDO_HINT)])
