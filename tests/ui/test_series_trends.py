"""The Series trends window: reached from the walks library (a walk's context menu) and from
an open walk (Go ▸ Series trends…); look-for evidence, the group's ratings as a chart that
never shows a session of fewer than three ratings, follow-through totals; empty states;
named controls, keyboard reach, nothing cut at 1024×640; drawn in English and Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableWidget, QWidget

from tests.helpers.a11y import unnamed_controls
from tests.helpers.builders import make_walk
from tests.helpers.cut_text import cut_texts
from tests.helpers.keyboard_reach import keyboard_problems
from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.services import NoteDraft, Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.services.trends import series_trends
from walkapp.ui import translations
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.library_series import walk_menu
from walkapp.ui.screens.series_trends import SeriesTrendsWindow
from walkapp.ui.widgets.trend_charts import SpreadBar


def _mirror_series(services: Services, language: str = "en") -> list[d.Walk]:
    mirror = builtin_protocol("plc-mirror", language)
    first = create_walk_from_protocol(services, mirror, "Mirror", date(2026, 9, 14))
    services.walks.update_walk(first.id, language=language)
    second = services.series.plan_again(first.id, walk_date=date(2026, 11, 16))
    third = services.series.plan_again(second.id, walk_date=date(2027, 1, 18))
    step = mirror.step("ratings")
    assert step is not None
    plan = {first.id: [[4, 4, 5, 2], [3, 3, 3, 3]], second.id: [[1]],
            third.id: [[3, 4, 4], [2, 5, 5]]}
    for walk_id, columns in plan.items():
        for member in range(len(columns[0])):
            person = services.plan.add_participant(walk_id, f"Ratername {member}")
            for index, column in enumerate(columns):
                if member < len(column):
                    services.responses.save_answer(walk_id, step, step.prompts[index],
                                                   column[member], person.id)
    services.debrief.save_commitment(first.id, services.walks.get_walk(first.id)
                                     .participants[-1].id, "Try a think-pair-share")
    return [first, second, third]


def _texts(root: QWidget) -> str:
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        out += [widget.accessibleName(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            out.append(widget.text())
        if isinstance(widget, QTableWidget):
            out += [widget.item(r, c).text() for r in range(widget.rowCount())
                    for c in range(widget.columnCount()) if widget.item(r, c)]
    return "\n".join(out)


def _window(qtbot, services: Services, walk_id: str) -> SeriesTrendsWindow:
    window = SeriesTrendsWindow(lambda: series_trends(services, walk_id))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.trends is not None, timeout=5000)
    return window


def test_the_ratings_chart_never_shows_a_lone_answer(qtbot, services: Services) -> None:
    walks = _mirror_series(services)
    window = _window(qtbot, services, walks[2].id)
    assert window.body.currentWidget() is window.tabs
    chart = window.ratings_chart
    assert chart is not None
    first, second = chart.statements[:2]
    # Sessions 1 and 3 drawn; session 2 (one rating, a distinctive "1") is words only.
    assert [b.counts for b in first.bars] == [(0, 1, 0, 2, 1), (0, 0, 1, 2, 0)]
    assert [w.text() for w in first.too_few] == ["Too few answers to show (1 of at least 3)"]
    assert len(second.bars) == 2 and not second.too_few  # session 2 did not rate it
    shown = _texts(window)
    assert "Ratername" not in shown
    assert "1 chose 1" not in shown and "1 of 5" not in shown and "1.0 of 5" not in shown
    assert "2 chose 4, 1 chose 5" in shown or "1 chose 2, 2 chose 4, 1 chose 5" in shown
    all_bars = window.findChildren(SpreadBar)
    assert all(sum(b.counts) >= 3 for b in all_bars)


def test_follow_through_and_look_fors_are_group_totals(qtbot, services: Services) -> None:
    first = make_walk(services, "Talk walk", walk_date=date(2026, 10, 5))
    services.notes.save_note(NoteDraft(first.id, first.walkers[0].id, "Pairs explained",
                                       visit_id=first.visits[0].id,
                                       look_for_ids=(first.look_fors[0].id,)))
    made = services.debrief.save_commitment(first.id, first.walkers[1].id, "Wait longer")
    services.series.plan_again(first.id, walk_date=date(2026, 11, 2))
    services.debrief.review_commitment(made.id, "tried")
    window = _window(qtbot, services, first.id)
    table = window.look_fors
    assert table.item(0, 0).text() == "Student talk"
    assert [table.item(0, c).text() for c in (1, 2)] == ["1", "0"]
    follow = window.follow
    assert [follow.item(r, 0).text() for r in range(follow.rowCount())] == \
        ["Walk 1 · Oct 5, 2026 · Talk walk", "Walk 2 · Nov 2, 2026 · Talk walk — 2",
         "All walks"]
    assert follow.item(0, 1).text() == "1"  # tried
    assert "Walker 2" not in _texts(window)  # nobody's own commitment by name
    window.tabs.setCurrentIndex(1)
    stack, _page, empty = window._pages[1]
    assert stack.currentWidget() is empty  # no ratings in this series: an empty state


def test_a_walk_with_nothing_to_show_says_so(qtbot, services: Services) -> None:
    walk = make_walk(services, "Quiet walk")
    window = _window(qtbot, services, walk.id)
    assert window.body.currentWidget() is window.nothing
    assert "not part of a series" in window.scope.text()


def test_reached_from_the_library_and_the_go_menu(qtbot, services: Services,
                                                 qsettings: QSettings,
                                                 asker: ScriptedAsker) -> None:
    walks = _mirror_series(services)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: not window.library.is_loading(), timeout=5000)
    window.library.select_walk(walks[1].id)
    menu = walk_menu(window.library, window, walks[1].id)
    [action] = [a for a in menu.actions() if a.text() == "Series trends…"]
    action.trigger()
    opened = window.trends_window
    assert opened is not None
    qtbot.waitUntil(lambda: opened.trends is not None, timeout=5000)
    assert opened.title.text() == "Series trends: Mirror"
    assert len(opened.trends.walks) == 3
    # A walk in no series has no such entry in its menu; the Go menu has it for any walk.
    alone = make_walk(services, "Alone")
    qtbot.waitUntil(lambda: window.library.model.row_of(alone.id) >= 0, timeout=5000)
    assert not [a for a in walk_menu(window.library, window, alone.id).actions()
                if a.text() == "Series trends…"]
    assert window.trends_action.isEnabled()
    window.trends_action.trigger()
    again = window.trends_window
    assert again is not None and again is not opened
    qtbot.waitUntil(lambda: again.trends is not None, timeout=5000)


@pytest.mark.parametrize("size", [(1024, 640), (1366, 768)])
def test_fits_is_named_and_reached_by_keyboard(qtbot, services: Services,
                                              size: tuple[int, int]) -> None:
    walks = _mirror_series(services)
    window = _window(qtbot, services, walks[2].id)
    window.resize(size[0] - 40, size[1] - 80)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitExposed(window)
        assert cut_texts(window) == [], index
    assert unnamed_controls(window) == []
    assert keyboard_problems(window) == []


@pytest.fixture
def restore_english() -> Iterator[None]:
    yield
    translations.install("en")
    QLocale.setDefault(QLocale("en_US"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_draw_the_window(qtbot, services: Services, language: str, tmp_path: Path,
                         restore_english: None) -> None:
    """Pictures to look at (pytest --basetemp=DIR): every tab of the window."""
    translations.install(language)
    walks = _mirror_series(services, language)
    window = _window(qtbot, services, walks[2].id)
    window.resize(1000, 600)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window.grab().save(str(tmp_path / f"trends-{language}-{index}.png"))
    if language == "es":
        assert window.tabs.tabText(1) == "Valoraciones"
        assert "Muy pocas respuestas" in _texts(window)
