"""Protocol format version 2: what it reads, what it refuses and how it says so, how a
version 1 file is told about it, and that a version 1 file and its rewrite run the same
walk (issue 17)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.core.test_protocol_loader import MINIMAL, errors_of, only_error
from tests.helpers.protocol_carrier import carrier
from walkapp.cli import main
from walkapp.domain import PatternKind, Stem
from walkapp.paths import data_dir
from walkapp.protocol import ProtocolError, from_snapshot, load_text
from walkapp.protocol.fields import key_paths
from walkapp.protocol.schema import (
    PromptKind,
    RotateBy,
    StemTone,
    TallyKind,
)
from walkapp.protocol.snapshot import to_snapshot
from walkapp.protocol.upgrade import upgrade_text
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol

V2 = MINIMAL.replace("schema_version = 1", "schema_version = 2")
BUILTINS = sorted(data_dir("protocols").glob("*.toml"))


def v2_error(extra: str, replace: tuple[str, str] | None = None) -> ProtocolError:
    text = V2 if replace is None else V2.replace(*replace)
    return only_error(text + extra)


# -- what version 2 reads ------------------------------------------------------------------------
def test_the_carrier_of_every_key_loads_as_version_2_with_each_part_built() -> None:
    protocol = load_text(carrier(), "coverage.toml")
    assert protocol.schema_version == 2 and protocol.corridor_after_last
    role = protocol.roles[0]
    assert role.assignable and role.instructions and role.detail_label
    assert protocol.assignable_roles() == (role,)
    warm = protocol.stem_spec_by_key("warm")
    assert warm is not None and warm.stem is Stem.NOTICED and warm.tone is StemTone.APPRECIATIVE
    assert [s.stage_key for s in protocol.debrief_stages()] == [
        "describe", "analyse", "raise-questions"]
    assert protocol.debrief_stage_by_key("raise-questions").kind is PatternKind.ANALYSE  # type: ignore[union-attr]
    rate = protocol.feedback[1]
    assert (rate.points, len(rate.point_labels), rate.not_applicable) == (4, 4, True)
    assert rate.point_label(2) == "Plain two"
    assert [p.kind for p in protocol.visit_form] == [PromptKind.CHECKLIST]
    assert protocol.tally("questions") is not None
    assert protocol.tally("questions").kind is TallyKind.COUNT  # type: ignore[union-attr]
    assert protocol.variant("form").default_option.key == "short"  # type: ignore[union-attr]
    extra = protocol.step("opener-extra")
    assert extra is not None and extra.optional and extra.included
    assert extra.turns is not None and extra.turns.rotate is RotateBy.WALKERS
    assert extra.minutes == extra.turns.total_minutes == 2  # minutes left out: the turns'
    assert extra.role_script("recorder")
    post = protocol.phase("post_brief")
    assert post is not None and post.another_day and post.days_after == 1


def test_a_version_2_protocol_survives_its_snapshot_unchanged() -> None:
    protocol = load_text(carrier(), "coverage.toml")
    snapshot, content_hash = to_snapshot(protocol)
    assert from_snapshot(snapshot, content_hash) == protocol


def test_version_2_allows_visits_of_up_to_180_minutes() -> None:
    assert load_text(V2.replace('title = "Tiny walk"',
                                'title = "Tiny walk"\nvisit_minutes = 90')).visit_minutes == 90
    error = v2_error("", ('title = "Tiny walk"', 'title = "Tiny walk"\nvisit_minutes = 181'))
    assert error.field == "visit_minutes" and "from 1 to 180" in error.message


# -- a version 1 file is told --------------------------------------------------------------------
V2_ONLY = [
    ('title = "Tiny walk"', 'title = "Tiny walk"\ncorridor_after_last = true',
     "corridor_after_last"),
    ('key = "norms"', 'key = "norms"\noptional = true', "pre_brief.steps[1].optional"),
    ('[pre_brief]', '[pre_brief]\nanother_day = true', "pre_brief.another_day"),
    ('[pre_brief]', '[[tallies]]\nkey = "q"\nlabel = "Q"\n\n[pre_brief]', "tallies"),
    ('[pre_brief]', '[[visit_form]]\nkey = "q"\ntext = "Q"\n\n[pre_brief]', "visit_form"),
    ('[pre_brief]', '[[roles]]\nkey = "r"\ntitle = "R"\nassign = true\n\n[pre_brief]',
     "roles[1].assign"),
    ('[pre_brief]', '[[stems]]\nkey = "warm"\nlike = "noticed"\nlabel = "Warm"\n\n'
                    '[pre_brief]', "stems[1].key"),
]


@pytest.mark.parametrize(("old", "new", "field"), V2_ONLY)
def test_a_version_1_file_with_a_version_2_key_is_told_to_say_version_2(
        old: str, new: str, field: str) -> None:
    errors = errors_of(MINIMAL.replace(old, new, 1))
    assert errors and errors[0].field == field, [e.message for e in errors]
    assert "is part of protocol format version 2" in errors[0].message
    assert "write schema_version = 2" in errors[0].message
    # …and as version 2 the same text is fine.
    load_text(MINIMAL.replace(old, new, 1).replace("schema_version = 1", "schema_version = 2"))


def test_the_version_2_message_is_given_once_per_key() -> None:
    text = MINIMAL + '\n[[feedback]]\nkey = "r"\ntext = "R"\nkind = "rating"\npoints = 4\n'
    assert [e.field for e in errors_of(text)] == ["feedback[1].points"]


# -- one mistake, one message ------------------------------------------------------------------
RATING = '\n[[feedback]]\nkey = "r"\ntext = "How was it?"\nkind = "rating"\n'
MISTAKES = [
    ('[[visit_form]]\nkey = "q"\ntext = "Q"\nkind = "rating"\n', "visit_form[1].kind",
     "never scored"),
    (RATING + 'points = 4\nlabels = ["a", "b", "c"]\n', "feedback[1].labels",
     "3 labels for 4 points"),
    (RATING + 'points = 11\n', "feedback[1].points", "from 2 to 10"),
    (RATING + 'labels = ["only"]\n', "feedback[1].labels", "has 1 label;"),
    (RATING.replace('"rating"', '"text"') + 'not_applicable = true\n',
     "feedback[1].not_applicable", "only rating prompts"),
    (RATING + 'not_applicable = "yes"\n', "feedback[1].not_applicable",
     "write not_applicable = true"),
    ('[[tallies]]\nkey = "q"\nlabel = "Q"\nshortcut = "qq"\n', "tallies[1].shortcut",
     "single letter or digit"),
    ('[[tallies]]\nkey = "q"\nlabel = "Q"\nshortcut = "Q"\n[[tallies]]\nkey = "p"\n'
     'label = "P"\nshortcut = "q"\n', "tallies[2].shortcut", "used twice"),
    ('[[tallies]]\nkey = "q"\nlabel = "Q"\nkind = "timer"\n', "tallies[1].kind",
     "count, duration"),
    ('[[variants]]\nkey = "v"\ntitle = "V"\n[[variants.options]]\nkey = "a"\ntitle = "A"\n',
     "variants[1].options", "has one option"),
    ('[[variants]]\nkey = "v"\ntitle = "V"\ndefault = "c"\n[[variants.options]]\nkey = "a"\n'
     'title = "A"\n[[variants.options]]\nkey = "b"\ntitle = "B"\n', "variants[1].default",
     '"c" is not one of'),
    ('[[variants]]\nkey = "v"\ntitle = "V"\n[[variants.options]]\nkey = "a"\ntitle = "A"\n'
     'steps = ["nope"]\n[[variants.options]]\nkey = "b"\ntitle = "B"\n',
     "variants[1].options[1].steps", '"nope", is not the key of a step'),
    ('[[variants]]\nkey = "v"\ntitle = "V"\n[[variants.options]]\nkey = "a"\ntitle = "A"\n'
     'steps = ["norms"]\n[[variants.options]]\nkey = "b"\ntitle = "B"\nsteps = ["norms"]\n',
     "variants[1].options[2].steps", "already in another option"),
    ('[[variants]]\nkey = "v"\ntitle = "V"\n[[variants.options]]\nkey = "a"\ntitle = "A"\n'
     'steps = ["visits"]\n[[variants.options]]\nkey = "b"\ntitle = "B"\n',
     "variants[1].options[1].steps", "cannot belong to a variant"),
    ('[[stems]]\nkey = "noticed"\nlike = "noticed"\nlabel = "N"\n', "stems[1].key",
     "one of walkapp's own stems"),
    ('[[stems]]\nkey = "warm"\nstem = "noticed"\nlabel = "Warm"\n', "stems[1].stem",
     'write like = "noticed"'),
    ('[[stems]]\nstem = "noticed"\nlike = "wonder"\n', "stems[1].like", "like is for an entry"),
    ('[[stems]]\nkey = "warm"\nlike = "noticd"\nlabel = "Warm"\n', "stems[1].like",
     'did you mean "noticed"'),
    ('[[stems]]\nkey = "warm"\nlike = "noticed"\n', "stems[1]", "label is missing"),
    ('[[roles]]\nkey = "r"\ntitle = "R"\ndetail_label = "Whom you follow"\n',
     "roles[1].detail_label", "add assign = true"),
    ('[[debrief_sequence]]\nkind = "analyse"\nprompt = "A"\n[[debrief_sequence]]\n'
     'key = "first"\nlike = "describe"\ntitle = "F"\nprompt = "F"\n',
     "debrief_sequence[2].like", '"describe" comes after "analyse"'),
    ('[[debrief_sequence]]\nkind = "analyse"\nprompt = "A"\n[[debrief_sequence]]\n'
     'kind = "analyse"\nprompt = "B"\n', "debrief_sequence[2].kind", "may share a kind"),
]


@pytest.mark.parametrize(("extra", "field", "needle"), MISTAKES)
def test_each_version_2_mistake_is_named_once(extra: str, field: str, needle: str) -> None:
    # Appended after [post_brief]'s step: put top-level blocks first.
    head, _, rest = V2.partition("[pre_brief]")
    error = only_error(head + extra + "\n[pre_brief]" + rest)
    assert error.field == field and needle in error.message, error.message


STEP_MISTAKES = [
    ('minutes = 5\nactivity = "norms"', 'minutes = 5\nactivity = "norms"\nincluded = false',
     "pre_brief.steps[1].included", "add optional = true"),
    ('activity = "visits"', 'activity = "visits"\noptional = true',
     "observation.steps[1].optional", "cannot be left out"),
    ('minutes = 5\nactivity = "norms"',
     'minutes = 5\nactivity = "norms"\n[pre_brief.steps.turns]\ncount = 3\nminutes = 2',
     "pre_brief.steps[1].minutes", "less than its turns take (3 × 2 = 6 minutes)"),
    ('minutes = 5\nactivity = "norms"',
     'minutes = 5\nactivity = "norms"\n[[pre_brief.steps.roles]]\nrole = "presenter"\n'
     'script = "Listen"', "pre_brief.steps[1].roles[1].role", "not one of this protocol's roles"),
    ('activity = "visits"', 'activity = "visits"\n[observation.steps.turns]\ncount = 2\n'
     'minutes = 2', "observation.steps[1].turns", "timed by its rooms"),
    ('[pre_brief]', '[pre_brief]\ndays_after = 2', "pre_brief.days_after",
     "add another_day = true"),
    ('[observation]\n[[observation.steps]]\nkey = "visits"\ntitle = "Visits"\n'
     'activity = "visits"\n', '[observation]\n[[observation.steps]]\nkey = "look"\n'
     'title = "Look"\nminutes = 5\n[[tallies]]\nkey = "q"\nlabel = "Q"\n',
     "tallies", "no visits step"),
]


@pytest.mark.parametrize(("old", "new", "field", "needle"), STEP_MISTAKES)
def test_each_version_2_step_mistake_is_named_once(old: str, new: str, field: str,
                                                    needle: str) -> None:
    assert old in V2
    error = only_error(V2.replace(old, new, 1))
    assert error.field == field and needle in error.message, error.message


# -- version 1 → version 2 -----------------------------------------------------------------------
@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_a_version_1_file_and_its_rewrite_are_the_same_protocol(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    before = load_text(text)
    if before.schema_version != 1:
        pytest.skip("already version 2")
    upgraded = upgrade_text(text, path.name)
    assert [a for a, b in zip(text.splitlines(), upgraded.splitlines(), strict=True)
            if a != b] == ["schema_version = 1"]
    after = load_text(upgraded)
    assert after.schema_version == 2
    assert dataclasses.replace(after, schema_version=1) == before


def test_a_version_1_file_and_its_rewrite_plan_the_same_walk(services: Services) -> None:
    text = (data_dir("protocols") / "learning-walk.toml").read_text(encoding="utf-8")
    walks = []
    for protocol in (load_text(text), load_text(upgrade_text(text))):
        walk = create_walk_from_protocol(services, protocol, "Walk", "2026-11-02",
                                         look_for_set=protocol.look_for_sets[0], visits=3)
        walks.append(walk)
    same = ("title", "walk_date", "visit_minutes", "corridor_minutes", "language", "norms",
            "look_fors", "protocol_id", "protocol_version")
    one, two = ({k: _plain(getattr(w, k)) for k in same} for w in walks)
    assert one == two
    assert len(walks[0].visits) == len(walks[1].visits) == 3


def _plain(value: object) -> object:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()
                if k not in ("id", "walk_id", "created_at", "updated_at")}
    return value


def test_upgrade_keeps_comments_and_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    text = "# Our walk\nschema_version = 1  # the format\n" + MINIMAL.split("\n", 1)[1]
    assert upgrade_text(text).startswith("# Our walk\nschema_version = 2  # the format\n")
    with pytest.raises(ProtocolError, match="already protocol format version 2"):
        upgrade_text(V2)
    with pytest.raises(ProtocolError, match="newer walkapp"):
        upgrade_text(MINIMAL.replace("schema_version = 1", "schema_version = 3"))
    with pytest.raises(ProtocolError, match="title is missing"):
        upgrade_text(MINIMAL.replace('title = "Tiny walk"\n', ""))
    # A version 1 file that uses a version 2 key is what upgrade is for.
    with_tally = MINIMAL.replace("[pre_brief]", '[[tallies]]\nkey = "q"\nlabel = "Q"\n\n'
                                                "[pre_brief]")
    assert load_text(upgrade_text(with_tally)).tallies[0].key == "q"


def test_the_upgrade_command_rewrites_the_file_in_place_or_to_another(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ours.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0o644)
    out = tmp_path / "ours-v2.toml"
    assert main(["protocol", "upgrade", str(path), "-o", str(out)]) == 0
    assert path.read_text(encoding="utf-8") == MINIMAL
    assert out.read_text(encoding="utf-8") == V2
    assert main(["protocol", "upgrade", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == V2 and path.stat().st_mode & 0o777 == 0o644
    said = capsys.readouterr().out
    assert "only its schema_version line changed" in said and "Version 2 adds:" in said
    assert main(["protocol", "upgrade", str(path)]) == 1
    assert "already protocol format version 2" in capsys.readouterr().err


def test_every_version_2_key_is_marked_as_such() -> None:
    v2_keys = {path for path, key in key_paths().items() if key.since == 2}
    assert {"visit_form", "tallies", "variants", "corridor_after_last", "roles[].assign",
            "stems[].key", "feedback[].points", "post_brief.another_day",
            "closing.steps[].turns", "closing.steps[].roles"} <= v2_keys
    # Keys inside a version 2 table need no mark of their own.
    assert "tallies[].label" not in v2_keys
