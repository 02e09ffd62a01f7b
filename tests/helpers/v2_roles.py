"""Roles given at planning (protocol format version 2) for tests: the default protocol as
version 2 with two roles to give to walkers (one asking for a detail) and role scripts in
two of its steps, and a walk planned with it (its snapshot holds them, so the plan service,
walk kits, screens and reports all read them from the walk, on every laptop of a test).
`ROLES_TOML` is the same kind of protocol written as a file.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from walkapp import domain as d
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
    return dataclasses.replace(protocol, schema_version=2, roles=(*own, *ROLES),
                               phases=phases)


def roles_walk(services: Services, title: str = "Roles walk", *, walkers: int = 2,
               visits: int = 2, roles: bool = True) -> d.Walk:
    """A walk of the default protocol (`roles`: with ROLES and the role scripts), a
    facilitator and `walkers` walkers."""
    protocol = builtin_protocol()
    walk = create_walk_from_protocol(services, with_roles(protocol) if roles else protocol,
                                     title, date(2026, 11, 2), visits=visits)
    services.plan.add_participant(walk.id, "Fran Facilitator", d.Role.FACILITATOR)
    for number in range(1, walkers + 1):
        services.plan.add_participant(walk.id, f"Walker {number}")
    return services.walks.get_walk(walk.id)


# A small version 2 file: a consultancy-like walk whose presenter listens without speaking.
ROLES_TOML = """\
schema_version = 2
id = "quiet-presenter"
version = "1"
title = "Quiet presenter"

[[roles]]
key = "facilitator"
title = "Facilitator"
description = "Keeps time."

[[roles]]
key = "presenter"
title = "Presenter"
instructions = "Listen without speaking until the group has finished."
assign = true

[[roles]]
key = "observer"
title = "Student observer"
instructions = "Follow your students in every room."
assign = true
detail_label = "The students you follow"

[pre_brief]
[[pre_brief.steps]]
key = "question"
title = "The question"
minutes = 5
script = "The presenter says the question."

[[pre_brief.steps.roles]]
role = "presenter"
script = "Say your question in two sentences."

[observation]
[[observation.steps]]
key = "visits"
title = "Visits"
activity = "visits"

[[observation.steps.roles]]
role = "observer"
script = "Write what your students say."

[post_brief]
[[post_brief.steps]]
key = "talk"
title = "Group talk"
minutes = 10
activity = "patterns"

[[post_brief.steps.roles]]
role = "presenter"
script = "Listen without speaking."
"""
