"""Render every post-brief panel to PNG (1366×768 unless told another size; for `make
screenshots` and review)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from walkapp.demo import create_demo_walk
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.dialogs import Asker
from walkapp.ui.screens.postbrief.workspace import PANEL_NAMES, PostBriefWorkspace
from walkapp.ui.screenshot_files import DEFAULT_SIZE, save_shot


class _SilentAsker(Asker):
    """Screenshots must never stop on a dialog."""

    def confirm(self, parent: QWidget | None, title: str, text: str,
                confirm_label: str = "OK") -> bool:
        return False

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        pass

    warn = error = inform


def _settle(app: QApplication, workspace: PostBriefWorkspace, name: str,
            timeout: float = 10.0) -> None:
    panel = workspace.panel(name)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if panel.refresh_count and not panel.is_loading():
            break
        time.sleep(0.01)
    for _ in range(5):  # let delayed layouts (wrapped rows) finish
        app.processEvents()


def render_screenshots(services: Services, out_dir: Path | str, *, walk_id: str | None = None,
                       size: tuple[int, int] = DEFAULT_SIZE,
                       prefix: str = "postbrief-") -> list[Path]:
    """Save one PNG per panel into `out_dir`; uses the demo walk unless `walk_id` is given.
    Needs a QApplication (the caller's, or one made here)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        from walkapp.ui.app import make_application
        app = make_application([])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if walk_id is None:
        walk_id = create_demo_walk(services).id
    bridge = ChangeBridge(services.bus)
    workspace = PostBriefWorkspace(services, walk_id, _SilentAsker())
    bridge.changed.connect(workspace.on_change)  # the workspace is the root here
    workspace.resize(*size)
    workspace.show()
    saved = []
    try:
        for name in PANEL_NAMES:
            workspace.show_panel(name)
            _settle(app, workspace, name)
            path = out / f"{prefix}{name.replace('_', '-')}.png"
            save_shot(workspace, path)
            saved.append(path)
    finally:
        workspace.shutdown()  # no reload may outlive the screenshot
        workspace.close()
        workspace.deleteLater()
        bridge.detach()
        bridge.deleteLater()
        app.processEvents()
    return saved
