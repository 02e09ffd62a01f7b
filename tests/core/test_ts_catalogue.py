"""The Spanish catalogues are whole and current: every entry of walkapp_es.ts translated
and finished (no "unfinished", "obsolete" or "vanished" entry: `make translations` drops
text that left the code), numerus forms for %n, and each translation keeps its source's
placeholders (Qt's %1…%9 and %n, Python's {0} / {name}). The core's .po, when the branch
has one, is held to the same (Python placeholders; no fuzzy entry)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from walkapp import i18n_build

FOLDER = i18n_build.source_folder()
TS = FOLDER / "walkapp_es.ts"
PO = FOLDER / "es" / "LC_MESSAGES" / "walkapp.po"
_QT = re.compile(r"%(?:\d|n)")
_PYTHON = re.compile(r"\{[A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")


def placeholders(text: str) -> Counter[str]:
    return Counter(_QT.findall(text) + _PYTHON.findall(text))


def ts_problems(text: str) -> list[str]:
    problems = []
    for context in ET.fromstring(text).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            where = f"{name}: {source[:70]!r}"
            translation = message.find("translation")
            if translation is None:
                problems.append(f"{where}: no translation")
                continue
            kind = translation.get("type")
            if kind in ("unfinished", "obsolete", "vanished"):
                problems.append(f"{where}: {kind}")
                continue
            forms = ([f.text or "" for f in translation.iter("numerusform")]
                     if message.get("numerus") == "yes" else [translation.text or ""])
            if not forms or not all(f.strip() for f in forms):
                problems.append(f"{where}: empty")
            for form in forms:
                if placeholders(form) != placeholders(source):
                    problems.append(f"{where}: placeholders {sorted(placeholders(form))} "
                                    f"≠ {sorted(placeholders(source))}")
    return problems


def test_the_qt_catalogue_is_whole_and_current() -> None:
    problems = ts_problems(TS.read_text(encoding="utf-8"))
    assert not problems, f"{len(problems)} problems in {TS.name}:\n" + "\n".join(
        problems[:60])


def test_the_check_finds_each_kind_of_problem() -> None:
    ts = """<TS version="2.1" language="es"><context><name>C</name>
    <message><source>Fine %1</source><translation>Bien %1</translation></message>
    <message><source>Left</source><translation type="unfinished"></translation></message>
    <message><source>Gone</source><translation type="vanished">Ido</translation></message>
    <message><source>Old</source><translation type="obsolete">Viejo</translation></message>
    <message><source>Walk {0} of {1}</source><translation>Recorrido {0}</translation></message>
    <message numerus="yes"><source>%n notes</source><translation>
      <numerusform>%n nota</numerusform><numerusform>notas</numerusform></translation></message>
    </context></TS>"""
    kinds = [problem.split(": ")[-1].split(" ")[0] for problem in ts_problems(ts)]
    assert kinds == ["unfinished", "vanished", "obsolete", "placeholders", "placeholders"]


def test_the_core_catalogue_is_whole_and_current() -> None:
    if not PO.is_file():
        pytest.skip("no core catalogue on this branch (resources/translations/es/…/walkapp.po)")
    from babel.messages.pofile import read_po

    with PO.open("rb") as source:
        catalogue = read_po(source)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        where = repr(ids[0][:70])
        if message.fuzzy:
            problems.append(f"{where}: fuzzy")
        if not all(s.strip() for s in strings):
            problems.append(f"{where}: untranslated")
        for string in strings:
            if string and placeholders(string) - placeholders(ids[-1]) - placeholders(ids[0]):
                problems.append(f"{where}: placeholders differ")
    problems += [f"{m.id!r}: obsolete" for m in catalogue.obsolete.values()]
    assert not problems, "\n".join(problems[:60])
