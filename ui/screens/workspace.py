"""One open walk: a header and the walk's pages (plan, pre-brief, observation, post-brief,
reports) in the order a walk runs. Pages are built the first time they are shown, so
opening a walk stays quick."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp.events import Change
from walkapp.services import Services
from walkapp.services.base import same_reads
from walkapp.ui.lifecycle import shutdown_tree


@dataclass(frozen=True)
class PageSpec:
    key: str
    label: str
    build: Callable[[], QWidget]
    hint: str = ""


class WalkWorkspace(QWidget):
    back_requested = Signal()
    page_changed = Signal(str)

    def __init__(self, services: Services, walk_id: str, pages: list[PageSpec],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        self._specs = pages
        self._built: dict[str, QWidget] = {}
        self._closed = False

        self.back_button = QPushButton(self.tr("← All walks"))
        self.back_button.setAccessibleName(self.tr("Back to all walks"))
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setObjectName("subtitle")

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Parts of the walk"))
        self.nav.setObjectName("workspaceNav")
        self.nav.setMaximumWidth(170)
        self.nav.setMinimumWidth(140)
        for number, spec in enumerate(pages, start=1):
            item = QListWidgetItem(f"{number}  {spec.label}")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if spec.hint:
                item.setToolTip(spec.hint)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self._show_row)

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.refresh_header()
        if pages:
            self.nav.setCurrentRow(0)

    def refresh_header(self) -> None:
        walk = self._services.walks.get_walk(self.walk_id)
        self.title.setText(walk.title)
        parts = [walk.walk_date.isoformat()]
        if walk.school:
            parts.append(walk.school)
        parts.append(self.tr("{0} walkers · {1} visits").format(len(walk.walkers),
                                                                 len(walk.visits)))
        self.subtitle.setText("  ·  ".join(parts))

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def page(self, key: str) -> QWidget:
        """The page for `key`, built now if it was not yet."""
        if key not in self._built:
            if self._closed:
                raise RuntimeError("the walk's workspace was closed")
            spec = next(s for s in self._specs if s.key == key)
            with same_reads():  # its parts each read the walk: once is enough
                widget = spec.build()
            self._built[key] = widget
            self.stack.addWidget(widget)
        return self._built[key]

    def built_pages(self) -> dict[str, QWidget]:
        return dict(self._built)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_keys().index(key))

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return "" if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_row(self, row: int) -> None:
        if self._closed or not 0 <= row < len(self._specs):
            return
        key = self._specs[row].key
        self.stack.setCurrentWidget(self.page(key))
        self.page_changed.emit(key)

    def on_change(self, change: Change) -> None:
        if self._closed:
            return  # closed: a change still queued must not reach the pages
        if change.walk_id == self.walk_id and change.entity in {"walk", "participant", "visit"}:
            self.refresh_header()
        for widget in self._built.values():
            handler = getattr(widget, "on_change", None)
            if handler is not None:
                handler(change)

    def can_close(self) -> bool:
        """Save what is typed on every page; False if a page could not save and the user
        chose to stay."""
        for widget in self._built.values():
            check = getattr(widget, "can_close", None)
            if check is not None and not check():
                return False
        return True

    def shutdown(self) -> None:
        """The walk is closing (call `save_pending()` first; the database is still open):
        every page stops its timers and background loads, and changes are ignored."""
        self._closed = True
        for widget in self._built.values():
            shutdown_tree(widget)

    def is_closed(self) -> bool:
        return self._closed

    def save_pending(self) -> bool:
        """Ask every page to save what is typed; False if something could not be saved."""
        ok = True
        for widget in self._built.values():
            saver = getattr(widget, "save_pending", None)
            if saver is not None:
                ok = bool(saver()) and ok
        return ok
