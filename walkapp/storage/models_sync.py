"""The tables behind merging notes files and keeping text honest: the versions that
crossed between laptops, the kit's secrets, who started each family of versions, and the
earlier text of notes someone else replaced (`walkapp.bundles.merge`,
`walkapp.bundles.trust`, `walkapp.services.history`).

Part of `walkapp.storage.models`, which re-exports every class here; import them from
there. No `from __future__ import annotations` (see walkapp.storage.models).
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from walkapp.storage.model_base import ID, Base
from walkapp.storage.types import utcnow


class SyncVersion(Base):
    """One version of a travelling row (note, reflection, commitment, feedback) as it
    crossed from one laptop to another: an id that hashes its content and its parents.

    Only ids and parent links are kept, never the text: the text of the newest versions
    lives in the rows themselves, and older text must not linger once it was replaced or
    deleted. The parent links let a merge tell "newer" from "changed on both sides"
    (see `walkapp.bundles.merge`).
    """

    __tablename__ = "sync_versions"
    __table_args__ = (Index("ix_sync_versions_walk_entity", "walk_id", "entity"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    walk_id: Mapped[str] = mapped_column(ID, ForeignKey("walks.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(20))
    # The note (or reflection…) this version belongs to, and the row it was written in:
    # the same unless it was written in a conflict copy.
    family_id: Mapped[str] = mapped_column(ID)
    lane_id: Mapped[str] = mapped_column(ID)
    # Space-separated ids of the versions this one replaced ("" for a first version).
    parents: Mapped[str] = mapped_column(Text, default="")


class SyncRow(Base):
    """Which version a travelling row shows, and its revision when it last took part in a
    merge: a higher revision now means it was edited on this laptop since then."""

    __tablename__ = "sync_rows"
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    row_id: Mapped[str] = mapped_column(ID, primary_key=True)
    walk_id: Mapped[str] = mapped_column(ID, ForeignKey("walks.id", ondelete="CASCADE"),
                                         index=True)
    version_id: Mapped[str] = mapped_column(String(64))
    base_revision: Mapped[int] = mapped_column(Integer, default=0)


class WalkKey(Base):
    """The walk's kit secret, on the facilitator's laptop: every walker's secret is derived
    from it (`walkapp.bundles.trust`). It never leaves this laptop except inside a kit."""

    __tablename__ = "walk_keys"
    walk_id: Mapped[str] = mapped_column(ID, ForeignKey("walks.id", ondelete="CASCADE"),
                                         primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))  # 32 random bytes, hex
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WalkerKey(Base):
    """On a walker's laptop: the secret of the walker it holds the walk for, from the kit.
    Notes files written here are authenticated with it."""

    __tablename__ = "walker_keys"
    walk_id: Mapped[str] = mapped_column(ID, ForeignKey("walks.id", ondelete="CASCADE"),
                                         primary_key=True)
    participant_id: Mapped[str] = mapped_column(
        ID, ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    secret: Mapped[str] = mapped_column(String(64))


class SyncFamily(Base):
    """Who started a family of versions that arrived in a notes file: the walker whose
    authenticated file brought it first. Only that walker's files may change it. Families
    started on this laptop have no row: their owner is the author of their rows."""

    __tablename__ = "sync_families"
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    family_id: Mapped[str] = mapped_column(ID, primary_key=True)
    walk_id: Mapped[str] = mapped_column(ID, ForeignKey("walks.id", ondelete="CASCADE"),
                                         index=True)
    owner_id: Mapped[str | None] = mapped_column(ID, default=None)


class NoteHistory(Base):
    """A note's earlier text, kept when someone other than its author replaced it (the
    facilitator editing a walker's note), so the note's history can show what the walker
    wrote (`walkapp.services.history`). It goes with the note: deleting the note removes
    it (`NoteService.delete_note`, a merged deletion) and so does any removal of the row
    (ON DELETE CASCADE), because older text must not linger after a deletion."""

    __tablename__ = "note_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    walk_id: Mapped[str] = mapped_column(ID, ForeignKey("walks.id", ondelete="CASCADE"))
    note_id: Mapped[str] = mapped_column(ID, ForeignKey("notes.id", ondelete="CASCADE"),
                                         index=True)
    # Who wrote the text kept here (a participant; None = the facilitator), and when.
    author_id: Mapped[str | None] = mapped_column(ID, default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    written_at: Mapped[datetime] = mapped_column()
    # Who replaced it (None = the facilitator) and when; the note's revision after that,
    # which tells whether the note still shows the replacing text.
    replaced_by: Mapped[str | None] = mapped_column(ID, default=None)
    replaced_at: Mapped[datetime] = mapped_column()
    revision: Mapped[int] = mapped_column(Integer, default=0)
