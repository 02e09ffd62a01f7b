"""The protocol library: built-ins plus the user's folder; import, duplicate, remove; and the
`walkapp protocol …` commands."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.helpers.cli_run import run
from walkapp.config import Settings
from walkapp.errors import NotFoundError, ReadOnlyError, ValidationError
from walkapp.paths import data_dir
from walkapp.protocol import ProtocolError, load_file
from walkapp.protocol.library import (
    BUILTIN_ORDER,
    DEFAULT_PROTOCOL_ID,
    ProtocolLibrary,
    builtin_protocol,
)

BUILTIN_DIR = data_dir("protocols")


@pytest.fixture
def library(settings: Settings) -> ProtocolLibrary:
    return ProtocolLibrary.for_settings(settings)


def user_file(library: ProtocolLibrary, name: str, text: str) -> Path:
    library.user_dir.mkdir(parents=True, exist_ok=True)
    path = library.user_dir / name
    path.write_text(text, encoding="utf-8")
    return path


def renamed(protocol_id: str, title: str = "Mine") -> str:
    text = (BUILTIN_DIR / "ghost-walk.toml").read_text(encoding="utf-8")
    return text.replace('id = "ghost-walk"', f'id = "{protocol_id}"')\
        .replace('title = "Ghost walk"', f'title = "{title}"')


def test_builtins_come_first_with_the_default_on_top(library: ProtocolLibrary) -> None:
    assert [e.id for e in library.entries] == list(BUILTIN_ORDER)
    assert library.entries[0].id == DEFAULT_PROTOCOL_ID == library.default().id
    assert all(e.builtin for e in library.entries) and library.problems == []
    assert builtin_protocol("plc-mirror").title == "PLC mirror"
    with pytest.raises(NotFoundError):
        builtin_protocol("nope")
    with pytest.raises(NotFoundError, match="walkapp protocol list"):
        library.get("nope")


def test_malformed_user_files_are_reported_and_skipped(library: ProtocolLibrary) -> None:
    user_file(library, "good.toml", renamed("our-ghosts", "Our ghosts"))
    user_file(library, "broken.toml", "schema_version = 1\nid = [")
    user_file(library, "typo.toml", renamed("typo").replace("minutes = 3", "minuts = 3", 1))
    user_file(library, "clash.toml", renamed("learning-walk"))
    user_file(library, "twin.toml", renamed("our-ghosts", "A twin"))
    (library.user_dir / "binary.toml").write_bytes(os.urandom(300) + b"\xff\xfe")
    (library.user_dir / ".hidden.toml.part").write_text("half a file")
    ids = [e.id for e in library.entries]
    assert ids == [*BUILTIN_ORDER, "our-ghosts"]
    problems = sorted(p.message for p in library.problems)
    assert len(problems) == 5
    joined = "\n".join(problems)
    assert "binary.toml" in joined and "not UTF-8" in joined
    assert "broken.toml (line 2)" in joined and "typo.toml (line" in joined
    assert "clash.toml" in joined and "a built-in protocol already has" in joined
    assert "twin.toml" in joined and "good.toml already has" in joined


def test_import_copies_checks_and_refuses_clashes(library: ProtocolLibrary,
                                                  tmp_path: Path) -> None:
    source = tmp_path / "Downloaded protocol (1).toml"
    source.write_text(renamed("shared-walk", "Shared walk"), encoding="utf-8")
    entry = library.import_file(source)
    assert entry.path == library.user_dir / "shared-walk.toml" and not entry.builtin
    assert entry.path.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert library.import_file(source) == entry  # the same content again: nothing to do
    source.write_text(renamed("shared-walk", "Shared walk v2"), encoding="utf-8")
    with pytest.raises(ProtocolError, match="already has a protocol with the id"):
        library.import_file(source)
    assert library.import_file(source, replace=True).title == "Shared walk v2"
    source.write_text(renamed("learning-walk"), encoding="utf-8")
    with pytest.raises(ProtocolError, match="of a built-in protocol"):
        library.import_file(source)
    source.write_text("schema_version = 1\n", encoding="utf-8")
    with pytest.raises(ProtocolError, match="version is missing"):
        library.import_file(source)
    assert [e.id for e in library.entries if not e.builtin] == ["shared-walk"]


def test_duplicate_keeps_comments_and_records_its_origin(library: ProtocolLibrary) -> None:
    entry = library.duplicate("learning-walk", "our-walk", "  Our   walk ")
    text = entry.path.read_text(encoding="utf-8")
    assert text.startswith("# Learning walk — walker-focused.")
    assert entry.title == "Our walk" and entry.protocol.version == "1"
    assert entry.protocol.based_on == "learning-walk version 1"
    original = library.get("learning-walk")
    assert entry.protocol.phases == original.phases and entry.protocol.norms == original.norms
    copy = library.duplicate("our-walk", "our-walk-2")
    assert copy.title == "Our walk (copy)" and copy.protocol.based_on == "our-walk version 1"
    with pytest.raises(ValidationError, match="already has a protocol"):
        library.duplicate("learning-walk", "our-walk")
    with pytest.raises(ValidationError, match="cannot be a protocol id"):
        library.duplicate("learning-walk", "Our Walk!")
    with pytest.raises(ValidationError, match="1 to 200"):
        library.duplicate("learning-walk", "long-one", "x" * 201)
    with pytest.raises(NotFoundError):
        library.duplicate("no-such", "new-one")


def test_duplicate_falls_back_to_a_fresh_file_when_the_text_is_unusual(
        library: ProtocolLibrary) -> None:
    odd = renamed("odd-walk").replace('title = "Mine"', "title = '''Mine'''")
    user_file(library, "odd-walk.toml", odd)
    entry = library.duplicate("odd-walk", "odd-copy", "Odd copy")
    assert entry.title == "Odd copy" and entry.protocol.phases == library.get("odd-walk").phases


def test_remove_deletes_only_user_protocols(library: ProtocolLibrary) -> None:
    library.duplicate("ghost-walk", "mine")
    library.remove("mine")
    assert "mine" not in [e.id for e in library.entries]
    with pytest.raises(ValidationError, match="built into walkapp"):
        library.remove("ghost-walk")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="needs POSIX permissions enforced (not root)")
def test_unwritable_folder_gives_a_clear_error_and_no_partial_file(
        library: ProtocolLibrary) -> None:
    library.user_dir.mkdir(parents=True)
    library.user_dir.chmod(0o500)
    try:
        with pytest.raises(ReadOnlyError, match="could not write"):
            library.duplicate("ghost-walk", "mine")
    finally:
        library.user_dir.chmod(0o700)
    assert list(library.user_dir.iterdir()) == []


def test_full_disk_while_saving_leaves_nothing_behind(library: ProtocolLibrary,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from walkapp.errors import DiskFullError

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(DiskFullError, match="disk is full"):
        library.duplicate("ghost-walk", "mine")
    assert list(library.user_dir.iterdir()) == []
    assert "mine" not in [e.id for e in library.entries]


# -- the command line ----------------------------------------------------------------------------


def test_cli_check_passes_every_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    # What `walkapp protocol check protocols/*` expands to in a shell.
    code, out, err = run(capsys, "protocol", "check", *map(str, sorted(BUILTIN_DIR.iterdir())))
    assert code == 0, err
    # Each built-in in English and Spanish, and the two word lists.
    assert out.count("ok ") == 2 * len(BUILTIN_ORDER) + 2
    assert "README.md (is not a .toml file)" in out and err == ""


def test_cli_check_reports_one_line_per_error(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(renamed("bad").replace("minutes = 3", 'minutes = "3"', 1)
                   .replace('title = "Mine"', "titl = 'Mine'"), encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text(renamed("good"), encoding="utf-8")
    code, out, err = run(capsys, "protocol", "check", str(good), str(bad),
                         str(tmp_path / "missing.toml"))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 3 and "Traceback" not in err
    assert all(line.startswith("walkapp: error: ") for line in lines)
    assert f"{bad} (line 5, titl): unknown key" in err and "did you mean title?" in err
    assert f"{bad} (line 119, pre_brief.steps[1].minutes)" in err
    assert "does not exist" in lines[2]
    assert f"ok       {good}" in out


def test_cli_list_import_duplicate_show(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "protocol", "list")
    assert code == 0 and "learning-walk" in out and "built-in" in out
    source = tmp_path / "shared.toml"
    source.write_text(renamed("shared", "Shared walk"), encoding="utf-8")
    code, out, _ = run(capsys, "protocol", "import", str(source))
    assert code == 0 and "Imported “Shared walk” (shared)" in out
    code, out, _ = run(capsys, "protocol", "duplicate", "learning-walk", "ours",
                       "--title", "Ours")
    assert code == 0 and "Created “Ours” (ours)" in out
    code, out, err = run(capsys, "protocol", "duplicate", "learning-walk", "ours")
    assert code == 1 and "already has a protocol" in err and err.count("\n") == 1
    (Path(os.environ["WALKAPP_DATA_DIR"]) / "protocols" / "junk.toml").write_text("x = ")
    code, out, err = run(capsys, "protocol", "list", "--json")
    listing = json.loads(out)
    assert code == 0
    assert [p["id"] for p in listing["protocols"]][-2:] == ["ours", "shared"]
    assert listing["protocols"][0]["builtin"] is True
    assert listing["protocols"][0]["hash"].startswith("sha256:")
    assert len(listing["problems"]) == 1 and "junk.toml" in listing["problems"][0]
    code, out, _ = run(capsys, "protocol", "show", "ours")
    assert code == 0 and "Pre-brief" in out and "[norms]" in out
    code, out, _ = run(capsys, "protocol", "show", "ours", "--json")
    assert json.loads(out)["based_on"] == "learning-walk version 1"
    code, _, err = run(capsys, "protocol")
    assert code == 2 and "choose an action" in err


def test_protocol_files_ship_in_the_checkout_and_match_the_loader() -> None:
    for protocol_id in BUILTIN_ORDER:
        assert load_file(BUILTIN_DIR / f"{protocol_id}.toml").id == protocol_id
