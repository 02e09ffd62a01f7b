"""Translated text outside a QObject's own methods, in a form pyside6-lupdate can read.

lupdate names a `self.tr("…")` call's context after the class it is written in, and an
`X.tr("…")` call's after `X`; a module-level helper (`def tr(text): return
QCoreApplication.translate("Startup", text)`) hides the text from it altogether. So
such text is written `Startup.tr("…")` with `Startup = Words("Startup")`: the variable's
name is the context lupdate records, and the one the catalogue is searched with.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class Words:
    """`tr` in the context `name`; name the variable holding it `name` too."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` of a list or table for the catalogue, under `context` (pyside6-lupdate
    reads the name); where it is shown, `Words(context).tr(text)` translates it. Typed,
    unlike PySide6's own."""
    return text
