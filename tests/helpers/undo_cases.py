"""Every undoable edit the app sends, as a case on a walk with something of everything
(tests/core/test_undo.py runs each: undo gives back the record as it was, redo the edit).

`CASES` is keyed "Class.method" (or "Class" for a command that is one write); the test
derives the list of commands from the command classes, so a new method without a case
here fails there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, is_dataclass, replace
from datetime import date
from typing import Any

from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.services import NoteDraft, Services
from walkapp.services.commands import (
    NOTE_FIELDS,
    Call,
    Command,
    DebriefEdit,
    NoteWrite,
    PlanEdit,
    ReviewEdit,
    SaveAnswer,
    Target,
    WalkDetailsEdit,
)
from walkapp.services.protocol_walks import create_walk_from_protocol


@dataclass(frozen=True)
class Walk:
    """The ids of one rich walk's rows."""

    id: str
    walker: str        # has notes, a reflection, a commitment
    quiet: str         # a walker with nothing written, in the group
    group: str
    visit: str         # has notes
    empty_visit: str
    look_for: str      # tags two notes
    other_look_for: str
    norm: str
    note: str          # the walker's, tagged
    aside_note: str    # the facilitator's, set aside at the evidence wall
    reflection: str
    commitment: str
    item: str
    pattern: str
    next_step: str


def rich_walk(services: Services) -> Walk:
    protocol = builtin_protocol("learning-walk")
    walk = create_walk_from_protocol(services, protocol, "Undo walk", date(2026, 11, 3),
                                     visits=2)
    plan, notes, debrief = services.plan, services.notes, services.debrief
    group = plan.add_group(walk.id, "Group A")
    walker = plan.add_participant(walk.id, "Ana Walker", group_id=group.id)
    quiet = plan.add_participant(walk.id, "Ben Quiet", group_id=group.id)
    visits = services.walks.get_walk(walk.id).visits
    look_for = plan.add_look_for(walk.id, "Students explain their thinking")
    other = plan.add_look_for(walk.id, "Open questions")
    norm = plan.add_norm(walk.id, "Describe, do not judge")
    note = notes.save_note(NoteDraft(walk.id, walker.id, "Three students asked why.",
                                     visit_id=visits[0].id, look_for_ids=(look_for.id,)))
    aside = notes.save_note(NoteDraft(walk.id, None, "The teacher waited five seconds.",
                                      visit_id=visits[0].id,
                                      look_for_ids=(look_for.id, other.id)))
    services.reviews.set_aside(aside.id)
    reflection = notes.save_reflection(walk.id, walker.id, "What did you notice?", "Waiting.")
    commitment = debrief.save_commitment(walk.id, walker.id, "I will try wait time.")
    item = debrief.add_action_item(walk.id, "Share the wait-time video", "Ana")
    pattern = debrief.add_pattern(walk.id, d.PatternKind.DESCRIBE, "Most talk was by pupils.")
    step = debrief.add_next_step(walk.id, "Try think-pair-share")
    return Walk(walk.id, walker.id, quiet.id, group.id, visits[0].id, visits[1].id,
                look_for.id, other.id, norm.id, note.id, aside.id, reflection.id, commitment.id,
                item.id, pattern.id, step.id)


def _answer_case(services: Services, w: Walk) -> Command:
    protocol = builtin_protocol("learning-walk")
    step = next(s for _, _, s in protocol.steps()
                if any(p.kind.value in ("text", "list") for p in s.prompts))
    prompt = next(p for p in step.prompts if p.kind.value in ("text", "list"))
    value: Any = "Our focus" if prompt.kind.value == "text" else ["Our focus"]
    return SaveAnswer(w.id, step, prompt, value)


def _editor_save(services: Services, w: Walk) -> Command:
    # The note editor's save: a composite write (its conflict rule) naming its row.
    draft = NoteDraft(w.id, w.walker, "Three students asked why, twice.", visit_id=w.visit,
                      look_for_ids=(w.look_for,), id=w.note)

    def save(s: Services) -> d.Note:
        return s.notes.save_note(draft)
    return Call(save, "save the note", target=Target("Note", w.note, NOTE_FIELDS, w.id))


Case = Callable[[Services, Walk], Command]

CASES: dict[str, Case] = {
    "ReviewEdit.set_aside": lambda s, w: ReviewEdit("set_aside", (w.note,)),
    "ReviewEdit.keep": lambda s, w: ReviewEdit("keep", (w.note,)),
    "ReviewEdit.put_back": lambda s, w: ReviewEdit("put_back", (w.aside_note,)),
    "ReviewEdit.restore": lambda s, w: ReviewEdit("restore", (w.aside_note, None)),
    "ReviewEdit.rewrite": lambda s, w: ReviewEdit("rewrite", (w.note, "Three pupils asked.")),
    "ReviewEdit.unrewrite": lambda s, w: ReviewEdit("unrewrite",
                                                    (w.note, "Three pupils asked.", False)),
    "PlanEdit.add_participant": lambda s, w: PlanEdit("add_participant", (w.id, "Cy New")),
    "PlanEdit.update_participant": lambda s, w: PlanEdit(
        "update_participant", (w.walker,), {"display_name": "Ana B. Walker", "group_id": None}),
    "PlanEdit.remove_participant": lambda s, w: PlanEdit("remove_participant", (w.quiet,)),
    "PlanEdit.put_in_group": lambda s, w: PlanEdit("put_in_group", ((w.walker, w.quiet), None)),
    "PlanEdit.add_group": lambda s, w: PlanEdit("add_group", (w.id, "Group B")),
    "PlanEdit.rename_group": lambda s, w: PlanEdit("rename_group", (w.group, "Group Z")),
    "PlanEdit.remove_group": lambda s, w: PlanEdit("remove_group", (w.group,)),
    "PlanEdit.add_visit": lambda s, w: PlanEdit("add_visit", (w.id,), {"room": "B12"}),
    "PlanEdit.update_visit": lambda s, w: PlanEdit("update_visit", (w.visit,),
                                                   {"room": "C3", "subject": "Maths"}),
    "PlanEdit.remove_visit": lambda s, w: PlanEdit("remove_visit", (w.visit,)),
    "PlanEdit.move_visit": lambda s, w: PlanEdit("move_visit", (w.empty_visit, 1)),
    "PlanEdit.add_look_for": lambda s, w: PlanEdit("add_look_for", (w.id, "Wait time")),
    "PlanEdit.update_look_for": lambda s, w: PlanEdit(
        "update_look_for", (w.look_for, "Pupils explain", "They say why")),
    "PlanEdit.remove_look_for": lambda s, w: PlanEdit("remove_look_for", (w.look_for,)),
    "PlanEdit.move_look_for": lambda s, w: PlanEdit("move_look_for", (w.other_look_for, 1)),
    "PlanEdit.add_norm": lambda s, w: PlanEdit("add_norm", (w.id, "Phones away")),
    "PlanEdit.update_norm": lambda s, w: PlanEdit("update_norm", (w.norm, "Describe only",
                                                                  True)),
    "PlanEdit.remove_norm": lambda s, w: PlanEdit("remove_norm", (w.norm,)),
    "PlanEdit.move_norm": lambda s, w: PlanEdit("move_norm", (w.norm, 1)),
    "DebriefEdit.save_commitment": lambda s, w: DebriefEdit(
        "save_commitment", (w.id, w.walker, "I will try cold calling.", w.commitment)),
    "DebriefEdit.delete_commitment": lambda s, w: DebriefEdit("delete_commitment",
                                                              (w.commitment,)),
    "DebriefEdit.review_commitment": lambda s, w: DebriefEdit(
        "review_commitment", (w.commitment, d.CommitmentStatus.TRIED, "It worked")),
    "DebriefEdit.follow_up": lambda s, w: DebriefEdit(
        "follow_up", (w.item, w.id, d.ActionStatus.DONE, "Shared on Monday")),
    "DebriefEdit.add_action_item": lambda s, w: DebriefEdit("add_action_item",
                                                            (w.id, "Book the hall", "Ben")),
    "DebriefEdit.update_action_item": lambda s, w: DebriefEdit(
        "update_action_item", (w.item,), {"text": "Share the video", "owner_name": "Cy"}),
    "DebriefEdit.delete_action_item": lambda s, w: DebriefEdit("delete_action_item",
                                                               (w.item,)),
    "DebriefEdit.add_pattern": lambda s, w: DebriefEdit(
        "add_pattern", (w.id, d.PatternKind.ANALYSE, "Waiting gave time to think.")),
    "DebriefEdit.update_pattern": lambda s, w: DebriefEdit("update_pattern",
                                                           (w.pattern, "All talk by pupils.")),
    "DebriefEdit.delete_pattern": lambda s, w: DebriefEdit("delete_pattern", (w.pattern,)),
    "DebriefEdit.add_next_step": lambda s, w: DebriefEdit("add_next_step", (w.id, "Film it")),
    "DebriefEdit.delete_next_step": lambda s, w: DebriefEdit("delete_next_step",
                                                             (w.next_step,)),
    "DebriefEdit.add_feedback": lambda s, w: DebriefEdit(
        "add_feedback", (w.id, "useful", "Was this useful?", "Very")),
    "NoteWrite.save_note": lambda s, w: NoteWrite("save_note", (NoteDraft(
        w.id, w.walker, "Two students asked why.", visit_id=w.visit,
        look_for_ids=(w.other_look_for,), id=w.note),)),
    "NoteWrite.delete_note": lambda s, w: NoteWrite("delete_note", (w.note,)),
    "NoteWrite.save_reflection": lambda s, w: NoteWrite(
        "save_reflection", (w.id, w.walker, "What did you notice?", "Wait time.",
                            w.reflection)),
    "WalkDetailsEdit": lambda s, w: WalkDetailsEdit(w.id, {"title": "Renamed walk",
                                                           "school": "Hill School"}),
    "SaveAnswer": _answer_case,
    "Call": _editor_save,
}

# Edits that add a row whose id the caller chose (the first save of a typed note), checked
# as well: undo takes the row away again, redo brings it back with the same id.
NEW_ROW_CASES: dict[str, Case] = {
    "NoteWrite.save_note (a new note)": lambda s, w: NoteWrite("save_note", (NoteDraft(
        w.id, w.walker, "A new note.", visit_id=w.empty_visit,
        id="00000000-0000-4000-8000-000000000001"),)),
    "NoteWrite.save_reflection (a new one)": lambda s, w: NoteWrite(
        "save_reflection", (w.id, w.walker, "What next?", "Ask more.")),
    "DebriefEdit.save_commitment (a new one)": lambda s, w: DebriefEdit(
        "save_commitment", (w.id, w.quiet, "I will try mini whiteboards.")),
}


def _plain(value: Any) -> Any:
    """A domain value without what an undo need not give back (when it was saved, the
    revision a travelling row's change carries to other laptops)."""
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()
                if k not in ("updated_at", "revision")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def record(services: Services, walk_id: str) -> Any:
    """Everything a walk records, as one comparable value."""
    walk = services.walks.get_walk(walk_id)
    return _plain({
        "walk": replace(walk, created_at=walk.created_at),
        "notes": services.notes.list_notes(walk_id),
        "reflections": services.notes.list_reflections(walk_id),
        "commitments": services.debrief.list_commitments(walk_id),
        "actions": services.debrief.list_action_items(walk_id),
        "patterns": services.debrief.list_patterns(walk_id),
        "next_steps": services.debrief.list_next_steps(walk_id),
        "feedback": services.debrief.list_feedback(walk_id),
        "answers": services.responses.list_answers(walk_id),
        "reviews": services.reviews.reviews(walk_id),
    })


def removed_look_fors(services: Services, walk_id: str) -> list[str]:
    from sqlalchemy import select

    from walkapp.storage import models as m

    with services.db.transaction() as session:
        return sorted(session.scalars(select(m.RemovedLookFor.id)
                                      .where(m.RemovedLookFor.walk_id == walk_id)))
