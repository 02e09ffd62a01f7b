"""Edit ▸ Preferences…: the choices that belong to this computer rather than to a walk.

For now one: the language of the screens (System / English / Español), saved in the
window-state file under walkapp.ui.translations.LANGUAGE_KEY and used from the next start
(walkapp.ui.app reads it before any window is built; `--lang` still wins). Texts are
built once, so a live switch would leave half the window in the old language: the
dialog says when the change takes effect instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from walkapp import language as lang
from walkapp.ui.translations import LANGUAGE_KEY, saved_preference, speaking

# Each language by its own name, as a language menu shows it (not translated).
LANGUAGE_NAMES = {lang.ENGLISH: "English", lang.SPANISH: "Español"}


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._saved = saved_preference(settings)
        self._speaking = speaking()
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))

        self.language = QComboBox()
        system = LANGUAGE_NAMES[lang.choose(None, lang.SYSTEM)]
        self.language.addItem(self.tr("Same as the system ({0})").format(system), lang.SYSTEM)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._saved)))
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr(
            "The language of walkapp's screens."))
        self.language.currentIndexChanged.connect(self._update_note)

        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language)
        form = QFormLayout()
        form.addRow(label, self.language)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._update_note()
        self.setMinimumWidth(420)
        self.language.setFocus()

    def chosen(self) -> str:
        value = self.language.currentData()
        return value if isinstance(value, str) else lang.SYSTEM

    def _update_note(self) -> None:
        if self.chosen() == self._saved or lang.choose(None, self.chosen()) == self._speaking:
            # The option with non-breaking hyphens: a wrapped line never splits "--lang".
            self.note.setText(self.tr("walkapp starts in this language. A language given "
                                      "with {0} on the command line comes first.")
                              .format("\u2011\u2011lang"))
        else:
            self.note.setText(self.tr("The new language is used from the next time walkapp "
                                      "starts. Everything you typed stays as you wrote it."))

    def accept(self) -> None:
        self._settings.setValue(LANGUAGE_KEY, self.chosen())
        self._settings.sync()
        super().accept()
