"""Odd and hostile data exports are refused whole, with a sentence that says why, and
nothing is written; a full disk while an export is written leaves no half file; CSV is
safe to open in a spreadsheet."""

from __future__ import annotations

import copy
import errno
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from tests.helpers.one_walk import FREE
from walkapp.errors import DiskFullError
from walkapp.exports import DataService
from walkapp.exports.csv_files import csv_bytes, safe_cell
from walkapp.services import NoteDraft, Services


@pytest.fixture
def exported(services: Services, tmp_path: Path) -> dict[str, Any]:
    walk = make_walk(services, walkers=1, visits=1)
    services.notes.save_note(NoteDraft(walk.id, walk.walkers[0].id, "=HYPERLINK(\"x\")",
                                       visit_id=walk.visits[0].id))
    path = DataService(services).export("owner", None, tmp_path / "w.json").path
    value: dict[str, Any] = json.loads(Path(path).read_bytes())
    return value


def _rows(value: dict[str, Any], table: str) -> tuple[list[str], list[list[Any]]]:
    part = value["tables"][table]
    return part["columns"], part["rows"]


def _set(table: str, column: str, new: Any) -> Callable[[dict[str, Any]], None]:
    def change(value: dict[str, Any]) -> None:
        columns, rows = _rows(value, table)
        rows[0][columns.index(column)] = new
    return change


def _other_walk(value: dict[str, Any]) -> None:
    columns, rows = _rows(value, "visits")
    rows[0][columns.index("walk_id")] = "00000000-0000-4000-8000-000000000001"


def _extra_table(value: dict[str, Any]) -> None:
    value["tables"]["grades_of_teachers"] = {"columns": ["id"], "rows": []}


CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "newer": (lambda v: v.update(format_version=99), "made by a newer walkapp"),
    "shared": (lambda v: v.update(kind="shared"), "cannot be imported"),
    "not ours": (lambda v: v.update(format="walkapp-notes"), "not a walkapp data export"),
    "unknown table": (_extra_table, "newer walkapp"),
    "edited note": (_set("notes", "text", "Changed by hand"), "does not match its version"),
    "text for a number": (_set("visits", "position", "one"), "whole number"),
    "bad time": (_set("notes", "created_at", "yesterday"), "UTC time"),
    "lone surrogate": (_set("walks", "title", "\ud800"), "cannot be stored"),
    "too long": (_set("walks", "title", "x" * 301), "longer than 300"),
    "another walk's row": (_other_walk, "a walk the export does not list"),
    "status no walk has": (_set("walks", "status", "graded"), "do not fit together"),
    "missing key": (_set("visits", "id", None), "missing"),
}


def _counts(services: Services) -> dict[str, int]:
    assert services.db.path is not None
    with sqlite3.connect(services.db.path) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_export_is_refused_whole(case: str, exported: dict[str, Any],
                                           tmp_path: Path) -> None:
    change, words = CASES[case]
    value = copy.deepcopy(exported)
    change(value)
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    with laptops(tmp_path / "l", "target") as (target,):
        before = _counts(target.services)
        report = DataService(target.services).import_data(path)
        assert not report.files[0].accepted
        reason = report.files[0].rejected[0].reason
        assert words in reason, reason
        assert _counts(target.services) == before


@pytest.mark.parametrize("content", [b"", b"not json", b"PK\x03\x04rest", b"[" * 100_000,
                                     b'{"format": "walkapp-data", "format_version": true}'])
def test_files_that_are_no_export_at_all(content: bytes, services: Services,
                                         tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    report = DataService(services).import_data(path)
    assert not report.files[0].accepted and report.files[0].rejected[0].reason
    assert report.backup_path is None


@pytest.mark.parametrize("form,name", [("json", "all.json"), ("csv", "all.zip"),
                                       ("csv", "folder")])
def test_a_full_disk_while_writing_leaves_no_half_file(
        form: str, name: str, services: Services, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    make_walk(services, walkers=1, visits=1)
    out = tmp_path / "out"
    out.mkdir()

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", fsync)
        with pytest.raises(DiskFullError) as raised:
            DataService(services).export("owner", None, out / name, form)
    assert "disk is full" in raised.value.message and FREE.search(raised.value.message)
    assert list(out.iterdir()) == []


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text() -> None:
    for text in ("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell(-2) == "-2" and safe_cell(True) == "true" and safe_cell(None) == ""
    data = csv_bytes(["a", "b"], [["=cmd|' /C calc'!A0", "two\nlines, \"quoted\""]])
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    assert b"'=cmd" in data and b'"two\nlines, ""quoted"""' in data


def test_a_notes_csv_never_starts_a_cell_with_a_formula(exported: dict[str, Any],
                                                        services: Services,
                                                        tmp_path: Path) -> None:
    import csv
    import io
    import zipfile

    path = DataService(services).export("owner", None, tmp_path / "t.zip", "csv").path
    with zipfile.ZipFile(path) as archive:
        text = archive.read("notes.csv").decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'=HYPERLINK(\"x\")" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
