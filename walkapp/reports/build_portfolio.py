"""The data of a facilitator's portfolio for a period: the sessions (walks) of the period
and, for each, the artifacts chosen — agenda, protocol, reflections, feedback summaries,
debrief — and the communication-log entries chosen, anonymised unless the facilitator
says otherwise.

Each artifact is the report data walkapp already builds (the agenda and debrief builders,
the protocol's script, the debrief's feedback summaries), with the records' privacy: the
agenda's route names rooms only as the walk's settings allow (`day=False`), the debrief
holds back what it always does. A walker's reflections carry their name only if the walker
agreed (`people.reflections_named`); otherwise "Walker A", "Walker B"… (one letter per
walker across the portfolio), and the names in every reflection are replaced
(walkapp.reports.anonymise), the writer's own apart when they agreed.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.formatting import N_, tr
from walkapp.protocol.schema import Protocol
from walkapp.reports.anonymise import Anonymiser
from walkapp.reports.build_paper import agenda_data, script_data
from walkapp.reports.build_walk import feedback_summaries
from walkapp.reports.data import AgendaData, DebriefData, FeedbackSummary, ScriptData
from walkapp.reports.paper import Paper
from walkapp.services.comm_log import KIND_LABELS, LogEntry

if TYPE_CHECKING:
    from walkapp.services import Services


class Artifact(StrEnum):
    """What a portfolio can hold, in the order it holds them; the value is the CLI name."""

    AGENDAS = "agendas"
    PROTOCOLS = "protocols"
    REFLECTIONS = "reflections"
    LOG = "log"
    FEEDBACK = "feedback"
    DEBRIEFS = "debriefs"


ARTIFACT_LABELS = {
    Artifact.AGENDAS: N_("Session agendas"), Artifact.PROTOCOLS: N_("Protocols in use"),
    Artifact.REFLECTIONS: N_("Walkers' reflections"),
    Artifact.LOG: N_("Communication log"), Artifact.FEEDBACK: N_("Feedback summaries"),
    Artifact.DEBRIEFS: N_("Debriefs"),
}
# Everything but the log, which goes in only as chosen, entry by entry.
DEFAULT_ARTIFACTS = frozenset(a for a in Artifact if a is not Artifact.LOG)


@dataclass(frozen=True)
class PortfolioRequest:
    start: date
    end: date
    artifacts: frozenset[Artifact] = DEFAULT_ARTIFACTS
    # The log entries to include (ids); the log is in only with Artifact.LOG and these.
    log_entries: tuple[str, ...] = ()
    anonymise_log: bool = True   # names out of "with whom" and the text (the default)
    paper: Paper | None = None


@dataclass(frozen=True)
class ReflectionItem:
    writer: str     # the walker's name (they agreed), or "Walker A"
    named: bool
    prompt: str
    text: str


@dataclass(frozen=True)
class LogItem:
    entry_date: date
    kind: str       # in words ("Meeting")
    with_whom: str
    text: str
    walk_title: str  # "" when the entry is about no walk (or not one of the portfolio's)


@dataclass(frozen=True)
class Session:
    number: int
    walk: d.Walk
    language: str
    protocol_title: str
    protocol_key: str                  # the protocol's id, version and content hash
    agenda: AgendaData | None = None
    debrief: DebriefData | None = None
    reflections: tuple[ReflectionItem, ...] = ()
    feedback: tuple[FeedbackSummary, ...] = ()


@dataclass(frozen=True)
class PortfolioProtocol:
    key: str
    protocol: Protocol
    script: ScriptData
    toml: str           # the protocol file as the walk saved it (its snapshot, as TOML)
    language: str
    sessions: tuple[int, ...]   # the numbers of the sessions that ran it


@dataclass(frozen=True)
class PortfolioData:
    request: PortfolioRequest
    sessions: tuple[Session, ...]
    schools: tuple[str, ...]
    protocols: tuple[PortfolioProtocol, ...] = ()
    log: tuple[LogItem, ...] = ()
    artifacts: frozenset[Artifact] = field(default_factory=frozenset)

    def has(self, artifact: Artifact) -> bool:
        return artifact in self.artifacts


def period_text(start: date, end: date) -> str:
    return tr("{start} to {end}").format(start=fmt.long_date(start), end=fmt.long_date(end))


def portfolio_walks(services: Services, start: date, end: date) -> list[d.Walk]:
    """The facilitator's walks from `start` to `end` (not in the Trash), oldest first."""
    summaries = [w for w in services.walks.list_walks()
                 if start <= w.walk_date <= end and w.local_mode is d.LocalMode.FACILITATOR]
    summaries.sort(key=lambda w: (w.walk_date, w.title, w.id))
    return [services.walks.get_walk(w.id) for w in summaries]


def known_names(services: Services, walks: list[d.Walk], entries: list[LogEntry]
                ) -> list[str]:
    """Every name walkapp knows of the period: rosters, routes' teachers, the log's."""
    names = {p.display_name for w in walks for p in w.participants}
    names |= {v.teacher_name for w in walks for v in w.visits if v.teacher_name}
    names |= {e.with_whom for e in entries if e.with_whom}
    names |= {w.name for w in services.log.walkers_between(
        min((w.walk_date for w in walks), default=date.max),
        max((w.walk_date for w in walks), default=date.min))}
    return sorted(names)


def log_items(entries: list[LogEntry], anonymiser: Anonymiser | None,
              titles: dict[str, str]) -> tuple[LogItem, ...]:
    """The chosen entries as the portfolio prints them (oldest first)."""
    out = []
    for entry in sorted(entries, key=lambda e: (e.entry_date, e.created_at)):
        who, words = entry.with_whom, entry.text
        if anonymiser is not None:
            who, words = anonymiser.who(who), anonymiser.text(words)
        out.append(LogItem(entry.entry_date, tr(KIND_LABELS[entry.kind]), who, words,
                           titles.get(entry.walk_id or "", "")))
    return tuple(out)


def chosen_entries(services: Services, request: PortfolioRequest) -> list[LogEntry]:
    if Artifact.LOG not in request.artifacts or not request.log_entries:
        return []
    wanted = set(request.log_entries)
    return [e for e in services.log.list_entries(newest_first=False) if e.id in wanted]


def build_portfolio(services: Services, request: PortfolioRequest) -> PortfolioData:
    """Read everything the request asks for (in the language in force; each session's
    own reports in its walk's language)."""
    from walkapp.protocol.snapshot import to_data
    from walkapp.protocol.tomlwrite import dumps
    from walkapp.reports.build_paper import walk_protocol
    from walkapp.reports.build_walk import build_debrief
    from walkapp.reports.registry import ReportKind, ReportRequest

    wanted = request.artifacts
    walks = portfolio_walks(services, request.start, request.end)
    entries = chosen_entries(services, request)
    names = known_names(services, walks, entries)
    consent = {w.person_id: w.reflections_named
               for w in services.log.walkers_between(request.start, request.end)}
    letters: dict[str, str] = {}
    sessions: list[Session] = []
    protocols: dict[str, PortfolioProtocol] = {}
    for number, walk in enumerate(walks, start=1):
        language = walk.language or "en"
        with fmt.language(language):
            protocol = walk_protocol(services, walk.id)
            key = f"{walk.protocol_id}@{walk.protocol_version}#{walk.protocol_hash}"
            record = services.records.walk_record(walk.id)
            agenda = agenda_data(walk, protocol, day=False) \
                if Artifact.AGENDAS in wanted else None
            debrief = build_debrief(services, ReportRequest(ReportKind.DEBRIEF, walk.id),
                                    None) if Artifact.DEBRIEFS in wanted else None
            feedback = tuple(feedback_summaries(record.feedback, protocol.feedback)) \
                if Artifact.FEEDBACK in wanted else ()
            reflections = _reflections(walk, record, consent, letters, names, language) \
                if Artifact.REFLECTIONS in wanted else ()
            if Artifact.PROTOCOLS in wanted:
                known = protocols.get(key)
                if known is None:
                    protocols[key] = PortfolioProtocol(
                        key, protocol, script_data(protocol), dumps(to_data(protocol)),
                        language, (number,))
                else:
                    protocols[key] = PortfolioProtocol(
                        key, known.protocol, known.script, known.toml, known.language,
                        (*known.sessions, number))
        sessions.append(Session(number, walk, language, protocol.title, key, agenda, debrief,
                                reflections, feedback))
    titles = {w.id: w.title for w in walks}
    anonymiser = Anonymiser(names, fmt.language_code()) if request.anonymise_log else None
    artifacts = frozenset(wanted - {Artifact.LOG}) | (
        {Artifact.LOG} if entries else frozenset())
    return PortfolioData(request=request, sessions=tuple(sessions),
                         schools=tuple(sorted({w.school for w in walks if w.school})),
                         protocols=tuple(protocols.values()),
                         log=log_items(entries, anonymiser, titles), artifacts=artifacts)


def _reflections(walk: d.Walk, record: d.WalkRecord, consent: dict[str, bool],
                 letters: dict[str, str], names: list[str], language: str
                 ) -> tuple[ReflectionItem, ...]:
    by_id = {p.id: p for p in walk.participants}
    out: list[ReflectionItem] = []
    for reflection in record.reflections:
        if reflection.conflict_of is not None or not reflection.text.strip():
            continue
        author = by_id.get(reflection.author_id or "")
        person = (author.person_id or author.id) if author is not None else ""
        named = author is not None and consent.get(author.person_id or "", False)
        if named and author is not None:
            writer = author.display_name
            keep: tuple[str, ...] = (author.display_name,)
        else:
            writer = tr("Walker {letter}").format(letter=_letter(letters, person))
            keep = ()
        text = Anonymiser(names, language, keep=keep).text(reflection.text)
        prompt = Anonymiser(names, language, keep=keep).text(reflection.prompt)
        out.append(ReflectionItem(writer, named, prompt, text))
    out.sort(key=lambda r: (r.writer, r.prompt))
    return tuple(out)


def _letter(letters: dict[str, str], person: str) -> str:
    """"A", "B"… "Z", "AA"…: one per walker, in the order they first appear."""
    if person not in letters:
        n = len(letters)
        letter = ""
        while True:
            letter = string.ascii_uppercase[n % 26] + letter
            n = n // 26 - 1
            if n < 0:
                break
        letters[person] = letter
    return letters[person]
