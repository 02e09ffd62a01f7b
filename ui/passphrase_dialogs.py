"""The passphrase dialogs for walk kits and notes files.

Making a file: `NewPassphraseDialog` asks for the passphrase twice (a typing mistake in a
hidden field would lock the other person out of the file), or once with "Show" ticked,
where the words can be checked by eye. The two must match and be long enough
(walkapp.bundles.crypto.MIN_PASSPHRASE_CHARS); it says so beside the fields, and Save stays
possible only once they do. Both empty: the file is saved without protection, and the
button says so.

Opening a file: `PassphraseDialog` asks once, with "Show"; after a passphrase that did not
open the file it says so and asks again (the caller keeps the file and everything chosen
so far). Cancel stops cleanly.

`PassphraseAsker` is the seam the kit and notes controllers (walkapp.ui.bundles_ui) ask
through; tests replace it with one that answers from a script.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.bundles.crypto import MIN_PASSPHRASE_CHARS
from walkapp.ui.words import Words

Bundles = Words("Bundles")



def _length(text: str) -> int:
    # Counted as the file format counts it (walkapp.bundles.crypto.check_passphrase).
    return len(unicodedata.normalize("NFC", text).strip())


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class NewPassphraseDialog(QDialog):
    """A passphrase for a new file: typed twice, or once with Show; empty for none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Protect the file?"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "Files on USB sticks get lost. To protect this one, choose a passphrase of at "
            "least {0} characters (a few words you can say aloud work well) and tell it to "
            "the other person face to face. Leave both boxes empty to save without "
            "protection.").format(MIN_PASSPHRASE_CHARS))
        intro.setWordWrap(True)
        self.first = _secret_field(self.tr("Passphrase"))
        self.second = _secret_field(self.tr("Passphrase again"))
        self.show_box = QCheckBox(self.tr("Show the passphrase"))
        self.show_box.setAccessibleName(self.tr("Show the passphrase"))
        self.message = QLabel("")
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Passphrase problem"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow(self.tr("Type it again"), self.second)
        self._second_label = form.labelForField(self.second)
        form.addRow("", self.show_box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.first.textChanged.connect(self._check)
        self.second.textChanged.connect(self._check)
        self.show_box.toggled.connect(self._show_toggled)
        self._check()

    def _show_toggled(self, shown: bool) -> None:
        # Shown, the words are checked by eye: no second typing.
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setVisible(not shown)
        if self._second_label is not None:
            self._second_label.setVisible(not shown)
        self._check()

    def problem(self) -> str:
        """Why what is typed cannot be used yet ("" when it can)."""
        first, second = self.first.text(), self.second.text()
        if not first and (not second or self.show_box.isChecked()):
            return ""
        if _length(first) < MIN_PASSPHRASE_CHARS:
            return self.tr("A passphrase needs at least {0} characters.").format(
                MIN_PASSPHRASE_CHARS)
        if not self.show_box.isChecked() and first != second:
            if not second:
                return self.tr("Type the passphrase again below, to be sure of it.")
            return self.tr("The two passphrases are not the same. Type them again, or "
                           "tick Show to see what you typed.")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        self.save_button.setEnabled(not problem)
        none = not self.first.text() and not self.second.text()
        label = self.tr("Save without a passphrase") if none else self.tr("Save protected")
        self.save_button.setText(label)
        self.save_button.setAccessibleName(label)

    def _accept(self) -> None:
        if self.problem():
            return
        self.accept()

    def passphrase(self) -> str:
        """What to protect the file with; "" for no protection."""
        return self.first.text()


class PassphraseDialog(QDialog):
    """The passphrase of a protected file being opened; says so when one did not work."""

    def __init__(self, file_name: str, *, again: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Passphrase"))
        self.setMinimumWidth(480)
        if again:
            text = self.tr("That passphrase does not open “{0}”. Check it with the person "
                           "who made the file (capitals count) and type it again:")
        else:
            text = self.tr("“{0}” is protected with a passphrase. Type it:")
        self.intro = QLabel(text.format(file_name))
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        if again:
            self.intro.setObjectName("inlineError")
        self.field = _secret_field(self.tr("Passphrase"))
        self.show_box = QCheckBox(self.tr("Show the passphrase"))
        self.show_box.setAccessibleName(self.tr("Show the passphrase"))
        self.show_box.toggled.connect(lambda shown: self.field.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.open_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the file"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(
            lambda text: self.open_button.setEnabled(bool(text.strip())))
        self.open_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.field)
        layout.addWidget(self.show_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def passphrase(self) -> str:
        return self.field.text()


class PassphraseAsker:
    """Questions a message box cannot ask: a passphrase, or which walker you are."""

    def new_passphrase(self, parent: QWidget | None) -> str | None:
        """A passphrase to protect a file with (typed twice, or once shown); "" for none;
        None if cancelled."""
        dialog = NewPassphraseDialog(parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.passphrase() if accepted else None

    def passphrase(self, parent: QWidget | None, file_name: str, *,
                   again: bool = False) -> str | None:
        """The passphrase of a protected file; `again`: the last one did not open it.
        None if cancelled."""
        dialog = PassphraseDialog(file_name, again=again, parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.passphrase() if accepted and dialog.passphrase() else None

    def choose_walker(self, parent: QWidget | None, names: Sequence[str]) -> str | None:
        name, ok = QInputDialog.getItem(
            parent, Bundles.tr("Which walker are you?"),
            Bundles.tr("This walk kit is for any walker on the roster. Choose your name:"),
            list(names), 0, False)
        return name if ok else None
