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

KIT_FORMAT = "walkapp-walk-kit"
NOTES_FORMAT = "walkapp-notes"
FORMAT_VERSION = 1
KIT_EXTENSION = ".walkkit"
NOTES_EXTENSION = ".walknotes"
MANIFEST = "manifest.json"
ENCRYPTED_PAYLOAD = "payload.bin"

KIT_MEMBERS = ("walk.json",)
NOTES_MEMBERS = ("notes.json", "reflections.json", "commitments.json", "feedback.json")
FORMAT_MEMBERS = {KIT_FORMAT: KIT_MEMBERS, NOTES_FORMAT: NOTES_MEMBERS}
KIND_NAMES = {KIT_FORMAT: "walk kit", NOTES_FORMAT: "notes file"}

# Limits for reading. A real notes file of a busy walk is well under a megabyte; these
# leave a hundredfold margin and still keep a hostile file from eating memory or time.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 16
MAX_MANIFEST_BYTES = 64 * 1024
MAX_MEMBER_BYTES = 48 * 1024 * 1024
MAX_TOTAL_BYTES = 96 * 1024 * 1024
# Deflate can shrink repetitive text a lot; past this ratio on a big member it is a bomb.
MAX_RATIO = 200
RATIO_CHECK_FROM_BYTES = 1024 * 1024
MAX_ITEMS = 100_000
MAX_VERSIONS = 400_000


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8. Hashes are taken of it."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False).encode("utf-8")


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
