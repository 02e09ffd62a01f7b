"""The walk reports speak the protocol's words: the debrief's pattern headings are the
protocol's `[[debrief_sequence]]` titles in its order, its evidence is grouped under the
protocol's `[[stems]]` labels in its order, the thank-you note and the growth journal use
the walk's own stem words. Nothing is lost: statements of a kind the sequence leaves out
and notes with a stem the protocol does not offer still print, after the protocol's own.

Expected words come from the loaded protocol (every built-in, and test protocols with
custom labels, a sequence without predict, and none at all), never typed here. A walk whose
saved protocol is damaged still prints its debrief, in walkapp's own words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.core.reports.conftest import Render, pdf_text, squash
from tests.core.reports.test_outline import DAMAGED
from walkapp import domain as d
from walkapp.protocol import Protocol, load_file, load_text
from walkapp.protocol.library import builtin_dir
from walkapp.services import Services
from walkapp.services.notes import NoteDraft
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.storage import models as m

# The English built-ins: these tests read each report against the protocol's words
# with English grammar ("I noticed" → "We noticed"). The Spanish ones (<id>.es.toml) print
# in Spanish, checked by tests/core/reports/test_spanish_reports.py.
BUILTINS = sorted(p for p in builtin_dir().glob("*.toml") if p.stem.count(".") == 0)

_PHASES = '''
[pre_brief]
title = "Before"
[[pre_brief.steps]]
key = "hello"
title = "Hello"
minutes = 5

[observation]
title = "Looking"
[[observation.steps]]
key = "visits"
title = "Into classrooms"
activity = "visits"

[post_brief]
title = "After"
[[post_brief.steps]]
key = "patterns"
title = "Find patterns"
minutes = 10
activity = "patterns"
'''

# Custom labels, only two stems (question before noticed), no predict stage.
CUSTOM = '''
schema_version = 1
id = "custom-words"
version = "1"
title = "Custom words"

[[stems]]
stem = "question"
label = "Puzzle"
prompt = "Something puzzling…"

[[stems]]
stem = "noticed"
label = "Seen"
prompt = "On the page I see…"

[[debrief_sequence]]
kind = "describe"
title = "What the rooms showed us"
prompt = "Only what a camera would catch."

[[debrief_sequence]]
kind = "analyse"
title = "Why it might be so"
prompt = "Connect the evidence."

[[debrief_sequence]]
kind = "next_level"
title = "Where we go next"
prompt = "What we will learn next."
''' + _PHASES

# No [[stems]] (the loader offers all four) and no [[debrief_sequence]] (walkapp's usual).
BARE = '''
schema_version = 1
id = "bare-words"
version = "1"
title = "Bare words"
''' + _PHASES


def protocols() -> list[pytest.param]:  # type: ignore[valid-type]
    return [*(pytest.param(path, id=path.stem) for path in BUILTINS),
            pytest.param("custom", id="custom"), pytest.param("bare", id="bare"),
            pytest.param("markup", id="markup")]


def load(which: Path | str) -> Protocol:
    if which == "custom":
        return load_text(CUSTOM, "custom.toml")
    if which == "bare":
        return load_text(BARE, "bare.toml")
    if which == "markup":  # the protocol's words print literally, markup and all
        return load_text(CUSTOM.replace('"Seen"', '"I <b>saw</b> & heard"').replace(
            '"Why it might be so"', '"Why <i>it</i> & so"'), "markup.toml")
    assert isinstance(which, Path)
    return load_file(which)


# -- what the protocol says, read from the loaded protocol --------------------------------
def stage_titles(protocol: Protocol) -> list[tuple[str, d.PatternKind, str]]:
    """The protocol's stages in order, each keyed by its own key (a version 2 stage such
    as "raise-questions") or its kind; walkapp's usual four when it gives none."""
    return [(s.stage_key, s.kind, s.title) for s in protocol.debrief_stages()]


def left_out_kinds(protocol: Protocol) -> list[d.PatternKind]:
    """The plain kinds no stage of the protocol is keyed by (all four when every stage is
    one of the protocol's own)."""
    keys = {key for key, _, _ in stage_titles(protocol)}
    return [k for k in d.PatternKind if k.value not in keys]


def stem_labels(protocol: Protocol) -> list[tuple[str, d.Stem, str]]:
    """The protocol's stems in its order, each keyed by its own key (a version 2 stem
    such as "warm") or its plain stem, then any plain stem it does not offer under its
    key, with walkapp's label."""
    offered = [(s.stem_key, s.stem, s.label) for s in protocol.stems]
    keys = {key for key, _, _ in offered}
    return offered + [(s.value, s, s.label) for s in d.Stem if s.value not in keys]


def first_labels(protocol: Protocol) -> dict[d.Stem, str]:
    """Each plain stem's words where one label must stand for all the stems written like
    it (a thank-you note's headings): the protocol's first such stem's label."""
    labels: dict[d.Stem, str] = {}
    for _, stem, label in stem_labels(protocol):
        labels.setdefault(stem, label)
    return labels


def group_voice(label: str) -> str:
    """How a letter from the group says a first-person stem label: "I noticed" → "We
    noticed…"; any other label as the protocol writes it."""
    if not label.startswith("I "):
        return label
    said = "We " + label[2:].replace(" I ", " we ")
    return said if said.endswith("…") else said + "…"


def note_text(stem: d.Stem | str, visit: int) -> str:
    """A note of the stem keyed `stem` (a plain stem or a protocol's own key)."""
    return f"Note {getattr(stem, 'value', stem)} from visit {visit} zq."


def statement(kind: d.PatternKind | str) -> str:
    """A statement of the stage keyed `kind` (a plain kind or a protocol's own key)."""
    return f"Statement of kind {getattr(kind, 'value', kind)} zq."


def walk_with_everything(services: Services, protocol: Protocol) -> d.Walk:
    """A walk on `protocol` with a note of every stem in each visit (the protocol's own
    and even plain stems it does not offer: written before, or merged from another laptop)
    and a pattern statement of every stage and of every plain kind it leaves out, typed
    in reverse order."""
    walk = create_walk_from_protocol(services, protocol, f"Walk on {protocol.id}",
                                     date(2026, 11, 2), "Our focus", None, 2)
    walker = services.plan.add_participant(walk.id, "Wanda Walker")
    walk = services.walks.get_walk(walk.id)
    for visit in walk.visits:
        for key, stem, _ in stem_labels(protocol):
            services.notes.save_note(NoteDraft(
                walk.id, walker.id, note_text(key, visit.position), stem, visit_id=visit.id,
                stem_key="" if key == stem.value else key))
    stages = [(key, kind) for key, kind, _ in stage_titles(protocol)]
    for key, kind in reversed(stages + [(k.value, k) for k in left_out_kinds(protocol)]):
        services.debrief.add_pattern(walk.id, kind, statement(key),
                                     stage_key="" if key == kind.value else key)
    services.debrief.save_commitment(walk.id, walker.id, "Ask one more open question zq.")
    return walk


def find_in_order(flat: str, start: int, texts: list[str]) -> int:
    """Each of `texts` on the page after the one before it; the position after the last."""
    at = start
    for value in texts:
        found = flat.find(squash(value), at)
        assert found >= 0, f"{value!r} not after position {at}"
        at = found + len(squash(value))
    return at


def pattern_part(flat: str) -> str:
    """Page 1's patterns: from their heading up to the next section (they lead the
    debrief, before the evidence)."""
    start = flat.index("Patterns")
    ends = [flat.find(word, start) for word in ("Nextsteps", "Commitments", "Notrecorded")]
    return flat[start:min(e for e in ends if e > 0)]


# -- the debrief --------------------------------------------------------------------------
@pytest.mark.parametrize("which", protocols())
def test_debrief_pattern_headings_are_the_protocols_titles_in_its_order(
        services: Services, render: Render, which: Path | str) -> None:
    protocol = load(which)
    walk = walk_with_everything(services, protocol)
    flat = squash(pdf_text(render("debrief", walk.id)))
    part = pattern_part(flat)
    stages = stage_titles(protocol)
    at = find_in_order(part, 0, [w for key, _, title in stages
                                 for w in (title, statement(key))])
    # Kinds the protocol leaves out still print, after its own, under a plain heading.
    left_out = left_out_kinds(protocol)
    if left_out:
        find_in_order(part, at, ["Other statements", *(w for k in left_out
                                                        for w in (k.label, statement(k)))])
    else:
        assert squash("Other statements") not in part
    # walkapp's own stage names print only where the protocol uses them.
    for kind in d.PatternKind:
        if kind.label not in {t for _, _, t in stages} and kind not in left_out:
            assert squash(kind.label) + squash(statement(kind)) not in part


@pytest.mark.parametrize("which", protocols())
def test_debrief_evidence_is_grouped_under_the_protocols_stem_labels_in_its_order(
        services: Services, render: Render, which: Path | str) -> None:
    protocol = load(which)
    walk = walk_with_everything(services, protocol)
    flat = squash(pdf_text(render("debrief", walk.id)))
    start = flat.index(squash("Not tagged with a look-for"))
    words = [w for key, _, label in stem_labels(protocol)
             for w in (label, note_text(key, 1), note_text(key, 2))]
    find_in_order(flat, start, words)


@pytest.mark.parametrize("which", protocols())
def test_thanks_note_says_the_protocols_stem_words(
        services: Services, render: Render, which: Path | str) -> None:
    protocol = load(which)
    walk = walk_with_everything(services, protocol)
    out = pdf_text(render("thanks", walk.id, visit=1))
    flat = squash(out)
    labels = first_labels(protocol)
    # The first note written like each stem (the walk's notes go in stem_labels' order).
    first = {stem: next(k for k, s, _ in stem_labels(protocol) if s is stem)
             for stem in (d.Stem.NOTICED, d.Stem.WONDER)}
    find_in_order(flat, 0, [group_voice(labels[d.Stem.NOTICED]),
                            note_text(first[d.Stem.NOTICED], 1),
                            group_voice(labels[d.Stem.WONDER]),
                            note_text(first[d.Stem.WONDER], 1)])
    if labels[d.Stem.NOTICED] != d.Stem.NOTICED.label:
        assert squash("We noticed") not in flat


@pytest.mark.parametrize("which", protocols())
def test_commitments_are_headed_with_the_protocols_will_try_words(
        services: Services, render: Render, which: Path | str) -> None:
    protocol = load(which)
    walk = walk_with_everything(services, protocol)
    offered = {s.stem: s for s in protocol.stems}
    heading = (f"Commitments: “{offered[d.Stem.WILL_TRY].prompt}”"
               if d.Stem.WILL_TRY in offered else "Commitments")
    flat = squash(pdf_text(render("debrief", walk.id)))
    find_in_order(flat, flat.index(squash(statement(d.PatternKind.NEXT_LEVEL))),
                  [heading, "Ask one more open question zq."])
    journal = squash(pdf_text(render("journal", walk.id, walker="Wanda Walker")))
    journal_heading = (offered[d.Stem.WILL_TRY].prompt if d.Stem.WILL_TRY in offered
                       else "Commitments")
    find_in_order(journal, 0, [journal_heading, "Ask one more open question zq."])


# -- a damaged saved protocol -------------------------------------------------------------
def _damage(services: Services, walk_id: str, snapshot: str) -> None:
    with services.db.transaction() as session:
        row = session.get(m.Walk, walk_id)
        assert row is not None
        row.protocol_snapshot = snapshot


@pytest.mark.parametrize("snapshot", [*DAMAGED, "altered"])
def test_a_damaged_saved_protocol_still_prints_the_debrief_in_walkapps_words(
        services: Services, render: Render, snapshot: str) -> None:
    walk = walk_with_everything(services, load("custom"))
    if snapshot == "altered":
        snapshot = services.walks.protocol_snapshot(walk.id).replace("Puzzle", "Riddle")
    _damage(services, walk.id, snapshot)
    out = pdf_text(render("debrief", walk.id))
    flat = squash(out)
    assert "could not be read" in out
    find_in_order(pattern_part(flat), 0, [w for k in d.PatternKind
                                          for w in (k.label, statement(k))])
    find_in_order(flat, flat.index(squash("Not tagged with a look-for")),
                  [w for s in d.Stem for w in (s.label, note_text(s, 1))])
    thanks = squash(pdf_text(render("thanks", walk.id, visit=1)))
    find_in_order(thanks, 0, ["We noticed…", note_text(d.Stem.NOTICED, 1)])
    journal = squash(pdf_text(render("journal", walk.id, walker="Wanda Walker")))
    assert squash("Ask one more open question zq.") in journal


def test_a_walk_without_visits_says_nothing_about_visits(services: Services,
                                                         render: Render) -> None:
    protocol = load_text(CUSTOM.replace('activity = "visits"', 'minutes = 15'), "no.toml")
    assert not protocol.has_visits
    walk = create_walk_from_protocol(services, protocol, "Reading work", date(2026, 11, 2))
    for stem in d.Stem:
        services.notes.save_note(NoteDraft(walk.id, None, note_text(stem, 0), stem))
    out = pdf_text(render("debrief", walk.id))
    flat = squash(out)
    find_in_order(flat, flat.index(squash("Not tagged with a look-for")),
                  [w for key, _, label in stem_labels(protocol)
                   for w in (label, note_text(key, 0))])
    assert "visit" not in out.casefold().replace(f"visit {0}", "")


def test_the_protocol_lookups_fall_back_to_walkapps_words() -> None:
    custom, bare = load("custom"), load("bare")
    assert custom.stem_order() == (d.Stem.QUESTION, d.Stem.NOTICED, d.Stem.WONDER,
                                   d.Stem.WILL_TRY)
    assert [custom.stem_label(s) for s in custom.stem_order()] == [
        *(s.label for s in custom.stems), d.Stem.WONDER.label, d.Stem.WILL_TRY.label]
    assert custom.stem_spec(d.Stem.WILL_TRY) is None
    assert custom.debrief_kinds() == tuple(s.kind for s in custom.debrief_sequence)
    assert custom.debrief_title(d.PatternKind.PREDICT) is None
    assert custom.debrief_stage(d.PatternKind.PREDICT) is None
    assert custom.debrief_title(d.PatternKind.ANALYSE) == custom.debrief_sequence[1].title
    assert bare.debrief_kinds() == tuple(d.PatternKind)
    assert [bare.debrief_title(k) for k in d.PatternKind] == [k.label for k in d.PatternKind]
    assert bare.stem_order() == tuple(d.Stem)


def test_the_script_of_a_protocol_without_a_sequence_names_walkapps_usual_stages(
        services: Services, render: Render) -> None:
    bare = load("bare")
    walk = create_walk_from_protocol(services, bare, "Bare", date(2026, 11, 2), visits=1)
    flat = squash(pdf_text(render("script", walk.id)))
    assert squash("usual stages") in flat
    for stage in bare.debrief_stages():  # walkapp's four, each with its prompt, in order
        assert squash(stage.title) in flat and squash(stage.prompt) in flat
    titles = [flat.index(squash(stage.title)) for stage in bare.debrief_stages()]
    assert titles == sorted(titles)
