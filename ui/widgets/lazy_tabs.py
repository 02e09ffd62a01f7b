"""Tabs whose pages are built the first time they are needed, not all at once.

Why: a page of tabs (the Plan page, the post-brief) used to build every tab's widgets
when it was made: for a walk of 1,080 notes that was 60–110 ms of the GUI thread in one
turn of the event loop, most of it for tabs nobody had looked at yet. A `LazyTabs` holds a
light placeholder in each tab; the real page is built when its tab is shown, or when code
asks for it (`page(key)`), and then takes the placeholder's place. So the tab bar, the
tab titles and the keyboard mnemonics are there from the start, `tabs.widget(i)` and
`setCurrentWidget(page)` work on the real page as before, and a page not built yet has
nothing typed in it, nothing to save and nothing to reload: its owner hands changes,
`save_pending()` and `shutdown()` to the built pages only (`built()`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from walkapp.services.base import current_reads, same_reads


class LazyTabs(QTabWidget):
    """Signals: `built_page(key)` just after a tab's page is built and in its tab."""

    built_page = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = []
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}
        self._building = False
        self._stopped = False
        # Made inside an open walk's `same_reads()` (its workspace keeps the walk it read
        # until something changes): a tab built later reads the walk from there too.
        self._reads = current_reads()
        # Connected first, so every other slot of `currentChanged` sees the real page.
        self.currentChanged.connect(self._ensure_current)

    def add_lazy(self, key: str, title: str, make: Callable[[], QWidget]) -> None:
        """A tab titled `title` whose page `make()` builds when it is first needed."""
        self._keys.append(key)
        self._makers[key] = make
        placeholder = QWidget()
        placeholder.setObjectName(f"unbuiltTab_{key}")
        with QSignalBlocker(self):  # the first tab added becomes current: not built yet
            self.addTab(placeholder, title)

    def keys(self) -> list[str]:
        return list(self._keys)

    def is_built(self, key: str) -> bool:
        return key in self._pages

    def built(self) -> dict[str, QWidget]:
        """The pages built so far, in the tabs' order."""
        return {key: self._pages[key] for key in self._keys if key in self._pages}

    def stop_building(self) -> None:
        """Its owner has shut down: no page is built from now on (`page()` of one not
        built raises; showing its tab leaves the placeholder)."""
        self._stopped = True

    def page(self, key: str) -> QWidget:
        """The page of tab `key`, built now if it was not yet (the current tab stays)."""
        page = self._pages.get(key)
        if page is not None:
            return page
        if self._stopped:
            raise RuntimeError(f"the tab {key!r} was never built and its page has closed")
        index = self._keys.index(key)
        with same_reads(self._reads):
            page = self._makers[key]()
        self._pages[key] = page
        current = self.currentIndex()
        placeholder = self.widget(index)
        title, tip = self.tabText(index), self.tabToolTip(index)
        # Swapped in silence: to everyone else the tab was always this page.
        self._building = True
        try:
            with QSignalBlocker(self):
                self.removeTab(index)
                self.insertTab(index, page, title)
                self.setTabToolTip(index, tip)
                self.setCurrentIndex(current)
        finally:
            self._building = False
        if placeholder is not None:
            placeholder.deleteLater()
        self.built_page.emit(key)
        return page

    def key_of(self, widget: QWidget | None) -> str:
        """The key of a built page (or '' for anything else)."""
        return next((k for k, p in self._pages.items() if p is widget), "")

    def current_key(self) -> str:
        index = self.currentIndex()
        return self._keys[index] if 0 <= index < len(self._keys) else ""

    def _ensure_current(self, index: int) -> None:
        if not (self._building or self._stopped) and 0 <= index < len(self._keys):
            self.page(self._keys[index])

    def showEvent(self, event: QShowEvent) -> None:
        # The tab shown first is built when the tabs are first shown (not when made).
        key = self.current_key()
        if key and not self.is_built(key) and not self._stopped:
            self.page(key)
        super().showEvent(event)
