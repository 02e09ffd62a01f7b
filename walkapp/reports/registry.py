"""Every report kind, once: what it is called, what it needs, how it is built and drawn.

The CLI (`walkapp report --kind …`), the window's File → Export report menu, the export
dialog and the Reports page all read `REPORTS`; nothing else lists the kinds. Adding a kind
is one `ReportSpec` here plus its builder and renderer modules.

Building and rendering are named by module so that reading this registry (for `--help`, a
menu) never imports ReportLab: `spec.build(…)` and `spec.render(…)` import on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from walkapp.messages import N_, tr
from walkapp.reports.paper import Paper

if TYPE_CHECKING:
    from walkapp.services import Services

Judge = Callable[[str], bool]


class ReportKind(StrEnum):
    """The kinds, in the order menus and lists show them; the value is the CLI name."""

    DEBRIEF = "debrief"
    AGENDA = "agenda"
    NOTECATCHER = "notecatcher"
    SCRIPT = "script"
    THANKS = "thanks"
    ACTIONS = "actions"
    JOURNAL = "journal"
    SERIES = "series"
    TRENDS = "trends"

    @property
    def spec(self) -> ReportSpec:
        return SPECS[self]

    @property
    def label(self) -> str:
        """The kind's name in the language in force ("Debrief report")."""
        return tr(self.spec.label)

    @property
    def needs_walk(self) -> bool:
        return Need.WALK in self.spec.needs


class Need(StrEnum):
    """What a request must carry for a kind (`needs`) or may carry (`takes`)."""

    WALK = "walk"        # one walk (without it, a kind that spans walks covers all of them)
    WALKER = "walker"    # a walker's name
    VISIT = "visit"      # a visit number
    START = "start"      # the clock time of the first step
    PROTOCOL = "protocol"  # a protocol id or file, in place of the walk (SCRIPT)


@dataclass(frozen=True)
class ReportRequest:
    kind: ReportKind
    walk_id: str | None = None     # optional for ACTIONS (limits to walks up to it), JOURNAL
    walker: str | None = None      # JOURNAL: the walker's name
    visit: int | None = None       # THANKS: the visit number
    paper: Paper | None = None     # None: from the locale
    start: time | None = None      # AGENDA: clock time of the first step
    protocol: str | None = None    # SCRIPT without a walk: a protocol id or .toml file
    include_flagged: bool = False  # print flagged notes too (`--include-flagged`)


@dataclass(frozen=True)
class ReportSpec:
    kind: ReportKind
    # The four texts are English, marked N_ for the catalogue: show them through
    # walkapp.formatting.tr (ReportKind.label does) in the language in force.
    label: str            # "Debrief report": titles, messages, the Reports page
    menu_label: str       # with its keyboard mnemonic: "&Debrief report"
    about: str            # one line on what it is for (Reports page, CLI help)
    cli_help: str         # a few words for `walkapp report --help`
    needs: frozenset[Need]
    takes: frozenset[Need]
    file_name: str        # the offered file's name part; "{visit}" is the visit number
    builder: str          # "module:function" taking (services, request, judge) → data
    renderer: str         # module with render(data, paper) -> bytes
    shortcut: str | None = None
    # A record (kept after the walk: leaves out room, grade and subject unless the walk
    # includes them, and every note held back) or a paper used on the day (keeps the route).
    record: bool = True

    @property
    def cli_name(self) -> str:
        return self.kind.value

    def build(self, services: Services, request: ReportRequest, judge: Judge | None) -> Any:
        module, _, function = self.builder.partition(":")
        return getattr(importlib.import_module(module), function)(services, request, judge)

    def render(self, data: Any, paper: Paper) -> bytes:
        result = importlib.import_module(self.renderer).render(data, paper)
        assert isinstance(result, bytes)
        return result


_WALK = "walkapp.reports.build_walk"
_PAPER = "walkapp.reports.build_paper"
_ACROSS = "walkapp.reports.build_across"
_SERIES = "walkapp.reports.build_series"

REPORTS: tuple[ReportSpec, ...] = (
    ReportSpec(
        ReportKind.DEBRIEF, N_("Debrief report"), N_("&Debrief report"),
        N_("What the group saw, the patterns it found, commitments, next steps and"
           " action items — for coaches and the school's records."),
        N_("the walk's debrief"),
        frozenset({Need.WALK}), frozenset(), N_("Debrief"), f"{_WALK}:build_debrief",
        "walkapp.reports.debrief", shortcut="Ctrl+P"),
    ReportSpec(
        ReportKind.AGENDA, N_("Agenda"), N_("&Agenda"),
        N_("The session's running order with clock times, each step's script and "
           "prompts, who does what and where the protocol comes from — to hand out"
           " before the walk."),
        N_("the running order (--start for clock times)"),
        frozenset({Need.WALK}), frozenset({Need.START}), N_("Agenda"),
        f"{_PAPER}:build_agenda", "walkapp.reports.agenda", record=False),
    ReportSpec(
        ReportKind.NOTECATCHER, N_("Blank note-catcher"), N_("Blank &note-catcher"),
        N_("A printable page for walkers without a laptop: focus, norms, the "
           "protocol's stems, look-for boxes and room for each visit or "
           "observation step."),
        N_("blank, to print"),
        frozenset({Need.WALK}), frozenset(), N_("Note-catcher"), f"{_PAPER}:build_notecatcher",
        "walkapp.reports.notecatcher", record=False),
    ReportSpec(
        ReportKind.SCRIPT, N_("Facilitator's script"), N_("Facilitator's &script"),
        N_("The whole protocol as a printable guide: source, roles, norms, stems, "
           "look-fors, every step with its minutes, script and prompts, the "
           "debrief and the feedback."),
        N_("the protocol as a guide (or --protocol ID|FILE without a walk)"),
        frozenset({Need.WALK}), frozenset({Need.PROTOCOL}), N_("Facilitator script"),
        f"{_PAPER}:build_script", "walkapp.reports.script", record=False),
    ReportSpec(
        ReportKind.THANKS, N_("Host thank-you note"), N_("Host &thank-you note"),
        N_("“We noticed…” evidence from one visit and one wondering, for the "
           "teacher who opened their room."),
        N_("note to the host of one visit (--visit N)"),
        frozenset({Need.WALK, Need.VISIT}), frozenset(), N_("Thank-you Visit {visit}"),
        "walkapp.reports.build_thanks:build_thanks", "walkapp.reports.thanks"),
    ReportSpec(
        ReportKind.ACTIONS, N_("Action-item tracker"), N_("Action-item &tracker"),
        N_("Action items of the walk and the earlier walks of its series (of every"
           " walk when none is chosen), open ones first, with where they came from"
           " and what was said since."),
        N_("action items across walks (--walk: its series)"),
        frozenset(), frozenset({Need.WALK}), N_("Action items"), f"{_ACROSS}:build_tracker",
        "walkapp.reports.actions"),
    ReportSpec(
        ReportKind.JOURNAL, N_("Walker's growth journal"), N_("Walker's growth &journal"),
        N_("One walker's commitments and reflections across walks."),
        N_("one walker across walks (--walker NAME)"),
        frozenset({Need.WALKER}), frozenset({Need.WALK}), N_("Growth journal"),
        f"{_ACROSS}:build_journal", "walkapp.reports.journal"),
    ReportSpec(
        ReportKind.SERIES, N_("Walk-series report"), N_("Walk-&series report"),
        N_("The walk's series from its first walk: what the walkers learned and will try,"
           " walk by walk, then look-for evidence and follow-through — no visit, teacher"
           " or walker named."),
        N_("the walk's whole series, school level"),
        frozenset({Need.WALK}), frozenset(), N_("Series report"),
        f"{_SERIES}:build_series", "walkapp.reports.series"),
    ReportSpec(
        ReportKind.TRENDS, N_("Series trends"), N_("Series t&rends"),
        N_("Look-for evidence, the group's ratings session by session and commitments"
           " tried, across the walk's series — group figures only."),
        N_("the walk's series as charts, group figures only"),
        frozenset({Need.WALK}), frozenset(), N_("Series trends"),
        f"{_SERIES}:build_trends", "walkapp.reports.trends"),
)

SPECS: dict[ReportKind, ReportSpec] = {spec.kind: spec for spec in REPORTS}


def spec_for(name: str | ReportKind) -> ReportSpec:
    """The spec for a kind or its CLI name; ValueError for an unknown name."""
    return SPECS[ReportKind(name)]


def record_kinds() -> tuple[ReportKind, ...]:
    """The kinds that are records (privacy by default applies); the rest are papers of
    the day."""
    return tuple(spec.kind for spec in REPORTS if spec.record)


def cli_names() -> tuple[str, ...]:
    return tuple(spec.cli_name for spec in REPORTS)


def modules() -> tuple[str, ...]:
    """Every module building or drawing a report (to import them ahead, on one thread)."""
    names = {spec.builder.partition(":")[0] for spec in REPORTS}
    names |= {spec.renderer for spec in REPORTS}
    return tuple(sorted(names))
