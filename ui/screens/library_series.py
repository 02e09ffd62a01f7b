"""The walks library's series parts: the list that shows one series' walks together, and
the menu of what can be done with one walk (open, plan again, copy, its series, delete)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from walkapp.domain import LocalMode
from walkapp.services.series import SeriesPlace
from walkapp.ui.models.walks import WalksTableModel
from walkapp.ui.words import Words

WalkMenu = Words("WalkMenu")


class Library(Protocol):
    """What the walk menu needs of the walks library (walks_library.WalksLibrary)."""

    model: WalksTableModel
    series_filter: SeriesFilter
    open_requested: SignalInstance
    plan_again_requested: SignalInstance
    trends_requested: SignalInstance
    duplicate_requested: SignalInstance
    delete_requested: SignalInstance

    def show_series(self, series_id: str | None) -> None: ...


class SeriesFilter(QComboBox):
    """"Any series", then each series by name; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Show the walks of one series"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.addItem(self.tr("Any series"), None)
        self.setVisible(False)

    def update_from(self, places: dict[str, SeriesPlace]) -> None:
        """One entry per series, keeping the one chosen while it exists."""
        names: dict[str, str] = {}
        for place in places.values():
            names.setdefault(place.series_id, place.name)
        ordered = sorted(names, key=lambda k: (names[k].casefold(), k))
        shown = [(self.itemData(i), self.itemText(i)) for i in range(1, self.count())]
        if shown != [(k, names[k]) for k in ordered]:
            wanted = self.currentData()
            self.blockSignals(True)
            self.clear()
            self.addItem(self.tr("Any series"), None)
            for key in ordered:
                self.addItem(names[key], key)
            self.setCurrentIndex(max(0, self.findData(wanted)))
            self.blockSignals(False)
        self.setVisible(bool(names))

    def choose(self, series_id: str | None) -> None:
        self.setCurrentIndex(max(0, self.findData(series_id)))

    def filtered(self, rows: Sequence[Any], places: dict[str, SeriesPlace]) -> list[Any]:
        series = self.currentData()
        if series is None:
            return list(rows)
        return [w for w in rows if (p := places.get(w.id)) is not None
                and p.series_id == series]


def walk_menu(library: Library, parent: QWidget, walk_id: str) -> QMenu:
    """The context menu of one walk in the library."""
    menu = QMenu(parent)
    model = library.model
    walk = model.row_at(model.row_of(walk_id))
    menu.addAction(WalkMenu.tr("Open"), lambda: library.open_requested.emit(walk_id))
    again = menu.addAction(WalkMenu.tr("Plan again…"),
                           lambda: library.plan_again_requested.emit(walk_id))
    # A walker's copy of a walk is not theirs to continue: the facilitator plans it.
    again.setEnabled(walk is None or walk.local_mode is not LocalMode.WALKER)
    menu.addAction(WalkMenu.tr("Copy as a new walk (not in a series)"),
                   lambda: library.duplicate_requested.emit(walk_id))
    place = model.place(walk_id)
    if place is not None:
        series_id = place.series_id
        menu.addAction(WalkMenu.tr("Show the walks of “{0}”").format(place.name),
                       lambda: library.show_series(series_id))
        menu.addAction(WalkMenu.tr("Series trends…"),
                       lambda: library.trends_requested.emit(walk_id))
    if library.series_filter.currentIndex() > 0:
        menu.addAction(WalkMenu.tr("Show every walk"), lambda: library.show_series(None))
    menu.addSeparator()
    menu.addAction(WalkMenu.tr("Delete…"), lambda: library.delete_requested.emit(walk_id))
    return menu
