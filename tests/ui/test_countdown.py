"""The countdown follows an injected clock: planned vs elapsed, warning, overtime."""

from __future__ import annotations

from walkapp.ui.widgets.countdown import Countdown, format_seconds


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_counts_down_warns_once_and_goes_over(qtbot) -> None:
    clock = FakeClock()
    timer = Countdown("Visit", clock)
    qtbot.addWidget(timer)
    warnings: list[bool] = []
    overs: list[bool] = []
    timer.warning.connect(lambda: warnings.append(True))
    timer.elapsed_planned.connect(lambda: overs.append(True))
    timer.set_planned(600)
    timer.start()
    clock.now += 100
    timer.refresh()
    assert timer.time_label.text() == "8:20" and timer.state() == "normal"
    clock.now += 450
    timer.refresh()
    timer.refresh()
    assert timer.state() == "warning" and warnings == [True]
    clock.now += 80
    timer.refresh()
    assert timer.state() == "over" and timer.time_label.text() == "+0:30"
    assert overs == [True] and warnings == [True]


def test_pause_resume_extend(qtbot) -> None:
    clock = FakeClock()
    timer = Countdown("Step", clock)
    qtbot.addWidget(timer)
    timer.set_planned(300)
    timer.start()
    clock.now += 60
    timer.pause()
    clock.now += 500  # paused time does not count
    assert timer.elapsed() == 60 and "paused" in timer.detail.text()
    timer.start()
    clock.now += 200
    timer.extend(120)
    assert timer.remaining() == 160 and timer.state() == "normal"


def test_format_seconds() -> None:
    assert format_seconds(0) == "0:00"
    assert format_seconds(61.4) == "1:01"
    assert format_seconds(-75) == "1:15"
