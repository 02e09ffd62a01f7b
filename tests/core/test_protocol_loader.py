"""Protocol files: the built-ins are valid, and every kind of mistake gets a one-line
message that names the file, the line or field, and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from walkapp.domain import PatternKind, Stem
from walkapp.paths import data_dir
from walkapp.protocol import (
    Activity,
    PhaseKey,
    PromptKind,
    ProtocolError,
    check_file,
    check_text,
    from_snapshot,
    load_file,
    load_text,
    to_snapshot,
)
from walkapp.protocol.fields import reflow
from walkapp.protocol.library import BUILTIN_ORDER
from walkapp.protocol.snapshot import canonical_json, to_data
from walkapp.protocol.tomlwrite import dumps, set_top_level

BUILTINS = sorted(data_dir("protocols").glob("*.toml"))
LESSONS = {"lesson-study"}  # built-ins whose one visit is a whole research lesson
RESEARCH_LESSON = (45, 90)

MINIMAL = """\
schema_version = 1
id = "tiny"
version = "1"
title = "Tiny walk"

[pre_brief]
[[pre_brief.steps]]
key = "norms"
title = "Norms"
minutes = 5
activity = "norms"

[observation]
[[observation.steps]]
key = "visits"
title = "Visits"
activity = "visits"

[post_brief]
[[post_brief.steps]]
key = "patterns"
title = "Patterns"
minutes = 10
activity = "patterns"
"""


def errors_of(text: str, name: str = "walk.toml") -> list[ProtocolError]:
    protocol, errors = check_text(text, name)
    assert (protocol is None) == bool(errors)
    return errors


def only_error(text: str) -> ProtocolError:
    errors = errors_of(text)
    assert len(errors) == 1, [e.message for e in errors]
    return errors[0]


# -- the shipped library ------------------------------------------------------------------
def test_every_builtin_ships_and_validates() -> None:
    # Each built-in as `<id>.toml` and in Spanish as `<id>.es.toml`.
    assert sorted(p.stem for p in BUILTINS) == sorted(
        [*BUILTIN_ORDER, *(f"{pid}.es" for pid in BUILTIN_ORDER)])
    for path in BUILTINS:
        protocol, errors = check_file(path)
        assert errors == [], [e.message for e in errors]
        assert protocol is not None and protocol.id == path.stem.split(".")[0]


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_builtin_is_complete_and_cited(path: Path) -> None:
    protocol = load_file(path)
    assert protocol.source is not None and len(protocol.source.citation) > 20
    assert protocol.summary and protocol.norms
    for key in (PhaseKey.PRE_BRIEF, PhaseKey.OBSERVATION, PhaseKey.POST_BRIEF):
        assert protocol.phase(key) is not None
    assert 2 <= protocol.group_min <= protocol.group_max
    # Published walks keep visits between 5 and 20 minutes; a research lesson is a whole
    # lesson (45–90).
    if protocol.has_visits:
        low, high = RESEARCH_LESSON if protocol.id in LESSONS else (5, 20)
        assert low <= protocol.visit_minutes <= high
    kinds = [s.kind for s in protocol.debrief_sequence]
    assert kinds == sorted(kinds, key=list(PatternKind).index)


def test_default_protocol_covers_the_pre_brief_the_product_describes() -> None:
    protocol = load_file(data_dir("protocols") / "learning-walk.toml")
    pre_brief = protocol.phase(PhaseKey.PRE_BRIEF)
    assert pre_brief is not None
    activities = {s.activity for s in pre_brief.steps}
    assert {Activity.FOCUS, Activity.NORMS, Activity.REVIEW, Activity.STEMS,
            Activity.LOGISTICS} <= activities
    opener = protocol.phase(PhaseKey.OPENER)
    assert opener is not None and opener.steps[0].activity is Activity.OPENER
    assert any("not to judge" in n for n in protocol.norms)
    assert [s.stem for s in protocol.stems] == list(Stem)
    assert [s.kind for s in protocol.debrief_sequence] == list(PatternKind)
    post = protocol.phase(PhaseKey.POST_BRIEF)
    assert post is not None
    assert {Activity.EVIDENCE_WALL, Activity.CALIBRATION, Activity.PATTERNS,
            Activity.COMMITMENTS, Activity.ACTION_ITEMS} <= {s.activity for s in post.steps}


def test_plc_mirror_has_ten_rated_statements() -> None:
    protocol = load_file(data_dir("protocols") / "plc-mirror.toml")
    ratings = [p for _, _, s in protocol.steps() for p in s.prompts
               if p.kind is PromptKind.RATING]
    assert len(ratings) == 10
    assert all(p.low_label and p.high_label for p in ratings)
    assert not protocol.has_visits


def test_noticings_wonderings_is_for_two_or_three_walkers_with_host_feedback() -> None:
    protocol = load_file(data_dir("protocols") / "noticings-wonderings.toml")
    assert (protocol.group_min, protocol.group_max) == (2, 3)
    host = protocol.step("host-feedback")
    assert host is not None and [p.key for p in host.prompts] == ["positive", "question"]


def test_instructional_rounds_carries_its_citation_and_order() -> None:
    protocol = load_file(data_dir("protocols") / "instructional-rounds.toml")
    assert protocol.source is not None
    assert "City" in protocol.source.citation and "2009" in protocol.source.citation
    assert any("Description before analysis" in n for n in protocol.norms)


def test_readme_example_is_a_valid_protocol() -> None:
    readme = (data_dir("protocols") / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(schema_version = 1 .*?)```", readme, re.S)
    assert example is not None
    protocol = load_text(example.group(1), "README example")
    assert protocol.id == "our-walk" and protocol.has_visits


# -- what a valid file gives ----------------------------------------------------------------
def test_minimal_file_gets_defaults() -> None:
    protocol = load_text(MINIMAL)
    assert protocol.language == "en" and protocol.visit_minutes == 10
    assert protocol.corridor_minutes == 3 and (protocol.group_min, protocol.group_max) == (3, 6)
    assert [s.stem for s in protocol.stems] == list(Stem)
    assert protocol.step("visits") is not None and protocol.step("visits").minutes is None
    assert protocol.planned_minutes == 15


def test_multi_line_texts_are_reflowed() -> None:
    assert reflow("one\ntwo\n\nthree\n- a\n- b\n  c\n1. d") == "one two\n\nthree\n- a\n- b c\n1. d"
    text = MINIMAL.replace('activity = "norms"', 'activity = "norms"\nscript = """\nRead the\n'
                           'norms.\n\nThen agree."""')
    assert load_text(text).step("norms").script == "Read the norms.\n\nThen agree."


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_file(path).id == "tiny"


def test_integer_version_is_accepted_as_text() -> None:
    assert load_text(MINIMAL.replace('version = "1"', "version = 3")).version == "3"


# -- mistakes and their messages -------------------------------------------------------------
def test_unknown_key_names_line_and_suggests_the_right_key() -> None:
    error = only_error(MINIMAL.replace("minutes = 10", "minuts = 10"))
    assert error.line == 23 and error.field == "post_brief.steps[1].minuts"
    assert "did you mean minutes? (minutes is required)" in error.message
    assert error.message.startswith("walk.toml (line 23, post_brief.steps[1].minuts): ")


def test_wrong_type_says_what_was_found_and_how_to_write_it() -> None:
    error = only_error(MINIMAL.replace("minutes = 5", 'minutes = "five"'))
    assert error.field == "pre_brief.steps[1].minutes" and error.line == 10
    assert '"five"' in error.message and "minutes = 10" in error.message


@pytest.mark.parametrize(("change", "field", "needle"), [
    (("[observation]", "[observe]"), "observe", "did you mean observation?"),
    (('title = "Tiny walk"', 'title = ""'), "title", "is empty"),
    (('id = "tiny"', 'id = "Tiny Walk"'), "id", "not a usable key"),
    (('activity = "norms"', 'activity = "norming"'), "pre_brief.steps[1].activity",
     "not one of"),
    (('key = "patterns"', 'key = "norms"'), "post_brief.steps[1].key", "already used"),
    (('[post_brief]', 'visit_minutes = 90\n[post_brief]'),
     "observation.steps[1].visit_minutes", "unknown key"),
    (('title = "Tiny walk"', 'title = "Tiny walk"\nvisit_minutes = 90'), "visit_minutes",
     "version 1 files allow visits of up to 60"),
    (('title = "Tiny walk"', 'title = "Tiny walk"\nvisit_minutes = 900'), "visit_minutes",
     "from 1 to 60"),
    (('title = "Tiny walk"', 'title = "Tiny walk"\ngroup_min = 5\ngroup_max = 4'),
     "group_min", "more than group_max"),
    (('title = "Tiny walk"', 'title = "Tiny walk"\nnorms = "be kind"'), "norms",
     "must be a list"),
    (('title = "Tiny walk"', 'title = "Tiny walk"\nlanguage = "English"'), "language",
     "not a language code"),
    (('title = "Tiny walk"', 'title = """Two\nlines"""'), "title", "one line"),
])
def test_each_mistake_is_named(change: tuple[str, str], field: str, needle: str) -> None:
    error = only_error(MINIMAL.replace(*change, 1))
    assert error.field == field and needle in error.message
    assert "\n" not in error.message


def test_visits_step_outside_observation_is_refused() -> None:
    # One mistake, one message: the misplaced visits step is not also "a second visits step".
    text = MINIMAL.replace('activity = "norms"', 'activity = "visits"')
    assert 'belongs in the [observation] phase' in only_error(text).message
    text = MINIMAL.replace('activity = "patterns"', 'activity = "patterns"\n'
                           '[[observation.steps]]\nkey = "more"\ntitle = "More"\n'
                           'activity = "visits"')
    error = only_error(text)
    assert 'only one step may have activity = "visits"' in error.message
    assert "first used at observation.steps[1].activity, line 17" in error.message


def test_debrief_must_keep_description_before_analysis() -> None:
    text = MINIMAL + ('\n[[debrief_sequence]]\nkind = "analyse"\nprompt = "Why?"\n'
                      '\n[[debrief_sequence]]\nkind = "describe"\nprompt = "What?"\n')
    error = only_error(text)
    assert error.field == "debrief_sequence[2].kind"
    assert "description comes before analysis" in error.message


@pytest.mark.parametrize(("prompt", "needle"), [
    ('kind = "choice"', "at least two options"),
    ('kind = "checklist"', "needs its items"),
    ('kind = "text"\noptions = ["a", "b"]', "only choice and checklist"),
    ('kind = "choice"\noptions = ["a", "a"]', "same option twice"),
    ('kind = "text"\nlow_label = "never"', "only rating prompts"),
    ('kind = "rating-ish"', "not one of"),
])
def test_prompt_mistakes(prompt: str, needle: str) -> None:
    text = MINIMAL.replace('activity = "norms"',
                           f'activity = "norms"\n[[pre_brief.steps.prompts]]\nkey = "q"\n'
                           f'text = "A question"\n{prompt}')
    error = only_error(text)
    assert error.field.startswith("pre_brief.steps[1].prompts[1]") and needle in error.message


def test_all_problems_are_reported_in_one_pass() -> None:
    text = MINIMAL.replace('version = "1"', "").replace("minutes = 5", "minutes = -1")\
        .replace('title = "Patterns"', 'titel = "Patterns"')
    fields = sorted(e.field for e in errors_of(text))
    assert fields == ["", "post_brief.steps[1].titel", "pre_brief.steps[1].minutes"]


def test_newer_schema_is_refused_politely_and_alone() -> None:
    error = only_error(MINIMAL.replace("schema_version = 1", "schema_version = 3")
                       .replace("minutes = 5", "duration = 5"))
    assert "newer walkapp" in error.message and "update walkapp" in error.message
    assert error.line == 1


@pytest.mark.parametrize(("text", "needle"), [
    ("", "schema_version is missing"),
    ('schema_version = "1"', "whole number without quotes"),
    ("schema_version = 0", "there is no schema_version 0"),
    ("schema_version = 1\nid = [", "not valid TOML"),
    ('schema_version = 1\ntitle = "unterminated', "not valid TOML"),
    ("schema_version = 1\nn = " + "9" * 5000, "cannot be read"),
    ("x = " + "[" * 5000, "nested too deeply"),
])
def test_broken_files_give_one_line(text: str, needle: str) -> None:
    errors = errors_of(text)
    assert needle in errors[0].message and "\n" not in errors[0].message
    assert errors[0].message.startswith("walk.toml")


def test_syntax_error_names_its_line() -> None:
    error = only_error(MINIMAL.replace('title = "Norms"', 'title = "Norms'))
    assert error.line == 9 and "not valid TOML" in error.message


def test_file_level_problems(tmp_path: Path) -> None:
    assert "does not exist" in check_file(tmp_path / "nope.toml")[1][0].message
    assert "is a folder" in check_file(tmp_path)[1][0].message
    latin = tmp_path / "latin.toml"
    latin.write_bytes(MINIMAL.replace("Tiny", "Caf\xe9").encode("latin-1"))
    error = check_file(latin)[1][0]
    assert "not UTF-8" in error.message and error.line == 4
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * 1_100_000)
    assert "too large" in check_file(big)[1][0].message


# -- snapshots -----------------------------------------------------------------------------------
@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_snapshot_round_trip_is_exact(path: Path) -> None:
    protocol = load_file(path)
    snapshot, content_hash = to_snapshot(protocol)
    assert from_snapshot(snapshot, content_hash) == protocol
    assert to_snapshot(from_snapshot(snapshot)) == (snapshot, content_hash)
    assert content_hash.startswith("sha256:") and len(content_hash) <= 80


def test_snapshot_hash_follows_content_only() -> None:
    a = load_text(MINIMAL)
    b = load_text("# a comment changes nothing\n" + MINIMAL.replace("minutes = 5", "minutes=5"))
    c = load_text(MINIMAL.replace("minutes = 5", "minutes = 6"))
    assert to_snapshot(a) == to_snapshot(b)
    assert to_snapshot(a)[1] != to_snapshot(c)[1]
    assert canonical_json(a) == to_snapshot(a)[0]


def test_damaged_snapshots_are_reported() -> None:
    snapshot, content_hash = to_snapshot(load_text(MINIMAL))
    with pytest.raises(ProtocolError, match="no saved protocol"):
        from_snapshot("")
    with pytest.raises(ProtocolError, match="fingerprint"):
        from_snapshot(snapshot.replace("Tiny", "Tinier"), content_hash)
    with pytest.raises(ProtocolError, match="not readable"):
        from_snapshot(snapshot[:50])
    with pytest.raises(ProtocolError, match="newer walkapp"):
        from_snapshot(snapshot.replace('"schema_version":1', '"schema_version":7'))


# -- writing files --------------------------------------------------------------------------------
@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_plain_writer_round_trips(path: Path) -> None:
    protocol = load_file(path)
    assert load_text(dumps(to_data(protocol))) == protocol


def test_set_top_level_keeps_comments_and_layout() -> None:
    text = "# hello\n" + MINIMAL
    patched = set_top_level(text, {"id": "other", "based_on": "tiny version 1"})
    assert patched is not None and patched.startswith("# hello\n")
    protocol = load_text(patched)
    assert protocol.id == "other" and protocol.based_on == "tiny version 1"
    assert set_top_level('schema_version = 1\nid = """x"""\n', {"id": "y"}) is None
