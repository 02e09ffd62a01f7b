"""`make screenshots` draws every screen for each screen set-up in a process of its own, on
an offscreen screen of that size and pixel ratio: the pictures have the set-up's size in
pixels (points × scale), one folder per set-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from walkapp.ui.screenshots import SETUPS, ScreenSetup, render_every_setup, screen_environment


def test_the_setups_are_the_issues_sizes_and_a_dark_palette() -> None:
    sizes = {(s.width * s.scale, s.height * s.scale, s.scale) for s in SETUPS}
    assert {(1024, 640, 1), (1366, 768, 1), (1920, 1080, 1), (1920, 1080, 2)} <= sizes
    assert any(s.scheme == "dark" for s in SETUPS)
    assert len({s.folder for s in SETUPS}) == len(SETUPS)


def test_a_process_sees_the_setups_screen(tmp_path: Path) -> None:
    setup = ScreenSetup("t", 960, 540, scale=2, scheme="dark")
    probe = ("import json; from PySide6.QtWidgets import QApplication, QWidget; "
             "a = QApplication([]); s = a.primaryScreen(); g = s.availableGeometry(); "
             "w = QWidget(); w.resize(10, 10); w.show(); a.processEvents(); "
             "print(json.dumps([g.width(), g.height(), w.grab().width()]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=screen_environment(setup, tmp_path), check=True, timeout=120)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [960, 540, 20]


def test_every_screen_is_drawn_at_the_setups_pixel_size(tmp_path: Path) -> None:
    setup = ScreenSetup("small-2x", 1280, 720, scale=2)
    assert render_every_setup(tmp_path, (setup,)) == 0
    pictures = sorted((tmp_path / "small-2x").glob("*.png"))
    names = {p.name for p in pictures}
    assert {"01-library-empty.png", "02-library.png", "05-observation.png",
            "observation.png", "walker-notes.png", "postbrief-evidence-wall.png"} <= names
    assert {"01-help-guide.png", "01-help-shortcuts.png"} <= names
    for path in pictures:
        image = QImage(str(path))
        if path.name.startswith("01-help-"):  # a help window: within the screen
            assert image.width() <= 2560 and image.height() <= 1440, path.name
        else:
            assert (image.width(), image.height()) == (2560, 1440), path.name
