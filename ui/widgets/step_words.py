"""A step's words, read-only and foldable: its title, script and prompts in a small strip.

Walker mode shows the visits step's script this way above the note-taker: the walker reads
what the facilitator said about the rooms without the editor losing its room (the body
scrolls inside a few lines' height, and folds away to one line).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.protocol.ratings import scale
from walkapp.protocol.schema import Prompt, PromptKind, Step

# The body's height at most: about five lines of text; more scrolls.
BODY_HEIGHT = 110


def prompt_line(prompt: Prompt) -> str:
    """A prompt as one line of plain text, with the answers it offers."""
    if prompt.kind in (PromptKind.CHOICE, PromptKind.CHECKLIST) and prompt.options:
        return f"{prompt.text} ({' / '.join(prompt.options)})"
    if prompt.kind is PromptKind.RATING:
        points = scale(prompt)
        top = points.stop - 1
        parts = [" … ".join(w for w in (prompt.low_label, prompt.high_label) if w)]
        if prompt.point_labels:
            parts.append(" / ".join(f"{n} {prompt.point_label(n)}" for n in points))
        words = "; ".join(p for p in parts if p)
        na = ", N/A" if prompt.not_applicable else ""
        return f"{prompt.text} (1–{top}{': ' + words if words else ''}{na})"
    return prompt.text


class StepWords(QWidget):
    def __init__(self, step: Step, parent: QWidget | None = None, *,
                 expanded: bool = True, role: tuple[str, str] | None = None) -> None:
        """`role`: (title, script) of what the walker's role does in this step (only
        their role's), shown under the step's script."""
        super().__init__(parent)
        self.setObjectName("stepWords")
        self.step = step
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setText(step.title)
        self.toggle.setAccessibleName(self.tr("Show or hide the script of “{0}”").format(
            step.title))
        self.toggle.toggled.connect(self.set_expanded)

        self.script = QLabel(step.script)
        self.script.setObjectName("script")
        self.script.setWordWrap(True)
        self.script.setTextFormat(Qt.TextFormat.PlainText)
        self.script.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.script.setVisible(bool(step.script))
        self.role_script = QLabel(self.tr("As {0}: {1}").format(*role) if role else "")
        self.role_script.setObjectName("roleScript")
        self.role_script.setWordWrap(True)
        self.role_script.setTextFormat(Qt.TextFormat.PlainText)
        self.role_script.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.role_script.setVisible(role is not None)
        if role is not None:
            bold = self.role_script.font()
            bold.setBold(True)
            self.role_script.setFont(bold)
        self.prompts = [QLabel(f"• {prompt_line(p)}") for p in step.prompts]
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(4, 0, 4, 0)
        content_layout.addWidget(self.script)
        content_layout.addWidget(self.role_script)
        for label in self.prompts:
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            content_layout.addWidget(label)
        content_layout.addStretch(1)
        self.body = QScrollArea()
        self.body.setAccessibleName(self.tr("Script of “{0}”").format(step.title))
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setWidget(content)
        # setWidget() makes the content paint its own background: it reads better on the
        # page's (the tab's) own.
        content.setAutoFillBackground(False)
        self.body.viewport().setAutoFillBackground(False)
        self._content = content
        self.body.setMaximumHeight(BODY_HEIGHT)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        has_words = bool(step.script or step.prompts or role)
        self.toggle.setEnabled(has_words)
        self.set_expanded(expanded and has_words)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as the words need at this width, up to BODY_HEIGHT (then they scroll)."""
        layout = self._content.layout()
        width = max(self.body.viewport().width(), 200)
        wanted = (layout.heightForWidth(width) if layout is not None
                  and layout.hasHeightForWidth() else self._content.sizeHint().height())
        self.body.setFixedHeight(min(max(wanted, 0) + 4, BODY_HEIGHT))

    def is_expanded(self) -> bool:
        return self.body.isVisibleTo(self)

    def set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # comes back here once, with the same value
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded
                                 else Qt.ArrowType.RightArrow)
