"""walkapp.i18n_build: .ts → .qm with PySide6's lrelease, .po → .mo with Babel, and the
pseudo-locale's catalogues (every text wrapped in ⟦…⟧, placeholders intact)."""

from __future__ import annotations

import gettext
from pathlib import Path

from walkapp import i18n_build

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Library</name>
    <message>
        <source>New walk</source>
        <translation>Nuevo recorrido</translation>
    </message>
    <message>
        <source>Walk {0} of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: es\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "{n} walker"
msgstr "{n} participante"

msgid "{n} visit"
msgid_plural "{n} visits"
msgstr[0] "{n} visita"
msgstr[1] "{n} visitas"

#, fuzzy
msgid "Draft"
msgstr "Borrador"
"""


def _po(folder: Path) -> Path:
    po = folder / "es" / "LC_MESSAGES" / "walkapp.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO, encoding="utf-8")
    return po


def test_build_compiles_every_source(tmp_path: Path) -> None:
    (tmp_path / "walkapp_es.ts").write_text(TS, encoding="utf-8")
    _po(tmp_path)
    assert i18n_build.missing_binaries(tmp_path)
    written = i18n_build.build(tmp_path)
    assert sorted(p.name for p in written) == ["walkapp.mo", "walkapp_es.qm"]
    assert (tmp_path / "walkapp_es.qm").stat().st_size > 0
    assert (tmp_path / "walkapp_es.qm").stat().st_mode & 0o044 == 0o044  # others can read
    assert i18n_build.missing_binaries(tmp_path) == []
    with (tmp_path / "es" / "LC_MESSAGES" / "walkapp.mo").open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    assert catalogue.gettext("{n} walker") == "{n} participante"
    assert catalogue.ngettext("{n} visit", "{n} visits", 3) == "{n} visitas"
    assert catalogue.gettext("Draft") == "Draft"  # fuzzy: left out, as msgfmt does


def test_the_qm_translates(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    (tmp_path / "walkapp_es.ts").write_text(TS, encoding="utf-8")
    i18n_build.build(tmp_path)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "walkapp_es.qm"))
    assert translator.translate("Library", "New walk") == "Nuevo recorrido"
    assert translator.translate("Library", "Walk {0} of %1") == ""  # unfinished: none


def test_pseudo_wraps_every_text(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    ts = tmp_path / "walkapp_es.ts"
    ts.write_text(TS, encoding="utf-8")
    code = tmp_path / "code"
    code.mkdir()
    (code / "m.py").write_text(
        'from walkapp import formatting as fmt\n'
        'a = fmt.tr("Saved at {time}")\n'
        'b = fmt.plural(3, "walker", "walkers")\n'
        'c = fmt.plural(3, "{n} note kept", "{n} notes kept")\n', encoding="utf-8")
    target = i18n_build.build_pseudo(tmp_path / "pseudo", ts_files=[ts], code_roots=[code])
    translator = QTranslator()
    assert translator.load(str(target / "walkapp_qps.qm"))
    assert translator.translate("Library", "Walk {0} of %1") == "⟦Walk {0} of %1⟧"
    for folder in ("qps", "en"):
        with (target / folder / "LC_MESSAGES" / "walkapp.mo").open("rb") as mo:
            catalogue = gettext.GNUTranslations(mo)
        assert catalogue.gettext("Saved at {time}") == "⟦Saved at {time}⟧"
        # A bare noun's ids as written: fmt.plural asks for "walker", then puts the count
        # in front of the form chosen.
        assert catalogue.ngettext("walker", "walkers", 1) == "⟦walker⟧"
        assert catalogue.ngettext("{n} note kept", "{n} notes kept", 2) == "⟦{n} notes kept⟧"


def test_the_sources_build() -> None:
    """The repository's own catalogues compile (what the install step does)."""
    for path in i18n_build.build():
        assert path.stat().st_size > 0
