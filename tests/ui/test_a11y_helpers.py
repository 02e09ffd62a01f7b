"""The accessibility checks' own rules: a combo box's list, which Qt makes only when it
first wants it, belongs to the box and is not reported as a control without a name (it
made the walker home's check fail now and then, depending on whether the list was made)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from tests.ui.observe_helpers import unnamed_controls


def test_a_combo_boxs_list_is_part_of_the_box(qtbot) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    qtbot.addWidget(root)
    box = QComboBox()
    box.addItems(["Everyone", "Mine"])
    box.setAccessibleName("Show the notes of")
    QVBoxLayout(root).addWidget(box)
    box.view()  # Qt makes the list now
    assert unnamed_controls(root) == []
    box.setAccessibleName("")
    assert unnamed_controls(root) != []  # the box itself still needs its name
