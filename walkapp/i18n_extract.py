"""Babel extractors for walkapp's gettext catalogue (resources/translations/walkapp.pot).

The core marks its text with `walkapp.formatting.tr`, `N_` and `plural(count, one,
other)`; Babel's own Python extractor reads those (keywords in babel.cfg's command). The
Qt layer translates its own text with `self.tr` (Qt Linguist, walkapp_es.ts), but its
counted phrases go through `formatting.plural`, i.e. through gettext: `plurals_only`
reads only those calls from ui/, so that its `self.tr(...)` never lands in this catalogue.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python

# What `plural(count, one, other)` takes: its message ids are the 2nd and 3rd arguments.
PLURAL_KEYWORDS: Mapping[str, Any] = {"plural": (2, 3)}


def plurals_only(fileobj: IO[bytes], keywords: Mapping[str, Any],
                 comment_tags: Collection[str], options: Any) -> Iterator[Any]:
    """Babel's Python extractor with the `plural` keyword alone (for ui/)."""
    del keywords  # the command's keywords include tr, which in ui/ is Qt's self.tr
    yield from extract_python(fileobj, PLURAL_KEYWORDS, comment_tags, options)
