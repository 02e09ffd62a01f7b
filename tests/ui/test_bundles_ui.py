"""Import, save and open walk files from the desktop app: off the GUI thread, with a
readable report, and no dialog that blocks a test."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from tests.ui.conftest import ScriptedAsker
from walkapp.bundles import BundleService, crypto
from walkapp.services import NoteDraft, Services
from walkapp.ui.bundles_ui import (
    FilePicker,
    ImportController,
    ImportReportDialog,
    KitExportController,
    OpenKitController,
    PassphraseAsker,
    safe_file_name,
)


def shots(tmp_path: Path) -> Path:
    """Where screenshots go: WALKAPP_SCREENSHOTS (e.g. docs/screenshots) or a temp dir."""
    folder = Path(os.environ.get("WALKAPP_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**14)


class ScriptedPicker(FilePicker):
    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        self.asked.append(title)
        return list(self.answers.pop(0))  # type: ignore[call-overload]

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        self.asked.append(title)
        return self.answers.pop(0)  # type: ignore[return-value]

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> str | None:
        self.asked.append(suggested)
        return self.answers.pop(0)  # type: ignore[return-value]


class ScriptedPassphrases(PassphraseAsker):
    """`existing`: the answers to "type the passphrase", in turn (one string: one answer);
    once they run out the dialog is cancelled. Asked again after a wrong one, the file's
    name is recorded with " (again)"."""

    def __init__(self, new: str | None = "", existing: str | Sequence[str] | None = None,
                 walker: str | None = None) -> None:
        self.new, self.walker = new, walker
        self.existing = [existing] if isinstance(existing, str) else list(existing or ())
        self.asked: list[str] = []

    def new_passphrase(self, parent: QWidget | None) -> str | None:
        self.asked.append("new")
        return self.new

    def passphrase(self, parent: QWidget | None, file_name: str, *,
                   again: bool = False) -> str | None:
        self.asked.append(file_name + (" (again)" if again else ""))
        return self.existing.pop(0) if self.existing else None

    def choose_walker(self, parent: QWidget | None, names: Sequence[str]) -> str | None:
        self.asked.append("walker")
        return self.walker


def _notes_files(tmp_path: Path, services: Services, passphrase: str | None = None
                 ) -> tuple[str, list[Path]]:
    """The test's own database is the facilitator's; two walker laptops make files."""
    walk = make_walk(services, "UI walk", walkers=2)
    bundles = BundleService(services.db, services.bus)
    kit = bundles.write_kit(walk.id, tmp_path / "k.walkkit")
    files = []
    with laptops(tmp_path / "walkers", "a", "b") as walkers:
        for laptop, walker in zip(walkers, walk.walkers, strict=True):
            laptop.bundles.open_kit(kit, walker=walker.display_name)
            for i in range(3):
                laptop.services.notes.save_note(NoteDraft(walk.id, walker.id,
                                                          f"{walker.display_name} note {i}"))
            files.append(laptop.bundles.write_notes(
                walk.id, walker.id, tmp_path / f"{walker.display_name}.walknotes",
                passphrase))
    return walk.id, files


def test_import_runs_in_background_and_shows_a_readable_report(
        qtbot, services: Services, asker: ScriptedAsker, tmp_path: Path) -> None:
    walk_id, files = _notes_files(tmp_path, services)
    broken = tmp_path / "broken.walknotes"
    broken.write_bytes(b"PK\x03\x04 cut short")
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ImportController(services, asker, parent,
                                  picker=ScriptedPicker([*map(str, files), str(broken)]))
    assert ImportController.accepts([str(files[0])])
    assert not ImportController.accepts(["photo.jpg"])
    with qtbot.waitSignal(controller.finished, timeout=10_000) as signal:
        controller.choose_and_import()
        assert controller.busy
    report = signal.args[0]
    assert not controller.busy and report.new == 6 and report.refused_files == 1
    assert len(services.notes.list_notes(walk_id)) == 6
    dialog = controller.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Imported 2 of 3 files: notes: 6 new;" in dialog.headline.text()
    assert "1 not imported" in dialog.headline.text()
    text = dialog.details.toPlainText()
    assert "broken.walknotes\nNot imported. The file is damaged or cut short" in text
    assert "Copy it again from the original." in text
    assert asker.shown == []
    dialog.resize(760, 420)
    dialog.grab().save(str(shots(tmp_path) / "import-report-broken-file.png"))


def test_protected_files_ask_for_the_passphrase_once(qtbot, services: Services,
                                                     asker: ScriptedAsker,
                                                     tmp_path: Path) -> None:
    _, files = _notes_files(tmp_path, services, passphrase="river stone path")
    passphrases = ScriptedPassphrases(existing="river stone path")
    controller = ImportController(services, asker, None, passphrases=passphrases)
    with qtbot.waitSignal(controller.finished, timeout=10_000) as signal:
        controller.import_files(files)
    assert passphrases.asked == [files[0].name]
    assert signal.args[0].new == 6 and signal.args[0].clean
    assert len(signal.args[0].files) == 2


def test_a_wrong_passphrase_is_reported_not_retried_forever(qtbot, services: Services,
                                                            asker: ScriptedAsker,
                                                            tmp_path: Path) -> None:
    _, files = _notes_files(tmp_path, services, passphrase="river stone path")
    passphrases = ScriptedPassphrases(existing="wrong words here")
    controller = ImportController(services, asker, None, passphrases=passphrases)
    with qtbot.waitSignal(controller.finished, timeout=10_000) as signal:
        controller.import_files(files[:1])
    # Asked again after the wrong one; Cancel then stops, with the file reported.
    assert passphrases.asked == [files[0].name, files[0].name + " (again)"]
    assert "does not open" in signal.args[0].files[0].rejected[0].reason


def test_save_kit_and_notes_with_and_without_passphrase(qtbot, services: Services,
                                                        asker: ScriptedAsker,
                                                        tmp_path: Path) -> None:
    walk = make_walk(services, "Walk: 5/11", walkers=2)
    picker = ScriptedPicker(str(tmp_path / "kit"), str(tmp_path / "notes.walknotes"), None)
    passphrases = ScriptedPassphrases(new="")
    controller = KitExportController(services, asker, None, picker=picker,
                                     passphrases=passphrases)
    with qtbot.waitSignal(controller.saved, timeout=10_000) as signal:
        controller.save_kit(walk.id)
    assert signal.args[0] == tmp_path / "kit.walkkit" and signal.args[0].exists()
    assert picker.asked[0] == "Walk 5 11 - any walker.walkkit"
    assert asker.shown[-1][0] == "inform" and "any walker" in asker.shown[-1][2]
    passphrases.new = "long enough secret"
    with qtbot.waitSignal(controller.saved, timeout=10_000):
        controller.save_notes(walk.id, walk.walkers[0].id)
    assert b"Walker 1" not in (tmp_path / "notes.walknotes").read_bytes()
    controller.save_kit(walk.id)  # the picker is cancelled: nothing happens, nothing shown
    assert len(asker.shown) == 2


def test_a_too_short_passphrase_gives_a_clear_error(qtbot, services: Services,
                                                    asker: ScriptedAsker,
                                                    tmp_path: Path) -> None:
    walk = make_walk(services, "Walk", walkers=1)
    controller = KitExportController(services, asker, None,
                                     picker=ScriptedPicker(str(tmp_path / "k.walkkit")),
                                     passphrases=ScriptedPassphrases(new="abc"))
    controller.save_kit(walk.id)
    qtbot.waitUntil(lambda: bool(asker.shown), timeout=10_000)
    assert asker.shown[0][0] == "error" and "at least 6 characters" in asker.shown[0][2]
    assert not (tmp_path / "k.walkkit").exists()


def test_open_any_walker_kit_asks_for_the_name(qtbot, services: Services, asker: ScriptedAsker,
                                               tmp_path: Path) -> None:
    with laptops(tmp_path / "fac", "fac") as (fac,):
        walk = make_walk(fac.services, "Shared kit walk", walkers=3)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "any.walkkit",
                                    passphrase="shared secret words")
    passphrases = ScriptedPassphrases(existing="shared secret words", walker="Walker 2")
    controller = OpenKitController(services, asker, None, picker=ScriptedPicker(str(kit)),
                                   passphrases=passphrases)
    with qtbot.waitSignal(controller.opened, timeout=10_000) as signal:
        controller.open_kit()
    assert passphrases.asked == ["any.walkkit", "walker"]
    assert signal.args[0].walker_name == "Walker 2"
    assert services.walks.get_walk(walk.id).local_participant_id == walk.walkers[1].id
    assert "is ready on this laptop for Walker 2" in asker.shown[-1][2]


def test_report_dialog_lists_conflicts_and_rejections(qtbot, tmp_path: Path) -> None:
    from walkapp.bundles import FileReport, ImportReport, Rejected
    from walkapp.bundles.report import Counts

    report = ImportReport(files=(
        FileReport(path="/x/amira.walknotes", accepted=True, walker_name="Amira",
                   counts={"notes": Counts(new=4, updated=1, deleted=1, unchanged=2,
                                           conflicts=1, created_and_deleted=1),
                           "reflections": Counts(new=1), "commitments": Counts(),
                           "feedback": Counts(unchanged=2)},
                   rejected=(Rejected("note “On visit 6”",
                                      "its visit is no longer part of this walk here"),),
                   conflicts=("note “Students explain…”: changed on two laptops; 2 "
                              "versions kept side by side.",),
                   warnings=("Notes for Amira came from two laptops.",)),
        FileReport(path="/x/ben.walknotes", accepted=True, walker_name="Ben",
                   counts={"notes": Counts(new=3)}),
        FileReport(path="/x/old.walkkit", accepted=False,
                   rejected=(Rejected("the whole file", "This is a walk kit, not a notes "
                                                        "file."),)),
    ), backup_path="/data/backups/before-import-20261105T104200Z.sqlite3")
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    headline = dialog.headline.text()
    assert "Imported 2 of 3 files" in headline and "1 not imported" in headline
    assert "notes: 7 new, 1 updated, 1 deleted, 2 unchanged, 1 conflict" in headline
    assert "reflections: 1 new" in headline and "feedback answers: 2 unchanged" in headline
    text = dialog.details.toPlainText()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    amira = lines.index("amira.walknotes (Amira)")
    ben = lines.index("ben.walknotes (Ben)")
    conflict = next(i for i, x in enumerate(lines)
                    if x.startswith("Conflict: note “Students explain…”: changed on two"))
    rejected = next(i for i, x in enumerate(lines)
                    if x.startswith("Not imported: note “On visit 6” — its visit is no"))
    warning = next(i for i, x in enumerate(lines)
                   if x.startswith("Warning: Notes for Amira came from two laptops."))
    assert amira < conflict < ben and amira < rejected < ben and amira < warning < ben
    assert "notes: 4 new, 1 updated, 1 deleted, 2 unchanged, 1 conflict" in lines[amira + 1]
    assert "1 note written and deleted again on the laptop" in lines[amira + 1]
    assert "Not imported. This is a walk kit, not a notes file." in text
    dialog.resize(760, 420)
    QApplication.processEvents()
    dialog.grab().save(str(shots(tmp_path) / "import-report.png"))


def test_safe_file_names() -> None:
    assert safe_file_name("a/b\\c:d", "Amy") == "a b c d - Amy"
    assert safe_file_name("", "") == "walk"


def test_dropped_files_are_recognised(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QUrl

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "amy.walknotes")),
                  QUrl("https://example.org/x.walknotes")])
    paths = ImportController.dropped_paths(mime)
    assert paths == [str(tmp_path / "amy.walknotes")]
    assert ImportController.accepts(paths)
    assert ImportController.dropped_paths(QMimeData()) == []
