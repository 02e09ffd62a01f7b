"""What every search shares, with or without the index: which texts are searchable, the
conditions the walk's settings put on them, and a match as read before its details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from walkapp import visit_fields as vf
from walkapp.services.search_snippet import SnippetPart

# The searchable columns of each table, as the index holds them (its `kind` is the table).
FIELDS: dict[str, tuple[str, ...]] = {
    "notes": ("text",), "reflections": ("text",), "commitments": ("text", "review_note"),
    "patterns": ("text",), "next_steps": ("text",), "action_items": ("text", "owner_name"),
    "action_follow_ups": ("text",), "walks": ("title", "focus", "school"),
    "visits": tuple(f.name for f in vf.VISIT_FIELDS),
}


def privacy_sql(walk: str = "w", doc: str = "d") -> str:
    """SQL true when the walk's privacy settings let the text out (visit fields gated by
    `walkapp.visit_fields`; every other text is open)."""
    cases = " ".join(
        f"WHEN '{f.name}' THEN " + (f"{walk}.{f.gate.value}" if f.gate else "1")
        for f in vf.VISIT_FIELDS)
    return f"({doc}.kind <> 'visits' OR (CASE {doc}.field {cases} ELSE 0 END))"


def walker_sql(walk: str = "w", doc: str = "d") -> str:
    """SQL true unless the text is another walker's, in a walk on a walker's laptop."""
    return (f"({walk}.local_mode <> 'walker' OR {doc}.author_id IS NULL"
            f" OR {doc}.author_id = {walk}.local_participant_id)")


@dataclass(frozen=True)
class Found:
    """A match as read from the index (or the tables), before its details are added."""

    kind: str
    field: str
    source_id: str
    walk_id: str
    rank: float
    snippet: tuple[SnippetPart, ...]
    walk_title: str
    walk_date: date
    in_trash: bool


def day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
