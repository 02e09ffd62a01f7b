"""The details a visit can carry beyond its number, declared once, with who may see them.

Every reader goes through `VISIT_FIELDS` (read it as `visit_fields.VISIT_FIELDS` at call
time, never copied at import): the privacy rules (`walkapp.privacy`), walk kits, reports,
the CLI, the plan's route table, the services that copy and validate visits, and the
privacy test helper. A private field is one with a `gate`: it leaves the facilitator's
laptop (a report, a kit, `walkapp show`) only while the walk's setting of that name is on.

Adding a field: one line here, the attribute on `domain.Visit` and `storage.models.Visit`,
and an Alembic migration for the column. Everything else follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Gate(StrEnum):
    """The walk setting (a `Walk` attribute) that lets a private field out."""

    VISIT_DETAILS = "include_visit_details"
    TEACHER_NAMES = "show_teacher_names"


@dataclass(frozen=True)
class VisitField:
    name: str            # the attribute on domain.Visit and storage Visit; the kit's key
    label: str           # a column heading: "Room"
    what: str            # in a sentence: "The room"
    max_chars: int
    gate: Gate | None    # None: not private, shown wherever the visit is


# Marks the words for the catalogue (pybabel's keyword N_); they are translated where they
# are shown (walkapp.formatting.tr), not here: this module is below walkapp.messages.
N_ = str

VISIT_FIELDS: tuple[VisitField, ...] = (
    VisitField("room", N_("Room"), N_("The room"), 200, Gate.VISIT_DETAILS),
    VisitField("grade", N_("Grade"), N_("The grade"), 100, Gate.VISIT_DETAILS),
    VisitField("subject", N_("Subject"), N_("The subject"), 200, Gate.VISIT_DETAILS),
    VisitField("teacher_name", N_("Teacher"), N_("The teacher's name"), 200,
               Gate.TEACHER_NAMES),
)


def field_named(name: str) -> VisitField | None:
    return next((f for f in VISIT_FIELDS if f.name == name), None)


def names() -> tuple[str, ...]:
    return tuple(f.name for f in VISIT_FIELDS)


# Gates that only records honour: the papers used on the day (agenda, note-catcher, walk
# kit) always carry room, grade and subject, since walkers need the route.
RECORD_ONLY_GATES: frozenset[Gate] = frozenset({Gate.VISIT_DETAILS})


def is_open(field: VisitField, walk: object, *, day: bool = False) -> bool:
    """May `field` leave the laptop for this walk? (`walk`: a domain or storage walk.)
    `day`: for a paper used on the day of the walk, not for a record."""
    if field.gate is None or (day and field.gate in RECORD_ONLY_GATES):
        return True
    return bool(getattr(walk, field.gate.value))
