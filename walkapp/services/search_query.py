"""What the user typed into a search, as a query that cannot fail: never FTS5 syntax that
they must know.

- Words are ANDed, and each is matched as the start of a word ("tal" finds "talk"); a word
  of one letter or digit is matched whole ("a" would start half the words there are).
- "Quoted phrases" are matched as phrases, word for word.
- Anything else — an unbalanced quote, `*`, `NEAR`, `AND`, `-`, parentheses, emoji,
  control characters, a 50 KB paste — is text: it is cut into words by the very tokenizer
  the index uses (`unicode61 remove_diacritics 2`, run on a small in-memory SQLite table),
  so what the query looks for is exactly what the index holds, folded the same way
  (case and accents). Text with no word in it (only punctuation) is a query for nothing.
- A word that is there twice counts once; past `MAX_TERMS` distinct words the rest are
  left out (`Query.cut_short`), since a note that holds a whole pasted page is not what a
  search is for, and a query of thousands of words would only be slow.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass, field

# Distinct words and phrases a query looks for, at most.
MAX_TERMS = 64
# Characters of the typed text looked at, at most (a megabyte paste: its first 200,000).
MAX_TEXT_CHARS = 200_000
TOKENIZER = "unicode61 remove_diacritics 2"


@dataclass(frozen=True)
class Term:
    """One word (its tokens: "self-talk" is two) or one quoted phrase."""

    tokens: tuple[str, ...]
    phrase: bool = False
    # As typed (for a search without the index: PostgreSQL's ILIKE); not part of equality.
    typed: str = field(default="", compare=False)

    @property
    def prefix(self) -> bool:
        """A typed word is matched as the start of a word, unless it is one character."""
        return not self.phrase and len(self.tokens[-1]) > 1


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...]
    cut_short: bool = False  # more words were typed than MAX_TERMS: the first ones count

    @property
    def empty(self) -> bool:
        return not self.terms

    def fts(self) -> str:
        """The FTS5 MATCH expression: every term a quoted string (tokens hold no quote and
        no separator, being the tokenizer's own output), ANDed."""
        return " AND ".join(
            '"' + " ".join(term.tokens) + '"' + ("*" if term.prefix else "")
            for term in self.terms)

    def words(self) -> tuple[str, ...]:
        """Every token looked for (for a snippet made without FTS5)."""
        return tuple(token for term in self.terms for token in term.tokens)


_QUOTED = re.compile(r'"([^"]*)"')


def _pieces(text: str) -> list[tuple[str, bool]]:
    """(chunk, is a quoted phrase) in order; an unmatched quote is only a separator."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _QUOTED.finditer(text):
        pieces.extend((word, False) for word in text[at:match.start()].split())
        pieces.append((match.group(1), True))
        at = match.end()
    pieces.extend((word, False) for word in text[at:].replace('"', " ").split())
    return pieces


def parse(text: str) -> Query:
    """The query for what the user typed (any text at all)."""
    text = (text or "")[:MAX_TEXT_CHARS]
    # A lone surrogate cannot go to SQLite (it is not UTF-8): a separator.
    text = re.sub("[\ud800-\udfff\x00]", " ", text)
    pieces = _pieces(text)
    tokenized = tokenize([chunk for chunk, _ in pieces])
    terms: list[Term] = []
    seen: set[Term] = set()
    cut_short = False
    for (chunk, phrase), tokens in zip(pieces, tokenized, strict=True):
        if not tokens:
            continue
        term = Term(tuple(tokens), phrase and len(tokens) > 1, chunk.strip())
        if term in seen:
            continue
        if len(terms) == MAX_TERMS:
            cut_short = True
            break
        seen.add(term)
        terms.append(term)
    return Query(tuple(terms), cut_short)


_local = threading.local()


def _probe() -> sqlite3.Connection:
    """This thread's in-memory table with the index's tokenizer (a connection is never
    shared across threads)."""
    connection: sqlite3.Connection | None = getattr(_local, "connection", None)
    if connection is None:
        connection = sqlite3.connect(":memory:")
        # FTS5 cuts a token at 32 KB, which can split a character: the index holds the same
        # cut token, which the part before the split character starts.
        connection.text_factory = lambda raw: raw.decode("utf-8", "ignore")
        connection.execute(f"CREATE VIRTUAL TABLE probe USING fts5(a, tokenize='{TOKENIZER}')")
        connection.execute("CREATE VIRTUAL TABLE probe_words USING fts5vocab(probe, instance)")
        _local.connection = connection
    return connection


def tokenize(chunks: list[str]) -> list[list[str]]:
    """Each chunk's tokens, in order, as the index's tokenizer makes them."""
    if not chunks:
        return []
    connection = _probe()
    found: list[list[str]] = [[] for _ in chunks]
    with connection:
        connection.executemany("INSERT INTO probe (rowid, a) VALUES (?, ?)",
                               [(index, chunk) for index, chunk in enumerate(chunks)])
        for doc, term in connection.execute(
                "SELECT doc, term FROM probe_words ORDER BY doc, offset"):
            found[int(doc)].append(str(term))
        connection.execute("DELETE FROM probe")
    return found
