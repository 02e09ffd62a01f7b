"""No note text may break a report: markup prints literally, odd characters print or show a
visible replacement mark, and nothing raises — in every report kind and every field."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest

from tests.core.reports.conftest import Render, pdf_text, squash
from walkapp import domain as d
from walkapp import nudge
from walkapp.reports import ReportKind
from walkapp.reports.text import REPLACEMENT
from walkapp.services import NewWalk, NoteDraft, Services

LITERAL = ["<b>bold?</b>", "</i>", "&amp;", '<img src="http://x">', "<font color=red>",
           "Año señal niño ¿qué? ¡sí! ÁÉÍÓÚ ü"]
# Right-to-left words, printed in display order and shaped (walkapp.reports.glyphs); shaped
# Arabic reads back as presentation forms, which NFKC folds to the letters typed.
RTL = ["שלום", "עולם", "مرحبا"]
LONG_WORD = "Supercalifragilistic" * 15  # 300 characters, no spaces
CONTROLS = "NUL\x00here\x07bell\x1bescape\x7fdel"
EMOJI = "emoji 😀 👍🏽 🇪🇸 ❤️"
MEGABYTE = ("Students talked in pairs about the problem. " * 24_000)[:1_000_000]
HOSTILE = [*LITERAL, " ".join(RTL), LONG_WORD, CONTROLS, EMOJI]


@pytest.fixture
def hostile(services: Services) -> d.Walk:
    return make_hostile_walk(services)


def make_hostile_walk(services: Services) -> d.Walk:
    """A walk whose every text field carries something awkward."""
    walk = services.walks.create_walk(NewWalk(
        title="<b>Walk</b> & <i>friends</i> — שלום", walk_date=date(2026, 3, 4),
        focus="Focus with <font color=red>markup</font> & " + LONG_WORD,
        school="Escuela <Año> & \x00"))
    services.walks.update_walk(walk.id, include_visit_details=True)
    plan = services.plan
    walker = plan.add_participant(walk.id, "Zoë <b>Ñúñez</b> & Co")
    plan.add_participant(walk.id, "Plain Walker")
    visit = plan.add_visit(walk.id, room="<Room 1> & \x07", grade="Año 3", subject="مرحبا")
    plan.add_visit(walk.id)
    tag = plan.add_look_for(walk.id, "</i> look-for & <b>", "Desc <img src='x'> " + EMOJI)
    plan.add_norm(walk.id, "Norm with <b> & </i> " + CONTROLS, agreed=True)
    for text in HOSTILE:
        note = services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id,
                                                  text=text, stem=d.Stem.NOTICED,
                                                  visit_id=visit.id, look_for_ids=(tag.id,)))
        # Kept in the record by the facilitator: a text the nudge flags (an unquoted "¡sí!")
        # must still be printed literally wherever notes are printed.
        services.reviews.keep(note.id)
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id, text=MEGABYTE,
                                       stem=d.Stem.NOTICED, visit_id=visit.id))
    services.notes.save_note(NoteDraft(walk_id=walk.id, author_id=walker.id,
                                       text="I wonder <b>why</b> & " + EMOJI,
                                       stem=d.Stem.WONDER, visit_id=visit.id))
    debrief = services.debrief
    debrief.save_commitment(walk.id, walker.id, "I will try <b>this</b> & " + LONG_WORD)
    services.notes.save_reflection(walk.id, walker.id, "Prompt <i>", "Reflection " + CONTROLS)
    debrief.add_pattern(walk.id, d.PatternKind.DESCRIBE, "<b>Pattern</b> & " + EMOJI)
    debrief.add_next_step(walk.id, "Next <img src=\"http://x\"> step")
    item = debrief.add_action_item(walk.id, "Action <font color=red> & " + LONG_WORD,
                                   "Owner <b>", date(2026, 3, 4) + timedelta(days=3))
    debrief.follow_up(item.id, walk.id, d.ActionStatus.OPEN, "Follow-up </i> " + CONTROLS)
    debrief.add_action_item(walk.id, "Huge action " + MEGABYTE[:19_000], "Owner")
    debrief.add_feedback(walk.id, "q", "Question <b>?", "Answer & <i> " + EMOJI, 4)
    return services.walks.get_walk(walk.id)


@pytest.mark.parametrize("kind", list(ReportKind))
def test_every_kind_prints_hostile_text_literally(hostile: d.Walk, render: Render,
                                                  kind: ReportKind) -> None:
    pdf = render(kind, hostile.id, walker="zoë <b>ñúñez</b> & co", visit=1)
    out = pdf_text(pdf)
    assert "\x00" not in out and "\x07" not in out
    if kind in (ReportKind.NOTECATCHER, ReportKind.AGENDA, ReportKind.SCRIPT):
        assert "<b>Walk</b> & <i>friends</i>" in out
        return
    flat = squash(out)
    expected = {
        ReportKind.DEBRIEF: [*LITERAL, "NUL" + REPLACEMENT + "here", LONG_WORD],
        # The thank-you note prints only what the nudge does not flag, kept or not.
        ReportKind.THANKS: [*(t for t in LITERAL if not nudge.check(t, hostile.language)),
                            LONG_WORD, "I wonder <b>why</b> &"],
        ReportKind.ACTIONS: ["Action <font color=red> &", LONG_WORD, "Follow-up"],
        ReportKind.JOURNAL: ["Zoë <b>Ñúñez</b> & Co", "I will try <b>this</b> &",
                             "Reflection NUL" + REPLACEMENT],
        # Across the series: the walk's title and look-fors; the series report also the
        # group's own lines (its commitments, patterns and next steps).
        ReportKind.TRENDS: ["<b>Walk</b> & <i>friends</i>", "</i> look-for & <b>"],
        ReportKind.SERIES: ["<b>Walk</b> & <i>friends</i>", "</i> look-for & <b>",
                            "I will try <b>this</b> &", "<b>Pattern</b> &",
                            'Next <img src="http://x"> step'],
    }[kind]
    for needle in expected:
        assert squash(needle) in flat, (kind, needle)
    if kind is ReportKind.DEBRIEF:  # (the thank-you note keeps only the first six notices)
        folded = unicodedata.normalize("NFKC", flat)
        for word in RTL:
            assert word in folded, (kind, word)


def test_emoji_print_as_glyphs(hostile: d.Walk, render: Render) -> None:
    out = pdf_text(render("debrief", hostile.id))
    line = next(x for x in out.splitlines() if "emoji" in x)
    assert "emoji 😀 👍" in line and "❤" in line and REPLACEMENT not in line
    assert "\ufe0f" not in line  # invisible modifiers are dropped, not printed as boxes


def test_a_megabyte_note_is_cut_visibly(hostile: d.Walk, render: Render) -> None:
    out = pdf_text(render("debrief", hostile.id))
    assert squash("[990,000 more characters not printed]") in squash(out)


def test_a_huge_action_item_cell_is_cut_rather_than_breaking_the_table(
        hostile: d.Walk, render: Render) -> None:
    for kind in (ReportKind.DEBRIEF, ReportKind.ACTIONS):
        assert squash("more characters not printed") in squash(pdf_text(render(kind,
                                                                              hostile.id)))
