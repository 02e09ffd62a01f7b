"""Opening the Series trends window (walkapp.ui.screens.series_trends) for a walk's
series: from the open walk (Go ▸ Series trends…) or a walk of the library (its context
menu). One window at a time: asking again shows the series asked for in its place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from walkapp.services import Services

if TYPE_CHECKING:
    from walkapp.ui.screens.series_trends import SeriesTrendsWindow


def open_trends(services: Services, walk_id: str, parent: QWidget,
                export: Callable[[], object] | None = None,
                previous: SeriesTrendsWindow | None = None) -> SeriesTrendsWindow:
    """Show the trends of `walk_id`'s series (read off the GUI thread) in a window of its
    own, which stays open beside the main window; `previous` is closed first."""
    from walkapp.services.trends import series_trends
    from walkapp.ui.screens.series_trends import SeriesTrendsWindow

    if previous is not None:
        previous.close()
        previous.deleteLater()
    window = SeriesTrendsWindow(lambda: series_trends(services, walk_id), export, parent)
    window.show()
    window.raise_()
    return window
