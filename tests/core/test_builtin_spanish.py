"""Every built-in protocol in Spanish (issue 19, item 3): a `<id>.es.toml` beside each
`<id>.toml`, which checks clean, keeps the English file's whole key structure (so answers,
reports and merges line up across languages), leaves no English text behind, and whose
note stems pass the Spanish nudge without a flag.

The structure is compared here on the raw TOML, independently of the library's own check
(walkapp.protocol.translations), so that a fault in one does not hide in the other."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from walkapp import nudge
from walkapp.cli.protocols import check_one
from walkapp.protocol.library import BUILTIN_ORDER, ProtocolLibrary, builtin_dir

BUILTINS = builtin_dir()
# Fields whose values are words for people; every other value (keys, kinds, activities,
# numbers, flags, step lists) is structure and must be the same in both languages.
HUMAN = {"title", "summary", "description", "text", "script", "prompt", "label", "note",
         "instructions", "detail_label", "low_label", "high_label", "norms", "options",
         "labels", "citation", "url", "based_on", "version"}
# Differ by design: the file's language, and a tally's key to press (it follows the word).
OWN = {"language", "shortcut"}
# Texts that may be the same in both languages: the published sources are cited as
# published, and a few words are the same in Spanish.
SAME_ALLOWED = {"citation", "url", "version"}
SAME_WORDS = {"PLC", "NSRF", "SRI"}
# Common English words that no Spanish sentence uses: one of them in a Spanish text is
# an untranslated phrase.
ENGLISH_WORDS = {"the", "and", "with", "you", "your", "what", "which", "students",
                 "teacher", "walk", "walkers", "we", "they", "is", "are", "of", "to"}


def _data(name: str) -> dict[str, Any]:
    return tomllib.loads((BUILTINS / name).read_text(encoding="utf-8"))


def _skeleton(value: Any, name: str = "") -> Any:
    """`value` with each human text replaced by a marker (a list of texts by one marker
    per item), so two languages of a protocol compare equal exactly when their keys,
    numbers and choices do."""
    if isinstance(value, dict):
        return {k: _skeleton(v, k) for k, v in value.items() if k not in OWN}
    if isinstance(value, list):
        return [_skeleton(v, name) for v in value]
    return "<text>" if name in HUMAN and isinstance(value, str) else value


def _texts(value: Any, path: str = "") -> dict[str, str]:
    """Every human text of a file's data by its path, e.g. "pre_brief.steps[2].script"."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in OWN:
                continue
            here = f"{path}.{key}" if path else key
            if key in HUMAN and isinstance(inner, str):
                out[here] = inner
            elif key in HUMAN and isinstance(inner, list) and all(
                    isinstance(i, str) for i in inner):
                out.update({f"{here}[{i}]": t for i, t in enumerate(inner)})
            else:
                out.update(_texts(inner, here))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            out.update(_texts(inner, f"{path}[{index}]"))
    return out


def test_every_built_in_has_a_spanish_file_and_nothing_else_is_shipped() -> None:
    english = sorted(p.name for p in BUILTINS.glob("*.toml") if p.name.count(".") == 1)
    spanish = sorted(p.name for p in BUILTINS.glob("*.es.toml"))
    assert english == sorted(f"{pid}.toml" for pid in BUILTIN_ORDER)
    assert spanish == sorted(f"{pid}.es.toml" for pid in BUILTIN_ORDER)
    assert sorted(BUILTINS.glob("*.toml")) == sorted(
        BUILTINS / n for n in english + spanish)


@pytest.mark.parametrize("protocol_id", BUILTIN_ORDER)
def test_each_spanish_file_checks_clean_and_is_found_by_its_language(
        protocol_id: str) -> None:
    what, problems, warnings = check_one(BUILTINS / f"{protocol_id}.es.toml")
    assert problems == [] and warnings == []
    assert what.startswith(f"{protocol_id} — ")
    library = ProtocolLibrary(Path("/nonexistent/walkapp-test"))
    spanish = library.entry(protocol_id, "es")
    assert spanish.path.name == f"{protocol_id}.es.toml"
    assert spanish.protocol.language == "es" and spanish.builtin
    assert library.entry(protocol_id, "es-MX") == spanish
    english = library.entry(protocol_id)
    assert english.protocol.language == "en"
    assert spanish.protocol.schema_version == english.protocol.schema_version
    assert spanish.title != english.title


@pytest.mark.parametrize("protocol_id", BUILTIN_ORDER)
def test_the_spanish_file_keeps_the_whole_key_structure(protocol_id: str) -> None:
    english, spanish = _data(f"{protocol_id}.toml"), _data(f"{protocol_id}.es.toml")
    assert spanish["language"] == "es" and english.get("language", "en") == "en"
    assert _skeleton(spanish) == _skeleton(english)
    # Every text the English file has, the Spanish one has too, at the same place.
    assert _texts(spanish).keys() == _texts(english).keys()


@pytest.mark.parametrize("protocol_id", BUILTIN_ORDER)
def test_no_english_is_left_in_the_spanish_texts(protocol_id: str) -> None:
    english = _texts(_data(f"{protocol_id}.toml"))
    spanish = _texts(_data(f"{protocol_id}.es.toml"))
    same = [path for path, text in spanish.items()
            if text == english[path] and path.rsplit(".", 1)[-1] not in SAME_ALLOWED
            and text not in SAME_WORDS]
    assert same == []
    # The source's note names published works by their English titles.
    cited = {p for p in spanish if p.rsplit(".", 1)[-1] in SAME_ALLOWED} | {"source.note"}
    for path, text in spanish.items():
        if path in cited:
            continue
        words = set(re.findall(r"[a-z]+", text)) & ENGLISH_WORDS
        assert not words, f"{protocol_id}.es.toml {path}: {sorted(words)} in {text!r}"


def test_the_spanish_nudge_word_list_is_there() -> None:
    assert "es" in nudge.available_languages()
    assert (BUILTINS / "lang" / "es.toml").is_file()
    assert nudge.load_lexicon("es") is not None


@pytest.mark.parametrize("protocol_id", BUILTIN_ORDER)
def test_the_spanish_stems_pass_the_nudge(protocol_id: str) -> None:
    protocol = ProtocolLibrary(Path("/nonexistent/walkapp-test")).get(protocol_id, "es")
    for spec in protocol.stems:
        for text in (spec.label, spec.prompt):
            assert nudge.check(text, "es", spec.tone.value) == [], (protocol_id, text)
        # A plain descriptive note written after the stem stays quiet too.
        note = spec.prompt.rstrip("…").rstrip() + " 12 de 14 alumnos escribían."
        assert nudge.check(note, "es", spec.tone.value) == [], (protocol_id, note)


def test_a_protocols_title_in_the_language_asked_for(tmp_path) -> None:
    from walkapp.protocol.library import ProtocolLibrary

    library = ProtocolLibrary(tmp_path / "mine")
    assert library.title_of("learning-walk") == "Learning walk"
    assert library.title_of("learning-walk", language="es") == "Recorrido de aprendizaje"
    # A language the protocol is not written in: its listed title.
    assert library.title_of("learning-walk", language="fr") == "Learning walk"
