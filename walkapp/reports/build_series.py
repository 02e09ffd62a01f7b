"""Report data for a walk series: the series trends and the walk-series report.

Both read the series once through `walkapp.services.trends.read_series` and print group
figures only. The walk-series report leads with what the walkers learned and will try,
walk by walk: the patterns and next steps as the group wrote them (its decision, printed
as in the debrief) and the commitments without any walker's name, whatever a walk's
"attribute commitments" says — a report across walks is not the place to follow one
person (their own growth journal is). Visits are never in it, so no room, grade, subject
or teacher's name can be either.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from walkapp import formatting as fmt
from walkapp.formatting import tr
from walkapp.reports.build_walk import _patterns, commitments_words, has_text
from walkapp.reports.series_data import SeriesReportData, SeriesWalkLead, TrendsData
from walkapp.services import Services
from walkapp.services.trends import (
    SeriesRead,
    SeriesTrends,
    rating_points,
    read_series,
    trends_from,
)

if TYPE_CHECKING:
    from walkapp.reports.registry import ReportRequest


def build_trends(services: Services, request: ReportRequest,
                 _judge: Callable[[str], bool] | None) -> TrendsData:
    read, trends = _read(services, request.walk_id or "")
    return TrendsData(read.series.name, scope_line(trends), trends)


def build_series(services: Services, request: ReportRequest,
                 _judge: Callable[[str], bool] | None) -> SeriesReportData:
    read, trends = _read(services, request.walk_id or "")
    return SeriesReportData(read.series.name, scope_line(trends), trends, _leads(read))


def _read(services: Services, walk_id: str, today: date | None = None
          ) -> tuple[SeriesRead, SeriesTrends]:
    read = read_series(services, walk_id)
    return read, trends_from(read, rating_points(services, read), today or date.today())


def walk_label(number: int, day: date, title: str) -> str:
    return tr("Walk {number} · {date} · {title}").format(
        number=fmt.number(number), date=fmt.short_date(day), title=title)


def scope_line(trends: SeriesTrends) -> str:
    """What the report covers: "3 walks · 5 October 2026 to 2 November 2026"."""
    walks = trends.walks
    if not walks:
        return ""
    first, last = walks[0].walk_date, walks[-1].walk_date
    span = (fmt.long_date(first) if first == last else tr("{first} to {last}").format(
        first=fmt.long_date(first), last=fmt.long_date(last)))
    if not trends.in_series:
        return tr("One walk, not part of a series · {span}").format(span=span)
    return f"{fmt.plural(len(walks), 'walk', 'walks')} · {span}"


def _leads(read: SeriesRead) -> tuple[SeriesWalkLead, ...]:
    out = []
    for number, (record, protocol) in enumerate(zip(read.records, read.protocols,
                                                    strict=True), start=1):
        walk = record.walk
        commitments = sorted({" ".join(c.text.split()) for c in record.commitments
                              if c.conflict_of is None and has_text(c.text)},
                             key=str.casefold)
        out.append(SeriesWalkLead(
            label=walk_label(number, walk.walk_date, walk.title), focus=walk.focus,
            patterns=_patterns(record.patterns, protocol),
            commitments=tuple(commitments),
            commitments_heading=commitments_words(protocol) or tr("Commitments"),
            next_steps=tuple(s.text for s in record.next_steps if has_text(s.text))))
    return tuple(out)
