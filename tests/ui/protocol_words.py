"""Protocols written as TOML text for the tests of issue 14 item 3 ("the app shows the
protocol's own words"), and a walk made from each, as a facilitator would plan it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from walkapp.protocol import Protocol, load_file, load_text
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

BUILTINS = sorted(Path(__file__).resolve().parents[2].joinpath("protocols").glob("*.toml"))

HEAD = """
schema_version = 1
id = "{id}"
version = "1"
title = "A test protocol ({id})"
"""

PHASES = """
[pre_brief]
[[pre_brief.steps]]
key = "roster"
title = "Who walks with whom"
minutes = 5
activity = "roster"

[observation]
[[observation.steps]]
key = "visits"
title = "Visits"
activity = "visits"

[post_brief]
[[post_brief.steps]]
key = "patterns"
title = "Patterns"
minutes = 10
activity = "patterns"

[closing]
[[closing.steps]]
key = "feedback"
title = "Feedback"
minutes = 5
activity = "feedback"
"""

ONE_STEM = """
[[stems]]
stem = "wonder"
label = "Curious about"
prompt = "Something I am curious about…"
"""

CUSTOM_STEMS = """
[[stems]]
stem = "noticed"
label = "Seen"
prompt = "What I saw or heard was…"

[[stems]]
stem = "question"
label = "Ask"
prompt = "I want to ask the host…"
"""

NO_PREDICT = """
[[debrief_sequence]]
kind = "describe"
title = "What we saw"
prompt = "Only what a camera could record."

[[debrief_sequence]]
kind = "analyse"
title = "Why it might be"
prompt = "What connects the evidence?"

[[debrief_sequence]]
kind = "next_level"
title = "Our next step"
prompt = "What will we try next?"
"""

ROLES = """
[[roles]]
key = "host"
title = "Host teacher"
description = "Opens the classroom and answers questions afterwards."

[[roles]]
key = "timekeeper"
title = "Timekeeper"
description = "Keeps each visit to time."
"""

FEEDBACK = """
[[feedback]]
key = "pace"
text = "Was the pace right?"
kind = "choice"
options = ["Too slow", "About right", "Too fast"]

[[feedback]]
key = "parts"
text = "Which parts helped you?"
kind = "checklist"
options = ["The visits", "The debrief", "The norms"]

[[feedback]]
key = "worth"
text = "Was the walk worth your time?"
kind = "rating"
low_label = "A waste"
high_label = "Time well spent"

[[feedback]]
key = "ideas"
text = "Ideas to take back"
kind = "list"

[[feedback]]
key = "else"
text = "Anything else?"
"""

FRENCH = 'language = "fr"\n'


def protocol_text(protocol_id: str, *parts: str, top: str = "") -> str:
    """A whole protocol: the required top keys, `top` lines, `parts` and the phases."""
    return HEAD.format(id=protocol_id) + top + "".join(parts) + PHASES


def make_protocol(protocol_id: str, *parts: str, top: str = "") -> Protocol:
    return load_text(protocol_text(protocol_id, *parts, top=top), f"{protocol_id}.toml")


TEST_PROTOCOLS = {
    "one-stem": lambda: make_protocol("one-stem", ONE_STEM),
    "custom-stems": lambda: make_protocol("custom-stems", CUSTOM_STEMS),
    "no-predict": lambda: make_protocol("no-predict", NO_PREDICT),
    "roles": lambda: make_protocol("roles", ROLES),
    "feedback": lambda: make_protocol("feedback", FEEDBACK),
    "french": lambda: make_protocol("french", top=FRENCH),
    "bare": lambda: make_protocol("bare"),
}


def every_protocol() -> list[tuple[str, Protocol]]:
    """The seven built-ins and the test protocols, each named for the test ids."""
    return [(path.stem, load_file(path)) for path in BUILTINS] + \
        [(name, make()) for name, make in TEST_PROTOCOLS.items()]


def walk_from(services: Services, protocol: Protocol, *, visits: int = 2,
              walkers: tuple[str, ...] = ("Ana", "Ben")) -> str:
    sets = protocol.look_for_sets
    walk = create_walk_from_protocol(services, protocol, "Walk", date(2026, 12, 1),
                                     look_for_set=sets[0] if sets else None, visits=visits)
    for name in walkers:
        services.plan.add_participant(walk.id, name)
    return walk.id
