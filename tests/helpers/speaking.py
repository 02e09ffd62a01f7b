"""The app speaking another language for one test, and English again after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def app_speaking(language: str) -> Iterator[None]:
    """Inside, the app's catalogues, QLocale's default and the core's locale are
    `language`'s (walkapp.ui.translations.install); afterwards English, as the suite runs."""
    from PySide6.QtCore import QLocale

    from walkapp.ui import translations

    installed = translations.install(language)
    try:
        yield
    finally:
        installed.remove()
        translations.install("en")
        QLocale.setDefault(QLocale("en_US"))
