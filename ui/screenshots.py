"""Render every screen at 1366×768 with the sample walk into PNGs (`make screenshots`).

Runs on a throwaway data folder, never the user's own. Usage:
    python -m walkapp.ui.screenshots OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)


def _shoot(widget: object, path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    widget.resize(*SIZE)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def render_all(out_dir: Path) -> list[Path]:
    from PySide6.QtWidgets import QTabWidget

    from walkapp.config import resolve_settings
    from walkapp.demo import create_demo_walk
    from walkapp.services import open_services
    from walkapp.services.commands import RunnerVerb
    from walkapp.ui.app import make_application, ui_settings
    from walkapp.ui.main_window import MainWindow
    from walkapp.ui.screens.plan.page import PlanPage
    from walkapp.ui.screens.step_guide import StepGuide
    from walkapp.ui.screens.walker_home import WalkerHome

    make_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = resolve_settings(tmp)
        services = open_services(settings)
        try:
            empty = MainWindow(services, ui_settings(settings))
            empty.library.show_icons()  # as once a start has settled (walkapp.ui.app)
            shots.append(out_dir / "01-library-empty.png")
            _shoot(empty, shots[-1])
            empty.close()
            walk = create_demo_walk(services)
            window = MainWindow(services, ui_settings(settings))
            window.library.show_icons()
            shots.append(out_dir / "02-library.png")
            _shoot(window, shots[-1])
            window.open_walk(walk.id, wait_ms=10_000)  # the pages are shot at once
            workspace = window.workspace
            assert workspace is not None
            for number, key in enumerate(workspace.page_keys(), start=3):
                workspace.show_page(key)
                page = workspace.page(key)
                if isinstance(page, StepGuide):
                    # Show a guide mid-run: a couple of steps in, the timer going.
                    # Each action lands (writer.flush) before the next is sent.
                    verbs: list[RunnerVerb] = ["start", "next"]
                    if key == "post_brief":
                        verbs.append("next")
                    for verb in verbs:
                        page._act(verb)
                        page.writer.flush()
                tabs = page.tabs if isinstance(page, PlanPage | WalkerHome) else None
                if isinstance(tabs, QTabWidget):
                    for index in range(tabs.count()):
                        tabs.setCurrentIndex(index)
                        shots.append(out_dir / f"{number:02d}-{key}-{index + 1}.png")
                        _shoot(window, shots[-1])
                else:
                    shots.append(out_dir / f"{number:02d}-{key}.png")
                    _shoot(window, shots[-1])
            window.close()
            from walkapp.ui.screenshots_observe import render_screenshots as observe_shots
            from walkapp.ui.screenshots_postbrief import render_screenshots as postbrief_shots

            for path in observe_shots(services, out_dir, walk.id):
                print(path)
                shots.append(path)
            for path in postbrief_shots(services, out_dir, walk_id=walk.id):
                print(path)
                shots.append(path)
        finally:
            services.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    render_all(Path(args[0] if args else "docs/screenshots"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
