"""Commitments: each walker's "I will try…", one per walker, saved as it is typed.

Each walker's reflections are shown under their row (imported from their notes file, or
written here). A walker with no commitment yet gets a proposal from their own words: their
"I will try…" reflection, else their latest "I will try" note (`walkapp.services.will_try`);
it is only a proposal until someone accepts it (one click) or edits it, and it is worked out
from what they wrote each time, so importing their notes file again never adds another.
Each row (`commitment_row.py`) saves its walker's commitment as it is typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from walkapp.domain import Commitment, Participant
from walkapp.events import Change, Entity
from walkapp.services.debrief import DebriefService
from walkapp.services.notes import NoteService
from walkapp.services.walks import WalkService
from walkapp.services.will_try import WalkersWords, walkers_words
from walkapp.ui.screens.postbrief.base import Panel, heading
from walkapp.ui.screens.postbrief.commitment_row import AUTOSAVE_MS, CommitmentRow
from walkapp.ui.widgets.empty_state import EmptyState
from walkapp.ui.widgets.nudge_field import OFF, NudgeSetup
from walkapp.ui.widgets.reflections import will_try_prompt
from walkapp.ui.writer import Writer

__all__ = ["AUTOSAVE_MS", "CommitmentRow", "CommitmentsData", "CommitmentsPanel"]


@dataclass(frozen=True)
class CommitmentsData:
    people: tuple[Participant, ...]
    commitments: tuple[Commitment, ...]
    words: WalkersWords


class CommitmentsPanel(Panel):
    entities = frozenset({Entity.COMMITMENT, Entity.PARTICIPANT, Entity.NOTE,
                          Entity.REFLECTION})
    background = True
    coalesce_ms = 60

    def __init__(self, debrief: DebriefService, notes: NoteService, walks: WalkService,
                 walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None, nudge: NudgeSetup = OFF) -> None:
        super().__init__(walk_id, parent)
        self._debrief, self._notes, self._walks = debrief, notes, walks
        self._nudge = nudge
        self.use_writer(writer or Writer.around(self, debrief, notes, walks))
        self.rows: dict[str, CommitmentRow] = {}
        self.setObjectName("commitmentsPanel")
        self.body.addWidget(heading(self.tr("Commitments"), self.tr(
            "One thing each of us will try in our own classroom. It is about our practice, "
            "not the classrooms we visited.")))
        self._list = QWidget()
        self._rows_layout = QVBoxLayout(self._list)
        self._rows_layout.setContentsMargins(0, 0, 4, 0)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        self.body.addWidget(scroll, 1)
        self.empty = EmptyState("handshake", self.tr("No walkers on the roster yet."),
                                self.tr("Add the walkers in Plan → Roster: each one's "
                                        "commitment is written here."))
        self.body.addWidget(self.empty, 1)
        self.empty.hide()

    def load(self) -> CommitmentsData:
        walk = self._walks.get_walk(self.walk_id)
        people = walk.walkers + walk.facilitators
        # The app's own reflection prompt, in the language it runs in, also marks a line.
        words = walkers_words(self._notes, self._walks, self.walk_id, (will_try_prompt(),))
        return CommitmentsData(people, tuple(self._debrief.list_commitments(self.walk_id)),
                               words)

    def apply(self, data: CommitmentsData) -> None:
        wanted = [p.id for p in data.people]
        for person_id in list(self.rows):
            if person_id not in wanted:
                row = self.rows.pop(person_id)
                row.shutdown()
                row.deleteLater()
        latest: dict[str, Commitment] = {}
        families: set[str] = set()
        for commitment in data.commitments:  # oldest first: the last one wins
            # A conflict's other version comes right after its family's row (the services
            # keep them together): one commitment per walker, the conflict shown elsewhere.
            if commitment.family in families:
                continue
            families.add(commitment.family)
            latest[commitment.participant_id] = commitment
        for position, person in enumerate(data.people):
            if person.id not in self.rows:
                assert self.writer is not None
                self.rows[person.id] = CommitmentRow(person, self.writer, self.walk_id,
                                                     nudge=self._nudge)
            row = self.rows[person.id]
            self._rows_layout.insertWidget(position, row)
            row.show()  # now, not on the next turn of the event loop
            row.set_ideas(data.words.proposals.get(person.id, ()))
            row.set_reflections(data.words)
            row.set_saved(latest.get(person.id))
        previous: QWidget | None = None
        for person in data.people:  # keyboard order follows the roster
            row = self.rows[person.id]
            if previous is not None:
                QWidget.setTabOrder(previous, row.editor)
            QWidget.setTabOrder(row.editor, row.from_notes)
            QWidget.setTabOrder(row.from_notes, row.keep_button)
            previous = row.keep_button
        self.empty.setVisible(not data.people)

    def wants(self, change: Change) -> bool:
        # A commitment one of this panel's rows saved is on screen already (the row shows
        # what it saved): each row is the origin of its own writes.
        if change.entity is Entity.COMMITMENT and any(
                change.is_from(row) for row in self.rows.values()):
            return False
        return super().wants(change)

    def commit_now(self) -> None:
        """Hand every commitment still being typed to the writer; does not wait."""
        for row in self.rows.values():
            row.commit_now()

    def save_pending(self) -> bool:
        """Save every commitment still being typed and wait (bounded): True only when all
        are saved (each row that failed says why, keeps its text and offers Retry)."""
        self.commit_now()
        if self.writer is not None:
            self.writer.flush()
        results = [row.flush() for row in self.rows.values()]
        return all(results) and super().save_pending()

    def flush(self) -> bool:
        """The old name of `save_pending` (e.g. when the step changes)."""
        return self.save_pending()

    def shutdown(self) -> None:
        if self.is_closed():
            return
        self.save_pending()
        for row in self.rows.values():
            row.shutdown()
        super().shutdown()
