"""What an undo needs from the database: rows as they were, and putting them back.

An edit is undone by putting back the rows it changed as they were just before it ran. The
command says which row it acts on (walkapp.services.commands, `Acts`); `capture` reads that
row — and the rows its removal changes with it: a group's members, the notes a look-for
tags, a note's tags and history, an action item's follow-ups — as `RowState`s, on the
writer's thread just before the edit runs. `restore` writes them back in one transaction
and publishes the usual changes, so every screen shows the undone state. Capturing the
same rows again just before restoring gives what a redo puts back: undo and redo are the
same operation.

A row that was not there (the edit added it) is taken away again: a row that travels
between laptops (notes, reflections, commitments, feedback) becomes a tombstone, as a
delete does, and a visit with notes written on it since is taken off the route as a
tombstone, as its removal would be; any other row is deleted, unless something was written
on it since (a walker's notes), which is refused with a plain message rather than deleting
that too.

Nothing here is Qt; the states stay in memory (the ui's undo stacks) and are never saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import delete, func, insert, inspect, select
from sqlalchemy.orm import Session

from walkapp.errors import NotFoundError, ValidationError
from walkapp.events import Action, Entity
from walkapp.formatting import N_, tr
from walkapp.services.base import ServiceBase
from walkapp.storage import models as m
from walkapp.storage.types import utcnow

__all__ = ["RowState", "UndoService", "absent"]

# Each model an edit can touch: what a change of it is about, for the screens' refresh.
_ENTITIES: dict[str, Entity | None] = {
    "Walk": Entity.WALK, "Participant": Entity.PARTICIPANT, "Group": Entity.GROUP,
    "Visit": Entity.VISIT, "LookFor": Entity.LOOK_FOR, "Norm": Entity.NORM,
    "Note": Entity.NOTE, "Reflection": Entity.REFLECTION, "Commitment": Entity.COMMITMENT,
    "ActionItem": Entity.ACTION_ITEM, "ActionFollowUp": Entity.ACTION_ITEM,
    "Pattern": Entity.PATTERN, "NextStep": Entity.NEXT_STEP, "Feedback": Entity.FEEDBACK,
    "StepResponse": Entity.STEP_RESPONSE, "RemovedLookFor": None, "NoteHistory": None,
    "Tally": Entity.TALLY, "LogEntry": Entity.LOG_ENTRY,
}
# Plan lists kept numbered 1..n (walkapp.services.plan): a row put back takes its place.
_ORDERED = frozenset({"Participant", "Group", "Visit", "LookFor", "Norm"})
# What a travelling row's tombstone keeps of its words: nothing.
_WORDS = ("text", "answer", "review_note")
# Columns an undo never puts back: the row's own bookkeeping.
_BOOKKEEPING = frozenset({"updated_at", "revision"})


@dataclass(frozen=True)
class RowState:
    """One row as it was: `values` (all its columns, or only `fields` of them), or None
    when it was not there. `tags`: a note's look-for ids (None: not part of this state).
    `bump`: putting it back is an edit made here (a travelling row's revision grows, so
    the change reaches other laptops); False for a note that only gets back a tag."""

    model: str
    id: str
    values: Mapping[str, Any] | None
    fields: tuple[str, ...] | None = None
    tags: tuple[str, ...] | None = None
    bump: bool = True
    # Removed with its parent (a walker's reflection goes when the walker goes): taken
    # away for real, not left as a tombstone that would keep the parent.
    owned: bool = False

    def __post_init__(self) -> None:
        if self.values is not None:
            object.__setattr__(self, "values", MappingProxyType(dict(self.values)))


def absent(model: str, row_id: str) -> RowState:
    """The state "this row is not there": restoring it takes the row away."""
    return RowState(model, row_id, None)


def _model(name: str) -> Any:
    if name not in _ENTITIES:
        raise ValueError(f"undo does not know the model {name!r}")
    return getattr(m, name)


def _get(session: Session, model: Any, row_id: str) -> Any:
    # A note's history rows are numbered; every other row has a text id.
    return session.get(model, int(row_id) if model is m.NoteHistory else row_id)


def _walk_id_of(row: Any) -> str | None:
    if isinstance(row, m.LogEntry):
        return None  # the facilitator's own log: about a walk, never part of one
    if isinstance(row, m.Walk):
        return row.id
    if isinstance(row, m.ActionItem):
        return row.origin_walk_id
    return getattr(row, "walk_id", None)


def _columns(model: Any) -> list[str]:
    return [attr.key for attr in inspect(model).column_attrs]


def _travels(model: Any) -> bool:
    return issubclass(model, m.Travelling)


def _note_tags(session: Session, note_id: str) -> tuple[str, ...]:
    rows = session.execute(select(m.note_look_fors.c.look_for_id)
                           .where(m.note_look_fors.c.note_id == note_id)).scalars()
    return tuple(sorted(rows))


class UndoService(ServiceBase):
    # -- reading what is there now ---------------------------------------------------------
    def capture(self, model: str, row_id: str,
                fields: Sequence[str] | None = None) -> tuple[RowState, ...]:
        """The row (all of it, or only `fields`) and, when all of it, the rows its removal
        changes with it. NotFoundError when the row is not there (the edit will say so)."""
        with self.db.transaction() as session:
            row = _get(session, _model(model), row_id)
            if row is None:
                raise NotFoundError(tr("That was removed in the meantime."))
            return tuple(self._capture(session, model, row, fields))

    def capture_like(self, states: Iterable[RowState]) -> tuple[RowState, ...]:
        """The same rows (same fields, same tags) as they are now: what a redo puts back."""
        with self.db.transaction() as session:
            return tuple(self._state(session, s.model, s.id, s.fields, s.tags is not None,
                                     s.bump, s.owned) for s in states)

    def follow_up_ids(self, item_id: str) -> list[str]:
        with self.db.transaction() as session:
            return list(session.scalars(select(m.ActionFollowUp.id)
                                        .where(m.ActionFollowUp.action_item_id == item_id)))

    def answer_id(self, walk_id: str, step_key: str, prompt_key: str,
                  author_id: str | None = None) -> str | None:
        """The row of a step's answer, if one was saved."""
        with self.db.transaction() as session:
            return session.scalar(select(m.StepResponse.id).where(
                m.StepResponse.walk_id == walk_id, m.StepResponse.step_key == step_key,
                m.StepResponse.prompt_key == prompt_key,
                m.StepResponse.author_key == (author_id or "")))

    def removal_warning(self, model: str, row_id: str) -> str | None:
        """What removing the row changes besides it, to say first (None: nothing else;
        walkapp.services.touches)."""
        from walkapp.services.touches import removal_warning

        with self.db.transaction() as session:
            return removal_warning(session, model, row_id)

    def walk_of(self, model: str, row_id: str) -> str | None:
        """The walk a row belongs to (None: no such row)."""
        with self.db.transaction() as session:
            row = _get(session, _model(model), row_id)
            return None if row is None else _walk_id_of(row)

    def _capture(self, session: Session, model: str, row: Any,
                 fields: Sequence[str] | None) -> list[RowState]:
        states = [self._state(session, model, row.id, fields, model == "Note")]
        if fields is not None:
            return states
        if model == "Group":
            members = session.scalars(select(m.Participant.id)
                                      .where(m.Participant.group_id == row.id))
            states += [self._state(session, "Participant", pid, ("group_id",), False)
                       for pid in members]
        elif model == "LookFor":
            tagged = session.scalars(select(m.note_look_fors.c.note_id)
                                     .where(m.note_look_fors.c.look_for_id == row.id))
            states += [self._state(session, "Note", nid, ("stale_look_for_ids",), True,
                                   bump=False) for nid in tagged]
            states.append(self._state(session, "RemovedLookFor", row.id, None, False))
        elif model == "Note":
            history = session.scalars(select(m.NoteHistory.id)
                                      .where(m.NoteHistory.note_id == row.id))
            states += [self._state(session, "NoteHistory", str(hid), None, False)
                       for hid in history]
        elif model == "Participant":
            # What they wrote is deleted with them (ON DELETE CASCADE): kept to put back.
            for child, by in ((m.Reflection, "author_id"), (m.Commitment, "participant_id"),
                              (m.Feedback, "author_id"), (m.Tally, "author_id")):
                ids = session.scalars(select(child.id).where(getattr(child, by) == row.id))
                states += [self._state(session, child.__name__, cid, None, False, owned=True)
                           for cid in ids]
        elif model == "ActionItem":
            follow_ups = session.scalars(select(m.ActionFollowUp.id)
                                         .where(m.ActionFollowUp.action_item_id == row.id))
            states += [self._state(session, "ActionFollowUp", fid, None, False)
                       for fid in follow_ups]
        return states

    @staticmethod
    def _state(session: Session, model: str, row_id: str, fields: Sequence[str] | None,
               with_tags: bool, bump: bool = True, owned: bool = False) -> RowState:
        kept = tuple(fields) if fields is not None else None
        row = _get(session, _model(model), row_id)
        if row is None:
            return RowState(model, row_id, None, kept, bump=bump, owned=owned)
        names = list(kept) if kept is not None else _columns(type(row))
        values = {name: getattr(row, name) for name in names}
        tags = _note_tags(session, row_id) if with_tags else None
        return RowState(model, row_id, values, kept, tags, bump, owned)

    # -- putting back ----------------------------------------------------------------------
    def restore(self, states: Sequence[RowState]) -> None:
        """Put every row back as `states` say, in one transaction (all or nothing)."""
        changes: list[tuple[Entity, Action, str | None, str]] = []
        with self.db.transaction(N_("undoing")) as session:
            for state in states:
                if state.values is not None:
                    changes.append(self._put(session, state))
            for state in reversed(states):
                if state.values is None:
                    change = self._take(session, state)
                    if change is not None:
                        changes.append(change)
        for entity, action, walk_id, row_id in changes:
            if entity is not None:
                self.publish(entity, action, walk_id, row_id)

    def _put(self, session: Session, state: RowState) -> tuple[Any, Action, str | None, str]:
        model = _model(state.model)
        assert state.values is not None
        row = _get(session, model, state.id)
        values = {k: v for k, v in state.values.items() if k not in _BOOKKEEPING}
        if row is None:
            row = model(**values)
            if "revision" in state.values:
                row.revision = state.values["revision"]
            session.add(row)
            action = Action.ADDED
            session.flush()
        else:
            revived = getattr(row, "deleted_at", None) is not None \
                and values.get("deleted_at", row.deleted_at) is None
            differs = any(getattr(row, k) != v for k, v in values.items())
            for key, value in values.items():
                setattr(row, key, value)
            if state.tags is not None:
                differs = self._put_tags(session, row.id, state.tags) or differs
            if _travels(model) and state.bump and differs:
                row.revision += 1
            if hasattr(row, "updated_at") and differs:
                row.updated_at = utcnow()
            action = Action.ADDED if revived else Action.UPDATED
            session.flush()
        if state.tags is not None and action is Action.ADDED:
            self._put_tags(session, row.id, state.tags)
        if state.model in _ORDERED and "position" in values \
                and getattr(row, "deleted_at", None) is None:
            from walkapp.services.plan import _move  # plan imports this module's callers

            _move(session, model, row.id, int(values["position"]), "row")
        elif state.model == "Visit" and values.get("deleted_at") is not None:
            from walkapp.services.plan import _renumber

            _renumber(session, model, row.walk_id)
        entity_row = row.action_item_id if state.model == "ActionFollowUp" else row.id
        if state.model == "ActionFollowUp":
            action = Action.UPDATED
        walk = _walk_id_of(row) if state.model != "ActionFollowUp" else self._item_walk(
            session, row.action_item_id)
        return _ENTITIES[state.model], action, walk, entity_row

    @staticmethod
    def _item_walk(session: Session, item_id: str) -> str | None:
        item = session.get(m.ActionItem, item_id)
        return None if item is None else item.origin_walk_id

    @staticmethod
    def _put_tags(session: Session, note_id: str, tags: tuple[str, ...]) -> bool:
        """Give the note exactly `tags` (those of them still in the walk); True if that
        changed them."""
        live = set(session.scalars(select(m.LookFor.id).where(m.LookFor.id.in_(tags)))) \
            if tags else set()
        wanted = tuple(sorted(t for t in tags if t in live))
        if _note_tags(session, note_id) == wanted:
            return False
        session.execute(delete(m.note_look_fors).where(m.note_look_fors.c.note_id == note_id))
        if wanted:
            session.execute(insert(m.note_look_fors),
                            [{"note_id": note_id, "look_for_id": t} for t in wanted])
        session.expire_all()
        return True

    def _take(self, session: Session, state: RowState
              ) -> tuple[Any, Action, str | None, str] | None:
        model = _model(state.model)
        row = _get(session, model, state.id)
        if row is None:
            return None
        walk_id = _walk_id_of(row)
        if state.model == "ActionFollowUp":
            item_id = row.action_item_id
            session.delete(row)
            session.flush()
            return Entity.ACTION_ITEM, Action.UPDATED, self._item_walk(session, item_id), item_id
        if state.owned:
            session.delete(row)
            session.flush()
            return _ENTITIES[state.model], Action.REMOVED, walk_id, state.id
        if _travels(model):
            # A row that travels keeps a tombstone, so taking it away reaches other laptops.
            if row.deleted_at is not None:
                return None
            row.deleted_at = utcnow()
            for words in _WORDS:
                if hasattr(row, words):
                    setattr(row, words, "")
            if state.model == "Note":
                from walkapp.services.history import forget_history

                forget_history(session, row.id)
                row.look_fors = []
                row.stale_tags = []
            row.revision += 1
        elif state.model == "Visit" and session.scalar(
                select(func.count()).select_from(m.Note).where(m.Note.visit_id == row.id)):
            # Notes were written on it since: off the route as a tombstone, as a removal
            # does (walkapp.services.plan.remove_visit), so no note is lost.
            if row.deleted_at is not None:
                return None
            row.deleted_at = utcnow()
            session.flush()
            from walkapp.services.plan import _renumber

            _renumber(session, model, row.walk_id)
        else:
            self._refuse_if_used(session, model, row)
            session.delete(row)
            session.flush()
            if state.model in _ORDERED and walk_id is not None:
                from walkapp.services.plan import _renumber

                _renumber(session, model, walk_id)
        session.flush()
        return _ENTITIES[state.model], Action.REMOVED, walk_id, state.id

    @staticmethod
    def _refuse_if_used(session: Session, model: Any, row: Any) -> None:
        """Deleting `row` would delete (ON DELETE CASCADE) rows written on it since: say
        so instead."""
        table = model.__table__
        for other in m.Base.metadata.sorted_tables:
            for fk in other.foreign_keys:
                if fk.column.table is not table or fk.ondelete != "CASCADE":
                    continue
                if other.name == "walk_counts":
                    continue
                used = session.scalar(select(func.count()).select_from(other)
                                      .where(fk.parent == getattr(row, fk.column.key)))
                if used:
                    raise ValidationError(
                        tr("This cannot be undone: something was written on it since (for "
                           "example a note or a commitment; {value}).").format(
                            value=other.name.replace('_', ' ')))
