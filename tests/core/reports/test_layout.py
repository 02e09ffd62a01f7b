"""Any text in any field lays out: long follow-ups, pasted blank lines, many look-fors,
huge words, long table cells; a page that still cannot be made names the field to shorten."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import domain as d
from walkapp.errors import WalkappError
from walkapp.reports import ReportKind
from walkapp.services import NewWalk, NoteDraft, Services

FLOOD = "\n" * 60
SENTENCE = "Students explained their thinking to a partner before sharing. "


def _walk(services: Services, **fields: str) -> d.Walk:
    walk = services.walks.create_walk(NewWalk(title=fields.get("title", "Layout walk"),
                                              walk_date=date(2026, 3, 4),
                                              focus=fields.get("focus", "Student talk")))
    return walk


def _follow_ups(services: Services, count: int, size: int) -> d.Walk:
    walk = _walk(services)
    item = services.debrief.add_action_item(walk.id, "Share the sentence strips", "Ana")
    for n in range(count):
        body = (f"Round {n}: " + SENTENCE * (size // len(SENTENCE) + 1))[:size]
        services.debrief.follow_up(item.id, walk.id, d.ActionStatus.OPEN, body)
    return walk


@pytest.mark.parametrize(("count", "size"), [(6, 500), (4, 1_000), (6, 1_500)])
def test_the_tracker_prints_long_follow_ups(services: Services, render: Render,
                                            count: int, size: int) -> None:
    walk = _follow_ups(services, count, size)
    out = squash(pdf_text(render(ReportKind.ACTIONS, walk.id)))
    for n in range(count):
        assert squash(f"Round {n}:") in out


def test_a_long_action_item_splits_across_pages_uncut(services: Services,
                                                      render: Render) -> None:
    walk = _walk(services)
    body = " ".join(f"word{n}" for n in range(1_000)) + " THE-END"
    services.debrief.add_action_item(walk.id, body, "Ana")
    out = squash(pdf_text(render(ReportKind.ACTIONS, walk.id)))
    assert "THE-END" in out and "morecharactersnotprinted" not in out


@pytest.mark.parametrize("kind", [ReportKind.DEBRIEF, ReportKind.AGENDA,
                                  ReportKind.NOTECATCHER, ReportKind.SCRIPT,
                                  ReportKind.ACTIONS])
def test_pasted_blank_lines_are_capped(services: Services, render: Render,
                                       kind: ReportKind) -> None:
    from walkapp.reports.page import count_pages

    def pages(gap: str) -> int:
        walk = _walk(services, focus="Talk" + gap + "more talk")
        services.plan.add_look_for(walk.id, "Pairs" + gap + "talk", "Said" + gap + "aloud")
        services.debrief.add_action_item(walk.id, "Act" + gap + "now", "Ana")
        return count_pages(render(kind, walk.id))

    assert pages(FLOOD) == pages("\n\n")


def test_blank_line_runs_become_one_blank_line() -> None:
    from walkapp.reports import text
    assert text.plain("a" + FLOOD + "b") == "a\n\nb"
    assert text.plain("a\n \t\n  \n\nb") == "a\n\nb"
    assert text.plain("a\nb\n\nc") == "a\nb\n\nc"


def test_many_look_fors_chart_across_pages(services: Services, render: Render) -> None:
    walk = _walk(services)
    walker = services.plan.add_participant(walk.id, "Ana")
    tags = [services.plan.add_look_for(walk.id, f"Look-for number {n} about student talk")
            for n in range(45)]
    for tag in tags:
        services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id,
                                           text="seen", stem=d.Stem.NOTICED,
                                           look_for_ids=(tag.id,)))
    out = squash(pdf_text(render(ReportKind.DEBRIEF, walk.id)))
    assert squash("Look-for number 44 about student talk") in out


def test_chart_labels_use_the_room_they_need() -> None:
    from walkapp.reports.charts import label_room
    width = 480.0
    assert label_room(["Short"], width) < width * 0.38
    long_label = "Students explain their reasoning to a partner using a sentence stem"
    assert label_room([long_label], width) > width * 0.38


def test_a_five_thousand_character_word_prints(services: Services, render: Render) -> None:
    word = "x" * 5_000
    walk = _walk(services, title=word[:300], focus=word)
    services.plan.add_look_for(walk.id, word[:300], word)
    services.debrief.add_action_item(walk.id, word, word)
    for kind in ReportKind:
        if kind in (ReportKind.JOURNAL, ReportKind.THANKS):
            continue
        assert render(kind, walk.id).startswith(b"%PDF")


def test_a_lone_surrogate_in_an_owner_is_replaced(services: Services) -> None:
    walk = _walk(services)
    item = services.debrief.add_action_item(walk.id, "Act", "Ana \ud83d Lopez")
    assert item.owner_name == "Ana \ufffd Lopez"
    updated = services.debrief.update_action_item(item.id, owner_name="B\udc00")
    assert updated.owner_name == "B\ufffd"


def test_a_long_owner_is_cut_at_a_word_with_an_ellipsis(services: Services) -> None:
    walk = _walk(services)
    item = services.debrief.add_action_item(walk.id, "Act", "Teachername " * 30)
    assert len(item.owner_name) <= 200
    assert item.owner_name.endswith("Teachername…")


def test_a_page_that_cannot_be_made_names_the_field() -> None:
    from reportlab.platypus import Spacer

    from walkapp.reports import blocks as b
    from walkapp.reports.page import PageSetup, build_pdf
    from walkapp.reports.paper import Paper

    class Huge(Spacer):
        pass

    story = [b.field("The action item", Huge(10, 5_000))]
    with pytest.raises(WalkappError) as caught:
        build_pdf(story, PageSetup(paper=Paper.A4, report_name="Test"))
    assert "action item" in str(caught.value) and "shorten" in str(caught.value).lower()


def test_the_message_names_the_tallest_tagged_cell() -> None:
    from reportlab.platypus import Spacer

    from walkapp.reports import blocks as b
    from walkapp.reports.page import PageSetup, build_pdf
    from walkapp.reports.paper import Paper

    rows = [[b.cell("short", field="the owner"), b.field("the action item", Spacer(1, 900))]]
    table = b.table(["Owner", "Action"], rows, [100, 300])
    table.splitInRow = 0  # (a spacer cannot split: the page really cannot be made)
    with pytest.raises(WalkappError, match="Shorten the action item"):
        build_pdf([table], PageSetup(paper=Paper.A4, report_name="Test"))


def test_one_line_cuts_at_a_word() -> None:
    from walkapp.reports import text
    assert text.one_line("alpha beta gamma delta", 15) == "alpha beta…"
    assert text.one_line("x" * 50, 10) == "x" * 9 + "…"  # one long word: cut inside it


def test_the_layout_message_survives_the_trip_from_a_child_process() -> None:
    import pickle

    from walkapp.reports.fit import PageTooSmallError
    error = PageTooSmallError("the action item", "Share the strips")
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.field == "the action item"
