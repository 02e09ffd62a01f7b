"""Fixtures shared by several core test files (defined in tests/helpers)."""

from tests.helpers.one_walk import changes, walk

__all__ = ["changes", "walk"]
