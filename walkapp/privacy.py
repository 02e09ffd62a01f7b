"""Apply a walk's own privacy settings to what is shown or written out.

`show_teacher_names` off (the default) → no teacher names; `include_visit_details` off → no
room, grade or subject. Every output (CLI, reports, files) should pass a walk through
`redact_walk` / `redact_record` rather than re-implement the rule; the stored walk keeps
everything, so switching a setting on later brings the details back.
"""

from __future__ import annotations

import dataclasses

from walkapp import domain as d


def redact_visit(visit: d.Visit, walk: d.Walk) -> d.Visit:
    return dataclasses.replace(
        visit,
        teacher_name=visit.teacher_name if walk.show_teacher_names else None,
        room=visit.room if walk.include_visit_details else None,
        grade=visit.grade if walk.include_visit_details else None,
        subject=visit.subject if walk.include_visit_details else None)


def redact_walk(walk: d.Walk) -> d.Walk:
    """The walk as its privacy settings allow it to be shown."""
    return dataclasses.replace(walk, visits=tuple(redact_visit(v, walk) for v in walk.visits))


def redact_record(record: d.WalkRecord) -> d.WalkRecord:
    return dataclasses.replace(record, walk=redact_walk(record.walk))
