"""The seam between screens and modal dialogs.

Screens never call `QMessageBox.exec()` themselves; they call an `Asker`. The app uses the
real dialogs; tests pass an Asker with scripted answers so that no modal dialog blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QDialog, QFileDialog, QMessageBox, QWidget

from walkapp.ui.file_folders import FileKind, FolderMemory, documents_folder
from walkapp.ui.words import Words

Asking = Words("Asking")


class Asker:
    """Ask the user something, or tell them something, with a modal dialog."""

    def confirm(self, parent: QWidget | None, title: str, text: str,
                confirm_label: str = "") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, parent)
        ok = box.addButton(confirm_label or Asking.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def run(self, dialog: QDialog) -> bool:
        """Show a dialog modally; True if the user accepted it."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # Where file dialogs start for each kind of file (the window sets one kept in its
    # settings; an Asker made alone remembers for this run only).
    folders: FolderMemory | None = None

    def folder_memory(self) -> FolderMemory:
        if self.folders is None:
            self.folders = FolderMemory()
        return self.folders

    def open_files(self, parent: QWidget | None, title: str, filters: str, *,
                   kind: FileKind | None = None) -> list[str]:
        """Files to open, the dialog starting where `kind` was used last (else Documents,
        never the working folder)."""
        memory = self.folder_memory()
        start = memory.start(kind) if kind is not None else documents_folder()
        paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start), filters)
        if paths and kind is not None:
            memory.remember(kind, paths[0])
        return list(paths)

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str, *, kind: FileKind | None = None) -> str | None:
        """Where to save; a bare `suggested` name is offered in `kind`'s folder."""
        memory = self.folder_memory()
        offered = memory.suggested(kind, suggested) if kind is not None else \
            str(documents_folder() / suggested) if not Path(suggested).is_absolute() \
            else suggested
        path, _ = QFileDialog.getSaveFileName(parent, title, offered, filters)
        if path and kind is not None:
            memory.remember(kind, path)
        return path or None

    def pick(self, parent: QWidget | None, title: str, text: str,
             options: Sequence[str]) -> str | None:
        """One of `options` from a list, or None if cancelled."""
        from PySide6.QtWidgets import QInputDialog

        chosen, ok = QInputDialog.getItem(parent, title, text, list(options), 0, False)
        return str(chosen) if ok else None

    def choose(self, parent: QWidget | None, title: str, text: str,
               choices: Sequence[tuple[str, str]], default: str | None = None) -> str | None:
        """Offer several ways on (key, button label); the key chosen, or None if closed."""
        box, buttons = choice_box(parent, title, text, choices, default)
        box.exec()
        clicked = box.clickedButton()
        return next((key for key, button in buttons.items() if button is clicked), None)


def choice_box(parent: QWidget | None, title: str, text: str,
               choices: Sequence[tuple[str, str]], default: str | None = None
               ) -> tuple[QMessageBox, dict[str, QAbstractButton]]:
    """The dialog `Asker.choose` shows (separate so that it can be looked at in tests)."""
    # A first paragraph is the headline; the rest goes in the smaller explanatory text.
    headline, _, details = text.partition("\n\n")
    box = QMessageBox(QMessageBox.Icon.Warning, title, headline,
                      QMessageBox.StandardButton.NoButton, parent)
    if details:
        box.setInformativeText(details)
    box.setAccessibleName(title)
    buttons: dict[str, QAbstractButton] = {}
    for key, label in choices:
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        button.setAccessibleName(label)
        buttons[key] = button
        if key == default:
            box.setDefaultButton(button)
    return box, buttons
