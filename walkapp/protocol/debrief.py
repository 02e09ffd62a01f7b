"""The post-brief's debrief sequence a walk runs: the protocol's `[[debrief_sequence]]`, or
walkapp's usual four stages when the protocol gives none.

The one place the usual stages are written (the Patterns panel and the papers read them
from here). A stage's title defaults to its kind's label in the loader itself.
"""

from __future__ import annotations

from walkapp.domain import PATTERN_LABELS, PatternKind
from walkapp.protocol.schema import DebriefStage, Protocol

DEFAULT_DEBRIEF: tuple[DebriefStage, ...] = (
    DebriefStage(PatternKind.DESCRIBE, PATTERN_LABELS[PatternKind.DESCRIBE],
                 "What did we see and hear across the rooms? Only what a camera could have "
                 "recorded."),
    DebriefStage(PatternKind.ANALYSE, PATTERN_LABELS[PatternKind.ANALYSE],
                 "What connects the evidence? Which patterns go together, and why might "
                 "that be?"),
    DebriefStage(PatternKind.PREDICT, PATTERN_LABELS[PatternKind.PREDICT],
                 "If students did everything asked of them in these rooms, what would they "
                 "learn to do?"),
    DebriefStage(PatternKind.NEXT_LEVEL, PATTERN_LABELS[PatternKind.NEXT_LEVEL],
                 "What do we — walkers and school — need to learn or try next?"),
)


def debrief_stages(protocol: Protocol) -> tuple[DebriefStage, ...]:
    """The stages in the order the group talks through them."""
    return protocol.debrief_sequence or DEFAULT_DEBRIEF
