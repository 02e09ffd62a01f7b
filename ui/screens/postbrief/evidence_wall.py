"""The evidence wall: every note of the walk, grouped by look-for, stem or visit — and, for a
protocol with a visit form, its answers by question (wall_questions).

Loading a large walk (6 walkers × 12 visits × 15 notes) takes longer than the GUI may
block (reading the notes alone takes 60–90 ms here), so the notes are read *and grouped*
on a worker thread. Regrouping what is already loaded when a control changes (10–25 ms
for 1,080 notes) stays on the GUI thread, and the card list measures only the cards on
screen. Who wrote a note is
hidden by default — the wall is about evidence, not people — and nothing here scores,
ranks or charts a teacher or a walker.

A note in a conflict (changed on two laptops) is marked "2 versions" on its card, and a
line above the wall says how many there are, with a way to the Conflicts view; the marks
are read with the notes, on the worker thread, so they come and go with the same reload.

A note whose text the facilitator changed is marked "edited by the facilitator" (which
notes: `HistoryService.rows_with_history`, read with the notes); "Show earlier text…" (the
card's context menu, or the button under the wall for the selected card) opens its history,
where the walker's own words are kept, read off the GUI thread.

The wall is where the facilitator decides which notes go to the record
(walkapp.note_states). Each note's state is read with the notes (ReviewService.statuses, on
the worker thread); flagged and kept cards carry a mark in words, set-aside cards are shown
dimmed in a group of their own after the others, and a line says how many notes are not
going to the record. Enter, a double-click, "Open the note…" (button or context menu) opens
a card (note_card.NoteCardDialog): its whole text with the flagged words underlined, its
history, and Rewrite / Set aside / Keep in the record / Put back, each a command run on the
window's writer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.events import Entity
from walkapp.protocol.schema import Prompt
from walkapp.services.history import HistoryService
from walkapp.services.notes import NoteService
from walkapp.services.reviews import ReviewService
from walkapp.services.tallies import TallySummary
from walkapp.services.walks import WalkService
from walkapp.ui.help_sections import GuideSection, ShowGuide
from walkapp.ui.models.evidence import (
    EvidenceGroup,
    EvidenceModel,
    GroupBy,
    WallTexts,
)
from walkapp.ui.models.form_answers import plain_answer_states
from walkapp.ui.screens.postbrief.base import Panel, heading, stem_names, visit_label
from walkapp.ui.screens.postbrief.cards import CardList
from walkapp.ui.screens.postbrief.conflicts import (
    ConflictReader,
    note_families,
    note_versions,
)
from walkapp.ui.screens.postbrief.note_card import NoteCardDialog
from walkapp.ui.screens.postbrief.tally_summary import TallySummaryBox
from walkapp.ui.screens.postbrief.wall_decisions import WallData, WallDecisions, WallRequest
from walkapp.ui.screens.postbrief.wall_questions import WallQuestions
from walkapp.ui.widgets.conflict_bar import ConflictBar
from walkapp.ui.widgets.empty_state import EmptyState
from walkapp.ui.widgets.fit_sizes import ReflowRow
from walkapp.ui.widgets.guide_link import GuideLink
from walkapp.ui.widgets.note_history import NoteHistoryDialog
from walkapp.ui.writer import Writer


class EvidenceWall(Panel, WallDecisions, WallQuestions):
    entities = frozenset({Entity.NOTE, Entity.LOOK_FOR, Entity.VISIT, Entity.PARTICIPANT,
                          Entity.TALLY})
    background = True
    coalesce_ms = 60

    def __init__(self, notes: NoteService, walks: WalkService, walk_id: str,
                 parent: QWidget | None = None, *,
                 conflicts: ConflictReader | None = None,
                 history: HistoryService | None = None,
                 reviews: ReviewService | None = None,
                 writer: Writer | None = None,
                 stem_labels: Mapping[str, str] | None = None,
                 form: Sequence[Prompt] = (),
                 tallies: Callable[[], tuple[TallySummary, ...]] | None = None,
                 guide: ShowGuide | None = None) -> None:
        super().__init__(walk_id, parent)
        # The protocol's visit form: its answers are grouped "by question" (none: no such
        # grouping is offered).
        self._form = tuple(form)
        # Each group a note can go under, with its heading: the walk's protocol's stems (as
        # on the note-taker's buttons), then the plain stems it leaves out (base.stem_names).
        self._stem_labels = dict(stem_labels or stem_names(()))
        self._notes = notes
        self._walks = walks
        self._conflicts = conflicts  # None: no conflict marks (a panel built alone)
        self._history = history  # None: no "edited" marks (a panel built alone)
        self._reviews = reviews  # None: no note states (a panel built alone)
        self._tallies = tallies  # None: the protocol keeps no tallies
        self.history_dialog: NoteHistoryDialog | None = None
        self.card_dialog: NoteCardDialog | None = None
        self._data: WallData | None = None
        self._reveal_wanted = ""  # a note to show once the notes are in (reveal_note)
        self.setObjectName("evidenceWall")

        self.body.addWidget(heading(self.tr("Evidence wall"), self.tr(
            "Every note from the walk. Read what was seen and heard before talking about "
            "what it means.")))

        # Grouping, then the filter and the names: side by side when the row has room for
        # the filter's whole hint, the filter under the grouping when it has not (Spanish
        # runs longer; the hint was cut to "Filtrar (pala…").
        grouping = QHBoxLayout()
        grouping.setContentsMargins(0, 0, 0, 0)
        grouping.addWidget(QLabel(self.tr("Group by:")))
        self.group_buttons = QButtonGroup(self)
        self.mode_buttons: dict[GroupBy, QRadioButton] = {}
        for mode, text, name in (
                (GroupBy.LOOK_FOR, self.tr("Look-for"), self.tr("Group notes by look-for")),
                (GroupBy.STEM, self.tr("Stem"), self.tr("Group notes by stem")),
                (GroupBy.VISIT, self.tr("Visit"), self.tr("Group notes by visit")),
                *([(GroupBy.QUESTION, self.tr("Question"), self.tr(
                    "Show the answers to the visit's questions, question by question"))]
                  if self._form else [])):
            button = QRadioButton(text)
            button.setAccessibleName(name)
            self.group_buttons.addButton(button)
            self.mode_buttons[mode] = button
            grouping.addWidget(button)
        grouping.addStretch(1)
        self.mode_buttons[GroupBy.LOOK_FOR].setChecked(True)
        self.group_buttons.buttonToggled.connect(self._mode_toggled)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter notes (words, look-fors, visit)"))
        self.filter.setAccessibleName(self.tr("Filter notes"))
        self.filter.setClearButtonEnabled(True)
        for clear in self.filter.findChildren(QToolButton):  # the built-in clear button
            clear.setAccessibleName(self.tr("Clear the filter"))
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(lambda: self.regroup())
        self.filter.textChanged.connect(self._filter_timer.start)
        hint_width = self.filter.fontMetrics().horizontalAdvance(self.filter.placeholderText())
        self.filter.setMinimumWidth(hint_width + 48)  # the frame and the clear button
        finding = QHBoxLayout()
        finding.setContentsMargins(0, 0, 0, 0)
        finding.addWidget(self.filter, 1)

        self.show_authors = QCheckBox(self.tr("Show who wrote each note"))
        self.show_authors.setAccessibleName(self.tr("Show who wrote each note"))
        self.show_authors.setChecked(False)
        self.show_authors.toggled.connect(lambda _on: self.regroup())
        finding.addWidget(self.show_authors)
        controls = ReflowRow()
        controls.setSpacing(16)
        for part, stretch in ((grouping, 0), (finding, 1)):
            holder = QWidget()
            holder.setLayout(part)
            controls.addWidget(holder, stretch)
        self.body.addLayout(controls)

        self.summary = QLabel()
        self.summary.setObjectName("panelSummary")
        self.body.addWidget(self.summary)
        self.tally_box = TallySummaryBox(tallies is not None)
        self.body.addWidget(self.tally_box)
        # How many notes are not going to the record (flagged and not kept, set aside).
        self.held_back = QLabel()
        self.held_back.setObjectName("heldBackLine")
        self.held_back.setWordWrap(True)
        self.held_back.hide()
        self.body.addWidget(self.held_back)

        # Shown only while some notes have two versions: how many, and the way to settle.
        self.conflict_bar = ConflictBar()
        self.conflict_label = self.conflict_bar.label
        self.conflict_button = self.conflict_bar.button
        self.conflict_button.clicked.connect(self._resolve_clicked)
        self.body.addWidget(self.conflict_bar)

        self.model = EvidenceModel(self)
        self.tree = CardList()
        self.tree.card_activated.connect(self._card_activated)
        self.tree.history_requested.connect(self.show_history)
        self.tree.open_requested.connect(self.open_card)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._current_moved())
        self.tree.setAccessibleName(self.tr("Notes, grouped"))
        self.empty = EmptyState("sticky-note", "", "")
        # With no notes at all, the way to the guide's part on walkers' notes files.
        self.learn_more = GuideLink(guide, GuideSection.WALKERS_LAPTOPS) \
            if guide is not None else None
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addWidget(self.empty, 1)
        if self.learn_more is not None:
            empty_layout.addWidget(self.learn_more, 0, Qt.AlignmentFlag.AlignHCenter)
            empty_layout.addStretch(1)
        self._empty_page = empty_page
        self._stack = QStackedWidget()
        self._stack.addWidget(self.tree)
        self._stack.addWidget(empty_page)
        self.body.addWidget(self._stack, 1)

        # For the selected card, if the facilitator changed it: the walker's text, on request.
        self.history_button = QPushButton(self.tr("Show earlier text…"))
        self.history_button.setObjectName("showEarlierText")
        self.history_button.setAccessibleName(self.tr(
            "Show the earlier text of the selected note: the walker's own words, kept when "
            "the facilitator changed it"))
        self.history_button.clicked.connect(lambda: self.show_history(self._current_note()))
        self.history_button.setEnabled(False)
        # The selected card, opened: its text, history and the decisions on it.
        self.open_button = QPushButton(self.tr("&Open the note…"))
        self.open_button.setObjectName("openNote")
        self.open_button.setAccessibleName(self.tr(
            "Open the selected note: its whole text, its history, and rewrite, set aside "
            "or keep it"))
        self.open_button.clicked.connect(lambda: self.open_card(self._current_card()))
        self.open_button.setEnabled(False)
        history_row = QHBoxLayout()
        history_row.addStretch(1)
        history_row.addWidget(self.open_button)
        history_row.addWidget(self.history_button)
        self.body.addLayout(history_row)
        # Only ever hidden here: showing a widget before it has a parent opens it as a
        # window of its own (it takes the focus from the main window).
        if history is None:
            self.history_button.hide()
        self._request = self.request()
        self.use_writer(writer or Writer.around(self, notes, walks,
                                                *([reviews] if reviews else [])))

    def save_pending(self) -> bool:
        # A rewrite typed in an open note and not saved yet is saved, as typed text is
        # everywhere else (it is a new version: the walker's words stay in its history).
        dialog = self.card_dialog
        if dialog is not None and dialog.isVisible() and dialog.pending_rewrite():
            dialog.save_rewrite()
        return super().save_pending()

    def shutdown(self) -> None:
        # A note still open goes with the walk (a rewrite typed in it was saved by
        # save_pending, which the walk's closing asks first).
        if self.card_dialog is not None:
            self.card_dialog.reject()
            self.card_dialog.reject()  # the first Escape only leaves a rewrite
        super().shutdown()

    # -- state -------------------------------------------------------------------------------
    def group_by(self) -> GroupBy:
        for mode, button in self.mode_buttons.items():
            if button.isChecked():
                return mode
        return GroupBy.LOOK_FOR

    def set_group_by(self, mode: GroupBy | str) -> None:
        self.mode_buttons[GroupBy(mode)].setChecked(True)

    def _mode_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self.regroup(expand_all=True)

    # -- loading -----------------------------------------------------------------------------
    def request(self) -> WallRequest:
        """What the controls ask for, read on the GUI thread (workers never touch widgets)."""
        return WallRequest(self.group_by(), self.filter.text().strip(),
                           self.show_authors.isChecked(), self.texts())

    def refresh(self) -> None:
        self._request = self.request()
        super().refresh()

    def load(self) -> WallData:
        # Worker thread: read the walk and its notes, and group them (≈15 ms for 1,000).
        request = self._request
        walk = self._walks.get_walk(self.walk_id)
        notes = tuple(self._notes.list_notes(self.walk_id))
        answers = tuple(self._notes.list_answers(self.walk_id)) if self._form else ()
        conflicts = (self._conflicts.list_conflicts(self.walk_id)
                     if self._conflicts is not None else [])
        edited = frozenset(self._history.rows_with_history(self.walk_id)
                           if self._history is not None else ())
        statuses = (self._reviews.statuses(self.walk_id)
                    if self._reviews is not None else {})
        if answers:  # a choice or a tick is the protocol's words: never flagged
            statuses = {**statuses, **plain_answer_states(self._form, answers, statuses)}
        versions = note_versions(conflicts)
        tallies = self._tallies() if self._tallies is not None else ()
        data = WallData(walk, notes, request, [], versions, note_families(conflicts),
                        edited, statuses, answers, tallies)
        data.groups.extend(self._grouped(data, request))
        return data

    def apply(self, data: WallData) -> None:
        self._data = data
        self.tally_box.show_summary(data.tallies)
        if data.request == self.request():
            self._show(data.groups, data.request)
        else:  # the controls changed while loading
            self.regroup()
        if self._reveal_wanted:
            self._reveal(self._reveal_wanted)

    def reveal_note(self, note_id: str) -> None:
        """Make `note_id`'s card the current one and scroll it into view (a search
        result opened): now if the notes are in, else as soon as they are. A filter that
        hides it is cleared, and its group is expanded if it was folded."""
        self._reveal_wanted = note_id
        if self._data is not None and not self.is_loading() and not self.is_stale():
            self._reveal(note_id)

    def revealed_note(self) -> str:
        """The note whose card is current, if a card is."""
        return self._current_card()

    def _reveal(self, note_id: str) -> None:
        self._reveal_wanted = ""
        if self._data is None or all(n.id != note_id for n in self._data.notes):
            return  # gone meanwhile, or a visit form's answer (shown by question)
        if self.filter.text() or self.group_by() is GroupBy.QUESTION:
            if self.group_by() is GroupBy.QUESTION:
                self.set_group_by(GroupBy.LOOK_FOR)
            self.filter.clear()
            self.regroup()
        group = next((g for g in self.model.groups()
                      if any(c.note_id == note_id for c in g.cards)), None)
        if group is not None and self.model.is_collapsed(group.key):
            self.model.set_collapsed(group.key, False)
        self._select("card", note_id)
        index = self.tree.currentIndex()
        if index.isValid() and str(index.data(EvidenceModel.IdRole)) == note_id:
            self.tree.scrollTo(index, CardList.ScrollHint.PositionAtCenter)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self._current_moved()

    def texts(self) -> WallTexts:
        return WallTexts(stems=self._stem_labels,
                         visit=visit_label("{0}"),
                         untagged=self.tr("No look-for tagged"),
                         no_visit=self.tr("Not from a visit"),
                         unknown_author=self.tr("Unknown walker"),
                         also=self.tr("also: {0}"),
                         removed_visit=self.tr("Removed visit (was visit {0})"),
                         removed_visit_unnumbered=self.tr("Removed visit"),
                         versions=self.tr("{0} versions"),
                         edited=self.tr("edited by the facilitator"),
                         flagged=self.tr("Flagged"), kept=self.tr("Kept"),
                         set_aside=self.tr("Set aside"),
                         set_aside_group=self.tr("Set aside — not in the record"),
                         option_count=self.tr("{0}: {1}"),
                         no_answers=self.tr("No answers yet"),
                         counted=self.tr("Counted across the whole walk, never per visit"))

    def regroup(self, *, expand_all: bool = False) -> None:
        """Regroup the loaded notes after a control changed (no database access)."""
        self._filter_timer.stop()
        if self._data is None:
            return
        request = self.request()
        self._show(self._grouped(self._data, request), request, expand_all=expand_all)

    def _show(self, groups: list[EvidenceGroup], request: WallRequest, *,
              expand_all: bool = False) -> None:
        assert self._data is not None
        query = request.query
        # The card (or heading) the keyboard was on stays current across a reload: a
        # decision on a note must not throw the facilitator back to the top of the wall.
        current = self.tree.currentIndex()
        kept = (str(current.data(EvidenceModel.KindRole)), str(
            current.data(EvidenceModel.IdRole))) if current.isValid() else None
        self.model.set_groups(groups, filtered=bool(query), expand_all=expand_all)
        if kept is not None:
            self._select(*kept)
        # The versions of a note in conflict are one note (as in the reports and lists).
        family = {n.id: n.family for n in self._data.notes}
        total = len(set(family.values()))
        visits = len({n.visit_id for n in self._data.notes if n.visit_id})
        self._show_conflicts()
        self._show_held_back()
        if request.group_by is GroupBy.QUESTION:
            self._show_answers(groups)
        elif query:
            shown = len({family.get(c.note_id, c.note_id) for g in groups for c in g.cards})
            self.summary.setText(self.tr("{0} of {1} match “{2}”.").format(
                fmt.number(shown), fmt.plural(total, "{n} note", "{n} notes"), query))
        else:
            self.summary.setText(self.tr("{0} from {1}.").format(
                fmt.plural(total, "{n} note", "{n} notes"),
                fmt.plural(visits, "{n} visit", "{n} visits"))
                if total != 1 else self.tr("1 note."))
        if request.group_by is GroupBy.QUESTION:
            pass  # said by _show_answers
        elif not total:
            self.empty.set_icon("sticky-note")
            self.empty.setText(self.tr("No notes yet\nNotes taken during the visits appear "
                                       "here, and so do notes imported from walkers' files."))
            self._show_empty(learn_more=True)
        elif query and not groups:
            self.empty.set_icon(None)
            self.empty.setText(self.tr("No note matches “{0}”.").format(query))
            self._show_empty(learn_more=False)
        else:
            self._stack.setCurrentWidget(self.tree)
        self._current_moved()

    def _show_empty(self, *, learn_more: bool) -> None:
        if self.learn_more is not None:
            self.learn_more.setVisible(learn_more)
        self._stack.setCurrentWidget(self._empty_page)

    # -- conflicts ---------------------------------------------------------------------------
    def conflicted_notes(self) -> list[str]:
        """The shown notes marked "N versions", in the wall's order."""
        versions = self._data.versions if self._data is not None else {}
        return [n.id for n in self._data.notes if n.id in versions] if self._data else []

    def _show_conflicts(self) -> None:
        families = self._data.families if self._data is not None else {}
        marked = len({families.get(n, n) for n in self.conflicted_notes()})
        self.conflict_bar.say(self.tr(
            "{0} changed on two laptops: their versions are marked below. Choose what to "
            "keep.").format(fmt.plural(marked, "{n} note was", "{n} notes were")) if marked else "")

    def _resolve_clicked(self) -> None:
        marked = self.conflicted_notes()
        self.conflicts_requested.emit(marked[0] if marked else "")

    def _card_activated(self, note_id: str) -> None:
        if self._data is not None and note_id in self._data.versions:
            self.conflicts_requested.emit(note_id)  # settle the versions first
        else:
            self.open_card(note_id)

    # -- history -----------------------------------------------------------------------------
    def edited_notes(self) -> list[str]:
        """The notes marked "edited by the facilitator", in the wall's order."""
        return [n.id for n in self._data.notes if n.id in self._data.edited] \
            if self._data is not None else []

    def _current_note(self) -> str:
        index = self.tree.currentIndex()
        if not index.isValid() or not index.data(EvidenceModel.EditedRole):
            return ""
        return str(index.data(EvidenceModel.IdRole))

    def _current_moved(self) -> None:
        self.history_button.setEnabled(bool(self._current_note()))
        self.open_button.setEnabled(bool(self._current_card()))

    def show_history(self, note_id: str) -> NoteHistoryDialog | None:
        """Open the earlier texts of `note_id` (read off the GUI thread); the dialog, or
        None when there is nothing to show."""
        history = self._history
        if history is None or not note_id or self.is_closed():
            return None
        if self.history_dialog is not None:
            self.history_dialog.close()
            self.history_dialog.deleteLater()
        walk_id = self.walk_id
        self.history_dialog = NoteHistoryDialog(
            lambda: history.history(walk_id, Entity.NOTE, note_id), self)
        self.history_dialog.show()
        return self.history_dialog
