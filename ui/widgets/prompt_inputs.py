"""An input widget for each kind of protocol prompt: free text, a list of lines, one choice,
a rating on the prompt's own scale (walkapp.ui.widgets.rating_scale), or a checklist. Each
holds a JSON-ready value and says when it changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.ui.widgets.nudge_field import NudgeField, NudgeSetup, hint_under
from walkapp.ui.widgets.prompt_like import PromptLike
from walkapp.ui.widgets.rating_scale import RatingScale


class PromptInput(QWidget):
    changed = Signal(object)  # the new value

    def __init__(self, prompt: PromptLike, parent: QWidget | None = None, *,
                 nudge: NudgeSetup | None = None) -> None:
        """`nudge`: the language nudge on a text or list answer (a step's prompts are
        written about the walk; session feedback, which asks for opinions, has none)."""
        super().__init__(parent)
        self.prompt = prompt
        self.kind = str(getattr(prompt.kind, "value", prompt.kind))
        self._loading = False
        self.label = QLabel(prompt.text)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label)
        self.editor: QPlainTextEdit | None = None
        self.nudge: NudgeField | None = None
        self.buttons: list[QCheckBox | QRadioButton] = []
        self._group: QButtonGroup | None = None
        self.scale: RatingScale | None = None
        if self.kind in ("text", "list"):
            self.editor = QPlainTextEdit()
            self.editor.setTabChangesFocus(True)
            self.editor.setAccessibleName(prompt.text)
            self.editor.setPlaceholderText(self.tr("One item per line") if self.kind == "list"
                                           else self.tr("Type here"))
            self.editor.setFixedHeight(70 if self.kind == "text" else 90)
            self.editor.textChanged.connect(self._emit)
            layout.addWidget(self.editor)
            if nudge is not None:
                self.nudge = NudgeField(self.editor, nudge, "prompt_answer")
                layout.addWidget(hint_under(self.editor, self.nudge))
        elif self.kind == "rating":
            self.scale = RatingScale(prompt)
            self._group = self.scale.group
            self.buttons = list(self.scale.all_buttons())
            self.scale.changed.connect(self._emit)
            layout.addWidget(self.scale)
        elif self.kind == "choice":
            options = list(prompt.options)
            # Long or many options go one under another, so none is cut off.
            across = len(options) <= 4 and sum(map(len, options)) <= 60
            row: QHBoxLayout | QVBoxLayout = QHBoxLayout() if across else QVBoxLayout()
            self._group = QButtonGroup(self)
            for button_id, option in enumerate(options):
                button = QRadioButton(option)
                button.setAccessibleName(f"{prompt.text}: {option}")
                self._group.addButton(button, button_id)
                self.buttons.append(button)
                row.addWidget(button)
            if across:
                row.addStretch(1)
            self._group.idToggled.connect(self._on_id_toggled)
            layout.addLayout(row)
        else:  # checklist
            for option in prompt.options:
                box = QCheckBox(option)
                box.setAccessibleName(f"{prompt.text}: {option}")
                box.toggled.connect(self._emit)
                self.buttons.append(box)
                layout.addWidget(box)

    @property
    def group(self) -> QButtonGroup | None:
        """The radio buttons of a choice or rating (a rating's ids are its points, and 0 its
        "not applicable")."""
        return self._group

    def focus_widgets(self) -> list[QWidget]:
        """Its controls in Tab order."""
        return [self.editor] if self.editor is not None else list(self.buttons)

    def clear(self) -> None:
        """Empty it (nothing chosen, nothing typed), e.g. for the next person."""
        self.set_value(None)

    def value(self) -> Any:
        if self.editor is not None:
            text = self.editor.toPlainText()
            if self.kind == "list":
                return [line.strip() for line in text.splitlines() if line.strip()]
            return text
        if self.kind == "choice":
            checked = [b.text() for b in self.buttons if b.isChecked()]
            return checked[0] if checked else None
        if self.scale is not None:
            return self.scale.value()
        return [b.text() for b in self.buttons if b.isChecked()]

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            if self.editor is not None:
                text = "\n".join(value) if isinstance(value, list) else str(value or "")
                if self.editor.toPlainText() != text:
                    self.editor.setPlainText(text)
            elif self.scale is not None:
                self.scale.set_value(value)
            elif self.kind == "choice":
                if self._group is not None:
                    self._group.setExclusive(False)
                for button in self.buttons:
                    button.setChecked(value is not None and button.text() == str(value))
                if self._group is not None:
                    self._group.setExclusive(True)
            else:
                chosen = set(value or [])
                for button in self.buttons:
                    button.setChecked(button.text() in chosen)
        finally:
            self._loading = False

    def _emit(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit(self.value())

    def _on_id_toggled(self, _id: int, on: bool) -> None:
        # A radio group toggles twice per click (one off, one on): say so once.
        if on:
            self._emit()
