"""Opening a search result at its place: the walk first (the main window's `open_walk`,
whose `walk_shown` says when it is there), then the page and panel that show the text.

| what was found | where it opens |
|---|---|
| a note | the post-brief's Evidence wall, its card current and in view |
| another version of a note | its card on the wall, marked "2 versions" |
| a reflection, a commitment | Commitments |
| a pattern | Patterns |
| a next step | Next steps |
| an action item, a follow-up | Action items, its row selected |
| the walk's details | the Plan page |

On a walker's laptop (walker mode: the walk's one page, walkapp.ui.walker_mode) every
result opens that page, at their notes (a note) or their reflections.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QWidget

from walkapp.protocol.schema import Activity
from walkapp.services.search import ResultKind, SearchHit

if TYPE_CHECKING:
    from walkapp.ui.screens.workspace import WalkWorkspace


class Window(Protocol):
    """What of the main window opening a result uses (its module imports this one)."""

    workspace: WalkWorkspace | None
    walk_shown: Any  # Signal(str): a walk's workspace is shown

    def open_walk(self, walk_id: str, *, wait_ms: int | None = None) -> None: ...

    def opening(self) -> str | None: ...

# Each kind's post-brief panel (walkapp.ui.screens.postbrief.workspace.PANELS).
PANEL_OF: dict[ResultKind, str] = {
    ResultKind.NOTE: Activity.EVIDENCE_WALL.value,
    ResultKind.REFLECTION: Activity.COMMITMENTS.value,
    ResultKind.COMMITMENT: Activity.COMMITMENTS.value,
    ResultKind.PATTERN: Activity.PATTERNS.value,
    ResultKind.NEXT_STEP: Activity.NEXT_STEPS.value,
    ResultKind.ACTION_ITEM: Activity.ACTION_ITEMS.value,
}


def open_found(window: Window, hit: SearchHit) -> None:
    """Open the walk `hit` is in (unless it is the one open) and show its place."""
    workspace = window.workspace
    if workspace is not None and workspace.walk_id == hit.walk_id:
        show_place(workspace, hit)
        return

    def shown(walk_id: str) -> None:
        window.walk_shown.disconnect(shown)
        if walk_id == hit.walk_id and window.workspace is not None:
            show_place(window.workspace, hit)

    window.walk_shown.connect(shown)
    window.open_walk(hit.walk_id)
    if window.opening() != hit.walk_id and (window.workspace is None
                                           or window.workspace.walk_id != hit.walk_id):
        # Not opened (something typed was not saved and the user stayed): forget it.
        window.walk_shown.disconnect(shown)


def show_place(workspace: WalkWorkspace, hit: SearchHit) -> None:
    """Show, in the open walk, the page (and panel) where `hit`'s text is."""
    from walkapp.ui.walker_mode import WALKER_PAGE

    keys = workspace.page_keys()
    if keys == [WALKER_PAGE]:
        _walker_place(workspace, hit)
        return
    panel = PANEL_OF.get(hit.kind)
    if panel is None or "post_brief" not in keys:
        if "plan" in keys:
            workspace.show_page("plan")
        return
    workspace.open_panel(panel, _then(hit))


def _then(hit: SearchHit) -> Callable[[QWidget], None] | None:
    """What to do with the panel once it is in front: show the row found."""
    from walkapp.ui.screens.postbrief.action_items import ActionItemsPanel
    from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall

    if hit.kind is ResultKind.NOTE:
        def note(panel: QWidget) -> None:
            if isinstance(panel, EvidenceWall):
                panel.reveal_note(hit.row_id)
        return note
    if hit.kind is ResultKind.ACTION_ITEM and hit.action_item_id:
        item_id = hit.action_item_id

        def item(panel: QWidget) -> None:
            if isinstance(panel, ActionItemsPanel):
                panel.reveal_item(item_id)
        return item
    return None


def _walker_place(workspace: WalkWorkspace, hit: SearchHit) -> None:
    from walkapp.ui.screens.walker_home import WalkerHome
    from walkapp.ui.walker_mode import WALKER_PAGE

    workspace.show_page(WALKER_PAGE)
    home = workspace.page(WALKER_PAGE)
    if isinstance(home, WalkerHome):
        home.show_section({ResultKind.NOTE: "notes", ResultKind.REFLECTION: "reflections",
                           ResultKind.COMMITMENT: "reflections"}.get(hit.kind, "walk"))
