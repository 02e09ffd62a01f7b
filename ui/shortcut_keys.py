"""The keys the pages define (beyond the menus'): one list, read by the pages that bind
them and by the keyboard-shortcuts sheet (walkapp.ui.help_shortcuts), so the sheet cannot
drift from what the keys do. The menus' shortcuts are read off the menu bar itself.

Plain data, no Qt: the keys are portable QKeySequence strings ("Ctrl+PgDown"). The words
are marked for lupdate (context "Keys") and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for the catalogue (pyside6-lupdate reads the name); nothing at run time."""
    return text


# Where the keys work: the sheet's headings, in its order. A walker's laptop has only the
# note-taker's (walkapp.ui.walker_mode).
OBSERVATION = QT_TRANSLATE_NOOP("Keys", "Taking notes (Observation, and a walker's notes)")
WALKER_PLACES = frozenset({OBSERVATION})
BRIEFS = QT_TRANSLATE_NOOP("Keys", "Pre-brief and post-brief")
EVIDENCE = QT_TRANSLATE_NOOP("Keys", "Evidence wall")
PLAN = QT_TRANSLATE_NOOP("Keys", "Plan")


@dataclass(frozen=True)
class PageKeys:
    what: str                 # what the keys do, in the users' words (translated on show)
    keys: tuple[str, ...]     # each a key sequence that does it
    where: str                # one of the headings above
    # A run of keys shown as one ("Ctrl+1 … Ctrl+9": the first stem, the second…).
    run: bool = False


NEXT_VISIT = PageKeys(QT_TRANSLATE_NOOP("Keys", "Next visit"),
                      ("Ctrl+PgDown", "Alt+Right"), OBSERVATION)
PREVIOUS_VISIT = PageKeys(QT_TRANSLATE_NOOP("Keys", "Previous visit"),
                          ("Ctrl+PgUp", "Alt+Left"), OBSERVATION)
VISIT_TIMER = PageKeys(QT_TRANSLATE_NOOP("Keys", "Start or pause the visit countdown"),
                       ("Ctrl+T",), OBSERVATION)
NEW_NOTE = PageKeys(QT_TRANSLATE_NOOP("Keys", "Keep this note and start the next one"),
                    ("Ctrl+Return", "Ctrl+Enter"), OBSERVATION)
STEMS = PageKeys(QT_TRANSLATE_NOOP(
    "Keys", "Choose a stem (I noticed, I wonder, …), in the protocol's order"),
    tuple(f"Ctrl+{n}" for n in range(1, 10)), OBSERVATION, run=True)
LOOK_FORS = PageKeys(QT_TRANSLATE_NOOP("Keys", "Tag or untag a look-for, by its number"),
                     tuple(f"Alt+{n}" for n in range(1, 10)), OBSERVATION, run=True)
# A protocol's tallies bring keys of their own (shown on each tally's button).
TALLIES = PageKeys(QT_TRANSLATE_NOOP(
    "Keys", "Add one to a tally, or start or stop its timer: the key on its button"),
    (), OBSERVATION)
NEXT_TURN = PageKeys(QT_TRANSLATE_NOOP(
    "Keys", "Next turn (a step where each walker speaks in turn)"),
    ("Ctrl+Shift+Right",), BRIEFS)
BACK_TO_RUNNING = PageKeys(QT_TRANSLATE_NOOP(
    "Keys", "Back to the running step, from a step you look ahead at"), ("Esc",), BRIEFS)
SAVE_REWRITE = PageKeys(QT_TRANSLATE_NOOP("Keys", "Save a note's rewrite"),
                        ("Ctrl+Return", "Ctrl+Enter"), EVIDENCE)
PUT_IN_GROUP = PageKeys(QT_TRANSLATE_NOOP(
    "Keys", "Put the selected walkers in a group (Roster and groups)"), ("Ctrl+G",), PLAN)

PAGE_KEYS: tuple[PageKeys, ...] = (
    NEXT_VISIT, PREVIOUS_VISIT, VISIT_TIMER, NEW_NOTE, STEMS, LOOK_FORS, TALLIES,
    NEXT_TURN, BACK_TO_RUNNING, SAVE_REWRITE, PUT_IN_GROUP,
)
