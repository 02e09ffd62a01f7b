"""What a walker does on their own laptop: the one list walker mode follows.

A walk opened in walker mode (`Walk.local_mode == "walker"`, set by opening a walk kit) is
the walker's: they read the walk, write notes in each visit and reflections, hand their
notes file back, open a newer kit, and may print a blank note-catcher or their own growth
journal. Nothing else of the facilitator's work is offered (new walks, protocols, notes
imports, kits, debriefs and other reports, the Trash of the laptop's other walks).

`WALKER_TASKS` is that list, in the order a walker meets it. The walker home builds its
sections from it, and the main window's menus show, while a walker's walk is open, only
the actions named here and the window's own (`WINDOW_ACTIONS`: close, find, quit, and
Help's guide, keyboard shortcuts and about):
any other action — one added later included — is hidden and cannot be triggered.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WalkerTask:
    key: str
    label: str                 # in the walker's words (translated where it is shown)
    section: str | None = None  # the walker home's section that does it
    action: str | None = None   # the main window's action (an attribute name) that does it
    report: str | None = None   # the report kind it prints (walkapp.reports.ReportKind value)


WALKER_TASKS: tuple[WalkerTask, ...] = (
    WalkerTask("walk", "Read the walk: its focus, norms, look-fors, visits and steps",
               section="walk"),
    WalkerTask("notes", "Write notes in each visit", section="notes"),
    WalkerTask("undo", "Undo and redo what they wrote", action="undo_action"),
    WalkerTask("redo", "Redo what they undid", action="redo_action"),
    WalkerTask("reflections", "Write reflections", section="reflections"),
    WalkerTask("notes_file", "Save the notes file for the facilitator",
               action="save_notes_action"),
    WalkerTask("open_kit", "Open a walk kit (a newer one, or another walk's)",
               action="open_kit_action"),
    WalkerTask("note_catcher", "Print a blank note-catcher", report="notecatcher"),
    WalkerTask("journal", "Print my growth journal", report="journal"),
)

# The key of the walker's one page of the walk (walkapp.ui.composition.walker_pages): a
# workspace made of it is a walker's walk, in walker mode.
WALKER_PAGE = "walker"

# The window's own actions, for a walker as for anyone: not part of the walk's work.
WINDOW_ACTIONS: tuple[str, ...] = ("close_walk_action", "find_action", "library_action",
                                   "quit_action", "guide_action", "shortcuts_action",
                                   "about_action")


def walker_sections() -> tuple[str, ...]:
    """The walker home's sections, in order."""
    return tuple(t.section for t in WALKER_TASKS if t.section is not None)


def walker_actions() -> frozenset[str]:
    """The main window's actions (attribute names) shown in walker mode."""
    return frozenset(t.action for t in WALKER_TASKS if t.action is not None) \
        | frozenset(WINDOW_ACTIONS)


def walker_reports() -> frozenset[str]:
    """The report kinds (ReportKind values) a walker prints."""
    return frozenset(t.report for t in WALKER_TASKS if t.report is not None)
