"""Check an answer against the prompt that asked for it (text, list, choice, a rating on
the prompt's own scale, checklist).

The answer is returned in a normal form ready to be stored as JSON: lists without blank
lines, a checklist in the order of its options, a rating as its point (1 to the prompt's
`points`) or `NOT_APPLICABLE` where the prompt offers it. Anything else is a
ValidationError that says what the prompt expects.
"""

from __future__ import annotations

from typing import Any

from walkapp.errors import ValidationError
from walkapp.formatting import tr
from walkapp.protocol.ratings import NOT_APPLICABLE, is_point, scale_words
from walkapp.protocol.schema import Prompt, PromptKind

MAX_ANSWER_CHARS = 20_000
MAX_LIST_ITEMS = 200

Answer = str | int | list[str]


def check_answer(prompt: Prompt, value: Any) -> Answer:
    kind = prompt.kind
    if kind is PromptKind.TEXT:
        if not isinstance(value, str):
            raise ValidationError(tr("“{text}” takes text.").format(text=prompt.text))
        if len(value) > MAX_ANSWER_CHARS:
            raise ValidationError(tr("The answer is {value:,} characters long; the limit is "
                                     "{max_answer_chars:,}. Shorten it.").format(
                                      value=len(value), max_answer_chars=MAX_ANSWER_CHARS))
        return value
    if kind is PromptKind.RATING:
        if prompt.not_applicable and value == NOT_APPLICABLE:
            return NOT_APPLICABLE
        if not is_point(prompt, value):
            raise ValidationError(tr("“{text}” takes {prompt}.").format(
                                      text=prompt.text, prompt=scale_words(prompt)))
        return int(value)
    if kind is PromptKind.CHOICE:
        if value not in prompt.options:
            raise ValidationError(tr("“{text}” takes one of: {options}.").format(
                                      text=prompt.text, options=', '.join(prompt.options)))
        return str(value)
    items = _strings(prompt, value)
    if kind is PromptKind.LIST:
        cleaned = [item.strip() for item in items if item.strip()]
        if sum(len(item) for item in cleaned) > MAX_ANSWER_CHARS:
            raise ValidationError(tr("The list is longer than {max_answer_chars:,} characters. "
                                     "Shorten it.").format(
                                      max_answer_chars=MAX_ANSWER_CHARS))
        return cleaned
    unknown = [item for item in items if item not in prompt.options]
    if unknown:
        raise ValidationError(tr("“{unknown}” is not an item of “{text}”.").format(
                                  unknown=unknown[0], text=prompt.text))
    return [option for option in prompt.options if option in items]


def _strings(prompt: Prompt, value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValidationError(tr("“{text}” takes a list of texts.").format(text=prompt.text))
    if len(value) > MAX_LIST_ITEMS:
        raise ValidationError(tr("The list has {value} items; the limit is "
                                 "{max_list_items}.").format(
                                  value=len(value), max_list_items=MAX_LIST_ITEMS))
    return list(value)


# -- closing feedback -------------------------------------------------------------------------
# A feedback answer is stored as text, a rating and a "not applicable" flag
# (walkapp.domain.Feedback): a rating in the rating (or the flag, for "not applicable"), one
# option or free text in the text, the lines of a list or the ticked items of a checklist
# one per line. These turn an answer into that form and back, checked.
def feedback_fields(question: Prompt, value: Any) -> tuple[str, int | None, bool]:
    """(text, rating, not_applicable) to store for `value`, checked against the question."""
    checked = check_answer(question, value)
    if question.kind is PromptKind.RATING:
        if checked == NOT_APPLICABLE:
            return "", None, True
        assert isinstance(checked, int)
        return "", checked, False
    if isinstance(checked, list):
        return "\n".join(checked), None, False
    return str(checked), None, False


def feedback_value(question: Prompt, answer: str, rating: int | None,
                   not_applicable: bool = False) -> Answer:
    """The answer stored as (text, rating, not_applicable), as the question's kind holds
    it; raises ValidationError when it does not fit the question (e.g. an option not
    offered, "not applicable" where the scale has no such choice)."""
    if question.kind is PromptKind.RATING:
        if answer.strip():
            raise ValidationError(tr("“{text}” takes a rating, not text.").format(
                                      text=question.text))
        if not_applicable:
            if rating is not None:
                raise ValidationError(tr("“{text}”: an answer is a rating or “not applicable”, "
                                         "not both.").format(
                                          text=question.text))
            return check_answer(question, NOT_APPLICABLE)
        return check_answer(question, rating)
    if rating is not None or not_applicable:
        raise ValidationError(tr("“{text}” takes no rating.").format(text=question.text))
    if question.kind in (PromptKind.LIST, PromptKind.CHECKLIST):
        return check_answer(question, [line for line in answer.split("\n") if line.strip()])
    return check_answer(question, answer)


def check_feedback(question: Prompt, answer: str, rating: int | None,
                   not_applicable: bool = False) -> tuple[str, int | None, bool]:
    """A stored feedback answer checked against its question and normalised (a checklist's
    ticks in the order of its options). A rating question may carry a comment as text
    (answers from before the kinds were kept did); no other kind takes a rating."""
    if question.kind is PromptKind.RATING:
        if not_applicable or rating is not None:
            _text, checked, na = feedback_fields(
                question, feedback_value(question, "", rating, not_applicable))
            return answer, checked, na
        return answer, None, False
    if rating is not None or not_applicable:
        raise ValidationError(tr("“{text}” takes no rating.").format(text=question.text))
    if question.kind is PromptKind.CHOICE and not answer.strip():
        return "", None, False
    return feedback_fields(question, feedback_value(question, answer, None))
