"""No screen shows a protocol's id or a look-for set's key where people read: the walks
library, every page of an open walk (each plan tab too), and the reports page show
titles ("Learning walk", "Student talk")."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.conftest import ScriptedAsker
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.plan.page import PlanPage


def shown_texts(root: QWidget) -> list[str]:
    """Every text a person can read in `root` (labels, buttons, fields, lists, tables,
    tabs, drop-downs and tooltips), as far as it is shown."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            from PySide6.QtCore import QModelIndex

            top = QModelIndex()
            try:
                columns = model.columnCount(top)
            except TypeError:  # a list model: one column
                columns = 1
            for row in range(min(model.rowCount(top), 200)):
                for column in range(columns):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.index(row, column).data(role)
                        if isinstance(value, str):
                            texts.append(value)
    return [t for t in texts if t]


def ids_in(texts: list[str], *ids: str) -> list[str]:
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    return [t for t in texts if pattern.search(t)]


@pytest.mark.parametrize("walker_mode", [False, True], ids=["facilitator", "walker"])
def test_titles_not_ids_on_every_screen(qtbot, services: Services, qsettings: QSettings,  # type: ignore[no-untyped-def]
                                        asker: ScriptedAsker, walker_mode: bool) -> None:
    protocol = builtin_protocol("learning-walk")
    chosen = protocol.look_for_sets[0]
    walk = create_walk_from_protocol(services, protocol, "Our walk", date(2026, 11, 3),
                                     look_for_set=chosen.key, visits=2)
    ana = services.plan.add_participant(walk.id, "Ana")
    if walker_mode:  # a walker's laptop, as a walk kit leaves it
        services.walks.update_walk(walk.id, local_mode=d.LocalMode.WALKER.value,
                                   local_participant_id=ana.id)
    secret_ids = (protocol.id, chosen.key)
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=5000)
    library = shown_texts(window.library)
    assert protocol.title in library
    assert ids_in(library, *secret_ids) == []

    window.open_walk(walk.id)
    workspace = window.workspace
    assert workspace is not None
    for key in workspace.page_keys():
        workspace.show_page(key)
        page = workspace.page(key)
        assert isinstance(page, QWidget)
        tabs = [page] if not isinstance(page, PlanPage) else [
            page.tabs.widget(i) for i in range(page.tabs.count())]
        for index, _tab in enumerate(tabs):
            if isinstance(page, PlanPage):
                page.tabs.setCurrentIndex(index)
            found = ids_in(shown_texts(window), *secret_ids)
            assert found == [], (key, index, found)


def test_the_library_names_a_users_protocol_by_its_title(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                         qsettings: QSettings,
                                                         asker: ScriptedAsker) -> None:
    """Once the protocol files are read (after start-up, off the GUI thread), the list
    shows each walk's protocol by its own title, however unlike its id."""
    from walkapp.protocol.library import ProtocolLibrary, readable_id

    library = ProtocolLibrary.for_settings(services.db.settings)
    copy = library.duplicate("learning-walk", "ours-2027", "Our spring walks").protocol
    create_walk_from_protocol(services, copy, "Spring", date(2027, 3, 1))
    window = MainWindow(services, qsettings, asker,
                        library=ProtocolLibrary.for_settings(services.db.settings))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=5000)
    shown = shown_texts(window.library)
    assert copy.title in shown or readable_id(copy.id) in shown  # never the bare id
    assert ids_in(shown, copy.id) == []
    window.protocols_menu.report_problems_in_background()
    qtbot.waitUntil(lambda: copy.title in shown_texts(window.library), timeout=10_000)
