"""Which language walkapp speaks: the command line's `--lang`, else the choice made in
Preferences, else the system's (LC_ALL, LC_MESSAGES, LANG, as walkapp.formatting reads
them). The language is "en" or "es"; a system locale es_MX or es_ES is "es", anything
walkapp has no catalogue for is "en".

The language picks the catalogues; walkapp.formatting keeps the one locale in force for
dates and numbers, which keeps the system's region when it speaks the same language
(es_MX stays es_MX under "es", de_DE stays de_DE under "en"; en_GB under "es" becomes
plain "es").

"qps" is the pseudo-locale of the catalogue tests (walkapp.i18n_build.build_pseudo):
English formatting, every catalogue text wrapped in ⟦…⟧. It is never offered to users.
"""

from __future__ import annotations

import os

ENGLISH, SPANISH, PSEUDO = "en", "es", "qps"
LANGUAGES = (ENGLISH, SPANISH)
# The Preferences choice ("system" follows the system's locale).
SYSTEM = "system"
CHOICES = (SYSTEM, *LANGUAGES)
_ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")
# Catalogues other than the bundled ones (the pseudo-locale's): read by walkapp.formatting
# and by the Qt layer's loader.
TRANSLATIONS_DIR_ENV = "WALKAPP_TRANSLATIONS_DIR"


def system_locale() -> str:
    """The system's locale name as POSIX programs read it ("es_MX.UTF-8"; "" if none)."""
    for variable in _ENVIRONMENT:
        value = os.environ.get(variable, "")
        if value:
            return value
    return ""


def language_of(locale: str) -> str:
    """"es" for es, es_MX, es-419.UTF-8…; "en" for everything else (C, POSIX, de_DE…)."""
    code = locale.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
    code = code.strip().lower()
    return code if code in LANGUAGES or code == PSEUDO else ENGLISH


def choose(command_line: str | None = None, preference: str | None = None) -> str:
    """The language in force: `--lang` > the Preferences choice > the system's."""
    if command_line:
        return language_of(command_line)
    if preference and preference != SYSTEM:
        return language_of(preference)
    return language_of(system_locale())


def locale_for(language: str) -> str:
    """The formatting locale for `language`: the system's own when it is of that language
    (its region kept), else the language alone; English under the pseudo-locale."""
    if language == PSEUDO:
        return ENGLISH
    system = system_locale().split(".", 1)[0].split("@", 1)[0]
    if system and language_of(system) == language:
        return system  # de_DE under "en" stays de_DE: German dates, English words
    return language


def apply(language: str) -> None:
    """Format (and translate the core's text) in `language` from now on."""
    from walkapp import formatting as fmt  # not at import: `walkapp --help` needs no Babel

    fmt.set_locale(locale_for(language))


def checked(value: str) -> str:
    """argparse's type for `--lang`: "en", "es" (or the hidden "qps"), as typed in any
    case; anything else is refused with the list."""
    import argparse

    from walkapp import formatting as fmt

    code = value.strip().lower()
    if code in LANGUAGES or code == PSEUDO:
        return code
    raise argparse.ArgumentTypeError(
        fmt.tr("“{value}” is not a language walkapp speaks; choose one of: {choices}").format(
            value=value, choices=", ".join(LANGUAGES)))


def own_name(code: str) -> str:
    """A language by its own name, as language menus show it ("English", "Español",
    "Français"), whatever the app speaks; the code itself when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return (name[:1].upper() + name[1:]) if name else code

