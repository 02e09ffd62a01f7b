"""The nudge's word lists: loaded from `protocols/lang/<language>.toml`, checked, and
compiled into lookup tables so that a note can be checked on every keystroke.

Words and phrases are normalised the same way the note's words are (lower case, accents
removed, curly apostrophes straightened), so matching is case- and accent-insensitive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from walkapp.paths import data_dir
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.fields import Issues, Reader, show_path
from walkapp.protocol.locate import find_line, line_index
from walkapp.protocol.validate import LANGUAGE, check_schema_version

LEXICON_KIND = "nudge-words"
# A word: letters/digits, possibly joined by apostrophes ("didn't", "students'" stops at s).
WORD = re.compile(r"\w+(?:['’]\w+)*")


@lru_cache(maxsize=8192)
def normalise(word: str) -> str:
    """Lower-case, accent-free, straight-apostrophe form of one word."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(normalise(w) for w in WORD.findall(phrase))


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]
    suggestion: str
    group: str


# An exception ("good morning") is stored in the same tree as the flagged phrases; when it
# is the longest match, its words are passed over without a flag.
EXCEPTION = Entry((), "", "exception")


class Node(dict[str, "Node"]):
    """A word tree: each level is the next word of a phrase; `entry` ends a phrase."""

    __slots__ = ("entry",)

    def __init__(self) -> None:
        super().__init__()
        self.entry: Entry | None = None


@dataclass(frozen=True)
class Lexicon:
    language: str
    phrases: Node
    name_suggestion: str
    honorifics: frozenset[str]
    common_words: frozenset[str]
    flagged_words: frozenset[str]  # single evaluative words, never taken for names


def lexicon_path(language: str) -> Path:
    return data_dir("protocols") / "lang" / f"{language}.toml"


def available_languages() -> list[str]:
    folder = data_dir("protocols") / "lang"
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


def check_lexicon_data(data: Mapping[str, Any], name: str,
                       text: str | None = None) -> tuple[Lexicon | None, list[ProtocolError]]:
    """Validate a word-list file's data, with the same one-line errors as protocols."""
    issues = Issues()
    stop = check_schema_version(data)
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
        top.problem("kind", f'must be "{LEXICON_KIND}" in a word-list file')
    language = top.text("language", limit=16, required=True, example="en")
    if language and not LANGUAGE.fullmatch(language):
        top.problem("language", 'is not a language code; use e.g. language = "en"')
    root = Node()
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
                table.problem("words", f"“{phrase}” has no letters; remove it")
                continue
            if words in seen:
                table.problem("words", f"“{phrase}” is listed twice (also in the "
                                       f"{seen[words]} group); keep one")
                continue
            seen[words] = group
            _insert(root, words, Entry(words, suggestion, group))
        table.done()
    for phrase in top.texts("exceptions", limit_items=2000, limit_chars=100):
        words = phrase_words(phrase)
        if words:
            _insert(root, words, Entry(words, "", EXCEPTION.group))
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
    return Lexicon(
        language=language, phrases=root, name_suggestion=suggestion, honorifics=honorifics,
        common_words=common,
        flagged_words=frozenset(words[0] for words in seen if len(words) == 1))


def _insert(root: Node, words: tuple[str, ...], entry: Entry) -> None:
    node = root
    for word in words:
        node = node.setdefault(word, Node())
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
