"""Find the spans of a note that sound evaluative or look like a person's name.

Called on every keystroke (debounced), so it does one pass over the note's words with
dictionary look-ups — no regular expression per listed phrase. It only ever suggests; it
never changes or blocks what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from walkapp.nudge.language import written_in
from walkapp.nudge.lexicon import EXCEPTION, WORD, Entry, Lexicon, Node, load_lexicon, normalise
from walkapp.nudge.model import Model, contributions, load_model, sentence_probability, word_feature

FlagKind = Literal["evaluative", "name"]

# Characters after which a capitalised word starts a sentence (or a quotation or list item).
_SENTENCE_BREAK = set(".!?:;…\"“”«»„‘’'([{•*-–—¡¿")
# Quotation marks; text between them is somebody's words, i.e. evidence.
_CLOSERS = {"”": "“", "»": "«", "’": "‘", "›": "‹"}
_OPENERS = "\"'“«‘‹"
_QUOTE_RE = re.compile("[" + re.escape(_OPENERS + "".join(_CLOSERS)) + "]")
# Where reported words end: a sentence's end (not the dot of "9.15" or "3.º").
_SENTENCE_END = re.compile(r"[.!?;…](?!\w)|\n")
# An exclamation: one or more "!" (a "¡" opens it in Spanish).
_EXCLAMATION = re.compile(r"!+")
# The statistical layer scores a sentence only with at least this many of the writer's own
# (not quoted or reported) words.
MIN_OWN_WORDS = 4
# A model flag starts from a word of at least this many letters when the sentence has one.
TELLING_LENGTH = 4
# A model flag underlines at most this many words.
UNDERLINE_WORDS = 4


@dataclass(frozen=True)
class Flag:
    """A span to underline: `text[start:end]` (Python str indexes into the note)."""

    start: int
    end: int
    kind: FlagKind
    suggestion: str


def check(text: str, lang: str = "en", tone: str = "neutral", *,
          detect: bool = True) -> list[Flag]:
    """The evaluative wording and possible names in `text`, in order of position.

    `lang` is the walk's language; the note is checked in the language it is written in
    (`note_language`), which is `lang` unless the note is clearly in another language that
    has a word list. `detect` False: in `lang`, whatever the text (`walkapp nudge --lang`).

    `tone` "appreciative": the note is written with an appreciative stem of the protocol's
    own (warm feedback, walkapp.protocol.schema.StemTone). Every flag is still raised —
    judgement words and possible names alike — but a judgement word's suggestion is the
    language's kinder one (`appreciative_suggestion`): describe what made it work."""
    words = words_of(text) if text else ([], [])
    if detect:
        lang = written_in(words[1], lang)
    flags = _check_words(text, words, lang, use_model=True)
    if tone != "appreciative":
        return flags
    kinder = appreciative_suggestion(lang)
    return [Flag(f.start, f.end, f.kind, kinder) if f.kind == "evaluative" and kinder else f
            for f in flags]


def note_language(text: str, walk_language: str) -> str:
    """The language `text` is written in, for the nudge: `walk_language` unless the note is
    clearly in another language with a word list (walkapp.nudge.language)."""
    return written_in(words_of(text)[1], walk_language) if text else walk_language


def appreciative_suggestion(lang: str) -> str:
    """The language's suggestion for a judgement word in a warm note ("" if it has none:
    the flags keep their own)."""
    lexicon = load_lexicon(lang)
    return lexicon.appreciative_suggestion if lexicon is not None else ""


def check_with(text: str, lang: str, use_model: bool) -> list[Flag]:
    """`check`, with or without the language's statistical layer (the training script
    measures the word lists alone)."""
    return _check_words(text, words_of(text) if text else ([], []), lang, use_model)


def _check_words(text: str, words: tuple[list[tuple[int, int]], list[str]], lang: str,
                 use_model: bool) -> list[Flag]:
    lexicon = load_lexicon(lang)
    spans, keys = words
    if lexicon is None or not keys:
        return []
    flags: list[Flag] = []
    regions = _Regions(text, spans, keys, lexicon)
    taken = _evaluative(text, spans, keys, lexicon, flags, regions)
    if lexicon.exclamation_suggestion and "!" in text:
        _exclamations(text, spans, keys, lexicon, flags, regions)
    if use_model and lexicon.general_suggestion:
        model = load_model(lang)
        if model is not None:
            _model_flags(text, spans, keys, model, lexicon.general_suggestion, flags, regions)
    _names(text, spans, keys, taken, lexicon, flags)
    flags.sort(key=lambda f: (f.start, f.end))
    return flags


def words_of(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans of `text`'s words and their normalised forms (the look-up keys)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        # Lower-casing kept every index (true for nearly all text), so one call does the
        # case work and only words with accents need the slower per-word normalising.
        matches = list(WORD.finditer(lowered))
        keys = [m.group() for m in matches]
        if not text.isascii():
            keys = [k if k.isascii() else normalise(k) for k in keys]
    else:
        matches = list(WORD.finditer(text))
        keys = [normalise(m.group()) for m in matches]
    return [m.span() for m in matches], keys


class _Regions:
    """The quoted and reported parts of a note, found once and only when first needed."""

    def __init__(self, text: str, spans: list[tuple[int, int]], keys: list[str],
                 lexicon: Lexicon) -> None:
        self._args = (text, spans, keys, lexicon)
        self._found: list[tuple[int, int]] | None = None

    def get(self) -> list[tuple[int, int]]:
        if self._found is None:
            text, spans, keys, lexicon = self._args
            self._found = _quoted_regions(text) + _reported_regions(text, spans, keys, lexicon)
        return self._found


def quoted_and_reported(text: str, spans: list[tuple[int, int]], keys: list[str],
                        lang: str) -> list[tuple[int, int]]:
    """The quoted and reported parts of a note (for the training script)."""
    lexicon = load_lexicon(lang)
    return [] if lexicon is None else _Regions(text, spans, keys, lexicon).get()


def sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """The note's sentences as (first word, last word, start, end): `text[start:end]` is
    the sentence with its closing mark. Only sentences with words."""
    out: list[tuple[int, int, int, int]] = []
    i, count, start = 0, len(spans), 0
    for found in (*_SENTENCE_END.finditer(text), None):
        end = found.end() if found is not None else len(text)
        first = i
        while i < count and spans[i][0] < end:
            i += 1
        if i > first:
            out.append((first, i - 1, start, end))
        start = end
        if i >= count:
            break
    return out


def sentence_probabilities(model: Model, text: str, spans: list[tuple[int, int]],
                           keys: list[str], quoted: list[tuple[int, int]],
                           skip: Sequence[tuple[int, int]] = ()
                           ) -> list[tuple[int, int, float]]:
    """(first word, last word, probability of a judgement) for each sentence, leaving out
    those that overlap a span of `skip` (already flagged). Only the writer's own words
    count: quoted or reported ones are evidence, and a sentence with fewer than
    MIN_OWN_WORDS of them ("y se callaron" after a reported "¡silencio!") gives the model
    too little to go on."""
    skip, merged = sorted(skip), _merged(quoted)
    j = k = 0
    out = []
    for first, last, start, end in sentences(text, spans):
        # The lists all run in order of position: one pass over each, however long the note.
        while j < len(skip) and skip[j][1] <= spans[first][0]:
            j += 1
        while k < len(merged) and merged[k][1] < start:
            k += 1
        if j < len(skip) and skip[j][0] < spans[last][1]:
            continue
        near: list[tuple[int, int]] = []
        while k + len(near) < len(merged) and merged[k + len(near)][0] <= end:
            near.append(merged[k + len(near)])
        own = [word_feature(keys[i]) for i in range(first, last + 1)
               if not near or not _inside(near, spans[i][0])]
        if len(own) < MIN_OWN_WORDS:
            continue
        out.append((first, last, sentence_probability(model, own, text[start:end],
                                                      bool(near))))
    return out


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`regions` sorted and overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _model_flags(text: str, spans: list[tuple[int, int]], keys: list[str], model: Model,
                 suggestion: str, flags: list[Flag], regions: _Regions) -> None:
    """Flag the sentences the model takes for judgements, unless the word lists already
    flagged them: over the (longer) word that weighed most, and its neighbours that weighed
    nearly as much. Quoted or reported words are evidence, never underlined."""
    flagged = [(f.start, f.end) for f in flags if f.kind == "evaluative"]
    quoted = regions.get()
    for first, last, score in sentence_probabilities(model, text, spans, keys, quoted,
                                                     flagged):
        if score <= model.threshold:
            continue
        words = [word_feature(k) for k in keys[first:last + 1]]
        weight = contributions(model, words)
        start, end = spans[first][0], spans[last][1]
        near = [(a, b) for a, b in quoted if a < end and start < b]  # a flagged sentence only
        candidates = {i for i in range(first, last + 1)
                      if weight[i - first] > 0 and not _inside(near, spans[i][0])}
        if not candidates:
            continue
        # Short words ("it", "she", "lo") often carry weight but say nothing to the
        # writer: underline from the longest words that lean towards a judgement.
        telling = [i for i in candidates if len(keys[i]) >= TELLING_LENGTH] or candidates
        top = max(telling, key=lambda i: (weight[i - first], -i))
        # Then the heavier neighbour, while it weighs at least half as much, up to a few
        # words: an underline over the whole sentence would not say why.
        low, high, enough = top, top, weight[top - first] / 2
        while high - low + 1 < UNDERLINE_WORDS:
            left = weight[low - 1 - first] if low - 1 in candidates else -1.0
            right = weight[high + 1 - first] if high + 1 in candidates else -1.0
            if max(left, right) < enough:
                break
            if left >= right:
                low -= 1
            else:
                high += 1
        flags.append(Flag(spans[low][0], spans[high][1], "evaluative", suggestion))


def _joined(text: str, end: int, start: int) -> bool:
    """Two words belong to one phrase when only spaces or hyphens separate them."""
    gap = text[end:start]
    return bool(gap) and len(gap) <= 3 and all(c in " \t-‐" for c in gap)


def _longest(text: str, spans: list[tuple[int, int]], keys: list[str], i: int,
             nodes: list[Node], numbers: frozenset[str]) -> tuple[Entry | None, int, bool]:
    """The longest listed phrase starting at word i, whose first word reached `nodes`
    (most specific first). A word can take several branches ("buenos" exactly, and
    "buen*"): each is followed, and the longest phrase wins; on a tie, the most specific.
    The third value: the phrase's last word matched only a `*` ("muy *")."""
    if len(nodes) == 1:
        # One branch of plain words (all of English, most of Spanish): follow it word by
        # word; a pattern on the way sends the search to the general walk below.
        node, j = nodes[0], i
        found, found_last = node.entry, i
        while not _branches_beyond_words(node):
            if not node or j + 1 >= len(keys):
                return found, found_last, False
            child = node.get(keys[j + 1])
            if child is None or not _joined(text, spans[j][1], spans[j + 1][0]):
                return found, found_last, False
            node, j = child, j + 1
            if node.entry is not None:
                found, found_last = node.entry, j
    best: Entry | None = None
    best_last, best_any = i, False
    stack = [(node, i, False) for node in reversed(nodes)]
    while stack:
        node, j, via_any = stack.pop()
        if node.entry is not None and (best is None or j > best_last):
            best, best_last, best_any = node.entry, j, via_any
        if j + 1 < len(keys) and _branches(node) and _joined(text, spans[j][1],
                                                             spans[j + 1][0]):
            stack.extend((child, j + 1, child is node.any) for child in
                         reversed(node.matches(keys[j + 1], numbers)))
    return best, best_last, best_any


def _branches_beyond_words(node: Node) -> bool:
    return bool(node.stems or node.endings) or node.number is not None or node.any is not None


def _branches(node: Node) -> bool:
    return bool(node or node.stems or node.endings) or node.number is not None \
        or node.any is not None


def _evaluative(text: str, spans: list[tuple[int, int]], keys: list[str], lexicon: Lexicon,
                flags: list[Flag], regions: _Regions) -> set[int]:
    """Flag listed words and phrases; return the indexes of the words they cover."""
    taken: set[int] = set()
    phrases, numbers, endings = lexicon.phrases, lexicon.number_words, lexicon.ending_keys
    # Most words match nothing: with no patterns at the top of the tree (English), one
    # dictionary look-up says so.
    plain = not _branches_beyond_words(phrases)
    i, count = 0, len(keys)
    while i < count:
        key = keys[i]
        if plain:
            node = phrases.get(key)
            if node is None and not (endings and key.endswith(endings)):
                i += 1
                continue
            nodes = [node] if node is not None else []
        else:
            nodes = phrases.matches(key, numbers)
        entry: Entry | None = None
        last = i
        if nodes:
            entry, last, via_any = _longest(text, spans, keys, i, nodes, numbers)
            if via_any and last > i and _flags_at(text, spans, keys, last, lexicon):
                # "fue *" before "pésima": underline the judgement, not the verb before it.
                i += 1
                continue
        if entry is None:
            entry = lexicon.ending_entry(key)  # "*ísimo": one word, the last resort
        if entry is None:
            i += 1
            continue
        if entry.group != EXCEPTION.group:
            start, end = spans[i][0], spans[last][1]
            if not _inside(regions.get(), start):
                flags.append(Flag(start, end, "evaluative", entry.suggestion))
                taken.update(range(i, last + 1))
        i = last + 1
    return taken


def _exclamations(text: str, spans: list[tuple[int, int]], keys: list[str], lexicon: Lexicon,
                  flags: list[Flag], regions: _Regions) -> None:
    """Flag the writer's own exclamations ("¡eso sí es enseñar!", "now that's teaching!"):
    a reaction, not evidence. Not inside quotation marks or reported speech (a quoted
    "¡sí!" is what was heard), and not where a listed word already flags the sentence."""
    flagged = [(f.start, f.end) for f in flags]
    previous_end = -1
    for found in _EXCLAMATION.finditer(text):
        end = found.end()
        if found.start() and _inside(regions.get(), found.start() - 1):
            continue  # the last word before "!" is quoted or reported
        start = max(previous_end, _sentence_begin(text, found.start()))
        previous_end = end
        while start < end and (text[start].isspace() or text[start] in "-–—•*"):
            start += 1
        if start >= found.start() or not any(c.isalnum() for c in text[start:end]):
            continue
        if any(a < end and start < b for a, b in flagged):
            continue
        flags.append(Flag(start, end, "evaluative", lexicon.exclamation_suggestion))
        flagged.append((start, end))


def _sentence_begin(text: str, index: int) -> int:
    """Where the sentence holding `index` starts: after the last ., ?, ! or line break
    before it, or at an opening ¡."""
    j = index - 1
    while j >= 0 and text[j] not in ".?!\n¡":
        j -= 1
    return j if j >= 0 and text[j] == "¡" else j + 1


def _flags_at(text: str, spans: list[tuple[int, int]], keys: list[str], j: int,
              lexicon: Lexicon) -> bool:
    """A flag would start at word j on its own."""
    nodes = lexicon.phrases.matches(keys[j], lexicon.number_words)
    entry = _longest(text, spans, keys, j, nodes, lexicon.number_words)[0] if nodes else None
    entry = entry or lexicon.ending_entry(keys[j])
    return entry is not None and entry.group != EXCEPTION.group


def _reported_regions(text: str, spans: list[tuple[int, int]], keys: list[str],
                      lexicon: Lexicon) -> list[tuple[int, int]]:
    """What somebody said without quotation marks: after a speech verb and a colon ("dijo:
    excelente") or a reporting word ("dijo que estaba aburrida"), to the end of the
    sentence."""
    verbs, reporting = lexicon.speech_verbs, lexicon.reporting_words
    if not verbs:
        return []
    regions: list[tuple[int, int]] = []
    for j, key in enumerate(keys):
        if key not in verbs or j + 1 >= len(keys):
            continue
        gap = text[spans[j][1]:spans[j + 1][0]]
        if ":" in gap:
            start = spans[j][1] + gap.index(":")
        elif keys[j + 1] in reporting and gap.strip() == "":
            # From just before the reporting word, so that a phrase starting with it
            # ("preguntó para qué sirve") is reported too.
            start = spans[j + 1][0] - 1
        else:
            continue
        end = _SENTENCE_END.search(text, start + 1)
        regions.append((start, end.start() if end else len(text)))
    return regions


def _names(text: str, spans: list[tuple[int, int]], keys: list[str], taken: set[int],
           lexicon: Lexicon, flags: list[Flag]) -> None:
    honorifics, common, flagged = lexicon.honorifics, lexicon.common_words, \
        lexicon.flagged_words
    count = len(keys)
    # Only capitalised words and honorifics can start a name; find them in one sweep.
    candidates = [i for i, (start, _) in enumerate(spans)
                  if text[start].isupper() or keys[i] in honorifics]
    after = -1
    for i in candidates:
        if i <= after or i in taken:
            continue
        start, end = spans[i]
        key = keys[i]
        if (key in honorifics and i + 1 < count
                and _capitalised(text[spans[i + 1][0]:spans[i + 1][1]])
                and text[end:spans[i + 1][0]] in (" ", ". ", ".")):
            last = _name_run(text, spans, i + 1)
        elif (_capitalised(text[start:end]) and key not in common and key not in flagged
              and key not in honorifics and not _sentence_start(text, start)):
            last = _name_run(text, spans, i)
        else:
            continue
        flags.append(Flag(start, spans[last][1], "name", lexicon.name_suggestion))
        after = last


def _capitalised(word: str) -> bool:
    """"Maria", "O'Brien", "Núñez" — not "I", "PE", "iPad" or "4B"."""
    return (len(word) >= 2 and word[0].isupper() and not word.isupper()
            and not any(c.isdigit() or c == "_" for c in word))


def _name_run(text: str, spans: list[tuple[int, int]], i: int) -> int:
    """Extend a name over following capitalised words ("Maria José", "Anne-Marie")."""
    while (i + 1 < len(spans) and _capitalised(text[spans[i + 1][0]:spans[i + 1][1]])
           and text[spans[i][1]:spans[i + 1][0]] in (" ", "-")):
        i += 1
    return i


def _sentence_start(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in "\r\n" or text[j] in _SENTENCE_BREAK


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans between matching quotation marks. An apostrophe inside a word ("didn't") is
    not a quote, and an opening mark that never closes quotes nothing."""
    regions: list[tuple[int, int]] = []
    open_at: dict[str, int] = {}
    for found in _QUOTE_RE.finditer(text):
        index, char = found.start(), found.group()
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char == '"':
            if '"' in open_at:
                regions.append((open_at.pop('"'), index))
            else:
                open_at['"'] = index
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            if char == "’" and before.isalnum() and after.isalnum():
                continue  # an apostrophe: don’t
            if opener in open_at:
                regions.append((open_at.pop(opener), index))
        elif char == "'":
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe: don't
            if "'" in open_at and not before.isspace():
                regions.append((open_at.pop("'"), index))
            elif not before.isalnum() and not after.isspace():
                open_at.setdefault("'", index)
        else:
            open_at.setdefault(char, index)
    return regions


def _inside(regions: list[tuple[int, int]], position: int) -> bool:
    return any(start < position < end for start, end in regions)
