"""The evidence wall's data: notes grouped by look-for, stem or visit, and a tree model.

`group_notes` is plain Python (fast, testable without widgets): it turns a walk and its
notes into groups of cards. A note with several look-for tags is a card in each of those
groups; notes with no tag (or no visit) get a group of their own. Counts are of notes,
never of people: the wall is about evidence, not about who wrote it or who was observed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from walkapp import formatting as fmt
from walkapp.domain import Note, Stem, Walk
from walkapp.note_states import NoteState, NoteStatus
from walkapp.protocol.own_keys import group_key

Index = QModelIndex | QPersistentModelIndex

# Long notes are cut on the wall (the whole text is in the tooltip); a 20,000-character
# paste must not turn one card into a screen-high wall of text.
MAX_CARD_CHARS = 1200
# The group that holds the notes set aside, after every other group (never a look-for's,
# a stem's or a visit's id).
SET_ASIDE_KEY = "\x00set-aside"


class GroupBy(StrEnum):
    LOOK_FOR = "look_for"
    STEM = "stem"
    VISIT = "visit"
    QUESTION = "question"  # the visit form's answers (walkapp.ui.models.form_answers)


@dataclass(frozen=True)
class WallTexts:
    """The translated words the grouping needs, as plain data: grouping may run on a
    worker thread, where nothing should call into Qt's translation machinery."""

    # Each group a note can go under, by key, in order, with its heading
    # (walkapp.protocol.own_keys: the protocol's stems, then the plain stems it leaves out).
    stems: Mapping[str, str]
    visit: str  # "Visit {0}"
    untagged: str
    no_visit: str
    unknown_author: str
    also: str = "also: {0}"  # the note's other look-fors, under one look-for's group
    # A visit removed from the route (its notes stay): with the number it had, or without.
    removed_visit: str = "Removed visit (was visit {0})"
    removed_visit_unnumbered: str = "Removed visit"
    versions: str = "{0} versions"  # the mark on a note in conflict
    # The mark on a note whose text the facilitator changed (the walker's is kept).
    edited: str = "edited by the facilitator"
    # The marks of the note states (walkapp.note_states), and the set-aside notes' group.
    flagged: str = "Flagged"
    kept: str = "Kept"
    set_aside: str = "Set aside"
    set_aside_group: str = "Set aside — not in the record"
    # By question (the visit form, walkapp.ui.models.form_answers): an option and how often
    # it was chosen across the walk; a question nobody has answered yet.
    option_count: str = "{0}: {1}"
    no_answers: str = "No answers yet"
    counted: str = "Counted across the whole walk, never per visit"


@dataclass(frozen=True)
class EvidenceCard:
    note_id: str
    text: str
    meta: str  # the note's other dimensions, e.g. "I noticed · Visit 2 · Wait time"
    author: str  # empty unless authors are shown
    # In a conflict (changed on two laptops): how many versions there are, and the mark
    # that says so ("2 versions"); 0 and "" for a note in no conflict.
    versions: int = 0
    badge: str = ""
    # The facilitator changed this note's text: its earlier text is in its history.
    edited: bool = False
    # Its state (walkapp.note_states) and the mark that shows it ("Flagged", "Kept"…;
    # "" for a note simply in the record).
    state: NoteState = NoteState.IN_RECORD
    mark: str = ""


@dataclass(frozen=True)
class EvidenceGroup:
    key: str
    title: str
    description: str
    cards: tuple[EvidenceCard, ...]
    total: int  # notes in the group before the filter
    # What the count counts, singular and plural ("answer", "answers": by question).
    counts: tuple[str, str] = ("{n} note", "{n} notes")

    @property
    def shown(self) -> int:
        return len(self.cards)


def _matches(terms: Sequence[str], haystack: str) -> bool:
    return all(term in haystack for term in terms)


def group_notes(walk: Walk, notes: Iterable[Note], group_by: GroupBy, texts: WallTexts, *,
                query: str = "", show_authors: bool = False,
                versions: Mapping[str, int] | None = None,
                edited: AbstractSet[str] = frozenset(),
                statuses: Mapping[str, NoteStatus] | None = None) -> list[EvidenceGroup]:
    """Group `notes` for the wall. With a `query`, only matching notes are kept and groups
    left empty by the filter are dropped; without one, every look-for, stem and visit has a
    group even when it is empty (an empty look-for is itself something to talk about).
    `versions`: for each note in a conflict, how many versions it has (its card is marked).
    `edited`: the notes whose text the facilitator changed (marked "edited by the
    facilitator"; HistoryService.rows_with_history). `statuses`: each note's state
    (ReviewService.statuses): flagged and kept notes are marked, set-aside notes are
    shown apart, in a group of their own after the others."""
    conflicted = versions or {}
    states = statuses or {}
    marks = {NoteState.FLAGGED: texts.flagged, NoteState.KEPT: texts.kept,
             NoteState.SET_ASIDE: texts.set_aside}
    tags = {lf.id: lf for lf in walk.look_fors}
    visits = {v.id: v for v in walk.visits}
    names = {p.id: p.display_name for p in walk.participants}
    terms = query.casefold().split()
    stem_names = {**texts.stems, **{s.value: texts.stems.get(s.value, s.value) for s in Stem}}

    def stem_of(note: Note) -> str:
        return group_key(texts.stems, note.stem, note.stem_key)
    visit_names = {v.id: texts.visit.format(v.position) for v in walk.visits}
    # Notes on a removed visit keep it: named as removed (with its details, as the
    # facilitator's screens show them), after the route's visits.
    removed = {v.id: v for v in walk.removed_visits}
    for v in walk.removed_visits:
        name = (texts.removed_visit.format(v.position) if v.position > 0
                else texts.removed_visit_unnumbered)
        details = v.details(show_teacher=walk.show_teacher_names)
        visit_names[v.id] = f"{name} — {details}" if details else name

    removed_order = {v.id: i for i, v in enumerate(walk.removed_visits)}

    def visit_position(note: Note) -> int:
        visit = visits.get(note.visit_id or "")
        if visit is not None:
            return visit.position
        return 1_000_000 + removed_order.get(note.visit_id or "", 1_000_000)

    # Reading order on the wall: visit by visit, then as the notes were written.
    ordered = sorted(notes, key=lambda n: (visit_position(n), n.created_at, n.id))

    def state_of(note: Note) -> NoteState:
        status = states.get(note.id)
        return status.state if status is not None else NoteState.IN_RECORD

    def keys_of(note: Note) -> list[str]:
        if state_of(note) is NoteState.SET_ASIDE:
            return [SET_ASIDE_KEY]
        if group_by is GroupBy.LOOK_FOR:
            known = [t for t in note.look_for_ids if t in tags]
            return known or [""]
        if group_by is GroupBy.STEM:
            return [stem_of(note)]
        return [note.visit_id if note.visit_id in visit_names else ""]

    def card(note: Note) -> tuple[EvidenceCard, str]:
        visit_name = visit_names.get(note.visit_id or "", "")
        parts: list[str] = []
        if group_by is not GroupBy.STEM:
            parts.append(stem_names[stem_of(note)])
        if group_by is not GroupBy.VISIT and visit_name:
            parts.append(visit_name)
        tag_names = [tags[t].text for t in note.look_for_ids if t in tags]
        if group_by is not GroupBy.LOOK_FOR:
            parts.extend(tag_names)
        author = (names.get(note.author_id or "", texts.unknown_author)
                  if show_authors else "")
        text = note.text if len(note.text) <= MAX_CARD_CHARS \
            else note.text[:MAX_CARD_CHARS].rstrip() + "…"
        # Searchable: the text, its stem, visit and tags — and the author only when shown.
        haystack = " ".join([note.text, stem_names[stem_of(note)], visit_name, *tag_names,
                             author]).casefold() if terms else ""
        count = conflicted.get(note.id, 0)
        changed = note.id in edited
        if changed:
            parts.append("✎ " + texts.edited)
        state = state_of(note)
        return EvidenceCard(note.id, text, " · ".join(parts), author, count,
                            texts.versions.format(count) if count else "", changed,
                            state, marks.get(state, "")), haystack

    def also(entry: EvidenceCard, note: Note, key: str) -> EvidenceCard:
        # Under one look-for, name the note's *other* look-fors (the group names this one).
        others = [tags[t].text for t in note.look_for_ids if t in tags and t != key]
        if not others:
            return entry
        extra = texts.also.format(", ".join(others))
        return replace(entry, meta=" · ".join(p for p in (entry.meta, extra) if p))

    buckets: dict[str, list[EvidenceCard]] = {}
    totals: dict[str, int] = {}
    for note in ordered:
        entry, haystack = card(note)
        keep = _matches(terms, haystack)
        for key in keys_of(note):
            totals[key] = totals.get(key, 0) + 1
            if keep:
                placed = also(entry, note, key) \
                    if group_by is GroupBy.LOOK_FOR and key != SET_ASIDE_KEY else entry
                buckets.setdefault(key, []).append(placed)

    skeleton: list[tuple[str, str, str]]
    if group_by is GroupBy.LOOK_FOR:
        skeleton = [(lf.id, lf.text, lf.description) for lf in walk.look_fors]
        skeleton.append(("", texts.untagged, ""))
    elif group_by is GroupBy.STEM:
        skeleton = [(key, label, "") for key, label in stem_names.items()]  # in stem order
    else:
        skeleton = [(v.id, visit_names[v.id], "") for v in walk.visits]
        skeleton += [(v.id, visit_names[v.id], "") for v in walk.removed_visits]
        skeleton.append(("", texts.no_visit, ""))
    skeleton.append((SET_ASIDE_KEY, texts.set_aside_group, ""))

    groups = []
    for key, title, description in skeleton:
        cards = tuple(buckets.get(key, ()))
        total = totals.get(key, 0)
        # The catch-all group and a removed visit's appear only when they have notes; a
        # filter hides empty groups.
        if ((key in ("", SET_ASIDE_KEY) or key in removed) and total == 0) or (
                terms and not cards):
            continue
        groups.append(EvidenceGroup(key, title, description, cards, total))
    return groups


class EvidenceModel(QAbstractListModel):
    """The wall as one flat list: a heading row per group followed by its cards.

    Flat on purpose: a tree view walks every child through Python when it expands, which
    costs tens of milliseconds on a big walk; a flat list model is laid out by Qt in C++.
    Groups collapse and expand through the model (`toggle`).
    """

    MetaRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2  # "group" | "card"
    IdRole = Qt.ItemDataRole.UserRole + 3
    CountRole = Qt.ItemDataRole.UserRole + 4
    ExpandedRole = Qt.ItemDataRole.UserRole + 5
    BadgeRole = Qt.ItemDataRole.UserRole + 6  # "2 versions" on a note in conflict, or ""
    EditedRole = Qt.ItemDataRole.UserRole + 7  # True: the facilitator changed the text
    StateRole = Qt.ItemDataRole.UserRole + 8  # the note's NoteState (walkapp.note_states)
    MarkRole = Qt.ItemDataRole.UserRole + 9  # "Flagged", "Kept", "Set aside" or ""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[EvidenceGroup] = []
        self._filtered = False
        self._collapsed: set[str] = set()
        self._rows: list[tuple[int, int]] = []  # (group, card) with card -1 for a heading

    def set_groups(self, groups: Sequence[EvidenceGroup], *, filtered: bool = False,
                   expand_all: bool = False) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self._filtered = filtered
        if expand_all:
            self._collapsed.clear()
        self._layout_rows()
        self.endResetModel()

    def _layout_rows(self) -> None:
        rows: list[tuple[int, int]] = []
        for g, group in enumerate(self._groups):
            rows.append((g, -1))
            if group.key not in self._collapsed:
                rows.extend((g, c) for c in range(len(group.cards)))
        self._rows = rows

    def groups(self) -> list[EvidenceGroup]:
        return list(self._groups)

    def group_row(self, key: str) -> int:
        return next((r for r, (g, c) in enumerate(self._rows)
                     if c < 0 and self._groups[g].key == key), -1)

    def is_group(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row][1] < 0

    def is_collapsed(self, key: str) -> bool:
        return key in self._collapsed

    def set_collapsed(self, key: str, collapsed: bool) -> None:
        if collapsed == (key in self._collapsed):
            return
        self.beginResetModel()
        (self._collapsed.add if collapsed else self._collapsed.discard)(key)
        self._layout_rows()
        self.endResetModel()

    def toggle(self, row: int) -> None:
        if self.is_group(row):
            key = self._groups[self._rows[row][0]].key
            self.set_collapsed(key, key not in self._collapsed)

    def set_all_collapsed(self, collapsed: bool) -> None:
        self.beginResetModel()
        self._collapsed = {g.key for g in self._groups} if collapsed else set()
        self._layout_rows()
        self.endResetModel()

    def count_text(self, group: EvidenceGroup) -> str:
        if self._filtered:
            return self.tr("{0} of {1}").format(fmt.number(group.shown),
                                                fmt.number(group.total))
        return fmt.plural(group.total, *group.counts)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    # No `flags` override on purpose: the view asks for every row's flags when it lays
    # out, and the C++ default (enabled, selectable, never has children) is what we want.

    def item(self, row: int) -> EvidenceGroup | EvidenceCard | None:
        if not 0 <= row < len(self._rows):
            return None
        g, c = self._rows[row]
        return self._groups[g] if c < 0 else self._groups[g].cards[c]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if isinstance(item, EvidenceGroup):
            return self._group_data(item, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == self.MetaRole:
            return " · ".join(p for p in (item.meta, item.author) if p)
        if role == self.KindRole:
            return "card"
        if role == self.IdRole:
            return item.note_id
        if role == self.BadgeRole:
            return item.badge
        if role == self.EditedRole:
            return item.edited
        if role == self.StateRole:
            return item.state
        if role == self.MarkRole:
            return item.mark
        if role == Qt.ItemDataRole.ToolTipRole and item.state is NoteState.FLAGGED:
            return self.tr("The language nudge or the name caution fired on this note: it "
                           "is held back from the record. Press Enter or double-click to "
                           "rewrite it, keep it, or set it aside.")
        if role == Qt.ItemDataRole.ToolTipRole and item.state is NoteState.SET_ASIDE:
            return self.tr("Set aside: kept in the walk, never in a record. Press Enter or "
                           "double-click to put it back.")
        if role == Qt.ItemDataRole.ToolTipRole and item.badge:
            return self.tr("{0}: this note was changed on two laptops before they met. "
                           "Press Enter or double-click to choose which to keep in "
                           "Conflicts.").format(item.badge)
        if role == Qt.ItemDataRole.ToolTipRole and item.edited:
            return self.tr("The facilitator changed this note; the walker's own text is "
                           "kept. Press the menu key or right-click, or use “Show earlier "
                           "text…”, to read it.")
        if role == Qt.ItemDataRole.ToolTipRole and item.text.endswith("…"):
            return self.tr("This note is long; it is shortened here.")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            meta = " · ".join(p for p in (item.mark, item.badge,
                                          self.data(index, self.MetaRole)) if p)
            return f"{meta}: {item.text}" if meta else item.text
        return None

    def _group_data(self, group: EvidenceGroup, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return group.title
        if role == self.MetaRole:
            return self.count_text(group)
        if role == self.KindRole:
            return "group"
        if role == self.IdRole:
            return group.key
        if role == self.CountRole:
            return group.total
        if role == self.ExpandedRole:
            return group.key not in self._collapsed
        if role == Qt.ItemDataRole.ToolTipRole and group.description:
            return group.description
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self.tr("collapsed") if group.key in self._collapsed else ""
            return ", ".join(p for p in (group.title, self.count_text(group), state) if p)
        return None
