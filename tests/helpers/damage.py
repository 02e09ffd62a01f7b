"""Ways to damage a database file on purpose, for the recovery and backup tests."""

from __future__ import annotations

from pathlib import Path


def damage_pages(path: Path) -> None:
    """Scribble over the pages after the first two: the header and schema stay readable,
    the tables break (what a bad sector or a half-synced copy looks like)."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for offset in range(2 * page, min(len(data), 12 * page), 7):
        data[offset] = (data[offset] * 31 + 17) % 256
    path.write_bytes(bytes(data))
