"""The guide's sections, by anchor: how a screen asks for the guide at the right place.

The guide's text is data (resources/help/guide.md, one "## Title {#anchor}" per section);
these are its anchors, so that a screen names a section without importing the guide window
(walkapp.ui.help_guide, loaded when first opened). A screen that offers "Learn more" gets a
`ShowGuide` callable in its constructor (or emits a signal the main window connects), never a
global. A test checks that every anchor here is a section of the guide.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class GuideSection(StrEnum):
    START = "start"                     # the three ways in: lead, walk with a kit, sample
    LEARNING_WALKS = "learning-walks"   # what a learning walk is and is not
    STEPS = "steps"                     # plan, pre-brief, observation, post-brief, reports
    NOTES = "notes"                     # taking notes: stems, look-fors, keys
    WALKERS_LAPTOPS = "walkers-laptops"  # kits out, notes files back
    KEPT = "kept"                       # where everything is kept; the Trash


# Opens the guide at a section (an anchor of GuideSection, or "" for its start).
ShowGuide = Callable[[str], object]
