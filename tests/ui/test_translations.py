"""The screens' language: walkapp's and Qt's catalogues installed for Spanish, nothing for
English, English (no crash) when a catalogue is missing; Edit ▸ Preferences… saves the
choice that the next start reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox

from walkapp import formatting as fmt
from walkapp.ui import translations
from walkapp.ui.preferences import PreferencesDialog


@pytest.fixture
def restore_english() -> Iterator[None]:
    yield
    translations.install("en")
    QLocale.setDefault(QLocale("en_US"))


def test_spanish_installs_walkapp_and_qt(qapp: object, restore_english: None) -> None:
    installed = translations.install("es")
    assert len(installed.translators) == 2
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    assert QLocale().language() == QLocale.Language.Spanish
    assert fmt.locale_name() == "es"
    assert translations.speaking() == "es"


def test_english_loads_nothing(qapp: object, restore_english: None) -> None:
    assert translations.install("en").translators == []
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_missing_catalogue_leaves_english(qapp: object, tmp_path: Path,
                                            restore_english: None,
                                            caplog: pytest.LogCaptureFixture) -> None:
    installed = translations.install("es", folder=tmp_path)  # no walkapp_es.qm there
    assert len(installed.translators) == 1  # Qt's own only
    assert "walkapp_es.qm" in caplog.text


def test_preference_is_read_without_creating_the_file(tmp_path: Path) -> None:
    state = tmp_path / "ui-state.ini"
    assert translations.preference_in(state) == "system"
    assert not state.exists()
    QSettings(str(state), QSettings.Format.IniFormat).setValue(translations.LANGUAGE_KEY, "es")
    assert translations.preference_in(state) == "es"


def test_preferences_saves_the_language(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "system"
    assert dialog.language.accessibleName() == "Language"
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert "next time" in dialog.note.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert settings.value(translations.LANGUAGE_KEY) == "es"
    assert translations.preference_in(tmp_path / "ui-state.ini") == "es"


def test_preferences_in_the_edit_menu(qtbot, services, qsettings, asker) -> None:  # type: ignore[no-untyped-def]
    from walkapp.ui.main_window import MainWindow

    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    action = window.preferences_action
    assert action in window.edit_menu.actions()
    assert action.shortcut().toString() == "Ctrl+,"

    def choose_spanish(dialog: PreferencesDialog) -> bool:
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        dialog.accept()
        return True

    asker.dialog_actions.append(choose_spanish)
    action.trigger()
    assert asker.shown == [("dialog", "Preferences", "")]
    assert qsettings.value(translations.LANGUAGE_KEY) == "es"


def test_preferences_is_named_reachable_and_fits(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.a11y import unnamed_controls
    from tests.helpers.keyboard_reach import keyboard_problems

    settings = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed_controls(dialog) == []
    assert keyboard_problems(dialog) == []
    hint = dialog.sizeHint()
    assert hint.width() <= 1024 and hint.height() <= 640
