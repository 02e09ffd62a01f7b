"""One entry point for every report: what the CLI and the export dialog call.

`render_report(services, request)` reads the walk through services, builds the report's
data (privacy applied), lays it out and returns the PDF's bytes; `export_report` also
writes the file atomically. Both report progress as (done, total, message), the shape
`walkapp.ui.workers.run_in_background` passes on to the GUI thread.
"""

from __future__ import annotations

import re
import time as clock
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from pathlib import Path

from walkapp import domain as d
from walkapp.errors import ValidationError
from walkapp.reports.paper import Paper, default_paper
from walkapp.services import Services

Progress = Callable[[int, int, str], None]


class ReportKind(StrEnum):
    DEBRIEF = "debrief"
    AGENDA = "agenda"
    NOTECATCHER = "notecatcher"
    ACTIONS = "actions"
    JOURNAL = "journal"
    THANKS = "thanks"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def needs_walk(self) -> bool:
        """The tracker and the journal span walks; every other report is about one walk."""
        return self not in (ReportKind.ACTIONS, ReportKind.JOURNAL)


_LABELS = {
    ReportKind.DEBRIEF: "Debrief report",
    ReportKind.AGENDA: "Agenda",
    ReportKind.NOTECATCHER: "Blank note-catcher",
    ReportKind.ACTIONS: "Action-item tracker",
    ReportKind.JOURNAL: "Walker's growth journal",
    ReportKind.THANKS: "Host thank-you note",
}


@dataclass(frozen=True)
class ReportRequest:
    kind: ReportKind
    walk_id: str | None = None     # optional for ACTIONS (limits to walks up to it), JOURNAL
    walker: str | None = None      # JOURNAL: the walker's name
    visit: int | None = None       # THANKS: the visit number
    paper: Paper | None = None     # None: from the locale
    start: time | None = None      # AGENDA: clock time of the first step


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    bytes: int
    seconds: float


def check_request(request: ReportRequest) -> None:
    """Refuse an incomplete request with a message that says what to add."""
    kind = request.kind
    if kind.needs_walk and not request.walk_id:
        raise ValidationError(f"Choose the walk for the {kind.label.lower()}.")
    if kind is ReportKind.JOURNAL and not (request.walker or "").strip():
        raise ValidationError("A growth journal is for one walker: name them, e.g. "
                              "--walker \"Carla Núñez\".")
    if kind is ReportKind.THANKS and (request.visit is None or request.visit < 1):
        raise ValidationError("A thank-you note is for the host of one visit: give its "
                              "number, e.g. --visit 2.")


def load_renderers() -> None:
    """Import the PDF machinery now, on the calling thread.

    The desktop app calls this on the GUI thread before exporting in the background: a first
    import of ReportLab inside a worker thread can crash PySide6's import hook (seen as
    "Fatal Python error: none_dealloc"). Idempotent; about half a second the first time."""
    from walkapp.reports import (  # noqa: F401  # noqa: F401
        actions,
        agenda,
        build_across,
        build_walk,
        debrief,
        journal,
        notecatcher,
        output,
        thanks,
    )


def render_report(services: Services, request: ReportRequest,
                  progress: Progress | None = None,
                  is_judgemental: Callable[[str], bool] | None = None) -> bytes:
    """The report's PDF bytes. Reads only through `services`; raises WalkappError subclasses
    for anything a user can fix (unknown walker, missing visit…)."""
    from walkapp.reports import (
        actions,
        agenda,
        build_across,
        build_walk,
        debrief,
        journal,
        notecatcher,
        thanks,
    )
    from walkapp.reports.outline import outline_from_protocol_snapshot

    check_request(request)
    report = progress or (lambda _done, _total, _message: None)
    paper = request.paper or default_paper()
    kind = request.kind
    walk_id = request.walk_id
    report(0, 3, "Reading the walk…")
    if kind is ReportKind.DEBRIEF:
        assert walk_id is not None
        data_d = build_walk.debrief_data(services.records.walk_record(walk_id))
        report(1, 3, "Laying out the pages…")
        return debrief.render(data_d, paper)
    if kind in (ReportKind.AGENDA, ReportKind.NOTECATCHER):
        assert walk_id is not None
        walk = services.walks.get_walk(walk_id)
        outline = outline_from_protocol_snapshot(services.walks.protocol_snapshot(walk_id))
        report(1, 3, "Laying out the pages…")
        if kind is ReportKind.AGENDA:
            return agenda.render(build_walk.agenda_data(walk, outline, request.start), paper)
        return notecatcher.render(build_walk.notecatcher_data(walk, outline), paper)
    if kind is ReportKind.THANKS:
        assert walk_id is not None and request.visit is not None
        record = services.records.walk_record(walk_id)
        if is_judgemental is None:
            # A thank-you note carries no verdicts and no one's name: leave out any note the
            # language nudge flags (judgemental wording or a possible personal name).
            from walkapp import nudge

            language = record.walk.language or "en"
            is_judgemental = lambda text: bool(nudge.check(text, language))  # noqa: E731
        data_t = build_walk.thanks_data(record, request.visit, is_judgemental)
        report(1, 3, "Laying out the pages…")
        return thanks.render(data_t, paper)
    if kind is ReportKind.ACTIONS:
        data_a = build_across.action_tracker_data(services, walk_id)
        report(1, 3, "Laying out the pages…")
        return actions.render(data_a, paper)
    data_j = build_across.journal_data(services, request.walker or "", walk_id)
    report(1, 3, "Laying out the pages…")
    return journal.render(data_j, paper)


def export_report(services: Services, request: ReportRequest, path: str | Path,
                  progress: Progress | None = None,
                  is_judgemental: Callable[[str], bool] | None = None) -> ExportResult:
    """Render the report and write it to `path` atomically."""
    from walkapp.reports.output import write_pdf
    from walkapp.reports.page import count_pages

    started = clock.perf_counter()
    pdf = render_report(services, request, progress, is_judgemental)
    if progress is not None:
        progress(2, 3, "Saving the file…")
    written = write_pdf(path, pdf)
    if progress is not None:
        progress(3, 3, "Saved.")
    return ExportResult(path=written, pages=count_pages(pdf), bytes=len(pdf),
                        seconds=clock.perf_counter() - started)


def export_job(services: Services, progress: Progress, request: ReportRequest,
               path: str | Path) -> ExportResult:
    """`export_report` as a job for a child process (walkapp.services.offload): the desktop
    app renders there, so that ReportLab never holds the GUI process's interpreter lock."""
    return export_report(services, request, path, progress)


_UNSAFE = re.compile(r"[^\w\- ]+", re.UNICODE)


def suggested_filename(kind: ReportKind, walk: d.Walk | None = None, *,
                       walker: str | None = None, visit: int | None = None) -> str:
    """A file name to offer: "2026-11-02 Debrief - Learning walk student talk.pdf"."""
    parts = []
    if walk is not None:
        parts.append(walk.walk_date.isoformat())
    name = {ReportKind.DEBRIEF: "Debrief", ReportKind.AGENDA: "Agenda",
            ReportKind.NOTECATCHER: "Note-catcher", ReportKind.ACTIONS: "Action items",
            ReportKind.JOURNAL: "Growth journal",
            ReportKind.THANKS: f"Thank-you Visit {visit or ''}".strip()}[kind]
    parts.append(name)
    tail = walker if kind is ReportKind.JOURNAL and walker else (walk.title if walk else "")
    stem = " ".join(parts)
    if tail:
        stem += " - " + tail
    clean = " ".join(_UNSAFE.sub(" ", stem).split())[:120].strip(" -") or "report"
    return f"{clean}.pdf"
