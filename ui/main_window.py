"""The main window: menus, status bar and a stack of screens (the walks library, or one open
walk). It composes screens; it does not contain them. Its parts live beside it: the menu
bar in walkapp.ui.menus, opening a walk in walkapp.ui.walk_opening, the sample walk in
walkapp.ui.sample_walk, walk kits and notes files in walkapp.ui.walk_files."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from walkapp import __version__
from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.events import Action, Change, Entity
from walkapp.protocol.library import ProtocolLibrary
from walkapp.services import Services
from walkapp.services.commands import Call, SeriesEdit, WalkEdit
from walkapp.ui import gc_policy
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.dialogs import Asker
from walkapp.ui.file_folders import FolderMemory
from walkapp.ui.help_windows import HelpWindows
from walkapp.ui.lifecycle import shutdown_tree
from walkapp.ui.menus import MenuBar
from walkapp.ui.page import Stoppable
from walkapp.ui.sample_walk import SampleWalk
from walkapp.ui.screens.library_reminders import ReminderBar
from walkapp.ui.screens.walks_library import WalksLibrary
from walkapp.ui.translations import speaking
from walkapp.ui.walk_files import WalkFiles
from walkapp.ui.walk_opening import PagesFactory, WalkOpening
from walkapp.ui.walk_trash import TrashControls
from walkapp.ui.widgets.notice import NoticeBanner
from walkapp.ui.widgets.page_scroll import CurrentStack, scrolling
from walkapp.ui.workers import cancel_owned_by, stop_processes, wait_for_background
from walkapp.ui.writer import Writer
from walkapp.ui.year_screens import YearScreens

if TYPE_CHECKING:
    from walkapp.ui.bundles_ui import ImportController, PassphraseAsker
    from walkapp.ui.screens.coverage import CoverageView
    from walkapp.ui.screens.new_walk import NewWalkRequest, ProtocolChoice
    from walkapp.ui.screens.series_trends import SeriesTrendsWindow
    from walkapp.ui.screens.trash import TrashView
    from walkapp.ui.screens.workspace import WalkWorkspace

# A string: the new-walk dialog is imported when first used, not at start.
WalkCreator = Callable[[Services, "NewWalkRequest"], str]

log = logging.getLogger(__name__)


class MainWindow(MenuBar, YearScreens, Stoppable):
    # A walk's workspace is shown (its read is in and its page in front is built).
    walk_shown = Signal(str)

    def __init__(self, services: Services, settings: QSettings, asker: Asker | None = None,
                 parent: QWidget | None = None, *, pages: PagesFactory | None = None,
                 protocols: Callable[[], list[ProtocolChoice]] | None = None,
                 create_walk: WalkCreator | None = None,
                 library: ProtocolLibrary | None = None,
                 passphrases: PassphraseAsker | None = None) -> None:
        super().__init__(parent)
        from walkapp.ui import composition

        self._services = services
        self._settings = settings
        self._asker = asker or Asker()
        if self._asker.folders is None:
            # File dialogs start where each kind of file was used last, across restarts.
            self._asker.folders = FolderMemory(settings)
        self.library_of_protocols = library or ProtocolLibrary.for_settings(
            services.db.settings)
        lib = self.library_of_protocols
        # The one write path of the window: every page's writes go through this writer, one
        # at a time and off the GUI thread (created before the pages that use it).
        self.writer = Writer(services, self)
        self.writer.waiting_changed.connect(self._write_waiting)
        pages = pages or (lambda s, w, a, p, b: composition.walk_pages(
            s, w, a, p, b, lib, writer=self.writer, plan_again=self.plan_again,
            guide=self.show_guide))
        self._protocols = protocols or (lambda: composition.protocol_choices(lib))
        self._create_walk = create_walk or composition.walk_creator(lib)
        self.workspace: WalkWorkspace | None = None
        self.trends_window: SeriesTrendsWindow | None = None  # Go ▸ Series trends…
        self._closed = False
        self._ended_saved = True
        # True while the window closes: the walk closes with it, yet it is where walkapp
        # opens again (walkapp.ui.resume).
        self.quitting = False
        self.setWindowTitle(self.tr("Learning walks"))

        self.bridge = ChangeBridge(services.bus, self)
        self.stack = CurrentStack()  # as small as the screen on show allows
        # A calm notice across the top (e.g. walkapp did not close properly last time).
        self.notice = NoticeBanner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.notice)
        # The screens scroll when the window is smaller than what they need (a small or
        # scaled screen, walkapp.ui.window_fit): never a cut-off button or status bar.
        self.page_scroll = scrolling(self.stack, least=True)
        self.page_scroll.setObjectName("pageScroll")
        central_layout.addWidget(self.page_scroll, 1)
        self.setCentralWidget(central)
        # The walk being opened while its read is under way (see open_walk).
        self._opener = WalkOpening(
            services, self._asker, self.bridge, self.stack, self, pages,
            built=self._walk_built, back=self.show_library, changed=self._update_actions,
            closed=lambda: self._closed)
        self.library = WalksLibrary(services.walks, trash=services.trash,
                                    conflicts=services.conflicts, series=services.series,
                                    search=services.search)
        self.stack.addWidget(self.library)
        # Each walk's protocol by its title ("Learning walk"), not its id: its id in words
        # until the protocol files are read (after start-up, off the GUI thread), then
        # their titles (ProtocolsMenu.read).
        # Each protocol by its title in the app's language, where the protocol has one.
        self.library.model.set_protocol_titles(
            lambda pid: lib.title_of(pid, read=False, language=speaking()))
        # The Trash screen is built when first shown (`trash_view`); the expiry at start-up
        # needs no screen.
        self.trash = TrashControls(services, self._asker, self.library, self.statusBar(), self,
                                   writer=self.writer, on_view_built=self._trash_view_built)
        # The communication log's screen (built when first shown) and the portfolio.
        from walkapp.ui.comm_log_ui import CommunicationLogControls

        self.comm_log = CommunicationLogControls(services, self._asker, self.writer, self,
                                                 on_view_built=self._log_view_built)
        self.bridge.changed.connect(self._on_change)
        self.library.open_requested.connect(self.open_walk)
        self.library.found_opened.connect(self.open_found)
        self.library.new_requested.connect(self.new_walk)
        self.library.duplicate_requested.connect(self.duplicate_walk)
        self.library.plan_again_requested.connect(self.plan_again)
        self.library.trends_requested.connect(self.show_trends)
        self.library.delete_requested.connect(self.delete_walk)
        self.library.sample_requested.connect(self.show_sample_walk)
        self.library.trash_requested.connect(self.show_trash)
        self.library.coverage_requested.connect(self.show_coverage)
        self._coverage: CoverageView | None = None  # built when first shown
        # Action items overdue or due soon, above the list (read once the window settles).
        self.reminders = ReminderBar(services.reminders, self._asker)
        self.reminders.open_walk_requested.connect(self.open_walk)
        self.reminders.calendar_requested.connect(self.save_calendar)
        self.library.add_reminders(self.reminders)
        self.library.kit_requested.connect(lambda: self.open_kit())
        self.library.guide_requested.connect(self.show_guide)
        self.help = HelpWindows(self, walker=lambda: self.walker_mode)
        self.library.table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_actions())

        self.files = WalkFiles(services, self._asker, self, self._current_walk_id,
                               self._before_save, passphrases=passphrases,
                               guide=self.show_guide)
        self.files.walk_opened.connect(self.open_walk)
        # "The kit's walk is ready": said beside the walk it opens, not in a dialog first.
        self.files.announced.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.setAcceptDrops(True)
        self._sample = SampleWalk(services, self._asker, self, self.library)
        self._build_menus()
        # Presentation mode reaches the guide pages of each walk as it is shown.
        self.walk_shown.connect(lambda _walk_id: self.view_menu.refresh())
        self.protocols_menu.read.connect(
            lambda: self.library.model.set_protocol_titles(
                lambda pid: lib.title_of(pid, language=speaking())))
        where = services.db.path or services.db.url
        self.data_label = QLabel(self.tr("Data: {0}").format(where))
        self.data_label.setAccessibleName(self.tr("Where walkapp keeps its data"))
        self.statusBar().addPermanentWidget(self.data_label)
        self._restore_geometry()

    def export_report(self, kind: object) -> None:
        from walkapp.reports import ReportKind
        from walkapp.ui.export import show_export_dialog

        assert isinstance(kind, ReportKind)
        walk_id = self._current_walk_id()
        review = (lambda: self.review_held_back(walk_id)) if walk_id else None
        self.export_dialog = show_export_dialog(self, self._services, walk_id, kind,
                                                self._asker, review)

    def review_held_back(self, walk_id: str) -> None:
        """The export dialog's "Review them": the walk's evidence wall, where the notes
        held back from the record are kept, rewritten or set aside (the walk is opened
        first when the export was made from the list of walks)."""
        from walkapp.protocol.schema import Activity

        wall = Activity.EVIDENCE_WALL.value
        if self.workspace is not None and self.workspace.walk_id == walk_id:
            self.workspace.open_panel(wall)
            return

        def shown(opened: str) -> None:
            self.walk_shown.disconnect(shown)
            if opened == walk_id and self.workspace is not None:
                self.workspace.open_panel(wall)

        self.walk_shown.connect(shown)
        self.open_walk(walk_id)

    # -- walk kits and notes files (see walkapp.ui.walk_files) -----------------------------
    @property
    def importer(self) -> ImportController:
        """The notes import (made on first use, with walkapp.bundles)."""
        return self.files.importer

    def _current_walk_id(self) -> str | None:
        return self.workspace.walk_id if self.workspace is not None else \
            self.library.selected_walk_id()

    def _before_save(self) -> None:
        if self.workspace is not None:
            self.workspace.save_pending()

    def import_notes(self, paths: list[str] | None = None) -> None:
        self.files.import_notes(paths)

    def open_kit(self, path: str | None = None) -> None:
        self.files.open_kit(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.wants(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.drop(event.mimeData())
        event.acceptProposedAction()

    # -- walks -----------------------------------------------------------------------------
    def _report(self, error: WalkappError, title: str) -> None:
        self._asker.warn(self, title, error.message)

    def new_walk(self) -> None:
        from walkapp.ui.screens.new_walk import NewWalkDialog

        dialog = NewWalkDialog(self._protocols(), self.library_of_protocols.default().id,
                               parent=self)
        if not self._asker.run(dialog):
            return
        request = dialog.request()
        create = self._create_walk
        self.writer.write(Call(lambda services: create(services, request), "create the walk"),
                          origin=self, on_done=lambda walk_id: self.open_walk(str(walk_id)),
                          on_failed=self._failed(self.tr("The walk was not created")))

    def _failed(self, title: str) -> Callable[[BaseException], None]:
        """What a window-level write does when it fails: say why (a bug goes on to the
        crash handler, as it would have on the GUI thread)."""
        def report(error: BaseException) -> None:
            if not isinstance(error, WalkappError):
                raise error
            self._report(error, title)
        return report

    def create_sample_walk(self) -> None:
        """Create the sample walk off the GUI thread (walkapp.ui.sample_walk)."""
        self._sample.create(self.sample_action)

    def show_sample_walk(self) -> None:
        """The welcome's "Show me the sample walk": made, then opened."""
        self._sample.create(self.sample_action, then=self.open_walk)

    def duplicate_walk(self, walk_id: str) -> None:
        self.writer.write(WalkEdit("duplicate_walk", (walk_id,)), origin=self,
                          on_done=lambda copy: self.open_walk(copy.id),
                          on_failed=self._failed(self.tr("The walk was not copied")))

    def plan_again(self, walk_id: str | None = None) -> None:
        """The next walk of the series of `walk_id` (default: the open walk, else the one
        selected in the list): asked for in a short dialog, then opened."""
        from walkapp.ui.screens.plan_again import PlanAgainDialog

        walk_id = walk_id or self._current_walk_id()
        if not walk_id:
            return
        title = self.tr("The next walk was not planned")
        try:
            walk = self._services.walks.get_walk(walk_id)
            suggested = self._services.series.next_walk(walk_id)
        except WalkappError as error:
            self._report(error, title)
            return
        dialog = PlanAgainDialog(walk, suggested, parent=self)
        if not self._asker.run(dialog):
            return
        asked = dialog.request()
        self._before_save()  # the walk planned from, as it stands now
        self.writer.write(SeriesEdit("plan_again", (walk_id, asked.title, asked.walk_date),
                                     {"copy_route": asked.copy_route}),
                          origin=self, on_done=lambda new: self.open_walk(new.id),
                          on_failed=self._failed(title))

    def delete_walk(self, walk_id: str) -> None:
        """Move the walk to the Trash (after asking), and offer Undo."""
        from walkapp.services.trash import TRASH_DAYS

        try:
            walk = self._services.walks.get_walk(walk_id)
        except WalkappError as error:
            self._report(error, self.tr("The walk was not deleted"))
            return
        if not self._asker.confirm(
                self, self.tr("Delete walk"),
                self.tr("Move “{0}” ({1}) to the Trash? It disappears from the list of walks "
                        "and reports at once, and is removed for good after {2} days; until "
                        "then you can restore it from the Trash.").format(
                    walk.title, fmt.short_date(walk.walk_date), TRASH_DAYS),
                self.tr("Move to Trash")):
            return
        if self.workspace is not None and self.workspace.walk_id == walk_id:
            self.show_library()
            if self.workspace is not None:  # the walk could not be closed: keep it
                return
        self.writer.write(WalkEdit("delete_walk", (walk_id,)), origin=self,
                          on_done=lambda _at: self.trash.deleted(walk_id, walk.title),
                          on_failed=self._failed(self.tr("The walk was not deleted")))

    @property
    def trash_view(self) -> TrashView:
        """The Trash screen (built, and put in the stack, the first time it is asked for)."""
        return self.trash.view

    def _trash_view_built(self, view: TrashView) -> None:
        self.stack.addWidget(view)
        view.back_requested.connect(self.show_library)
        view.guide_requested.connect(self.show_guide)

    def show_trash(self) -> None:
        if not self._close_workspace():
            return
        self.trash_view.refresh()
        self.stack.setCurrentWidget(self.trash_view)
        self.setWindowTitle(self.tr("Trash — Learning walks"))
        self._update_actions()

    def expire_trash(self) -> None:
        """Walks whose 30 days in the Trash are over go for good (called at start-up)."""
        self.trash.expire()

    def shutdown_background_work(self) -> None:
        """Let a removal for good that is still running finish before the database closes."""
        self.trash.shutdown()

    def open_walk(self, walk_id: str, *, wait_ms: int | None = None) -> None:
        """Open the walk: read it (and its protocol) off the GUI thread, showing "Opening
        the walk…" meanwhile, then build its workspace with the page in front in a turn of
        its own; `walk_shown` says when it is there. A walk asked for while another is
        still being read replaces it (the older read is dropped). An error (the walk was
        deleted meanwhile, the database is locked or damaged) is reported as a message and
        the list of walks shows again.

        `wait_ms`: how long the GUI thread may wait for the read, so that the walk is open
        when this returns (default `workers.OPEN_READ_MS`: not at all). Start-up's
        "back where you were" waits, before the window is shown."""
        if self._closed or not self._close_workspace():
            return
        self._opener.open(walk_id, wait_ms)

    def open_found(self, hit: object) -> None:
        """Open a search result at its place: the walk, then the page and panel that show
        its text (walkapp.ui.found_opening)."""
        from walkapp.services.search import SearchHit
        from walkapp.ui.found_opening import open_found

        assert isinstance(hit, SearchHit)
        open_found(self, hit)

    def opening(self) -> str | None:
        """The walk being opened (its read is not in yet), if any."""
        return self._opener.walk_id

    def _walk_built(self, workspace: WalkWorkspace) -> None:
        """The opened walk's workspace is built (walkapp.ui.walk_opening): show it."""
        from walkapp.ui.walker_mode import WALKER_PAGE

        self.workspace = workspace
        # A walker's walk on this laptop (its pages are the walker's one page): the menus
        # show only what a walker does (walkapp.ui.walker_mode); its one page needs no list
        # of pages beside it.
        self.walker_mode = workspace.page_keys() == [WALKER_PAGE]
        workspace.nav.setVisible(not self.walker_mode)
        workspace.back_requested.connect(self.show_library)
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        self.setWindowTitle(self.tr("{0}").format(workspace.title.text()))
        self._update_actions()
        self.walk_shown.emit(workspace.walk_id)

    def _close_workspace(self) -> bool:
        self._opener.stop()
        if self.workspace is None:
            return True
        if not self.workspace.can_close():  # asks when something typed is not saved
            return False
        self.workspace.shutdown()
        self.stack.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.workspace = None
        self.walker_mode = False
        gc_policy.walk_closed()  # its pages' reference cycles, collected soon
        return True

    def show_library(self) -> None:
        workspace = self.workspace
        # Back from a walker's walk (this is their laptop): the search finds that walk's
        # texts only; back from any other walk, every walk's.
        scope = ((workspace.walk_id, workspace.title.text()) if workspace is not None
                 and self.walker_mode else None)
        if not self._close_workspace():
            return
        if workspace is not None:
            self.library.search_within(*(scope or (None, "")))
        self.stack.setCurrentWidget(self.library)
        self.setWindowTitle(self.tr("Learning walks"))
        self._update_actions()

    def find_walk(self) -> None:
        self.show_library()
        self.library.focus_search()

    def _on_change(self, change: Change) -> None:
        if self._closed:
            return  # queued before the window closed; the database may be closed now
        self.library.on_change(change)
        self.reminders.on_change(change)
        if self._coverage is not None:
            self._coverage.on_change(change)
        trash_view = self.trash.view_if_built()
        if trash_view is not None:  # else it reads when first shown
            trash_view.on_change(change)
        self.comm_log.on_change(change)
        if self._opener.on_change(change):
            self.show_library()  # gone while it was read: as for an open walk
            return
        if self.workspace is not None:
            if (change.entity is Entity.WALK and change.action is Action.REMOVED
                    and change.walk_id == self.workspace.walk_id):
                self.show_library()
                return
            self.workspace.on_change(change)

    def _write_waiting(self, _ticket: object, waiting: bool) -> None:
        """Say in the status bar, whatever the page, that a write waits for the database
        (another program holds it); nothing freezes meanwhile."""
        text = self.tr("Waiting for the database… (another program is using it)")
        if waiting:
            self.statusBar().showMessage(text)
        elif self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    # -- automatic backups ------------------------------------------------------------------
    def start_auto_backup(self) -> None:
        """Back up every 30 minutes of use (started by the app, not by tests)."""
        from walkapp.ui.backup_timer import AutoBackup

        self.auto_backup = AutoBackup(self._services.db, parent=self)
        self.bridge.changed.connect(self.auto_backup.note_change)
        self.auto_backup.failed.connect(
            lambda message: self.statusBar().showMessage(message, 15000))
        self.auto_backup.start()

    def stop_auto_backup(self) -> None:
        backup = getattr(self, "auto_backup", None)
        if backup is not None:
            backup.stop()

    # -- window ----------------------------------------------------------------------------
    def show_about(self) -> None:
        self._asker.inform(self, self.tr("About walkapp"), self.tr(
            "walkapp {0}\n\nRun learning walks that improve the walkers' own practice.\n"
            "Everything stays on this computer; nothing is sent anywhere.").format(__version__))

    def show_guide(self, section: str = "") -> None:
        """The guide to learning walks, at `section` (walkapp.ui.help_sections)."""
        self.help.show_guide(section)

    def show_shortcuts(self) -> None:
        self.help.show_shortcuts()

    def _restore_geometry(self) -> None:
        """The size and place saved when the window last closed, made to fit the screen
        it opens on (a size saved on a big monitor, restored on a laptop), or a share of
        the screen on a first start (walkapp.ui.window_fit)."""
        from walkapp.ui.window_fit import fit_window

        geometry = self._settings.value("main_window/geometry")
        restored = (isinstance(geometry, QByteArray) and not geometry.isEmpty()
                    and self.restoreGeometry(geometry))
        fit_window(self, restored=restored)

    def shutdown(self) -> None:
        """Stop everything the window runs, before the database is closed: the open walk's
        screens (call `_close_workspace()` first to save), the library, the automatic
        backup, and background work. Work already running is waited for, and its results
        are dropped, so nothing reaches the database after this returns."""
        if self._closed:
            return
        self._closed = True
        self.help.close()  # the guide and the shortcuts sheet go with the window
        # The open walk's pages first (they hand what is typed to the writer), then the
        # rest — the writer last, once nothing can queue a write any more.
        if self.workspace is not None:
            shutdown_tree(self.workspace)
        shutdown_tree(self, include_root=False)
        self.writer.shutdown()
        cancel_owned_by(self)
        # A report or an import in a child process (even one from a dialog without a
        # parent) ends now: it is dropped whole, and the database is closed only after.
        stop_processes()
        if not wait_for_background():
            log.warning("background work was still running when the window closed")

    def save_everything(self) -> bool:
        """Commit what is typed on every open page now, without asking and without closing
        anything (the session manager's request before a logout). True if all is saved."""
        if self._closed:
            return self._ended_saved
        pages_saved = self.workspace.save_pending() if self.workspace is not None else True
        return self.writer.flush() and pages_saved  # runner actions still in the line too

    def end_session(self, why: str) -> bool:
        """walkapp is ending and nobody may be there to answer (a signal, a logout): save
        what is typed, then stop everything the window runs, like Ctrl+Q but without
        asking. Returns False, after logging it, if something could not be saved (what
        failed is also shown on its page). Calling it again returns the first answer."""
        if self._closed:
            return self._ended_saved
        try:
            saved = self.save_everything()
        except Exception:  # a bug while saving must not stop the rest of the end
            log.exception("saving before walkapp quits (%s) failed unexpectedly", why)
            saved = False
        if not saved:
            log.error("walkapp is quitting (%s): some of what was typed could not be saved",
                      why)
        self._ended_saved = saved
        self.shutdown_background_work()
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.sync()
        self.shutdown()
        return saved

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:  # ended already (end_session): nothing left to save or ask
            super().closeEvent(event)
            return
        self.quitting = True
        if not self._close_workspace():
            self.quitting = False
            event.ignore()
            return
        self.shutdown_background_work()
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.sync()
        self.shutdown()
        super().closeEvent(event)
