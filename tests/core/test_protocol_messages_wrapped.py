"""Every message a protocol author meets comes from the core's catalogue (issue 19, item 2):
what `walkapp protocol check`, the protocol library, `walkapp protocol upgrade`, a walk's
saved protocol, the runner and the plan choices say about a broken file or a wrong action.

The bad inputs are the hostile protocols of the loader's own tests (tests/core/
test_protocol_v2.py's lists, the slips of test_protocol_messages.py) and, for the Reader's
messages, every key of the carrier of all keys (tests/helpers/protocol_carrier.py) given
each kind of wrong value in turn. They are checked under the strict pseudo-locale
(tests.helpers.pseudo_core.strict_pseudo_folder): each run of words between placeholders is
wrapped on its own, so a fragment put into a message ("the number 5", "line 3") that no
catalogue gave stands outside the brackets. What may stand there is the input's own words,
the file format's keys and choices, identifiers, numbers and file names.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest

from tests.core.test_protocol_loader import MINIMAL
from tests.core.test_protocol_v2 import MISTAKES, STEP_MISTAKES, V2, V2_ONLY
from tests.helpers import pseudo_core
from tests.helpers.cli_run import run
from tests.helpers.protocol_carrier import carrier
from tests.helpers.pseudo_core import unwrapped, wrapped_share
from walkapp import formatting as fmt
from walkapp.domain import PatternKind, Stem
from walkapp.errors import WalkappError
from walkapp.protocol import ProtocolError, check_file, check_text, from_snapshot
from walkapp.protocol import schema as protocol_schema
from walkapp.protocol.fields import describe, key_paths, show_path, show_value
from walkapp.protocol.library import ProtocolLibrary
from walkapp.protocol.loader import check_data
from walkapp.protocol.snapshot import to_snapshot
from walkapp.protocol.upgrade import upgrade_text

NAME = "walk.toml"
Speaking = Callable[[], Any]


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Speaking:
    """`with strict(): ...`: the core speaks the strict pseudo-locale."""
    folder = pseudo_core.strict_pseudo_folder(tmp_path_factory.getbasetemp())
    return lambda: pseudo_core.speaking_pseudo(folder)


# -- what may stand outside the brackets ---------------------------------------------------------
def _format_words() -> list[str]:
    """The file format's own words: every key name and every choice of a fixed set."""
    words = {"true", "false", "FILE"}
    for path in key_paths():
        words.update(part for part in re.split(r"[.\[\]]+", path) if part)
    enums = [Stem, PatternKind, *(v for v in vars(protocol_schema).values()
                                 if isinstance(v, type) and issubclass(v, StrEnum)
                                 and v is not StrEnum)]
    for enum in enums:
        words.update(e.value for e in enum)
    return sorted(words)


def _key_examples() -> list[str]:
    """The example keys the validator suggests (`slug(…, example="student-talk")`): keys
    stay as written in every language, so their words are the format's."""
    import walkapp.protocol as package

    found: set[str] = {"warm", "raise-questions", "my-key"}  # passed on, or the default
    for source in Path(package.__file__).parent.glob("validate*.py"):
        found.update(re.findall(r'slug\("\w+", example="([a-z-]+)"', source.read_text("utf-8")))
    return sorted({word for key in found for word in (key, *key.split("-")) if word})


FORMAT_WORDS = _format_words() + _key_examples()


def words_of(data: Any) -> Iterator[str]:
    """Every key and text in parsed data (the input's own words)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from words_of(value)
    elif isinstance(data, list):
        for item in data:
            yield from words_of(item)
    elif isinstance(data, str):
        yield data
        yield from data.split()


def text_words(text: str) -> list[str]:
    """The input's words when it may not parse: every word and quoted value of its lines."""
    return [*re.findall(r"[^\W\d_]+", text), *re.findall(r'"([^"\n]*)"', text)]


def assert_wrapped(messages: list[str], user: Iterable[str] = ()) -> None:
    assert messages, "the bad input must give a message"
    assert not unwrapped(messages, user=[*FORMAT_WORDS, *user])
    assert wrapped_share(messages) == len(messages)


def messages_of(text: str) -> list[str]:
    protocol, errors = check_text(text, NAME)
    assert protocol is None, "the case must be a broken protocol"
    return [e.message for e in errors]


# -- the loader's own hostile protocols ----------------------------------------------------------
def _v2_top(extra: str) -> str:
    head, _, rest = V2.partition("[pre_brief]")
    return head + extra + "\n[pre_brief]" + rest


V1_SLIPS = [
    ('title = "Tiny walk"', 'title = "Tiny walk"\ngroup_min = 7\ngroup_max = 4'),
    ('title = "Tiny walk"', 'title = "Tiny walk"\nlanguage = "English"'),
    ('title = "Tiny walk"', 'title = "Tiny walk"\nvisit_minutes = 90'),
    ('title = "Tiny walk"', 'title = "Tiny walk"\nvisit_minutes = "ten"'),
    ('title = "Tiny walk"', 'title = "Tiny walk"\ncorridor_minutes = 99999999999999'),
    ('title = "Tiny walk"', 'title = """Tiny\nwalk"""'),
    ('title = "Tiny walk"', 'title = ""'),
    ('title = "Tiny walk"', 'titel = "Tiny walk"'),
    ('title = "Tiny walk"', 'title = "Tiny walk"\nnorms = "Be kind"'),
    ('title = "Tiny walk"', 'title = "Tiny walk"\nnorms = ["", 3]'),
    ('title = "Tiny walk"', 'title = "Tiny walk"\nzzz_unheard = 1'),
    ('id = "tiny"', 'id = "Tiny Walk!"'),
    ('version = "1"', "version = true"),
    ('version = "1"', "version = 1.5"),
    ('version = "1"', "version = 1979-05-27"),
    ("minutes = 5", 'minutes = "5"'),
    ("minutes = 5", "minutes = 500"),
    ("minutes = 5", "minuts = 5"),
    ('activity = "norms"', 'activity = "norm"'),
    ('activity = "norms"', 'activity = "visits"'),
    ('activity = "norms"', 'activity = "zebra"'),
    ('key = "patterns"', 'key = "norms"'),
    ('key = "patterns"\ntitle = "Patterns"\nminutes = 10\nactivity = "patterns"',
     'key = "patterns"\ntitle = "Patterns"\nminutes = 10\nactivity = "patterns"\n'
     '[[post_brief.steps.prompts]]\nkey = "p"\ntext = "Which?"\nkind = "choice"\n'
     'options = ["Only"]\n[[post_brief.steps.prompts]]\nkey = "c"\ntext = "Done?"\n'
     'kind = "checklist"\n[[post_brief.steps.prompts]]\nkey = "t"\ntext = "Say"\n'
     'options = ["A", "A"]\nlow_label = "Low"\n[[post_brief.steps.prompts]]\nkey = "t"\n'
     'text = "Again"'),
    ("[observation]", "[opener]\nsteps = 3\n[observation]"),
    ("[observation]", "[opener]\nsteps = []\n[observation]"),
    ("[observation]", "[opener]\nsteps = [3]\n[observation]"),
    ("[observation]", "opener = 5\n[observation]"),
    ('[observation]\n[[observation.steps]]\nkey = "visits"',
     '[observation]\n[[observation.steps]]\nkey = "more"\ntitle = "More"\n'
     'activity = "visits"\n[[observation.steps]]\nkey = "visits"'),
    ("[post_brief]", "[[stems]]\nstem = \"noticed\"\n[[stems]]\nstem = \"noticed\"\n"
                     "[[stems]]\nstem = \"notice\"\n[[stems]]\nlabel = \"No stem\"\n"
                     "[post_brief]"),
    ("[post_brief]", "[[debrief_sequence]]\nkind = \"predict\"\nprompt = \"P\"\n"
                     "[[debrief_sequence]]\nkind = \"describe\"\nprompt = \"D\"\n"
                     "[[debrief_sequence]]\nkind = \"describe\"\nprompt = \"E\"\n"
                     "[post_brief]"),
    ("[post_brief]", "[[look_for_sets]]\nkey = \"talk\"\ntitle = \"Talk\"\n"
                     "items = [\"\", \"Fine\"]\n[[look_for_sets]]\nkey = \"talk\"\n"
                     "title = \"Again\"\nitems = []\n[post_brief]"),
    ("[post_brief]", "[source]\nurl = \"https://example.org\"\n[post_brief]"),
    ("[post_brief]", "[[roles]]\nkey = \"host\"\ntitle = \"Host\"\n[[roles]]\n"
                     "key = \"host\"\ntitle = \"Again\"\n[post_brief]"),
    ("[post_brief]\n[[post_brief.steps]]", "[[closing.steps]]"),
]
TOP_OF_FILE = [
    "", "title = 5", 'schema_version = "2"\n', "schema_version = 2.0\n",
    'schema_version = "two"\n', "schema_version = 99\n", "schema_version = 0\n",
    "schema_version = 1\n", "schema_version = 2\nstems = 3\n",
]
SYNTAX = [
    MINIMAL.replace('title = "Tiny walk"', "title = “Tiny walk”"),
    MINIMAL.replace('activity = "norms"', 'activity = "norms"\nscript = """\nRead.\n'),
    MINIMAL.replace('title = "Tiny walk"', 'title = "Tiny walk"\ntitle = "Again"'),
    MINIMAL.replace('title = "Tiny walk"', 'title = "Tiny walk'),
    MINIMAL.replace('title = "Tiny walk"', "title = 1" + "0" * 5000),
    MINIMAL.replace('title = "Tiny walk"', "title = [" * 2000),
]
CASES = [
    *(MINIMAL.replace(old, new, 1) for old, new, _field in V2_ONLY),
    *(_v2_top(extra) for extra, _field, _needle in MISTAKES),
    *(V2.replace(old, new, 1) for old, new, _field, _needle in STEP_MISTAKES),
    *(MINIMAL.replace(old, new, 1) for old, new in V1_SLIPS),
    *TOP_OF_FILE, *SYNTAX,
]


@pytest.mark.parametrize("text", CASES, ids=range(len(CASES)))
def test_every_message_of_a_broken_protocol_is_wrapped(strict: Speaking, text: str) -> None:
    with strict():
        messages = messages_of(text)
    assert_wrapped(messages, user=[NAME, *text_words(text), *_parser_words(text)])


def _parser_words(text: str) -> list[str]:
    """What Python's TOML reader says of a text it cannot read ("Invalid value"): its own
    English, which the message quotes in brackets as the place's detail."""
    try:
        tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as error:
        return re.findall(r"[^\W\d_]+", str(error))
    return []


# -- the Reader's messages: each key of the carrier given each kind of wrong value ---------------
WRONG: list[Any] = [5, 10**15, 1.5, True, "x" * 30_000, "", " two\nlines ", [1, {}],
                    {"unheard": 1}, date(2020, 1, 1), "Not a key!", ["true"], "yes"]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _broken(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    broken = copy.deepcopy(data)
    parent: Any = broken
    for part in path[:-1]:
        parent = parent[part]
    if value is _DROP:
        del parent[path[-1]]
    elif value is _TYPO and isinstance(parent, dict):
        parent[f"{path[-1]}s"] = parent.pop(path[-1])
    else:
        parent[path[-1]] = value
    return broken


_DROP, _TYPO = object(), object()


@pytest.mark.parametrize("version", [1, 2])
def test_every_reader_message_is_wrapped(strict: Speaking, version: int) -> None:
    base = tomllib.loads(carrier() if version == 2 else MINIMAL)
    user = [NAME, "unheard", *words_of(base),
            *(text for w in WRONG if isinstance(w, str) for text in (w, show_value(w)))]
    messages: list[str] = []
    with strict():
        for path in _paths(base):
            for value in [*WRONG, _DROP, _TYPO]:
                if value is _TYPO and isinstance(path[-1], int):
                    continue
                broken = _broken(base, path, value)
                _protocol, errors = check_data(broken, NAME)
                messages += [e.message for e in errors]
    assert len(messages) > 300
    found = unwrapped(messages, user=[*FORMAT_WORDS, *user, *_misspelt(base)])
    assert not found, found[:5]
    assert wrapped_share(messages) == len(messages)


def _misspelt(data: dict[str, Any]) -> list[str]:
    return [f"{p[-1]}s" for p in _paths(data) if isinstance(p[-1], str)]


def test_what_the_reader_calls_a_value_is_wrapped(strict: Speaking) -> None:
    """describe() and show_value(): the words put into "found …", checked alone."""
    values = [True, 5, 10**15, 1.5, "text", [], {}, date(2020, 1, 1), object()]
    with strict():
        words = [describe(v) for v in values] + [show_value(v) for v in values if
                                                 not isinstance(v, str)]
        top = show_path(())
    assert not unwrapped([*words, top])
    assert wrapped_share([*words, top]) == len(words) + 1


# -- files, the library, a walk's saved protocol --------------------------------------------------
def test_files_that_cannot_be_read_are_named_in_wrapped_words(strict: Speaking,
                                                              tmp_path: Path) -> None:
    binary = tmp_path / "word.toml"
    binary.write_bytes(b'title = "\xff\xfe"\n')
    large = tmp_path / "large.toml"
    large.write_bytes(b"#" * 1_000_001)
    with strict():
        messages = [e.message for path in (tmp_path / "missing.toml", tmp_path, binary, large)
                    for e in check_file(path)[1]]
    assert_wrapped(messages, user=[str(tmp_path)])


def _library_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "protocols"
    folder.mkdir()
    (folder / "broken.toml").write_text(MINIMAL.replace("minutes = 5", 'minutes = "5"'),
                                        encoding="utf-8")
    # The id and language of a built-in: left out.
    (folder / "mine.toml").write_text(MINIMAL.replace('id = "tiny"', 'id = "learning-walk"'),
                                      encoding="utf-8")
    # Two files of one id in one language: the second is left out.
    (folder / "tiny.toml").write_text(MINIMAL, encoding="utf-8")
    (folder / "tiny2.toml").write_text(MINIMAL, encoding="utf-8")
    # A translation that does not keep the keys of its protocol: left out.
    (folder / "tiny.es.toml").write_text(
        MINIMAL.replace('title = "Tiny walk"', 'title = "Paseo"\nlanguage = "es"')
        .replace("minutes = 5", "minutes = 6"), encoding="utf-8")
    return folder


def test_why_the_library_left_a_file_out_is_wrapped(strict: Speaking, tmp_path: Path) -> None:
    folder = _library_folder(tmp_path)
    with strict():
        problems = [p.message for p in ProtocolLibrary(folder).problems]
    assert len(problems) == 4, problems
    assert_wrapped(problems, user=[str(folder), "learning-walk", "tiny", "tiny.toml",
                                   "mine.toml", "en", *text_words(MINIMAL)])


def test_the_library_s_refusals_are_wrapped(strict: Speaking, tmp_path: Path) -> None:
    folder = _library_folder(tmp_path)
    builtin_id = tmp_path / "ours.toml"
    builtin_id.write_text(MINIMAL.replace('id = "tiny"', 'id = "learning-walk"'),
                          encoding="utf-8")
    changed = tmp_path / "changed.toml"  # the id of one of the library's, other words
    changed.write_text(MINIMAL.replace("Tiny walk", "Tiny walk changed"), encoding="utf-8")
    messages = []
    with strict():
        library = ProtocolLibrary(folder)
        attempts: list[Callable[[], object]] = [
            lambda: library.import_file(builtin_id),
            lambda: library.import_file(changed),
            lambda: library.duplicate("learning-walk", "Not An Id"),
            lambda: library.duplicate("learning-walk", "tiny"),
            lambda: library.remove("learning-walk"),
            lambda: library.entry("no_such_protocol"),
        ]
        for attempt in attempts:
            with pytest.raises(WalkappError) as caught:
                attempt()
            messages.append(str(caught.value))
    assert_wrapped(messages, user=[str(tmp_path), "learning-walk", "Not An Id", "tiny",
                                   "no_such_protocol", "en", "Learning walk",
                                   *text_words(MINIMAL)])


def test_a_damaged_saved_protocol_is_named_in_wrapped_words(strict: Speaking) -> None:
    protocol = check_text(MINIMAL)[0]
    assert protocol is not None
    snapshot, fingerprint = to_snapshot(protocol)
    messages = []
    with strict():
        for text, expected in (("", None), (snapshot, "sha256:0"), ("{nope", None),
                               ('{"schema_version": 1, "title": 5}', None)):
            with pytest.raises(ProtocolError) as caught:
                from_snapshot(text, expected)
            messages.append(caught.value.message)
    assert fingerprint.startswith("sha256:")
    assert_wrapped(messages, user=["JSONDecodeError"])  # the kind of damage, as Python names it


# -- the commands ---------------------------------------------------------------------------------


def test_protocol_check_says_everything_in_wrapped_words(
        strict: Speaking, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "broken.toml").write_text(MINIMAL.replace("minutes = 5", "minuts = 5"),
                                        encoding="utf-8")
    (folder / "french.toml").write_text(
        MINIMAL.replace('title = "Tiny walk"', 'title = "Tiny walk"\nlanguage = "fr"'),
        encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a protocol", encoding="utf-8")
    with strict():
        code, out, err = run(capsys, "protocol", "check", str(folder), str(empty), str(notes))
    assert code == 1
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert len(lines) >= 5, lines
    assert_wrapped(lines, user=[str(tmp_path), "minuts", "fr", "en", "es",
                                *text_words(MINIMAL)])


def test_protocol_upgrade_says_what_version_2_adds_in_wrapped_words(
        strict: Speaking, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    with strict():
        code, out, err = run(capsys, "protocol", "upgrade", str(path))
        again, _out, refused = run(capsys, "protocol", "upgrade", str(path))
        with pytest.raises(ProtocolError) as caught:
            upgrade_text(MINIMAL.replace("schema_version = 1", "schema_version = '1'"), NAME)
    assert (code, err) == (0, "") and again != 0
    assert_wrapped([*out.splitlines(), refused.strip(), caught.value.message],
                   user=[str(tmp_path), "walkapp"])


# -- and in Spanish -------------------------------------------------------------------------------
def test_a_protocol_author_reads_the_loader_in_spanish(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    with fmt.language("es"):
        typo = messages_of(MINIMAL.replace("minutes = 5", "minuts = 5"))
        quoted = messages_of(MINIMAL.replace("minutes = 5", 'minutes = "5"'))
        order = messages_of(MINIMAL.replace("[post_brief]", "[[debrief_sequence]]\n"
                                            "kind = \"predict\"\nprompt = \"P\"\n"
                                            "[[debrief_sequence]]\nkind = \"describe\"\n"
                                            "prompt = \"D\"\n[post_brief]"))
    assert typo == [f"{NAME} (línea 10, pre_brief.steps[1].minuts): clave desconocida "
                    '"minuts"; ¿quisiste decir minutes? (minutes es obligatoria)']
    assert "tiene que ser un número entero de minutos de 0 a 240" in quoted[0]
    assert 'pero es "5"' in quoted[0]
    assert "la descripción va antes del análisis" in order[0]
    path = tmp_path / "walk.toml"
    path.write_text(MINIMAL.replace("minutes = 5", "minuts = 5"), encoding="utf-8")
    code, out, _err = run(capsys, "--lang", "es", "protocol", "check", str(path))
    assert code == 1 and "1 archivo comprobado, 1 con problemas." in out
