"""Paper sizes, and which one a computer's locale expects (kept free of ReportLab so the
CLI and the export dialog can offer the choice without loading the PDF machinery)."""

from __future__ import annotations

import contextlib
import locale
import os
import re
import sys
from collections.abc import Mapping
from enum import StrEnum

_POINTS_PER_MM = 72 / 25.4


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in points."""
        if self is Paper.LETTER:
            return (612.0, 792.0)
        return (210 * _POINTS_PER_MM, 297 * _POINTS_PER_MM)

    @property
    def label(self) -> str:
        """The size as people call it, in the language in force."""
        from walkapp.formatting import tr

        return tr("US Letter") if self is Paper.LETTER else "A4"


# Countries whose printers load US Letter by default; everywhere else uses A4.
_LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA",
                                 "PR", "SV", "DO", "NI", "BZ"})
_LETTER_NAMES = ("united states", "canada", "mexico", "philippines", "chile", "colombia",
                 "venezuela", "costa rica", "guatemala", "panama", "puerto rico",
                 "el salvador", "dominican republic", "nicaragua", "belize")


def default_paper(environ: Mapping[str, str] | None = None) -> Paper:
    """Letter where the locale's country prints on Letter (US, Canada, Mexico, the
    Philippines…), A4 everywhere else, and wherever no country is named.

    The locale is LC_ALL, then LC_PAPER (the paper setting of its own), then the one walkapp
    speaks (walkapp.formatting: its own setting, LC_MESSAGES, LANG). `environ` (for tests)
    is read instead of the process's environment and walkapp's setting. Only where no
    variable is set at all (Windows) is the operating system asked: Python reads "C.UTF-8"
    and an empty environment as en_US, which would put a British school on Letter."""
    if environ is None:
        from walkapp import formatting

        env: Mapping[str, str] = os.environ
        spoken = [formatting.chosen_locale() or ""]
    else:
        env, spoken = environ, []
    candidates = [env.get("LC_ALL", ""), env.get("LC_PAPER", ""), *spoken,
                  env.get("LC_MESSAGES", ""), env.get("LANG", "")]
    if environ is None and sys.platform == "win32" and not any(candidates):
        with contextlib.suppress(ValueError):
            candidates.append(locale.getlocale()[0] or "")
    for value in candidates:
        if not value:
            continue
        if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
            return Paper.A4  # "no particular country"
        return Paper.LETTER if _is_letter_locale(value) else Paper.A4
    return Paper.A4


def _is_letter_locale(value: str) -> bool:
    match = re.match(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})(?![A-Za-z])", value)
    if match:
        return match.group(1).upper() in _LETTER_TERRITORIES
    lowered = value.casefold()  # Windows style: "English_United States.1252"
    return any(name in lowered for name in _LETTER_NAMES)


def parse_paper(value: str | Paper | None) -> Paper | None:
    """"a4", "A4", "letter", "Letter" → Paper; None or "" → None (use the default)."""
    if value is None or value == "":
        return None
    if isinstance(value, Paper):
        return value
    try:
        return Paper(value.strip().casefold())
    except ValueError:
        from walkapp.errors import ValidationError
        from walkapp.formatting import tr

        raise ValidationError(tr("Paper size {value!r} is not one of: a4, letter.").format(
            value=value)) from None
