"""Messages for people who edit protocol files by hand (issue 14, item 5).

Each test feeds a file with one slip a facilitator makes in a text editor and checks the one
message they get: the file, the line, the key, and how to fix it.

One mistake gives one message: a value that is wrong is not used to judge the fields that
depend on it (a misspelt `kind` does not also make its options "wrong", a misspelt
`activity = "visit"` does not also make `minutes` "missing"). Independent mistakes in
different places are each reported, in one pass, so that one round of editing fixes them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_protocol_loader import MINIMAL, errors_of, only_error
from tests.helpers.cli_run import run
from walkapp.protocol.validate import SCHEMA_VERSIONS


def line_of(text: str, needle: str, start: int = 1) -> int:
    """The (1-based) line of the `start`-th line containing `needle`."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return found[start - 1]


# -- curly quotes ---------------------------------------------------------------------------
@pytest.mark.parametrize("line", ['title = “Our walk”', "title = ‘Our walk’",
                                  'title = "Our walk”', 'norms = [“Be kind”]'])
def test_curly_quotes_are_named_on_their_line(line: str) -> None:
    text = MINIMAL.replace('title = "Tiny walk"', line)
    error = only_error(text)
    assert error.line == 4 and error.file == "walk.toml"
    assert "curly quote" in error.message and "straight quotes" in error.message
    straight = line.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    assert straight in error.message  # the line as it should be written


def test_curly_quotes_inside_text_are_fine() -> None:
    text = MINIMAL.replace('title = "Tiny walk"', 'title = "The “tiny” walk"')
    assert errors_of(text) == []


# -- an unclosed multi-line text --------------------------------------------------------------
@pytest.mark.parametrize("quotes", ['"""', "'''"])
def test_an_unclosed_multi_line_text_is_pointed_at_where_it_opens(quotes: str) -> None:
    text = MINIMAL.replace('activity = "norms"',
                           f'activity = "norms"\nscript = {quotes}\nRead the norms aloud.\n')
    error = only_error(text)
    assert error.line == line_of(text, "script =")
    assert f"starts with {quotes} on this line is never closed" in error.message
    assert f"end it with {quotes}" in error.message


# -- did you mean -----------------------------------------------------------------------------
STEMS = MINIMAL + '\n[[stems]]\nstem = "notice"\nlabel = "We saw"\n'


@pytest.mark.parametrize(("text", "field", "hint"), [
    (STEMS, "stems[1].stem", 'did you mean "noticed"?'),
    (MINIMAL.replace('activity = "patterns"', 'activity = "pattern"'),
     "post_brief.steps[1].activity", 'did you mean "patterns"?'),
    (MINIMAL + '\n[[debrief_sequence]]\nkind = "analyze"\nprompt = "Why?"\n',
     "debrief_sequence[1].kind", 'did you mean "analyse"?'),
    (MINIMAL + '\n[[feedback]]\nkey = "q"\ntext = "How was it?"\nkind = "ratings"\n',
     "feedback[1].kind", 'did you mean "rating"?'),
])
def test_did_you_mean_for_allowed_values(text: str, field: str, hint: str) -> None:
    error = only_error(text)
    assert error.field == field and f"is not one of the choices; {hint}" in error.message
    assert "(the choices are: " in error.message


@pytest.mark.parametrize(("where", "typo", "right"), [
    ('\n[[stems]]\nstem = "noticed"\nlabl = "We saw"\n', "stems[1].labl", "label"),
    ('\n[[roles]]\nkey = "host"\ntitle = "Host"\ndescripton = "Hosts"\n',
     "roles[1].descripton", "description"),
    ('\n[[look_for_sets]]\nkey = "talk"\ntitle = "Talk"\n[[look_for_sets.items]]\n'
     'txt = "Students talk"\n', "look_for_sets[1].items[1].txt", "text"),
    ('\n[[feedback]]\nkey = "q"\ntext = "How?"\nkind = "rating"\nlow_lable = "No"\n',
     "feedback[1].low_lable", "low_label"),
    ('\n[source]\ncitation = "A (2001)."\nlink = "x"\n', "source.link", None),
    ('\n[source]\ncitaton = "A (2001)."\n', "source.citaton", "citation"),
    ('\n[[debrief_sequence]]\nkind = "describe"\npromt = "What?"\n',
     "debrief_sequence[1].promt", "prompt"),
])
def test_did_you_mean_for_keys_in_nested_tables(where: str, typo: str, right: str | None) -> None:
    text = MINIMAL + where
    error = only_error(text)
    assert error.field == typo and "unknown key" in error.message
    assert error.line == line_of(text, typo.rsplit(".", 1)[1] + " =")
    if right:
        assert f"did you mean {right}?" in error.message
    else:
        assert "the keys allowed here are citation, note, url" in error.message


def test_did_you_mean_for_keys_in_steps_and_prompts() -> None:
    text = MINIMAL.replace('activity = "norms"', 'activty = "norms"\n'
                           '[[pre_brief.steps.prompts]]\nkey = "q"\ntxt = "Anything to add?"')
    fields = {e.field: e.message for e in errors_of(text)}
    assert set(fields) == {"pre_brief.steps[1].activty", "pre_brief.steps[1].prompts[1].txt"}
    assert "did you mean activity?" in fields["pre_brief.steps[1].activty"]
    assert "did you mean text? (text is required)" in fields["pre_brief.steps[1].prompts[1].txt"]


# -- one mistake, one message -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "field"), [
    # A misspelt visits step would otherwise also lack its minutes.
    (MINIMAL.replace('activity = "visits"', 'activity = "visit"'),
     "observation.steps[1].activity"),
    # A misspelt kind would otherwise make its options "only for choice and checklist".
    (MINIMAL.replace('activity = "norms"', 'activity = "norms"\n[[pre_brief.steps.prompts]]\n'
                     'key = "q"\ntext = "Which?"\nkind = "choise"\noptions = ["a", "b"]'),
     "pre_brief.steps[1].prompts[1].kind"),
    (MINIMAL.replace('activity = "norms"', 'activity = "norms"\n[[pre_brief.steps.prompts]]\n'
                     'key = "q"\ntext = "How?"\nkind = "rate"\nlow_label = "No"'),
     "pre_brief.steps[1].prompts[1].kind"),
    # A misspelt debrief kind would otherwise be "out of order" or "twice".
    (MINIMAL + '\n[[debrief_sequence]]\nkind = "analyse"\nprompt = "Why?"\n'
     '\n[[debrief_sequence]]\nkind = "describ"\nprompt = "What?"\n',
     "debrief_sequence[2].kind"),
    (MINIMAL + '\n[[debrief_sequence]]\nkind = "describe"\nprompt = "What?"\n'
     '\n[[debrief_sequence]]\nprompt = "What else?"\n', "debrief_sequence[2]"),
    # A wrong stem would otherwise be "used twice" (taken for the default).
    (MINIMAL + '\n[[stems]]\nstem = "noticed"\n\n[[stems]]\nstem = "wondered"\n',
     "stems[2].stem"),
    # A wrong group size would otherwise also be "more than group_max".
    (MINIMAL.replace('title = "Tiny walk"', 'title = "Tiny walk"\ngroup_min = 0\n'
                     'group_max = 2'), "group_min"),
    # A misspelt table: one message, not also "the [pre_brief] section is missing".
    (MINIMAL.replace("[pre_brief]", "[pre_breif]").replace("[[pre_brief.steps]]",
                                                          "[[pre_breif.steps]]"), "pre_breif"),
])
def test_one_mistake_gives_one_message(text: str, field: str) -> None:
    assert only_error(text).field == field


def test_independent_mistakes_are_each_reported() -> None:
    text = MINIMAL.replace('activity = "norms"', 'activity = "norm"')\
        .replace("minutes = 10", "minutes = 1000") + '\n[[stems]]\nstem = "notice"\n'
    assert sorted(e.field for e in errors_of(text)) == [
        "post_brief.steps[1].minutes", "pre_brief.steps[1].activity", "stems[1].stem"]


# -- schema_version -------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "needle"), [
    ("3", "newer walkapp"),
    ('"1"', "without quotes"),
    ("0", "there is no schema_version 0"),
    ("-1", "there is no schema_version -1"),
    ("1.0", "must be a whole number, found 1.0; write schema_version = 1"),
    ('"one"', "must be a whole number"),
])
def test_a_hand_edited_schema_version_says_which_versions_exist(value: str, needle: str) -> None:
    error = only_error(MINIMAL.replace("schema_version = 1", f"schema_version = {value}"))
    assert error.line == 1 and error.field == "schema_version" and needle in error.message
    newest = SCHEMA_VERSIONS[-1]
    if value == "3":
        assert f"reads schema_versions 1 to {newest}" in error.message
    elif value != "1.0":
        # A quoted "1" meant version 1; 0 and -1 are most likely a version 1 file's.
        assert ("write schema_version = 1" if value in ('"1"', "0", "-1")
                else f"write schema_version = {newest}") in error.message
    if value not in ("3", "1.0"):
        assert "the schema versions are " + ", ".join(map(str, SCHEMA_VERSIONS)) \
            in error.message


# -- duplicated keys ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "second", "first", "field"), [
    (MINIMAL.replace('title = "Tiny walk"', 'title = "Tiny walk"\ntitle = "Tiny"'),
     5, 4, "title"),
    (MINIMAL.replace('minutes = 5', 'minutes = 5\nminutes = 6'), 11, 10,
     "pre_brief.steps[1].minutes"),
    (MINIMAL + "\n[pre_brief]\n", len(MINIMAL.splitlines()) + 2, 6, "pre_brief"),
])
def test_a_toml_key_given_twice_names_its_first_use(text: str, second: int, first: int,
                                                    field: str) -> None:
    error = only_error(text)
    assert error.line == second and error.field == field
    assert f"is given twice (first on line {first})" in error.message


@pytest.mark.parametrize(("text", "field", "first", "needle"), [
    (MINIMAL.replace('key = "patterns"', 'key = "norms"'), "post_brief.steps[1].key",
     "pre_brief.steps[1].key", 'key = "norms"'),
    (MINIMAL.replace('activity = "norms"', 'activity = "norms"\n'
                     '[[pre_brief.steps.prompts]]\nkey = "q"\ntext = "One?"\n'
                     '[[pre_brief.steps.prompts]]\nkey = "q"\ntext = "Two?"'),
     "pre_brief.steps[1].prompts[2].key", "pre_brief.steps[1].prompts[1].key", 'key = "q"'),
    (MINIMAL + '\n[[stems]]\nstem = "wonder"\n\n[[stems]]\nstem = "wonder"\n',
     "stems[2].stem", "stems[1].stem", 'stem = "wonder"'),
    (MINIMAL + '\n[[look_for_sets]]\nkey = "talk"\ntitle = "Talk"\nitems = ["a"]\n'
     '\n[[look_for_sets]]\nkey = "talk"\ntitle = "More talk"\nitems = ["b"]\n',
     "look_for_sets[2].key", "look_for_sets[1].key", 'key = "talk"'),
    (MINIMAL + '\n[[roles]]\nkey = "host"\ntitle = "Host"\n\n[[roles]]\nkey = "host"\n'
     'title = "Guest"\n', "roles[2].key", "roles[1].key", 'key = "host"'),
    (MINIMAL + '\n[[debrief_sequence]]\nkind = "describe"\nprompt = "What?"\n'
     '\n[[debrief_sequence]]\nkind = "describe"\nprompt = "What more?"\n',
     "debrief_sequence[2].kind", "debrief_sequence[1].kind", 'kind = "describe"'),
])
def test_a_key_used_twice_names_its_first_use(text: str, field: str, first: str,
                                              needle: str) -> None:
    error = only_error(text)
    assert error.field == field and error.line == line_of(text, needle, 2)
    assert f"(first used at {first}, line {line_of(text, needle)})" in error.message


# -- language without a word list ------------------------------------------------------------------


def test_a_language_without_a_word_list_is_a_warning_not_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "french.toml"
    text = MINIMAL.replace('title = "Tiny walk"', 'title = "Tiny walk"\nlanguage = "fr"')
    path.write_text(text, encoding="utf-8")
    assert errors_of(text) == []  # the protocol is fine
    code, out, err = run(capsys, "protocol", "check", str(path))
    assert code == 0
    assert f"ok       {path} (tiny — Tiny walk; 1 warning)" in out
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("walkapp: warning: ")
    assert f"{path} (line 5, language):" in lines[0]
    assert 'no nudge word list for "fr"' in lines[0] and "nudge uses English" in lines[0]
    assert "en, es" in lines[0]
    assert "1 file checked, 0 with problems, 1 with warnings." in out


@pytest.mark.parametrize("language", ["en", "es", "es-MX"])
def test_a_language_with_a_word_list_gives_no_warning(
        language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "walk.toml"
    path.write_text(MINIMAL.replace('title = "Tiny walk"',
                                    f'title = "Tiny walk"\nlanguage = "{language}"'),
                    encoding="utf-8")
    code, out, err = run(capsys, "protocol", "check", str(path))
    assert (code, err) == (0, "") and "1 file checked, 0 with problems." in out


def test_import_warns_as_check_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "french.toml"
    path.write_text(MINIMAL.replace('title = "Tiny walk"',
                                    'title = "Tiny walk"\nlanguage = "fr"'), encoding="utf-8")
    code, out, err = run(capsys, "protocol", "import", str(path))
    assert code == 0 and "Imported “Tiny walk” (tiny)" in out
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("walkapp: warning: ")
    assert "(line 5, language)" in lines[0] and 'no nudge word list for "fr"' in lines[0]
