"""The guide to learning walks: a help window with the sections on the side.

Its text is data, resources/help/guide.md (guide.es.md in Spanish…): Markdown, one
"## Title {#anchor}" line per section (`read_guide` splits it). The window shows one section
at a time, rendered with QTextBrowser.setMarkdown; the list on the side is the contents, and
a link to "#anchor" in the text opens that section. Non-modal and one of it per main window
(walkapp.ui.help_windows); imported when first opened, not at start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from walkapp.paths import resource_path
from walkapp.ui.widgets.screen_title import screen_title
from walkapp.ui.window_fit import fit_secondary

_HEADING = re.compile(r"^## (?P<title>.+?)\s*\{#(?P<anchor>[a-z0-9-]+)\}\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A key in the guide's text, written as a portable key sequence ({key Ctrl+Return}): shown
# as the app's screens name it, in the app's language ("Control+Retorno" in Spanish), so
# the guide and the shortcuts sheet never disagree.
_KEY = re.compile(r"\{key ([^{}]+)\}")


def key_names(text: str) -> str:
    """`text` with each {key …} written as the screens show that key."""
    from PySide6.QtGui import QKeySequence

    def name(match: re.Match[str]) -> str:
        shown = QKeySequence(match[1].strip()).toString(
            QKeySequence.SequenceFormat.NativeText)
        return shown or match[1]

    return _KEY.sub(name, text)


@dataclass(frozen=True)
class GuidePart:
    anchor: str
    title: str
    body: str  # Markdown


def guide_file(language: str | None = None) -> Path:
    """The guide in `language` (the app's, walkapp.formatting, when None):
    resources/help/guide.<language>.md when there is one, else the English guide.md."""
    if language is None:
        from walkapp import formatting

        language = formatting.locale_name()
    base = language.replace("-", "_").split("_")[0].lower()
    translated = resource_path("help", f"guide.{base}.md")
    return translated if base != "en" and translated.is_file() else resource_path(
        "help", "guide.md")


def read_guide(text: str | None = None, language: str | None = None) -> list[GuidePart]:
    """The guide's sections, in order (from the guide in `language`, see `guide_file`,
    unless `text`)."""
    if text is None:
        text = guide_file(language).read_text(encoding="utf-8")
    parts: list[GuidePart] = []
    anchor = title = ""
    lines: list[str] = []
    for line in key_names(_COMMENT.sub("", text)).splitlines():
        heading = _HEADING.match(line)
        if heading:
            if anchor:
                parts.append(GuidePart(anchor, title, "\n".join(lines).strip()))
            anchor, title, lines = heading["anchor"], heading["title"], []
        else:
            lines.append(line)
    if anchor:
        parts.append(GuidePart(anchor, title, "\n".join(lines).strip()))
    return parts


class GuideWindow(QWidget):
    """The guide, at the section asked for (`show_section`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("Guide to learning walks"))
        self.parts = read_guide()
        self.contents = QListWidget()
        self.contents.setObjectName("guideContents")
        self.contents.setAccessibleName(self.tr("Contents of the guide"))
        for part in self.parts:
            item = QListWidgetItem(part.title)
            item.setData(Qt.ItemDataRole.UserRole, part.anchor)
            self.contents.addItem(item)
        self.contents.setMaximumWidth(max(
            self.contents.sizeHintForColumn(0) + 24, 160))
        self.contents.currentRowChanged.connect(self._show_row)
        self.heading = screen_title(scale=1.4)
        self.text = QTextBrowser()
        self.text.setObjectName("guideText")
        self.text.setAccessibleName(self.tr("Guide text"))
        self.text.setOpenLinks(False)  # "#anchor" opens a section; nothing goes online
        self.text.anchorClicked.connect(self._link)
        # A readable line length on a wide window.
        self.text.document().setDocumentMargin(12)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.text, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.contents)
        layout.addLayout(right, 1)
        fit_secondary(self, QSize(820, 560))  # within the screen, centred
        self.show_section("")

    def anchors(self) -> list[str]:
        return [part.anchor for part in self.parts]

    def current_section(self) -> str:
        row = self.contents.currentRow()
        return self.parts[row].anchor if 0 <= row < len(self.parts) else ""

    def show_section(self, anchor: str) -> None:
        """Show the section `anchor` (the first one when it is "" or unknown)."""
        row = next((i for i, part in enumerate(self.parts) if part.anchor == anchor), 0)
        if self.contents.currentRow() == row:
            self._show_row(row)
        else:
            self.contents.setCurrentRow(row)

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.parts):
            return
        part = self.parts[row]
        self.heading.setText(part.title)
        self.text.setMarkdown(part.body)
        self.text.verticalScrollBar().setValue(0)

    def _link(self, url: QUrl) -> None:
        if url.hasFragment() and not url.scheme() and not url.path():
            self.show_section(url.fragment())
