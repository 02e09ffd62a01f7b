"""The page contract: what every page of an open walk, every step body and every panel does.

The main window talks to an open walk only through these four methods, and every container
(the walk's workspace, the step guide, the plan page, the post-brief workspace) passes them
on to the children it made, by name, never by looking for a method with `getattr`:

- `on_change(change)`: a committed change (walkapp.events.Change). Each container hands it
  to each of its children exactly once; the main window's bridge is connected to the root
  only, so no page hears an event twice.
- `save_pending() -> bool`: commit now whatever is typed and not yet saved. True only when
  everything typed on the page is in the database; False when a save failed or text still
  waits in a box to be added. It never asks anything.
- `can_close() -> bool`: the page's own question before it closes. False only when the page
  asked and the user chose to stay. Most pages have no question of their own (the default
  says True); the workspace then asks one question for the whole walk when
  `save_pending()` is False.
- `shutdown()`: the walk is closing (the database is still open): save what is typed, stop
  every timer, drop late results, ignore changes from now on. Calling it twice is harmless.

A page is also the origin of the changes its own saves cause: it makes them inside
`self.acting()` (or, for a save that runs on a worker thread, inside `stamped(self, job)`),
so each change comes back with `change.is_from(page)` true and the page knows it already
shows it, without keeping lists of the ids it saved.

`Stoppable` is the part of the contract that widgets holding timers, savers or background
loads share (`shutdown()` only); `walkapp.ui.lifecycle.shutdown_tree` stops exactly the
objects that are `Stoppable`. A subclass that forgets a method of the contract fails when
its class is defined, not when the walk closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any, ClassVar, TypeVar

from walkapp.events import Change, acting_for

T = TypeVar("T")


class Stoppable:
    """An object with timers, a saver or background loads: `shutdown()` stops it for good."""

    _contract: ClassVar[tuple[str, ...]] = ("shutdown",)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__module__ == __name__:
            return  # the contract itself
        # Checked once, when the class is made: each method of the contract comes from a
        # class that implements it, not from the placeholders of the contract.
        missing = [name for name in cls._contract if getattr(cls, name) in _PLACEHOLDERS]
        if missing:
            raise TypeError(f"{cls.__qualname__} must implement {', '.join(missing)} "
                            "(walkapp.ui.page)")

    def shutdown(self) -> None:
        raise NotImplementedError


class Page(Stoppable):
    """A page, step body or panel of an open walk (see the module docstring)."""

    _contract: ClassVar[tuple[str, ...]] = ("on_change", "save_pending", "shutdown")

    def on_change(self, change: Change) -> None:
        raise NotImplementedError

    def save_pending(self) -> bool:
        raise NotImplementedError

    def can_close(self) -> bool:
        """No question of this page's own: the workspace asks when `save_pending()` is
        False."""
        return True

    def acting(self) -> AbstractContextManager[None]:
        """The page's one origin hand-off: changes published inside this block (on this
        thread) carry this page as their origin (`change.is_from(self)`)."""
        return acting_for(self)


class PanelGroup(Page):
    """A page that holds several panels and shows one at a time (the post-brief workspace):
    a step guide shows the part its step names."""

    _contract: ClassVar[tuple[str, ...]] = ("on_change", "save_pending", "shutdown",
                                            "show_panel")

    def show_panel(self, name: str) -> bool:
        raise NotImplementedError

    def prepare_panel(self, name: str) -> None:
        """Get the part for `name` ready before it is shown (the step guide calls it for
        the next step while the facilitator talks); by default there is nothing to do."""


_PLACEHOLDERS = frozenset({Stoppable.shutdown, Page.on_change, Page.save_pending,
                           PanelGroup.show_panel})


def stamped(origin: object, work: Callable[[], T]) -> Callable[[], T]:
    """`work`, made to run inside `acting_for(origin)` wherever it runs: context variables
    do not cross threads, so a save handed to a worker enters the origin itself."""
    def run() -> T:
        with acting_for(origin):
            return work()
    return run


def save_all(pages: Iterable[Page]) -> bool:
    """Ask every page to save (all of them, even after one failed); True if all did."""
    results = [page.save_pending() for page in pages]
    return all(results)


def unique(pages: Iterable[Page | None]) -> list[Page]:
    """Each page once, in order (one widget can serve several steps)."""
    seen: set[int] = set()
    out: list[Page] = []
    for page in pages:
        if page is not None and id(page) not in seen:
            seen.add(id(page))
            out.append(page)
    return out


class ShowOnlyPage(Page):
    """A page that holds nothing typed and runs nothing (a list of stems, the Reports
    page): saving has nothing to do, and changes it does not show are ignored. A page that
    shows data overrides `on_change`."""

    def on_change(self, change: Change) -> None:
        """Nothing on this page comes from the database."""

    def save_pending(self) -> bool:
        return True  # nothing is typed here

    def shutdown(self) -> None:
        """No timers, no savers, no background loads."""
