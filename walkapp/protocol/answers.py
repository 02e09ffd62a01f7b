"""Check an answer against the prompt that asked for it (text, list, choice, 1–5, checklist).

The answer is returned in a normal form ready to be stored as JSON: lists without blank
lines, a checklist in the order of its options. Anything else is a ValidationError that
says what the prompt expects.
"""

from __future__ import annotations

from typing import Any

from walkapp.errors import ValidationError
from walkapp.protocol.schema import RATING_MAX, RATING_MIN, Prompt, PromptKind

MAX_ANSWER_CHARS = 20_000
MAX_LIST_ITEMS = 200

Answer = str | int | list[str]


def check_answer(prompt: Prompt, value: Any) -> Answer:
    kind = prompt.kind
    if kind is PromptKind.TEXT:
        if not isinstance(value, str):
            raise ValidationError(f"“{prompt.text}” takes text.")
        if len(value) > MAX_ANSWER_CHARS:
            raise ValidationError(f"The answer is {len(value):,} characters long; the limit is "
                                  f"{MAX_ANSWER_CHARS:,}. Shorten it.")
        return value
    if kind is PromptKind.RATING:
        if isinstance(value, bool) or not isinstance(value, int) \
                or not RATING_MIN <= value <= RATING_MAX:
            raise ValidationError(f"“{prompt.text}” takes a rating from {RATING_MIN} to "
                                  f"{RATING_MAX}.")
        return value
    if kind is PromptKind.CHOICE:
        if value not in prompt.options:
            raise ValidationError(f"“{prompt.text}” takes one of: {', '.join(prompt.options)}.")
        return str(value)
    items = _strings(prompt, value)
    if kind is PromptKind.LIST:
        cleaned = [item.strip() for item in items if item.strip()]
        if sum(len(item) for item in cleaned) > MAX_ANSWER_CHARS:
            raise ValidationError(f"The list is longer than {MAX_ANSWER_CHARS:,} characters. "
                                  "Shorten it.")
        return cleaned
    unknown = [item for item in items if item not in prompt.options]
    if unknown:
        raise ValidationError(f"“{unknown[0]}” is not an item of “{prompt.text}”.")
    return [option for option in prompt.options if option in items]


def _strings(prompt: Prompt, value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValidationError(f"“{prompt.text}” takes a list of texts.")
    if len(value) > MAX_LIST_ITEMS:
        raise ValidationError(f"The list has {len(value)} items; the limit is "
                              f"{MAX_LIST_ITEMS}.")
    return list(value)
