"""`walkapp kit`, `open-kit`, `export` and `import` across two data folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from walkapp.bundles import crypto
from walkapp.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


def test_kit_open_export_import_round_trip(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    fac = ["--data-dir", str(tmp_path / "fac")]
    amy = ["--data-dir", str(tmp_path / "amy")]
    run(capsys, *fac, "demo")
    kit = tmp_path / "amira.walkkit"
    code, out, _ = run(capsys, *fac, "kit", "Learning", "--walker", "amira haddad",
                       "-o", str(kit))
    assert code == 0 and "Amira Haddad" in out and kit.exists()
    code, out, _ = run(capsys, *amy, "open-kit", str(kit))
    assert code == 0 and "Opened" in out and "Amira Haddad" in out
    code, out, _ = run(capsys, *amy, "list", "--json")
    walk = json.loads(out)[0]
    assert walk["local_mode"] == "walker" and walk["note_count"] == 0
    notes = tmp_path / "amira.walknotes"
    code, out, _ = run(capsys, *amy, "export", walk["id"][:8], "-o", str(notes))
    assert code == 0 and notes.exists()
    code, out, err = run(capsys, *fac, "import", str(notes), "--json")
    report = json.loads(out)
    assert code == 0, err
    assert report["clean"] is True and report["files"][0]["walker_name"] == "Amira Haddad"
    # Her notes were already on the facilitator's laptop.
    assert report["totals"]["notes"]["new"] == 0
    assert report["backup_path"] and Path(report["backup_path"]).exists()


def test_import_of_a_broken_file_fails_with_one_line(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.walknotes"
    bad.write_bytes(b"not a zip at all")
    code, out, _ = run(capsys, "import", str(bad))
    assert code == 1 and "not imported" in out and "not a walkapp" in out
    code, out, _ = run(capsys, "import", str(bad), "--json")
    data = json.loads(out)
    assert code == 1 and data["files"][0]["accepted"] is False


def test_passphrase_comes_from_a_file_never_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    run(capsys, "demo")
    kit = tmp_path / "k.walkkit"
    code, out, _ = run(capsys, "kit", "Learning", "-o", str(kit),
                       "--passphrase-file", str(secret))
    assert code == 0 and "passphrase" in out
    amy = ["--data-dir", str(tmp_path / "amy")]
    code, _, err = run(capsys, *amy, "open-kit", str(kit), "--walker", "Ben Okafor")
    assert code == 1 and "--passphrase-file" in err and err.count("\n") == 1
    code, _, err = run(capsys, *amy, "open-kit", str(kit), "--passphrase-file", str(secret))
    assert code == 1 and "--walker NAME" in err and "Ben Okafor" in err
    code, out, _ = run(capsys, *amy, "open-kit", str(kit), "--walker", "Ben Okafor",
                       "--passphrase-file", str(secret))
    assert code == 0 and "Ben Okafor" in out
    with pytest.raises(SystemExit):
        main(["kit", "Learning", "-o", str(kit), "--passphrase", "x"])
    capsys.readouterr()


def test_unknown_walker_names_the_walkers(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    run(capsys, "demo")
    code, _, err = run(capsys, "kit", "Learning", "--walker", "Nobody", "-o",
                       str(tmp_path / "k.walkkit"))
    assert code == 1 and "Amira Haddad" in err and "Nobody" in err
