"""Render every screen with the sample walk into PNGs (`make screenshots`).

Runs on a throwaway data folder, never the user's own. Usage:
    python -m walkapp.ui.screenshots OUT_DIR                    every size and palette below,
                                                                one folder each
    python -m walkapp.ui.screenshots OUT_DIR --one [--size WxH] [--scheme dark] [--lang es]
                                                                one, on this process's screen
    python -m walkapp.ui.screenshots OUT_DIR --lang es          the screens in Spanish, at
                                                                1366×768 and 1024×640

Each size runs in a process of its own, on an offscreen screen of exactly that size and
pixel ratio (Qt's offscreen platform reads the screen from a small JSON file), so the
window sees the screen a user would have: 1024×640, 1366×768, 1920×1080, and 1920×1080 at
2× scale (960×540 points), and 1366×768 in the dark palette.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from walkapp.ui.screenshot_files import DEFAULT_SIZE


@dataclass(frozen=True)
class ScreenSetup:
    """One screen the pictures are drawn for: its folder, size in points, scale, palette."""
    folder: str
    width: int
    height: int
    scale: int = 1
    scheme: str = "light"
    lang: str = "en"


# The screens of issue 18's "usable at" list, and the dark palette.
SETUPS = (
    ScreenSetup("1024x640", 1024, 640),
    ScreenSetup("1366x768", 1366, 768),
    ScreenSetup("1920x1080", 1920, 1080),
    ScreenSetup("1920x1080-2x", 960, 540, scale=2),
    ScreenSetup("1366x768-dark", 1366, 768, scheme="dark"),
)
# Spanish runs longer than English: the screens in Spanish, on the two smaller screens.
SPANISH_SETUPS = (
    ScreenSetup("es-1366x768", 1366, 768, lang="es"),
    ScreenSetup("es-1024x640", 1024, 640, lang="es"),
)


def _shoot(widget: object, path: Path, size: tuple[int, int]) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from walkapp.ui.screenshot_files import save_shot

    assert isinstance(widget, QWidget)
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    save_shot(widget, path)
    print(path)


def render_all(out_dir: Path, size: tuple[int, int] = DEFAULT_SIZE,
               scheme: str = "light", lang: str | None = None) -> list[Path]:
    """Every screen into `out_dir`; `lang` ("en", "es"): the screens' language (None: as
    the app would choose, walkapp.language)."""
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
    from walkapp.ui.translations import speaking

    # The palette walkapp follows (walkapp.ui.theme reads it when the application is made).
    os.environ["WALKAPP_COLOR_SCHEME"] = scheme
    make_application()
    if lang is not None:
        from walkapp.ui import translations

        translations.install(lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = resolve_settings(tmp)
        services = open_services(settings)
        try:
            empty = MainWindow(services, ui_settings(settings))
            empty.library.show_icons()  # as once a start has settled (walkapp.ui.app)
            shots.append(out_dir / "01-library-empty.png")
            _shoot(empty, shots[-1], size)
            # Help: the guide and the keyboard shortcuts, at a window's size on this screen.
            help_size = (min(size[0], 1000), min(size[1], 720))
            shots.append(out_dir / "01-help-guide.png")
            _shoot(empty.help.show_guide(), shots[-1], help_size)
            shots.append(out_dir / "01-help-shortcuts.png")
            _shoot(empty.help.show_shortcuts(), shots[-1], help_size)
            empty.close()
            walk = create_demo_walk(services, language=speaking())
            window = MainWindow(services, ui_settings(settings))
            window.library.show_icons()
            shots.append(out_dir / "02-library.png")
            _shoot(window, shots[-1], size)
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
                        _shoot(window, shots[-1], size)
                else:
                    shots.append(out_dir / f"{number:02d}-{key}.png")
                    _shoot(window, shots[-1], size)
            window.close()
            from walkapp.ui.screenshots_observe import render_screenshots as observe_shots
            from walkapp.ui.screenshots_postbrief import render_screenshots as postbrief_shots

            for path in observe_shots(services, out_dir, walk.id, size=size):
                print(path)
                shots.append(path)
            for path in postbrief_shots(services, out_dir, walk_id=walk.id, size=size):
                print(path)
                shots.append(path)
        finally:
            services.close()
    return shots


def screen_environment(setup: ScreenSetup, config_dir: Path) -> dict[str, str]:
    """The environment of a process whose one screen is `setup`'s (offscreen)."""
    # The screen in pixels, scaled by Qt's own scale factor: a shown offscreen window does
    # not take the "dpr" of its screen's configuration (it draws at 1×).
    config = config_dir / f"screen-{setup.folder}.json"
    config.write_text(json.dumps({"screens": [{
        "name": setup.folder, "x": 0, "y": 0, "width": setup.width * setup.scale,
        "height": setup.height * setup.scale, "logicalDpi": 96, "logicalBaseDpi": 96,
        "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["QT_SCALE_FACTOR"] = str(setup.scale)
    env["WALKAPP_COLOR_SCHEME"] = setup.scheme
    return env


def render_every_setup(out_root: Path, setups: tuple[ScreenSetup, ...] = SETUPS) -> int:
    """Each setup in a process of its own, into out_root/<folder>/; 0 if all went well."""
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for setup in setups:
            command = [sys.executable, "-m", "walkapp.ui.screenshots",
                       str(out_root / setup.folder), "--one",
                       "--size", f"{setup.width}x{setup.height}", "--scheme", setup.scheme,
                       "--lang", setup.lang]
            done = subprocess.run(command, env=screen_environment(setup, Path(tmp)),
                                  check=False)
            if done.returncode != 0:
                print(f"the pictures for {setup.folder} failed ({done.returncode})",
                      file=sys.stderr)
                failed += 1
    return 1 if failed else 0


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m walkapp.ui.screenshots")
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--one", action="store_true",
                        help="draw one size and palette into OUT (this process's screen)")
    parser.add_argument("--size", type=_size, default=DEFAULT_SIZE, help="WxH in points")
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    parser.add_argument("--lang", choices=("en", "es"), default=None,
                        help="the screens' language (default English; with es and no "
                             "--one: the Spanish setups)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not args.one:
        return render_every_setup(args.out, SPANISH_SETUPS if args.lang == "es" else SETUPS)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    render_all(args.out, args.size, args.scheme, args.lang or "en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
