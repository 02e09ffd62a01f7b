"""Roles given to walkers at planning (protocol format version 2): who has which, and which
roles the steps need that nobody has yet.

A protocol's `[[roles]]` with `assign = true` are given to walkers on the roster (stored in
`participants.protocol_role`, with a one-line `role_detail` when the role asks for one:
"the students you follow"). A role describes what a walker does during the walk — listen
without speaking, follow two students — never anything about the teacher being observed.

Pure functions over the protocol and the roster: the plan service, the walk kit, the
screens and the reports all ask here, so there is one answer to "what is this walker's
role" and "whom does the plan still lack".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from walkapp import domain as d
from walkapp.protocol.schema import Protocol, Role, Step

# participants.protocol_role and .role_detail (walkapp.storage.models): the longest key and
# detail that can be stored.
MAX_ROLE_KEY_CHARS = 60
MAX_DETAIL_CHARS = 200


@dataclass(frozen=True)
class GivenRole:
    """One walker's role as they should read it: its key, title and instructions from
    the protocol, and what it is about for them (`detail`, under `detail_label`)."""

    key: str
    title: str
    instructions: str = ""
    detail_label: str = ""
    detail: str = ""
    description: str = ""


def given_role(protocol: Protocol, key: str | None, detail: str = "") -> GivenRole | None:
    """The role `key` as given to a walker, or None for no role. A key the protocol does not
    name (a kit from a newer protocol, a snapshot without roles) keeps its key as title, so
    that the walker still sees what the facilitator chose."""
    if not key:
        return None
    role = protocol.role(key)
    if role is None:
        return GivenRole(key=key, title=key, detail=detail.strip())
    shown_detail = detail.strip() if role.detail_label else ""
    return GivenRole(key=role.key, title=role.title, instructions=role.instructions,
                     detail_label=role.detail_label, detail=shown_detail,
                     description=role.description)


def role_of(protocol: Protocol, person: d.Participant) -> GivenRole | None:
    return given_role(protocol, person.protocol_role, person.role_detail)


def scripted_roles(protocol: Protocol) -> tuple[Role, ...]:
    """The assignable roles some step gives a script of its own, in the protocol's order."""
    keys = {r.role for _, _, step in protocol.steps() for r in step.role_scripts}
    return tuple(role for role in protocol.assignable_roles() if role.key in keys)


def unassigned(protocol: Protocol, people: Iterable[d.Participant]) -> tuple[Role, ...]:
    """The roles that steps have scripts for, given to nobody on the roster: worth a word at
    planning (never a block: the group may share the role out on the day)."""
    given = {p.protocol_role for p in people if p.protocol_role}
    return tuple(role for role in scripted_roles(protocol) if role.key not in given)


def step_role_lines(protocol: Protocol, step: Step) -> tuple[tuple[str, str], ...]:
    """(role title, script) of each of the step's role scripts with words, in the step's
    order: "Presenter", "Listen without speaking"."""
    out = []
    for item in step.role_scripts:
        if not item.script.strip():
            continue
        role = protocol.role(item.role)
        out.append((role.title if role is not None else item.role, item.script))
    return tuple(out)
