"""All the text the app shows for one walk: every page, every step of every step guide,
every tab, and every report printed for it.

`walk_text(qtbot, services, qsettings, asker, walk_id)` opens the walk in the real main
window (offscreen), visits each page, runs each step guide from its first step to its last
(the step list does not jump: the guide moves one step at a time, as the protocol does),
shows every tab of every tab widget on the way, and collects the text of every widget on
screen at each stop: labels and buttons, placeholders, combo box items, text edits, item
views' model data, tooltips, window and tab titles (only widgets on screen; accessible
names are left out). Then it renders every report kind the
registry lists for the walk and extracts the PDFs' text (as tests/core/reports do).

Used by tests/ui/test_protocol_coverage.py to check that each word of a protocol reaches
the screen or the paper. It is slow only once per walk: put many sentinels in one walk.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from walkapp.reports import Paper, ReportKind, ReportRequest, render_report
from walkapp.reports.registry import Need
from walkapp.services import Services
from walkapp.ui import workers

# What a person sees (not accessible names: a word only a screen reader would say is not
# on the screen, so it does not count as shown).
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
MAX_STEPS = 200  # a guide that never finishes is a bug, not a reason to hang


@dataclass
class AppText:
    """What was seen, by where it was seen (page key, "page/step N", "report:<kind>")."""

    screens: dict[str, list[str]] = field(default_factory=dict)
    reports: dict[str, str] = field(default_factory=dict)

    def add(self, where: str, texts: list[str]) -> None:
        self.screens.setdefault(where, []).extend(texts)

    def all_screen_text(self) -> str:
        return "\n".join(t for texts in self.screens.values() for t in texts)

    def all_report_text(self) -> str:
        return "\n".join(self.reports.values())

    def where(self, word: str) -> list[str]:
        """Every place `word` was seen (case-insensitive; PDF line breaks ignored)."""
        word = word.lower()
        found = [where for where, texts in self.screens.items()
                 if any(word in t.lower() for t in texts)]
        found += [f"report:{kind}" for kind, text in self.reports.items()
                  if word in "".join(text.lower().split())]
        return found


def widget_texts(root: QWidget) -> list[str]:
    """The text of every visible widget under `root` (root included)."""
    out: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        out += [widget.toolTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            out.append(widget.text())
        if isinstance(widget, QGroupBox):
            out.append(widget.title())
        if isinstance(widget, QLineEdit):
            out += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            out += [widget.toPlainText(), widget.placeholderText()]
        if isinstance(widget, QComboBox):
            out += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            out += [widget.tabText(i) for i in range(widget.count())]
            out += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            out += model_texts(widget.model())
    return [t for t in out if t]


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    out: list[str] = []
    if parent is None:
        parent = QModelIndex()
        for column in range(_columns(model, parent)):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            if isinstance(header, str):
                out.append(header)
    for row in range(min(_rows(model, parent), 2000)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if isinstance(value, str):
                    out.append(value)
            if column == 0 and _rows(model, index) > 0:  # a tree's children
                out += model_texts(model, index)
    return out


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # A Qt-made model (a QListWidget's) keeps columnCount private to Python: one column.
    try:
        return int(model.columnCount(parent))
    except TypeError:
        return 1


def _rows(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.rowCount(parent))
    except TypeError:
        return 0 if parent.isValid() else len(model.match(
            model.index(0, 0), Qt.ItemDataRole.DisplayRole, "*", -1,
            Qt.MatchFlag.MatchWildcard))


def _settle(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=10_000)
    QApplication.processEvents()


def _collect_tabs(qtbot: Any, root: QWidget, where: str, seen: AppText) -> None:
    """Every tab of every tab widget under `root`, each shown in turn (tabs build lazily)."""
    seen.add(where, widget_texts(root))
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            _settle(qtbot)
            seen.add(f"{where}/tab {tabs.tabText(index)}", widget_texts(root))
        tabs.setCurrentIndex(current)


def _run_guide(qtbot: Any, guide: Any, where: str, seen: AppText) -> None:
    """Start the guide and go through every step to the end, collecting at each."""
    def act(verb: str) -> None:
        guide._act(verb)
        qtbot.waitUntil(lambda: not guide.is_acting(), timeout=10_000)
        qtbot.waitUntil(guide.body_is_shown, timeout=10_000)
        _settle(qtbot)

    state = guide.runner.state()
    if state.can_start:
        act("start")
    for _ in range(MAX_STEPS):
        state = guide.runner.state()
        _collect_tabs(qtbot, guide, f"{where}/step {state.position + 1}", seen)
        if state.finished:
            return
        assert state.can_next, f"{where}: stuck at step {state.position + 1}"
        act("next")
    raise AssertionError(f"{where}: the guide did not finish in {MAX_STEPS} steps")


def walk_text(qtbot: Any, services: Services, qsettings: QSettings, asker: Any,
              walk_id: str, protocol_id: str | None = None, *,
              reports: bool = True, language: str | None = None) -> AppText:
    """Open `walk_id` in the main window and collect everything it shows (see the module
    docstring), then every report for it; with `protocol_id` (a protocol in the library),
    also the New walk dialog with that protocol chosen (in `language`, when it has
    several); `reports=False` leaves the reports out (tests that look at the screens
    only)."""
    from walkapp.ui.main_window import MainWindow
    from walkapp.ui.screens.new_walk import NewWalkDialog
    from walkapp.ui.screens.step_guide import StepGuide

    seen = AppText()
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    _settle(qtbot)
    seen.add("library", widget_texts(window))
    if protocol_id is not None:
        dialog = NewWalkDialog(window._protocols(), protocol_id, window)
        if language is not None and (index := dialog.language.findData(language)) >= 0:
            dialog.language.setCurrentIndex(index)
        dialog.show()
        _settle(qtbot)
        seen.add("new walk", widget_texts(dialog))
        dialog.reject()
    window.open_walk(walk_id)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    workspace = window.workspace
    assert workspace is not None
    seen.add("window", [window.windowTitle()])
    for key in workspace.page_keys():
        workspace.show_page(key)
        _settle(qtbot)
        page = workspace.page(key)
        assert isinstance(page, QWidget)
        _collect_tabs(qtbot, window, key, seen)
        for guide in [page, *page.findChildren(StepGuide)]:
            if isinstance(guide, StepGuide):
                _run_guide(qtbot, guide, key, seen)
    if reports:
        seen.reports = report_texts(services, walk_id)
    return seen


def report_texts(services: Services, walk_id: str) -> dict[str, str]:
    """Every report kind the registry has, for this walk, as text."""
    from walkapp.reports.registry import REPORTS

    walk = services.walks.get_walk(walk_id)
    walker = walk.participants[0].display_name if walk.participants else None
    out: dict[str, str] = {}
    for spec in REPORTS:
        request: dict[str, Any] = {"kind": ReportKind(spec.kind), "paper": Paper.A4}
        if Need.WALK in spec.needs | spec.takes:
            request["walk_id"] = walk_id
        if Need.VISIT in spec.needs:
            request["visit"] = 1
        if Need.WALKER in spec.needs:
            if walker is None:
                continue
            request["walker"] = walker
        pdf = render_report(services, ReportRequest(**request))
        reader = PdfReader(io.BytesIO(pdf))
        out[spec.kind.value] = "\n".join(page.extract_text() or "" for page in reader.pages)
    return out
