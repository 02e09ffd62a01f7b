"""The four built-ins written in protocol format version 2 (issue 17, part 8): each keeps
the shape of the published protocol it adapts — the tuning protocol's silent presenter and
warm and cool feedback with no classroom visit, microlabs' timed turns, lesson study's
observers given their students and a form per observer, the data walk's stations — and
none asks walkers to score a visit."""

from __future__ import annotations

from walkapp.domain import PatternKind, Stem
from walkapp.protocol import Activity, PhaseKey, PromptKind, Protocol
from walkapp.protocol.library import BUILTIN_ORDER, builtin_protocol
from walkapp.protocol.schema import RotateBy, StemTone, TallyKind

V2_BUILTINS = ("tuning-protocol", "microlabs", "lesson-study", "data-walk")


def _scripts_of(protocol: Protocol, role: str) -> dict[str, str]:
    return {step.key: step.role_script(role) for _, _, step in protocol.steps()
            if step.role_script(role)}


def test_the_four_follow_the_others_and_are_version_2_and_cited() -> None:
    assert BUILTIN_ORDER[-4:] == V2_BUILTINS
    for protocol_id in V2_BUILTINS:
        protocol = builtin_protocol(protocol_id)
        assert protocol.schema_version == 2
        assert protocol.source is not None and protocol.source.note
        assert "own words" in protocol.source.note
        # No visit is ever scored: forms hold no rating, and the only ratings are the
        # closing feedback's.
        assert all(p.kind is not PromptKind.RATING for p in protocol.visit_form)


def test_the_tuning_protocol_has_no_visit_and_a_silent_presenter() -> None:
    protocol = builtin_protocol("tuning-protocol")
    assert not protocol.has_visits and protocol.phase(PhaseKey.OBSERVATION) is not None
    presenter = protocol.role("presenter")
    assert presenter is not None and presenter.assignable
    assert "listen without speaking" in presenter.instructions
    feedback = protocol.step("warm-cool")
    assert feedback is not None and feedback.minutes
    assert "Listen without speaking" in feedback.role_script("presenter")
    assert [p.key for p in feedback.prompts] == ["warm", "cool"]
    # The presenter has a part in each step from the presentation to the reflection.
    assert {"presentation", "clarifying", "warm-cool", "reflection"} <= set(
        _scripts_of(protocol, "presenter"))
    warm, cool = protocol.stem_spec_by_key("warm"), protocol.stem_spec_by_key("cool")
    assert warm is not None and warm.stem is Stem.NOTICED
    assert warm.tone is StemTone.APPRECIATIVE
    assert cool is not None and cool.stem is Stem.WONDER and cool.tone is StemTone.NEUTRAL
    assert [s.stage_key for s in protocol.debrief_stages()] == [
        "how-it-went", "useful-feedback", "own-work"]
    presenter_only = next(q for q in protocol.feedback if q.key == "presenter-question")
    assert presenter_only.not_applicable and len(presenter_only.point_labels) == 4


def test_microlabs_run_three_timed_turns_going_round_the_walkers() -> None:
    protocol = builtin_protocol("microlabs")
    assert not protocol.has_visits
    assert (protocol.group_min, protocol.group_max) == (3, 3)
    rounds = protocol.phase(PhaseKey.OBSERVATION)
    assert rounds is not None and len(rounds.steps) == 3
    for step in rounds.steps:
        assert step.turns is not None
        assert (step.turns.count, step.turns.minutes) == (3, 2)
        assert step.turns.rotate is RotateBy.WALKERS and step.turns.label == "Speaker"
        assert step.minutes is not None and step.minutes >= step.turns.total_minutes
    assert any("listen" in norm for norm in protocol.norms)


def test_lesson_study_observes_one_long_lesson_through_assigned_students() -> None:
    protocol = builtin_protocol("lesson-study")
    assert protocol.has_visits and 60 < protocol.visit_minutes <= 90
    observer = protocol.role("observer")
    assert observer is not None and observer.assignable
    assert observer.detail_label == "The students you follow"
    assert [r.key for r in protocol.assignable_roles()] == [
        "instructor", "observer", "commentator"]
    assert {p.key for p in protocol.visit_form} == {"words", "work", "thinking", "parts"}
    assert [s.stage_key for s in protocol.debrief_stages()] == [
        "student-evidence", "lesson-goals", "research-theme", "next-lesson"]
    post = protocol.phase(PhaseKey.POST_BRIEF)
    assert post is not None and not post.another_day  # straight after the lesson
    later = protocol.phase(PhaseKey.CLOSING)
    assert later is not None and later.another_day and later.days_after == 7
    # The teacher of the lesson speaks first, the final commentator last.
    keys = [s.key for s in post.steps]
    assert keys.index("teacher-remarks") < keys.index("discussion") < keys.index(
        "final-comments")


def test_the_data_walk_uses_visits_as_stations() -> None:
    protocol = builtin_protocol("data-walk")
    stations = protocol.step("stations")
    assert stations is not None and stations.activity is Activity.VISITS
    assert "each station is a visit" in stations.script
    assert protocol.corridor_after_last
    assert [p.key for p in protocol.visit_form][:4] == ["notice", "wonder", "surprise",
                                                        "missing"]
    assert all(t.kind is TallyKind.COUNT and t.shortcut for t in protocol.tallies)
    guide = protocol.role("station-guide")
    assert guide is not None and guide.assignable and guide.detail_label == "Your station"
    closing = protocol.variant("closing-form")
    assert closing is not None and closing.default_option.key == "round"
    assert {o.key: o.steps for o in closing.options} == {"round": ("round",),
                                                         "wall": ("wall",)}
    kinds = [s.kind for s in protocol.debrief_stages()]
    assert kinds.count(PatternKind.ANALYSE) == 2
