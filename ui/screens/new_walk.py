"""New walk: a short dialog — title, date, protocol, focus, look-for set, number of visits.
Everything else (norms, timings, steps) comes from the protocol and can be changed later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from walkapp.language import own_name
from walkapp.ui.translations import speaking
from walkapp.ui.widgets.date_field import DateField


@dataclass(frozen=True)
class ProtocolChoice:
    id: str
    title: str
    summary: str
    # The protocol's look-for sets as (key, title); a bare text is both.
    look_for_sets: tuple[tuple[str, str] | str, ...] = ()
    visit_minutes: int = 10
    # Where the protocol comes from (citation, address, note; one per line), "" if uncited.
    source: str = ""
    # (key, description) of the look-for sets that have a description.
    set_descriptions: tuple[tuple[str, str], ...] = ()
    # One choice per file: a protocol in two languages is two choices with the same id.
    language: str = "en"


@dataclass(frozen=True)
class NewWalkRequest:
    title: str
    walk_date: date
    protocol_id: str
    focus: str
    look_for_set: str | None
    visits: int
    language: str = ""  # the protocol file's language ("" = its listed one)


class NewWalkDialog(QDialog):
    def __init__(self, protocols: list[ProtocolChoice], default_protocol: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New walk"))
        self.setMinimumWidth(560)
        self._protocols = protocols

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Student talk in maths"))
        self.title.setAccessibleName(self.tr("Walk title"))
        # Typed in the user's locale (15/01/2027 in the UK), or picked from a calendar.
        self.date = DateField(self.tr("Walk date"), date.today())
        self.protocol = QComboBox()
        self.protocol.setAccessibleName(self.tr("Protocol"))
        # Each protocol once, by its title in the app's language where it has one (else in
        # the language it is listed in).
        mine = speaking()
        titles: dict[str, str] = {}
        for choice in protocols:
            if choice.id not in titles or choice.language == mine:
                titles[choice.id] = choice.title
        for protocol_id, title in titles.items():
            self.protocol.addItem(title, protocol_id)
        # A protocol written in two languages (two files, one id): the walk's language.
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the walk"))
        self.language.setToolTip(self.tr("This protocol is written in more than one "
                                         "language; the walk uses the one chosen here."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("hint")
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setObjectName("hint")
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        # The protocol's summary and source, which can run long (a cited source and its
        # note): under the protocol, scrolling inside themselves when the screen is short.
        self._source_caption = QLabel(self.tr("Source"))
        self._source_caption.setObjectName("hint")
        font = self._source_caption.font()
        font.setBold(True)
        self._source_caption.setFont(font)
        about = QWidget()
        about_layout = QVBoxLayout(about)
        about_layout.setContentsMargins(0, 0, 0, 0)
        about_layout.addWidget(self.summary)
        about_layout.addWidget(self._source_caption)
        about_layout.addWidget(self.source)
        self.about = QScrollArea()
        self.about.setObjectName("protocolAbout")
        self.about.setFrameShape(QFrame.Shape.NoFrame)
        self.about.setWidgetResizable(True)
        self.about.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.about.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.about.setWidget(about)
        self.look_for_set = QComboBox()
        self.look_for_set.setAccessibleName(self.tr("Look-for set"))
        self.set_description = QLabel()
        self.set_description.setWordWrap(True)
        self.set_description.setObjectName("hint")
        self.set_description.setTextFormat(Qt.TextFormat.PlainText)
        self.focus = QPlainTextEdit()
        self.focus.setPlaceholderText(self.tr("Optional now; agreed in the pre-brief."))
        self.focus.setAccessibleName(self.tr("Focus or problem of practice"))
        self.focus.setTabChangesFocus(True)
        self.focus.setFixedHeight(80)
        self.visits = QSpinBox()
        self.visits.setRange(0, 30)
        self.visits.setValue(4)
        self.visits.setAccessibleName(self.tr("Number of visits"))
        self.visits.setToolTip(self.tr("Visits are numbered; rooms can be added later."))

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Protocol"), self.protocol)
        form.addRow(self.tr("Language"), self.language)
        self._language_label = form.labelForField(self.language)
        form.addRow("", self.about)
        form.addRow(self.tr("Look-fors"), self.look_for_set)
        form.addRow("", self.set_description)
        form.addRow(self.tr("Focus"), self.focus)
        form.addRow(self.tr("Visits"), self.visits)
        self.error = QLabel("")
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create walk"))
        self.ok_button.setAccessibleName(self.tr("Create walk"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.look_for_set.currentIndexChanged.connect(self._set_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        index = self.protocol.findData(default_protocol)
        self.protocol.setCurrentIndex(max(0, index))
        self._protocol_changed(self.protocol.currentIndex())

    def _choice(self) -> ProtocolChoice | None:
        """The file chosen: the protocol, in the language chosen (or its only one)."""
        wanted, language = self.protocol.currentData(), self.language.currentData()
        files = [c for c in self._protocols if c.id == wanted]
        return next((c for c in files if c.language == language), files[0] if files else None)

    def _protocol_changed(self, _index: int) -> None:
        files = [c for c in self._protocols if c.id == self.protocol.currentData()]
        self.language.blockSignals(True)
        self.language.clear()
        for choice in files:
            self.language.addItem(own_name(choice.language), choice.language)
        # The app's own language when the protocol is written in it (a Spanish app offers
        # the Spanish file first), else the protocol's first file.
        mine = self.language.findData(speaking())
        self.language.setCurrentIndex(mine if mine >= 0 else 0)
        self.language.blockSignals(False)
        several = len(files) > 1
        self.language.setVisible(several)
        if self._language_label is not None:
            self._language_label.setVisible(several)
        self._language_changed(self.language.currentIndex())

    def _language_changed(self, _index: int) -> None:
        choice = self._choice()
        self.summary.setText(choice.summary if choice else "")
        self.source.setText(choice.source if choice else "")
        self.source.setVisible(bool(self.source.text()))
        self._source_caption.setVisible(bool(self.source.text()))
        self.look_for_set.clear()
        self.look_for_set.addItem(self.tr("None — we will write our own"), None)
        for item in choice.look_for_sets if choice else ():
            key, title = (item, item) if isinstance(item, str) else item
            self.look_for_set.addItem(title, key)
        if choice and choice.look_for_sets:
            self.look_for_set.setCurrentIndex(1)
        self._set_changed(self.look_for_set.currentIndex())
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The first protocol's summary and source, before any is chosen; again once the
        # form has given them their width.
        self._fit()
        QTimer.singleShot(0, self, self._fit)

    def _fit(self) -> None:
        """Show the whole summary and source when the screen has room for them, else as
        much as it has (they scroll inside themselves): wrapped labels would otherwise be
        cut or overlap the rows below them."""
        layout = self.layout()
        content = self.about.widget()
        inner = content.layout() if content is not None else None
        if layout is None or inner is None or not self.isVisible():
            return
        across = self.about.viewport().width() or self.about.width()
        whole = inner.totalHeightForWidth(across)
        screen = self.screen().availableGeometry().height() if self.screen() else 10 ** 6
        self.about.setFixedHeight(0)
        layout.activate()
        # The dialog without them (its size hint: asked for a height at its width, the
        # form counted the hidden box's wrapped words too).
        rest = layout.sizeHint().height()
        # Room for the window's frame and title bar too (about 40 px on these desktops).
        room = max(self.fontMetrics().lineSpacing() * 4, screen - 40 - rest)
        self.about.setFixedHeight(min(whole, room))
        layout.activate()
        wanted = min(max(layout.sizeHint().height(), rest + self.about.height()),
                     screen - 40)
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _set_changed(self, _index: int) -> None:
        choice = self._choice()
        descriptions = dict(choice.set_descriptions) if choice else {}
        self.set_description.setText(descriptions.get(self.look_for_set.currentData(), ""))
        self.set_description.setVisible(bool(self.set_description.text()))

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Give the walk a title."))
            self.title.setFocus()
            return
        if not self.date.read_typed() or self.date.date() is None:
            # The field says why under itself; what was typed stays to be corrected.
            self.error.setText(self.tr("Check the date."))
            self.date.setFocus()
            return
        self.accept()

    def request(self) -> NewWalkRequest:
        return NewWalkRequest(
            title=self.title.text().strip(), walk_date=self.date.date() or date.today(),
            protocol_id=str(self.protocol.currentData() or ""),
            focus=self.focus.toPlainText().strip(),
            look_for_set=self.look_for_set.currentData(), visits=self.visits.value(),
            language=str(self.language.currentData() or ""))
