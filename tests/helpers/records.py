"""Whole walk records built in memory (no database), for report tests and benchmarks.

A report renders from a `WalkRecord`; building one directly lets a test make a walk of any
size in milliseconds instead of saving a thousand notes one transaction at a time.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from walkapp import domain as d

_T0 = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
_SENTENCES = (
    "Two students compared answers and one explained why she split the number in halves.",
    "After the question there were about five seconds of silence before a hand went up.",
    "Sentence strips on each table: 'I think ___ because ___'.",
    "A student asked her partner: 'Why did you get nine?' and waited for the answer.",
    "The teacher wrote three predictions on the board without comment.",
    "Groups of four with roles on lanyards: recorder, reporter, materials, timekeeper.",
    "Students showed a thumb on their chest when they were ready to answer.",
)


def big_record(walkers: int = 6, visits: int = 12, notes_per_walker_visit: int = 15,
               look_fors: int = 5, seed: int = 7) -> d.WalkRecord:
    """A closed walk with `walkers × visits × notes_per_walker_visit` notes and everything a
    post-brief records (patterns, commitments, action items, phase log, feedback)."""
    rng = random.Random(seed)
    walk_id = "walk-big"

    def when(minutes: int) -> datetime:
        return _T0 + timedelta(minutes=minutes)

    people = [d.Participant(f"p{i}", walk_id, f"Walker {i}", d.Role.WALKER, None,
                            f"person-{i}", i + 1) for i in range(walkers)]
    people.append(d.Participant("fac", walk_id, "Fran Facilitator", d.Role.FACILITATOR, None,
                                "person-fac", walkers + 1))
    route = [d.Visit(f"v{i}", walk_id, i + 1, f"Room {i + 10}", f"Year {1 + i % 6}",
                     "Mathematics", f"Teacher Surname{i}") for i in range(visits)]
    tags = [d.LookFor(f"lf{i}", walk_id, i + 1, f"Look-for number {i + 1}",
                      "What it looks like in a room.") for i in range(look_fors)]
    norms = [d.Norm(f"n{i}", walk_id, i + 1, f"Norm {i + 1}: we describe before we judge.",
                    True) for i in range(4)]
    walk = d.Walk(
        id=walk_id, title="A long walk", walk_date=date(2026, 11, 2), school="Big School",
        focus="How students explain their thinking.", language="en",
        protocol_id="learning-walk", protocol_version="1", protocol_hash="",
        status=d.WalkStatus.CLOSED, current_phase="post_brief", current_step=0,
        visit_minutes=10, corridor_minutes=3, show_teacher_names=False,
        attribute_commitments=False, include_visit_details=False, sign_thank_you_with_names=False,
        local_mode=d.LocalMode.FACILITATOR, local_participant_id=None,
        created_at=_T0, updated_at=_T0, participants=tuple(people), visits=tuple(route),
        look_fors=tuple(tags), norms=tuple(norms))
    stems = list(d.Stem)
    notes = []
    for v_index, visit in enumerate(route):
        for w_index, walker in enumerate(people[:walkers]):
            for k in range(notes_per_walker_visit):
                chosen = tuple(t.id for t in rng.sample(tags, rng.randint(0, 2)))
                text = " ".join(rng.sample(_SENTENCES, rng.randint(1, 3)))
                stamp = when(v_index * 13 + w_index + k)
                notes.append(d.Note(f"n-{v_index}-{w_index}-{k}", walk_id, walker.id,
                                    visit.id, "observation", stems[k % len(stems)], text,
                                    chosen, 1, stamp, stamp))
    commitments = tuple(d.Commitment(f"c{i}", walk_id, p.id, f"I will try idea {i + 1}.",
                                     d.CommitmentStatus.OPEN, "", None, 1, _T0)
                        for i, p in enumerate(people[:walkers]))
    patterns = tuple(d.Pattern(f"pt{i}", walk_id, kind, f"{kind.label} statement {i}.", i)
                     for i, kind in enumerate(d.PatternKind))
    actions = tuple(d.ActionItem(f"a{i}", walk_id, f"Action {i + 1}", f"Owner {i}",
                                 date(2026, 11, 10 + i), d.ActionStatus.OPEN, i + 1)
                    for i in range(8))
    log = tuple(d.PhaseLogEntry(f"log{i}", walk_id, phase, i, f"s{i}", f"Step {i}", 300,
                                0, when(i * 5), when(i * 5 + 6), 330 + i * 10, "done")
                for i, phase in enumerate(["pre_brief"] * 4 + ["observation"]
                                          + ["post_brief"] * 5))
    feedback = tuple(d.Feedback(f"f{i}", walk_id, p.id, "useful", "How useful was it?",
                                f"Answer {i}", 3 + i % 3) for i, p in enumerate(people[:walkers]))
    return d.WalkRecord(walk=walk, notes=tuple(notes), commitments=commitments,
                        action_items=actions, patterns=patterns,
                        next_steps=(d.NextStep("ns1", walk_id, "Meet again.", 1),),
                        feedback=feedback, phase_log=log)
