"""Which of a walker's lines are offered as their proposed commitment: their "I will try…"
reflection (in the walk's protocol's own words) and their "I will try" notes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from walkapp import domain as d
from walkapp.protocol.library import DEFAULT_PROTOCOL_ID, builtin_protocol
from walkapp.protocol.schema import StemSpec
from walkapp.services.will_try import Source, proposals, will_try_prompts

NOW = datetime(2026, 11, 2, 9, tzinfo=UTC)


def _reflection(rid: str, author: str | None, prompt: str, text: str,
                conflict_of: str | None = None) -> d.Reflection:
    return d.Reflection(rid, "w", author, prompt, text, 1, NOW, conflict_of)


def _note(nid: str, author: str, stem: d.Stem, text: str) -> d.Note:
    return d.Note(nid, "w", author, None, None, stem, text, (), 1, NOW, NOW)


def test_the_protocols_own_words_mark_the_will_try_reflection() -> None:
    protocol = builtin_protocol(DEFAULT_PROTOCOL_ID)
    spec = protocol.stem_spec(d.Stem.WILL_TRY)
    assert spec is not None
    spanish = replace(protocol, stems=tuple(
        StemSpec(s.stem, "Voy a probar", "Voy a probar…") if s.stem is d.Stem.WILL_TRY else s
        for s in protocol.stems))
    prompts = will_try_prompts(spanish, extra=("Intentaré…",))
    lines = [_reflection("r1", "ana", "Voy a probar…", "Esperar cinco segundos."),
             _reflection("r2", "ben", "  intentaré: ", "Preguntar a un compañero."),
             _reflection("r3", "cy", spec.prompt, "I will try think-pair-share."),
             _reflection("r4", "ana", "¿Qué te llevas?", "Not a commitment")]
    found = proposals(lines, [], prompts)
    assert {k: [p.text for p in v] for k, v in found.items()} == {
        "ana": ["Esperar cinco segundos."], "ben": ["Preguntar a un compañero."],
        "cy": ["I will try think-pair-share."]}


def test_notes_first_then_the_reflection_once_each() -> None:
    prompts = will_try_prompts(None)
    notes = [_note("n1", "ana", d.Stem.WILL_TRY, "I will try wait time"),
             _note("n2", "ana", d.Stem.NOTICED, "Students waited"),
             _note("n3", "ana", d.Stem.WILL_TRY, "  "),
             _note("n4", "ana", d.Stem.WILL_TRY, "I will try   talk partners")]
    lines = [_reflection("r1", "ana", d.Stem.WILL_TRY.prompt, "I will try talk partners"),
             # A conflict's other version is not another proposal; an unsigned one has
             # nobody to belong to.
             _reflection("r2", "ana", d.Stem.WILL_TRY.prompt, "Older words", conflict_of="r1"),
             _reflection("r3", None, d.Stem.WILL_TRY.prompt, "Nobody's")]
    found = proposals(lines, notes, prompts)["ana"]
    assert [(p.source, p.source_id) for p in found] == [(Source.NOTE, "n1"),
                                                        (Source.REFLECTION, "r1")]
