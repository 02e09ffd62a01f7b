"""The core's gettext catalogue (resources/translations): the template is what the source
marks, and the Spanish catalogue translates all of it, with the same placeholders, Spanish
plural forms and nothing fuzzy (issue 19, item 5). qti18n's test does the same for the .ts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import gettext_catalogue as gc
from walkapp import formatting as fmt


def _ids(catalogue: object) -> set[object]:
    return {m.id for m in catalogue if m.id}  # type: ignore[attr-defined]


def test_the_template_holds_what_the_source_marks(tmp_path: Path) -> None:
    """Re-extract with the documented command: a string added, changed or removed in the
    source without `make translations` (pybabel extract + update) fails here."""
    fresh = tmp_path / "walkapp.pot"
    command = [sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
               str(gc.BABEL_CFG), "--no-default-keywords", "--no-location", "--sort-output",
               *(f"-k{k}" for k in gc.KEYWORDS), "-o", str(fresh), "."]
    subprocess.run(command, cwd=gc.ROOT, check=True, capture_output=True, timeout=300)
    committed, extracted = _ids(gc.read(gc.POT)), _ids(gc.read(fresh))
    assert sorted(map(str, extracted - committed)) == [], "new in the source: re-extract"
    assert sorted(map(str, committed - extracted)) == [], "gone from the source: re-extract"


@pytest.mark.parametrize("language", gc.LANGUAGES)
def test_every_entry_is_translated_and_none_is_stale_or_fuzzy(language: str) -> None:
    template = gc.read(gc.POT)
    catalogue = gc.read(gc.po_path(language), language)
    assert _ids(catalogue) == _ids(template), "the .po is not updated from the .pot"
    assert not list(catalogue.obsolete), "obsolete (#~) entries left in the .po"
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert fuzzy == []
    untranslated = [m.id for m in catalogue if m.id and not (
        all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert untranslated == []
    assert not catalogue.fuzzy, "the header is marked fuzzy"


@pytest.mark.parametrize("language", gc.LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    catalogue = gc.read(gc.po_path(language), language)
    wrong = []
    for m in catalogue:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        # Plural forms: the first is the singular's, every other the plural's.
        for index, text in enumerate(strings):
            source = ids[min(index, len(ids) - 1)]
            if gc.placeholders(text) != gc.placeholders(source):
                wrong.append((source, text))
    assert wrong == []


def test_spanish_plural_forms_are_the_agreed_ones() -> None:
    catalogue = gc.read(gc.po_path("es"), "es")
    assert catalogue.plural_forms == "nplurals=2; plural=(n != 1);"
    for m in catalogue:
        if m.id and isinstance(m.id, tuple):
            assert len(m.string) == 2, m.id


def test_a_built_catalogue_speaks_spanish(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALKAPP_TRANSLATIONS_DIR", str(gc.build_mo(tmp_path)))
    with fmt.language("es"):
        assert fmt.tr("Patterns") == "Patrones"
        assert fmt.plural(1, "walker", "walkers") == "1 participante"
        assert fmt.plural(3, "walker", "walkers") == "3 participantes"
        assert fmt.plural(12_345, "visit", "visits") == "12.345 visitas"
    assert fmt.tr("Patterns") == "Patterns"  # outside: the test's English again
    fmt.set_locale("es_MX")
    try:
        assert fmt.tr("Next steps") == "Próximos pasos"  # es_MX falls back to es
    finally:
        fmt.set_locale("en")
