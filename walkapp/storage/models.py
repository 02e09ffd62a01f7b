"""SQLAlchemy models: the tables behind a learning walk.

Every row that can travel between laptops (walk kits out, notes files back) has a UUID
string key. Timestamps are UTC. Rows a walker writes on their own laptop (notes,
reflections, commitments, feedback) carry a `revision` counter and a `deleted_at`
tombstone so that merging notes files never loses or resurrects text.

These classes are storage details: services turn them into the frozen dataclasses of
`walkapp.domain` before anything leaves a transaction.

No `from __future__ import annotations` here, on purpose: with it every one of the ~190
`Mapped[...]` annotations is a string that SQLAlchemy evaluates (`eval`) while the class
is mapped, at every start (about 30 ms of the desktop app's start); as plain expressions
they are evaluated once by Python. A relationship to a class defined further down names
it in quotes (`Mapped[list["Group"]]`), which SQLAlchemy resolves when the mappers are
configured.
"""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

# The base, the shared columns and the merge's and history's tables live in model_base and
# models_sync; they are named here too, so every model is `walkapp.storage.models.<Name>`.
from walkapp.storage.model_base import ID as ID
from walkapp.storage.model_base import NAMING_CONVENTION as NAMING_CONVENTION
from walkapp.storage.model_base import Base as Base
from walkapp.storage.model_base import Timestamped as Timestamped
from walkapp.storage.model_base import Travelling as Travelling
from walkapp.storage.models_log import LogEntry as LogEntry
from walkapp.storage.models_sync import NoteHistory as NoteHistory
from walkapp.storage.models_sync import SyncFamily as SyncFamily
from walkapp.storage.models_sync import SyncRow as SyncRow
from walkapp.storage.models_sync import SyncVersion as SyncVersion
from walkapp.storage.models_sync import WalkerKey as WalkerKey
from walkapp.storage.models_sync import WalkKey as WalkKey
from walkapp.storage.types import new_id, utcnow


class AppMeta(Base):
    """Small key/value facts about this database (e.g. this laptop's device id)."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Person(Timestamped, Base):
    """Someone who walks across several walks; links commitments and journals over time."""

    __tablename__ = "people"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    display_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    # The walker agreed to be named beside their reflections in the facilitator's
    # portfolio (migration 0013); off, their reflections there are "Walker A"'s.
    reflections_named: Mapped[bool] = mapped_column(Boolean, default=False,
                                                    server_default=false())


class Walk(Timestamped, Base):
    __tablename__ = "walks"
    __table_args__ = (
        CheckConstraint("status IN ('planned', 'running', 'closed')", name="status"),
        CheckConstraint("local_mode IN ('facilitator', 'walker')", name="local_mode"),
        # The walks library's columns (and what its search looks in), in its order: the
        # list is read from this index alone, never from the rows, whose protocol snapshot
        # (about 8.5 KB) sits between these columns and the last ones (migration 0007).
        Index("ix_walks_summary", "trashed_at", "walk_date", "created_at", "id", "title",
              "school", "focus", "protocol_id", "status", "current_phase", "local_mode",
              "updated_at"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(300))
    walk_date: Mapped[date] = mapped_column(Date, index=True)
    school: Mapped[str | None] = mapped_column(String(300), default=None)
    focus: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    # Snapshot of the protocol the walk ran: editing a protocol never rewrites a past walk.
    protocol_id: Mapped[str] = mapped_column(String(100), default="")
    protocol_version: Mapped[str] = mapped_column(String(40), default="")
    protocol_hash: Mapped[str] = mapped_column(String(80), default="")
    protocol_snapshot: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    current_phase: Mapped[str] = mapped_column(String(40), default="plan")
    current_step: Mapped[int] = mapped_column(Integer, default=0)
    visit_minutes: Mapped[int] = mapped_column(Integer, default=10)
    corridor_minutes: Mapped[int] = mapped_column(Integer, default=3)
    # Privacy settings; the safe choice is the default.
    show_teacher_names: Mapped[bool] = mapped_column(Boolean, default=False)
    attribute_commitments: Mapped[bool] = mapped_column(Boolean, default=False)
    # Thank-you notes are signed by the group unless this is on: then with the walkers'
    # names (a choice of its own, not part of attributing commitments; migration 0009).
    sign_thank_you_with_names: Mapped[bool] = mapped_column(Boolean, default=False,
                                                            server_default=false())
    # Off by default: records name no room, grade or subject unless the facilitator asks.
    include_visit_details: Mapped[bool] = mapped_column(Boolean, default=False)
    # Whose laptop this is: the facilitator's, or a walker's (walker mode).
    local_mode: Mapped[str] = mapped_column(String(16), default="facilitator")
    local_participant_id: Mapped[str | None] = mapped_column(ID, default=None)
    # When the walk was deleted (UTC): it waits in the Trash, hidden from every list and
    # report, until it is restored, the Trash is emptied, or its 30 days are over.
    trashed_at: Mapped[datetime | None] = mapped_column(default=None)
    # The series this walk belongs to (a group's walks over a term, continued by "Plan
    # again"): the id of the series' first walk; None for a walk never planned again.
    series_id: Mapped[str | None] = mapped_column(ID, default=None, index=True)
    # Choices made at planning among what the protocol leaves open (migration 0010), as JSON:
    # {"left_out": [step keys], "variants": {variant key: option key},
    #  "phase_dates": {phase key: "YYYY-MM-DD"}}; "" means none made.
    plan_choices: Mapped[str] = mapped_column(Text, default="", server_default="")

    groups: Mapped[list["Group"]] = relationship(
        back_populates="walk", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Group.position")
    participants: Mapped[list["Participant"]] = relationship(
        back_populates="walk", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Participant.position")
    visits: Mapped[list["Visit"]] = relationship(
        back_populates="walk", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Visit.position")
    look_fors: Mapped[list["LookFor"]] = relationship(
        back_populates="walk", cascade="all, delete-orphan", passive_deletes=True,
        order_by="LookFor.position")
    norms: Mapped[list["Norm"]] = relationship(
        back_populates="walk", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Norm.position")


def _copies_index(table: str) -> Index:
    """Conflict copies only (a few rows): the walks list counts a note family whose own
    row was deleted while a copy lives on, and the conflict counts find their families,
    from this index instead of every row of every walk (migration 0007)."""
    return Index(f"ix_{table}_copies", "walk_id", "conflict_of", "deleted_at",
                 sqlite_where=sql_text("conflict_of IS NOT NULL"))


class WalkCount(Base):
    """How many walkers, visits (not removed) and notes (live, not conflict copies) a walk
    has, kept by triggers on those tables (migration 0007), so that listing walks never
    counts rows. A note changed on two laptops whose own row was deleted while a copy
    lives on is counted at listing time, from `ix_notes_copies` (such notes are few)."""

    __tablename__ = "walk_counts"
    __table_args__ = ({"sqlite_with_rowid": False},)
    walk_id: Mapped[str] = mapped_column(
        ID, ForeignKey("walks.id", ondelete="CASCADE"), primary_key=True)
    walkers: Mapped[int] = mapped_column(Integer, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[int] = mapped_column(Integer, default=0)


def _walk_fk() -> Mapped[str]:
    return mapped_column(ID, ForeignKey("walks.id", ondelete="CASCADE"), index=True)


class Group(Timestamped, Base):
    __tablename__ = "groups"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    walk: Mapped[Walk] = relationship(back_populates="groups")


class Participant(Timestamped, Base):
    __tablename__ = "participants"
    __table_args__ = (
        CheckConstraint("role IN ('facilitator', 'walker')", name="role"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    person_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("people.id", ondelete="SET NULL"), index=True, default=None)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="walker")
    group_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("groups.id", ondelete="SET NULL"), default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The protocol's observation role given to this walker at planning (a `[[roles]]` key of
    # the walk's protocol, e.g. "presenter" or "lens-tasks"), and what it is about for this
    # walker ("students at table 3"); migration 0010.
    protocol_role: Mapped[str | None] = mapped_column(String(60), default=None)
    role_detail: Mapped[str] = mapped_column(String(200), default="", server_default="")
    walk: Mapped[Walk] = relationship(back_populates="participants")


class Visit(Timestamped, Base):
    __tablename__ = "visits"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    position: Mapped[int] = mapped_column(Integer)
    room: Mapped[str | None] = mapped_column(String(200), default=None)
    grade: Mapped[str | None] = mapped_column(String(100), default=None)
    subject: Mapped[str | None] = mapped_column(String(200), default=None)
    teacher_name: Mapped[str | None] = mapped_column(String(200), default=None)
    # When the visit was removed from the route (UTC). The row stays as a tombstone so that
    # notes written on it (here, or on a walker's laptop and imported later) keep pointing
    # at it: every list of visits skips it, and its notes are shown under "Removed visit".
    # `position` keeps the number the visit had when it was removed (what walkers saw).
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    walk: Mapped[Walk] = relationship(back_populates="visits")


class LookFor(Timestamped, Base):
    __tablename__ = "look_fors"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    walk: Mapped[Walk] = relationship(back_populates="look_fors")


class RemovedLookFor(Base):
    """A look-for the facilitator removed from the walk: its name, so that an import can
    say which tag notes arrived without ("…without the look-for “Questioning”")."""

    __tablename__ = "removed_look_fors"
    id: Mapped[str] = mapped_column(ID, primary_key=True)  # the removed look-for's id
    walk_id: Mapped[str] = _walk_fk()
    text: Mapped[str] = mapped_column(String(500))
    removed_at: Mapped[datetime] = mapped_column(default=utcnow)


class BundleLog(Base):
    """When a walk kit was made (for one walker, or for any walker: participant_id None)
    and when a walker's notes file was imported: what "kits are out" is worked out from."""

    __tablename__ = "bundle_log"
    __table_args__ = (CheckConstraint("kind IN ('kit', 'notes')", name="kind"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    kind: Mapped[str] = mapped_column(String(16))
    participant_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("participants.id", ondelete="CASCADE"), index=True, default=None)
    made_at: Mapped[datetime] = mapped_column(default=utcnow)


class Norm(Timestamped, Base):
    __tablename__ = "norms"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(1000))
    agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    walk: Mapped[Walk] = relationship(back_populates="norms")


note_look_fors = Table(
    "note_look_fors",
    Base.metadata,
    Column("note_id", ID, ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True),
    Column("look_for_id", ID, ForeignKey("look_fors.id", ondelete="CASCADE"),
           primary_key=True),
    Index("ix_note_look_fors_look_for_id", "look_for_id"),
)


class Note(Travelling, Base):
    """One low-inference observation, written in a visit (or during a phase)."""

    __tablename__ = "notes"
    __table_args__ = (
        Index("ix_notes_walk_visit", "walk_id", "visit_id"),
        _copies_index("notes"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = mapped_column(ID, ForeignKey("walks.id", ondelete="CASCADE"))
    author_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    visit_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("visits.id", ondelete="CASCADE"), default=None)
    phase: Mapped[str | None] = mapped_column(String(40), default=None)
    stem: Mapped[str] = mapped_column(String(20), default="noticed")
    # The protocol's own stem ("warm", "cool"), when it defines stems of its own: each is
    # written `like` one of walkapp's four (`stem` above), which older readers go by.
    stem_key: Mapped[str | None] = mapped_column(String(60), default=None)
    # The per-visit form question this note answers (a `[[visit_form]]` key); None for an
    # ordinary note. Answers are notes so that they merge, nudge and show like notes.
    form_key: Mapped[str | None] = mapped_column(String(60), default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    # When two laptops changed the same note, the losing text is kept as its own note that
    # points at the original, for the facilitator to resolve.
    conflict_of: Mapped[str | None] = mapped_column(ID, default=None)
    look_fors: Mapped[list[LookFor]] = relationship(
        secondary=note_look_fors, order_by="LookFor.position")
    # Space-separated ids of look-fors this note is tagged with that are not part of the
    # walk here (removed by the facilitator, or never known on this laptop). Never shown;
    # kept so that the note's content, which its version id covers, stays the same on every
    # laptop — dropping the tag for real would look like an edit made here.
    stale_look_for_ids: Mapped[str | None] = mapped_column(Text, default=None)

    @property
    def stale_tags(self) -> list[str]:
        return self.stale_look_for_ids.split() if self.stale_look_for_ids else []

    @stale_tags.setter
    def stale_tags(self, ids: list[str]) -> None:
        self.stale_look_for_ids = " ".join(sorted(set(ids))) or None


class NoteReview(Base):
    """The facilitator's decision on one note at the evidence wall (migration 0008): kept in
    the record although it is flagged, or set aside (kept, never in a record). Not part of
    the walker's note: it never changes the note's version id and never travels in a notes
    file. No row: the note is in the record unless the nudge or the name caution flags it."""

    __tablename__ = "note_reviews"
    __table_args__ = (CheckConstraint("state IN ('kept', 'set_aside')", name="state"),)
    note_id: Mapped[str] = mapped_column(
        ID, ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True)
    walk_id: Mapped[str] = mapped_column(
        ID, ForeignKey("walks.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
    # For "kept": the hash of the text it was decided on (walkapp.note_states.text_hash). A
    # text changed since (a walker's newer version merged in) is flagged again if the nudge
    # still fires on it: the facilitator kept those words, not whatever comes next.
    text_hash: Mapped[str | None] = mapped_column(String(64), default=None)


class Reflection(Travelling, Base):
    __tablename__ = "reflections"
    __table_args__ = (_copies_index("reflections"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    author_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    prompt: Mapped[str] = mapped_column(String(1000), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    # A conflict copy's family (see Note.conflict_of).
    conflict_of: Mapped[str | None] = mapped_column(ID, default=None)


class Commitment(Travelling, Base):
    """A walker's "I will try…", carried forward to be reviewed at the next walk."""

    __tablename__ = "commitments"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'tried', 'dropped')", name="status"),
        _copies_index("commitments"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    participant_id: Mapped[str] = mapped_column(
        ID, ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    review_note: Mapped[str] = mapped_column(Text, default="")
    carried_from_id: Mapped[str | None] = mapped_column(ID, default=None)
    # A conflict copy's family (see Note.conflict_of).
    conflict_of: Mapped[str | None] = mapped_column(ID, default=None)


class ActionItem(Timestamped, Base):
    __tablename__ = "action_items"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'done', 'dropped')", name="status"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    origin_walk_id: Mapped[str] = mapped_column(
        ID, ForeignKey("walks.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner_name: Mapped[str] = mapped_column(String(200), default="")
    owner_person_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("people.id", ondelete="SET NULL"), default=None)
    due_date: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(16), default="open")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ActionFollowUp(Timestamped, Base):
    """What was said about an action item when a later walk reviewed it."""

    __tablename__ = "action_follow_ups"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    action_item_id: Mapped[str] = mapped_column(
        ID, ForeignKey("action_items.id", ondelete="CASCADE"), index=True)
    walk_id: Mapped[str] = _walk_fk()
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))


class Pattern(Timestamped, Base):
    """A post-brief statement: describe → analyse → predict → next level of work."""

    __tablename__ = "patterns"
    __table_args__ = (
        CheckConstraint("kind IN ('describe', 'analyse', 'predict', 'next_level')",
                        name="kind"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    kind: Mapped[str] = mapped_column(String(16))
    # The protocol's own debrief stage ("warm-feedback"), each `like` one of the four kinds.
    stage_key: Mapped[str | None] = mapped_column(String(60), default=None)
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class NextStep(Timestamped, Base):
    __tablename__ = "next_steps"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Feedback(Travelling, Base):
    """One answer to an end-of-session feedback question (anonymous unless authored)."""

    __tablename__ = "feedback"
    __table_args__ = (_copies_index("feedback"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    author_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("participants.id", ondelete="CASCADE"), default=None)
    question_key: Mapped[str] = mapped_column(String(100))
    question: Mapped[str] = mapped_column(String(1000))
    answer: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None] = mapped_column(Integer, default=None)
    # "Not applicable" chosen on a rating scale that offers it (rating stays None).
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False,
                                                 server_default=false())
    # A conflict copy's family (see Note.conflict_of).
    conflict_of: Mapped[str | None] = mapped_column(ID, default=None)


class Tally(Travelling, Base):
    """One walker's count (taps) or timed duration (seconds) for one `[[tallies]]` entry of
    the protocol in one visit. School-level totals only: never ranked by visit or teacher."""

    __tablename__ = "tallies"
    __table_args__ = (
        Index("ix_tallies_walk_visit", "walk_id", "visit_id"),
        _copies_index("tallies"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    visit_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("visits.id", ondelete="CASCADE"), default=None)
    author_id: Mapped[str | None] = mapped_column(
        ID, ForeignKey("participants.id", ondelete="CASCADE"), index=True, default=None)
    tally_key: Mapped[str] = mapped_column(String(60))
    count: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[int] = mapped_column(Integer, default=0)
    conflict_of: Mapped[str | None] = mapped_column(ID, default=None)


class StepResponse(Timestamped, Base):
    """An answer given to a protocol step's prompt (list, choice, rating, checklist…)."""

    __tablename__ = "step_responses"
    __table_args__ = (UniqueConstraint("walk_id", "step_key", "prompt_key", "author_key"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    step_key: Mapped[str] = mapped_column(String(100))
    prompt_key: Mapped[str] = mapped_column(String(100))
    # "" for a group answer, otherwise the participant's id.
    author_key: Mapped[str] = mapped_column(String(36), default="")
    value_json: Mapped[str] = mapped_column(Text, default="null")


class PhaseLog(Base):
    """Planned and actual time of one protocol step as it was run."""

    __tablename__ = "phase_logs"
    __table_args__ = (
        CheckConstraint("outcome IN ('running', 'paused', 'done', 'skipped')",
                        name="outcome"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    walk_id: Mapped[str] = _walk_fk()
    phase: Mapped[str] = mapped_column(String(40))
    step_index: Mapped[int] = mapped_column(Integer)
    step_key: Mapped[str] = mapped_column(String(100), default="")
    step_title: Mapped[str] = mapped_column(String(300), default="")
    planned_seconds: Mapped[int] = mapped_column(Integer, default=0)
    extended_seconds: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(default=None)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    active_seconds: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(16), default="running")
