"""Look-fors and norms: short ordered lists the group agrees on."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.services.commands import PlanEdit
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
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


class LookForsPanel(_ListPanel):
    entity = Entity.LOOK_FOR

    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None, asker: Asker | None = None) -> None:
        super().__init__(services, walk_id, self.tr(
            "Look-fors are the few things everyone watches for in every room. Keep them "
            "observable: what students or adults say and do."), parent, writer=writer)
        self._asker = asker or Asker()

    def _make_list(self) -> ItemList:
        def edit(method: str, *args: object, **kwargs: object) -> PlanEdit:
            return PlanEdit(method, args, kwargs)

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
        self.items.set_items([ListEntry(lf.id, lf.text, tooltip=lf.description)
                              for lf in walk.look_fors])


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
