"""The nudge's word lists: loaded from `protocols/lang/<language>.toml`, checked, and
compiled into lookup tables so that a note can be checked on every keystroke.

Words and phrases are normalised the same way the note's words are (lower case, accents
removed, curly apostrophes straightened), so matching is case- and accent-insensitive.

A listed word can also be a pattern, because languages such as Spanish inflect one
judgement into many words ("aburrido", "aburrida", "se aburrían", "aburridísimos"):
- `stem*`  any word that starts with `stem` (at least three letters): "aburr*";
- `*ending` any word that ends so: as a whole entry of its own ("*ísimo"), or after the
  first word of a phrase ("estaban *ados");
- `#`      a number, in digits or one of the file's `number_words` ("faltaban # alumnos";
  only an exception may start with one: "# alumnos no");
- `*`      any one word, after the first ("muy *": "muy" and the word it strengthens).
Exact words win over patterns, longer stems over shorter ones, and a longer phrase (or
exception) over a shorter one, so "criterios de éxito" can stay quiet while "éxito" is
flagged.

The file's `language_words` are everyday words that tell the language a note is written
in (walkapp.nudge.language); no two languages' lists share a word.

The file's `[word_classes]` lists (intensifiers, prescriptions, first person, appearance
verbs) are not flagged: they are the statistical layer's word classes (walkapp.nudge.model).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from walkapp.formatting import tr
from walkapp.paths import data_dir
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.fields import Issues, Reader, show_path
from walkapp.protocol.locate import find_line, line_index
from walkapp.protocol.validate import LANGUAGE, check_schema_version

LEXICON_KIND = "nudge-words"
# A word: letters/digits, possibly joined by apostrophes ("didn't", "students'" stops at s).
WORD = re.compile(r"\w+(?:['’]\w+)*")
# A listed word: a word, a `stem*`, an `*ending`, or `#` (a number).
PATTERN_WORD = re.compile(r"#|\*(?!\w)|\*?\w+(?:['’]\w+)*\*?")
NUMBER = "#"
ANY = "*"
STEM_MIN = 3  # letters before "*": shorter stems would match too much
# The first letters of a stem index the stems of a tree level, for one look-up per word.
STEM_KEY = STEM_MIN
# The `[word_classes]` lists of a word-list file and the model feature each one becomes:
# the model learns one weight per class before the next word (walkapp.nudge.model).
WORD_CLASSES = {"intensifiers": "<int>", "prescriptions": "<modal>",
                "first_person": "<me>", "appearance": "<seem>",
                # "nadie", "nunca", "ni": an absence stated as a verdict ("ni siquiera…");
                # "todos", "siempre": a sweeping whole. Two in a sentence: an exaggeration.
                "negations": "<neg>", "totals": "<all>",
                # "otra vez", "as usual": the same as ever, a complaint more often than not.
                "repetition": "<again>",
                # "un poco", "a bit", "algo": a softened verdict ("me pareció un poco…").
                "hedges": "<hedge>",
                # Verbs and adverbs that judge what they report ("despachó", "nomás", "just").
                "loaded_words": "<loaded>"}


@lru_cache(maxsize=8192)
def normalise(word: str) -> str:
    """Lower-case, accent-free, straight-apostrophe form of one word."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A listed phrase as its normalised words; patterns keep their `*` or `#`."""
    words = []
    for token in PATTERN_WORD.findall(phrase):
        if token == ANY:
            words.append(ANY)
            continue
        head = "*" if token.startswith("*") and token != "*" else ""
        tail = "*" if token.endswith("*") and len(token) > 1 else ""
        core = token.strip("*")
        words.append(NUMBER if token == NUMBER else head + normalise(core) + tail)
    return tuple(w for w in words if w.strip("*") or w == ANY)


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]
    suggestion: str
    group: str


# An exception ("good morning") is stored in the same tree as the flagged phrases; when it
# is the longest match, its words are passed over without a flag.
EXCEPTION = Entry((), "", "exception")


class Node(dict[str, "Node"]):
    """A word tree: each level is the next word of a phrase; `entry` ends a phrase. Exact
    words are the dict's keys; `stems` holds the `stem*` patterns of the level, indexed by
    their first STEM_KEY letters and longest first; `number` is the `#` branch and `any`
    the `*` one."""

    __slots__ = ("any", "endings", "entry", "number", "stems")

    def __init__(self) -> None:
        super().__init__()
        self.entry: Entry | None = None
        self.stems: dict[str, list[tuple[str, Node]]] = {}
        self.number: Node | None = None
        self.any: Node | None = None
        self.endings: list[tuple[str, Node]] = []  # `*ending` words, longest first

    def matches(self, key: str, numbers: frozenset[str]) -> list[Node]:
        """The branches a word can take from this level, the most specific first."""
        exact = self.get(key)
        bucket = self.stems.get(key[:STEM_KEY]) if self.stems else None
        if bucket is None and self.number is None and self.any is None and not self.endings:
            return [exact] if exact is not None else []  # the usual case, kept cheap
        found = [exact] if exact is not None else []
        if bucket:
            found.extend(node for stem, node in bucket if key.startswith(stem))
        found.extend(node for ending, node in self.endings if key.endswith(ending))
        if self.number is not None and (key.isdigit() or key in numbers):
            found.append(self.number)
        if self.any is not None:
            found.append(self.any)
        return found

    def child(self, word: str) -> Node:
        """The branch for a listed word (made if new)."""
        if word == ANY:
            if self.any is None:
                self.any = Node()
            return self.any
        if word == NUMBER:
            if self.number is None:
                self.number = Node()
            return self.number
        if word.startswith("*"):
            ending = word[1:]
            for known, node in self.endings:
                if known == ending:
                    return node
            node = Node()
            self.endings.append((ending, node))
            self.endings.sort(key=lambda item: -len(item[0]))
            return node
        if word.endswith("*"):
            stem = word[:-1]
            bucket = self.stems.setdefault(stem[:STEM_KEY], [])
            for known, node in bucket:
                if known == stem:
                    return node
            node = Node()
            bucket.append((stem, node))
            bucket.sort(key=lambda item: -len(item[0]))
            return node
        return self.setdefault(word, Node())


@dataclass(frozen=True)
class Lexicon:
    language: str
    phrases: Node
    name_suggestion: str
    honorifics: frozenset[str]
    common_words: frozenset[str]
    flagged_words: frozenset[str]  # single evaluative words, never taken for names
    # `*ending` entries: (ending, entry), and the endings alone for one str.endswith.
    endings: tuple[tuple[str, Entry], ...] = ()
    ending_keys: tuple[str, ...] = ()
    number_words: frozenset[str] = frozenset()
    # Words after a speech verb and ":" or a reporting word ("dijo que…") are what
    # somebody said, i.e. evidence, up to the end of the sentence.
    speech_verbs: frozenset[str] = frozenset()
    reporting_words: frozenset[str] = frozenset()
    # The suggestion for the writer's own exclamation ("¡qué capo el profe!"), which is a
    # reaction, not evidence; "" leaves exclamations alone.
    exclamation_suggestion: str = ""
    # The suggestion for a judgement found by the language's model (walkapp.nudge.model)
    # rather than a listed word; "" turns the model off.
    general_suggestion: str = ""
    # The suggestion for judgement words in a note written with an appreciative stem of the
    # protocol's own (warm feedback): the words are still flagged, the wording is kinder.
    # "" uses the flag's own suggestion.
    appreciative_suggestion: str = ""
    # Word classes of the statistical layer: normalised word -> class feature ("<int>").
    word_classes: Mapping[str, str] = field(default_factory=dict)
    # Everyday short words of the language ("the", "and" / "el", "que"): they tell which
    # language a note is written in (walkapp.nudge.language), so that it is nudged in it.
    language_words: frozenset[str] = frozenset()

    def ending_entry(self, key: str) -> Entry | None:
        if not self.ending_keys or not key.endswith(self.ending_keys):
            return None
        return next((e for ending, e in self.endings if key.endswith(ending)), None)


def lexicon_path(language: str) -> Path:
    return data_dir("protocols") / "lang" / f"{language}.toml"


def available_languages() -> list[str]:
    folder = data_dir("protocols") / "lang"
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


def check_lexicon_data(data: Mapping[str, Any], name: str,
                       text: str | None = None) -> tuple[Lexicon | None, list[ProtocolError]]:
    """Validate a word-list file's data, with the same one-line errors as protocols."""
    issues = Issues()
    stop = check_schema_version(data, versions=(1,))
    if stop is not None:
        issues.items.append(stop)
    else:
        lexicon = _build(Reader(issues, data, ()))
        if not issues.items:
            return lexicon, []
    index = line_index(text) if text is not None else {}
    return None, [ProtocolError(i.message, file=name, field=show_path(i.path) if i.path else "",
                                line=find_line(index, i.path)) for i in issues.items]


def _build(top: Reader) -> Lexicon:
    top.has("schema_version")
    if top.text("kind", limit=40, required=True, example=LEXICON_KIND) != LEXICON_KIND:
        top.problem("kind", tr('must be "{kind}" in a word-list file').format(kind=LEXICON_KIND))
    language = top.text("language", limit=16, required=True, example="en")
    if language and not LANGUAGE.fullmatch(language):
        top.problem("language", tr('is not a language code; use e.g. language = "en"'))
    root = Node()
    endings: list[tuple[str, Entry]] = []
    seen: dict[tuple[str, ...], str] = {}
    for table in top.tables("evaluative", limit=50, required=True):
        if not isinstance(table, Reader):
            continue
        group = table.slug("group", example="praise")
        suggestion = table.text("suggestion", limit=300, required=True,
                                example="Try “I noticed…”.")
        for phrase in table.texts("words", limit_items=2000, limit_chars=100):
            words = phrase_words(phrase)
            if not words:
                table.problem("words", tr("“{phrase}” has no letters; remove it").format(
                    phrase=phrase))
                continue
            if words in seen:
                table.problem("words", tr("“{phrase}” is listed twice (also in the {group} "
                                          "group); keep one").format(phrase=phrase,
                                                                     group=seen[words]))
                continue
            problem = _pattern_problem(words)
            if problem:
                table.problem("words", tr("“{phrase}”: {problem}").format(phrase=phrase,
                                                                           problem=problem))
                continue
            seen[words] = group
            entry = Entry(words, suggestion, group)
            if words[0].startswith("*"):
                endings.append((words[0][1:], entry))
            else:
                _insert(root, words, entry)
        table.done()
    for phrase in top.texts("exceptions", limit_items=2000, limit_chars=100):
        words = phrase_words(phrase)
        problem = _pattern_problem(words, exception=True) or (
            tr("an exception cannot be an “*ending”") if words and words[0][0] == "*" else "")
        if problem:
            top.problem("exceptions", tr("“{phrase}”: {problem}").format(phrase=phrase,
                                                                          problem=problem))
        elif words:
            _insert(root, words, Entry(words, "", EXCEPTION.group))
    numbers = frozenset(normalise(w) for w in
                        top.texts("number_words", limit_items=500, limit_chars=30))
    telling = frozenset(normalise(w) for w in
                        top.texts("language_words", limit_items=1000, limit_chars=30))
    exclamation = top.text("exclamation_suggestion", limit=300)
    general = top.text("general_suggestion", limit=300)
    appreciative = top.text("appreciative_suggestion", limit=300)
    speech, reporting = frozenset[str](), frozenset[str]()
    reported = top.table("reported_speech")
    if reported is not None:
        speech = frozenset(normalise(w) for w in
                           reported.texts("verbs", limit_items=500, limit_chars=40))
        reporting = frozenset(normalise(w) for w in
                              reported.texts("reporting_words", limit_items=20,
                                             limit_chars=20))
        reported.done()
    classes: dict[str, str] = {}
    class_table = top.table("word_classes")
    if class_table is not None:
        for key, feature in WORD_CLASSES.items():
            for word in class_table.texts(key, limit_items=200, limit_chars=40):
                classes.setdefault(normalise(word), feature)
        class_table.done()
    names = top.table("names", required=True)
    suggestion, honorifics, common = "", frozenset[str](), frozenset[str]()
    if names is not None:
        suggestion = names.text("suggestion", limit=300, required=True,
                                example="This may be a person's name.")
        honorifics = frozenset(normalise(w) for w in
                               names.texts("honorifics", limit_items=200, limit_chars=30))
        common = frozenset(normalise(w) for w in
                           names.texts("common_words", limit_items=5000, limit_chars=60))
        names.done()
    top.done()
    endings.sort(key=lambda item: -len(item[0]))
    return Lexicon(
        language=language, phrases=root, name_suggestion=suggestion, honorifics=honorifics,
        common_words=common,
        flagged_words=frozenset(words[0] for words in seen
                                if len(words) == 1 and "*" not in words[0]),
        endings=tuple(endings), ending_keys=tuple(e for e, _ in endings),
        number_words=numbers, speech_verbs=speech, reporting_words=reporting,
        exclamation_suggestion=exclamation, general_suggestion=general,
        appreciative_suggestion=appreciative, word_classes=classes, language_words=telling)


def _pattern_problem(words: tuple[str, ...], *, exception: bool = False) -> str:
    """Why a listed phrase's patterns cannot be used ("" when they can). An exception may
    start with a number ("# alumnos no": a count of who did not, not a judgement)."""
    for index, word in enumerate(words):
        if word in (NUMBER, ANY):
            if index == 0 and not (exception and word == NUMBER and len(words) > 1):
                return tr("a phrase cannot start with “{word}”").format(word=word)
            continue
        if word.startswith("*") and index == 0 and len(words) > 1:
            return tr("an “*ending” can be a whole entry (“*ísimo”) or a later word of a "
                      "phrase (“estaban *ados”), not a phrase's first word")
        if word.startswith("*") and len(word) - 1 < STEM_MIN:
            return tr("an “*ending” needs at least {n} letters").format(n=STEM_MIN)
        if word.endswith("*") and len(word) - 1 < STEM_MIN:
            return tr("a “stem*” needs at least {n} letters before the *").format(n=STEM_MIN)
    return ""


def _insert(root: Node, words: tuple[str, ...], entry: Entry) -> None:
    node = root
    for word in words:
        node = node.child(word)
    if node.entry is None or node.entry.group == EXCEPTION.group:
        node.entry = entry


@lru_cache(maxsize=16)
def load_lexicon(language: str) -> Lexicon | None:
    """The word list for `language` ("es-MX" falls back to "es"), or None if there is none.
    A damaged built-in list raises ProtocolError (the tests keep them valid)."""
    from walkapp.protocol.loader import parse_toml, read_text

    for candidate in dict.fromkeys((language, language.split("-")[0].lower())):
        if not LANGUAGE.fullmatch(candidate):
            continue
        path = lexicon_path(candidate)
        if not path.is_file():
            continue
        text = read_text(path)
        lexicon, errors = check_lexicon_data(parse_toml(text, str(path)), str(path), text)
        if lexicon is None:
            raise errors[0]
        return lexicon
    return None
