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
from pathlib import Path

from walkapp import domain as d
from walkapp.errors import ValidationError
from walkapp.formatting import tr
from walkapp.reports.paper import default_paper
from walkapp.reports.registry import Need, ReportKind, ReportRequest, modules
from walkapp.services import Services

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    bytes: int
    seconds: float
    # Said to the user after saving: e.g. the characters no installed font could draw.
    warnings: tuple[str, ...] = ()
    # "3 notes are held back: review …" (held_back_line), "" when none are.
    held_back: str = ""


def check_request(request: ReportRequest) -> None:
    """Refuse an incomplete request with a message that says what to add."""
    spec = request.kind.spec
    what = tr(spec.label)
    instead = Need.PROTOCOL in spec.takes and bool((request.protocol or "").strip())
    if Need.WALK in spec.needs and not request.walk_id and not instead:
        raise ValidationError(tr("Choose the walk for the report “{report}”.").format(
            report=what))
    if Need.WALKER in spec.needs and not (request.walker or "").strip():
        raise ValidationError(tr("The report “{report}” is for one walker: name them, e.g. "
                                 "--walker \"Carla Núñez\".").format(report=what))
    if Need.VISIT in spec.needs and (request.visit is None or request.visit < 1):
        raise ValidationError(tr("The report “{report}” is about one visit: give its number, "
                                 "e.g. --visit 2.").format(report=what))


def load_renderers() -> None:
    """Import the PDF machinery now, on the calling thread.

    The desktop app calls this on the GUI thread before exporting in the background: a first
    import of ReportLab inside a worker thread can crash PySide6's import hook (seen as
    "Fatal Python error: none_dealloc"). Idempotent; about half a second the first time."""
    import importlib

    for name in (*modules(), "walkapp.reports.output"):
        importlib.import_module(name)


def render_report(services: Services, request: ReportRequest,
                  progress: Progress | None = None,
                  is_judgemental: Callable[[str], bool] | None = None) -> bytes:
    """The report's PDF bytes. Reads only through `services`; raises WalkappError subclasses
    for anything a user can fix (unknown walker, missing visit…)."""
    check_request(request)
    report = progress or (lambda _done, _total, _message: None)
    spec = request.kind.spec
    from walkapp import formatting as fmt
    from walkapp.reports.page import document_language

    # Progress is said in the app's language; the report is built and drawn in the walk's
    # (labels, dates, plurals and /Lang), whatever the app's is: it is the walk's record.
    laying_out = tr("Laying out the pages…")
    report(0, 3, tr("Reading the walk…"))
    with fmt.language(_language(services, request)):
        data = spec.build(services, request, is_judgemental)
        report(1, 3, laying_out)
        with document_language(fmt.language_code()):
            return spec.render(data, request.paper or default_paper())


def _language(services: Services, request: ReportRequest) -> str:
    """The walk's language; without a walk (a tracker or journal of every walk), the app's."""
    from walkapp import formatting as fmt

    if request.walk_id:
        return services.walks.language(request.walk_id) or "en"
    return fmt.language_code()


def export_report(services: Services, request: ReportRequest, path: str | Path,
                  progress: Progress | None = None,
                  is_judgemental: Callable[[str], bool] | None = None) -> ExportResult:
    """Render the report and write it to `path` atomically."""
    from walkapp.reports import glyphs
    from walkapp.reports.output import write_pdf
    from walkapp.reports.page import count_pages

    started = clock.perf_counter()
    with glyphs.collect_missing() as missing:
        pdf = render_report(services, request, progress, is_judgemental)
    # What the debrief's export says after saving, from one read of the walk's record.
    record = (services.records.walk_record(request.walk_id)
              if request.kind is ReportKind.DEBRIEF and request.walk_id is not None
              else None)
    warnings = tuple(w for w in (glyphs.missing_message(missing) if missing else "",
                                 wording_line(record)) if w)
    if progress is not None:
        progress(2, 3, tr("Saving the file…"))
    written = write_pdf(path, pdf)
    if progress is not None:
        progress(3, 3, tr("Saved."))
    return ExportResult(path=written, pages=count_pages(pdf), bytes=len(pdf),
                        seconds=clock.perf_counter() - started, warnings=warnings,
                        held_back=held_back_line(record, request.include_flagged))


def held_back_line(record: d.WalkRecord | None, include_flagged: bool = False) -> str:
    """"3 notes are held back: review …" for a debrief's `record` (None: another kind),
    "" when none are: what the CLI writes on stderr and the export dialog shows after an
    export. (The debrief is the record that prints notes as they are: a thank-you note
    leaves out every flagged note, kept or not; the tracker and the journal print none.)"""
    from walkapp import formatting as fmt
    from walkapp import note_states

    if record is None:
        return ""
    printable = note_states.for_print(record, include_flagged=include_flagged)
    if not printable.held_back:
        return ""
    return fmt.plural(printable.held_back,
                      "{n} note is held back: review it at the evidence wall (flagged or set "
                      "aside)",
                      "{n} notes are held back: review them at the evidence wall (flagged or "
                      "set aside)")


def wording_line(record: d.WalkRecord | None) -> str:
    """For a debrief's `record` (None: another kind): the lines the group wrote (patterns,
    next steps, commitments…) that the nudge still flags, to reread before sharing
    (walkapp.reports.wording); "" if none."""
    from walkapp.reports.wording import wording_warning

    return wording_warning(record) if record is not None else ""


def export_job(services: Services, progress: Progress, request: ReportRequest,
               path: str | Path) -> ExportResult:
    """`export_report` as a job for a child process (walkapp.services.offload): the desktop
    app renders there, so that ReportLab never holds the GUI process's interpreter lock."""
    return export_report(services, request, path, progress)


_UNSAFE = re.compile(r"[^\w\- ]+", re.UNICODE)


def suggested_filename(kind: ReportKind, walk: d.Walk | None = None, *,
                       walker: str | None = None, visit: int | None = None) -> str:
    """A file name to offer: "2026-11-02 Debrief - Learning walk student talk.pdf" (the
    ISO date first, so a folder of reports sorts by date in any language)."""
    spec = kind.spec
    parts = []
    if walk is not None:
        parts.append(walk.walk_date.isoformat())
    parts.append(tr(spec.file_name).format(visit=visit or "").strip())
    tail = walker if Need.WALKER in spec.needs and walker else (walk.title if walk else "")
    stem = " ".join(parts)
    if tail:
        stem += " - " + tail
    clean = " ".join(_UNSAFE.sub(" ", stem).split())[:120].strip(" -") or "report"
    return f"{clean}.pdf"
