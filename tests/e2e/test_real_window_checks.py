"""The verdicts of the real-window kill run (tests/e2e/real_window_kills.py), on made-up
rounds: the run itself needs an X server and minutes, but what it calls a loss must be
right, or a hundred green rounds prove nothing."""

from __future__ import annotations

import random

import pytest

from tests.e2e.real_window_kills import (
    ALL_TERM_MOMENTS,
    KILL_MOMENTS,
    TERM_MOMENTS,
    Event,
    Observed,
    Round,
    judge,
    plan_round,
    schedule,
)

TEXT = "talk partners before every answer"


def _round(kind: str, stored: str, *, sent: int = 20, rate: float = 0.1, end_after: float = 0.05,
           **extra: object) -> Round:
    """`sent` characters of TEXT sent `rate` apart from t=100; the end `end_after` s after
    the last one."""
    r = Round(1, kind, "steady", 0, rate, TEXT)
    r.sent = [(100 + i * rate, 100 + i * rate + 0.01) for i in range(sent)]
    r.end_t = r.sent[-1][1] + end_after
    r.stored = stored
    r.notes_found = 1 if stored else 0
    r.exit_status = 0 if kind == "term" else -9
    for name, value in extra.items():
        setattr(r, name, value)
    return judge(r)


def test_a_kill_that_loses_less_than_a_second_passes_and_is_measured() -> None:
    r = _round("kill", TEXT[:15])  # 5 of 20 lost: the last 0.45 s of typing
    assert r.failures == []
    assert r.sent_count == 20 and r.lost_chars == 5
    # From the oldest lost character (sent at 101.51) to the kill (101.91 + 0.05).
    assert r.lost_s == pytest.approx(0.45, abs=1e-6)


def test_a_kill_that_loses_typing_older_than_a_second_fails() -> None:
    r = _round("kill", TEXT[:5])
    assert r.lost_chars == 15
    assert any("sent more than 1.0 s before the kill" in f for f in r.failures), r.failures


def test_stored_text_that_was_never_typed_fails() -> None:
    r = _round("kill", "talk partners X")
    assert any("not a prefix" in f and "character 14" in f for f in r.failures), r.failures


def test_more_stored_than_was_sent_fails() -> None:
    r = _round("kill", TEXT[:25], sent=20)
    assert any("only 20 were sent" in f for f in r.failures), r.failures


def test_text_shown_as_saved_and_then_lost_fails_even_within_the_second() -> None:
    seen = Observed(available=True, saved_max=18, saved_last_t=101.8)
    r = _round("kill", TEXT[:16], observed=seen)
    assert any("showed “Saved” with 18 characters" in f for f in r.failures), r.failures


def test_sigterm_must_keep_everything_and_exit_0() -> None:
    assert _round("term", TEXT[:20]).failures == []
    lost = _round("term", TEXT[:19])
    assert any("SIGTERM lost 1 of 20" in f for f in lost.failures), lost.failures
    status = _round("term", TEXT[:20], exit_status=1)
    assert any("status 1" in f for f in status.failures), status.failures


def test_a_damaged_database_or_a_second_note_fails() -> None:
    assert _round("kill", TEXT[:18], integrity="*** page 3 is never used").failures
    assert _round("kill", TEXT[:18], notes_found=2).failures


def test_the_recorder_sees_saved_and_commits_only_before_the_end() -> None:
    events = [Event(1.0, "text", ["5"]), Event(1.1, "commit-start", ["5"]),
              Event(1.2, "commit-end", ["5"]), Event(1.3, "state", ["saved", "5"]),
              Event(1.4, "text", ["6"]), Event(1.5, "commit-start", ["6"]),
              Event(2.5, "commit-end", ["6"]), Event(2.6, "state", ["saved", "6"])]
    seen = Observed.from_events(events, end_t=2.0)
    assert (seen.saved_max, seen.received, seen.inside_commit, seen.commits) == (5, 6, True, 2)
    assert Observed.from_events(events, end_t=3.0).inside_commit is False
    assert Observed.from_events([], end_t=1.0).inside_commit is None


@pytest.mark.parametrize("moment", [*KILL_MOMENTS, *ALL_TERM_MOMENTS])
def test_every_moment_ends_within_the_typing(moment: str) -> None:
    kind = "kill" if moment in KILL_MOMENTS else "term"
    for seed in range(30):
        rng = random.Random(seed)
        rate = rng.uniform(0.05, 0.15)
        plan = plan_round(kind, moment, rng, rate)
        assert len(plan.offsets) == len(plan.text)
        assert all(b - a >= rate - 1e-9 for a, b in zip(plan.offsets, plan.offsets[1:],
                                                          strict=False))
        if plan.end_at is None:
            assert moment == "during-save" and 1 <= plan.commit_number <= 4
            continue
        assert 0.3 <= plan.end_at < plan.offsets[-1] - 1
        if moment == "burst":
            assert 5 <= plan.burst <= 30
        if moment == "mid-word":
            before = max(i for i, t in enumerate(plan.offsets) if t <= plan.end_at)
            assert plan.text[before].isalpha() and plan.text[before + 1].isalpha()


def test_the_schedule_runs_each_moment_equally_often() -> None:
    rounds = schedule(100, 20, seed=3)
    kills = [m for k, m, _s in rounds if k == "kill"]
    terms = [m for k, m, _s in rounds if k == "term"]
    assert len(kills) == 100 and len(terms) == 20
    assert {kills.count(m) for m in KILL_MOMENTS} == {25}
    assert {terms.count(m) for m in TERM_MOMENTS} == {5}
    assert schedule(100, 20, seed=3) == rounds
