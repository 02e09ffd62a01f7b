"""What the facilitator and the group wrote for the debrief's first page, read once more by
the nudge before the debrief leaves the laptop.

Notes the nudge flags are held back from records (walkapp.note_states); the lines the group
wrote together at the post-brief (the focus, patterns, next steps, commitments, action
items) are the group's own decision and are printed as written. They were nudged while
they were typed, but a line can be kept in spite of the underline, or arrive from a
walker's laptop. So the export says which of them may still judge someone or name a
person, and the facilitator rereads them before sharing. Core only; no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from walkapp import domain as d
from walkapp.formatting import tr

# What a line is checked with: (text, language) → flag kinds; the real nudge when None.
Checker = Callable[[str, str], Sequence[str]]

QUOTE_LIMIT = 60  # characters of the first flagged line quoted in the message


def _nudge(text: str, lang: str) -> Sequence[str]:
    from walkapp import nudge

    return [flag.kind for flag in nudge.check(text, lang)]


def debrief_lines(record: d.WalkRecord) -> Iterable[tuple[str, str]]:
    """(section, text) for every line of the group's own writing the debrief prints."""
    walk = record.walk
    if walk.focus.strip():
        yield tr("focus"), walk.focus
    for section, texts in ((tr("patterns"), (p.text for p in record.patterns)),
                           (tr("next steps"), (s.text for s in record.next_steps)),
                           (tr("commitments"), (c.text for c in record.commitments)),
                           (tr("action items"), (a.text for a in record.action_items))):
        for text in texts:
            if text.strip():
                yield section, text


def _quote(text: str) -> str:
    line = " ".join(text.split())
    if len(line) <= QUOTE_LIMIT:
        return line
    cut = line[:QUOTE_LIMIT].rsplit(" ", 1)[0] or line[:QUOTE_LIMIT]
    return cut + "…"


def wording_warning(record: d.WalkRecord, check: Checker | None = None) -> str:
    """"2 lines the group wrote may judge someone or name a person (patterns 1, next steps
    1), e.g. “…”: reread them before you share the debrief.", or "" when none may."""
    from walkapp import formatting as fmt

    judge = check or _nudge
    lang = record.walk.language or "en"
    counts: dict[str, int] = {}
    first = ""
    kinds: set[str] = set()
    for section, text in debrief_lines(record):
        found = set(judge(text, lang))
        if not found:
            continue
        kinds |= found
        counts[section] = counts.get(section, 0) + 1
        first = first or text
    if not counts:
        return ""
    total = sum(counts.values())
    where = ", ".join(f"{section} {fmt.number(count)}" for section, count in counts.items())
    if frozenset(kinds) == {"name"}:
        said = fmt.plural(total, "{n} line the group wrote may name a person ({where}), e.g. "
                          "“{quote}”: reread it before you share the debrief.",
                          "{n} lines the group wrote may name a person ({where}), e.g. "
                          "“{quote}”: reread them before you share the debrief.")
    elif frozenset(kinds) == {"evaluative"}:
        said = fmt.plural(total, "{n} line the group wrote may judge someone ({where}), "
                          "e.g. “{quote}”: reread it before you share the debrief.",
                          "{n} lines the group wrote may judge someone ({where}), e.g. "
                          "“{quote}”: reread them before you share the debrief.")
    else:
        said = fmt.plural(total, "{n} line the group wrote may judge someone or name a "
                          "person ({where}), e.g. “{quote}”: reread it before you share "
                          "the debrief.",
                          "{n} lines the group wrote may judge someone or name a person "
                          "({where}), e.g. “{quote}”: reread them before you share the "
                          "debrief.")
    return said.format(where=where, quote=_quote(first))
