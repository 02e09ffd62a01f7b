"""Services: the only way the CLI, reports and screens read or change walks.

Each service method owns its transaction and returns immutable domain objects; after a
commit it publishes a `Change` on the event bus so that views refresh only what changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from walkapp.config import Settings
from walkapp.events import EventBus
from walkapp.services.base import Clock
from walkapp.services.closed_walks import ClosedWalks
from walkapp.services.comm_log import LogService
from walkapp.services.conflicts import ConflictService
from walkapp.services.coverage import CoverageService
from walkapp.services.debrief import DebriefService
from walkapp.services.history import HistoryService
from walkapp.services.notes import NoteDraft, NoteService
from walkapp.services.plan import PlanService
from walkapp.services.records import RecordService
from walkapp.services.reminders import ReminderService
from walkapp.services.responses import ResponseService
from walkapp.services.reviews import ReviewService
from walkapp.services.runs import RunService
from walkapp.services.search import SearchService
from walkapp.services.series import SeriesService
from walkapp.services.tallies import TallyService
from walkapp.services.trash import TrashService
from walkapp.services.undo import UndoService
from walkapp.services.walks import NewWalk, WalkService
from walkapp.storage.db import Database

__all__ = ["NewWalk", "NoteDraft", "Services", "open_services"]


@dataclass(frozen=True)
class Services:
    db: Database
    bus: EventBus
    walks: WalkService
    plan: PlanService
    notes: NoteService
    debrief: DebriefService
    records: RecordService
    responses: ResponseService
    runs: RunService
    trash: TrashService
    history: HistoryService
    conflicts: ConflictService
    series: SeriesService
    undo: UndoService      # rows as they were, put back (walkapp.services.undo)
    closed: ClosedWalks    # closed walks are read-only until "Edit anyway"
    reviews: ReviewService
    tallies: TallyService  # counts and timed durations per visit (version 2)
    search: SearchService  # every text of every walk (walkapp.services.search)
    coverage: CoverageService    # rooms, grades, subjects visited: the screen's only
    reminders: ReminderService   # action items overdue or due soon
    log: LogService        # the facilitator's communication log (never leaves the laptop)
    # No BundleService here: walkapp.bundles builds on the services, not the other way round
    # (the layers contract in pyproject.toml). The CLI and the ui make their own from db and bus.

    @classmethod
    def create(cls, db: Database, bus: EventBus | None = None,
               clock: Clock | None = None) -> Services:
        """`clock` ("now" in UTC) is for tests: the Trash's 30 days follow it."""
        bus = bus or EventBus()
        return cls(db=db, bus=bus, walks=WalkService(db, bus, clock),
                   plan=PlanService(db, bus, clock), notes=NoteService(db, bus, clock),
                   debrief=DebriefService(db, bus, clock), records=RecordService(db, bus, clock),
                   responses=ResponseService(db, bus, clock), runs=RunService(db, bus, clock),
                   trash=TrashService(db, bus, clock),
                   history=HistoryService(db, bus, clock),
                   conflicts=ConflictService(db, bus, clock),
                   series=SeriesService(db, bus, clock),
                   undo=UndoService(db, bus, clock), closed=ClosedWalks(db, bus, clock),
                   reviews=ReviewService(db, bus, clock),
                   tallies=TallyService(db, bus, clock),
                   search=SearchService(db, bus, clock),
                   coverage=CoverageService(db, bus, clock),
                   reminders=ReminderService(db, bus, clock),
                   log=LogService(db, bus, clock))

    def close(self) -> None:
        self.db.close()


def open_services(settings: Settings, *, create_empty: bool = False) -> Services:
    """Open (and migrate) the database described by `settings` and build the services.

    A database missing or empty where one was expected is refused (`walkapp.storage.guard`);
    `create_empty` is the user's explicit choice to start with an empty one anyway.
    """
    return Services.create(Database(settings, create_empty=create_empty).open())


def load_models() -> None:
    """Import (and map) the ORM's models now: they load when first used (walkapp.storage),
    and the desktop app loads them off the GUI thread once its first window is up."""
    import walkapp.storage.mapped  # noqa: F401
