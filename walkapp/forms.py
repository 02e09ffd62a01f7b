"""Per-visit forms (protocol format version 2, `[[visit_form]]`): the rules for an answer.

A protocol's visit form is a few short prompts each walker answers in each room (or at each
station of a data walk). An answer is stored as a note (`notes.form_key` = the prompt's key)
so that it autosaves, travels in notes files, merges, and meets the nudge and the
facilitator's decisions (walkapp.note_states) exactly as notes do. This module holds what
is special about answers, with no storage and no Qt:

- the one note of a (walker, visit, prompt): its id is derived from the three (`answer_id`),
  so a retried save, the same answer typed on two laptops or typed again after it was
  cleared, all land on the same note (a merge then sees one family, not duplicates);
- how an answer of each kind is written as a note's text (`answer_text`, which refuses a
  choice that is not one of the options or ticks outside the list) and read back
  (`answer_values`);
- the school-level view of a walk's answers (`summarise`): for each question the answers
  across the walk, choices and ticks as counts. Never a score, never per visit: the
  evidence wall, the debrief and the exports all ask here.

Prompts of kind rating are never part of a visit form (the loader refuses them): a visit is
never scored.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from walkapp import domain as d
from walkapp import note_states as ns
from walkapp.errors import ValidationError
from walkapp.formatting import tr
from walkapp.protocol.schema import Prompt, PromptKind

# The kinds a visit form may ask (the loader's rule; ratings never score a visit).
FORM_KINDS = (PromptKind.TEXT, PromptKind.LIST, PromptKind.CHOICE, PromptKind.CHECKLIST)
# Derived ids of answers: the same on every laptop for the same walker, visit and prompt.
ANSWER_NAMESPACE = uuid.UUID("0b6f2d7e-3c1a-4f57-8e0d-5a9c2b4e7f13")
MAX_ANSWER_CHARS = 20_000


def answer_id(walk_id: str, author_id: str | None, visit_id: str | None, key: str) -> str:
    """The id of the one note that holds `author_id`'s answer to `key` in `visit_id`."""
    return str(uuid.uuid5(ANSWER_NAMESPACE, f"{walk_id}|{author_id or ''}|{visit_id or ''}|"
                                            f"{key}"))


def nudged(prompt: Prompt) -> bool:
    """Does the nudge read this prompt's answers? Only words the walker wrote: a choice or
    a tick is the protocol's own wording."""
    return prompt.kind in (PromptKind.TEXT, PromptKind.LIST)


def answer_text(prompt: Prompt, value: str | Sequence[str]) -> str:
    """The note text that stores `value` as an answer to `prompt` ("" = no answer).

    text: as typed; list: one line per item, empty lines dropped; choice: one of the
    options; checklist: the ticked options, one a line, in the prompt's order. A choice or
    tick that is not an option is refused with a message that names the question."""
    kind = prompt.kind
    if kind not in FORM_KINDS:
        raise ValidationError(tr("“{text}” asks for a rating, which a visit form never does (a "
                                 "visit is not scored).").format(
                                  text=prompt.text))
    if kind is PromptKind.CHECKLIST:
        ticked = [value] if isinstance(value, str) else list(value)
        ticked = [t for t in ticked if t]
        unknown = [t for t in ticked if t not in prompt.options]
        if unknown:
            raise ValidationError(tr("“{unknown}” is not one of the options of “{text}”; tick "
                                     "only those listed.").format(
                                      unknown=unknown[0], text=prompt.text))
        return "\n".join(o for o in prompt.options if o in ticked)
    if not isinstance(value, str):
        value = "\n".join(value)
    if kind is PromptKind.CHOICE:
        if value and value not in prompt.options:
            choices = ", ".join(f"“{o}”" for o in prompt.options)
            raise ValidationError(tr("“{value}” is not one of the options of “{text}” (choose "
                                     "one of {choices}).").format(
                                      value=value, text=prompt.text, choices=choices))
        return value
    if len(value) > MAX_ANSWER_CHARS:
        raise ValidationError(tr("The answer to “{text}” is {value:,} characters long; the "
                                 "limit is {max_answer_chars:,}. Write the rest as a note.").format(
                                  text=prompt.text, value=len(value),
                                  max_answer_chars=MAX_ANSWER_CHARS))
    if kind is PromptKind.LIST:
        lines = [line.strip() for line in value.splitlines()]
        return "\n".join(line for line in lines if line)
    return value if value.strip() else ""


def answer_values(prompt: Prompt, text: str) -> tuple[str, ...]:
    """What an answer's text says, as items: the choice, the ticks, the list's lines, or
    the text itself (empty for no answer)."""
    if not text.strip():
        return ()
    if prompt.kind in (PromptKind.LIST, PromptKind.CHECKLIST):
        return tuple(line for line in text.splitlines() if line.strip())
    return (text,)


@dataclass(frozen=True)
class QuestionSummary:
    """One question across the walk: the words answered (text and list questions, in the
    order they were written, without who or which visit) or how often each option was
    chosen or ticked (choice and checklist, every option listed, zeros included)."""

    prompt: Prompt
    answers: tuple[str, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    # How many answers there are (a checklist: how many walkers ticked anything).
    answered: int = 0

    @property
    def counted(self) -> bool:
        return self.prompt.kind in (PromptKind.CHOICE, PromptKind.CHECKLIST)


def summarise(form: Sequence[Prompt], answers: Iterable[d.Note]) -> tuple[QuestionSummary, ...]:
    """Each question of `form` with `answers` (notes with a form key) across the walk.
    Answers to a key the form does not have are left out; the caller decides beforehand
    which answers may be shown (walkapp.note_states)."""
    by_key: dict[str, list[d.Note]] = {p.key: [] for p in form}
    for note in sorted(answers, key=lambda n: (n.created_at, n.id)):
        if note.form_key in by_key and note.text.strip():
            by_key[note.form_key].append(note)
    summaries = []
    for prompt in form:
        notes = by_key[prompt.key]
        if prompt.kind in (PromptKind.CHOICE, PromptKind.CHECKLIST):
            tally = dict.fromkeys(prompt.options, 0)
            others: dict[str, int] = {}
            for note in notes:
                for item in answer_values(prompt, note.text):
                    if item in tally:
                        tally[item] += 1
                    else:  # an option the protocol no longer has: counted, not lost
                        others[item] = others.get(item, 0) + 1
            summaries.append(QuestionSummary(prompt, counts=(*tally.items(), *others.items()),
                                             answered=len(notes)))
        else:
            words = tuple(item for note in notes for item in answer_values(prompt, note.text))
            summaries.append(QuestionSummary(prompt, answers=words, answered=len(notes)))
    return tuple(summaries)


def by_prompt(answers: Iterable[d.Note]) -> dict[tuple[str | None, str | None, str], d.Note]:
    """Answers by (author, visit, form key); of a conflict, the family's own row wins."""
    found: dict[tuple[str | None, str | None, str], d.Note] = {}
    for note in answers:
        if note.form_key is None:
            continue
        key = (note.author_id, note.visit_id, note.form_key)
        if key not in found or note.conflict_of is None:
            found[key] = note
    return found


@dataclass(frozen=True)
class AnswersForPrint:
    """The answers a record may show (school-level only: see `summarise`), and how many
    were held back — a count, never their words."""

    answers: tuple[d.Note, ...]
    held_back: int


def states(form: Sequence[Prompt], answers: Iterable[d.Note], reviews: Iterable[d.NoteReview],
           rewritten: Iterable[str], language: str, *, check: ns.Checker | None = None
           ) -> dict[str, ns.NoteStatus]:
    """Each answer's state, as a note's (walkapp.note_states), except that a choice or a
    tick is the protocol's wording, which the nudge never reads: only the facilitator's
    "set aside" holds those back."""
    listed = list(answers)
    found = ns.statuses(listed, reviews, rewritten, language, check=check)
    plain = {p.key for p in form if not nudged(p)}
    for note in listed:
        status = found[note.id]
        if note.form_key in plain and status.state is not ns.NoteState.SET_ASIDE:
            found[note.id] = ns.NoteStatus(ns.NoteState.IN_RECORD)
    return found


def for_print(record: d.WalkRecord, form: Sequence[Prompt], *,
              check: ns.Checker | None = None, include_flagged: bool = False
              ) -> AnswersForPrint:
    """The record's answers that reports may count and quote: set-aside ones never, ones
    the nudge or the name caution flags only once kept (or with `include_flagged`)."""
    found = states(form, record.answers, record.reviews, record.rewritten,
                   record.walk.language or "en", check=check)
    shown, held = [], 0
    for note in record.answers:
        if not note.text.strip():
            continue
        state = found[note.id].state
        if state.in_record or (include_flagged and state is ns.NoteState.FLAGGED):
            shown.append(note)
        else:
            held += 1
    return AnswersForPrint(tuple(shown), held)
