"""Rating scales of 2 to 10 points with a label per point and "not applicable": answers are
checked on the prompt's own scale, stored, carried in notes files and counted as group
figures with "not applicable" apart (never a point, never in a mean)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.laptops import laptops
from tests.helpers.rating_walks import mirror_v2
from walkapp import domain as d
from walkapp.bundles import BundleError, crypto
from walkapp.errors import ValidationError
from walkapp.protocol.answers import check_answer, check_feedback, feedback_fields
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.ratings import NOT_APPLICABLE, scale, spread
from walkapp.protocol.schema import FeedbackQuestion, Prompt, PromptKind
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

FREQUENCY = ("Never", "Rarely", "Sometimes", "Often", "Usually", "Almost always", "Always")


def _rating(points: int, *, labels: tuple[str, ...] = (), na: bool = False) -> Prompt:
    return Prompt("often", "How often do we plan together?", PromptKind.RATING,
                  points=points, point_labels=labels, not_applicable=na)


@pytest.mark.parametrize("points", [2, 7, 10])
def test_a_rating_takes_exactly_the_points_of_its_own_scale(points: int) -> None:
    prompt = _rating(points)
    assert list(scale(prompt)) == list(range(1, points + 1))
    for value in range(1, points + 1):
        assert check_answer(prompt, value) == value
    for wrong in (0, points + 1, -1, True, 2.5, "3", None):
        with pytest.raises(ValidationError, match=f"from 1 to {points}\\.$"):
            check_answer(prompt, wrong)
    # No "not applicable" unless the scale offers it.
    with pytest.raises(ValidationError, match=f"takes a rating from 1 to {points}"):
        check_answer(prompt, NOT_APPLICABLE)


def test_not_applicable_is_a_choice_only_where_the_scale_offers_it() -> None:
    prompt = _rating(7, labels=FREQUENCY, na=True)
    assert check_answer(prompt, NOT_APPLICABLE) == NOT_APPLICABLE
    with pytest.raises(ValidationError, match="1 to 7 or “not applicable”"):
        check_answer(prompt, 8)
    assert [prompt.point_label(v) for v in (1, 4, 7)] == ["Never", "Often", "Always"]


def test_the_usual_scale_is_still_one_to_five() -> None:
    usual = Prompt("useful", "Useful?", PromptKind.RATING)
    assert list(scale(usual)) == [1, 2, 3, 4, 5]
    with pytest.raises(ValidationError, match="from 1 to 5"):
        check_answer(usual, 6)


def test_feedback_stores_not_applicable_apart_from_the_rating() -> None:
    question = FeedbackQuestion("pace", "Was the pace right?", PromptKind.RATING,
                                points=3, not_applicable=True)
    assert feedback_fields(question, 3) == ("", 3, False)
    assert feedback_fields(question, NOT_APPLICABLE) == ("", None, True)
    assert check_feedback(question, "", None, True) == ("", None, True)
    assert check_feedback(question, "a comment", 2) == ("a comment", 2, False)
    with pytest.raises(ValidationError, match="not both"):
        check_feedback(question, "", 2, True)
    with pytest.raises(ValidationError, match="1 to 3"):
        check_feedback(question, "", 4)
    closed = replace(question, not_applicable=False)
    with pytest.raises(ValidationError, match=r"from 1 to 3\.$"):
        check_feedback(closed, "", None, True)
    text = FeedbackQuestion("keep", "What should stay?")
    with pytest.raises(ValidationError, match="takes no rating"):
        check_feedback(text, "Timers", None, True)


def test_a_spread_counts_not_applicable_apart_and_never_in_the_mean() -> None:
    prompt = _rating(7, labels=FREQUENCY, na=True)
    figures = spread(prompt, [7, 7, 1, NOT_APPLICABLE, NOT_APPLICABLE, 9, "x", None])
    assert figures.counts == (1, 0, 0, 0, 0, 0, 2)
    assert [p.label for p in figures.points] == list(FREQUENCY)
    assert (figures.rated, figures.not_applicable, figures.answered) == (3, 2, 5)
    assert figures.mean == 5.0  # (7 + 7 + 1) / 3: the two N/A are not zeros
    assert spread(prompt, [NOT_APPLICABLE]).mean is None


def _v2_walk(services: Services, walkers: int = 2) -> d.Walk:
    """A walk of the PLC mirror written as a version 2 file (tests.helpers.rating_walks):
    feedback "useful" on 4 labelled points and "often" on 10, with N/A; "pace" on 3,
    without."""
    walk = create_walk_from_protocol(services, mirror_v2(), "Mirror", date(2026, 6, 1))
    for index in range(walkers):
        services.plan.add_participant(walk.id, f"Member {index + 1}")
    return services.walks.get_walk(walk.id)


def test_feedback_answers_are_checked_on_the_questions_scale(services: Services) -> None:
    walk = _v2_walk(services)
    services.debrief.add_feedback(walk.id, "useful", "How useful?", "", 4)
    services.debrief.add_feedback(walk.id, "useful", "How useful?", "", None,
                                  not_applicable=True)
    services.debrief.add_feedback(walk.id, "often", "How often?", "", 10)
    with pytest.raises(ValidationError, match="1 to 4 or “not applicable”"):
        services.debrief.add_feedback(walk.id, "useful", "How useful?", "", 5)
    with pytest.raises(ValidationError, match="not both"):
        services.debrief.add_feedback(walk.id, "useful", "How useful?", "", 3,
                                      not_applicable=True)
    with pytest.raises(ValidationError, match=r"from 1 to 3\.$"):  # no N/A on this one
        services.debrief.add_feedback(walk.id, "pace", "Was the pace right?", "", None,
                                      not_applicable=True)
    # walkapp's own questions (a protocol with none) keep the usual 1-5, no N/A.
    with pytest.raises(ValidationError, match=r"from 1 to 5\.$"):
        services.debrief.add_feedback(walk.id, "mine", "Useful?", "", None,
                                      not_applicable=True)
    assert [(f.question_key, f.rating, f.not_applicable)
            for f in services.debrief.list_feedback(walk.id)] == [
        ("useful", 4, False), ("useful", None, True), ("often", 10, False)]


def test_feedback_not_applicable_travels_in_a_notes_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk = _v2_walk(fac.services)
        me = walk.participants[0]
        kit = fac.bundles.write_kit(walk.id, tmp_path / "k.walkkit", walker_id=me.id)
        amy.bundles.open_kit(kit)
        amy.services.debrief.add_feedback(walk.id, "often", "How often?", "", 7)
        amy.services.debrief.add_feedback(walk.id, "useful", "How useful?", "", None,
                                          not_applicable=True)
        path = amy.bundles.write_notes(walk.id, me.id, tmp_path / "amy.walknotes")
        with zipfile.ZipFile(path) as archive:
            items = json.loads(archive.read("feedback.json"))["items"]
        contents = sorted((i["content"] for i in items), key=lambda c: c["rating"] or 0)
        # Only the N/A answer carries the new field: every other answer is written as a
        # version 1 reader knows it (and keeps the version id it had before).
        assert [(c["rating"], c.get("not_applicable")) for c in contents] == [
            (None, True), (7, None)]
        assert "not_applicable" not in contents[1]
        report = fac.bundles.import_files([path])
        assert report.clean and report.new == 2
        got = fac.services.records.walk_record(walk.id).feedback
        assert sorted((f.question_key, f.rating or 0, f.not_applicable) for f in got) == [
            ("often", 7, False), ("useful", 0, True)]
        assert fac.bundles.import_files([path]).unchanged == 2


def test_a_notes_file_answer_with_not_applicable_false_is_kept_as_written() -> None:
    """`false` is never written, but a file may say it: the answer arrives (as no N/A) and
    is known to hold a field not stored as written."""
    from walkapp.bundles import versions as v

    at = "2026-06-01T10:00:00.000000Z"
    content = {"author_id": None, "question_key": "useful", "question": "Q", "answer": "",
               "rating": 2, "not_applicable": False, "created_at": at, "updated_at": at,
               "deleted_at": None, "revision": 1}
    checked = v.check_content(v.FEEDBACK, content, "feedback.json, entry 1")
    assert "not_applicable" not in checked and checked != content
    with pytest.raises(BundleError, match="true or false"):
        v.check_content(v.FEEDBACK, {**content, "not_applicable": "yes"}, "entry")
    with pytest.raises(BundleError, match="from 1 to 10"):
        v.check_content(v.FEEDBACK, {**content, "rating": 11}, "entry")


def test_mirror_history_counts_not_applicable_apart(services: Services) -> None:
    mirror = builtin_protocol("plc-mirror")
    step = mirror.step("ratings")
    assert step is not None
    vision = step.prompts[0]
    walk = create_walk_from_protocol(services, mirror, "Mirror", date(2026, 5, 4))
    for index, value in enumerate([4, 2, NOT_APPLICABLE, 4]):
        member = services.plan.add_participant(walk.id, f"Member {index}")
        services.responses.save(walk.id, step.key, vision.key, value, member.id)
    [point] = services.responses.rating_history("plc-mirror", "ratings", (vision.key,))
    assert (point.count, point.not_applicable, point.mean) == (3, 1, 3.33)
    assert point.distribution == (0, 1, 0, 2, 0)
    assert point.labels == ("Not yet", "", "", "", "Very much so")
