"""Walkers' "I will try…" lines, offered on the commitments screen as their proposed
commitments.

A walker says what they will try in two places: an "I will try" note (the stem) and the
"I will try…" prompt of their reflections — on their own laptop too, from where it reaches
the facilitator in their notes file (a reflection, written by them). Neither is a
commitment until the facilitator (or the walker at the post-brief) accepts or edits it:
a proposal is worked out from what the walker wrote each time it is asked for, never stored,
so importing the same notes file again can never make a second one.

Which reflections are "I will try" lines: their prompt is the protocol's "I will try"
stem (its prompt or label, in the walk's own words), walkapp's, or one of the words the
caller adds (the app's translation of its own reflection prompt), compared without case,
spaces or a trailing ellipsis or colon.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from walkapp import domain as d
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.schema import Protocol
from walkapp.protocol.snapshot import from_snapshot

if TYPE_CHECKING:
    from walkapp.services.notes import NoteService
    from walkapp.services.walks import WalkService


class Source(StrEnum):
    REFLECTION = "reflection"
    NOTE = "note"


@dataclass(frozen=True)
class Proposal:
    """A line a walker wrote that could be their commitment."""

    participant_id: str
    text: str
    source: Source
    source_id: str  # the reflection's or the note's id


def _plain(words: str) -> str:
    text = " ".join(words.casefold().split())
    for end in ("…", "...", ":"):
        text = text.removesuffix(end).rstrip()
    return text


def will_try_prompts(protocol: Protocol | None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The prompts (compared as `_plain` makes them) that mark an "I will try" reflection."""
    words = [d.Stem.WILL_TRY.prompt, d.Stem.WILL_TRY.label, *extra]
    spec = protocol.stem_spec(d.Stem.WILL_TRY) if protocol is not None else None
    if spec is not None:
        words += [spec.prompt, spec.label]
    return frozenset(p for p in map(_plain, words) if p)


def is_will_try(prompt: str, prompts: frozenset[str]) -> bool:
    return _plain(prompt) in prompts


def proposals(reflections: Sequence[d.Reflection], notes: Sequence[d.Note],
              prompts: frozenset[str]) -> dict[str, tuple[Proposal, ...]]:
    """Each walker's proposed commitments, by participant id: their "I will try" notes
    (oldest first), then their "I will try" reflection — last, as the likeliest (a line
    written for the purpose). A conflict's other version is not another proposal, and a
    line written twice is offered once."""
    out: dict[str, list[Proposal]] = {}

    def add(author: str | None, text: str, source: Source, source_id: str) -> None:
        clean = text.strip()
        if author is None or not clean:
            return
        mine = out.setdefault(author, [])
        same = [p for p in mine if " ".join(p.text.split()) == " ".join(clean.split())]
        for p in same:  # the later one of two alike wins its place (a reflection last)
            mine.remove(p)
        mine.append(Proposal(author, clean, source, source_id))

    families = {n.id for n in notes}
    for note in notes:
        if note.stem is d.Stem.WILL_TRY and note.conflict_of not in families:
            add(note.author_id, note.text, Source.NOTE, note.id)
    families = {r.id for r in reflections}
    for reflection in reflections:
        if is_will_try(reflection.prompt, prompts) and reflection.conflict_of not in families:
            add(reflection.author_id, reflection.text, Source.REFLECTION, reflection.id)
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class WalkersWords:
    """What the commitments screen shows beside each walker: their reflections (live, one
    per family, oldest first) and their proposed commitments, both by participant id."""

    reflections: dict[str, tuple[d.Reflection, ...]]
    proposals: dict[str, tuple[Proposal, ...]]
    prompts: frozenset[str]

    def is_will_try(self, reflection: d.Reflection) -> bool:
        return is_will_try(reflection.prompt, self.prompts)


def walkers_words(notes: NoteService, walks: WalkService, walk_id: str,
                  extra_prompts: Iterable[str] = ()) -> WalkersWords:
    """Read the walk's notes and reflections and work out each walker's words."""
    protocol = _protocol(walks, walk_id)
    prompts = will_try_prompts(protocol, extra_prompts)
    reflections = notes.list_reflections(walk_id)
    families = {r.id for r in reflections}
    by_author: dict[str, list[d.Reflection]] = {}
    for reflection in reflections:
        if reflection.author_id and reflection.text.strip() \
                and reflection.conflict_of not in families:
            by_author.setdefault(reflection.author_id, []).append(reflection)
    return WalkersWords({k: tuple(v) for k, v in by_author.items()},
                        proposals(reflections, notes.list_notes(walk_id), prompts), prompts)


def _protocol(walks: WalkService, walk_id: str) -> Protocol | None:
    """The walk's protocol (its snapshot), for its "I will try" words; None when the walk
    has none or it cannot be read (walkapp's words are used then)."""
    snapshot = walks.protocol_snapshot(walk_id)
    if not snapshot.strip():
        return None
    try:
        return from_snapshot(snapshot)
    except ProtocolError:
        return None
