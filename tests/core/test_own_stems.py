"""A protocol's own stems and debrief stages (issue 17, item 1): notes keep the stem's key,
grouping goes by it in the protocol's words, statements keep their stage (two stages may
share a kind), and an appreciative stem words the nudge more kindly without turning it or
the name caution off. The protocols are built from the dataclasses (the v2 loader is not
on main yet)."""

from __future__ import annotations

import dataclasses

from tests.helpers.builders import make_walk
from walkapp import domain as d
from walkapp import nudge
from walkapp.protocol.own_keys import note_stem_key, stage_heads, stem_heads
from walkapp.protocol.schema import DEFAULT_DEBRIEF, DebriefStage, Protocol, StemSpec, StemTone
from walkapp.reports.build_walk import debrief_data
from walkapp.services import NoteDraft, Services
from walkapp.services.protocol_walks import walk_protocol

WARM = StemSpec(d.Stem.NOTICED, "Warm", "What worked for students was…", key="warm",
                tone=StemTone.APPRECIATIVE)
COOL = StemSpec(d.Stem.WONDER, "Cool", "A question to push our thinking…", key="cool")
PLAIN = StemSpec(d.Stem.NOTICED, "Seen", "What I saw was…")
RAISE = DebriefStage(d.PatternKind.ANALYSE, "Raise questions", "What do we want to ask?",
                     key="raise-questions")
DEEPER = DebriefStage(d.PatternKind.ANALYSE, "Dig deeper", "Why might that be?",
                      key="dig-deeper")


def _own(protocol: Protocol) -> Protocol:
    return dataclasses.replace(protocol, stems=(WARM, COOL, PLAIN),
                               debrief_sequence=(DEFAULT_DEBRIEF[0], RAISE, DEEPER))


def test_stem_keys_are_saved_and_read_back(services: Services) -> None:
    walk = make_walk(services, "Warm walk", walkers=2, visits=1)
    me = walk.walkers[0].id
    warm = services.notes.save_note(NoteDraft(walk.id, me, "Pairs explained steps.",
                                              stem=d.Stem.NOTICED, stem_key="warm"))
    assert (warm.stem, warm.stem_key) == (d.Stem.NOTICED, "warm")
    (listed,) = services.notes.list_notes(walk.id)
    assert listed.stem_key == "warm" and services.notes.get_note(warm.id).stem_key == "warm"
    # Changing only the stem's key is a change (a new revision), and back to the four.
    cool = services.notes.save_note(dataclasses.replace(
        NoteDraft(walk.id, me, "Pairs explained steps.", stem=d.Stem.WONDER,
                  stem_key="cool"), id=warm.id))
    assert cool.revision == warm.revision + 1 and cool.stem_key == "cool"
    plain = services.notes.save_note(NoteDraft(walk.id, me, "Pairs explained steps.",
                                               stem=d.Stem.WONDER, id=warm.id))
    assert plain.stem_key == "" and services.notes.get_note(warm.id).stem_key == ""


def test_grouping_goes_by_the_stem_key_in_the_protocols_words(services: Services) -> None:
    walk = make_walk(services, "Warm walk", walkers=2, visits=2)
    protocol = _own(walk_protocol(services, walk.id))
    heads = stem_heads(protocol.stems)
    # The protocol's stems in its order, then the plain stems it does not offer.
    assert [(h.key, h.label, h.offered) for h in heads] == [
        ("warm", "Warm", True), ("cool", "Cool", True), ("noticed", "Seen", True),
        ("wonder", "I wonder", False), ("will_try", "I will try", False),
        ("question", "Question", False)]
    assert heads[0].own_key == "warm" and heads[2].own_key == ""
    # Without a key, or with a key this protocol does not have: the plain stem.
    assert note_stem_key(protocol.stems, d.Stem.NOTICED, "warm") == "warm"
    assert note_stem_key(protocol.stems, d.Stem.NOTICED, "") == "noticed"
    assert note_stem_key(protocol.stems, d.Stem.WONDER, "other-protocols") == "wonder"
    me = walk.walkers[0].id
    for text, stem, key in (("Kind words were used.", d.Stem.NOTICED, "warm"),
                            ("Who chose the groups?", d.Stem.WONDER, "cool"),
                            ("Six hands went up.", d.Stem.NOTICED, ""),
                            ("How long was the wait?", d.Stem.WONDER, "")):
        services.notes.save_note(NoteDraft(walk.id, me, text, stem=stem, stem_key=key,
                                           visit_id=walk.visits[0].id))
    data = debrief_data(services.records.walk_record(walk.id), protocol=protocol)
    (group,) = data.evidence
    assert [(s.stem_label, [i.text for i in s.items]) for s in group.stems] == [
        ("Warm", ["Kind words were used."]), ("Cool", ["Who chose the groups?"]),
        ("Seen", ["Six hands went up."]), ("I wonder", ["How long was the wait?"])]


def test_patterns_are_made_and_printed_per_stage(services: Services) -> None:
    walk = make_walk(services, "Stages walk", walkers=2, visits=1)
    protocol = _own(walk_protocol(services, walk.id))
    heads = stage_heads(protocol.debrief_stages())
    assert [(h.key, h.title, h.left_out) for h in heads] == [
        ("describe", "Describe", False), ("raise-questions", "Raise questions", False),
        ("dig-deeper", "Dig deeper", False), ("analyse", "Analyse", True),
        ("predict", "Predict", True), ("next_level", "Next level of work", True)]
    debrief = services.debrief
    deeper = debrief.add_pattern(walk.id, d.PatternKind.ANALYSE, "Wait time varied.",
                                 stage_key="dig-deeper")
    debrief.add_pattern(walk.id, d.PatternKind.ANALYSE, "Who talks most?",
                        stage_key="raise-questions")
    debrief.add_pattern(walk.id, d.PatternKind.DESCRIBE, "Talk in pairs in every room.")
    debrief.add_pattern(walk.id, d.PatternKind.PREDICT, "From an older plan.")
    assert deeper.stage_key == "dig-deeper" and deeper.stage == "dig-deeper"
    stored = {p.text: p.stage_key for p in debrief.list_patterns(walk.id)}
    assert stored["Who talks most?"] == "raise-questions"
    assert stored["Talk in pairs in every room."] == ""
    data = debrief_data(services.records.walk_record(walk.id), protocol=protocol)
    assert [(g.label, g.statements, g.left_out) for g in data.patterns] == [
        ("Describe", ("Talk in pairs in every room.",), False),
        ("Raise questions", ("Who talks most?",), False),
        ("Dig deeper", ("Wait time varied.",), False),
        ("Predict", ("From an older plan.",), True)]


def test_an_appreciative_stem_keeps_the_nudge_and_the_name_caution() -> None:
    text = "A great question from Maria got everyone talking."
    plain = nudge.check(text, "en")
    warm = nudge.check(text, "en", tone=StemTone.APPRECIATIVE.value)
    # The same flags, judgement word and possible name alike, at the same places.
    assert [(f.start, f.end, f.kind) for f in warm] == [(f.start, f.end, f.kind)
                                                         for f in plain]
    assert {f.kind for f in warm} == {"evaluative", "name"}
    judged = next(f for f in warm if f.kind == "evaluative")
    assert text[judged.start:judged.end] == "great"
    # Kinder words for the judgement (what made it work), the caution's own words kept.
    assert judged.suggestion == nudge.appreciative_suggestion("en")
    assert "made it work" in judged.suggestion
    assert judged.suggestion != next(f for f in plain if f.kind == "evaluative").suggestion
    name = next(f for f in warm if f.kind == "name")
    assert name.suggestion == next(f for f in plain if f.kind == "name").suggestion
    assert nudge.appreciative_suggestion("es")
