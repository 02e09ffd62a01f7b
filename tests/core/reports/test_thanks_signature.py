"""Who signs a thank-you note: the group, unless the walk's own setting
`sign_thank_you_with_names` is on; then the walkers on its roster, each once, in roster
order, never the host a second time. Attributing commitments does not sign letters, and the
setting changes no other report."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader

from tests.core.reports.conftest import Render, pdf_text, squash
from tests.helpers.builders import make_walk
from tests.helpers.privacy import assert_private
from walkapp import domain as d
from walkapp.reports import ReportKind, ReportRequest
from walkapp.reports.build_across import journal_data
from walkapp.reports.build_walk import build_debrief
from walkapp.services import Services


def _text(pdf: bytes) -> str:
    """The PDF's text with no-break spaces read as spaces (names are kept on one line)."""
    return pdf_text(pdf).replace("\u00a0", " ")


def _signature(text: str) -> str:
    """What follows "With thanks," up to the visit line at the foot, on one line."""
    after = text.split("With thanks,", 1)[1]
    return " ".join(after.split("\n\n")[0].split())


def test_off_the_letter_is_signed_by_the_group_and_names_no_walker(
        services: Services, demo: d.Walk, render: Render) -> None:
    assert not demo.sign_thank_you_with_names  # the default
    # Attributing commitments is a different choice: it signs nothing.
    services.walks.update_walk(demo.id, attribute_commitments=True)
    pdf = render("thanks", demo.id, visit=1)
    text = _text(pdf)
    assert "The learning-walk group" in text
    assert demo.walkers and not any(squash(p.display_name) in squash(text)
                                    for p in demo.walkers)
    # Searched every way a name can hide (raw bytes, encodings…); names only here (a
    # demo note mentions the library, which is not this test's business).
    names_only = dataclasses.replace(services.walks.get_walk(demo.id),
                                     include_visit_details=True, show_teacher_names=True)
    assert_private(pdf, names_only, walker_names=False)


def test_on_each_walker_signs_once_in_roster_order(services: Services, demo: d.Walk,
                                                   render: Render) -> None:
    # A walker listed twice (the same name, spelled differently) signs once; the
    # facilitator is not a walker and does not sign.
    first = demo.walkers[0].display_name
    services.plan.add_participant(demo.id, "  " + first.upper() + " ")
    services.plan.add_participant(demo.id, "Fenella Facilitatorova", d.Role.FACILITATOR)
    services.walks.update_walk(demo.id, sign_thank_you_with_names=True)
    walk = services.walks.get_walk(demo.id)
    text = _text(render("thanks", walk.id, visit=1))
    assert "The learning-walk group" not in text
    names = [p.display_name for p in demo.walkers]
    assert _signature(text).startswith(", ".join(names))
    flat = squash(text).casefold()
    for name in names:
        assert flat.count(squash(name).casefold()) == 1, name
    assert "facilitatorova" not in flat


def test_a_host_on_the_roster_is_named_once_in_the_salutation(
        services: Services, demo: d.Walk, render: Render) -> None:
    host = demo.walkers[1]
    services.walks.update_walk(demo.id, sign_thank_you_with_names=True,
                               show_teacher_names=True)
    services.plan.update_visit(demo.visits[0].id, teacher_name=host.display_name)
    text = _text(render("thanks", demo.id, visit=1))
    assert text.lstrip().startswith(f"Dear {host.display_name},")
    assert squash(text).count(squash(host.display_name)) == 1
    others = [p.display_name for p in demo.walkers if p.id != host.id]
    assert _signature(text).startswith(", ".join(others))


def test_a_host_who_is_the_only_walker_leaves_the_group_signing(services: Services,
                                                                render: Render) -> None:
    """A walk whose only walker is the host still has a signature: the group's."""
    walk = make_walk(services, "Small walk", walkers=1, visits=1)
    services.walks.update_walk(walk.id, sign_thank_you_with_names=True,
                               show_teacher_names=True)
    services.plan.update_visit(walk.visits[0].id, teacher_name="walker  1")
    text = _text(render("thanks", walk.id, visit=1))
    assert text.lstrip().startswith("Dear walker 1,")
    assert "The learning-walk group" in text and "Walker 1" not in text


def test_a_long_list_of_names_wraps_between_names_and_stays_together(
        services: Services, demo: d.Walk, render: Render) -> None:
    extra = [f"Bartholomew Featherstonehaugh-Quince {i}" for i in range(24)]
    for name in extra:
        services.plan.add_participant(demo.id, name)
    services.walks.update_walk(demo.id, sign_thank_you_with_names=True)
    pdf = render("thanks", demo.id, visit=1)
    pages = [(page.extract_text() or "").replace("\u00a0", " ")
             for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == 2
    # "With thanks," and every name on one page: the signature is not split.
    signed = next(page for page in pages if "With thanks," in page)
    assert all(name in signed for name in extra)
    lines = [" ".join(line.split()) for line in _text(pdf).splitlines()]
    signature_lines = lines[lines.index("With thanks,") + 1:]
    assert len([line for line in signature_lines if "Featherstonehaugh" in line]) > 3
    for name in extra:  # never broken across two lines
        assert sum(line.count(f"{name},") + line.endswith(name)
                   for line in signature_lines) == 1, name


def test_the_setting_changes_no_other_report(services: Services, demo: d.Walk) -> None:
    walker = demo.walkers[0].display_name
    request = ReportRequest(kind=ReportKind.DEBRIEF, walk_id=demo.id)
    before = (build_debrief(services, request, None), journal_data(services, walker, demo.id))
    services.walks.update_walk(demo.id, sign_thank_you_with_names=True)
    after = (build_debrief(services, request, None), journal_data(services, walker, demo.id))
    assert before == after
