"""walkapp's look (walkapp.ui.theme, resources/styles/app.qss): the focus ring stands out
at least 3:1 from every surface it can sit on, in light and dark (WCAG 2.2 non-text
contrast, from the theme's own tokens), and is really drawn, 2 px in its colour, around a
focused button and a selected list item; the note editor and note lists keep a readable
line at 1920 px; the colour scheme can be forced; icons and empty states draw."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tests.helpers.builders import make_walk
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import FakeClock
from walkapp.paths import resource_path
from walkapp.services import NoteDraft, Services
from walkapp.ui import icons, theme
from walkapp.ui.widgets.empty_state import EmptyState

WCAG_NON_TEXT = 3.0
WCAG_TEXT = 4.5


@pytest.mark.parametrize("scheme", list(theme.Scheme))
def test_the_focus_ring_contrasts_3_to_1_with_every_surface(scheme: theme.Scheme) -> None:
    colours = theme.PALETTES[scheme]
    low = {surface: round(theme.contrast(colours.focus, getattr(colours, surface)), 2)
           for surface in theme.RING_SURFACES}
    assert min(low.values()) >= WCAG_NON_TEXT, low


@pytest.mark.parametrize("scheme", list(theme.Scheme))
def test_text_colours_are_readable_on_their_surfaces(scheme: theme.Scheme) -> None:
    c = theme.PALETTES[scheme]
    pairs = {("text", s): theme.contrast(c.text, getattr(c, s))
             for s in ("window", "base", "button", "alternate", "card")}
    pairs |= {("muted", s): theme.contrast(c.muted, getattr(c, s))
              for s in ("window", "base", "alternate", "card")}
    pairs[("accent_text", "accent_soft")] = theme.contrast(c.accent_text, c.accent_soft)
    assert min(pairs.values()) >= WCAG_TEXT, {k: round(v, 2) for k, v in pairs.items()}


@pytest.mark.parametrize("scheme", list(theme.Scheme))
def test_a_ticked_box_and_its_edge_stand_out(scheme: theme.Scheme) -> None:
    c = theme.PALETTES[scheme]
    # The check on the accent, the box on every surface (its edge is drawn in `muted`).
    assert theme.contrast(c.on_accent, c.accent) >= WCAG_NON_TEXT
    assert min(theme.contrast(c.muted, getattr(c, s))
               for s in ("window", "base", "alternate", "card")) >= WCAG_NON_TEXT
    assert min(theme.contrast(c.accent, getattr(c, s))
               for s in ("window", "base", "alternate", "card")) >= WCAG_NON_TEXT
    # The stylesheet's pictures (the check, the arrows) are drawn in this palette's colours.
    for name, colour in theme.INDICATORS.items():
        picture = resource_path("icons", theme.indicator_file(name, scheme))
        assert f'stroke="{getattr(c, colour)}"' in picture.read_text(encoding="utf-8"), name
        assert picture.as_posix() in theme.stylesheet(c)


def test_the_contrast_formula_matches_wcag() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("scheme", list(theme.Scheme))
def test_every_placeholder_of_the_stylesheet_is_filled(scheme: theme.Scheme) -> None:
    qss = theme.stylesheet(theme.PALETTES[scheme])
    rules = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)  # comments may name @tokens
    assert re.findall(r"@[a-z][a-z0-9-]*", rules) == []
    assert theme.PALETTES[scheme].focus in rules


def test_the_environment_forces_a_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(theme.ENV_SCHEME, "dark")
    assert theme.resolve("light") is theme.Scheme.DARK
    monkeypatch.setenv(theme.ENV_SCHEME, "light")
    assert theme.resolve(None) is theme.Scheme.LIGHT
    monkeypatch.setenv(theme.ENV_SCHEME, "purple")  # not a scheme: the choice, then system
    assert theme.resolve("dark") is theme.Scheme.DARK
    assert theme.resolve("system") is theme.system_scheme()


def _near(colour: QColor, hex_colour: str, tolerance: int = 24) -> bool:
    want = QColor(hex_colour)
    return (abs(colour.red() - want.red()) <= tolerance
            and abs(colour.green() - want.green()) <= tolerance
            and abs(colour.blue() - want.blue()) <= tolerance)


def _ring_pixels(image: QImage, rect: QRect, hex_colour: str) -> dict[str, int]:
    """Ring-coloured pixels on each side of `rect`, within its outer 3 px."""
    sides = {"left": 0, "right": 0, "top": 0, "bottom": 0}
    middle_y = rect.center().y()
    middle_x = rect.center().x()
    for dx in range(3):
        sides["left"] += _near(image.pixelColor(rect.left() + dx, middle_y), hex_colour)
        sides["right"] += _near(image.pixelColor(rect.right() - dx, middle_y), hex_colour)
        sides["top"] += _near(image.pixelColor(middle_x, rect.top() + dx), hex_colour)
        sides["bottom"] += _near(image.pixelColor(middle_x, rect.bottom() - dx), hex_colour)
    return sides


def _focus(qtbot, window: QWidget, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_focused_button_and_a_selected_item_show_the_ring(
        qtbot, themed: QApplication, scheme: str) -> None:  # type: ignore[no-untyped-def]
    theme.apply(themed, scheme)
    colours = theme.current()
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Start visit")
    other = QPushButton("Other")
    items = QListWidget()
    items.addItems(["Visit 1", "Visit 2", "Visit 3"])
    layout = QVBoxLayout(window)
    for widget in (button, other, items):
        layout.addWidget(widget)
    window.resize(400, 300)

    _focus(qtbot, window, button)
    shot = button.grab().toImage()
    sides = _ring_pixels(shot, shot.rect(), colours.focus)
    assert all(count >= 2 for count in sides.values()), sides  # 2 px on every side
    # Not focused: no ring (the ring says where the keyboard is, nothing else does).
    unfocused = other.grab().toImage()
    assert sum(_ring_pixels(unfocused, unfocused.rect(), colours.focus).values()) == 0

    items.setCurrentRow(1)  # selected and current
    _focus(qtbot, window, items)
    assert items.item(1).isSelected()
    viewport = items.viewport().grab().toImage()
    rect = items.visualItemRect(items.item(1))
    sides = _ring_pixels(viewport, rect, colours.focus)
    assert all(count >= 2 for count in sides.values()), sides
    # ...drawn on the selection's own surface, which is there inside the ring.
    inside = viewport.pixelColor(rect.left() + 4, rect.top() + 4)
    assert _near(inside, colours.accent_soft, 8), inside.name()


def test_the_scheme_switches_the_palette(qtbot, themed: QApplication) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette

    theme.apply(themed, "dark")
    assert themed.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
    theme.set_choice(themed, "light")
    assert themed.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT.window
    assert theme.LIGHT.focus in themed.styleSheet()


def test_icons_draw_in_the_palettes_text_colour(qtbot, themed: QApplication) -> None:  # type: ignore[no-untyped-def]
    theme.apply(themed, "dark")
    assert len(icons.names()) <= 40  # only the icons walkapp uses are bundled
    for name in icons.names():
        image = icons.icon(name).pixmap(QSize(32, 32)).toImage()
        drawn = [image.pixelColor(x, y) for x in range(32) for y in range(32)
                 if image.pixelColor(x, y).alpha() == 255]
        assert drawn, name
        assert any(_near(c, theme.DARK.text, 4) for c in drawn), name
    disabled = icons.icon("plus").pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    opaque = [disabled.pixelColor(x, y) for x in range(24) for y in range(24)
              if disabled.pixelColor(x, y).alpha() == 255]
    assert opaque and all(_near(c, theme.DARK.disabled, 4) for c in opaque)


def test_the_empty_state_shows_its_words_actions_and_links(qtbot) -> None:  # type: ignore[no-untyped-def]
    done: list[str] = []
    active = QWidget()
    qtbot.addWidget(active)
    active.show()
    active.activateWindow()
    qtbot.waitUntil(active.isActiveWindow, timeout=2000)
    empty = EmptyState("inbox", "No notes yet", "Notes taken in the visits come here.")
    qtbot.addWidget(empty)
    # Built, not shown: none of its parts was ever a window of its own (one shown for a
    # moment takes the keyboard from the window in front).
    QApplication.processEvents()
    assert active.isActiveWindow()
    action = empty.add_action("Take a note", lambda: done.append("action"))
    link = empty.add_link("How notes work", lambda: done.append("link"))
    empty.resize(600, 400)
    empty.show()
    assert empty.title_label.text() == "No notes yet" and empty.text_label.isVisible()
    assert not empty.icon_label.pixmap().isNull()
    action.click()
    link.click()
    assert done == ["action", "link"]
    assert action.property("primary") is True
    empty.set_text("")
    assert not empty.text_label.isVisible()
    # It takes a QLabel's place: setText's first line is the title, the rest the help.
    empty.setText("Nothing matches\nTry fewer words.")
    assert empty.title_label.text() == "Nothing matches"
    assert empty.text_label.text() == "Try fewer words." and empty.text_label.isVisible()
    assert empty.text() == "Nothing matches\nTry fewer words."
    no_icon = EmptyState(None, "Nothing here", "")
    qtbot.addWidget(no_icon)
    no_icon.show()
    assert not no_icon.icon_label.isVisible()


@pytest.mark.parametrize("look", ["walkapp", "plain Qt"])
def test_notes_keep_a_readable_line_at_1920_px(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                               asker: ScriptedAsker, look: str,
                                               request: pytest.FixtureRequest) -> None:
    from walkapp.ui.screens.observation import ObservationScreen

    if look == "walkapp":
        theme.apply(request.getfixturevalue("themed"), "light")
    walk = make_walk(services, visits=2)
    services.notes.save_note(NoteDraft(
        walk_id=walk.id, author_id=walk.walkers[0].id, visit_id=walk.visits[0].id,
        text="Two students compared answers and explained their thinking " * 6))
    screen = ObservationScreen(services, walk.id, walk.walkers[0].id, clock=FakeClock(),
                               asker=asker, debounce_ms=60)
    qtbot.addWidget(screen)
    screen.resize(1920, 1000)
    screen.show()
    qtbot.waitUntil(lambda: screen.width() == 1920, timeout=2000)
    qtbot.waitUntil(screen.notes_panel.list.isVisible, timeout=2000)
    chars_per_line = {}
    for name, widget in (("note editor", screen.editor.text_edit.viewport()),
                         ("notes list", screen.notes_panel.list.viewport())):
        chars_per_line[name] = widget.width() / widget.fontMetrics().averageCharWidth()
    assert all(60 <= chars <= 90 for chars in chars_per_line.values()), chars_per_line
    # The width saved goes to the panels beside: the visits list is wider than at 1366.
    wide = screen.visits_list.width()
    screen.resize(1366, 740)
    qtbot.waitUntil(lambda: screen.visits_list.width() < wide, timeout=2000)
    assert QPoint(0, 0) == screen.rect().topLeft()


def test_a_combo_box_list_drops_below_the_box(qtbot, themed: QApplication) -> None:  # type: ignore[no-untyped-def]
    """The style sheet's padding made Fusion's popup (laid over the box) one row too short:
    the last item hid behind a scroll arrow ("Español" of two languages in Preferences,
    seen in the real window). The list drops below the box instead, every item shown."""
    from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

    theme.apply(themed, "light")
    combo = QComboBox()
    combo.addItems(["English", "Español"])
    qtbot.addWidget(combo)
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    assert not combo.style().styleHint(QStyle.StyleHint.SH_ComboBox_Popup, option, combo)
