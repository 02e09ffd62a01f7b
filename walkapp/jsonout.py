"""Plain JSON for domain objects (dataclasses, enums, dates), for `--json` output."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, datetime
from enum import Enum
from typing import Any


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    return value


# Characters json.dumps(ensure_ascii=False) leaves as they are but a terminal acts on: DEL,
# the C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators and lone
# surrogates (it escapes the C0 controls itself). The same set as walkapp.cli.terminal.
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """JSON for people and programs alike: non-ASCII text stays readable, and anything a
    terminal would act on is written as a \\uXXXX escape (it can only occur inside a
    string, where the escape means the very same character)."""
    text = json.dumps(to_jsonable(value), ensure_ascii=False, indent=indent)
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
