"""The nudge's statistical layer: a small logistic-regression model per language, for the
judgements a word list cannot list ("los alumnos parecían perdidos en la segunda parte").

The word lists run first and their flags stay; this model only looks at the sentences they
left alone. It scores a sentence from its words (lower-cased, accent-free, numbers as `#`),
the pairs of adjacent words, the endings of longer words (alone and after the word
before), word classes before the next word (intensifiers, prescriptions, negations,
repetition, hedges, loaded words...), two sweeping words in one sentence, and three cues
(an exclamation, a question, quoted or reported words).
Above the model's threshold the sentence gets an "evaluative" flag over the words that
weighed most (each word's share of every feature, `contributions`), so the underline
shows why.

The weights are data next to the word list (`protocols/lang/<language>.model.json`),
written by `python -m walkapp.nudge.train` from the labelled notes in tests/data; a
language without that file has no model. Plain Python, no dependency: scoring is one
dictionary look-up per word and per word pair.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from walkapp.nudge.lexicon import lexicon_path, load_lexicon

MODEL_KIND = "nudge-model"
# The cues are not words (a word never holds "<"), so they cannot collide with one.
EXCLAMATION, QUESTION, QUOTE = "<!>", "<?>", "<q>"


@dataclass(frozen=True)
class Model:
    language: str
    bias: float
    threshold: float  # a sentence whose probability is above it is flagged
    weights: dict[str, float]
    # Normalised word -> class feature, from the language's word list.
    classes: Mapping[str, str] = field(default_factory=dict)


def model_path(language: str) -> Path:
    return lexicon_path(language).with_name(f"{language}.model.json")


@lru_cache(maxsize=16)
def load_model(language: str) -> Model | None:
    """The language's model, or None when it has none (or the file is not a model)."""
    path = model_path(language)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("kind") != MODEL_KIND:
        return None
    weights = data.get("weights")
    if not isinstance(weights, dict):
        return None
    lexicon = load_lexicon(language)
    return Model(language, float(data["bias"]), float(data["threshold"]),
                 {str(k): float(v) for k, v in weights.items()},
                 lexicon.word_classes if lexicon is not None else {})


def word_feature(key: str) -> str:
    """A note's word as the model knows it: numbers (any digit) are all one word, `#`."""
    if key.isalpha():
        return key  # nearly every word: one call
    return "#" if any(c.isdigit() for c in key) else key


# Suffix features: the last letters of a longer word, alone and after the word before it,
# so that an unseen inflection or derivation of a seen root counts ("aburridísimos" after
# "aburrido", "muy" + any "-ado" adjective, "-ísimo" superlatives). "~" never occurs in a
# normalised word, so a suffix cannot collide with one.
SUFFIX_MIN_LENGTH = 6
SUFFIX_LETTERS = 4


# Word classes whose next word carries a judgement more often than not ("muy", "should",
# "parecía"): the model learns one weight for "<int> ~able" whichever intensifier it is, so
# a pair never seen counts. The words are data, each language's own, in the `[word_classes]`
# table of protocols/lang/<language>.toml (walkapp.nudge.lexicon.WORD_CLASSES).


def _shape(word: str) -> str:
    """A word as the generalising features see it: its ending when it is long enough."""
    if len(word) >= SUFFIX_MIN_LENGTH and word.isalpha():
        return "~" + word[-SUFFIX_LETTERS:]
    return word


# Classes whose words, twice in one sentence, make an exaggeration ("nadie hizo nada",
# "nobody ever listens", "todos, siempre"): one feature however the words are chosen.
SWEEPING = frozenset({"<neg>", "<all>"})
SWEEPING_TWICE = "<sweep2>"


def suffix_features(words: Sequence[str], classes: Mapping[str, str]) -> list[str]:
    """The generalising features of a sentence's words: each longer word's ending, that
    ending after the word before it, after a class word its class alone and its class
    before the next word's shape, and SWEEPING_TWICE when two sweeping words ("nadie",
    "nada", "todos") are in the sentence. `classes`: the language's word classes."""
    out = []
    previous = ""
    sweeping = 0
    for w in words:
        shape = _shape(w)
        if shape != w:
            out.append(shape)
            if previous:
                out.append(f"{previous} {shape}")
        cls = classes.get(previous)
        if cls is not None:
            out.append(cls)
            out.append(f"{cls} {shape}")
        if classes.get(w) in SWEEPING:
            sweeping += 1
        previous = w
    if sweeping >= 2:
        out.append(SWEEPING_TWICE)
    return out


def sentence_probability(model: Model, words: Sequence[str], text: str, quotes: bool) -> float:
    """`probability(features(words, text, quotes))`, without the sorting training needs: this runs
    on every pause in typing."""
    found = set(words)
    found.update(map(" ".join, pairwise(words)))
    found.update(suffix_features(words, model.classes))
    get = model.weights.get
    total = sum(get(f, 0.0) for f in found)
    for cue, present in ((EXCLAMATION, "!" in text), (QUESTION, "?" in text),
                         (QUOTE, quotes)):
        if present:
            found.add(cue)
            total += get(cue, 0.0)
    z = model.bias + total
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def features(words: Sequence[str], text: str, quotes: bool,
             classes: Mapping[str, str]) -> list[str]:
    """The features of one sentence: `words` are its normalised words (the writer's own),
    `text` its text, `quotes` whether it quotes or reports somebody's words, `classes` the
    language's word classes. Sorted, so that training adds them up in the same order on
    every run."""
    found = set(words)
    found.update(f"{a} {b}" for a, b in pairwise(words))
    found.update(suffix_features(words, classes))
    if "!" in text:
        found.add(EXCLAMATION)
    if "?" in text:
        found.add(QUESTION)
    if quotes:
        found.add(QUOTE)
    return sorted(found)


def probability(model_bias: float, weights: dict[str, float], feats: Sequence[str]) -> float:
    z = model_bias + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def contributions(model: Model, words: Sequence[str]) -> list[float]:
    """How much each word pushes the sentence towards "evaluative", so the underline shows
    why it was flagged: its own weight and its ending's; half of each word pair it is in
    (of words, or of a word and the next one's ending); a class word's class weight, and
    half of its class before the next word; the sweeping words share SWEEPING_TWICE. Each
    feature counts once, as in the sentence's score."""
    weights, classes = model.weights, model.classes
    get = weights.get
    out = [0.0] * len(words)
    seen: set[str] = set()

    def add(feature: str, *at: int) -> None:
        weight = get(feature)
        if weight is None or feature in seen:
            return
        seen.add(feature)
        for i in at:
            out[i] += weight / len(at)

    sweeping = []
    for i, w in enumerate(words):
        add(w, i)
        shape = _shape(w)
        if shape != w:
            add(shape, i)
        if i:
            previous = words[i - 1]
            add(f"{previous} {w}", i - 1, i)
            if shape != w:
                add(f"{previous} {shape}", i - 1, i)
            cls = classes.get(previous)
            if cls is not None:
                add(cls, i - 1)
                add(f"{cls} {shape}", i - 1, i)
        if classes.get(w) in SWEEPING:
            sweeping.append(i)
    if len(sweeping) >= 2:
        add(SWEEPING_TWICE, *sweeping)
    return out
