"""The main window's menu bar: its actions, and which of them can act now (nothing acts on a
walk while it is being opened; the Go menu lists the open walk's pages; the Edit menu's
Undo and Redo act on the open walk's undo stack, walkapp.ui.undo, and name the edit).
`MenuBar` is a base class of walkapp.ui.main_window.MainWindow: the actions are the
window's attributes (`window.new_action`, …); what they do is the window's.

While a walker's walk is open (`walker_mode`), the menus show only what a walker does
(walkapp.ui.walker_mode's one list): every other action is hidden, which also turns off its
shortcut, and a menu left with nothing to show is hidden too."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from walkapp import formatting as fmt
from walkapp.ui.walker_mode import walker_actions, walker_reports

if TYPE_CHECKING:
    from walkapp.protocol.library import ProtocolLibrary
    from walkapp.ui.dialogs import Asker
    from walkapp.ui.protocols_menu import ProtocolsMenu
    from walkapp.ui.screens.walks_library import WalksLibrary
    from walkapp.ui.screens.workspace import WalkWorkspace
    from walkapp.ui.view_menu import ViewMenu
    from walkapp.ui.walk_files import WalkFiles
    from walkapp.ui.walk_trash import TrashControls
    from walkapp.ui.writer import Writer


class MenuBar(QMainWindow):
    file_menu: QMenu
    edit_menu: QMenu
    export_menu: QMenu
    go_menu: QMenu
    protocols_menu: ProtocolsMenu
    view_menu: ViewMenu
    new_action: QAction
    find_action: QAction
    close_walk_action: QAction
    plan_again_action: QAction
    sample_action: QAction
    quit_action: QAction
    import_action: QAction
    kit_action: QAction
    save_notes_action: QAction
    open_kit_action: QAction
    undo_delete_action: QAction
    preferences_action: QAction
    undo_action: QAction
    redo_action: QAction
    library_action: QAction
    trash_action: QAction
    trends_action: QAction
    coverage_action: QAction
    log_action: QAction
    portfolio_action: QAction
    about_action: QAction
    guide_action: QAction
    shortcuts_action: QAction
    # Each export action, and whether it needs a walk; the Go menu's actions for the pages.
    _export_actions: list[tuple[QAction, bool]]
    _export_kinds: dict[QAction, str]  # ReportKind values
    _page_actions: list[QAction]
    # The open walk is a walker's (walker mode on this laptop): see walkapp.ui.walker_mode.
    walker_mode: bool = False

    if TYPE_CHECKING:
        # What the actions act on and do: the window's (walkapp.ui.main_window).
        files: WalkFiles
        trash: TrashControls
        library: WalksLibrary
        workspace: WalkWorkspace | None
        writer: Writer
        library_of_protocols: ProtocolLibrary
        _asker: Asker
        _settings: QSettings

        new_walk: Callable[..., None]
        plan_again: Callable[..., None]
        find_walk: Callable[..., None]
        show_library: Callable[..., None]
        create_sample_walk: Callable[..., None]
        import_notes: Callable[..., None]
        open_kit: Callable[..., None]
        export_report: Callable[..., None]
        show_trash: Callable[..., None]
        show_trends: Callable[..., None]
        show_coverage: Callable[..., None]
        show_log: Callable[..., None]
        log_showing: Callable[..., bool]
        export_portfolio: Callable[..., None]
        show_about: Callable[..., None]
        show_guide: Callable[..., None]
        show_shortcuts: Callable[..., None]
        opening: Callable[..., str | None]

    def show_preferences(self) -> None:
        """Edit ▸ Preferences… (walkapp.ui.preferences): saved in the window's settings."""
        from walkapp.ui.preferences import PreferencesDialog

        self._asker.run(PreferencesDialog(self._settings, self))

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda *_: slot())
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New walk…"), self.new_walk,
                                       QKeySequence.StandardKey.New)
        self.find_action = self._action(self.tr("&Find walk…"), self.find_walk,
                                        QKeySequence.StandardKey.Find)
        self.close_walk_action = self._action(self.tr("&Close walk"), self.show_library,
                                              QKeySequence.StandardKey.Close)
        self.plan_again_action = self._action(self.tr("&Plan again…"), self.plan_again)
        self.plan_again_action.setStatusTip(self.tr(
            "Plan the next walk of this walk's series (same group, protocol and look-fors)"))
        self.sample_action = self._action(self.tr("Create the &sample walk"),
                                          self.create_sample_walk)
        # The platform's Quit keys, or Ctrl+Q where it has none (offscreen, some desktops).
        self.quit_action = self._action(self.tr("&Quit"), self.close)
        self.quit_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
        for action in (self.new_action, self.plan_again_action, self.find_action,
                       self.close_walk_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.import_action = self._action(self.tr("&Import walkers' notes…"),
                                          self.import_notes, "Ctrl+I")
        self.kit_action = self._action(self.tr("Make a walk &kit…"), self.files.make_kit,
                                       "Ctrl+K")
        self.save_notes_action = self._action(self.tr("Save a &notes file…"),
                                              self.files.save_notes_file, "Ctrl+Shift+S")
        self.open_kit_action = self._action(self.tr("&Open a walk kit…"), self.open_kit,
                                            QKeySequence.StandardKey.Open)
        for action in (self.import_action, self.kit_action, self.save_notes_action,
                       self.open_kit_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        # Open data: the owner's or a shared export (JSON or CSV), and the owner's back in.
        self.export_data_action = self._action(self.tr("Export &data…"),
                                               self.files.export_data)
        self.export_data_action.setStatusTip(self.tr(
            "Save walks as JSON or CSV: everything, for you, or what the debrief shows, "
            "to share"))
        self.import_data_action = self._action(self.tr("Import d&ata…"),
                                               self.files.import_data)
        self.import_data_action.setStatusTip(self.tr(
            "Bring back walks from an owner's export (.json)"))
        self.portfolio_action = self._action(self.tr("Export p&ortfolio…"),
                                             self.export_portfolio)
        self.portfolio_action.setStatusTip(self.tr(
            "A period's agendas, protocols, reflections, feedback and debriefs, and the "
            "log entries you choose: one PDF and a zip"))
        file_menu.addAction(self.export_data_action)
        file_menu.addAction(self.import_data_action)
        file_menu.addAction(self.portfolio_action)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu(self.tr("&Export report"))
        self._build_export_menu()
        file_menu.addSeparator()
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu

        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        # The open walk's edits (a text field keeps its own Ctrl+Z while it has focus).
        self.undo_action = self._action(self.tr("&Undo"), self.undo_edit,
                                        QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self.redo_edit)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.undo_delete_action = self.trash.undo_action
        self.edit_menu.addAction(self.undo_delete_action)
        self.edit_menu.addSeparator()
        self.preferences_action = self._action(self.tr("&Preferences…"), self.show_preferences,
                                               "Ctrl+,")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.edit_menu.addAction(self.preferences_action)
        stacks = self.writer.undo_stacks
        stacks.changed.connect(lambda _walk_id: self._update_undo())
        stacks.did.connect(lambda _walk_id, text: self.statusBar().showMessage(text, 8000))
        stacks.failed.connect(lambda _walk_id, text: self.statusBar().showMessage(text, 15000))

        from walkapp.ui.protocols_menu import ProtocolsMenu

        self.protocols_menu = ProtocolsMenu(self.menuBar().addMenu(self.tr("&Protocols")),
                                            self.library_of_protocols, self._asker, self)
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.library_action = self._action(self.tr("All &walks"), self.show_library,
                                           "Ctrl+Shift+0")
        self.go_menu.addAction(self.library_action)
        self.trash_action = self._action(self.tr("&Trash"), self.show_trash)
        self.go_menu.addAction(self.trash_action)
        self.trends_action = self._action(self.tr("Series t&rends…"), self.show_trends)
        self.trends_action.setStatusTip(self.tr(
            "Look-for evidence, the group's ratings and follow-through across this walk's "
            "series (group figures only)"))
        self.go_menu.addAction(self.trends_action)
        self.coverage_action = self._action(self.tr("&Coverage"), self.show_coverage)
        self.coverage_action.setStatusTip(self.tr(
            "Which rooms, grades and subjects the walks have visited (on screen only)"))
        self.go_menu.addAction(self.coverage_action)
        self.log_action = self._action(self.tr("Communication &log"), self.show_log)
        self.go_menu.addAction(self.log_action)
        self._page_actions = []

        # View: Appearance (System / Light / Dark) and Presentation mode (walkapp.ui.view_menu).
        from walkapp.ui.view_menu import ViewMenu

        self.view_menu = ViewMenu(self.menuBar().addMenu(self.tr("&View")), self._settings,
                                  self, lambda: self.workspace)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = self._action(self.tr("&Guide to learning walks"), self.show_guide)
        # F1, and "?" as in many apps: a text field keeps its "?" (it takes printable keys
        # before any shortcut), so typing a question never opens the sheet.
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"),
                                             self.show_shortcuts)
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("?")])
        self.about_action = self._action(self.tr("&About walkapp"), self.show_about)
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self._update_actions()

    # -- undo --------------------------------------------------------------------------------
    def _undo_walk_id(self) -> str | None:
        if self.workspace is None and self.log_showing():
            from walkapp.services.log_commands import LOG_STACK

            return LOG_STACK  # the log's own edits
        return None if self.workspace is None or self.opening() is not None \
            else self.workspace.walk_id

    def undo_edit(self) -> None:
        self._step_edit(redo=False)

    def redo_edit(self) -> None:
        self._step_edit(redo=True)

    def _step_edit(self, *, redo: bool) -> None:
        walk_id = self._undo_walk_id()
        if walk_id is None:
            return
        # What is typed but not yet handed to the writer goes first: it is the last edit.
        if self.workspace is not None:
            self.workspace.save_pending()
        stacks = self.writer.undo_stacks
        (stacks.redo if redo else stacks.undo)(walk_id, self)

    def _update_undo(self) -> None:
        walk_id = self._undo_walk_id()
        stacks = self.writer.undo_stacks
        self.undo_action.setText(stacks.undo_text(walk_id))
        self.undo_action.setEnabled(stacks.can_undo(walk_id))
        self.redo_action.setText(stacks.redo_text(walk_id))
        self.redo_action.setEnabled(stacks.can_redo(walk_id))

    def _build_export_menu(self) -> None:
        # One action per kind in the report registry, in its order.
        from walkapp.reports import REPORTS

        self._export_actions = []
        self._export_kinds = {}
        for spec in REPORTS:
            action = self._action(fmt.tr(spec.menu_label) + "…",
                                  functools.partial(self.export_report, spec.kind),
                                  spec.shortcut)
            self.export_menu.addAction(action)
            self._export_actions.append((action, spec.kind.needs_walk))
            self._export_kinds[action] = spec.kind.value

    def _update_actions(self) -> None:
        opening = self.opening() is not None
        self.close_walk_action.setEnabled(self.workspace is not None or opening)
        # While a walk is read nothing may act on it (or on the list's selection behind
        # it) until its workspace is there.
        has_walk = not opening and (self.workspace is not None
                                    or self.library.selected_walk_id() is not None)
        for action in (self.kit_action, self.save_notes_action, self.plan_again_action,
                       self.trends_action):
            action.setEnabled(has_walk)
        for action, needs_walk in self._export_actions:
            action.setEnabled(has_walk or not needs_walk)
        self._update_undo()
        for action in self._page_actions:
            self.go_menu.removeAction(action)
            # Deleted, not only removed: its slot holds the closed walk's workspace, and
            # an action kept by the window would keep every page of that walk for ever.
            action.deleteLater()
        self._page_actions = []
        if self.workspace is not None:
            workspace = self.workspace
            for number, (key, label) in enumerate(self._page_labels(), start=1):
                action = self._action(label, functools.partial(workspace.show_page, key),
                                      f"Ctrl+Shift+{number}")
                self.go_menu.addAction(action)
                self._page_actions.append(action)
        self._show_for(walker=self.workspace is not None and self.walker_mode)

    def _show_for(self, *, walker: bool) -> None:
        """Show every action, or (walker mode) only those a walker's list names."""
        allowed = {getattr(self, name) for name in walker_actions() if hasattr(self, name)}
        reports = walker_reports()
        allowed |= {a for a, kind in self._export_kinds.items() if kind in reports}
        allowed |= set(self._page_actions)
        for top in self.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                top.setVisible(self._show_in(menu, allowed, walker=walker))

    def _show_in(self, menu: QMenu, allowed: set[QAction], *, walker: bool) -> bool:
        """Show `menu`'s actions for a walker or for anyone; True if any is shown."""
        shown = False
        for action in menu.actions():
            if action.isSeparator():
                continue  # a menu collapses the separators its hidden actions leave
            sub = action.menu()
            visible = (self._show_in(sub, allowed, walker=walker) if isinstance(sub, QMenu)
                       else not walker or action in allowed)
            action.setVisible(visible)
            shown = shown or visible
        return shown

    def _page_labels(self) -> list[tuple[str, str]]:
        if self.workspace is None:
            return []
        nav = self.workspace.nav
        return [(str(nav.item(i).data(Qt.ItemDataRole.UserRole)),
                 nav.item(i).text().split("  ", 1)[-1]) for i in range(nav.count())]
