"""The language nudge: what it flags, what it leaves alone, how fast, and `walkapp nudge`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from walkapp.nudge import Flag, available_languages, check


def spans(text: str, lang: str = "en", kind: str | None = None) -> list[str]:
    return [text[f.start:f.end] for f in check(text, lang) if kind in (None, f.kind)]


def test_the_issue_example_is_quiet() -> None:
    assert check("Students discussed in pairs for 4 minutes") == []
    assert check("Students discussed in pairs for 4 minutes.") == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("The lesson was good.", ["good"]),
    ("Bad timing, and a messy room.", ["Bad", "messy"]),
    ("She should have waited.", ["should have"]),
    ("I liked the opener.", ["I liked"]),
    ("Groups FAILED to finish; lazy start.", ["FAILED", "lazy"]),
    ("Excellent! Poor pacing after that.", ["Excellent", "Poor"]),
    ("She did a great job with the timer.", ["did a great job"]),
    ("Students were well-behaved.", ["well-behaved"]),
    ("I didn’t like the seating.", ["I didn’t like"]),
])
def test_evaluative_words_and_phrases(text: str, flagged: list[str]) -> None:
    assert spans(text, kind="evaluative") == flagged


@pytest.mark.parametrize("text", [
    "The class said goodbye at 10:40.",  # "goodbye" is not "good"
    "Students wrote a shoulder partner's name… no: they wrote 'partner A'.",
    "The teacher said \"Great thinking, keep going\".",  # a quote is evidence
    "Board heading: “What makes a good paragraph?”",
    "A student wrote ‘I loved this book’ on her exit ticket.",
    "She greeted them with 'Good morning, everyone'.",
    "Good morning routine took 4 minutes.",  # an exception phrase
    "A good number of students raised a hand.",
    "Students drew a line of best fit.",
    "Students engaged in a debate about the ending.",
])
def test_descriptive_notes_stay_quiet(text: str) -> None:
    assert spans(text, kind="evaluative") == []


def test_matching_ignores_case_and_accents_in_spanish() -> None:
    assert spans("La clase fue PESIMA.", "es") == ["PESIMA"]
    assert spans("La explicación fue pésima.", "es") == ["pésima"]
    assert spans("Debería haber esperado.", "es") == ["Debería haber"]
    assert spans("Buenos días a todos, dijo.", "es") == []
    assert check("La clase fue buena.", "es-MX")[0].suggestion.startswith("Suena a elogio")


@pytest.mark.parametrize(("text", "names"), [
    ("Mr Patel asked the class to line up.", ["Mr Patel"]),
    ("Then Maria explained her method.", ["Maria"]),
    ("The teacher asked Jayden to read.", ["Jayden"]),
    ("I asked Dr. Okafor about the fair.", ["Dr. Okafor"]),
    ("She said 'Well done, Leo' quietly.", ["Leo"]),  # names are flagged even in quotes
    ("She asked Maria José and Tom O'Brien to swap.", ["Maria José", "Tom O'Brien"]),
    ("On Monday the Year 5 class visited the library.", []),
    ("In English, students used iPads and the TA read aloud.", []),
    ("Maria explained her method.", []),  # a sentence's first word is not guessed at
    ("Notes:\nJayden read first.", []),
    ("Students discussed in pairs for 4 minutes.", []),
])
def test_possible_names(text: str, names: list[str]) -> None:
    assert spans(text, kind="name") == names


def test_spanish_honorifics() -> None:
    assert spans("Hoy la Sra. López repartió las hojas.", "es", "name") == ["Sra. López"]
    assert spans("la profesora Ana García leyó", "es", "name") == ["profesora Ana García"]


def test_flags_carry_offsets_kind_and_a_stem() -> None:
    text = "Great start. Then Maria should have had more time."
    flags = check(text)
    assert [(f.kind, text[f.start:f.end]) for f in flags] == [
        ("evaluative", "Great"), ("name", "Maria"), ("evaluative", "should have")]
    assert "I noticed" in flags[0].suggestion
    assert "I wonder" in flags[2].suggestion and "I will try" in flags[2].suggestion
    assert "a student" in flags[1].suggestion
    assert flags[0] == Flag(0, 5, "evaluative", flags[0].suggestion)


def test_unknown_language_and_empty_text() -> None:
    # A language without a word list: nothing when the language is taken as given; an
    # English note is still nudged in English (tests/core/test_note_language.py).
    assert check("The lesson was great.", "xx", detect=False) == []
    assert check("", "en") == [] and check("   \n", "en") == []
    assert available_languages() == ["en", "es"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["en", "es"]))
def test_any_text_gives_valid_ordered_spans(text: str, lang: str) -> None:
    flags = check(text, lang)
    for flag in flags:
        assert 0 <= flag.start < flag.end <= len(text)
        assert flag.kind in ("evaluative", "name") and flag.suggestion
    starts = [f.start for f in flags]
    assert starts == sorted(starts)


# A note that mixes accents, quotes, names and judgements, to exercise every path of the
# check (also timed in tests/bench/bench_checks.py).
KEYSTROKE_CHUNK = ("Two students at the window compared answers and one said “I split it "
                   "into 24 and 24”. Then María should have had more time; the lesson was "
                   "great and Mr Patel's group was well-behaved. ")


def _work(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[int, Counter[str]]:
    """Run the check on `text`, counting its steps: look-ups in the lexicon and calls of
    its per-word helpers. Returns (words in the text, steps by kind)."""
    from walkapp.nudge import detect
    from walkapp.nudge.lexicon import WORD, Node

    steps: Counter[str] = Counter()
    real_get = Node.get

    def get(self: Node, key: str, default: object = None) -> object:
        steps["lexicon look-up"] += 1
        return real_get(self, key, default)  # type: ignore[arg-type]

    monkeypatch.setattr(Node, "get", get)
    for name in ("_longest", "_joined", "_capitalised", "_name_run", "_sentence_start",
                 "_quoted_regions", "normalise"):
        real = getattr(detect, name)

        def counted(*args: object, _real: Any = real, _name: str = name) -> object:
            steps[_name] += 1
            return _real(*args)

        monkeypatch.setattr(detect, name, counted)
    check(text)
    monkeypatch.undo()
    return len(WORD.findall(text)), steps


def test_one_pass_over_the_words_for_every_keystroke(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check runs on each pause in typing, so its work must grow with the note's words
    and no faster: one pass with dictionary look-ups (counted here; never timed)."""
    note = (KEYSTROKE_CHUNK * 40)[:2000]
    words, steps = _work(monkeypatch, note)
    twice_words, twice = _work(monkeypatch, note + " " + note)
    assert twice_words == 2 * words
    assert sum(steps.values()) <= 3 * words, steps
    assert sum(twice.values()) <= 2.1 * sum(steps.values()), (steps, twice)
    assert steps["_quoted_regions"] <= 1 and twice["_quoted_regions"] <= 1


def run_nudge(stdin: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "walkapp", "nudge", *args], input=stdin,
                          capture_output=True, timeout=60)


def test_cli_nudge_prints_one_json_object_per_line() -> None:
    notes = ["Students discussed in pairs for 4 minutes", "The lesson was great.", "",
             "La clase fue buena."]
    result = run_nudge(("\n".join(notes) + "\n").encode())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == len(notes)
    objects = [json.loads(line) for line in lines]
    assert [o["text"] for o in objects] == notes
    assert objects[0] == {"text": notes[0], "flags": []}
    assert list(objects[1]) == ["text", "flags"]
    assert objects[1]["flags"] == [{"start": 15, "end": 20, "kind": "evaluative",
                                    "suggestion": objects[1]["flags"][0]["suggestion"]}]
    assert list(objects[1]["flags"][0]) == ["start", "end", "kind", "suggestion"]
    assert objects[3]["flags"] == []  # English lists do not know Spanish words


def test_cli_nudge_spanish_and_odd_input(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from walkapp.cli import main

    # Windows line ends and bytes that are not UTF-8 are read, not fatal.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        b"La clase fue buena.\r\n\xff\xfe bad\n")))
    assert main(["nudge", "--lang", "es"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["text"] == "La clase fue buena." and first["flags"][0]["start"] == 13
    assert second["text"].endswith(" bad")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"text\n")))
    assert main(["nudge", "--lang", "klingon"]) == 1
    err = capsys.readouterr().err
    assert "no word list" in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(("text", "flagged"), [
    ("Le falta control del grupo.", ["falta control"]),
    ("La clase fue buenísima.", ["buenísima"]),  # "fue *" gives way to the judgement
    ("La clase fue muy poco.", ["poco"]),
    ("Faltaban tres alumnos.", []),  # "falt* #": a count, not a judgement
    ("Faltaban 3 alumnos.", []),
    ("Los alumnos se aburrían.", ["aburrían"]),  # "aburr*": any inflection
    ("Una actividad buenísima.", ["buenísima"]),
    ("Una explicación clarisima.", ["clarisima"]),  # "*ísimo", typed without the accent
    ("Las preguntas eran muy cerradas.", ["muy cerradas"]),  # "muy *"
    ("Explico muy bien los pasos.", ["muy bien"]),
    ("Deberia dar mas tiempo.", ["Deberia"]),
    ("Se perdió mucho tiempo repartiendo el material.", ["Se perdió mucho tiempo"]),
    ("La maestra dijo: excelente.", []),  # reported speech is evidence
    ("Un alumno dijo que era aburrido. La clase fue aburrida.", ["aburrida"]),
    ("Escribió 'muy bien' en la pizarra.", []),
    ("Buenos días, dijo la docente.", []),
    ("Los criterios de éxito estaban en la pizarra.", []),
    ("La clase fue en la biblioteca.", []),  # "fue *", but "fue en" says where
    ("La docente no escucha a los alumnos.", ["no escucha"]),
    ("Tres alumnos no entregaron la ficha.", []),  # "# alumnos no": a count
    ("Las mesas estaban organizadas en grupos.", []),
    ("Los alumnos estaban desmotivados.", ["estaban desmotivados"]),
    ("Los alumnos trabajaron individualmente.", []),  # "*mente", but it says how, not how well
    ("Los alumnos participaron activamente.", ["activamente"]),
])
def test_spanish_patterns(text: str, flagged: list[str]) -> None:
    assert spans(text, "es", "evaluative") == flagged


@pytest.mark.parametrize(("text", "names"), [
    ("Hoy la maestra Pérez repartió las hojas.", ["maestra Pérez"]),
    ("Después el niño Juan leyó su cuento.", ["Juan"]),
    ("La profesora Ana María Núñez pidió silencio.", ["profesora Ana María Núñez"]),
    ("Luego Martín y Sofía compararon.", ["Martín", "Sofía"]),
    ("En Ciencias Naturales midieron la planta.", []),
    ("Noté que en Educación Física usaron conos.", []),
])
def test_spanish_name_caution(text: str, names: list[str]) -> None:
    assert spans(text, "es", "name") == names
    # A surname is never taken for a judgement ("Pérez" is not "perezoso").
    assert not [f for f in check(text, "es") if f.kind == "evaluative"]


@pytest.mark.parametrize(("phrase", "problem"), [
    ("ab*", "needs at least 3 letters"),
    ("*ísimo muy", "first word"),
    ("# alumnos", "cannot start"),
    ("* bien", "cannot start"),
])
def test_bad_patterns_are_named(phrase: str, problem: str) -> None:
    from walkapp.nudge.lexicon import check_lexicon_data

    data = {"kind": "nudge-words", "schema_version": 1, "language": "es",
            "evaluative": [{"group": "praise", "suggestion": "x", "words": [phrase]}],
            "names": {"suggestion": "y"}}
    lexicon, errors = check_lexicon_data(data, "es.toml")
    assert lexicon is None and problem in errors[0].message, errors


# Second round (nudge2): families of phrasing, each with a twin the nudge must leave alone.
@pytest.mark.parametrize(("text", "lang", "flagged"), [
    # A describing negation is evidence; a negation of competence is a judgement.
    ("La profesora no habló durante 4 minutos.", "es", []),
    ("No hubo preguntas en los primeros 10 minutos.", "es", []),
    ("El alumno de la mesa 3 no abrió el cuaderno.", "es", []),
    ("No tenía preparado el material.", "es", ["No tenía preparado"]),
    ("No supo responder.", "es", ["No supo"]),
    # "era"/"fue" + an infinitive or a -ción noun names the task; + an adjective judges.
    ("La actividad era colorear un dibujo.", "es", []),
    ("El ejemplo fue calcular el volumen.", "es", []),
    ("Tres alumnos levantaron la mano y ninguno fue elegido.", "es", []),
    ("La clase fue espectacular.", "es", ["fue espectacular"]),
    ("La clase fue pésima.", "es", ["pésima"]),
    # Implied judgements, sarcasm and rhetorical questions.
    ("Otra vez la misma rutina de siempre.", "es", ["Otra vez la misma", "de siempre"]),
    ("¿Dónde estaba la planificación?", "es", ["Dónde estaba"]),
    ("Los chicos hacían lo que querían.", "es", ["lo que querían"]),
    ("Un alumno preguntó para qué sirve la fórmula.", "es", []),
    # English: reported speech is evidence; "looked" + a state is an inference.
    ("A student said he was bored.", "en", []),
    ("Ss were bored.", "en", ["bored"]),
    ("The teacher looked at the board.", "en", []),
    ("The teacher looked exhausted.", "en", ["exhausted"]),
    ("Kids looked lost.", "en", ["looked lost"]),
    ("Where was the planning??", "en", ["Where was the"]),
    ("Same old routine again.", "en", ["Same old"]),
    ("Explained it horribly.", "en", ["horribly"]),
    ("Students read a traditional tale.", "en", []),
    ("Students drew a solid line under the title.", "en", []),
])
def test_implied_judgements_and_their_descriptive_twins(text: str, lang: str,
                                                       flagged: list[str]) -> None:
    assert spans(text, lang, kind="evaluative") == flagged


@pytest.mark.parametrize(("text", "lang", "flagged"), [
    # The writer's own exclamation is a reaction; a quoted or reported one is evidence.
    ("¡Qué capo el profe de física!", "es", ["Qué capo"]),
    ("¡Ay, por fin salió el experimento!", "es", ["¡Ay, por fin salió el experimento!"]),
    ("Los niños gritaron «¡sí!» al ver el experimento.", "es", []),
    ("La profe dijo: ¡silencio! y se callaron.", "es", []),
    ("Wow!! 3 hands up.", "en", ["Wow!!"]),
    ("Children shouted \"yes!\" when they saw it.", "en", []),
    ("T said: stop! and they stopped.", "en", []),
    ("Excellent! Poor pacing after that.", "en", ["Excellent", "Poor"]),
    ("!!!", "en", []),
])
def test_exclamations(text: str, lang: str, flagged: list[str]) -> None:
    assert spans(text, lang, kind="evaluative") == flagged
