"""A note's earlier texts, on request: "Show earlier text…" on a note the facilitator
changed opens this small dialog.

The rule it shows (walkapp.services.history): a facilitator's edit of a walker's note is a
new version by the facilitator, and the walker's text is kept in the note's history. The
dialog lists every text the note has shown, oldest first — who wrote it and when, who
changed it and when, the whole text — with the one shown now marked. The history is read
off the GUI thread (`read_in_background`), like the screens' other reads; until it is in,
the dialog says "Loading…".
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.ui.workers import cancel_owned_by, read_in_background

# What the dialog reads: the note's history (HistoryService.history, bound to one note).
HistoryRead = Callable[[], Sequence[d.HistoryEntry]]


class NoteHistoryDialog(QDialog):
    """Signals nothing; `loaded()` is True once the history is shown (or failed)."""

    def __init__(self, read: HistoryRead, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteHistoryDialog")
        self.setWindowTitle(self.tr("Earlier text of this note"))
        self.resize(520, 420)
        self._loaded = False
        self.entries: list[d.HistoryEntry] = []

        self.intro = QLabel(self.tr(
            "When the facilitator changes a walker's note, the walker's own words are kept "
            "here. Oldest first; the text shown now is last."))
        self.intro.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("noteHistory")
        self.view.setAccessibleName(self.tr("The texts this note has shown, oldest first"))
        self.view.setOpenLinks(False)
        self.view.setPlainText(self.tr("Loading the note's history…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.setFocus()
        read_in_background(lambda: list(read()), self._show, owner=self,
                           on_error=self._failed)

    def loaded(self) -> bool:
        return self._loaded

    def text(self) -> str:
        """What the dialog shows, as plain text (for tests and copying)."""
        return self.view.toPlainText()

    def _who(self, name: str | None, person_id: str | None) -> str:
        if name:
            return name
        return self.tr("the facilitator") if person_id is None else self.tr("someone")

    def _show(self, entries: list[d.HistoryEntry]) -> None:
        self._loaded = True
        self.entries = entries
        parts: list[str] = []
        for entry in entries:
            written = self.tr("Written by {0} on {1}").format(
                self._who(entry.author_name, entry.author_id), fmt.moment(entry.written_at))
            if entry.current:
                head = "<b>" + html.escape(self.tr("Shown now")) + f"</b> — {html.escape(written)}"
            else:
                changed = self.tr("changed by {0} on {1}").format(
                    self._who(entry.changed_by_name, entry.changed_by_id),
                    fmt.moment(entry.changed_at) if entry.changed_at else "—")
                head = html.escape(f"{written}; {changed}")
            body = html.escape(entry.text).replace("\n", "<br>")
            parts.append(f"<p>{head}</p><blockquote>{body}</blockquote>")
        self.view.setHtml("".join(parts))

    def _failed(self, error: BaseException, _details: str) -> None:
        self._loaded = True
        if not isinstance(error, WalkappError):
            raise error  # a bug: the crash handler shows it
        # The note was deleted meanwhile (its history went with it), or the walk closed.
        self.view.setPlainText(self.tr("The note's history could not be read: {0}")
                               .format(error.message))

    def done(self, result: int) -> None:
        cancel_owned_by(self)  # a read still out must not come back to a closed dialog
        super().done(result)
