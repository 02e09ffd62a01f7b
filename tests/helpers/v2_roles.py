"""Roles given at planning (protocol format version 2) for tests, before walks can store a
version 2 protocol: every protocol read back from a walk's snapshot gets two roles to give
to walkers (one asking for a detail) and role scripts in two of its steps.

`roles_in_snapshots(monkeypatch)` wraps the one function every snapshot read goes through
(walkapp.protocol.validate.build_protocol, which from_snapshot imports when called), so the
plan service, walk kits, screens and reports all see the same roles, on every laptop of a
test. Once the v2 loader lands, tests can make the walk from TOML text instead.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from walkapp import domain as d
from walkapp.protocol import validate
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.schema import Activity, Protocol, Role, RoleScript, Step
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

PRESENTER = Role("presenter", "Presenter", description="Brings the question to the group.",
                 instructions="Listen without speaking while the group talks.\n\n"
                              "Take notes on what surprises you.",
                 assignable=True)
STUDENTS = Role("student-observer", "Student observer",
                description="Follows a few students through the lesson.",
                instructions="Follow the same students in every room: what they do, say "
                             "and write.",
                assignable=True, detail_label="The students you follow")
ROLES = (PRESENTER, STUDENTS)
VISITS_SCRIPTS = (RoleScript("presenter", "Stay by the door and listen."),
                  RoleScript("student-observer", "Sit near your students; write what they "
                                                 "say, word for word."))
FIRST_SCRIPTS = (RoleScript("presenter", "Say your question in two sentences."),)


def with_roles(protocol: Protocol) -> Protocol:
    """`protocol` with ROLES after its own, role scripts in its visits step and in the
    first step of its first phase."""
    first = protocol.phases[0].steps[0].key if protocol.phases else ""

    def step(item: Step) -> Step:
        if item.activity is Activity.VISITS:
            return dataclasses.replace(item, role_scripts=VISITS_SCRIPTS)
        if item.key == first:
            return dataclasses.replace(item, role_scripts=FIRST_SCRIPTS)
        return item

    phases = tuple(dataclasses.replace(p, steps=tuple(step(s) for s in p.steps))
                   for p in protocol.phases)
    own = tuple(r for r in protocol.roles if r.key not in {x.key for x in ROLES})
    return dataclasses.replace(protocol, roles=(*own, *ROLES), phases=phases)


def roles_in_snapshots(monkeypatch: pytest.MonkeyPatch) -> None:
    original = validate.build_protocol

    def build(data: Any, *args: Any, **kwargs: Any) -> Any:
        protocol, issues = original(data, *args, **kwargs)
        return (with_roles(protocol) if protocol is not None else None), issues

    monkeypatch.setattr(validate, "build_protocol", build)


def roles_walk(services: Services, title: str = "Roles walk", *, walkers: int = 2,
               visits: int = 2) -> d.Walk:
    """A walk of the default protocol with its snapshot (which `roles_in_snapshots` gives
    the roles), a facilitator and `walkers` walkers."""
    walk = create_walk_from_protocol(services, builtin_protocol(), title, date(2026, 11, 2),
                                     visits=visits)
    services.plan.add_participant(walk.id, "Fran Facilitator", d.Role.FACILITATOR)
    for number in range(1, walkers + 1):
        services.plan.add_participant(walk.id, f"Walker {number}")
    return services.walks.get_walk(walk.id)
