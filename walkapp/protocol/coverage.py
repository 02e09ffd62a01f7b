"""Where the app shows or uses each key a protocol file may have: one declaration.

Every key path of `walkapp.protocol.fields.PROTOCOL_KEYS` ("pre_brief.steps[].title", an
array's elements written "[]") is in exactly one of:

- `SHOWN`: a text the group sees; the value names the screens and reports that show it, as
  plain words. tests/ui/test_protocol_coverage.py puts a unique word in each such key of
  one protocol, walks it through the app and its reports, and finds every word there.
- `USED`: a key that is not a text for the group but changes what the app does (a number
  of minutes, an identifier, a choice of screen) or records where a copy came from; the
  value says how. Those the tests can check cheaply by behaviour are checked there too.
- `NOT_SHOWN`: a key the app accepts but does not show anywhere; the value says why.
  `walkapp protocol check` warns, naming the key, whenever a file has one.

A table or an array of tables itself (`source`, `roles`, `pre_brief.steps`) is "used" as
the holder of its keys.
"""

from __future__ import annotations

from typing import TypeVar

from walkapp.protocol.schema import PhaseKey

V = TypeVar("V")

PLAN = "plan page"
NEW_WALK = "New walk dialog"
GUIDE = "step guide"
OBSERVE = "observation page"
POSTBRIEF = "post-brief"
AGENDA = "agenda"
NOTECATCHER = "note-catcher"
DEBRIEF = "debrief report"
SCRIPT = "facilitator's script"
WALKER = "walker's laptop"
WALL = POSTBRIEF + " evidence wall"

_PHASE_SHOWN = {
    "title": (GUIDE, AGENDA),
    "summary": (GUIDE, SCRIPT),
    "steps[].title": (GUIDE, OBSERVE, AGENDA),
    "steps[].script": (GUIDE, OBSERVE, SCRIPT),
    "steps[].prompts[].text": (GUIDE, OBSERVE),
    "steps[].prompts[].options": (GUIDE, OBSERVE),
    "steps[].prompts[].low_label": (GUIDE, OBSERVE),
    "steps[].prompts[].high_label": (GUIDE, OBSERVE),
    "steps[].prompts[].labels": (GUIDE, OBSERVE),
    "steps[].turns.label": (GUIDE,),
    "steps[].roles[].script": (GUIDE, SCRIPT, WALKER),
}
_PHASE_USED = {
    "": "holds the phase's steps; the phase is a page of the walk",
    "another_day": "the phase gets a date of its own at planning",
    "days_after": "that date's default, counted from the walk's date",
    "steps[].optional": "the step can be left out at planning",
    "steps[].included": "whether an optional step is in the plan until it is left out",
    "steps[].turns": "the step's rounds",
    "steps[].turns.count": "how many turns the step runs",
    "steps[].turns.minutes": "each turn's countdown",
    "steps[].turns.rotate": "whether the turns go round the walkers",
    "steps[].roles": "what walkers with each role do in the step",
    "steps[].roles[].role": "the role the script is for",
    "steps[].prompts[].points": "the number of points of the rating",
    "steps[].prompts[].not_applicable": "offers \"not applicable\" as an answer",
    "steps": "the phase's steps, run in order by the step guide",
    "steps[].key": "answers to the step's prompts are saved under it",
    "steps[].minutes": "the step's countdown (its planned minutes)",
    "steps[].activity": "which part of the app the step opens",
    "steps[].prompts": "the step's questions",
    "steps[].prompts[].key": "the answer is saved under it",
    "steps[].prompts[].kind": "the kind of answer box (text, list, choice, rating, checklist)",
}


def _phases(table: dict[str, V]) -> dict[str, V]:
    """The same declaration for each phase's keys ("" is the phase's table itself)."""
    out: dict[str, V] = {}
    for phase in PhaseKey:
        for path, value in table.items():
            out[f"{phase.value}.{path}" if path else phase.value] = value
    return out


SHOWN: dict[str, tuple[str, ...]] = {
    "title": (NEW_WALK, AGENDA, NOTECATCHER),
    "summary": (NEW_WALK,),
    "version": (DEBRIEF, AGENDA, NOTECATCHER),
    "source.citation": (SCRIPT,),
    "source.url": (SCRIPT,),
    "source.note": (SCRIPT,),
    "roles[].title": (PLAN, GUIDE, AGENDA),
    "roles[].description": (PLAN, GUIDE),
    "norms": (PLAN, GUIDE, DEBRIEF, AGENDA),
    "stems[].label": ("note-taker", NOTECATCHER),
    "stems[].prompt": ("note-taker", NOTECATCHER),
    "look_for_sets[].title": (NEW_WALK,),
    "look_for_sets[].description": (NEW_WALK, SCRIPT),
    "look_for_sets[].items[].text": (PLAN, OBSERVE, DEBRIEF),
    "look_for_sets[].items[].description": (PLAN, OBSERVE, DEBRIEF),
    "debrief_sequence[].title": (POSTBRIEF + " Patterns panel",),
    "debrief_sequence[].prompt": (POSTBRIEF + " Patterns panel",),
    "feedback[].text": (POSTBRIEF + " Feedback panel",),
    "feedback[].options": (POSTBRIEF + " Feedback panel",),
    "feedback[].low_label": (POSTBRIEF + " Feedback panel",),
    "feedback[].high_label": (POSTBRIEF + " Feedback panel",),
    "feedback[].labels": (POSTBRIEF + " Feedback panel",),
    "roles[].instructions": (PLAN, WALKER, SCRIPT),
    "roles[].detail_label": (PLAN, WALKER, SCRIPT),
    "visit_form[].text": (OBSERVE, WALL),
    "visit_form[].options": (OBSERVE, WALL),
    "tallies[].label": (OBSERVE,),  # and the debrief, once something was counted
    "tallies[].description": (OBSERVE,),
    "variants[].title": (PLAN,),
    "variants[].description": (PLAN,),
    "variants[].options[].title": (PLAN,),
    "variants[].options[].description": (PLAN,),
    **_phases(_PHASE_SHOWN),
}

USED: dict[str, str] = {
    "schema_version": "the loader refuses a version it cannot read",
    "id": "names the protocol in the library; a walk records which protocol it used",
    "language": "the nudge's word list for the walk's notes",
    "based_on": "where a copy came from: written by `walkapp protocol duplicate`, printed by "
                "`walkapp protocol show`",
    "source": "holds the citation",
    "roles": "holds the roles",
    "roles[].key": "identifies the role",
    "group_min": "the group size warning at planning",
    "group_max": "the group size warning at planning",
    "visit_minutes": "each visit's countdown (its planned minutes)",
    "corridor_minutes": "the corridor countdown between visits",
    "stems": "the note stems offered (all four when absent)",
    "stems[].stem": "the kind of note a stem button starts",
    "look_for_sets": "the sets offered when a walk is planned",
    "look_for_sets[].key": "a walk records the set it was planned with",
    "look_for_sets[].items": "the set's look-fors, copied into a walk planned with it",
    "debrief_sequence": "the stages of the Patterns panel",
    "debrief_sequence[].kind": "the kind of pattern a stage collects",
    "feedback": "the closing feedback questions",
    "feedback[].key": "the answer is saved under it",
    "feedback[].kind": "the kind of answer box",
    "feedback[].points": "the number of points of the rating",
    "feedback[].not_applicable": "offers \"not applicable\" as an answer",
    "corridor_after_last": "a corridor countdown after the last visit too",
    "roles[].assign": "the role is given to walkers at planning",
    "stems[].key": "notes written with the stem are saved under it",
    "stems[].like": "the kind of note the stem is (what older walkapps and merges go by)",
    "stems[].tone": "an appreciative stem gets the nudge's kinder wording",
    "debrief_sequence[].key": "the stage's patterns are saved under it",
    "debrief_sequence[].like": "the kind of pattern the stage collects",
    "visit_form": "the questions each walker answers in each room",
    "visit_form[].key": "the answers are saved under it",
    "visit_form[].kind": "the kind of answer box",
    "tallies": "the counts and timers kept in each room",
    "tallies[].key": "the counts are saved under it",
    "tallies[].kind": "a tap counter or a start/stop timer",
    "tallies[].shortcut": "the key that counts during a visit",
    "variants": "the choices made at planning between forms of part of the walk",
    "variants[].key": "the walk records its choice under it",
    "variants[].default": "the option chosen until the facilitator picks",
    "variants[].options": "the forms to choose between",
    "variants[].options[].key": "the walk records the chosen option",
    "variants[].options[].steps": "the steps the option runs (the others' are left out)",
    **_phases(_PHASE_USED),
}

# Keys accepted but shown nowhere: `walkapp protocol check` warns, naming the key, when a
# file has one. None at present: every key can be shown, and the built-in protocols use
# them all (a phase's summary, a source's note, a look-for set's description).
NOT_SHOWN: dict[str, str] = {}
