"""The screens in the user's language: walkapp's own catalogue and Qt's, loaded at start.

The language is walkapp.language's choice (`--lang` > Preferences > the system's). In
Spanish two translators are installed: walkapp_es.qm (built from
resources/translations/walkapp_es.ts by walkapp.i18n_build) and Qt's own qtbase_es.qm, so
file dialogs and standard buttons speak Spanish too; QLocale's default and
walkapp.formatting follow. A missing catalogue leaves the screens in English (logged),
never stops the start. In English nothing is loaded at all (the sources are English).

WALKAPP_TRANSLATIONS_DIR points at other catalogues (the pseudo-locale's, in tests).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from walkapp import language as lang

log = logging.getLogger(__name__)

# Where Preferences keeps the choice (walkapp.ui.preferences): "system", "en" or "es".
LANGUAGE_KEY = "preferences/language"


def catalogue_folder() -> Path:
    override = os.environ.get(lang.TRANSLATIONS_DIR_ENV)
    if override:
        return Path(override)
    from walkapp.paths import resource_path

    return resource_path("translations")


def saved_preference(settings: QSettings | None) -> str:
    value = settings.value(LANGUAGE_KEY, lang.SYSTEM) if settings is not None else None
    return value if isinstance(value, str) and value in lang.CHOICES else lang.SYSTEM


def preference_in(state_file: Path) -> str:
    """The Preferences choice saved in the window-state file, read without creating it
    (start-up reads it before the data folder is checked)."""
    if not state_file.is_file():
        return lang.SYSTEM
    return saved_preference(QSettings(str(state_file), QSettings.Format.IniFormat))


_installed: Installed | None = None


@dataclass
class Installed:
    """What `install` put in place (kept referenced: a QTranslator deleted is gone)."""

    language: str
    translators: list[QTranslator] = field(default_factory=list)

    def remove(self) -> None:
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()


def speaking() -> str:
    """The language on screen: the last one installed ("en" before any)."""
    return _installed.language if _installed is not None else lang.ENGLISH


def install(language: str, folder: Path | None = None) -> Installed:
    """Speak `language` ("en", "es" or the pseudo-locale "qps") from now on, instead of
    the one installed before: the core's formatting and text, QLocale's default, and the
    translators of walkapp and Qt (kept here while they are in use)."""
    global _installed
    if _installed is not None:
        _installed.remove()
    lang.apply(language)
    QLocale.setDefault(QLocale(lang.locale_for(language) if language != lang.PSEUDO
                               else lang.ENGLISH))
    installed = Installed(language)
    _installed = installed
    if language == lang.ENGLISH:
        return installed  # the sources are English: nothing to load
    folder = folder or catalogue_folder()
    _load(installed, folder / f"walkapp_{language}.qm")
    if language != lang.PSEUDO:
        qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        _load(installed, qt_folder / f"qtbase_{language}.qm")
    _installed = installed
    return installed


def _load(installed: Installed, path: Path) -> None:
    translator = QTranslator()
    if not path.is_file() or not translator.load(str(path)):
        log.warning("no catalogue %s: those screens stay in English", path)
        return
    QCoreApplication.installTranslator(translator)
    installed.translators.append(translator)
