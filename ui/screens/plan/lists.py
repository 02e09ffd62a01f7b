"""Look-fors and norms: short ordered lists the group agrees on.

Each look-for also has its "what it looks like": a few lines on what the group would see
or hear in a room (written under the list for the look-for chosen in it; saved when the
typing pauses, when another look-for is chosen, and when the page closes). It shows where
look-fors are shown: the list's tooltip, the note editor's tags, the evidence wall, the
note-catcher and the debrief report.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLabel, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget

from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.services.commands import PlanEdit
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
from walkapp.ui.widgets.debounce import Debouncer, Pace
from walkapp.ui.widgets.item_list import ItemList, ListEntry
from walkapp.ui.widgets.write_notice import WriteNotice
from walkapp.ui.writer import Writer


class _ListPanel(QWidget, Page):
    entity: ClassVar[Entity]

    def __init__(self, services: Services, walk_id: str, intro: str,
                 parent: QWidget | None = None, *, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        # The window's one writer (a panel built alone makes its own).
        self.writer = writer if writer is not None else Writer(services, self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        # Why a change was not saved (with Retry), or that it waits for the database.
        self.message = WriteNotice(self.writer, self)
        self.items = self._make_list()
        self.items.error_shown.connect(self._show_error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.message)
        self.refresh()

    def _make_list(self) -> ItemList:
        raise NotImplementedError

    def _show_error(self, text: str) -> None:
        self.message.setText(text)

    def refresh(self) -> None:
        raise NotImplementedError

    def save_pending(self) -> bool:
        """Text waiting in the Add box is not saved yet; the edits made wait (bounded) for
        the writer; False while one has failed (its notice says why and offers Retry)."""
        typed = self.items.save_pending()
        return self.writer.flush() and not self.message.has_failed() and typed

    def shutdown(self) -> None:
        """Edits go to the writer at once; nothing of its own runs in the background."""

    def on_change(self, change: Change) -> None:
        if change.walk_id == self.walk_id and change.entity is self.entity:
            self.refresh()


DESCRIPTION_SAVE_MS = 700


class LookForsPanel(_ListPanel):
    entity = Entity.LOOK_FOR

    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None, asker: Asker | None = None) -> None:
        super().__init__(services, walk_id, self.tr(
            "Look-fors are the few things everyone watches for in every room. Keep them "
            "observable: what students or adults say and do. Choose one to write what it "
            "looks like."), parent, writer=writer)
        self._asker = asker or Asker()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, self.description_label)
        layout.insertWidget(3, self.description)
        self.items.list.currentItemChanged.connect(self._look_for_chosen)
        self._look_for_chosen(self.items.list.currentItem(), None)

    def _make_list(self) -> ItemList:
        def edit(method: str, *args: object, **kwargs: object) -> PlanEdit:
            return PlanEdit(method, args, kwargs)

        # The description box (made here: the list is made, and first filled, while the
        # panel is being built).
        self._descriptions: dict[str, tuple[str, str]] = {}  # id → (look-for, description)
        self._described: str | None = None   # the look-for the box is for
        self._saved_description = ""          # what the database has for it
        self.description_label = QLabel(self.tr("What it looks like"))
        self.description_label.setWordWrap(True)
        font = self.description_label.font()
        font.setBold(True)
        self.description_label.setFont(font)
        self.description = QPlainTextEdit()
        self.description.setAccessibleName(self.tr("What the look-for looks like"))
        self.description.setPlaceholderText(self.tr(
            "What the group would see or hear, e.g. Students give a reason, often with "
            "“because”; they answer each other, not only the teacher."))
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(110)
        self.description.textChanged.connect(self._description_typed)
        self._description_pace = Debouncer(self._save_description,
                                           Pace(delay_ms=DESCRIPTION_SAVE_MS), self)
        return ItemList(noun=self.tr("Look-fors"),
                        placeholder=self.tr("Add a look-for, e.g. Students explain why"),
                        on_add=lambda text: edit("add_look_for", self.walk_id, text),
                        on_edit=lambda i, text: edit("update_look_for", i, text),
                        on_remove=lambda i: (edit("remove_look_for", i)
                                             if self._may_remove(i) else None),
                        on_move=lambda i, at: edit("move_look_for", i, at),
                        send=self.message.write)

    def _may_remove(self, look_for_id: str) -> bool:
        """The notes it tags, and walkers holding a kit with it, are told of first (a
        small read; walkapp.services.touches)."""
        warning = self._services.undo.removal_warning("LookFor", look_for_id)
        return warning is None or self._asker.confirm(
            self, self.tr("Remove this look-for?"),
            warning + "\n\n" + self.tr("Remove it?"), self.tr("Remove"))

    def refresh(self) -> None:
        walk = self._services.walks.get_walk(self.walk_id)
        self._descriptions = {lf.id: (lf.text, lf.description) for lf in walk.look_fors}
        self.items.set_items([ListEntry(lf.id, lf.text, tooltip=lf.description)
                              for lf in walk.look_fors])
        shown = self._descriptions.get(self._described or "")
        if shown is None:
            self._show_description(None)
        else:
            self._saved_description = shown[1]
            if not self.description.hasFocus() and not self._description_pending():
                self._set_description_text(shown[1])
            self._label_for(shown[0])

    # -- the description of the look-for chosen ------------------------------------------
    def _look_for_chosen(self, current: QListWidgetItem | None,
                         _previous: QListWidgetItem | None) -> None:
        self._save_description()  # what was typed for the last one, at once
        self._show_description(self.items.current_id() if current is not None else None)

    def _show_description(self, look_for_id: str | None) -> None:
        entry = self._descriptions.get(look_for_id or "")
        if entry is None:
            self._described, self._saved_description = None, ""
            self._set_description_text("")
            self.description.setEnabled(False)
            self.description_label.setText(self.tr(
                "What it looks like: choose a look-for above to describe it."))
            return
        if look_for_id == self._described:
            return
        self._described, self._saved_description = look_for_id, entry[1]
        self._set_description_text(entry[1])
        self.description.setEnabled(True)
        self._label_for(entry[0])

    def _label_for(self, text: str) -> None:
        self.description_label.setText(self.tr("What “{0}” looks like").format(text))

    def _set_description_text(self, text: str) -> None:
        if self.description.toPlainText() != text:
            self._loading_description = True
            try:
                self.description.setPlainText(text)
            finally:
                self._loading_description = False

    def _description_pending(self) -> bool:
        return (self._described is not None
                and self.description.toPlainText() != self._saved_description)

    def _description_typed(self) -> None:
        if not getattr(self, "_loading_description", False) and self._described:
            self._description_pace.touch()

    def _save_description(self) -> None:
        """Hand the description typed to the writer (does not wait)."""
        self._description_pace.cancel()
        if not self._description_pending():
            return
        look_for_id, text = self._described, self.description.toPlainText()
        assert look_for_id is not None

        def saved(_result: object) -> None:
            if self._described == look_for_id:
                self._saved_description = text

        self.message.write(PlanEdit("update_look_for", (look_for_id,),
                                    {"description": text}), saved)

    def save_pending(self) -> bool:
        self._save_description()
        return super().save_pending() and not self._description_pending()

    def shutdown(self) -> None:
        """Save the description typed (the database is still open), then nothing more."""
        self._save_description()
        self._description_pace.shutdown()


class NormsPanel(_ListPanel):
    entity = Entity.NORM

    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None) -> None:
        super().__init__(services, walk_id, self.tr(
            "Norms keep the walk safe. Read them together, change what the group wants "
            "changed, and tick each one the group agrees to."), parent, writer=writer)

    def _make_list(self) -> ItemList:
        def edit(method: str, *args: object, **kwargs: object) -> PlanEdit:
            return PlanEdit(method, args, kwargs)

        return ItemList(noun=self.tr("Norms"), placeholder=self.tr("Add a norm"),
                        on_add=lambda text: edit("add_norm", self.walk_id, text),
                        on_edit=lambda i, text: edit("update_norm", i, text=text),
                        on_remove=lambda i: edit("remove_norm", i),
                        on_move=lambda i, at: edit("move_norm", i, at),
                        on_check=lambda i, checked: edit("update_norm", i, agreed=checked),
                        send=self.message.write)

    def refresh(self) -> None:
        walk = self._services.walks.get_walk(self.walk_id)
        self.items.set_items([ListEntry(n.id, n.text, checked=n.agreed) for n in walk.norms])
