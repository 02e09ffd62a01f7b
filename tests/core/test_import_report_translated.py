"""What an import says of the files it took, and what the commands that carry a walk say,
went through the catalogue (issue 19, item 2): each file's line, its conflicts, rejections,
adjustments (a removed look-for or visit) and warnings (two laptops, a closed walk), the
totals, a set-aside section of counts, and the output of `walkapp kit`, `open-kit`,
`export` and `import`; and a few of them in Spanish. The refusals are
test_bundle_refusals_translated's part."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.core.test_bundle_refusals_translated import assert_wrapped
from tests.core.test_bundle_stale import _kit_out, _note
from tests.core.test_import_report import _conflicting_round, _kit_for, _walk
from tests.helpers import gettext_catalogue as gc
from tests.helpers.laptops import laptops
from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.bundles import crypto
from walkapp.cli import main
from walkapp.services import NoteDraft

NAMES = ["Report walk", "Stale walk", "Questioning", "Removed visit", "Room 12",
         "Base text", "Walker addition", "Facilitator fix", "Ben's note", "From laptop one",
         "From laptop two"]


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def test_the_report_of_accepted_files_is_in_the_catalogue(
        tmp_path: Path, core_pseudo: Callable[[], Any]) -> None:
    said: list[str] = []
    with laptops(tmp_path, "fac", "amy", "ben", "one", "two") as (fac, amy, ben, one, two):
        walk = _walk(fac)
        conflicted = _conflicting_round(fac, amy, ben, walk, tmp_path)
        # Two laptops that chose the same name from an "any walker" kit.
        first = _kit_for(fac, one, walk, None, tmp_path, name="Walker 1")
        second = _kit_for(fac, two, walk, None, tmp_path, name="Walker 1")
        one.services.notes.save_note(NoteDraft(walk.id, first.id, "From laptop one"))
        two.services.notes.save_note(NoteDraft(walk.id, second.id, "From laptop two"))
        claimed = [one.bundles.write_notes(walk.id, first.id, tmp_path / f"{n}.walknotes")
                   for n in ("one",)] + [two.bundles.write_notes(
                       walk.id, second.id, tmp_path / "two.walknotes")]
        fac.services.walks.update_walk(walk.id, status=d.WalkStatus.CLOSED)
        with core_pseudo():
            report = fac.bundles.import_files([*conflicted, *claimed])
            said += report.summary().splitlines()
    assert report.conflicts == 1 and report.warnings >= 2, report.summary()
    assert said[-1].startswith("⟦In all: "), said
    assert_wrapped(said, user=NAMES)


def test_what_arrived_adjusted_is_in_the_catalogue(tmp_path: Path,
                                                   core_pseudo: Callable[[], Any]) -> None:
    with laptops(tmp_path, "fac", "amy") as (fac, amy):
        walk, me = _kit_out(fac, amy, tmp_path, include_visit_details=True)
        _note(amy, walk, me, "Asked why twice.", 0, 0)
        _note(amy, walk, me, "Pairs compared answers.", 0, 0, 1)
        _note(amy, walk, me, "Students chose their own problem.", 1)
        fac.services.plan.remove_look_for(walk.look_fors[0].id)
        fac.services.plan.remove_visit(walk.visits[1].id)
        path = amy.bundles.write_notes(walk.id, me, tmp_path / "amy.walknotes")
        with core_pseudo():
            file = fac.bundles.import_files([path]).files[0]
            said = [file.summary(), *file.details()]
    assert len(file.adjustments) == 2, file.adjustments
    assert_wrapped(said, user=NAMES)


def test_a_set_aside_section_of_counts_is_said_in_the_catalogue(
        core_pseudo: Callable[[], Any]) -> None:
    from walkapp.bundles.report import Rejected
    from walkapp.bundles.tally_part import tally_section

    with core_pseudo():
        set_aside = tally_section({"tallies": {"items": "many", "versions": []}},
                                  "00000000-0000-4000-8000-000000000001")
    assert isinstance(set_aside, Rejected)
    assert_wrapped([set_aside.what, set_aside.reason])


def test_the_commands_that_carry_a_walk_speak_through_the_catalogue(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        core_pseudo: Callable[[], Any]) -> None:
    fac, amy = (["--data-dir", str(tmp_path / n), "--lang", "qps"] for n in ("fac", "amy"))
    with laptops(tmp_path, "fac") as (laptop,):
        _walk(laptop)
    secret = tmp_path / "pass.txt"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    kit, notes = tmp_path / "walker.walkkit", tmp_path / "walker.walknotes"
    commands = [[*fac, "kit", "Report", "--walker", "Walker 1", "-o", str(kit)],
                [*fac, "kit", "Report", "-o", str(tmp_path / "any.walkkit"),
                 "--passphrase-file", str(secret)],
                [*amy, "open-kit", str(kit)],
                [*amy, "open-kit", str(kit)],
                [*amy, "export", "Report", "-o", str(notes)],
                [*fac, "import", str(notes), str(tmp_path / "pass.txt")],
                [*amy, "open-kit", str(tmp_path / "any.walkkit"), "--walker", "Walker 2"]]
    said: list[str] = []
    capsys.readouterr()
    with core_pseudo():
        for command in commands:
            main(command)
            out, err = capsys.readouterr()
            said += [line for line in (out + err).splitlines() if line.strip()]
    assert len(said) >= 9, said
    assert_wrapped(said, user=[*NAMES, str(tmp_path)])


def test_a_few_of_them_in_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.bundles import BundleError
    from walkapp.bundles import schema as s
    from walkapp.bundles.archive import read_bundle
    from walkapp.bundles.report import FileReport, Rejected

    monkeypatch.setenv("WALKAPP_TRANSLATIONS_DIR", str(gc.build_mo(tmp_path)))
    with fmt.language("es"):
        with pytest.raises(BundleError) as empty:
            read_bundle(b"", ("walkapp-notes",))
        with pytest.raises(BundleError) as damaged:
            s.text({"text": 5}, "text", fmt.tr("{part}, entry {n}").format(
                part="notes.json", n=3), 100)
        refused = FileReport(path="amy.walknotes", accepted=False, rejected=(
            Rejected(fmt.tr("the whole file"), empty.value.message),)).summary()
    assert empty.value.message == "El archivo está vacío: probablemente la copia se interrumpió."
    assert damaged.value.message == ("El archivo está dañado o no lo creó walkapp: "
                                     "notes.json, entrada 3: «text» debería ser texto.")
    assert refused.startswith("amy.walknotes: no se importó. El archivo está vacío")
