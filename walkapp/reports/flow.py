"""Keeping a heading with the start of what it introduces, whatever that is.

A `KeepTogether` of a heading and a whole table pushes a long table to the next page and
leaves a gap; `CondPageBreak(28 mm)` leaves a heading alone when the first row or item is
taller than 28 mm. `NeedRoom` measures instead: the headings plus the part of the first
flowable that cannot be split off (a table's header and first row, a paragraph's first two
lines, a kept group whole), and breaks the page only when that does not fit.

A short table (`ShortTable`, at most SHORT of the page's frame tall) is not split at a page
foot, where it would leave a row or two behind: it moves whole to the next page, and its
heading with it. A longer table still splits by rows, and inside a row when it must.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

# Never ask for more than this: a first block taller than most of a page starts where it
# is (it splits), rather than leaving most of a page blank.
_MOST = 150 * mm
_SPLITTABLE_START = 30 * mm  # a list or other splittable block: room for its start
SHORT = 0.4  # a table at most this share of the frame's height moves whole, never splits


def _frame_height(flowable: Flowable) -> float:
    """The height of the frame `flowable` is being laid out in (0 when not known)."""
    frame = getattr(flowable, "_frame", None)
    return float(getattr(frame, "_height", 0) or 0)


class ShortTable(Table):
    """A table that splits across pages only when it is long (see the module docstring)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", True))
        if not at_top and is_short(self, _frame_height(self)):
            return []   # nothing here: the whole table goes to the next page
        return list(super().split(availWidth, availHeight))


def is_short(table: Table, frame_height: float) -> bool:
    """Whether `table` (wrapped) is short enough to move whole rather than split."""
    height = float(getattr(table, "_height", 0) or 0)
    return isinstance(table, ShortTable) and 0 < height <= SHORT * frame_height


class BreakAfterPageOne(CondPageBreak):
    """A page break only while the story is still on page 1: the debrief's appendix starts
    on a page of its own when what the group learned fits on page 1, and goes on under it
    when that spilled onto page 2 (rather than leave page 2 nearly empty)."""

    def __init__(self) -> None:
        super().__init__(0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        page = getattr(getattr(self, "_doctemplate", None), "page", 1) or 1
        self.height = availHeight + 1 if page == 1 else 0
        return super().wrap(availWidth, availHeight)


class NeedRoom(CondPageBreak):
    """Break the page unless `heads` and the start of `first` fit where we are."""

    def __init__(self, heads: Sequence[Flowable], first: Flowable | None) -> None:
        super().__init__(0)
        self._heads = list(heads)
        self._first = first

    def __repr__(self) -> str:
        return f"NeedRoom({len(self._heads)} heads)"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        canv = getattr(self, "canv", None)
        need = sum(_height(h, canv, availWidth, availHeight) for h in self._heads)
        if self._first is not None:
            need += _start(self._first, canv, availWidth, availHeight,
                           _frame_height(self))
        self.height = min(need, _MOST)
        return super().wrap(availWidth, availHeight)


def _height(flowable: Flowable, canv: Any, width: float, height: float) -> float:
    _, h = flowable.wrapOn(canv, width, height)
    return float(h) + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _start(flowable: Flowable, canv: Any, width: float, height: float,
           frame_height: float = 0) -> float:
    """The height of the part of `flowable` that must sit under its heading: a short
    table's whole height (it moves whole)."""
    if isinstance(flowable, KeepTogether):
        parts: list[Flowable] = getattr(flowable, "_content", [])
        return float(sum(_height(f, canv, width, height) for f in parts))
    if isinstance(flowable, Paragraph):
        full = _height(flowable, canv, width, height)
        return min(full, 2 * flowable.style.leading + flowable.getSpaceBefore() + 1)
    if isinstance(flowable, Table):
        flowable.wrapOn(canv, width, height)
        if is_short(flowable, frame_height):
            return float(getattr(flowable, "_height", 0)) + flowable.getSpaceBefore()
        rows = getattr(flowable, "_rowHeights", [])[:2]  # the (repeated) header and the first row
        return float(sum(rows)) + flowable.getSpaceBefore()
    return min(_height(flowable, canv, width, height), _SPLITTABLE_START)


def lead(heads: Sequence[Flowable], body: Sequence[Flowable]) -> list[Flowable]:
    """`heads` then `body`, never with the heads alone at a page foot. A body that starts
    with its own heads (a section whose first block is a sub-heading) is measured as one:
    every heading down to the first real block."""
    if body and isinstance(body[0], NeedRoom):
        inner = body[0]
        return [NeedRoom([*heads, *inner._heads], inner._first), *heads, *body[1:]]
    return [NeedRoom(heads, body[0] if body else None), *heads, *body]
