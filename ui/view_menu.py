"""The View menu: Appearance (System / Light / Dark, kept in the window's QSettings) and
Presentation mode, which draws the pre-brief's and post-brief's guide (step text, timers,
prompts) large enough to read off a projector at the front of a room.

Presentation mode puts a small stylesheet on those two pages (`presentation_qss()`, from
walkapp.ui.theme's type scale): it reaches every widget on them, those built later
(the next step's body) too, and keeps the titles and timers larger than the text. The
same action (Ctrl+Shift+P) or Esc turns it off again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from walkapp.ui import theme

if TYPE_CHECKING:
    from walkapp.ui.screens.workspace import WalkWorkspace

# The pages presentation mode draws large (walkapp.ui.composition's page keys).
PRESENTED_PAGES = ("pre_brief", "post_brief")
PRESENTATION_SHORTCUT = "Ctrl+Shift+P"


def presentation_qss(scale: float = theme.PRESENTATION_SCALE) -> str:
    body = theme.TYPE["body"] * scale
    return (f"QWidget {{ font-size: {body:.1f}pt; }}\n"
            f"QLabel#stepTitle, QLabel#screenTitle {{ font-size: {body * 1.35:.1f}pt; "
            "font-weight: bold; }\n"
            f"QLabel#countdownTime {{ font-size: {body * 1.8:.1f}pt; font-weight: bold; }}\n"
            f"QLabel#subtitle, QLabel#hint, QLabel#countdownDetail {{ "
            f"font-size: {theme.TYPE['heading'] * scale * 0.85:.1f}pt; }}\n")


class ViewMenu(QObject):
    """The View menu's actions and what they act on (the window's open walk)."""

    def __init__(self, menu: QMenu, settings: QSettings, window: QMainWindow,
                 workspace: Callable[[], WalkWorkspace | None]) -> None:
        super().__init__(window)
        self.menu = menu
        self._settings = settings
        self._workspace = workspace
        self._connected: set[int] = set()  # workspaces whose page changes are followed

        # The actions' icons, set when the menu first opens (not while the window starts).
        self._icons: list[tuple[QAction, str]] = []
        menu.aboutToShow.connect(self._show_icons)
        appearance = menu.addMenu(self.tr("&Appearance"))
        self.scheme_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        chosen = theme.saved_choice(settings)
        for key, label, icon_name in (("system", self.tr("&System"), "monitor"),
                                      ("light", self.tr("&Light"), "sun"),
                                      ("dark", self.tr("&Dark"), "moon")):
            action = QAction(label, self, checkable=True)
            action.setData(key)
            action.setChecked(key == chosen)
            action.triggered.connect(lambda _=False, k=key: self.choose_scheme(k))
            group.addAction(action)
            appearance.addAction(action)
            self.scheme_actions[key] = action
            self._icons.append((action, icon_name))
        if theme.forced_scheme() is not None:
            # WALKAPP_COLOR_SCHEME decides for this run: a choice here would do nothing.
            appearance.setTitle(self.tr("&Appearance (set by WALKAPP_COLOR_SCHEME)"))
            appearance.setEnabled(False)

        self.presentation_action = QAction(self.tr("&Presentation mode"), self,
                                           checkable=True)
        self.presentation_action.setShortcut(QKeySequence(PRESENTATION_SHORTCUT))
        self._icons.append((self.presentation_action, "presentation"))
        self.presentation_action.setStatusTip(self.tr(
            "Larger text on the pre-brief and post-brief, to read on a projector "
            "(Esc to leave)"))
        self.presentation_action.toggled.connect(self._presentation_toggled)
        menu.addSeparator()
        menu.addAction(self.presentation_action)
        self._window = window
        self._escape: QShortcut | None = None  # Esc leaves the mode: made when it is on

    def _show_icons(self) -> None:
        from walkapp.ui.icons import icon

        for action, name in self._icons:
            action.setIcon(icon(name))
        self._icons = []

    # -- appearance --------------------------------------------------------------------------
    def choose_scheme(self, choice: str) -> None:
        self._settings.setValue(theme.SETTINGS_KEY, choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.set_choice(app, choice)

    # -- presentation mode -------------------------------------------------------------------
    def presenting(self) -> bool:
        return self.presentation_action.isChecked()

    def _presentation_toggled(self, on: bool) -> None:
        if self._escape is None and on:
            self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self._window)
            self._escape.setContext(Qt.ShortcutContext.WindowShortcut)
            self._escape.activated.connect(lambda: self.presentation_action.setChecked(False))
        if self._escape is not None:
            self._escape.setEnabled(on)
        self.refresh()

    def refresh(self) -> None:
        """Draw the open walk's guide pages as the mode says (call when a walk or one of
        its pages is shown: a page is built when first shown)."""
        workspace = self._workspace()
        if workspace is None:
            return
        if id(workspace) not in self._connected:
            self._connected.add(id(workspace))
            workspace.page_changed.connect(lambda _key: self.refresh())
            workspace.destroyed.connect(lambda *_: self._connected.discard(id(workspace)))
        sheet = presentation_qss() if self.presenting() else ""
        built = workspace.built_pages()
        for key in PRESENTED_PAGES:
            page = built.get(key)
            if isinstance(page, QWidget) and page.styleSheet() != sheet:
                page.setStyleSheet(sheet)
