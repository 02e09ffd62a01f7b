"""The step guide's side and list, laid out with the app's style sheet (issue 18's sizes):
each step row shows its title and its minutes whole (the style sheet's item padding and
focus border were not counted, and the minutes line was cut to "…"), and the side with the
protocol's roles sits against the step's words (the splitter gave the side the width its
roles' wrapped words would like, past the side's maximum: a gap as wide as the side opened,
and the words were squeezed until they overlapped the panel below them)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import ScriptedAsker
from walkapp.config import Settings
from walkapp.protocol.library import ProtocolLibrary
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui import theme
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screen_tour import settle
from walkapp.ui.screens.step_guide import StepGuide

# The style sheet's vertical room around an item's words: 3 px padding and the 2 px focus
# border, above and below (resources/styles/app.qss, QListView::item).
ITEM_FRAME = 2 * (3 + 2)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    style = qapp.styleSheet()
    # The sheet as the app puts it on (its @tokens filled in: a raw @token is no value
    # for Qt, and the rule holding it was dropped, paddings and borders with it).
    qapp.setStyleSheet(theme.stylesheet(theme.PALETTES[theme.Scheme.LIGHT]))
    yield qapp
    qapp.setStyleSheet(style)


def _pre_brief(qtbot, services: Services, settings: Settings, qsettings: QSettings,
               asker: ScriptedAsker, protocol_id: str) -> tuple[MainWindow, StepGuide]:
    protocol = ProtocolLibrary.for_settings(settings).get(protocol_id)
    walk = create_walk_from_protocol(services, protocol, "Layout", date(2026, 12, 4),
                                     "A focus", None, 3)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.open_walk(walk.id, wait_ms=10_000)
    assert window.workspace is not None
    window.workspace.show_page("pre_brief")
    settle(window)
    guide = window.workspace.page("pre_brief")
    assert isinstance(guide, StepGuide)
    return window, guide


@pytest.mark.parametrize("protocol_id", ["tuning-protocol", "learning-walk"])
def test_the_side_sits_against_the_steps_words(qtbot, styled: QApplication,
                                               services: Services, settings: Settings,
                                               qsettings: QSettings, asker: ScriptedAsker,
                                               protocol_id: str) -> None:
    window, guide = _pre_brief(qtbot, services, settings, qsettings, asker, protocol_id)
    splitter = guide.splitter
    side, words = splitter.widget(0), splitter.widget(1)
    assert side.width() == side.maximumWidth()
    gap = words.geometry().left() - side.geometry().right() - 1
    assert gap <= splitter.handleWidth() + 1, (protocol_id, gap, splitter.sizes())
    window.grab().save(f"/tmp/step-guide-{protocol_id}.png")


def test_every_step_row_shows_its_title_and_minutes_whole(
        qtbot, styled: QApplication, services: Services, settings: Settings,
        qsettings: QSettings, asker: ScriptedAsker) -> None:
    _window, guide = _pre_brief(qtbot, services, settings, qsettings, asker,
                                "tuning-protocol")
    steps = guide.steps
    assert steps.count() >= 2
    for row in range(steps.count()):
        item = steps.item(row)
        rect = steps.visualItemRect(item)
        assert "\n" in item.text() and item.text().endswith("min")
        words = QFontMetrics(item.font()).boundingRect(
            QRect(0, 0, rect.width() - 12, 100_000), int(Qt.TextFlag.TextWordWrap),
            item.text())
        assert rect.height() >= words.height() + ITEM_FRAME, (item.text(), rect, words)
