"""A protocol's own words on paper: scripts, prompts with the shape of their answers, roles
and the source — shared by the agenda, the note-catcher and the facilitator's script.

Every text goes through `walkapp.reports.text` (escaped, cleaned) and becomes ordinary
paragraphs, never one table cell: a 20,000-character script or a choice of thirty long
options then flows across pages instead of making the layout fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from walkapp.formatting import tr
from walkapp.protocol.ratings import scale
from walkapp.protocol.schema import Prompt, PromptKind, Role, Source
from walkapp.reports import text
from walkapp.reports.fonts import REGULAR
from walkapp.reports.styles import MUTED_HEX, styles

# The loader accepts scripts of up to 20,000 characters (walkapp.protocol.validate); a
# protocol's own text is printed whole, never cut at the limit for pasted notes.
PROTOCOL_LIMIT = 25_000
BULLET_INDENT = 12.0
_BLANK_LINES = re.compile(r"\n\s*\n")
_LIST_ITEM = re.compile(r"^\s*([-*•]|\d{1,3}[.)])\s+")
_OPTION_GAP = "\u2003"  # an em space between options keeps each marker with its option
INLINE_OPTIONS = 160  # options longer than this, together, go one a line


@lru_cache(maxsize=64)
def style(name: str, indent: float = 0.0, bullet: bool = False) -> ParagraphStyle:
    """A shared style moved right by `indent` points (and by a bullet's width)."""
    base = getattr(styles(), name)
    left = indent + (BULLET_INDENT if bullet else 0.0)
    # The bullet's font is named too: ReportLab's default (Helvetica) has no "▸", and would
    # be listed in the PDF without being embedded.
    return ParagraphStyle(f"{name}-{indent:g}-{int(bullet)}", parent=base, leftIndent=left,
                          bulletIndent=indent, firstLineIndent=0, bulletFontName=REGULAR,
                          bulletFontSize=base.fontSize)


def paragraphs(value: str | None, style_name: str = "body", indent: float = 0.0
               ) -> list[Flowable]:
    """Text that may span lines: a blank line (or sixty) starts a paragraph, and lines
    starting "- ", "* " or "1. " are list items, as the protocol format promises."""
    out: list[Flowable] = []
    for block in _BLANK_LINES.split(text.plain(value, PROTOCOL_LIMIT)):
        lines: list[str] = []
        for line in (raw.strip() for raw in block.split("\n")):
            if not line:
                continue
            item = _LIST_ITEM.match(line)
            if item is None:
                lines.append(line)
                continue
            if lines:
                out.append(_para("\n".join(lines), style_name, indent))
                lines = []
            marker = "•" if item.group(1) in "-*•" else item.group(1)
            out.append(Paragraph(_markup(line[item.end():]), style(style_name, indent, True),
                                 bulletText=marker))
        if lines:
            out.append(_para("\n".join(lines), style_name, indent))
    return out


def _markup(value: str) -> str:
    return text.markup(value, PROTOCOL_LIMIT)


def _para(value: str, style_name: str, indent: float) -> Paragraph:
    return Paragraph(_markup(value), style(style_name, indent))


def shape(prompt: Prompt) -> str:
    """The shape of the answer as our markup (the options escaped): "○ Yes  ○ No"; long
    option lists one option a line, so that each can be found at a glance."""
    options = [text.markup(option, 1000) for option in prompt.options]
    gap = "<br/>" if sum(len(o) for o in prompt.options) > INLINE_OPTIONS else _OPTION_GAP
    if prompt.kind is PromptKind.CHOICE:
        return tr("Choose one:") + gap.replace(_OPTION_GAP, " ") + gap.join(
            f"○\u00a0{o}" for o in options)
    if prompt.kind is PromptKind.CHECKLIST:
        return tr("Tick any:") + gap.replace(_OPTION_GAP, " ") + gap.join(
            f"☐\u00a0{o}" for o in options)
    if prompt.kind is PromptKind.RATING:
        points = scale(prompt)
        words = [f"{n} = {text.markup(prompt.point_label(n))}" for n in points
                 if prompt.point_label(n)]
        if prompt.point_labels:  # the end words too, where a scale has both
            words += [f"{text.markup(w)}" for w in (prompt.low_label, prompt.high_label) if w]
        if prompt.not_applicable:
            words.append(tr("or “not applicable”"))
        return tr("A rating from {low} to {high}").format(
            low=points.start, high=points.stop - 1) + "".join(
            f" · {word}" for word in words)
    if prompt.kind is PromptKind.LIST:
        return tr("A list: one answer per line")
    return ""


def scale_boxes(prompt: Prompt) -> str:
    """A rating to circle on paper, on the prompt's own scale, as our markup: "Not yet
    ○1 ○2 ○3 ○4 ○5  Very much", or each point with its own words ("○1 Never  ○2 Rarely
    …"), then "○ N/A" where the scale offers it."""
    points = scale(prompt)
    if prompt.point_labels:
        boxes = _OPTION_GAP.join(f"○\u00a0{n}\u00a0{text.markup(prompt.point_label(n))}"
                                 for n in points)
    else:
        boxes = _OPTION_GAP.join(f"○\u00a0{n}" for n in points)
    low = f"{text.markup(prompt.low_label)}{_OPTION_GAP}" if prompt.low_label else ""
    high = f"{_OPTION_GAP}{text.markup(prompt.high_label)}" if prompt.high_label else ""
    na = f"{_OPTION_GAP}○\u00a0{tr('N/A')}" if prompt.not_applicable else ""
    return low + boxes + high + na


def prompts(items: Iterable[Prompt], style_name: str = "body", indent: float = 0.0
            ) -> list[Flowable]:
    """Each prompt as a bulleted question, with the shape of its answer under it."""
    out: list[Flowable] = []
    for prompt in items:
        out.append(Paragraph(_markup(prompt.text), style(style_name, indent, True),
                             bulletText="▸"))
        answer = shape(prompt)
        if answer:
            out.append(Paragraph(f"<font color='{MUTED_HEX}'>{answer}</font>",
                                 style("small", indent + BULLET_INDENT)))
    return out


def roles(items: Iterable[Role], indent: float = 0.0, *, small: bool = False
          ) -> list[Flowable]:
    """"Facilitator — keeps time and the norms.", one paragraph per role (`small`: in the
    small type, for a one-page agenda)."""
    out: list[Flowable] = []
    for role in items:
        head = f"<b>{text.markup(role.title)}</b>"
        body = f" — {_markup(role.description)}" if role.description.strip() else ""
        out.append(Paragraph(head + body, style("small" if small else "bullet", indent, True),
                             bulletText="•"))
    return out


def source(value: Source | None, origin: str = "", citation_style: str = "body"
           ) -> list[Flowable]:
    """Where the protocol comes from: the citation, its address and the note."""
    out: list[Flowable] = [Paragraph(text.markup(origin), styles().small)] if origin else []
    if value is None:
        return out
    out += paragraphs(value.citation, citation_style)
    if value.url.strip():
        out.append(Paragraph(text.markup(value.url), styles().small))
    out += paragraphs(value.note, "small")
    return out
