"""The facilitator's portfolio for a period, written as one zip: the portfolio as one PDF
(walkapp.reports.portfolio) and the same artifacts as separate files —

    portfolio.pdf
    agendas/01 2026-11-03 Year 4 walk.pdf      each session's agenda (a record: rooms only
                                               as the walk's settings allow)
    protocols/learning-walk-1.toml             each protocol in use, as its walks saved it
    reflections.txt                            the walkers' reflections, session by session
    communication-log.csv                      the chosen log entries (anonymised unless
                                               the facilitator said otherwise)
    feedback.txt                               each session's feedback summary
    debriefs/01 2026-11-03 Year 4 walk.pdf     each session's debrief

— only those the facilitator chose, and nothing else. The zip is made whole in memory and
written atomically (temp file beside it, fsync, rename; mode 0600): a full disk or a killed
process leaves no half file. This is the only way the communication log leaves the laptop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from walkapp import formatting as fmt
from walkapp.bundles.archive import write_atomically
from walkapp.errors import ValidationError
from walkapp.exports.csv_files import csv_bytes, zip_bytes
from walkapp.formatting import tr
from walkapp.reports.build_portfolio import (
    Artifact,
    LogItem,
    PortfolioData,
    PortfolioRequest,
    Session,
    build_portfolio,
    chosen_entries,
    known_names,
    log_items,
    portfolio_walks,
)

if TYPE_CHECKING:
    from walkapp.services import Services

Progress = Callable[[int, int, str], None]
_UNSAFE = re.compile(r"[^\w\- ]+", re.UNICODE)


@dataclass(frozen=True)
class PortfolioWritten:
    path: str
    files: tuple[str, ...]
    sessions: int
    log_entries: int
    bytes: int


def check(request: PortfolioRequest) -> None:
    if request.end < request.start:
        raise ValidationError(tr("The period ends before it starts: choose a “to” date on "
                                 "or after the “from” date."))
    if not request.artifacts - {Artifact.LOG} and not request.log_entries:
        raise ValidationError(tr("Choose at least one thing to put in the portfolio."))


def _stem(session: Session) -> str:
    walk = session.walk
    stem = f"{session.number:02d} {walk.walk_date.isoformat()} {walk.title}"
    return " ".join(_UNSAFE.sub(" ", stem).split())[:100].strip(" -") or f"{session.number:02d}"


def portfolio_files(services: Services, request: PortfolioRequest,
                    progress: Progress | None = None) -> tuple[PortfolioData, dict[str, bytes]]:
    """The portfolio's files by their names in the zip, in order."""
    from walkapp.reports import agenda, debrief, portfolio
    from walkapp.reports.page import document_language
    from walkapp.reports.paper import default_paper

    check(request)
    tick = progress or (lambda _d, _t, _m: None)
    tick(0, 3, tr("Reading the walks…"))
    data = build_portfolio(services, request)
    if not data.sessions and not data.log:
        raise ValidationError(tr("There are no walks from {start} to {end}: choose another "
                                 "period.").format(start=fmt.long_date(request.start),
                                                   end=fmt.long_date(request.end)))
    paper = request.paper or default_paper()
    tick(1, 3, tr("Laying out the pages…"))
    files: dict[str, bytes] = {}
    with document_language(fmt.language_code()):
        files["portfolio.pdf"] = portfolio.render(data, paper)
    for session in data.sessions:
        with fmt.language(session.language), document_language(session.language):
            if session.agenda is not None:
                files[f"agendas/{_stem(session)}.pdf"] = agenda.render(session.agenda, paper)
    for used in data.protocols:
        name = _UNSAFE.sub("-", f"{used.protocol.id}-{used.protocol.version}").strip("-")
        unique, n = name, 2
        while f"protocols/{unique}.toml" in files:
            unique, n = f"{name}-{n}", n + 1
        files[f"protocols/{unique}.toml"] = used.toml.encode("utf-8")
    if data.has(Artifact.REFLECTIONS):
        files["reflections.txt"] = _reflections_text(data).encode("utf-8")
    if data.has(Artifact.LOG):
        files["communication-log.csv"] = _log_csv(data.log)
    if data.has(Artifact.FEEDBACK):
        files["feedback.txt"] = _feedback_text(data).encode("utf-8")
    for session in data.sessions:
        with fmt.language(session.language), document_language(session.language):
            if session.debrief is not None:
                files[f"debriefs/{_stem(session)}.pdf"] = debrief.render(session.debrief,
                                                                         paper)
    return data, files


def write_portfolio(services: Services, request: PortfolioRequest, path: Path | str,
                    progress: Progress | None = None) -> PortfolioWritten:
    """Make the portfolio and write it to `path` (a .zip) atomically."""
    target = Path(path)
    data, files = portfolio_files(services, request, progress)
    archive = zip_bytes(files)
    if progress is not None:
        progress(2, 3, tr("Writing {name}").format(name=target.name))
    written = write_atomically(target, archive)
    if progress is not None:
        progress(3, 3, tr("Done"))
    return PortfolioWritten(str(written), tuple(files), len(data.sessions), len(data.log),
                            len(archive))


def portfolio_job(services: Services, progress: Progress, request: PortfolioRequest,
                  path: str) -> PortfolioWritten:
    """`write_portfolio` as a job for a child process (walkapp.services.offload)."""
    return write_portfolio(services, request, path, progress)


def preview_log(services: Services, request: PortfolioRequest) -> tuple[LogItem, ...]:
    """The chosen log entries exactly as the portfolio will print them (what the
    facilitator reads before writing: the names replaced, or not)."""
    from walkapp.reports.anonymise import Anonymiser

    entries = chosen_entries(services, request)
    walks = portfolio_walks(services, request.start, request.end)
    anonymiser = Anonymiser(known_names(services, walks, entries), fmt.language_code()) \
        if request.anonymise_log else None
    return log_items(entries, anonymiser, {w.id: w.title for w in walks})


# -- the text files -----------------------------------------------------------------------
def _session_line(session: Session) -> str:
    return tr("Session {number}: {title}").format(number=fmt.number(session.number),
                                                  title=session.walk.title) + \
        f" · {fmt.long_date(session.walk.walk_date)}"


def _reflections_text(data: PortfolioData) -> str:
    lines = [tr("Walkers' reflections"), ""]
    for session in data.sessions:
        lines += [_session_line(session), ""]
        if not session.reflections:
            lines += [tr("No reflections were written at this walk."), ""]
        for item in session.reflections:
            lines.append(f"{item.writer}" + (f" — {item.prompt}" if item.prompt else ""))
            lines += [item.text, ""]
    return "\n".join(lines).rstrip() + "\n"


def _feedback_text(data: PortfolioData) -> str:
    lines = [tr("Feedback summaries"), ""]
    for session in data.sessions:
        lines += [_session_line(session), ""]
        if not session.feedback:
            lines += [tr("No feedback was given at this walk."), ""]
        for summary in session.feedback:
            facts = [fmt.plural(summary.responses, "response", "responses")]
            if summary.average is not None:
                facts.append(tr("average {average}").format(
                    average=fmt.number(summary.average, 1)))
            lines.append(f"{summary.question} ({', '.join(facts)})")
            lines += [f"- {a}" for a in summary.answers if a.strip()]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _log_csv(items: tuple[LogItem, ...]) -> bytes:
    columns = [tr("Date"), tr("Kind"), tr("With whom"), tr("What was said or agreed"),
               tr("Walk")]
    return csv_bytes(columns, [[i.entry_date.isoformat(), i.kind, i.with_whom, i.text,
                                i.walk_title] for i in items])


__all__ = ["PortfolioWritten", "check", "portfolio_files", "portfolio_job", "preview_log",
           "write_portfolio"]
