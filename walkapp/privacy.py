"""Apply a walk's own privacy settings to what is shown or written out.

Which visit details are private, and which walk setting lets each out, is declared once in
`walkapp.visit_fields` (today: `show_teacher_names` off, the default → no teacher names;
`include_visit_details` off, the default → no room, grade or subject in records; the
papers of the day — `day=True`, see `ReportSpec.record` — keep them). Every output
(CLI, reports, kits) passes a walk through `redact_walk` / `redact_record` /
`visit_values` rather than re-implement the rule; the stored walk keeps everything, so
switching a setting on later brings the details back.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from walkapp import domain as d
from walkapp import visit_fields as vf


def visit_values(visit: object, walk: object, *, day: bool = False
                 ) -> dict[str, str | None]:
    """Each declared visit field of `visit` (domain or storage row), None where the walk's
    settings keep it in. `day`: for a paper used on the day (agenda, note-catcher, kit)."""
    return {f.name: getattr(visit, f.name) if vf.is_open(f, walk, day=day) else None
            for f in vf.VISIT_FIELDS}


def redact_visit(visit: d.Visit, walk: d.Walk, *, day: bool = False) -> d.Visit:
    values: dict[str, Any] = dict(visit_values(visit, walk, day=day))
    return dataclasses.replace(visit, **values)


def redact_walk(walk: d.Walk) -> d.Walk:
    """The walk as its privacy settings allow it to be shown."""
    return dataclasses.replace(
        walk, visits=tuple(redact_visit(v, walk) for v in walk.visits),
        removed_visits=tuple(redact_visit(v, walk) for v in walk.removed_visits))


def redact_record(record: d.WalkRecord) -> d.WalkRecord:
    return dataclasses.replace(record, walk=redact_walk(record.walk))
