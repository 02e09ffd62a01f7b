"""Look-fors and norms: short ordered lists the group agrees on."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.ui.page import Page
from walkapp.ui.widgets.item_list import ItemList, ListEntry


class _ListPanel(QWidget, Page):
    entity: ClassVar[Entity]

    def __init__(self, services: Services, walk_id: str, intro: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.message = QLabel("")
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        self.message.hide()
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
        self.message.show()

    def refresh(self) -> None:
        raise NotImplementedError

    def save_pending(self) -> bool:
        return self.items.save_pending()

    def shutdown(self) -> None:
        """Edits save at once; nothing runs in the background."""

    def on_change(self, change: Change) -> None:
        if change.walk_id == self.walk_id and change.entity is self.entity:
            self.message.hide()
            self.refresh()


class LookForsPanel(_ListPanel):
    entity = Entity.LOOK_FOR

    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None) -> None:
        super().__init__(services, walk_id, self.tr(
            "Look-fors are the few things everyone watches for in every room. Keep them "
            "observable: what students or adults say and do."), parent)

    def _make_list(self) -> ItemList:
        plan = self._services.plan
        return ItemList(noun=self.tr("Look-fors"),
                        placeholder=self.tr("Add a look-for, e.g. Students explain why"),
                        on_add=lambda text: plan.add_look_for(self.walk_id, text),
                        on_edit=lambda i, text: plan.update_look_for(i, text),
                        on_remove=plan.remove_look_for, on_move=plan.move_look_for)

    def refresh(self) -> None:
        walk = self._services.walks.get_walk(self.walk_id)
        self.items.set_items([ListEntry(lf.id, lf.text, tooltip=lf.description)
                              for lf in walk.look_fors])


class NormsPanel(_ListPanel):
    entity = Entity.NORM

    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None) -> None:
        super().__init__(services, walk_id, self.tr(
            "Norms keep the walk safe. Read them together, change what the group wants "
            "changed, and tick each one the group agrees to."), parent)

    def _make_list(self) -> ItemList:
        plan = self._services.plan
        return ItemList(noun=self.tr("Norms"), placeholder=self.tr("Add a norm"),
                        on_add=lambda text: plan.add_norm(self.walk_id, text),
                        on_edit=lambda i, text: plan.update_norm(i, text=text),
                        on_remove=plan.remove_norm, on_move=plan.move_norm,
                        on_check=lambda i, checked: plan.update_norm(i, agreed=checked))

    def refresh(self) -> None:
        walk = self._services.walks.get_walk(self.walk_id)
        self.items.set_items([ListEntry(n.id, n.text, checked=n.agreed) for n in walk.norms])
