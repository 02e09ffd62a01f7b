"""The visit form's answers on the evidence wall and in calibration (plain Python, no
widgets, so that it runs on the wall's worker thread and in tests).

On the wall ("By question") each question of the protocol's visit form is a group: the
walkers' written answers are its cards, like notes (openable, set aside, kept); a choice or
a checklist is counted across the whole walk in the group's line ("Rows 2 · Groups 5"),
never per visit, so no room gets a score. In calibration the questions are rows under the
stems, one cell per walker: what each answered for the same visit, side by side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from walkapp import forms
from walkapp.domain import Note, Role, Walk
from walkapp.note_states import NoteState, NoteStatus
from walkapp.protocol.schema import Prompt
from walkapp.ui.models.calibration import CalibrationGrid, CalibrationTexts, walker_tag
from walkapp.ui.models.evidence import (
    MAX_CARD_CHARS,
    SET_ASIDE_KEY,
    EvidenceCard,
    EvidenceGroup,
    WallTexts,
)

QUESTION_PREFIX = "form:"  # a question's group key / calibration row key: "form:" + its key
ANSWERS = ("{n} answer", "{n} answers")  # what a question's group counts


def answer_states(form: Sequence[Prompt], answers: Iterable[Note],
                  statuses: Mapping[str, NoteStatus]) -> dict[str, NoteState]:
    """Each answer's state as the records see it (walkapp.forms.states): a choice or a tick
    is the protocol's words, held back only when set aside."""
    plain = {p.key for p in form if not forms.nudged(p)}
    found = {}
    for note in answers:
        status = statuses.get(note.id)
        state = status.state if status is not None else NoteState.IN_RECORD
        if note.form_key in plain and state is not NoteState.SET_ASIDE:
            state = NoteState.IN_RECORD
        found[note.id] = state
    return found


def plain_answer_states(form: Sequence[Prompt], answers: Iterable[Note],
                        statuses: Mapping[str, NoteStatus]) -> dict[str, NoteStatus]:
    """The statuses of `answers` corrected as `answer_states` says (the nudge's flags on
    a choice or a tick dropped), for the wall's count of notes held back."""
    listed = list(answers)
    states = answer_states(form, listed, statuses)
    found = {}
    for note in listed:
        status = statuses.get(note.id)
        if status is not None and status.state is not states[note.id]:
            found[note.id] = NoteStatus(states[note.id])
        elif status is not None:
            found[note.id] = status
    return found


def group_answers(walk: Walk, form: Sequence[Prompt], answers: Iterable[Note],
                  texts: WallTexts, *, query: str = "", show_authors: bool = False,
                  statuses: Mapping[str, NoteStatus] | None = None) -> list[EvidenceGroup]:
    """One group per question of `form`, in the form's order, then the set-aside answers.
    Written answers are cards (with their visit, as notes are); choices and ticks are
    counted across the walk in the group's description, set-aside ones left out."""
    listed = sorted(answers, key=lambda n: (n.created_at, n.id))
    states = answer_states(form, listed, statuses or {})
    marks = {NoteState.FLAGGED: texts.flagged, NoteState.KEPT: texts.kept,
             NoteState.SET_ASIDE: texts.set_aside}
    names = {p.id: p.display_name for p in walk.participants}
    visits = {v.id: texts.visit.format(v.position) for v in walk.visits}
    terms = query.casefold().split()
    prompts = {p.key: p for p in form}
    aside: list[EvidenceCard] = []

    def card(note: Note) -> EvidenceCard:
        prompt = prompts[note.form_key or ""]
        state = states[note.id]
        text = note.text if len(note.text) <= MAX_CARD_CHARS \
            else note.text[:MAX_CARD_CHARS].rstrip() + "…"
        meta = visits.get(note.visit_id or "", "")
        if state is NoteState.SET_ASIDE:
            meta = " · ".join(p for p in (prompt.text, meta) if p)
        author = names.get(note.author_id or "", texts.unknown_author) if show_authors else ""
        return EvidenceCard(note.id, text, meta, author, state=state,
                            mark=marks.get(state, ""))

    groups = []
    for prompt in form:
        mine = [n for n in listed if n.form_key == prompt.key and n.text.strip()]
        for note in mine:
            if states[note.id] is NoteState.SET_ASIDE:
                aside.append(card(note))
        counted = [n for n in mine if states[n.id] is not NoteState.SET_ASIDE]
        if prompt.kind in ("choice", "checklist"):
            summary = forms.summarise((prompt,), counted)[0]
            line = " · ".join(texts.option_count.format(option, count)
                              for option, count in summary.counts)
            description = ""
            # One card holds the counts (no note of its own: it opens nothing).
            cards: tuple[EvidenceCard, ...] = (
                EvidenceCard("", line if summary.answered else texts.no_answers,
                             texts.counted, ""),)
            haystack = f"{prompt.text} {line}".casefold()
            if terms and not all(t in haystack for t in terms):
                continue
        else:
            description = "" if counted else texts.no_answers
            shown = [card(n) for n in counted]
            if terms:
                shown = [c for c in shown if all(
                    t in f"{prompt.text} {c.text} {c.meta} {c.author}".casefold()
                    for t in terms)]
                if not shown:
                    continue
            cards = tuple(shown)
        groups.append(EvidenceGroup(QUESTION_PREFIX + prompt.key, prompt.text, description,
                                    cards, len(counted), ANSWERS))
    if aside:
        groups.append(EvidenceGroup(SET_ASIDE_KEY, texts.set_aside_group, "", tuple(aside),
                                    len(aside), ANSWERS))
    return groups


def with_answers(grid: CalibrationGrid, walk: Walk, form: Sequence[Prompt],
                 answers: Iterable[Note], texts: CalibrationTexts, *,
                 show_names: bool = False) -> CalibrationGrid:
    """`grid` (one visit's notes) with a row per question of `form` under the stems: each
    walker's answer in their column (a walker who did not answer shows "—"). Someone
    outside the grid's columns who answered (the facilitator) gets one, headed as the
    grid heads them."""
    if not form:
        return grid
    people = {p.id: p for p in walk.participants}
    roster = set(people)
    column_of = {key: i for i, (key, _) in enumerate(grid.columns)}
    columns = list(grid.columns)
    found = forms.by_prompt(answers)
    cells = dict(grid.cells)
    rows = list(grid.rows)
    answered = 0
    for prompt in form:
        row = len(rows)
        rows.append((QUESTION_PREFIX + prompt.key, prompt.text))
        for (author, _visit, key), note in found.items():
            if key != prompt.key or not note.text.strip():
                continue
            column = author if author in roster else ""
            if column not in column_of:  # someone with no notes here answered
                person = people.get(column)
                heading = texts.unattributed if person is None else (
                    person.display_name if show_names else texts.facilitator
                    if person.role is Role.FACILITATOR else texts.walker(
                        walker_tag(len(columns))))
                column_of[column] = len(columns)
                columns.append((column, heading))
            values = forms.answer_values(prompt, note.text)
            text = ", ".join(values) if prompt.kind == "checklist" else note.text
            cells[(row, column_of[column])] = (text,)
            answered += 1
    return replace(grid, columns=tuple(columns), rows=tuple(rows), cells=cells,
                   note_count=grid.note_count + answered)
