"""Notes written without a screen: what `walkapp note add|edit|delete|list` runs, and the
Python API of a headless round (a script, a test, a walker who prefers the terminal).

Nothing here writes by itself. Each write is the very command the desktop app sends for it
(walkapp.services.commands), run the way the app's writer runs it (`Command.perform`): a
closed walk is refused unless "Edit anyway" is asked for, the note is saved by
`NoteService.save_note` (the one read and one write of walkapp.services.note_save, with
its checks: the walk there and not in the Trash, the author, visit and look-fors its own,
the text storable and under the limit), deleted by `NoteService.delete_note` (a tombstone
that travels, its text gone at once). Where the app words a change as a facilitator's
rewrite of a walker's note — the evidence wall's "Rewrite", which keeps the walker's words
in the note's history — `edit` sends that command (`ReviewEdit("rewrite")`).

What the app adds around a save is done here the same way: an empty note is not a note
(the editor saves none); the nudge's findings come with the result, never in the way
(walkapp.nudge.findings); a walker's laptop writes as that walker only, and changes only
that walker's notes. Each call is one commit (or two, for an edit that both rewrites a
walker's words and retags them), made before it returns: there is no autosave to wait for.

The app's Undo lives in its window; a command line has none. A deleted note's words are
handed back in the result (`Removed.note`), and `add(..., note_id=<its id>)` brings the note
back under its own id — what the app's "Undo" after a delete does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from walkapp import domain as d
from walkapp import note_states as ns
from walkapp.errors import ValidationError
from walkapp.formatting import tr
from walkapp.nudge.findings import Findings, findings
from walkapp.protocol.schema import Protocol
from walkapp.services import NoteDraft, Services, note_refs
from walkapp.services.commands import NoteWrite, ReviewEdit
from walkapp.services.protocol_walks import walk_protocol
from walkapp.storage import models as m

# The phase the app's note-taker writes in (walkapp.ui.widgets.note_editor.NOTE_PHASE).
NOTE_PHASE = "observation"


@dataclass(frozen=True)
class Listed:
    """A note as `walkapp note list` shows it: with its visit, author, stem and look-fors
    by name, and its state in the records (walkapp.note_states)."""

    note: d.Note
    visit: d.Visit | None
    author: d.Participant | None
    stem_label: str
    look_fors: tuple[d.LookFor, ...]
    state: ns.NoteState
    flagged: frozenset[str]  # what the nudge fires on in it: "evaluative", "name"
    rewritten: bool          # the facilitator changed a walker's words (history kept)

    @property
    def stem_key(self) -> str:
        return self.note.stem_key or self.note.stem.value


@dataclass(frozen=True)
class Written:
    """A note added or edited: as stored, what the nudge finds in it, and its state."""

    walk: d.Walk
    listed: Listed
    created: bool
    changed: bool
    findings: Findings
    kept_history: bool  # the note keeps an earlier text (a walker's words) in its history

    @property
    def note(self) -> d.Note:
        return self.listed.note


@dataclass(frozen=True)
class Removed:
    """A deleted note, as it was just before: `add(..., note_id=listed.note.id)` with the
    same visit, stem, look-fors, author and text brings it back."""

    walk: d.Walk
    listed: Listed


@dataclass(frozen=True)
class NoteList:
    walk: d.Walk
    notes: tuple[Listed, ...]
    mine_only: bool  # a walker's laptop: only the walker's own notes are listed

    def count(self, state: ns.NoteState) -> int:
        return sum(1 for n in self.notes if n.state is state)


def add(services: Services, walk_key: str, visit: int | str, text: str, *,
        stem: str | None = None, look_fors: Sequence[str] = (), walker: str | None = None,
        note_id: str | None = None, edit_anyway: bool = False) -> Written:
    """Add a note to visit `visit` (its number) of the walk named `walk_key` (an id, or an
    unambiguous start of its title). `note_id`: the id to save it under — a deleted note's
    brings that note back; a live note's with the same words changes nothing (a script's
    retry), with other words is refused (`edit` changes a note)."""
    walk = services.walks.find_walk(walk_key)
    person = note_refs.author(walk, walker)
    place = note_refs.visit(walk, visit)
    protocol = walk_protocol(services, walk.id)
    spec = note_refs.stem(protocol, stem)
    tags = note_refs.look_fors(walk, look_fors)
    _some_words(text)
    draft = NoteDraft(walk_id=walk.id, author_id=person.id, text=text, stem=spec.stem,
                      visit_id=place.id, phase=NOTE_PHASE, look_for_ids=tags,
                      stem_key=spec.key, id=note_refs.new_note_id(note_id) if note_id else "")
    if draft.id and _already_there(services, draft):
        saved = services.notes.get_note(draft.id)
        return _written(services, walk, protocol, saved, created=False, changed=False)
    _open_for_writing(services, walk, edit_anyway)
    saved = NoteWrite("save_note", (draft,)).perform(services).result
    return _written(services, walk, protocol, saved, created=True, changed=True)


def edit(services: Services, note_key: str, *, text: str | None = None,
         stem: str | None = None, look_fors: Sequence[str] | None = None,
         visit: int | str | None = None, edit_anyway: bool = False) -> Written:
    """Change a note's text, stem, look-fors (all of them: `()` takes every tag off) or
    visit; what is not given stays. On the facilitator's laptop new words for a walker's
    note are a rewrite, as at the evidence wall: the walker's words stay in the note's
    history, a set-aside note stays aside."""
    before = note_refs.note(services, note_key)
    walk = services.walks.get_walk(before.walk_id)
    _check_mine(walk, before)
    if text is None and stem is None and look_fors is None and visit is None:
        raise ValidationError(tr("Say what to change: new text, a stem, look-fors or a "
                                 "visit."))
    protocol = walk_protocol(services, walk.id)
    spec = note_refs.stem(protocol, stem) if stem is not None else None
    tags = note_refs.look_fors(walk, look_fors) if look_fors is not None else before.look_for_ids
    place = note_refs.visit(walk, visit).id if visit is not None else before.visit_id
    words = before.text if text is None else text
    _some_words(words)
    draft = NoteDraft(walk_id=walk.id, author_id=before.author_id, text=words,
                      stem=spec.stem if spec else before.stem,
                      stem_key=spec.key if spec else before.stem_key,
                      visit_id=place, phase=before.phase, look_for_ids=tags, id=before.id,
                      base_revision=before.revision)
    _open_for_writing(services, walk, edit_anyway)
    author = walk.participant(before.author_id)
    rewrite = (words != before.text and walk.local_mode is d.LocalMode.FACILITATOR
               and author is not None and author.role is d.Role.WALKER)
    current = before
    if rewrite:
        # The facilitator's new words for a walker's note: the wall's rewrite, made last
        # so that the history tells the facilitator's words from the walker's (a later
        # save of the tags would give the text back to the walker).
        draft = replace(draft, text=before.text)
    if (draft.text, draft.stem, draft.stem_key, draft.visit_id, draft.look_for_ids) != (
            before.text, before.stem, before.stem_key, before.visit_id, before.look_for_ids):
        current = NoteWrite("save_note", (draft,)).perform(services).result
    if rewrite:
        ReviewEdit("rewrite", (before.id, words)).perform(services)
        current = services.notes.get_note(before.id)
    return _written(services, walk, protocol, current, created=False,
                    changed=current.revision != before.revision)


def delete(services: Services, note_key: str, *, edit_anyway: bool = False) -> Removed:
    """Delete a note as the app does: a tombstone stays (the deletion travels to the
    other laptops), the text, tags, history and the facilitator's decision on it go."""
    before = note_refs.note(services, note_key)
    walk = services.walks.get_walk(before.walk_id)
    _check_mine(walk, before)
    listed = _listing(services, walk, walk_protocol(services, walk.id), [before])[0]
    _open_for_writing(services, walk, edit_anyway)
    NoteWrite("delete_note", (before.id,)).perform(services)
    return Removed(walk, listed)


def notes(services: Services, walk_key: str, *, visit: int | str | None = None,
          walker: str | None = None) -> NoteList:
    """The walk's live notes in route order (then the notes of removed visits, then those
    of no visit), each with its state; on a walker's laptop, that walker's only."""
    walk = services.walks.find_walk(walk_key)
    mine = note_refs.on_walkers_laptop(walk)
    author_id = walk.local_participant_id if mine else (
        note_refs.author(walk, walker).id if walker is not None else None)
    visit_id = note_refs.visit(walk, visit).id if visit is not None else None
    rows = services.notes.list_notes(walk.id, visit_id=visit_id, author_id=author_id)
    order = {v.id: i for i, v in enumerate((*walk.visits, *walk.removed_visits))}
    rows.sort(key=lambda n: order.get(n.visit_id or "", len(order)))  # stable: families stay
    listed = _listing(services, walk, walk_protocol(services, walk.id), rows)
    return NoteList(walk, tuple(listed), mine)


# -- helpers -------------------------------------------------------------------------------

def _some_words(text: str) -> None:
    # The app's editor saves no note of blank text (and removes one emptied).
    if not text.strip():
        raise ValidationError(tr("The note is empty. Write what you saw or heard."))


def _check_mine(walk: d.Walk, note: d.Note) -> None:
    if note_refs.on_walkers_laptop(walk) and note.author_id != walk.local_participant_id:
        raise ValidationError(tr("On a walker's laptop only the walker's own notes can be "
                                 "changed; this note is someone else's."))


def _already_there(services: Services, draft: NoteDraft) -> bool:
    """An id a script gave: True when a live note has it and says exactly what `draft`
    says (a retry: nothing to write). A new id, or a deleted note's of this walk and this
    author (it comes back, as after the app's Undo), gives False; any other is refused."""
    with services.db.transaction() as session:
        row = session.get(m.Note, draft.id)
        stored = None if row is None else (row.walk_id, row.author_id, row.deleted_at,
                                           row.form_key)
    if stored is None:
        return False
    walk_id, author_id, deleted_at, form_key = stored
    if walk_id != draft.walk_id or author_id != draft.author_id or form_key is not None:
        raise ValidationError(tr("The id {id} is another note's (of another walk, another "
                                 "person or the visit form); leave --id out to add a new "
                                 "note.").format(id=draft.id))
    if deleted_at is not None:
        return False
    note = services.notes.get_note(draft.id)
    if (note.text, note.stem, note.stem_key, note.visit_id, note.look_for_ids) == (
            draft.text, d.Stem(draft.stem), draft.stem_key, draft.visit_id,
            draft.look_for_ids):
        return True
    raise ValidationError(tr("There is already a note with the id {id}; change it with "
                             "`walkapp note edit {short}`.").format(id=draft.id,
                                                                    short=draft.id[:8]))


def _open_for_writing(services: Services, walk: d.Walk, edit_anyway: bool) -> None:
    """A closed walk is the record: "Edit anyway" (`edit_anyway`) unlocks it for this
    session, as the button at the top of the walk does in the app."""
    if edit_anyway and services.closed.is_closed(walk.id):
        services.closed.edit_anyway(walk.id)


def _written(services: Services, walk: d.Walk, protocol: Protocol, note: d.Note, *,
             created: bool, changed: bool) -> Written:
    listed = _listing(services, walk, protocol, [note])[0]
    spec = protocol.stem_spec_by_key(listed.stem_key)
    tone = spec.tone.value if spec is not None else "neutral"
    found = findings(note.text, walk.language, tone)
    kept = (walk.local_mode is d.LocalMode.FACILITATOR and note.author_id is not None
            and services.notes.keeps_earlier_text(note.id))
    return Written(walk, listed, created, changed, found, kept)


def _listing(services: Services, walk: d.Walk, protocol: Protocol,
             rows: Sequence[d.Note]) -> list[Listed]:
    wanted = {n.id for n in rows}
    reviews = [r for r in services.reviews.reviews(walk.id) if r.note_id in wanted]
    rewritten = services.history.rows_with_history(walk.id) & wanted
    states = ns.statuses(rows, reviews, rewritten, walk.language or "en")
    visits = {v.id: v for v in (*walk.visits, *walk.removed_visits)}
    tags = {lf.id: lf for lf in walk.look_fors}
    out = []
    for note in rows:
        status = states[note.id]
        spec = protocol.stem_spec_by_key(note.stem_key or note.stem.value)
        out.append(Listed(note=note, visit=visits.get(note.visit_id or ""),
                          author=walk.participant(note.author_id),
                          stem_label=spec.label if spec is not None
                          else protocol.stem_label(note.stem),
                          look_fors=tuple(tags[t] for t in note.look_for_ids if t in tags),
                          state=status.state, flagged=status.kinds,
                          rewritten=note.id in rewritten))
    return out
