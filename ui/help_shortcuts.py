"""The keyboard-shortcuts sheet (Help ▸ Keyboard shortcuts, F1 or ?), made from the real keys.

Nothing here is typed twice: the menus' shortcuts are read off the window's menu bar as it
is now (the Go menu's pages of the open walk included; actions hidden for a walker are left
out, as their keys do nothing), and the pages' keys come from walkapp.ui.shortcut_keys, the
list the pages bind. Non-modal, one per main window (walkapp.ui.help_windows), read again
each time it is shown; imported when first opened, not at start.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar, QTextBrowser, QVBoxLayout, QWidget

from walkapp.ui.shortcut_keys import PAGE_KEYS, WALKER_PLACES
from walkapp.ui.window_fit import fit_secondary
from walkapp.ui.words import Words

Keys = Words("Keys")  # walkapp.ui.shortcut_keys's words

Shortcuts = Words("Shortcuts")



@dataclass(frozen=True)
class SheetRow:
    where: str               # the sheet's heading: "File", "Taking notes (…)"
    what: str
    keys: tuple[str, ...]    # as shown on this computer ("Ctrl+N")


def shown_keys(sequences: list[QKeySequence]) -> tuple[str, ...]:
    return tuple(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences
                 if not s.isEmpty())


def _plain(text: str) -> str:
    """A menu item's words without its mnemonic's "&" (a "&&" is a real "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def menu_rows(menu_bar: QMenuBar) -> list[SheetRow]:
    """Every visible menu action with a shortcut, under its menu's name ("File ▸ Export
    report" for a submenu's)."""
    rows: list[SheetRow] = []

    def walk(menu: QMenu, where: str) -> None:
        # A menu's own actions first, then its submenus' (each under its own heading): a
        # submenu in the middle of File must not split File's rows in two.
        subs: list[tuple[QMenu, str]] = []
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            sub = action.menu()
            if isinstance(sub, QMenu):
                subs.append((sub, f"{where} ▸ {_plain(action.text())}"))
                continue
            keys = shown_keys(action.shortcuts())
            if keys:
                rows.append(SheetRow(where, _plain(action.text()), keys))
        for sub, sub_where in subs:
            walk(sub, sub_where)

    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and top.isVisible():
            walk(menu, _plain(top.text()))
    return rows


def page_rows(*, walker: bool = False) -> list[SheetRow]:
    """The pages' keys (walkapp.ui.shortcut_keys), a run of keys as one ("Ctrl+1 … 9");
    for a walker (walker mode), only the pages a walker has."""
    rows = []
    for spec in PAGE_KEYS:
        if walker and spec.where not in WALKER_PLACES:
            continue
        keys = shown_keys([QKeySequence(k) for k in spec.keys])
        if spec.run and len(keys) > 1:
            keys = (f"{keys[0]} … {keys[-1]}",)
        rows.append(SheetRow(Keys.tr(spec.where), Keys.tr(spec.what), keys))
    return rows


def sheet_rows(menu_bar: QMenuBar, *, walker: bool = False) -> list[SheetRow]:
    return menu_rows(menu_bar) + page_rows(walker=walker)


def sheet_html(rows: list[SheetRow]) -> str:
    """The rows as escaped HTML: a table per heading, in the order they come."""
    e = html.escape
    # No keys of its own: a protocol's tallies, each on the letter or digit its button
    # shows (the protocol's choice).
    no_keys = "<i>" + e(Shortcuts.tr("a letter or digit")) + "</i>"
    parts: list[str] = []
    where = None
    for row in rows:
        if row.where != where:
            if where is not None:
                parts.append("</table>")
            where = row.where
            parts.append(f"<h3>{e(where)}</h3><table cellspacing='0' cellpadding='3'>")
        keys = Shortcuts.tr(" or ").join(f"<b>{e(k)}</b>" for k in row.keys) if row.keys \
            else no_keys
        parts.append(f"<tr><td width='220'>{keys}</td><td>{e(row.what)}</td></tr>")
    if where is not None:
        parts.append("</table>")
    return "\n".join(parts)


class ShortcutSheet(QWidget):
    """The sheet of `menu_bar`'s shortcuts and the pages' keys (`refresh` reads them)."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None, *,
                 walker: Callable[[], bool] = lambda: False) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._walker = walker  # is a walker's walk open (walker mode)?
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self._menu_bar = menu_bar
        self.rows: list[SheetRow] = []
        intro = QLabel(self.tr("The menus' shortcuts work anywhere in the window; the "
                               "pages' keys work on their page. Open this sheet with F1 "
                               "or ? (not while typing)."))
        intro.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setObjectName("shortcutText")
        self.text.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.text.setOpenLinks(False)
        close = QAction(self.tr("Close"), self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.triggered.connect(self.close)
        self.addAction(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        fit_secondary(self, QSize(640, 620))  # within the screen, centred
        self.refresh()

    def refresh(self) -> None:
        """Read the keys as they are now (a walk opened or closed changes the menus)."""
        self.rows = sheet_rows(self._menu_bar, walker=self._walker())
        self.text.setHtml(sheet_html(self.rows))

    def plain_text(self) -> str:
        return self.text.toPlainText()
