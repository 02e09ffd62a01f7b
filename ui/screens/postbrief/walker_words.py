"""A walker's own reflections, shown read-only under their commitment on the commitments
screen: what they wrote about their own practice (on their laptop, or here) is what their
commitment grows from. Their "I will try…" answer is marked: it is offered as their
proposed commitment."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from walkapp.domain import Reflection

# A long reflection is cut here on screen (all of it is in the tooltip and the record).
SHOWN_CHARS = 400


class WalkerWords(QLabel):
    """The reflections of one walker, each prompt in bold and the answer after it."""

    def __init__(self, walker_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkerReflections")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._name = walker_name
        self.shown: tuple[Reflection, ...] = ()
        self.hide()

    def set_reflections(self, reflections: tuple[Reflection, ...],
                        will_try: frozenset[str]) -> None:
        """`will_try`: the ids of the reflections that are "I will try" lines."""
        self.shown = reflections
        if not reflections:
            self.clear()
            self.setAccessibleName("")
            self.setToolTip("")
            self.hide()
            return
        lines = []
        for r in reflections:
            text = r.text.strip()
            cut = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
            mark = (" <i>" + html.escape(self.tr("(offered as the commitment)")) + "</i>"
                    if r.id in will_try else "")
            lines.append("<b>" + html.escape(r.prompt or self.tr("Reflection")) + "</b> "
                         f"{html.escape(cut)}{mark}")
        title = html.escape(self.tr("Their reflections:"))
        self.setText(f"<span style='opacity:0.85'>{title}</span><br>" + "<br>".join(lines))
        self.setToolTip("\n\n".join(f"{r.prompt}\n{r.text.strip()}" for r in reflections))
        self.setAccessibleName(self.tr("Reflections of {0}").format(self._name))
        self.show()
