"""Where the walks library puts what its search found (walkapp.ui.screens.library_found):
the "Found in" list, built when the search box first holds text, under the walks in a
laptop's window and beside them in a wide one; and, when neither the walks nor the search
found anything, one message that says so (the list's).

`FoundPlacement` is a base class of walkapp.ui.screens.walks_library.WalksLibrary: what it
needs of the library (its search box, splitter, model and filters) is the library's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSplitter, QStackedWidget, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from walkapp.services.search import SearchService
    from walkapp.ui.models.walks import WalksTableModel
    from walkapp.ui.screens.library_found import FoundList
    from walkapp.ui.screens.library_series import SeriesFilter

# From this width on, what the search found stands beside the walks, not under them (px):
# narrower, the walks table beside it keeps only its date and title (seen at 1366).
FOUND_BESIDE_WIDTH = 1800


class FoundPlacement(QWidget):
    # The library's own (walkapp.ui.screens.walks_library.WalksLibrary), as annotations:
    # lupdate reads this file too.
    found: FoundList | None
    _found_text: str
    _found_scope: tuple[str | None, str]
    _search_service: SearchService | None
    _closed: bool
    _loading: bool
    search: QLineEdit
    splitter: QSplitter
    empty: QLabel
    _stack: QStackedWidget
    status_filter: QComboBox
    series_filter: SeriesFilter
    model: WalksTableModel
    found_opened: SignalInstance
    says_no_match: Callable[[], bool]

    def search_within(self, walk_id: str | None, title: str = "") -> None:
        """Let the search find only `walk_id`'s texts (a walker's laptop: the walk they
        are a walker in), or (None) every walk's."""
        self._found_scope = (walk_id, title)
        if self.found is not None:
            self.found.search_within(walk_id, title)
            self._found_text = ""  # searched again, within the new bounds
            self._search_found()

    def _search_found(self) -> None:
        text = self.search.text().strip()
        if self._search_service is None or self._closed or (self.found is None
                                                            and not text):
            return
        found = self.found if self.found is not None else self._build_found()
        if text != self._found_text:
            self._found_text = text
            found.search_for(text)
        found.setVisible(bool(text))
        self._place_found()

    def _build_found(self) -> FoundList:
        from walkapp.ui.screens.library_found import FoundList

        assert self._search_service is not None
        found = FoundList(self._search_service)
        found.search_within(*self._found_scope)
        found.opened.connect(self.found_opened)
        found.up_requested.connect(lambda: self.search.setFocus(
            Qt.FocusReason.OtherFocusReason))
        found.shown.connect(self._place_found)
        self.splitter.addWidget(found)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.found = found
        self._orient_found()
        return found

    def _orient_found(self) -> None:
        """Beside the walks in a wide window; under them otherwise."""
        wide = self.width() >= FOUND_BESIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        self.splitter.setOrientation(orientation)
        total = self.splitter.width() if wide else self.splitter.height()
        self.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])

    def _place_found(self) -> None:
        """When neither the walks nor the search found anything, one message says so:
        the found list's ("No walk holds …")."""
        found = self.found
        nothing = (found is not None and found.isVisibleTo(self)
                   and found.empty.isVisibleTo(found) and not found.is_loading()
                   and self.model.rowCount() == 0 and not self._loading
                   and self.status_filter.currentIndex() == 0
                   and self.series_filter.currentIndex() <= 0
                   and self.says_no_match())
        self._stack.setVisible(not nothing)
