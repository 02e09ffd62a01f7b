"""Which of the walk's stems a note goes under, and which debrief stage a statement does.

A version 2 protocol may define stems of its own ("warm", "cool"), each written `like` one
of walkapp's four, and debrief stages of its own ("raise-questions"), several of which may
share a kind. A note keeps the protocol's key (`Note.stem_key`) beside the plain stem
(`Note.stem`); a statement keeps its stage's key (`Pattern.stage_key`) beside its kind.

Everything that groups notes by stem (the evidence wall, calibration, the debrief) or
statements by stage (the patterns panel, the debrief) asks here, so that the rule is
written once:

- a note goes under its own key when the walk's protocol knows it; otherwise (no key, a key
  of another protocol, or no readable protocol) under its plain stem;
- a group is headed with the protocol's label for that key; a plain stem the protocol does
  not offer is headed in walkapp's words and comes after the protocol's own, in walkapp's
  order. Debrief stages follow the same rule, with "left out" marking the stages outside
  the protocol's sequence.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass

from walkapp.domain import PatternKind, Stem
from walkapp.protocol.schema import DEFAULT_DEBRIEF, DebriefStage, Protocol, StemSpec, StemTone


def stems_of(protocol: Protocol | None) -> tuple[StemSpec, ...]:
    """The protocol's stems; none without a readable protocol (walkapp's words then)."""
    return protocol.stems if protocol is not None else ()


def stages_of(protocol: Protocol | None) -> tuple[DebriefStage, ...]:
    """The protocol's debrief stages in talk order; walkapp's four without a protocol."""
    return protocol.debrief_stages() if protocol is not None else DEFAULT_DEBRIEF


@dataclass(frozen=True)
class StemHead:
    """One group of notes: what it is keyed by, the plain stem its notes are written like,
    and its words. `offered`: one of the protocol's stems (False: walkapp's words for a
    plain stem the protocol does not offer, which a screen may translate)."""

    key: str
    stem: Stem
    label: str
    prompt: str
    tone: StemTone = StemTone.NEUTRAL
    offered: bool = True

    @property
    def own_key(self) -> str:
        """What a note written with this stem stores as its `stem_key`: "" for the four."""
        return "" if self.key == self.stem.value else self.key


def stem_heads(specs: Sequence[StemSpec]) -> tuple[StemHead, ...]:
    """Every group a note can go under, in order: the protocol's stems (`specs`) in its
    order, then each of the four it does not offer under the stem's own name, in walkapp's
    order."""
    heads = [StemHead(s.stem_key, s.stem, s.label, s.prompt, s.tone) for s in specs]
    taken = {h.key for h in heads}
    heads += [StemHead(s.value, s, s.label, s.prompt, offered=False)
              for s in Stem if s.value not in taken]
    return tuple(heads)


def note_stem_key(specs: Sequence[StemSpec], stem: Stem, stem_key: str) -> str:
    """The group a note goes under (a StemHead's key): its own key when the protocol's
    stems (`specs`) have it, else its plain stem."""
    return group_key({s.stem_key for s in specs}, stem, stem_key)


def group_key(known: Container[str], stem: Stem, stem_key: str) -> str:
    """`note_stem_key` given the keys of the groups there are (StemHead.key)."""
    return stem_key if stem_key and stem_key in known else stem.value


@dataclass(frozen=True)
class StageHead:
    """One group of statements: a stage of the protocol's debrief sequence, or (`left_out`)
    a kind the sequence leaves out, under walkapp's name for it."""

    key: str
    kind: PatternKind
    title: str
    prompt: str = ""
    left_out: bool = False

    @property
    def own_key(self) -> str:
        """What a statement of this stage stores as its `stage_key`: "" for a plain kind."""
        return "" if self.key == self.kind.value else self.key


def stage_heads(stages: Sequence[DebriefStage], *, left_out: bool = True
                ) -> tuple[StageHead, ...]:
    """The protocol's stages (`stages`, see `stages_of`) in talk order, then, with
    `left_out`, a plain kind for each kind no stage of the sequence is keyed by."""
    heads = [StageHead(s.stage_key, s.kind, s.title, s.prompt) for s in stages]
    if left_out:
        taken = {h.key for h in heads}
        heads += [StageHead(k.value, k, k.label, left_out=True)
                  for k in PatternKind if k.value not in taken]
    return tuple(heads)


def pattern_stage_key(stages: Sequence[DebriefStage], kind: PatternKind, stage_key: str
                      ) -> str:
    """The stage a statement goes under (a StageHead's key): its own when the protocol's
    sequence (`stages`) has it, else its plain kind."""
    if stage_key and any(s.stage_key == stage_key for s in stages):
        return stage_key
    return kind.value
