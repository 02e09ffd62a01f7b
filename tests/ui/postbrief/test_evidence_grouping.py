"""Grouping notes for the evidence wall: groups, counts, filter and anonymity."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from walkapp import domain as d
from walkapp.ui.models.evidence import GroupBy, WallTexts, group_notes

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
TEXTS = WallTexts(stems={s: s.label for s in d.Stem}, visit="Visit {0}", untagged="Untagged",
                  no_visit="No visit", unknown_author="Unknown", also="also: {0}")


def _walk() -> d.Walk:
    people = (d.Participant("w1", "walk", "Amira", d.Role.WALKER, None, None, 1),
              d.Participant("w2", "walk", "Ben", d.Role.WALKER, None, None, 2))
    visits = tuple(d.Visit(f"v{i}", "walk", i, room=f"Room {i}") for i in (1, 2, 3))
    look_fors = (d.LookFor("talk", "walk", 1, "Student talk", "Students talk to each other"),
                 d.LookFor("questions", "walk", 2, "Open questions"),
                 d.LookFor("wait", "walk", 3, "Wait time"))
    return d.Walk(id="walk", title="W", walk_date=NOW.date(), school=None, focus="",
                  language="en", protocol_id="", protocol_version="", protocol_hash="",
                  status=d.WalkStatus.RUNNING, current_phase="postbrief", current_step=0,
                  visit_minutes=10, corridor_minutes=3, show_teacher_names=False,
                  attribute_commitments=False, include_visit_details=False,
                  sign_thank_you_with_names=False,
                  local_mode=d.LocalMode.FACILITATOR, local_participant_id=None,
                  created_at=NOW, updated_at=NOW, participants=people, visits=visits,
                  look_fors=look_fors)


def _note(i: int, *, author: str | None = "w1", visit: str | None = "v1",
          stem: d.Stem = d.Stem.NOTICED, tags: tuple[str, ...] = (), text: str = "") -> d.Note:
    return d.Note(id=f"n{i}", walk_id="walk", author_id=author, visit_id=visit, phase=None,
                  stem=stem, text=text or f"note {i}", look_for_ids=tags, revision=1,
                  created_at=NOW + timedelta(seconds=i), updated_at=NOW)


NOTES = [
    _note(1, tags=("talk", "questions"), text="Pairs compared answers"),
    _note(2, author="w2", visit="v2", stem=d.Stem.WONDER, tags=("talk",)),
    _note(3, visit="v2", stem=d.Stem.WILL_TRY),
    _note(4, author="w2", visit=None, stem=d.Stem.QUESTION, tags=("questions",)),
    _note(5, visit="v3", tags=("questions",), text="Teacher waited"),
]


def _summary(groups: list) -> list[tuple[str, int, list[str]]]:
    return [(g.title, g.total, [c.note_id for c in g.cards]) for g in groups]


def test_by_look_for_a_note_appears_under_each_of_its_tags() -> None:
    groups = group_notes(_walk(), NOTES, GroupBy.LOOK_FOR, TEXTS)
    assert _summary(groups) == [
        ("Student talk", 2, ["n1", "n2"]),
        ("Open questions", 3, ["n1", "n5", "n4"]),  # visit order; no-visit notes last
        ("Wait time", 0, []),  # an empty look-for is shown: it is worth talking about
        ("Untagged", 1, ["n3"]),
    ]
    assert groups[0].description == "Students talk to each other"
    # Under one look-for a card names the note's other look-fors, not the group's own.
    card = groups[0].cards[0]
    assert "also: Open questions" in card.meta and "Student talk" not in card.meta


def test_by_stem_in_stem_order_with_counts() -> None:
    groups = group_notes(_walk(), NOTES, GroupBy.STEM, TEXTS)
    assert _summary(groups) == [("I noticed", 2, ["n1", "n5"]), ("I wonder", 1, ["n2"]),
                                ("I will try", 1, ["n3"]), ("Question", 1, ["n4"])]


def test_by_visit_numbers_visits_and_keeps_notes_without_a_visit() -> None:
    groups = group_notes(_walk(), NOTES, GroupBy.VISIT, TEXTS)
    assert _summary(groups) == [("Visit 1", 1, ["n1"]), ("Visit 2", 2, ["n2", "n3"]),
                                ("Visit 3", 1, ["n5"]), ("No visit", 1, ["n4"])]
    # Rooms are never the group's name: visits are numbered.
    assert all("Room" not in g.title for g in groups)


def test_untagged_group_is_left_out_when_every_note_is_tagged() -> None:
    groups = group_notes(_walk(), [NOTES[0]], GroupBy.LOOK_FOR, TEXTS)
    assert [g.title for g in groups] == ["Student talk", "Open questions", "Wait time"]


def test_filter_keeps_totals_and_drops_groups_it_empties() -> None:
    groups = group_notes(_walk(), NOTES, GroupBy.LOOK_FOR, TEXTS, query="PAIRS compared")
    assert _summary(groups) == [("Student talk", 2, ["n1"]), ("Open questions", 3, ["n1"])]
    # Look-for names and visit labels are searchable too.
    by_tag = group_notes(_walk(), NOTES, GroupBy.STEM, TEXTS, query="open questions")
    assert {c.note_id for g in by_tag for c in g.cards} == {"n1", "n4", "n5"}
    by_visit = group_notes(_walk(), NOTES, GroupBy.STEM, TEXTS, query="visit 2")
    assert {c.note_id for g in by_visit for c in g.cards} == {"n2", "n3"}


def test_authors_are_hidden_by_default_and_not_searchable_then() -> None:
    hidden = group_notes(_walk(), NOTES, GroupBy.STEM, TEXTS)
    assert all(c.author == "" and "Amira" not in c.meta for g in hidden for c in g.cards)
    assert group_notes(_walk(), NOTES, GroupBy.STEM, TEXTS, query="Amira") == []
    shown = group_notes(_walk(), NOTES, GroupBy.STEM, TEXTS, show_authors=True)
    authors = {c.note_id: c.author for g in shown for c in g.cards}
    assert authors["n1"] == "Amira" and authors["n2"] == "Ben"
    found = group_notes(_walk(), NOTES, GroupBy.STEM, TEXTS, query="ben", show_authors=True)
    assert {c.note_id for g in found for c in g.cards} == {"n2", "n4"}


def test_unknown_author_tag_and_visit_do_not_break_the_wall() -> None:
    odd = [_note(1, author="gone", visit="deleted-visit", tags=("deleted-tag",))]
    assert _summary(group_notes(_walk(), odd, GroupBy.LOOK_FOR, TEXTS))[-1] == (
        "Untagged", 1, ["n1"])
    assert _summary(group_notes(_walk(), odd, GroupBy.VISIT, TEXTS))[-1] == (
        "No visit", 1, ["n1"])
    shown = group_notes(_walk(), odd, GroupBy.STEM, TEXTS, show_authors=True)
    assert shown[0].cards[0].author == "Unknown"


def test_a_huge_note_is_shortened_on_the_wall() -> None:
    groups = group_notes(_walk(), [_note(1, text="x" * 20_000)], GroupBy.STEM, TEXTS)
    text = groups[0].cards[0].text
    assert len(text) < 1300 and text.endswith("…")


notes_strategy = st.lists(
    st.tuples(st.sampled_from(["w1", "w2", None]), st.sampled_from(["v1", "v2", "v3", None]),
              st.sampled_from(list(d.Stem)),
              st.lists(st.sampled_from(["talk", "questions", "wait"]), unique=True,
                       max_size=3),
              st.text(max_size=30)),
    max_size=40)


@given(notes_strategy)
def test_counts_add_up_in_every_mode(rows: list) -> None:
    notes = [_note(i, author=a, visit=v, stem=s, tags=tuple(t), text=x or "n")
             for i, (a, v, s, t, x) in enumerate(rows)]
    walk = _walk()
    for mode in (GroupBy.STEM, GroupBy.VISIT):
        groups = group_notes(walk, notes, mode, TEXTS)
        assert sum(g.total for g in groups) == len(notes)
        assert sorted(c.note_id for g in groups for c in g.cards) == sorted(
            n.id for n in notes)
    groups = group_notes(walk, notes, GroupBy.LOOK_FOR, TEXTS)
    assert sum(g.total for g in groups) == sum(max(1, len(n.look_for_ids)) for n in notes)
    assert all(g.total == g.shown for g in groups)


def test_set_aside_notes_are_shown_apart_and_states_are_marked_in_every_mode() -> None:
    from walkapp.note_states import NoteState, NoteStatus
    from walkapp.ui.models.evidence import SET_ASIDE_KEY

    notes = [_note(1, tags=("talk",)), _note(2, tags=("talk",)), _note(3, visit="v2"),
             _note(4, visit=None)]
    statuses = {"n1": NoteStatus(NoteState.SET_ASIDE), "n2": NoteStatus(NoteState.FLAGGED),
                "n3": NoteStatus(NoteState.KEPT), "n4": NoteStatus(NoteState.IN_RECORD)}
    for mode in GroupBy:
        groups = group_notes(_walk(), notes, mode, TEXTS, statuses=statuses)
        placed = {c.note_id: g.key for g in groups for c in g.cards}
        assert placed["n1"] == SET_ASIDE_KEY and groups[-1].key == SET_ASIDE_KEY
        assert all(placed[n] != SET_ASIDE_KEY for n in ("n2", "n3", "n4"))
        marks = {c.note_id: c.mark for g in groups for c in g.cards}
        assert marks == {"n1": "Set aside", "n2": "Flagged", "n3": "Kept", "n4": ""}
    # Nothing set aside: no such group at all; a filter hides it when it matches nothing.
    assert SET_ASIDE_KEY not in {g.key for g in group_notes(_walk(), notes, GroupBy.STEM,
                                                            TEXTS)}
    filtered = group_notes(_walk(), notes, GroupBy.STEM, TEXTS, statuses=statuses,
                           query="note 2")
    assert SET_ASIDE_KEY not in {g.key for g in filtered}
