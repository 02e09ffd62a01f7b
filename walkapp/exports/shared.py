"""The shared export: what the debrief shows, as tables, for a coach or a researcher.

It is built from the debrief's own data (`walkapp.reports.build_walk.build_debrief`), so it
holds exactly what that report may print and nothing else — one source of truth for the
privacy rules, not a second list:

- visit details pass through `walkapp.privacy` (`walkapp.visit_fields`): no teacher name
  unless the walk's *show teacher names* is on; no room, grade or subject unless *include
  visit details* is on;
- notes are those in the record (`walkapp.note_states`): set-aside notes never, flagged
  notes only once the facilitator kept them (counted, never shown, otherwise);
- walkers are never named, except beside their commitments when the walk attributes
  commitments; notes, reflections, feedback answers and counts carry no writer;
- no ids of people, no secrets, no versions or sync state.

The walk's own id is kept, so the tables of several walks can be joined.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from walkapp import __version__
from walkapp.bundles import format as bf
from walkapp.exports import format as xf
from walkapp.reports.build_walk import build_debrief
from walkapp.reports.data import DebriefData
from walkapp.reports.registry import ReportKind, ReportRequest
from walkapp.services import Services

# Each table's columns, in order (documented in docs/file-formats.md).
COLUMNS: dict[str, tuple[str, ...]] = {
    "walks": ("walk_id", "title", "walk_date", "school", "focus", "protocol",
              "walkers", "visits", "notes", "notes_held_back", "answers_held_back",
              "unresolved_conflicts"),
    "visits": ("walk_id", "visit", "details"),
    "norms": ("walk_id", "position", "norm", "agreed"),
    "look_fors": ("walk_id", "position", "look_for", "description", "notes"),
    "notes": ("walk_id", "look_for", "also_look_fors", "stem", "visit", "text",
              "edited_by_facilitator", "not_yet_resolved", "other_versions"),
    "patterns": ("walk_id", "stage", "position", "statement"),
    "commitments": ("walk_id", "walker", "text", "status"),
    "next_steps": ("walk_id", "position", "text"),
    "action_items": ("walk_id", "text", "owner", "due_date", "status"),
    "phase_times": ("walk_id", "phase", "steps", "planned_seconds", "actual_seconds"),
    "feedback": ("walk_id", "question", "responses", "average_rating"),
    "feedback_answers": ("walk_id", "question", "answer"),
    "ratings": ("walk_id", "step", "prompt", "point", "point_words", "count"),
    "tallies": ("walk_id", "tally", "kind", "total", "visits", "people", "least",
                "median", "most"),
    "visit_questions": ("walk_id", "question", "answered"),
    "visit_question_choices": ("walk_id", "question", "choice", "count"),
    "visit_question_answers": ("walk_id", "question", "answer"),
}


def _rows(walk_id: str, data: DebriefData) -> dict[str, list[list[Any]]]:
    heading = data.walk
    out: dict[str, list[list[Any]]] = {name: [] for name in COLUMNS}
    out["walks"].append([walk_id, heading.title, heading.walk_date.isoformat(),
                         heading.school, heading.focus, heading.protocol, data.walker_count,
                         data.visit_count, data.note_count, data.held_back_notes,
                         data.held_back_answers, data.unresolved_conflicts])
    out["visits"] += [[walk_id, v.number, v.details] for v in data.visits]
    out["norms"] += [[walk_id, i, text, agreed]
                     for i, (text, agreed) in enumerate(data.norms, start=1)]
    out["look_fors"] += [[walk_id, i, lf.text, lf.description, lf.notes]
                         for i, lf in enumerate(data.look_fors, start=1)]
    for group in data.evidence:
        for stem in group.stems:
            out["notes"] += [[walk_id, group.look_for, "; ".join(item.also), stem.stem_label,
                              item.where, item.text, item.edited, item.conflict,
                              " | ".join(item.other_versions)] for item in stem.items]
    for pattern in data.patterns:
        out["patterns"] += [[walk_id, pattern.label, i, text]
                            for i, text in enumerate(pattern.statements, start=1)]
    out["commitments"] += [[walk_id, c.walker, c.text, c.status] for c in data.commitments]
    out["next_steps"] += [[walk_id, i, text] for i, text in enumerate(data.next_steps, start=1)]
    out["action_items"] += [[walk_id, a.text, a.owner, a.due.isoformat() if a.due else None,
                             a.status] for a in data.action_items]
    out["phase_times"] += [[walk_id, p.phase, p.steps, p.planned_seconds, p.actual_seconds]
                           for p in data.phase_times]
    for summary in data.feedback:
        average = summary.average
        out["feedback"].append([walk_id, summary.question, summary.responses,
                                round(average, 2) if average is not None else None])
        out["feedback_answers"] += [[walk_id, summary.question, a] for a in summary.answers]
    for step in data.ratings:
        for prompt, spread in step.prompts:
            out["ratings"] += [[walk_id, step.step, prompt.text, p.point, p.label, p.count]
                               for p in spread.points]
    out["tallies"] += [[walk_id, t.label, t.kind.value, t.total, t.visits, t.people, t.least,
                        t.median, t.most] for t in data.tallies]
    for question in data.visit_questions:
        out["visit_questions"].append([walk_id, question.question, question.answered])
        out["visit_question_choices"] += [[walk_id, question.question, choice, count]
                                          for choice, count in question.counts]
        out["visit_question_answers"] += [[walk_id, question.question, a]
                                          for a in question.answers]
    return out


def build_shared_export(services: Services, walk_ids: Sequence[str]) -> dict[str, Any]:
    """The shared export of `walk_ids` (walks not in the Trash), as JSON values."""
    tables: dict[str, dict[str, Any]] = {name: {"columns": list(columns), "rows": []}
                                         for name, columns in COLUMNS.items()}
    walks = []
    for walk_id in walk_ids:
        data = build_debrief(services, ReportRequest(ReportKind.DEBRIEF, walk_id), None)
        walks.append({"id": walk_id, "title": data.walk.title,
                      "walk_date": data.walk.walk_date.isoformat()})
        for name, rows in _rows(walk_id, data).items():
            tables[name]["rows"] += rows
    return {"format": xf.FORMAT, "format_version": xf.FORMAT_VERSION, "kind": xf.SHARED,
            "app_version": __version__, "created_at": bf.format_time(datetime.now(UTC)),
            "walks": walks,
            "counts": {name: len(part["rows"]) for name, part in tables.items()},
            "tables": tables}
