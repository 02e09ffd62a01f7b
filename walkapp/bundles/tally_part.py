"""Counts and timed durations in a notes file: the optional `tallies` section of notes.json.

A version 2 protocol's tallies (walkapp.services.tallies) travel with the walker's notes,
with the same version graph, ownership and merge as notes (`versions.TALLY`), but not as a
part of their own: a reader from before tallies refuses a part it does not know, while it
reads only `items` and `versions` of notes.json and skips any other key. So the section is
invisible to it, and the notes in the same file arrive as they always did.

The section is optional for this reader too, in the same spirit: one that is damaged (a
negative or huge count, a wrong type, a broken history) is set aside with a reason in the
file's report, and everything else in the file is imported. Nothing is lost: the walker's
laptop still holds the counts, and their next file (from a walkapp that writes them right)
brings them.
"""

from __future__ import annotations

from typing import Any

from walkapp import formatting as fmt
from walkapp.bundles import schema as s
from walkapp.bundles.errors import BundleError
from walkapp.bundles.merge import Incoming, parse_incoming
from walkapp.bundles.report import Rejected
from walkapp.bundles.versions import TALLY

TALLY_SECTION = "tallies"


def tally_section(notes_member: Any, walk_id: str) -> Incoming | Rejected | None:
    """The checked tallies of a notes file's notes.json; None when it has none; a
    `Rejected` saying why when the section cannot be taken."""
    if not isinstance(notes_member, dict) or TALLY_SECTION not in notes_member:
        return None
    try:
        incoming = parse_incoming(TALLY, notes_member[TALLY_SECTION], walk_id)
        for index, content in enumerate(incoming.heads.values()):
            if not content["tally_key"].strip():
                raise s.damaged(fmt.tr("{part}, entry {n}").format(part=TALLY.member,
                                                                    n=index + 1),
                                fmt.tr("“{key}” is empty").format(key="tally_key"))
    except BundleError as error:
        return Rejected(what=fmt.tr("the counts and timers in this file"),
                        reason=error.message + " " + fmt.tr(
                            "The notes in it were imported; the counts stay on the walker's "
                            "laptop."))
    return incoming
