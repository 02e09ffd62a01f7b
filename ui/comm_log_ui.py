"""The communication log and the portfolio in the main window: the log's screen (built when
first shown) and the portfolio dialog, and which undo stack Edit ▸ Undo acts on while the
log is on screen (`LOG_STACK`). The window only puts the screen in its stack and the
actions in its menus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from walkapp.events import Change
from walkapp.services import Services
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Stoppable
from walkapp.ui.writer import Writer

if TYPE_CHECKING:
    from walkapp.ui.portfolio_dialog import PortfolioDialog
    from walkapp.ui.screens.comm_log import CommunicationLogView


class CommunicationLogControls(QObject, Stoppable):
    def __init__(self, services: Services, asker: Asker, writer: Writer, parent: QWidget,
                 on_view_built: Callable[[CommunicationLogView], None]) -> None:
        super().__init__(parent)
        self._services = services
        self._asker = asker
        self._writer = writer
        self._parent = parent
        self._view: CommunicationLogView | None = None
        self._on_view_built = on_view_built
        self.dialog: PortfolioDialog | None = None

    @property
    def view(self) -> CommunicationLogView:
        if self._view is None:
            from walkapp.ui.screens.comm_log import CommunicationLogView

            self._view = CommunicationLogView(self._services, self._asker,
                                              writer=self._writer)
            self._view.portfolio_requested.connect(self.export_portfolio)
            self._on_view_built(self._view)
        return self._view

    def view_if_built(self) -> CommunicationLogView | None:
        return self._view

    def on_change(self, change: Change) -> None:
        if self._view is not None:
            self._view.on_change(change)

    def export_portfolio(self) -> None:
        """File ▸ Export portfolio…: choose the period and what goes in, then write."""
        from walkapp.ui.portfolio_dialog import PortfolioDialog

        self.dialog = PortfolioDialog(self._services, self._asker, self._writer,
                                      self._parent)
        self.dialog.show()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.shutdown()
        if self._view is not None:
            self._view.shutdown()
