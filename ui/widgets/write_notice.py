"""The one line under a panel that says how its writes are going.

Empty while all is well. "Waiting for the database…" while one of the panel's writes waits
(another program holds the database); "Not saved: <why>" with a Retry button when one
failed — what was typed stays in its field, so Retry (or the next edit) can save it. The
panel's own validation messages ("Type a name first") use the same line (`setText`).

It watches the window's `Writer` for the writes whose origin is the panel, so a panel
needs no bookkeeping of its own: it passes `origin=self` to `writer.write()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from walkapp.services.commands import Command
from walkapp.ui.writer import Ticket, Writer

__all__ = ["WriteNotice"]


class WriteNotice(QWidget):
    def __init__(self, writer: Writer, origin: object, what: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writeNotice")
        self._writer = writer
        self._origin = origin
        self._failed: dict[str, Ticket] = {}  # by key: a newer write of the same key replaces
        self._waiting = False
        self.label = QLabel("")
        self.label.setObjectName("inlineError")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Save status: {0}").format(what) if what
                                     else self.tr("Save status"))
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setAccessibleName(self.tr("Retry saving"))
        self.retry_button.setToolTip(self.tr("Try the change that was not saved again"))
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        writer.done.connect(self._on_done)
        writer.waiting_changed.connect(self._on_waiting)

    # -- what the panel says itself --------------------------------------------------------
    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # a QLabel's name: the panels call it so
        self.label.setText(text)

    def state(self) -> str:
        """"failed", "waiting" or "" (all saved, or nothing asked)."""
        if self._failed:
            return "failed"
        return "waiting" if self._waiting else ""

    def write(self, command: Command, then: Callable[[Any], None] | None = None,
              failed: Callable[[BaseException], None] | None = None) -> None:
        """Send `command` to the writer for the panel; `then(result)` runs on the GUI
        thread once it is committed (after a Retry too), `failed(error)` if it failed.
        On failure this line says why and offers Retry."""
        self._writer.write(command, origin=self._origin, on_done=then, on_failed=failed)

    def has_failed(self) -> bool:
        return bool(self._failed)

    def retry(self) -> None:
        failed, self._failed = list(self._failed.values()), {}
        self._show()
        for ticket in failed:
            self._writer.retry(ticket)

    # -- the writer's reports --------------------------------------------------------------
    def _mine(self, ticket: object) -> bool:
        return (isinstance(ticket, Ticket) and ticket.origin is self._origin
                and shiboken6.isValid(self))

    def _on_waiting(self, ticket: object, waiting: bool) -> None:
        if self._mine(ticket):
            self._waiting = waiting
            self._show()

    def _on_done(self, ticket: object) -> None:
        if not self._mine(ticket):
            return
        assert isinstance(ticket, Ticket)
        if ticket.error is None:
            self._failed.pop(ticket.key, None)
        else:
            self._failed[ticket.key] = ticket
        self._show()

    def _show(self) -> None:
        if self._failed:
            last = list(self._failed.values())[-1]
            self.label.setText("⚠ " + self.tr("Not saved: {0}").format(last.message()))
        elif self._waiting:
            self.label.setText(self.tr("Waiting for the database…"))
        else:
            self.label.setText("")
        self.retry_button.setVisible(bool(self._failed))
