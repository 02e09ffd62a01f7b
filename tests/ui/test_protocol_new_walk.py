"""The New walk dialog names each protocol's look-for sets by their titles (the key is
what the request carries). Expected texts come from the loaded protocols."""

from __future__ import annotations

from types import SimpleNamespace

from tests.ui.protocol_words import every_protocol
from walkapp.ui.composition import protocol_choices
from walkapp.ui.screens.new_walk import NewWalkDialog


def test_look_for_sets_are_listed_by_title(qtbot) -> None:
    protocols = [p for _name, p in every_protocol()]
    library = SimpleNamespace(entries=[SimpleNamespace(protocol=p) for p in protocols])
    dialog = NewWalkDialog(protocol_choices(library), protocols[0].id)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    box = dialog.look_for_set
    for index, protocol in enumerate(protocols):
        dialog.protocol.setCurrentIndex(index)
        assert [box.itemText(i) for i in range(1, box.count())] == [
            s.title for s in protocol.look_for_sets]
        assert [box.itemData(i) for i in range(1, box.count())] == [
            s.key for s in protocol.look_for_sets]
        if protocol.look_for_sets:
            assert dialog.request().look_for_set == protocol.look_for_sets[0].key
