"""Issue 18: at 1366×768 no screen of the sample walk cuts its words, and every control on
every screen is named and reached with Tab.

Every screen is reached by `walkapp.ui.screen_tour.tour` (the list of walks, the Trash,
each page, tab and step, the post-brief's "More" panels, and a walker's page), in the real
window with the app's own style sheet. Text is measured with each widget's own font and
style (tests/helpers/cut_text.py), so the check is run at the font of today and at one 15 %
larger: a bigger type scale must wrap or widen, not cut.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tests.helpers.cut_text import cut_texts
from tests.helpers.keyboard_reach import keyboard_problems
from tests.helpers.speaking import app_speaking
from tests.ui.conftest import ScriptedAsker
from walkapp.demo import create_demo_walk
from walkapp.services import Services
from walkapp.ui import theme
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screen_tour import tour

SIZE = (1366, 768)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own style sheet (its paddings and type sizes take room too), and the
    application's font as it was, after the test."""
    style, font = qapp.styleSheet(), QFont(qapp.font())
    # The sheet as the app puts it on (its @tokens filled in: a raw @token is no value
    # for Qt, and the rule holding it was dropped, paddings and borders with it).
    qapp.setStyleSheet(theme.stylesheet(theme.PALETTES[theme.Scheme.LIGHT]))
    yield qapp
    qapp.setStyleSheet(style)
    qapp.setFont(font)


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The app in English, then in Spanish (which runs longer: nothing may be cut)."""
    with app_speaking(request.param):
        yield request.param


def _screens(qtbot, services: Services, qsettings: QSettings, asker: ScriptedAsker,
             language: str = "en") -> Iterator[tuple[str, QWidget]]:
    """Every screen of the sample walk (in `language`) in a 1366×768 window, then a
    walker's laptop's."""
    walk = create_demo_walk(services, language=language)
    walkers_copy = create_demo_walk(services, language=language)
    services.walks.update_walk(walkers_copy.id, local_mode="walker",
                               local_participant_id=walkers_copy.walkers[0].id)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    yield from tour(window, walk.id)
    yield from ((f"walker's laptop: {name}", shown)
                for name, shown in tour(window, walkers_copy.id))


@pytest.mark.parametrize("font_scale", [1.0, 1.15], ids=["font", "font+15%"])
def test_no_screen_cuts_its_words(qtbot, styled: QApplication, services: Services,
                                  qsettings: QSettings, asker: ScriptedAsker,
                                  font_scale: float, language: str) -> None:
    font = QFont(styled.font())
    font.setPointSizeF(font.pointSizeF() * font_scale)
    styled.setFont(font)
    found = {}
    count = 0
    for name, screen in _screens(qtbot, services, qsettings, asker, language):
        count += 1
        cut = cut_texts(screen)
        if cut:
            found[name] = cut
    assert count > 20  # the tour reached the walk's pages, steps and tabs
    assert found == {}


def test_every_control_is_named_and_reached_by_tab(qtbot, styled: QApplication,
                                                  services: Services, qsettings: QSettings,
                                                  asker: ScriptedAsker) -> None:
    found = {}
    for name, screen in _screens(qtbot, services, qsettings, asker):
        problems = keyboard_problems(screen)
        if problems:
            found[name] = problems
    assert found == {}


@pytest.mark.parametrize("width,scale", [(1366, 1.0), (1024, 1.0), (1366, 1.5), (700, 1.0)])
def test_each_welcome_card_holds_its_button_and_line_whole(
        qtbot, styled: QApplication, services: Services, qsettings: QSettings,
        asker: ScriptedAsker, language: str, width: int, scale: float) -> None:
    """In a row or one under the other, in either language and in larger type: a card
    is as wide as its button and as tall as its wrapped line."""
    font = QFont(styled.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    styled.setFont(font)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(width, 640)
    window.show()
    welcome = window.library.welcome
    qtbot.waitUntil(welcome.isVisible, timeout=2000)
    window.library.show_icons()  # as the first window does once it has settled
    buttons = (welcome.lead_button, welcome.kit_button, welcome.sample_button)
    qtbot.waitUntil(lambda: all(not b.icon().isNull() for b in buttons), timeout=2000)
    for button in buttons:
        card = button.parentWidget()
        line = next(w for w in card.findChildren(QLabel) if w.buddy() is button)
        qtbot.waitUntil(lambda c=card, b=button: c.contentsRect().adjusted(-1, -1, 1, 1)
                        .contains(b.geometry()) and b.width() >= b.sizeHint().width(),
                        timeout=2000)
        qtbot.waitUntil(lambda w=line: w.height() >= w.heightForWidth(w.width()),
                        timeout=2000)
    window.grab().save(f"/tmp/welcome-{language}-{width}-{scale}.png")


def test_the_checks_find_what_they_look_for(qtbot) -> None:
    """Each check fails on a screen built to fail it."""
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    label = QLabel("A label whose words are much wider than the room it was given")
    label.setFixedWidth(60)
    button = QPushButton("A button far too narrow")
    button.setFixedWidth(40)
    items = QListWidget()
    items.addItem("An item whose words run past the edge of its list")
    items.setFixedWidth(80)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    row = QHBoxLayout()
    hidden_by_parent = QWidget()
    hidden_by_parent.setFixedSize(50, 20)
    off_the_edge = QPushButton("Cut off", hidden_by_parent)
    off_the_edge.setGeometry(30, 0, 80, 20)
    row.addWidget(hidden_by_parent)
    skipped = QPushButton("Tab skips me")
    skipped.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    unnamed = QPushButton()
    for widget in (label, button, items):
        layout.addWidget(widget)
    layout.addLayout(row)
    layout.addWidget(skipped)
    layout.addWidget(unnamed)
    root.resize(400, 400)
    root.show()
    qtbot.waitExposed(root)

    cut = "\n".join(cut_texts(root))
    assert "A label whose words" in cut
    assert "A button far too narrow" in cut
    assert "An item whose words" in cut
    assert '"Cut off"' in cut
    problems = "\n".join(keyboard_problems(root))
    assert "Tab skips it" in problems and "Tab skips me" in problems
    assert "no name" in problems
