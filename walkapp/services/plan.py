"""A walk's plan: roster and groups, the route of visits, look-fors and norms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp import visit_fields
from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.protocol.library import DEFAULT_PROTOCOL_ID, builtin_protocol
from walkapp.protocol.roles import MAX_DETAIL_CHARS
from walkapp.protocol.schema import Protocol
from walkapp.protocol.snapshot import from_snapshot
from walkapp.services import convert, kits_out
from walkapp.services import validate as v
from walkapp.services.base import ServiceBase
from walkapp.services.walks import live_walk
from walkapp.storage import models as m
from walkapp.storage.types import utcnow

# Strings: the models are imported when first used (walkapp.storage).
Ordered = TypeVar("Ordered", "m.Visit", "m.LookFor", "m.Norm", "m.Participant", "m.Group")


def name_key(name: str) -> str:
    """How two spellings of one person's name are recognised as the same person."""
    return " ".join(name.casefold().split())


def protocol_of_walk(walk: m.Walk) -> Protocol:
    """The protocol the walk runs (its snapshot; a walk from before snapshots: the
    built-in of its id), as walkapp.services.protocol_walks.walk_protocol finds it."""
    if walk.protocol_snapshot.strip():
        return from_snapshot(walk.protocol_snapshot, walk.protocol_hash or None)
    try:
        return builtin_protocol(walk.protocol_id or DEFAULT_PROTOCOL_ID)
    except NotFoundError:
        return builtin_protocol(DEFAULT_PROTOCOL_ID)


def _role_detail(value: object) -> str:
    """What a walker's role is about for them: one line (line breaks read as spaces)."""
    if value is not None and not isinstance(value, str):
        raise ValidationError(tr("The role's detail should be text."))
    line = " ".join((value or "").split())
    return v.optional_text(line, N_("The role's detail"), MAX_DETAIL_CHARS) or ""


def _require_walk(session: Session, walk_id: str) -> m.Walk:
    return live_walk(session, walk_id)


def _in_walk(model: type[Ordered], walk_id: str) -> Any:
    """The rows of `model` that are part of the walk's plan: a removed visit (a tombstone
    kept for its notes) is not, and keeps the number it had when it was removed."""
    where = model.walk_id == walk_id
    return where & m.Visit.deleted_at.is_(None) if model is m.Visit else where


def _next_position(session: Session, model: type[Ordered], walk_id: str) -> int:
    current = session.scalar(select(func.max(model.position)).where(_in_walk(model, walk_id)))
    return (current or 0) + 1


def _get(session: Session, model: type[Ordered], row_id: str, what: str) -> Ordered:
    row = session.get(model, row_id)
    if row is None or (isinstance(row, m.Visit) and row.deleted_at is not None):
        raise NotFoundError(tr("No {what} with id {row_id}.").format(what=what, row_id=row_id))
    return row


def _renumber(session: Session, model: type[Ordered], walk_id: str) -> None:
    rows = session.scalars(select(model).where(_in_walk(model, walk_id))
                           .order_by(model.position)).all()
    for index, row in enumerate(rows, start=1):
        row.position = index


def _move(session: Session, model: type[Ordered], row_id: str, new_position: int,
          what: str) -> Ordered:
    row = _get(session, model, row_id, what)
    rows = list(session.scalars(select(model).where(_in_walk(model, row.walk_id))
                                .order_by(model.position)).all())
    rows.remove(row)
    index = max(0, min(len(rows), new_position - 1))
    rows.insert(index, row)
    for position, item in enumerate(rows, start=1):
        item.position = position
    return row


class PlanService(ServiceBase):
    # -- people ----------------------------------------------------------------------------
    def add_participant(self, walk_id: str, display_name: str,
                        role: d.Role | str = d.Role.WALKER,
                        group_id: str | None = None) -> d.Participant:
        name = v.required_text(display_name, N_("The walker's name"), v.MAX_NAME_CHARS)
        role = v.choice(d.Role, role, "Role")
        with self.db.transaction(N_("adding a walker")) as session:
            _require_walk(session, walk_id)
            key = name_key(name)
            person = session.scalars(select(m.Person).where(m.Person.name_key == key)
                                     .order_by(m.Person.created_at)).first()
            if person is None:
                person = m.Person(display_name=name, name_key=key)
                session.add(person)
                session.flush()
            if group_id is not None:
                self._check_group(session, walk_id, group_id)
            row = m.Participant(walk_id=walk_id, display_name=name, role=role.value,
                                person_id=person.id, group_id=group_id,
                                position=_next_position(session, m.Participant, walk_id))
            session.add(row)
            session.flush()
            result = convert.participant(row)
        self.publish(Entity.PARTICIPANT, Action.ADDED, walk_id, result.id)
        return result

    def update_participant(self, participant_id: str, **changes: Any) -> d.Participant:
        with self.db.transaction(N_("saving the walker")) as session:
            row = _get(session, m.Participant, participant_id, "walker")
            for key, value in changes.items():
                if key == "display_name":
                    row.display_name = v.required_text(value, N_("The walker's name"),
                                                       v.MAX_NAME_CHARS)
                elif key == "role":
                    row.role = v.choice(d.Role, value, "Role").value
                elif key == "group_id":
                    if value is not None:
                        self._check_group(session, row.walk_id, value)
                    row.group_id = value
                elif key == "protocol_role":
                    row.protocol_role = self._protocol_role(row.walk, value)
                elif key == "role_detail":
                    row.role_detail = _role_detail(value)
                else:
                    raise ValidationError(tr("Cannot change {key} of a walker.").format(key=key))
            session.flush()
            result = convert.participant(row)
        self.publish(Entity.PARTICIPANT, Action.UPDATED, result.walk_id, result.id)
        return result

    def put_in_group(self, participant_ids: Sequence[str], group_id: str | None
                     ) -> list[d.Participant]:
        """Put several people of one walk in one group (None: in no group), in one
        transaction: one action of the facilitator, one write (and one step to undo)."""
        with self.db.transaction(N_("putting walkers in a group")) as session:
            rows = [_get(session, m.Participant, pid, "walker") for pid in participant_ids]
            walks = {row.walk_id for row in rows}
            if len(walks) > 1:
                raise ValidationError(tr("Those people are not all on the same walk."))
            if not rows:
                return []
            walk_id = rows[0].walk_id
            if group_id is not None:
                self._check_group(session, walk_id, group_id)
            for row in rows:
                row.group_id = group_id
            session.flush()
            result = [convert.participant(row) for row in rows]
        self.publish(Entity.PARTICIPANT, Action.UPDATED, walk_id, *(r.id for r in result))
        return result

    def remove_participant(self, participant_id: str) -> None:
        with self.db.transaction(N_("removing the walker")) as session:
            row = _get(session, m.Participant, participant_id, "walker")
            walk_id = row.walk_id
            has_notes = session.scalar(select(func.count()).select_from(m.Note)
                                       .where(m.Note.author_id == row.id,
                                              m.Note.deleted_at.is_(None)))
            if has_notes:
                raise ValidationError(
                    tr("{display_name} has {has_notes} in this walk; their notes would be lost. "
                       "Keep them on the roster, or delete their notes first.").format(
                        display_name=row.display_name,
                        has_notes=fmt.plural(has_notes, 'note', 'notes')))
            session.delete(row)
            session.flush()
            _renumber(session, m.Participant, walk_id)
        self.publish(Entity.PARTICIPANT, Action.REMOVED, walk_id, participant_id)

    @staticmethod
    def _protocol_role(walk: m.Walk, value: object) -> str | None:
        """A role of the walk's protocol given at planning (`assign = true`), or None."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            raise ValidationError(tr("A walker's role is given by its key, as text."))
        key = value.strip()
        assignable = protocol_of_walk(walk).assignable_roles()
        if key not in {r.key for r in assignable}:
            offered = ", ".join(f"{r.key} ({r.title})" for r in assignable)
            if not offered:
                raise ValidationError(
                    tr("The walk's protocol gives no role “{key}” to walkers; it gives no "
                       "roles at planning.").format(key=key))
            raise ValidationError(
                tr("The walk's protocol gives no role “{key}” to walkers; choose one of: "
                   "{offered}.").format(key=key, offered=offered))
        return key

    @staticmethod
    def _check_group(session: Session, walk_id: str, group_id: str) -> None:
        group = session.get(m.Group, group_id)
        if group is None or group.walk_id != walk_id:
            raise NotFoundError(tr("That group is not part of this walk."))

    def add_group(self, walk_id: str, name: str) -> d.Group:
        clean = v.required_text(name, N_("The group's name"), v.MAX_NAME_CHARS)
        with self.db.transaction(N_("adding a group")) as session:
            _require_walk(session, walk_id)
            row = m.Group(walk_id=walk_id, name=clean,
                          position=_next_position(session, m.Group, walk_id))
            session.add(row)
            session.flush()
            result = d.Group(id=row.id, walk_id=walk_id, name=row.name, position=row.position)
        self.publish(Entity.GROUP, Action.ADDED, walk_id, result.id)
        return result

    def rename_group(self, group_id: str, name: str) -> None:
        clean = v.required_text(name, N_("The group's name"), v.MAX_NAME_CHARS)
        with self.db.transaction(N_("renaming the group")) as session:
            row = _get(session, m.Group, group_id, "group")
            row.name = clean
            walk_id = row.walk_id
        self.publish(Entity.GROUP, Action.UPDATED, walk_id, group_id)

    def remove_group(self, group_id: str) -> None:
        """Remove a group; its walkers stay on the roster without a group."""
        with self.db.transaction(N_("removing the group")) as session:
            row = _get(session, m.Group, group_id, "group")
            walk_id = row.walk_id
            for p in session.scalars(select(m.Participant)
                                     .where(m.Participant.group_id == group_id)):
                p.group_id = None
            session.delete(row)
            session.flush()
            _renumber(session, m.Group, walk_id)
        self.publish(Entity.GROUP, Action.REMOVED, walk_id, group_id)

    # -- visits ----------------------------------------------------------------------------
    def add_visit(self, walk_id: str, **fields: str | None) -> d.Visit:
        """A visit at the end of the route; `fields`: any of walkapp.visit_fields (room=…)."""
        clean = self._visit_fields(**fields)
        with self.db.transaction(N_("adding a visit")) as session:
            _require_walk(session, walk_id)
            row = m.Visit(walk_id=walk_id, position=_next_position(session, m.Visit, walk_id),
                          **clean)
            session.add(row)
            session.flush()
            result = convert.visit(row)
        self.publish(Entity.VISIT, Action.ADDED, walk_id, result.id)
        return result

    @staticmethod
    def _visit_fields(**fields: str | None) -> dict[str, str | None]:
        clean: dict[str, str | None] = {}
        for key, value in fields.items():
            field = visit_fields.field_named(key)
            if field is None:
                raise ValidationError(tr("Cannot change {key} of a visit.").format(key=key))
            clean[key] = v.optional_text(value, field.what, field.max_chars)
        return clean

    def update_visit(self, visit_id: str, **fields: str | None) -> d.Visit:
        clean = self._visit_fields(**fields)
        with self.db.transaction(N_("saving the visit")) as session:
            row = _get(session, m.Visit, visit_id, "visit")
            for key, value in clean.items():
                setattr(row, key, value)
            session.flush()
            result = convert.visit(row)
        self.publish(Entity.VISIT, Action.UPDATED, result.walk_id, visit_id)
        return result

    def remove_visit(self, visit_id: str) -> None:
        """Take the visit off the route. Its row stays as a tombstone: notes written on it
        (here, or still on walkers' laptops) keep it and are shown under "Removed visit"
        (see `d.Visit.label`), so removing a visit never loses a note."""
        with self.db.transaction(N_("removing the visit")) as session:
            row = _get(session, m.Visit, visit_id, "visit")
            walk_id = row.walk_id
            row.deleted_at = utcnow()
            session.flush()
            _renumber(session, m.Visit, walk_id)
        self.publish(Entity.VISIT, Action.REMOVED, walk_id, visit_id)

    def visit_removal_warning(self, visit_id: str) -> str | None:
        """What removing the visit would mean, to say first: its notes here, and walk kits
        still out with it (see `walkapp.services.kits_out`); None when nothing needs
        saying."""
        with self.db.transaction() as session:
            return kits_out.visit_warning(session, visit_id)

    def look_for_removal_warning(self, look_for_id: str) -> str | None:
        """What removing the look-for would mean while walk kits are out, or None."""
        with self.db.transaction() as session:
            return kits_out.look_for_warning(session, look_for_id)

    def move_visit(self, visit_id: str, new_position: int) -> None:
        with self.db.transaction(N_("reordering visits")) as session:
            row = _move(session, m.Visit, visit_id, new_position, "visit")
            walk_id = row.walk_id
        self.publish(Entity.VISIT, Action.UPDATED, walk_id)

    # -- look-fors and norms ---------------------------------------------------------------
    def add_look_for(self, walk_id: str, text: str, description: str = "") -> d.LookFor:
        clean = v.required_text(text, N_("The look-for"), 500)
        with self.db.transaction(N_("adding a look-for")) as session:
            _require_walk(session, walk_id)
            row = m.LookFor(walk_id=walk_id, text=clean,
                            description=v.body_text(description, N_("The description"), 5000),
                            position=_next_position(session, m.LookFor, walk_id))
            session.add(row)
            session.flush()
            result = convert.look_for(row)
        self.publish(Entity.LOOK_FOR, Action.ADDED, walk_id, result.id)
        return result

    def update_look_for(self, look_for_id: str, text: str | None = None,
                        description: str | None = None) -> d.LookFor:
        """Change a look-for's words, its "what it looks like" description, or both (None:
        kept as it is)."""
        clean = None if text is None else v.required_text(text, N_("The look-for"), 500)
        with self.db.transaction(N_("saving the look-for")) as session:
            row = _get(session, m.LookFor, look_for_id, "look-for")
            if clean is not None:
                row.text = clean
            if description is not None:
                row.description = v.body_text(description, N_("The description"), 5000)
            session.flush()
            result = convert.look_for(row)
        self.publish(Entity.LOOK_FOR, Action.UPDATED, result.walk_id, look_for_id)
        return result

    def move_look_for(self, look_for_id: str, new_position: int) -> None:
        with self.db.transaction(N_("reordering look-fors")) as session:
            walk_id = _move(session, m.LookFor, look_for_id, new_position, "look-for").walk_id
        self.publish(Entity.LOOK_FOR, Action.UPDATED, walk_id)

    def move_norm(self, norm_id: str, new_position: int) -> None:
        with self.db.transaction(N_("reordering norms")) as session:
            walk_id = _move(session, m.Norm, norm_id, new_position, "norm").walk_id
        self.publish(Entity.NORM, Action.UPDATED, walk_id)

    def remove_look_for(self, look_for_id: str) -> None:
        """Remove a look-for; notes keep their text and lose only that tag.

        The tag moves to each note's stale tags (never shown) rather than vanishing: a
        note's version covers its tags, and a tag dropped for real would look like an
        edit made here (a new version, a conflict with the walker's next edit). The name
        is kept so an import can say which tag later notes arrived without."""
        with self.db.transaction(N_("removing the look-for")) as session:
            row = _get(session, m.LookFor, look_for_id, "look-for")
            walk_id = row.walk_id
            tagged = session.scalars(
                select(m.Note).join(m.note_look_fors,
                                    m.note_look_fors.c.note_id == m.Note.id)
                .where(m.note_look_fors.c.look_for_id == look_for_id)).all()
            for note in tagged:
                note.stale_tags = [*note.stale_tags, look_for_id]
                # Not an edit of the note: its time stays the one its version covers
                # (left alone, the column's onupdate would stamp now, and the row would
                # no longer hash to its version: a notes file or data export written
                # from here would be refused as edited).
                flag_modified(note, "updated_at")
            session.merge(m.RemovedLookFor(id=row.id, walk_id=walk_id, text=row.text,
                                           removed_at=utcnow()))
            session.delete(row)
            session.flush()
            _renumber(session, m.LookFor, walk_id)
        self.publish(Entity.LOOK_FOR, Action.REMOVED, walk_id, look_for_id)

    def add_norm(self, walk_id: str, text: str, agreed: bool = False) -> d.Norm:
        clean = v.required_text(text, N_("The norm"), v.MAX_SHORT_TEXT_CHARS)
        with self.db.transaction(N_("adding a norm")) as session:
            _require_walk(session, walk_id)
            row = m.Norm(walk_id=walk_id, text=clean, agreed=agreed,
                         position=_next_position(session, m.Norm, walk_id))
            session.add(row)
            session.flush()
            result = convert.norm(row)
        self.publish(Entity.NORM, Action.ADDED, walk_id, result.id)
        return result

    def update_norm(self, norm_id: str, text: str | None = None,
                    agreed: bool | None = None) -> d.Norm:
        with self.db.transaction(N_("saving the norm")) as session:
            row = _get(session, m.Norm, norm_id, "norm")
            if text is not None:
                row.text = v.required_text(text, N_("The norm"), v.MAX_SHORT_TEXT_CHARS)
            if agreed is not None:
                row.agreed = bool(agreed)
            session.flush()
            result = convert.norm(row)
        self.publish(Entity.NORM, Action.UPDATED, result.walk_id, norm_id)
        return result

    def remove_norm(self, norm_id: str) -> None:
        with self.db.transaction(N_("removing the norm")) as session:
            row = _get(session, m.Norm, norm_id, "norm")
            walk_id = row.walk_id
            session.delete(row)
            session.flush()
            _renumber(session, m.Norm, walk_id)
        self.publish(Entity.NORM, Action.REMOVED, walk_id, norm_id)
