"""Which notes are in the record: the one definition the evidence wall, the merge and every
report use.

A note is in one of five states, worked out from its current text, the facilitator's
review of it (table `note_reviews`, `walkapp.services.reviews`) and whether the facilitator
changed its text (its history, `walkapp.services.history`):

- IN_RECORD — the default: printed in the debrief and the other records;
- SET_ASIDE — the facilitator moved it aside at the evidence wall: kept in the walk,
  never printed, whatever its text (a walker's newer version merged in stays aside);
- FLAGGED — the nudge ("evaluative") or the name caution ("name") fires on its current
  text: held back from every record until the facilitator keeps or rewrites it;
- KEPT — flagged, but the facilitator decided to keep it in the record. The decision holds
  for the text it was made on (`text_hash`): a different text that the nudge still flags
  (a merge brought the walker's newer version, or a rewrite) is FLAGGED again;
- REWRITTEN — the facilitator changed its text (the walker's words are in its history)
  and the nudge no longer fires: in the record. A rewrite still flagged is FLAGGED.

Pure functions, no storage and no Qt: the services read the rows, this module decides.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from walkapp import domain as d

if TYPE_CHECKING:  # the nudge (and its word lists) is imported when a state is first asked
    from walkapp.nudge import Flag

KEPT = "kept"
SET_ASIDE = "set_aside"
REVIEW_STATES = (KEPT, SET_ASIDE)  # what `note_reviews.state` may hold

# A check other than the real nudge (tests); None: the real one.
Checker = Callable[[str, str], Sequence["Flag"]]


class NoteState(StrEnum):
    IN_RECORD = "in_record"
    SET_ASIDE = "set_aside"
    FLAGGED = "flagged"
    KEPT = "kept"
    REWRITTEN = "rewritten"

    @property
    def in_record(self) -> bool:
        """Printed in the debrief, the thank-you notes and every other record."""
        return self in (NoteState.IN_RECORD, NoteState.KEPT, NoteState.REWRITTEN)


@dataclass(frozen=True)
class NoteStatus:
    """A note's state, and the nudge's flags on its current text (for highlighting)."""

    state: NoteState
    flags: tuple[Flag, ...] = ()

    @property
    def in_record(self) -> bool:
        return self.state.in_record

    @property
    def flagged(self) -> bool:
        """The nudge or the name caution fires on the text (whatever was decided)."""
        return bool(self.flags)

    @property
    def kinds(self) -> frozenset[str]:
        """"evaluative", "name" or both: what fired."""
        return frozenset(f.kind for f in self.flags)


def text_hash(text: str) -> str:
    """The hash a "kept" decision is tied to (64 hex digits)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@functools.lru_cache(maxsize=4096)
def _nudge_flags(text: str, language: str) -> tuple[Flag, ...]:
    # The wall works the states out again after every decision, a report for every page
    # run: the same texts each time (the word lists are cached for the process too).
    from walkapp import nudge

    return tuple(nudge.check(text, language))


def status_of(text: str, review: d.NoteReview | None, *, rewritten: bool, language: str,
              check: Checker | None = None) -> NoteStatus:
    """The state of a note showing `text`, reviewed as `review` (None: not reviewed)."""
    lang = language or "en"
    if not text.strip():
        flags: tuple[Flag, ...] = ()
    elif check is None:
        flags = _nudge_flags(text, lang)
    else:
        flags = tuple(check(text, lang))
    if review is not None and review.state == SET_ASIDE:
        return NoteStatus(NoteState.SET_ASIDE, flags)
    if flags:
        kept = review is not None and review.state == KEPT and (
            review.text_hash is None or review.text_hash == text_hash(text))
        return NoteStatus(NoteState.KEPT if kept else NoteState.FLAGGED, flags)
    return NoteStatus(NoteState.REWRITTEN if rewritten else NoteState.IN_RECORD)


def statuses(notes: Iterable[d.Note], reviews: Iterable[d.NoteReview],
             rewritten: AbstractSet[str] | Iterable[str], language: str, *,
             check: Checker | None = None) -> dict[str, NoteStatus]:
    """Each note's status, by note id."""
    by_note = {r.note_id: r for r in reviews}
    changed = set(rewritten)
    return {n.id: status_of(n.text, by_note.get(n.id), rewritten=n.id in changed,
                            language=language, check=check) for n in notes}


def record_statuses(record: d.WalkRecord, *, check: Checker | None = None
                    ) -> dict[str, NoteStatus]:
    return statuses(record.notes, record.reviews, record.rewritten,
                    record.walk.language or "en", check=check)


@dataclass(frozen=True)
class ForPrint:
    """What a record may print: the notes in the record, and how many were held back
    (flagged and not kept, or set aside) — a count only, never their text."""

    notes: tuple[d.Note, ...]
    held_back: int
    flagged: int
    set_aside: int


def for_print(record: d.WalkRecord, *, check: Checker | None = None,
              known: Mapping[str, NoteStatus] | None = None,
              include_flagged: bool = False) -> ForPrint:
    """The record's notes that reports print, in the record's order. A note with no text
    is neither printed nor counted as held back. `include_flagged` (the CLI's
    `--include-flagged`): flagged notes are printed too; set-aside ones never are."""
    status = dict(known) if known is not None else record_statuses(record, check=check)
    shown: list[d.Note] = []
    flagged = aside = 0
    for note in record.notes:
        if not note.text.strip():
            continue
        state = status[note.id].state if note.id in status else NoteState.IN_RECORD
        if state.in_record or (include_flagged and state is NoteState.FLAGGED):
            shown.append(note)
        elif state is NoteState.SET_ASIDE:
            aside += 1
        else:
            flagged += 1
    return ForPrint(tuple(shown), flagged + aside, flagged, aside)
