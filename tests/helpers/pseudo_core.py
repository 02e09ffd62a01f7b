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

A value put into a wrapped message is inside its brackets, so an English reason or place
given as a value passes unseen; `pseudo_apart_folder` builds the catalogue with the
placeholders outside the brackets, for `speaking_pseudo` to read: then a value must be the
user's, an identifier or wrapped itself.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from tests.helpers.pseudo_text import english_calendar_words, residue, user_pattern
from walkapp import formatting as fmt
from walkapp import i18n_build, messages

# Identifiers and paths: a quoted `code` span, a [section] of TOML, an option (--walk), a
# word with an underscore, a dot or brackets in it (a TOML key, a field path, a file name),
# a hash or id in hex.
_IDENTIFIER = re.compile(r"`[^`]*`|\[\[?[\w.-]+\]\]?|--?[a-z][\w-]*"
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
    """The words of `text` that came from no catalogue and are not `user`'s: "" if none."""
    plain = _IDENTIFIER.sub(" ", text)
    return residue(plain, user_pattern([*user, "walkapp"]), english_calendar_words())


def unwrapped(texts: Iterable[str], user: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(text, its leftover words) of every text in `texts` with words no catalogue gave."""
    known = list(user)
    found = []
    for text in texts:
        left = leftover(text, known)
        if left:
            found.append((text, left))
    return found


# A placeholder of a brace-format message: {name}, {n}, {size:,}, {key!r}.
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def pseudo_apart(text: str) -> str:
    """`text` as the pseudo-locale says it with each placeholder outside the brackets:
    "⟦walkapp cannot read its database ⟧{path}⟦: ⟧{problem}⟦.⟧". The values put in then
    stand outside ⟦…⟧ too, so `unwrapped` sees an English fragment given as a value (a
    reason, a place, a count's noun) that the whole-message brackets would hide."""
    parts: list[str] = []
    last = 0
    for found in _PLACEHOLDER.finditer(text):
        parts += [i18n_build.pseudo(text[last:found.start()]), found.group()]
        last = found.end()
    parts.append(i18n_build.pseudo(text[last:]))
    return "".join(parts)


def pseudo_apart_folder(tmp_root: Path) -> Path:
    """The pseudo-locale's core catalogue with placeholders apart (`pseudo_apart`), built
    once per run from `pseudo_folder`'s under `tmp_root`."""
    if "apart" not in _CATALOGUE:
        from babel.messages.mofile import read_mo, write_mo

        source = pseudo_folder(tmp_root)
        target = tmp_root / "qps-apart"
        for mo in sorted(source.glob(f"*/LC_MESSAGES/{fmt.DOMAIN}.mo")):
            with mo.open("rb") as handle:
                catalogue = read_mo(handle)
            for message in catalogue:
                if not message.id:
                    continue
                if isinstance(message.id, str):
                    message.string = pseudo_apart(message.id)
                else:
                    message.string = tuple(pseudo_apart(i) for i in message.id)
            out = target / mo.relative_to(source)
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("wb") as handle:
                write_mo(handle, catalogue)
        _CATALOGUE["apart"] = target
    return _CATALOGUE["apart"]


def wrapped_share(texts: Iterable[str]) -> int:
    """How many of `texts` hold any ⟦…⟧ at all: a check that the pseudo-locale was in
    force (a test whose texts are all user data proves nothing)."""
    return sum(1 for text in texts if "⟦" in text)
