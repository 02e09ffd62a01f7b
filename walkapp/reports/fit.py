"""When a page cannot be made: a message that names the field to shorten.

Long text splits across pages (see `blocks.table`), so a layout failure should be rare; but
a ReportLab `LayoutError` ("Flowable <Table@0x…> too large…") means nothing to a coach. Blocks
that print a user's field carry its name (`tag`); the document template below catches the
failure, looks for the name in the flowable that did not fit (and in what it holds), and
raises a `WalkappError` that says which text to shorten.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from reportlab.platypus import BaseDocTemplate, Flowable
from reportlab.platypus.doctemplate import LayoutError

from walkapp.errors import WalkappError
from walkapp.formatting import tr

F = TypeVar("F", bound=Flowable)

_FIELD = "_walkapp_field"


class PageTooSmallError(WalkappError):
    """Some text could not be laid out on any page; the message names the field."""

    def __init__(self, field: str | None, excerpt: str = "") -> None:
        if field:
            what = field
        elif excerpt:
            what = tr("the text beginning “{excerpt}”").format(excerpt=excerpt)
        else:
            what = tr("the longest text in this report")
        super().__init__(tr("This report cannot be laid out: {what} does not fit on a page. "
                            "Shorten {what} (or split it into several parts) and export "
                            "again.").format(what=what))
        self.field = field
        self.excerpt = excerpt

    def __reduce__(self) -> tuple[type[PageTooSmallError], tuple[str | None, str]]:
        # The desktop app renders in a child process: the error crosses back pickled.
        return (PageTooSmallError, (self.field, self.excerpt))


def tag(flowable: F, field: str | None) -> F:
    """Remember which user field `flowable` prints ("the action item", "the walk's focus")."""
    if field:
        setattr(flowable, _FIELD, field)
    return flowable


def _inside(flowable: Any, depth: int = 0) -> Iterator[Any]:
    """`flowable` and what it holds: table cells, kept groups, list items."""
    yield flowable
    if depth > 6:
        return
    children: list[Any] = []
    # A table's repeated header is ours ("Action", "Owner"), never the text to shorten.
    head = getattr(flowable, "repeatRows", 0)
    rows = getattr(flowable, "_cellvalues", None) or []
    for row in rows[head if isinstance(head, int) else 0:]:
        for value in row:
            children.extend(value if isinstance(value, list | tuple) else [value])
    for name in ("_content", "_flowables"):
        held = getattr(flowable, name, None)
        if isinstance(held, list | tuple):
            children.extend(held)
    for child in children:
        yield from _inside(child, depth + 1)


def _tallest_first(flowable: Any) -> list[Any]:
    """What `flowable` holds, the tallest part first: the text most likely to be too long
    (a part knows its height once the table around it has been measured)."""
    parts = list(_inside(flowable))
    return sorted(parts, key=lambda part: -float(getattr(part, "height", 0) or 0))


def field_of(flowable: Any) -> str | None:
    for part in _tallest_first(flowable):
        field = getattr(part, _FIELD, None)
        if field:
            return str(field)
    return None


def excerpt_of(flowable: Any) -> str:
    for part in _tallest_first(flowable):
        plain = getattr(part, "getPlainText", None)
        words = " ".join((plain() if callable(plain) else "").split())
        if words:
            return words[:40] + ("…" if len(words) > 40 else "")
    return ""


class FittingDocTemplate(BaseDocTemplate):
    """A document template whose layout failures become a user-facing message."""

    def handle_flowable(self, flowables: list[Any]) -> None:
        current = flowables[0] if flowables else None
        try:
            super().handle_flowable(flowables)
        except LayoutError:
            raise PageTooSmallError(field_of(current), excerpt_of(current)) from None
