"""The main window's screens for a year of walks, beside the walks library: Series trends
(a window of its own), Coverage (on screen only), the reminders' calendar file, and the
communication log with its portfolio export.

`YearScreens` is a base class of walkapp.ui.main_window.MainWindow, as `MenuBar` is: what
these screens need of the window (its services, writer, stack, asker, and how it closes an
open walk first) is the window's; the screens themselves are built when first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from walkapp.services import Services
    from walkapp.ui.comm_log_ui import CommunicationLogControls
    from walkapp.ui.dialogs import Asker
    from walkapp.ui.screens.coverage import CoverageView
    from walkapp.ui.screens.series_trends import SeriesTrendsWindow
    from walkapp.ui.writer import Writer


class YearScreens(QMainWindow):
    # The window's own (walkapp.ui.main_window.MainWindow), as annotations: lupdate reads
    # this file too.
    _services: Services
    _asker: Asker
    writer: Writer
    stack: QStackedWidget
    comm_log: CommunicationLogControls
    _coverage: CoverageView | None
    trends_window: SeriesTrendsWindow | None
    export_dialog: QWidget | None
    _close_workspace: Callable[[], bool]
    _update_actions: Callable[[], None]
    _current_walk_id: Callable[[], str | None]
    _before_save: Callable[[], None]
    show_library: Callable[[], None]

    def show_trends(self, walk_id: str | None = None) -> None:
        """Series trends of `walk_id`'s series (default: the open walk, else the one
        selected in the list), in a window of its own (walkapp.ui.trends_ui)."""
        from walkapp.reports import ReportKind
        from walkapp.ui.export import show_export_dialog
        from walkapp.ui.trends_ui import open_trends

        walk_id = walk_id or self._current_walk_id()
        if not walk_id:
            return

        def export() -> None:
            self.export_dialog = show_export_dialog(self, self._services, walk_id,
                                                    ReportKind.TRENDS, self._asker, None)

        self.trends_window = open_trends(self._services, walk_id, self, export,
                                         self.trends_window)

    @property
    def coverage_view(self) -> CoverageView:
        """The Coverage screen (built, and put in the stack, the first time it is asked
        for)."""
        if self._coverage is None:
            from walkapp.ui.screens.coverage import CoverageView

            self._coverage = CoverageView(self._services, writer=self.writer)
            self._coverage.back_requested.connect(self.show_library)
            self.stack.addWidget(self._coverage)
        return self._coverage

    def show_coverage(self) -> None:
        """Go ▸ Coverage: which rooms the walks visit (on screen only)."""
        if not self._close_workspace():
            return
        view = self.coverage_view
        self.stack.setCurrentWidget(view)
        self.setWindowTitle(self.tr("Coverage — Learning walks"))
        self._update_actions()
        view.focus_first()

    def save_calendar(self) -> None:
        """Save to calendar…: every open action item with a due date, as a .ics file."""
        from walkapp.ui.calendar_file import save_to_calendar

        save_to_calendar(self, self._asker, self._services.reminders,
                         lambda text: self.statusBar().showMessage(text, 15000))

    def _log_view_built(self, view: QWidget) -> None:
        from walkapp.ui.screens.comm_log import CommunicationLogView

        assert isinstance(view, CommunicationLogView)
        self.stack.addWidget(view)
        view.back_requested.connect(self.show_library)

    def show_log(self) -> None:
        """Go ▸ Communication log (from the walks library: an open walk is closed first)."""
        if not self._close_workspace():
            return
        view = self.comm_log.view
        self.stack.setCurrentWidget(view)
        self.setWindowTitle(self.tr("Communication log — Learning walks"))
        self._update_actions()

    def log_showing(self) -> bool:
        view = self.comm_log.view_if_built()
        return view is not None and self.stack.currentWidget() is view

    def export_portfolio(self) -> None:
        self._before_save()
        self.comm_log.export_portfolio()

