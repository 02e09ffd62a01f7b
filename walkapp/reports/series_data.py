"""What the two reports across a walk series print, as plain data: the series trends
(`trends`) and the walk-series report (`series`).

Both are school level: the figures come from `walkapp.services.trends` (look-fors, the
mirror's group ratings with sessions of too few ratings left out, follow-through totals),
and the series report adds, walk by walk, what the group wrote as its own decision —
patterns, commitments (never with a walker's name), next steps. No visit is in either:
no room, grade, subject or teacher, whatever a walk's settings (docs/reports.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from walkapp.reports.data import PatternGroup
from walkapp.services.trends import SeriesTrends


@dataclass(frozen=True)
class TrendsData:
    name: str            # the series' name ("Questioning, autumn")
    scope: str           # "Walks 1–3 · 5 October to 2 November 2026"
    trends: SeriesTrends


@dataclass(frozen=True)
class SeriesWalkLead:
    """One walk's part of the series report's lead: what the group learned and will try."""

    label: str                              # "Walk 2 · 9 Nov 2026 · Questioning — 2"
    focus: str = ""
    patterns: tuple[PatternGroup, ...] = ()
    commitments: tuple[str, ...] = ()       # unattributed, in alphabetical order
    commitments_heading: str = ""           # the walk's protocol's "I will try" words
    next_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeriesReportData:
    name: str
    scope: str
    trends: SeriesTrends
    walks: tuple[SeriesWalkLead, ...] = ()
