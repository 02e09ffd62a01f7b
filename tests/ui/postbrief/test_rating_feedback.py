"""Session feedback on a question's own scale: the points with their words, "Not
applicable" sent as such (never as a point), the summary counting it apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from tests.helpers.rating_walks import OFTEN, PACE, mirror_v2
from tests.ui.postbrief.conftest import settle, wait_loaded
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol, walk_protocol
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.screens.postbrief.feedback import FeedbackPanel


def test_not_applicable_is_sent_apart_and_counted_apart(qtbot, services: Services,
                                                        bridge: ChangeBridge,
                                                        tmp_path: Path) -> None:
    # The PLC mirror as a version 2 file: "often" on 10 labelled points with N/A, "pace"
    # on 3 without (tests.helpers.rating_walks).
    walk = create_walk_from_protocol(services, mirror_v2(), "Mirror", date(2026, 6, 1))
    asked = {q.key: q for q in walk_protocol(services, walk.id).feedback}
    assert asked["often"].not_applicable and not asked["pace"].not_applicable
    panel = FeedbackPanel(services.debrief, services.walks, walk.id,
                          [asked["often"], asked["pace"]])
    qtbot.addWidget(panel)
    bridge.changed.connect(panel.on_change)
    panel.resize(1366, 768)
    panel.show()
    wait_loaded(qtbot, panel)
    often, pace = panel.answers
    assert often.input.scale is not None and pace.input.scale is not None
    assert [w.text() for w in often.input.scale.words] == list(OFTEN)
    assert [w.text() for w in pace.input.scale.words] == list(PACE)
    assert pace.input.scale.not_applicable is None
    # Ten labelled points and "Not applicable" fit the form at 1366 wide: no sideways
    # scrolling, every button shown.
    form = panel.findChild(QScrollArea)
    assert form is not None
    qtbot.waitUntil(lambda: form.widget().width() > 0)
    assert form.horizontalScrollBar().maximum() == 0
    for button in often.input.scale.all_buttons():
        assert not button.visibleRegion().isEmpty(), button.text()
    for words in often.input.scale.words:  # a word that cannot wrap is never cut
        longest = max(words.text().split(), key=words.fontMetrics().horizontalAdvance)
        assert words.fontMetrics().horizontalAdvance(longest) <= words.contentsRect().width()
    na = often.input.scale.not_applicable
    assert na is not None
    for point_or_na, pace_point in ((na, 2), (often.input.scale.buttons[9], 3),
                                    (na, None)):
        qtbot.mouseClick(point_or_na, Qt.MouseButton.LeftButton)
        if pace_point is not None:
            qtbot.mouseClick(pace.input.scale.buttons[pace_point - 1],
                             Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
        settle(qtbot, panel)
    stored = services.debrief.list_feedback(walk.id)
    assert sorted((f.question_key, f.rating or 0, f.not_applicable) for f in stored) == [
        ("often", 0, True), ("often", 0, True), ("often", 10, False),
        ("pace", 2, False), ("pace", 3, False)]
    panel.show_summary.setChecked(True)
    qtbot.waitUntil(lambda: "Not applicable: 2" in panel.summary.toPlainText())
    summary = panel.summary.toPlainText()
    assert "1 rating, average 10 of 10" in summary  # the two N/A are not in it
    assert "10 Always: 1" in summary and "1 Never: 0" in summary
    assert "1 Too slow: 0\n2 About right: 1\n3 Too fast: 1" in summary
    panel.grab().save(str(tmp_path / "feedback-panel.png"))  # pytest --basetemp=DIR
