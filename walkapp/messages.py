"""Messages in the user's language (gettext), without Babel: `tr`, `N_`, `ngettext`.

walkapp.formatting is the one place for the language in force and re-exports `tr` and `N_`
(`walkapp.formatting.tr` is this `tr`); they live here, on the standard library's gettext
alone, so that `walkapp --help` can say its text in the user's language without loading
Babel (tests/core/test_cli_imports.py: help loads no Babel, no database layer).

The language in force, in order: `formatting.language(...)` (a report in its walk's
language; a ContextVar, so per thread), `formatting.set_locale(...)` (the app's
setting, --lang), then the environment (LC_ALL, LC_MESSAGES, LANG). The catalogue is
<translations>/<lang>/LC_MESSAGES/walkapp.mo, <translations> being the environment's
WALKAPP_TRANSLATIONS_DIR if set, else the installed resources/translations; without one,
messages stay as written (English).
"""

from __future__ import annotations

import contextvars
import functools
import gettext
import os
import sys

DOMAIN = "walkapp"
FALLBACK = "en"
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")

# formatting.language's choice (a report in its walk's language), per thread and task.
# formatting.set_locale's (the app's setting) stays formatting's own `_override`.
within: contextvars.ContextVar[str | None] = contextvars.ContextVar("walkapp_language",
                                                                   default=None)


def asked_for() -> str:
    """The locale asked for, as written ("es_ES.UTF-8", "en_GB"): read on every call, since
    the environment, the setting and a report's language may change."""
    value = within.get()
    if value is not None:
        return value
    # Whoever set a locale imported walkapp.formatting to do it; `walkapp --help` did not.
    chosen = getattr(sys.modules.get("walkapp.formatting"), "_override", None)
    if chosen is not None:
        return str(chosen)
    for variable in ENVIRONMENT:
        value = os.environ.get(variable, "")
        if value:
            return value
    return FALLBACK


def _language(value: str) -> str:
    # "es_ES.UTF-8@euro" → "es_ES" (gettext tries es_ES, then es); C, POSIX: English.
    name = value.split(".", 1)[0].split("@", 1)[0].strip().replace("-", "_")
    return FALLBACK if not name or name.upper() in ("C", "POSIX") else name


@functools.lru_cache(maxsize=1)
def _resource_folder() -> str:
    from walkapp.paths import data_dir

    try:
        return str(data_dir("resources") / "translations")
    except FileNotFoundError:
        return ""


@functools.lru_cache(maxsize=16)
def _catalogue(name: str, folder: str) -> gettext.NullTranslations:
    if not folder:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, folder, languages=[name], fallback=True)


def translations() -> gettext.NullTranslations:
    """The catalogue for the language in force (a NullTranslations without one)."""
    # WALKAPP_TRANSLATIONS_DIR: a folder of catalogues in place of the installed ones (the
    # pseudo-locale harness, tests that build a catalogue).
    folder = os.environ.get("WALKAPP_TRANSLATIONS_DIR") or _resource_folder()
    return _catalogue(_language(asked_for()), folder)


def reset() -> None:
    """Forget the catalogues read so far (a test that builds one, a rebuilt catalogue)."""
    _catalogue.cache_clear()


def tr(message: str) -> str:
    """`message` in the user's language when a catalogue has it (else as written).
    Placeholders ("{name}") are filled after: `tr("Hello {name}").format(name=…)`."""
    return translations().gettext(message)


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it: for text made at import
    time (module constants, the report registry), translated with `tr` where it is shown."""
    return message


def ngettext(one: str, other: str, count: int) -> str:
    return translations().ngettext(one, other, count)
