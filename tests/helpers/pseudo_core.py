"""The core under the pseudo-locale, for tests that catch text never wrapped for translation.

    def test_every_message_is_wrapped(core_pseudo):
        with core_pseudo():
            problems = check(bad_input)
        assert not unwrapped([str(p) for p in problems], user=[...])

`core_pseudo` (a fixture, conftest.py) builds the pseudo-locale's catalogues once per run
(walkapp.i18n_build.build_pseudo, extracted afresh from the code, so a new `tr` is in) and,
inside its context, has walkapp.messages read them: every message the core translates comes
out as ⟦…⟧. `unwrapped(texts, user)` lists the texts with words outside the brackets that
are not the caller's user data (values from the input: names, keys of the file format),
identifiers (`group_min`, `stems[2].label`, `notes.json`), file names, numbers or dates.

A message wrapped whole hides what was put into its placeholders: "⟦must be {what}⟧" filled
with an English fragment no catalogue gave still reads as wrapped. `strict_pseudo_folder`
builds catalogues in which each run of words between placeholders is wrapped on its own
("⟦must be ⟧{what}"), so a fragment glued into a message stands outside the brackets and
`unwrapped` finds it; `speaking_pseudo` speaks either.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from tests.helpers.pseudo_text import (
    english_calendar_words,
    residue,
    user_pattern,
    without_brackets,
)
from walkapp import formatting as fmt
from walkapp import i18n_build, messages

# Identifiers and paths: a quoted `code` span, a [section] of TOML, an option (--walk), a
# word with an underscore, a dot or brackets in it (a TOML key, a field path, a file name),
# a hash or id in hex, a UUID whole (its groups of four are no words).
_IDENTIFIER = re.compile(r"\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b"
                         r"|`[^`]*`|\[\[?[\w.-]+\]\]?|(?<![\w-])--?[a-z][\w-]*"
                         r"|[\w./\\-]*(?:_|\.\w|\[\d*\])[\w./\\\[\]-]*|\b[0-9a-f]{8,}\b")
_CATALOGUE: dict[str, Path] = {}


def pseudo_folder(tmp_root: Path) -> Path:
    """The pseudo-locale's catalogues, built once per run under `tmp_root`."""
    if "folder" not in _CATALOGUE:
        _CATALOGUE["folder"] = i18n_build.build_pseudo(tmp_root / "qps")
    return _CATALOGUE["folder"]


@contextlib.contextmanager
def speaking_pseudo(folder: Path) -> Iterator[None]:
    """Inside, the core's messages come from the pseudo-locale's catalogue (⟦…⟧); the
    locale, dates and numbers stay English (the catalogue is installed under "en")."""
    saved_env = os.environ.get(i18n_build.TRANSLATIONS_DIR_ENV)
    saved_locale = getattr(fmt, "_override", None)
    os.environ[i18n_build.TRANSLATIONS_DIR_ENV] = str(folder)
    fmt.set_locale("en")
    messages._catalogue.cache_clear()
    try:
        yield
    finally:
        if saved_env is None:
            os.environ.pop(i18n_build.TRANSLATIONS_DIR_ENV, None)
        else:
            os.environ[i18n_build.TRANSLATIONS_DIR_ENV] = saved_env
        fmt.set_locale(saved_locale)
        messages._catalogue.cache_clear()


def leftover(text: str, user: Iterable[str] = ()) -> str:
    """The words of `text` that came from no catalogue and are not `user`'s: "" if none.
    The brackets go first (a `code` span may open inside a bracket and close outside it),
    then identifiers and paths, then the user's values."""
    rest = _IDENTIFIER.sub(" ", without_brackets(text))
    rest = user_pattern([*user, "walkapp"]).sub(" ", rest)
    return residue(rest, user_pattern(["walkapp"]), english_calendar_words())


def unwrapped(texts: Iterable[str], user: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(text, its leftover words) of every text in `texts` with words no catalogue gave."""
    known = list(user)
    found = []
    for text in texts:
        left = leftover(text, known)
        if left:
            found.append((text, left))
    return found


def wrapped_share(texts: Iterable[str]) -> int:
    """How many of `texts` hold any ⟦…⟧ at all: a check that the pseudo-locale was in
    force (a test whose texts are all user data proves nothing)."""
    return sum(1 for text in texts if "⟦" in text)


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def strict_pseudo(text: str) -> str:
    """`text` with each run of words between its placeholders wrapped on its own:
    "must be {what}, found {found}" → "⟦must be ⟧{what}⟦, found ⟧{found}"."""
    holders = _PLACEHOLDER.findall(text)
    out = []
    for index, part in enumerate(_PLACEHOLDER.split(text)):
        out.append(f"{i18n_build.PSEUDO_OPEN}{part}{i18n_build.PSEUDO_CLOSE}"
                   if re.search(r"[^\W\d_]", part) else part)
        if index < len(holders):
            out.append(holders[index])
    return "".join(out)


def strict_pseudo_folder(tmp_root: Path) -> Path:
    """The core's catalogue under the strict pseudo-locale (`strict_pseudo`), built once per
    run under `tmp_root`: the messages of walkapp/, for `speaking_pseudo`."""
    if "strict" not in _CATALOGUE:
        from babel.messages.catalog import Catalog
        from babel.messages.mofile import write_mo

        target = tmp_root / "qps-strict"
        catalogue = Catalog(locale="en", domain=messages.DOMAIN)
        for one, other in i18n_build.core_messages([Path(i18n_build.__file__).parent]):
            if other is None:
                catalogue.add(one, strict_pseudo(one))
            else:
                catalogue.add((one, other), (strict_pseudo(one), strict_pseudo(other)))
        for language in (i18n_build.PSEUDO, "en"):
            mo = target / language / "LC_MESSAGES" / f"{messages.DOMAIN}.mo"
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as out:
                write_mo(out, catalogue)
        _CATALOGUE["strict"] = target
    return _CATALOGUE["strict"]


# -- inside the brackets -----------------------------------------------------------------------
# A message made of messages ("{where}: {problem}", "{file}: not imported. {reason}") comes
# out as one ⟦…⟧ around whatever was put into its placeholders, so `unwrapped` alone takes
# an English value inside it for translated text. `unwrapped_inside` opens each bracket it
# can read as one of the core's messages and checks what went into each placeholder.
_TEMPLATES: list[tuple[int, re.Pattern[str]]] = []
_PLAIN: set[str] = set()


def _templates() -> list[tuple[int, re.Pattern[str]]]:
    """Every core message with placeholders as a pattern (each placeholder a group), most
    specific (most fixed text) first, extracted afresh from the code like the catalogue;
    the messages without placeholders go to `_PLAIN`."""
    if not _TEMPLATES:
        roots = [Path(i18n_build.__file__).resolve().parent]
        ids = {text for pair in i18n_build.core_messages(roots) for text in pair if text}
        for text in ids:
            pieces = _PLACEHOLDER.split(text.replace("{{", "\0").replace("}}", "\1"))
            if len(pieces) < 2:
                _PLAIN.add(text)
                continue
            fixed = [re.escape(p).replace("\0", "{").replace("\1", "}") for p in pieces]
            _TEMPLATES.append((len("".join(pieces)), re.compile("(.*?)".join(fixed), re.S)))
        _TEMPLATES.sort(key=lambda entry: -entry[0])
    return _TEMPLATES


def _spans(text: str) -> list[str]:
    """The contents of the outermost ⟦…⟧ of `text`, in order."""
    found, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "⟦":
            if depth == 0:
                start = index + 1
            depth += 1
        elif char == "⟧" and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start:index])
    return found


def _values_left(content: str, user: list[str]) -> list[str]:
    """The words of the values put into a bracket's placeholders that came from no
    catalogue, down through the brackets inside them."""
    templates = _templates()
    if content in _PLAIN:
        return []  # a message as it is: nothing was put into it
    for _, pattern in templates:
        match = pattern.fullmatch(content)
        if match is None:
            continue
        left = []
        for value in match.groups():
            words = leftover(value, user)
            if words:
                left.append(words)
            for inner in _spans(value):
                left += _values_left(inner, user)
        return left
    return []  # a message without placeholders, or one this check cannot read: opaque


def unwrapped_inside(texts: Iterable[str], user: Iterable[str] = ()
                     ) -> list[tuple[str, str]]:
    """(text, its leftover words) of every text in `texts` that has words no catalogue gave,
    outside its brackets (`unwrapped`) or inside them, in a value put into a message."""
    known = list(user)
    found = []
    for text in texts:
        left = [leftover(text, known)]
        for content in _spans(text):
            left += _values_left(content, known)
        words = " ".join(word for word in left if word)
        if words:
            found.append((text, words))
    return found
