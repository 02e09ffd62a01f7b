"""Pictures of the observation screen and walker mode, for docs/screenshots.

`render_screenshots(services, out_dir)` draws each screen (at 1366×768 unless told another
size) over the sample walk
(`walkapp.demo`) and returns the PNG paths; `make screenshots` calls it. The clock is frozen
so the countdowns show the same time on every run. If the core's language nudge
(`walkapp.nudge.check`) is present, the pictures show its underlines.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from walkapp.demo import create_demo_walk
from walkapp.services import Services
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.walker_home import WalkerHome
from walkapp.ui.screenshot_files import DEFAULT_SIZE, save_shot
from walkapp.ui.widgets.nudge_highlight import NudgeCheck, no_nudge
from walkapp.ui.widgets.page_scroll import scrolling

SAMPLE_NOTE = "The teacher asked a good question and Sam's table"


class _FrozenClock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


def _nudge() -> NudgeCheck:
    try:
        module = importlib.import_module("walkapp.nudge")
    except ImportError:
        return no_nudge
    check = getattr(module, "check", None)
    return check if callable(check) else no_nudge


def _settle(widget: QWidget, size: tuple[int, int]) -> None:
    widget.resize(*size)
    widget.show()
    for _ in range(3):
        QApplication.processEvents()


def render_screenshots(services: Services, out_dir: Path | str,
                       walk_id: str | None = None,
                       size: tuple[int, int] = DEFAULT_SIZE) -> list[Path]:
    """Render the observation screen and the three walker-mode tabs to PNG files."""
    if QApplication.instance() is None:
        from walkapp.ui.app import make_application
        make_application([])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    walk = services.walks.get_walk(walk_id) if walk_id else create_demo_walk(services)
    walker = walk.walkers[0]
    clock = _FrozenClock()
    paths: list[Path] = []

    screen = ObservationScreen(services, walk.id, walker.id, clock=clock, nudge=_nudge())
    try:
        _settle(screen, size)
        screen.go_to_visit(1)
        screen.toggle_visit_timer()
        clock.now += 3 * 60 + 20  # three minutes into the visit
        screen.visit_timer.refresh()
        screen.editor.text_edit.setPlainText(SAMPLE_NOTE)
        screen.editor.toggle_look_for(1)
        paths.append(save_shot(screen, out / "observation.png"))
        # Leave the database as it was: the sample note is not part of the sample walk.
        screen.editor.text_edit.setPlainText("")
        screen.flush()
    finally:
        screen.shutdown()  # its countdown runs: stop it before the database closes
        screen.close()
        screen.deleteLater()

    home = WalkerHome(services, walk.id, walker.id, clock=clock, nudge=_nudge())
    # In a page that scrolls, as the window holds it: a screen shorter than the page (2×)
    # scrolls it instead of growing past the screen.
    page = scrolling(home, least=True)
    try:
        _settle(page, size)
        for index, name in enumerate(("walker-walk.png", "walker-notes.png",
                                      "walker-reflections.png")):
            home.tabs.setCurrentIndex(index)
            paths.append(save_shot(page, out / name))
    finally:
        home.shutdown()
        page.close()
        page.deleteLater()
    return paths


if __name__ == "__main__":  # a quick look without the whole `make screenshots`
    import sys
    import tempfile

    from walkapp.config import resolve_settings
    from walkapp.services import open_services
    from walkapp.ui.app import make_application

    make_application([])
    opened = open_services(resolve_settings(Path(tempfile.mkdtemp())))
    try:
        for written in render_screenshots(opened, sys.argv[1] if len(sys.argv) > 1 else "."):
            print(written)
    finally:
        opened.close()
