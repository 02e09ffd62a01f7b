"""The post-brief's debrief sequence a walk runs: the protocol's `[[debrief_sequence]]`, or
walkapp's usual four stages when the protocol gives none.

The usual stages are written once, in walkapp.protocol.schema (`DEFAULT_DEBRIEF`, read
through `Protocol.debrief_stages()` by the Patterns panel and the papers).
"""

from __future__ import annotations

from walkapp.protocol.schema import DEFAULT_DEBRIEF, DebriefStage, Protocol

__all__ = ["DEFAULT_DEBRIEF", "debrief_stages"]


def debrief_stages(protocol: Protocol) -> tuple[DebriefStage, ...]:
    """The stages in the order the group talks through them."""
    return protocol.debrief_stages()
