"""`walkapp export --owner|--shared` and `walkapp import-data`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from walkapp.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_owner_export_and_import_data(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    fac = ["--data-dir", str(tmp_path / "fac")]
    new = ["--data-dir", str(tmp_path / "new")]
    run(capsys, *fac, "demo")
    out_file = tmp_path / "mine.json"
    code, out, err = run(capsys, *fac, "export", "--owner", "--all", "-o", str(out_file))
    assert code == 0, err
    assert "Wrote the owner's export of" in out and out_file.exists()
    code, out, err = run(capsys, *new, "import-data", str(out_file), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["clean"] and report["totals"]["notes"]["new"] > 0
    code, out, _ = run(capsys, *new, "list", "--json")
    assert len(json.loads(out)) == 1
    # Again: nothing new, still clean (exit 0), said in words.
    code, out, _ = run(capsys, *new, "import-data", str(out_file))
    assert code == 0 and "In all:" in out


def test_csv_and_shared_exports_and_the_json_of_what_was_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fac = ["--data-dir", str(tmp_path / "fac")]
    run(capsys, *fac, "demo")
    code, out, _ = run(capsys, *fac, "list", "--json")
    walk = json.loads(out)[0]
    target = tmp_path / "shared.zip"
    code, out, err = run(capsys, *fac, "export", "--shared", "--walk", walk["id"][:8],
                         "--format", "csv", "-o", str(target), "--json")
    assert code == 0, err
    written = json.loads(out)
    assert written["kind"] == "shared" and written["format"] == "csv"
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
    assert "manifest.json" in names and "notes.csv" in names
    folder = tmp_path / "tables"
    code, _, err = run(capsys, *fac, "export", "--owner", "--format", "csv", "-o", str(folder))
    assert code == 0, err
    assert (folder / "notes.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    # A folder that is there already is never written into.
    code, _, err = run(capsys, *fac, "export", "--owner", "--format", "csv", "-o", str(folder))
    assert code != 0 and "is a folder" in err


def test_refusals_say_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fac = ["--data-dir", str(tmp_path / "fac")]
    run(capsys, *fac, "demo")
    code, _, err = run(capsys, *fac, "export", "-o", str(tmp_path / "x"))
    assert code != 0 and "--owner or --shared" in err
    code, _, err = run(capsys, *fac, "export", "--all", "-o", str(tmp_path / "x"))
    assert code != 0 and "go with --owner or --shared" in err
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    code, out, _ = run(capsys, *fac, "import-data", str(bad))
    assert code == 1 and "not a walkapp data export" in out
