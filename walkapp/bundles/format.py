"""The walkapp file formats: names, versions, extensions, limits and canonical JSON.

A walk kit (`.walkkit`, facilitator → walker) and a notes file (`.walknotes`, walker →
facilitator) are both zip files with a `manifest.json` that names the format and its
version and lists every other member with its SHA-256 checksum. `docs/file-formats.md`
describes them for people; this module is the single source of the numbers.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from walkapp.messages import N_

KIT_FORMAT = "walkapp-walk-kit"
NOTES_FORMAT = "walkapp-notes"
# The version a file is written as when it holds nothing newer (every kit, and every notes
# file without answers to a visit form); readers read up to NEWEST_FORMAT_VERSION. A notes
# file that carries visit-form answers (notes with `form_key`) says ANSWERS_FORMAT_VERSION,
# so a walkapp that would keep them as plain notes refuses the file ("made by a newer
# walkapp") instead of showing bare answers without their questions (docs/file-formats.md).
FORMAT_VERSION = 1
ANSWERS_FORMAT_VERSION = 2
NEWEST_FORMAT_VERSION = 2
KIT_EXTENSION = ".walkkit"
NOTES_EXTENSION = ".walknotes"
MANIFEST = "manifest.json"
ENCRYPTED_PAYLOAD = "payload.bin"

KIT_MEMBERS = ("walk.json",)
NOTES_MEMBERS = ("notes.json", "reflections.json", "commitments.json", "feedback.json")
FORMAT_MEMBERS = {KIT_FORMAT: KIT_MEMBERS, NOTES_FORMAT: NOTES_MEMBERS}
# What each format is called in messages: catalogue ids, translated where they are said.
KIND_NAMES = {KIT_FORMAT: N_("walk kit"), NOTES_FORMAT: N_("notes file")}

# Limits. A reader enforces them (a hostile file must not eat memory or time) and a writer
# checks them before writing (walkapp never writes a file its own reader would refuse).
# They follow from the item limits: a part holds at most MAX_ITEMS items (and their
# versions), and a notes file is sized for that many items of ordinary length, written as
# compact JSON. A note may be far longer (see walkapp.services.validate), but 100,000 notes
# of 2 million characters would be 400 GB: a walk whose notes exceed these sizes is refused
# when it is exported, with a message saying so, and never half-written.
MAX_ITEMS = 100_000
MAX_VERSIONS = 400_000
MAX_PARENTS = 64
# One item and its versions, on average, as written: ids, times and tags take about 650
# bytes, which leaves room for some 350 characters of text per item (a real note has 100).
AVERAGE_ITEM_BYTES = 1024
MAX_MEMBER_BYTES = MAX_ITEMS * AVERAGE_ITEM_BYTES       # about 98 MiB
MAX_TOTAL_BYTES = 2 * MAX_MEMBER_BYTES                  # notes plus the three smaller parts
MAX_FILE_BYTES = MAX_TOTAL_BYTES + 1024 * 1024          # a part may have to be stored as is
MAX_MEMBERS = 16
MAX_MANIFEST_BYTES = 64 * 1024
# Deflate can shrink repetitive text a lot; past this ratio on a big member it is a bomb.
# (A writer stores a member that would shrink further, rather than write a "bomb".)
MAX_RATIO = 200
RATIO_CHECK_FROM_BYTES = 1024 * 1024


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8. Hashes are taken of it."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False).encode("utf-8")


def compact_json(value: Any) -> bytes:
    """How members are written: no indentation (a 100,000-note part is a third smaller and
    is written by the C encoder, ten times faster than with an indent)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def pretty_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def format_time(moment: datetime) -> str:
    """UTC with microseconds and a Z: one spelling, so hashes agree on every laptop."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    """Inverse of `format_time` (the caller checked the spelling; fromisoformat is fast)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None or moment.utcoffset():
        raise ValueError("not a UTC time")
    return moment.astimezone(UTC)
