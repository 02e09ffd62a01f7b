"""Rewrite a version 1 protocol file as version 2 (`walkapp protocol upgrade FILE`).

Version 2 only adds keys: a version 1 file means exactly the same in version 2, so the
rewrite changes its `schema_version` line and nothing else (comments, order and wrapping
stay as the author wrote them). It is checked both ways before it is handed back: the
rewrite must load, and a file that loaded as version 1 must give the same protocol.
"""

from __future__ import annotations

import dataclasses
import re

from walkapp.formatting import N_, tr
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.loader import check_text, parse_toml
from walkapp.protocol.schema import SCHEMA_VERSION

# The schema_version line: top-level keys come before the first [table] header.
_VERSION_LINE = re.compile(
    r"^(?P<lead>[ \t]*schema_version[ \t]*=[ \t]*)1(?P<tail>[ \t]*(?:#.*)?)$", re.MULTILINE)
_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)

# What a version 1 author gains, said by `walkapp protocol upgrade` (translated there).
WHAT_VERSION_2_ADDS = (
    N_("roles given to walkers at planning, with instructions and scripts per step"),
    N_("stems and debrief stages of the protocol's own"),
    N_("rating scales of 2 to 10 points with a label per point and \"not applicable\""),
    N_("a form each walker answers per visit, and tallies and timers per visit"),
    N_("optional steps, variants chosen at planning, and turns inside a step"),
    N_("visits of up to 180 minutes, corridor time after the last visit, and a phase held "
       "on another day"),
)


def upgrade_text(text: str, name: str = "protocol") -> str:
    """`text` (a version 1 protocol) rewritten as version 2; a ProtocolError says why not
    (not TOML, already version 2, or a problem other than the version that the rewrite
    would keep)."""
    data = parse_toml(text, name)
    version = data.get("schema_version")
    if version == SCHEMA_VERSION:
        raise ProtocolError(tr("is already protocol format version {schema_version}; nothing to "
                               "change").format(
                                schema_version=SCHEMA_VERSION), file=name)
    before, errors = check_text(text, name)
    if version != 1:
        raise errors[0] if errors else ProtocolError(
            tr("has no schema_version = 1 line to change"), file=name)
    header = _HEADER.search(text)
    top = text[: header.start()] if header else text
    match = _VERSION_LINE.search(top)
    if match is None:
        raise ProtocolError(tr("has its schema_version written in a way this command does not "
                               "rewrite; change it to schema_version = 2 by hand"), file=name)
    upgraded = (text[: match.start()] + match.group("lead") + str(SCHEMA_VERSION)
                + match.group("tail") + text[match.end():])
    after, problems = check_text(upgraded, name)
    if after is None:
        raise problems[0]  # a problem of the file itself, not of its version
    if before is not None and dataclasses.replace(after, schema_version=1) != before:
        raise ProtocolError(tr("would mean something else as version 2, so it was left as it "
                               "is; please report this"), file=name)
    return upgraded
