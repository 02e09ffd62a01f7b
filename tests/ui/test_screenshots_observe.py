"""The screenshot helper draws the observation and walker-mode screens at 1366×768 and
leaves the sample walk as it found it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from walkapp.demo import create_demo_walk
from walkapp.services import Services
from walkapp.ui.screenshots_observe import render_screenshots


def test_render_screenshots(qtbot, services: Services, tmp_path: Path) -> None:
    walk = create_demo_walk(services)
    before = [(n.id, n.text, n.revision) for n in services.notes.list_notes(walk.id)]
    paths = render_screenshots(services, tmp_path / "shots", walk_id=walk.id)
    assert [p.name for p in paths] == ["observation.png", "walker-walk.png",
                                       "walker-notes.png", "walker-reflections.png"]
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1366, 768)
    assert [(n.id, n.text, n.revision) for n in services.notes.list_notes(walk.id)] == before
