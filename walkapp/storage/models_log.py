"""The facilitator's communication log: dated notes of meetings, messages and other
exchanges with teachers (migration 0013).

It is the facilitator's own record, not a walk's: an entry may point at a walk (what the
meeting was about), yet it never travels with that walk. No walk kit, notes file, shared
export, owner's export or merge carries it (tests/core/test_comm_log_privacy.py plants an
entry and searches every byte of each); it leaves this laptop only in a portfolio, as
the facilitator chooses there (walkapp.exports.portfolio), anonymised by default.

Part of `walkapp.storage.models`, which re-exports it. No `from __future__ import
annotations` (see walkapp.storage.models).
"""

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from walkapp.storage.model_base import ID, Base, Timestamped
from walkapp.storage.types import new_id


class LogEntry(Timestamped, Base):
    """One entry: a meeting, a message or a note, on a day, with someone (free text)."""

    __tablename__ = "log_entries"
    __table_args__ = (
        CheckConstraint("kind IN ('meeting', 'message', 'note')", name="kind"),
        Index("ix_log_entries_entry_date", "entry_date"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16), default="note")
    entry_date: Mapped[date] = mapped_column(Date)
    # Whoever it was with, as the facilitator wrote it ("Ms Ortiz", "the Year 4 team").
    with_whom: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    # The walk it is about, if any. A walk removed for good leaves the entry, unlinked.
    walk_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("walks.id", ondelete="SET NULL"), index=True, default=None)
