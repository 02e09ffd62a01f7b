"""A calendar file (.ics, RFC 5545) of open action items' due dates, for the facilitator's
own calendar: one all-day event per open action item with a due date.

Events (VEVENT), not to-dos (VTODO): the common calendar programs show an all-day event,
while several of them drop to-dos on import. Each event's UID is the action item's id, so
importing a newer file moves an item's event to its new date instead of adding a second
one (DTSTAMP says which file is newer). Text is escaped (backslash, semicolon, comma,
newlines) and every line is folded at 75 octets without splitting a character; lines end
in CRLF. The file holds what the action-item tracker shows — the item, its owner, its
walk — and nothing of the visits: no room, grade, subject or teacher.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from walkapp import __version__
from walkapp import formatting as fmt
from walkapp.bundles.archive import write_atomically
from walkapp.services.reminders import DueItem

EXTENSION = ".ics"
MEDIA_TYPE = "text/calendar"
LINE_OCTETS = 75
# Control characters other than the newline, which is escaped: not allowed in TEXT.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): \\ ; , escaped, newlines as \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub(" ", text)
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """One content line folded at 75 octets (3.1): CRLF and a space before each part
    after the first; a UTF-8 character is never split."""
    parts: list[str] = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
            limit = LINE_OCTETS - 1  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(item: DueItem, stamp: str) -> list[str]:
    summary = fmt.tr("Action item: {text}").format(text=item.text)
    lines = [fmt.tr("From the walk “{walk}” ({date}).").format(
        walk=item.walk_title, date=fmt.short_date(item.walk_date))]
    if item.owner_name.strip():
        lines.insert(0, fmt.tr("Owner: {owner}").format(owner=item.owner_name.strip()))
    return [
        "BEGIN:VEVENT",
        f"UID:{item.id}@walkapp",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(item.due_date)}",
        f"DTEND;VALUE=DATE:{_day(item.due_date + timedelta(days=1))}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(chr(10).join(lines))}",
        "TRANSP:TRANSPARENT",   # a reminder, not a meeting: it never shows as busy
        "CATEGORIES:" + escape_text(fmt.tr("Learning walks")),
        "END:VEVENT",
    ]


def calendar_text(items: Iterable[DueItem], now: datetime) -> str:
    """The calendar, as text with CRLF line ends (write it as UTF-8)."""
    stamp = _stamp(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//walkapp//walkapp {__version__}//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:" + escape_text(fmt.tr("Action items"))]
    for item in items:
        lines.extend(_event(item, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def calendar_bytes(items: Iterable[DueItem], now: datetime) -> bytes:
    return calendar_text(items, now).encode("utf-8")


def write_calendar(path: Path | str, items: Iterable[DueItem], now: datetime) -> Path:
    """Write the calendar file atomically (0600: it names owners and walks)."""
    return write_atomically(Path(path), calendar_bytes(items, now))
