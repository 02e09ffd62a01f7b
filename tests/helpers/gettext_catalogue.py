"""The core's gettext catalogue, for tests: its files, and a `.mo` built from the `.po`.

The `.mo` is never committed (the install step builds it, walkapp.i18n_build); a test that
needs Spanish builds one here, with Babel's own writer, into a folder it then names in
WALKAPP_TRANSLATIONS_DIR (walkapp.messages reads catalogues from there).
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
POT = TRANSLATIONS / "walkapp.pot"
BABEL_CFG = TRANSLATIONS / "babel.cfg"
KEYWORDS = ("tr", "N_", "plural:2,3")
LANGUAGES = ("es",)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_PERCENT = re.compile(r"%(?:\(\w+\))?[sdr]")  # argparse's and logging's own


def po_path(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / "walkapp.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def build_mo(folder: Path, languages: tuple[str, ...] = LANGUAGES) -> Path:
    """Write <folder>/<lang>/LC_MESSAGES/walkapp.mo for each language; returns `folder`."""
    for language in languages:
        target = folder / language / "LC_MESSAGES" / "walkapp.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, read(po_path(language), language))
    return folder


def placeholders(text: str) -> list[str]:
    """The `{name}` (and `%(name)s`, `%d`) placeholders of a message, sorted (`{{` and
    `}}` are literal braces)."""
    plain = text.replace("{{", "").replace("}}", "")
    return sorted(_PLACEHOLDER.findall(plain) + _PERCENT.findall(plain))


def english_pieces(catalogue: Catalog) -> set[str]:
    """The English words of every message id, cut at its placeholders: what must not be
    left in a translated page (pieces of four letters or more, e.g. "Next steps")."""
    pieces: set[str] = set()
    for message in catalogue:
        if not message.id:
            continue
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for piece in _PLACEHOLDER.split(text):
                piece = piece.strip(" .,:;()“”[]—-·…")
                if len(piece) >= 4 and re.search(r"[A-Za-z]{3}", piece):
                    pieces.add(piece)
    return pieces


def translated_text(catalogue: Catalog) -> str:
    """Every translation in `catalogue`, joined: a word of a message id that is also in
    here ("Total", "Describe", "Agenda") is a Spanish word too, not an English leftover."""
    parts: list[str] = []
    for message in catalogue:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (
                message.string,)
            parts.extend(s for s in strings if s)
    return "\n".join(parts)
