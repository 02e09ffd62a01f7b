"""Ratings in the debrief: each rating question and each step's rating statements spread
over their own scale (a column per point, the points' words as a key), "not applicable" in
a column of its own and never in the average, and nobody's own rating on the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.core.reports.conftest import Render, pdf_text, squash
from tests.helpers.rating_walks import mirror_v2
from walkapp import domain as d
from walkapp.protocol.library import builtin_protocol
from walkapp.protocol.ratings import NOT_APPLICABLE
from walkapp.protocol.schema import Protocol
from walkapp.reports import Paper, ReportKind, ReportRequest
from walkapp.reports.registry import spec_for
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol


def _answers(services: Services, walk: d.Walk, protocol: Protocol) -> None:
    step = protocol.step("ratings")
    assert step is not None
    values = {0: [7, 7, 6, NOT_APPLICABLE], 1: [1, 2, NOT_APPLICABLE, NOT_APPLICABLE]}
    useful = [4, 4, 4, None]
    for index in range(4):
        member = services.plan.add_participant(walk.id, f"Member {index}")
        for prompt_index, column in values.items():
            services.responses.save_answer(walk.id, step, step.prompts[prompt_index],
                                           column[index], member.id)
        services.debrief.add_feedback(walk.id, "useful", "How useful was this conversation?",
                                      "", useful[index], not_applicable=useful[index] is None)
    services.debrief.add_feedback(walk.id, "often", "How often?", "", 10)


def test_the_debrief_prints_each_statement_over_its_own_scale(services: Services,
                                                              tmp_path: Path) -> None:
    protocol = mirror_v2()
    walk = create_walk_from_protocol(services, protocol, "Mirror", date(2026, 6, 1))
    _answers(services, walk, protocol)
    request = ReportRequest(ReportKind.DEBRIEF, walk.id, paper=Paper.A4)
    data = spec_for(ReportKind.DEBRIEF).build(services, request, None)
    [step] = data.ratings
    figures = dict((p.key, f) for p, f in step.prompts)
    vision = figures["shared-vision"]
    assert vision.counts == (0, 0, 0, 0, 0, 1, 2) and vision.not_applicable == 1
    assert round(vision.mean or 0, 2) == 6.67  # N/A is no zero
    assert figures["student-learning"].not_applicable == 2
    assert len(figures["collective-responsibility"].counts) == 5  # its own, usual scale
    assert all(f.answered == 0 for key, f in figures.items()
               if key not in ("shared-vision", "student-learning"))
    useful, often = data.feedback
    assert useful.spread is not None and often.spread is not None
    assert useful.spread.counts == (0, 0, 0, 3) and useful.spread.not_applicable == 1
    assert useful.average == 4.0
    assert len(often.spread.counts) == 10 and often.spread.not_applicable == 0

    pdf = spec_for(ReportKind.DEBRIEF).render(data, Paper.A4)
    (tmp_path / "mirror.pdf").write_bytes(pdf)  # to look at: pytest --basetemp=DIR
    page = squash(pdf_text(pdf))
    assert squash("The group's ratings") in page
    assert squash("1 = Strongly disagree; 2 = Disagree") in page
    assert squash("7 = Strongly agree") in page
    assert squash("N/A: how many chose “not applicable”, which is not in the average") in page
    assert squash("4 = Very") in page  # the feedback question's own 4 points
    assert squash("10 = Always") in page
    assert "Member" not in page  # counts only: no one's own rating


def test_a_mirror_walk_debrief_prints_the_group_ratings(services: Services,
                                                        render: Render) -> None:
    mirror = builtin_protocol("plc-mirror")
    walk = create_walk_from_protocol(services, mirror, "Mirror", date(2026, 6, 1))
    step = mirror.step("ratings")
    assert step is not None
    for index, value in enumerate([5, 4, 4]):
        member = services.plan.add_participant(walk.id, f"Member {index}")
        services.responses.save_answer(walk.id, step, step.prompts[0], value, member.id)
    page = squash(pdf_text(render("debrief", walk.id)))
    assert squash("Rate the ten statements") in page
    assert squash(step.prompts[0].text) in page
    assert squash("1 = Not yet; 5 = Very much so") in page
    assert "N/A" not in page  # the built-in mirror offers no "not applicable"


def test_earlier_mirrors_of_the_series_stand_beside_this_one(services: Services,
                                                             render: Render,
                                                             tmp_path: Path) -> None:
    mirror = builtin_protocol("plc-mirror")
    step = mirror.step("ratings")
    assert step is not None
    vision = step.prompts[0]

    def rate(walk_id: str, values: list[object]) -> None:
        for index, value in enumerate(values):
            member = services.plan.add_participant(walk_id, f"Member {index}")
            services.responses.save(walk_id, step.key, vision.key, value, member.id)

    first = create_walk_from_protocol(services, mirror, "Mirror", date(2026, 1, 10))
    rate(first.id, [2, 3, NOT_APPLICABLE])
    # Another group's mirror on the same laptop: never set beside this series.
    other = create_walk_from_protocol(services, mirror, "Other PLC", date(2026, 2, 1))
    rate(other.id, [1, 1])
    second = services.series.plan_again(first.id, "Mirror 2", date(2026, 4, 10))
    rate(second.id, [4, 5])
    assert services.responses.earlier_in_series(second.id) == ("plc-mirror", [first.id])
    pdf = render("debrief", second.id)
    (tmp_path / "series.pdf").write_bytes(pdf)  # to look at: pytest --basetemp=DIR
    out = pdf_text(pdf)
    page = squash(out)
    assert squash("Earlier in the series") in page
    assert squash("2.5 of 5 (N/A 1)") in page  # the first mirror: N/A not in its average
    assert squash("4.5 of 5") in page  # this walk
    assert squash("1.0 of 5") not in page and squash("1 of 5") not in page  # not the other PLC
    first_page = squash(pdf_text(render("debrief", first.id)))
    assert squash("Earlier in the series") not in first_page  # nothing before the first
