"""Every text on screen during a whole walk, in one language: for the catalogue tests.

    python -m tests.ui.i18n.walk_texts --lang qps OUT.json

Runs in a process of its own (the translators, QLocale's default and the core's locale are
process-wide): installs the language (walkapp.ui.translations; WALKAPP_TRANSLATIONS_DIR
points at the pseudo-locale's catalogues), then goes through the screens the way
`make screenshots` does (walkapp.ui.screenshots: the library empty and with the sample walk,
the guide and the shortcuts sheet, every page of the walk and its tabs, the pre-brief and
post-brief mid-run, the observation screen, walker mode, every post-brief panel) plus the
New walk, Preferences and About dialogs; wherever a picture would be taken, the texts of
the visible widgets are read instead: labels, buttons, check boxes, group boxes, tabs,
menus and their actions, window titles, tooltips, placeholders, table headings, combo
boxes and read-only documents.

The output is a JSON object: "texts", a list of [widget path, text], and "user_data", every
string the run's database and the built-in protocols hold (titles, names, notes, steps:
not the catalogues' to translate).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
import tomllib
from pathlib import Path
from typing import Any

from tests.helpers.pseudo_text import SAME_EVERYWHERE, english_calendar_words, residue, user_pattern


def _strip_markup(text: str) -> str:
    if "<" in text and ">" in text:
        from PySide6.QtGui import QTextDocumentFragment

        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _path(widget: Any) -> str:
    parts = []
    while widget is not None:
        name = widget.objectName()
        parts.append(type(widget).__name__ + (f"#{name}" if name else ""))
        widget = widget.parentWidget() if hasattr(widget, "parentWidget") else None
    return "/".join(reversed(parts))


def texts_of(root: Any) -> list[tuple[str, str]]:
    """[widget path, text] of every visible text in `root`'s window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QMenuBar,
        QPlainTextEdit,
        QTabBar,
        QTableView,
        QTextEdit,
        QTreeView,
        QWidget,
    )

    found: list[tuple[str, str]] = []

    def add(widget: Any, text: str | None, what: str = "") -> None:
        if text:
            found.append((_path(widget) + (f"[{what}]" if what else ""), _strip_markup(text)))

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() and not isinstance(widget, QMenu):
            continue
        if widget.isWindow():
            add(widget, widget.windowTitle(), "title")
        add(widget, widget.toolTip(), "tooltip")
        add(widget, widget.accessibleName(), "accessible name")
        if hasattr(widget, "full_text"):  # an eliding label: the whole text, not its "…"
            add(widget, widget.full_text())
        elif isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, widget.tabText(index), f"tab {index}")
                add(widget, widget.tabToolTip(index), f"tab {index} tooltip")
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText(), "placeholder")
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            add(widget, widget.placeholderText(), "placeholder")
            if widget.isReadOnly():
                add(widget, widget.toPlainText(), "document")
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, widget.itemText(index), f"item {index}")
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            header = widget.horizontalHeader() if isinstance(widget, QTableView) \
                else widget.header()
            for section in range(header.count()):
                if header.isHidden() or header.isSectionHidden(section):
                    continue
                value = model.headerData(section, Qt.Orientation.Horizontal)
                add(widget, value if isinstance(value, str) else None, "heading")
        if isinstance(widget, QMenuBar | QMenu):
            for action in widget.actions():
                add(widget, action.text(), "action")
                add(widget, action.statusTip(), "action status tip")
                menu = action.menu()
                if menu is not None:
                    for sub in menu.actions():
                        add(menu, sub.text(), "action")
    return found


def user_data(database: Path, protocols: Path) -> list[str]:
    """Every string stored in `database` (JSON inside it too) and in the protocol files."""
    strings: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            strings.add(value)
            if value[:1] in "[{":
                with contextlib.suppress(ValueError):
                    walk(json.loads(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    walk(value)
    finally:
        connection.close()
    for path in sorted(protocols.rglob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return sorted(s for s in strings if s.strip())


class _Collector:
    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    def shot(self, widget: Any, path: Path) -> Path:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        self.texts.extend(texts_of(widget.window()))
        return Path(path)


def run(language: str, out_dir: Path) -> dict[str, Any]:
    from walkapp.ui import (
        dialogs,
        screenshot_files,
        screenshots_observe,
        screenshots_postbrief,
        translations,
    )
    from walkapp.ui.app import make_application

    make_application()
    translations.install(language)
    collector = _Collector()
    # Wherever `make screenshots` saves a picture, the texts are read instead.
    screenshot_files.save_shot = collector.shot  # type: ignore[assignment]
    screenshots_observe.save_shot = collector.shot  # type: ignore[assignment]
    screenshots_postbrief.save_shot = collector.shot  # type: ignore[assignment]

    def run_dialog(self: Any, dialog: Any) -> bool:
        dialog.show()
        collector.shot(dialog, out_dir)
        dialog.close()
        return False

    def message(self: Any, parent: Any, title: str, text: str, *_: Any) -> None:
        collector.texts.append(("QMessageBox[title]", title))
        collector.texts.append(("QMessageBox", text))

    def confirm(self: Any, parent: Any, title: str, text: str, label: str = "") -> bool:
        message(self, parent, title, text)
        return False

    dialogs.Asker.run = run_dialog  # type: ignore[method-assign]
    dialogs.Asker.inform = message  # type: ignore[method-assign]
    dialogs.Asker.confirm = confirm  # type: ignore[method-assign]

    from walkapp.config import resolve_settings
    from walkapp.paths import data_dir
    from walkapp.services import open_services
    from walkapp.ui.app import ui_settings
    from walkapp.ui.main_window import MainWindow
    from walkapp.ui.screenshots import render_all

    render_all(out_dir / "shots", (1366, 768))
    # The dialogs of the walk's start, and Preferences and About.
    data = out_dir / "data"
    settings = resolve_settings(data)
    services = open_services(settings)
    try:
        from walkapp.demo import create_demo_walk

        walk = create_demo_walk(services)
        window = MainWindow(services, ui_settings(settings), dialogs.Asker())
        window.show()
        window.new_walk()
        window.show_preferences()
        window.show_about()
        window.plan_again(walk.id)
        from walkapp.reports import ReportKind

        window.library.select_walk(walk.id)
        window.export_report(ReportKind.DEBRIEF)
        export = getattr(window, "export_dialog", None)
        if export is not None:
            collector.shot(export, out_dir)
            export.shutdown()
            export.close()
        window.show_trash()
        collector.shot(window, out_dir)
        window.close()
        window.shutdown_background_work()
    finally:
        services.close()
    assert settings.sqlite_path is not None
    return {"texts": collector.texts,
            "user_data": user_data(settings.sqlite_path, data_dir("protocols"))}


# What Qt itself writes and walkapp's catalogue does not hold (Qt's own catalogue
# translates it, the pseudo-locale does not), and what is the same in every language.
QT_OWN = frozenset({"OK", "&OK", "Cancel", "&Cancel", "Close", "&Close", "Yes", "&Yes", "No",
                    "&No", "Apply", "&Apply", "Save", "&Save", "Discard", "Help", "&Help",
                    "Reset", "Restore Defaults", "Open", "&Open", "Abort", "Retry", "Ignore",
                    "Show Details...", "Hide Details..."})


def offenders(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(widget path, text, what is not transformed) of every text on screen with words
    that came from no catalogue and are no user data."""
    user = user_pattern(result["user_data"])
    calendar = english_calendar_words()
    found = []
    seen = set()
    for where, text in result["texts"]:
        if (where, text) in seen:
            continue
        seen.add((where, text))
        if text.strip() in QT_OWN or text.strip() in SAME_EVERYWHERE:
            continue
        left = residue(text, user, calendar)
        if left:
            found.append((where, text, left))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.ui.i18n.walk_texts")
    parser.add_argument("--lang", required=True)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.lang, Path(tmp))
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
