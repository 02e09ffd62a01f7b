"""One open walk: a header and the walk's pages (plan, pre-brief, observation, post-brief,
reports) in the order a walk runs. Pages are built the first time they are shown, so
opening a walk stays quick.

The header says how many conflicts wait to be resolved (notes and the like changed on two
laptops), read off the GUI thread after each change that can start or end one; the mark
is a button that opens the post-brief's Conflicts panel (under "More" in its step list).

Every part of the walk ends with a way on (walkapp.ui.screens.step_leads): the workspace
follows the next actions its pages send to the walk's `Leads` ("page:<key>" shows that
page, "close" goes back to all walks), and shows a page's own next actions (`PageSpec.next`,
the plan's "Start the pre-brief") under it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.services.base import same_reads
from walkapp.ui import workers
from walkapp.ui.dialogs import Asker
from walkapp.ui.icons import icon
from walkapp.ui.lifecycle import shutdown_tree
from walkapp.ui.page import Page, PanelGroup, save_all
from walkapp.ui.screens.step_leads import CLOSE, PAGE, PANEL, Leads, NextAction
from walkapp.ui.widgets.closed_banner import ClosedWalkBanner
from walkapp.ui.widgets.page_scroll import CurrentStack
from walkapp.ui.widgets.screen_title import screen_title

# The kinds of rows that can be in conflict: a change of any of them may change the count.
_CONFLICT_ENTITIES = frozenset({Entity.NOTE, Entity.REFLECTION, Entity.COMMITMENT,
                                Entity.FEEDBACK})
CONFLICTS_PANEL = "conflicts"  # the post-brief panel that lists them
# The page list's icons (px), and an item's padding, border, icon gap and frame besides.
NAV_ICON = 18
NAV_PADDING = 44
# Each page's icon in the page list (walkapp.ui.icons), by its key.
PAGE_ICONS = {"plan": "clipboard-list", "pre_brief": "users", "observation": "eye",
              "post_brief": "messages-square", "reports": "file-text", "walker": "footprints"}


@dataclass(frozen=True)
class PageSpec:
    key: str
    label: str
    build: Callable[[], Page]  # a QWidget that is a Page
    hint: str = ""
    # The walk's hub of next actions, which the workspace follows (None: none).
    leads: Leads | None = None
    # Next actions shown under the page itself (a step guide shows its own at its end).
    next: tuple[NextAction, ...] = field(default=())


class WalkWorkspace(QWidget, Page):
    back_requested = Signal()
    page_changed = Signal(str)

    def __init__(self, services: Services, walk_id: str, pages: list[PageSpec],
                 parent: QWidget | None = None, *, asker: Asker | None = None,
                 reads: dict[object, object] | None = None) -> None:
        super().__init__(parent)
        # What the pages read while they are built (the walk), shared by every page built
        # until the next change: a page shown in a later turn does not read it again.
        self._reads: dict[object, object] = {} if reads is None else reads
        self._services = services
        self._asker = asker or Asker()
        self.walk_id = walk_id
        self._specs = pages
        self._built: dict[str, Page] = {}
        self._closed = False

        self.back_button = QPushButton(self.tr("← All walks"))
        self.back_button.setAccessibleName(self.tr("Back to all walks"))
        self.back_button.clicked.connect(self.back_requested)
        self.title = screen_title(scale=1.4)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setObjectName("subtitle")

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Parts of the walk"))
        self.nav.setObjectName("workspaceNav")
        self.nav.setIconSize(QSize(NAV_ICON, NAV_ICON))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, spec in enumerate(pages, start=1):
            item = QListWidgetItem(f"{number}  {spec.label}")
            if spec.key in PAGE_ICONS:
                item.setIcon(icon(PAGE_ICONS[spec.key]))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if spec.hint:
                item.setToolTip(spec.hint)
            self.nav.addItem(item)
        self._fit_nav()
        self.stack = CurrentStack()  # as small as the page on show allows
        self.nav.currentRowChanged.connect(self._show_row)
        # The next actions of the page on show (`PageSpec.next`), under it.
        self.next_bar = QWidget()
        self.next_bar.setObjectName("nextBar")
        self._next_row = QHBoxLayout(self.next_bar)
        self._next_row.setContentsMargins(0, 0, 0, 0)
        self._next_row.addStretch(1)
        self.next_buttons: list[QPushButton] = []
        self.next_bar.hide()
        hubs = {id(spec.leads): spec.leads for spec in pages if spec.leads is not None}
        for hub in hubs.values():
            hub.requested.connect(self.follow)

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("conflictsMark")
        self.conflicts_button.setToolTip(self.tr(
            "Some notes (or reflections, commitments, feedback) were changed on two laptops. "
            "Open the post-brief's Conflicts panel to choose what to keep."))
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.hide()
        self._conflict_count = 0
        header.addWidget(self.conflicts_button)
        # A closed walk says so, and its pages (not its Reports) are read-only until
        # "Edit anyway" (walkapp.ui.widgets.closed_banner).
        self.closed_banner = ClosedWalkBanner(services.closed, walk_id, self._lockable_pages,
                                              self)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        page_column = QVBoxLayout()
        page_column.addWidget(self.stack, 1)
        page_column.addWidget(self.next_bar)
        body.addLayout(page_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.closed_banner)
        layout.addLayout(body, 1)
        self._header_reads = workers.NewestRead(self, lambda: self._closed)
        self._conflict_reads = workers.NewestRead(self, lambda: self._closed)
        # A burst of changes (an import) is one read of the count, just after it.
        self._conflict_timer = QTimer(self, singleShot=True, interval=60)
        self._conflict_timer.timeout.connect(self.refresh_conflicts)
        with same_reads(self._reads):
            self._show_header(services.walks.get_walk(walk_id))
        self.refresh_conflicts()
        if pages:
            self.nav.setCurrentRow(0)

    def _fit_nav(self) -> None:
        """The list of parts as wide as its longest part needs in its font (the style
        sheet's bigger type and padding included), and no wider: the page keeps the rest
        of a small window (issue 18)."""
        self.nav.ensurePolished()
        hint = max((self.nav.sizeHintForColumn(0), 0))
        width = hint + 2 * self.nav.frameWidth() + 4
        self.nav.setFixedWidth(max(width, self.nav.fontMetrics().averageCharWidth() * 10))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_nav()

    def refresh_header(self) -> None:
        """Re-read the walk for the header (it changed), off the GUI thread: the header
        keeps what it shows until the read is in."""
        self._header_reads.start(lambda: self._services.walks.get_walk(self.walk_id),
                                 self._show_header)

    def _lockable_pages(self) -> list[QWidget]:
        return [page for key, page in self._built.items()
                if key != "reports" and isinstance(page, QWidget)]

    def _show_header(self, walk: d.Walk) -> None:
        self.closed_banner.show_walk(walk)
        self.title.setText(walk.title)
        parts = [fmt.long_date(walk.walk_date)]
        if walk.school:
            parts.append(walk.school)
        parts.append(self.tr("{0} · {1}").format(
            fmt.plural(len(walk.walkers), "{n} walker", "{n} walkers"),
            fmt.plural(len(walk.visits), "{n} visit", "{n} visits")))
        self.subtitle.setText("  ·  ".join(parts))

    # -- conflicts -------------------------------------------------------------------------
    def refresh_conflicts(self) -> None:
        """Re-read how many conflicts the walk has, off the GUI thread."""
        if self._closed:
            return
        conflicts, walk_id = self._services.conflicts, self.walk_id
        self._conflict_reads.start(lambda: conflicts.count(walk_id), self._show_conflicts)

    def conflict_count(self) -> int:
        return self._conflict_count

    def _show_conflicts(self, count: int) -> None:
        self._conflict_count = count
        text = "⚠ " + self.tr("{0} to resolve").format(
            fmt.plural(count, "{n} conflict", "{n} conflicts"))
        self.conflicts_button.setText(text)
        self.conflicts_button.setAccessibleName(self.tr(
            "{0}: open the Conflicts panel").format(text[2:]))
        self.conflicts_button.setVisible(count > 0)

    def open_conflicts(self) -> None:
        """Show the post-brief's Conflicts panel (the header's mark)."""
        self.open_panel(CONFLICTS_PANEL)

    def open_panel(self, name: str, then: Callable[[QWidget], None] | None = None) -> None:
        """Show the post-brief's panel `name` ("conflicts", "evidence_wall"…), then hand
        it to `then` (a search result shows its row there). The post-brief is built in the
        next turns of the event loop when it was not yet: look again a few times."""
        if self._closed or "post_brief" not in self.page_keys():
            return
        self.show_page("post_brief")
        self._reveal_panel(name, 5, then)

    def _reveal_panel(self, name: str, tries: int,
                      then: Callable[[QWidget], None] | None = None) -> None:
        if self._closed:
            return
        page = self._built.get("post_brief")
        # The page itself first (the post-brief's step guide lists Conflicts under
        # "More"), then a panel group inside it.
        groups = [page] if isinstance(page, PanelGroup) else []
        if isinstance(page, QWidget):
            groups += [part for part in page.findChildren(QWidget)
                       if isinstance(part, PanelGroup)]
        for group in groups:
            if group.show_panel(name):
                if then is not None:
                    self._hand_panel(name, then)
                return
        if tries > 0:
            QTimer.singleShot(0, self, lambda: self._reveal_panel(name, tries - 1, then))

    def _hand_panel(self, name: str, then: Callable[[QWidget], None]) -> None:
        from walkapp.ui.screens.postbrief.workspace import PostBriefWorkspace

        # The post-brief's one set of panels (a step guide shows them without their tabs).
        for panels in self.findChildren(PostBriefWorkspace):
            then(panels.panel(name))
            return

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def page(self, key: str) -> Page:
        """The page for `key`, built now if it was not yet."""
        if key not in self._built:
            if self._closed:
                raise RuntimeError("the walk's workspace was closed")
            spec = next(s for s in self._specs if s.key == key)
            # Its parts each read the walk: once is enough, and the walk read when it was
            # opened is still right if nothing has changed since.
            with same_reads(self._reads):
                page = spec.build()
            if not isinstance(page, QWidget) or not isinstance(page, Page):
                raise TypeError(f"page {key!r} is not a QWidget that keeps the page contract")
            self._built[key] = page
            self.stack.addWidget(page)
            self.closed_banner.refresh()
        return self._built[key]

    def built_pages(self) -> dict[str, Page]:
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
        page = self.page(key)
        assert isinstance(page, QWidget)
        self.stack.setCurrentWidget(page)
        self._show_next(self._specs[row])
        self.page_changed.emit(key)

    # -- next actions ----------------------------------------------------------------------
    def _show_next(self, spec: PageSpec) -> None:
        for button in self.next_buttons:
            self._next_row.removeWidget(button)
            button.deleteLater()
        self.next_buttons = []
        for action in spec.next:
            button = QPushButton(action.label + " →")
            button.setAccessibleName(action.label)
            button.setToolTip(action.hint)
            button.clicked.connect(lambda _=False, s=spec, key=action.key: self._lead(s, key))
            self._next_row.addWidget(button)
            self.next_buttons.append(button)
        self.next_bar.setVisible(bool(self.next_buttons))

    def _lead(self, spec: PageSpec, key: str) -> None:
        if spec.leads is not None:
            spec.leads.requested.emit(key)  # the composition hears it too ("export:")
        else:
            self.follow(key)

    def follow(self, key: str) -> None:
        """Follow a next action: "page:<key>" shows that page (its first control gets
        the focus), "panel:<name>" that post-brief panel, "close" goes back to all walks;
        others are not the workspace's."""
        if self._closed:
            return
        if key == CLOSE:
            self.back_requested.emit()
        elif key.startswith(PANEL):
            self.open_panel(key.removeprefix(PANEL))
        elif key.startswith(PAGE) and key.removeprefix(PAGE) in self.page_keys():
            self.show_page(key.removeprefix(PAGE))
            page = self.stack.currentWidget()
            if page is not None:
                page.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_change(self, change: Change) -> None:
        if self._closed:
            return  # closed: a change still queued must not reach the pages
        self._reads.clear()  # what was read may be out of date now
        if change.walk_id == self.walk_id and change.entity in {
                Entity.WALK, Entity.PARTICIPANT, Entity.VISIT}:
            self.refresh_header()
        if change.walk_id == self.walk_id and change.entity in _CONFLICT_ENTITIES:
            self._conflict_timer.start()
        for page in list(self._built.values()):
            page.on_change(change)

    def save_pending(self) -> bool:
        """Ask every page to save what is typed; False if something is not saved."""
        return save_all(list(self._built.values()))

    def can_close(self) -> bool:
        """Before the walk closes: every page's own question first, then, if something
        typed is still not saved, one question for the whole walk. False: the user chose
        to stay (what was typed is still on its page)."""
        for page in list(self._built.values()):
            if not page.can_close():
                return False
        if self.save_pending():
            return True
        return self._asker.confirm(
            self, self.tr("Unsaved changes"),
            self.tr("Some of what is typed in this walk is not saved: a save failed (the "
                    "page says why), or text is still waiting to be added. Close the walk "
                    "anyway and lose it? Choose Cancel to stay and keep it."),
            self.tr("Close anyway"))

    def shutdown(self) -> None:
        """The walk is closing (call `can_close()` first; the database is still open):
        every page stops its timers and background loads, and changes are ignored."""
        if self._closed:
            return
        self._closed = True
        self._reads.clear()
        self._conflict_timer.stop()
        workers.cancel_owned_by(self)  # the header's re-read, and every page's reads
        for page in list(self._built.values()):
            assert isinstance(page, QWidget)
            shutdown_tree(page)

    def is_closed(self) -> bool:
        return self._closed
