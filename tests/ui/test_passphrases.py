"""Passphrases for walk kits and notes files: typed twice when a file is made (or once,
shown), a mismatch said beside the fields; on opening, a wrong one asks again keeping the
file and what was chosen, and Cancel stops cleanly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.helpers.builders import make_walk
from tests.helpers.laptops import laptops
from tests.ui.conftest import ScriptedAsker
from tests.ui.test_bundles_ui import (  # noqa: F401 (_fast_scrypt: a fixture used here)
    ScriptedPassphrases,
    ScriptedPicker,
    _fast_scrypt,
    _notes_files,
)
from walkapp.bundles.crypto import MIN_PASSPHRASE_CHARS
from walkapp.services import Services
from walkapp.ui.bundles_ui import ImportController, OpenKitController
from walkapp.ui.passphrase_dialogs import NewPassphraseDialog, PassphraseDialog

SECRET = "shared secret words"


def test_a_new_passphrase_is_typed_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewPassphraseDialog()
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()  # both empty: saved without protection
    assert "without" in dialog.save_button.text()
    qtbot.keyClicks(dialog.first, "x" * (MIN_PASSPHRASE_CHARS - 1))
    assert not dialog.save_button.isEnabled()
    assert str(MIN_PASSPHRASE_CHARS) in dialog.message.text()
    dialog.first.clear()
    qtbot.keyClicks(dialog.first, "river stone path")
    qtbot.keyClicks(dialog.second, "river stone pat")
    assert not dialog.save_button.isEnabled()
    assert "not the same" in dialog.message.text()
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)  # Enter does not save a mismatch
    assert dialog.result() != NewPassphraseDialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.second, "h")
    assert dialog.save_button.isEnabled() and dialog.message.text() == ""
    assert "protected" in dialog.save_button.text().lower()
    assert dialog.first.echoMode() == dialog.first.EchoMode.Password
    dialog.save_button.click()
    assert dialog.result() == NewPassphraseDialog.DialogCode.Accepted
    assert dialog.passphrase() == "river stone path"


def test_a_shown_passphrase_is_typed_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewPassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first, "river stone path")
    assert not dialog.save_button.isEnabled()
    dialog.show_box.setChecked(True)
    assert dialog.first.echoMode() == dialog.first.EchoMode.Normal
    assert not dialog.second.isVisible()
    assert dialog.save_button.isEnabled()
    dialog.show_box.setChecked(False)  # hidden again: typed twice again
    assert not dialog.save_button.isEnabled()


def test_the_open_dialog_says_when_a_passphrase_did_not_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = PassphraseDialog("any.walkkit")
    again = PassphraseDialog("any.walkkit", again=True)
    for dialog in (first, again):
        qtbot.addWidget(dialog)
    assert "does not open" not in first.intro.text()
    assert "does not open “any.walkkit”" in again.intro.text()
    assert not again.open_button.isEnabled()
    qtbot.keyClicks(again.field, "words")
    again.show_box.setChecked(True)
    assert again.field.echoMode() == again.field.EchoMode.Normal
    assert again.open_button.isEnabled() and again.passphrase() == "words"


def _kit(tmp_path: Path) -> tuple[Path, str]:
    with laptops(tmp_path / "fac", "fac") as (fac,):
        walk = make_walk(fac.services, "Shared kit walk", walkers=3)
        kit = fac.bundles.write_kit(walk.id, tmp_path / "any.walkkit", passphrase=SECRET)
    return kit, walk.id


def test_opening_a_kit_asks_again_after_a_wrong_passphrase(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                          asker: ScriptedAsker,
                                                          tmp_path: Path) -> None:
    kit, walk_id = _kit(tmp_path)
    picker = ScriptedPicker(str(kit))
    passphrases = ScriptedPassphrases(existing=["wrong words", "Shared secret words", SECRET],
                                      walker="Walker 2")
    controller = OpenKitController(services, asker, None, picker=picker,
                                   passphrases=passphrases)
    with qtbot.waitSignal(controller.opened, timeout=10_000) as signal:
        controller.open_kit()
    # The file was chosen once; no error box, just the question again.
    assert len(picker.asked) == 1
    assert passphrases.asked == ["any.walkkit", "any.walkkit (again)",
                                 "any.walkkit (again)", "walker"]
    assert [kind for kind, _t, _x in asker.shown if kind == "error"] == []
    assert signal.args[0].walker_name == "Walker 2"
    assert services.walks.get_walk(walk_id).local_participant_id is not None


def test_cancel_after_a_wrong_passphrase_stops_cleanly(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                      asker: ScriptedAsker,
                                                      tmp_path: Path) -> None:
    kit, walk_id = _kit(tmp_path)
    passphrases = ScriptedPassphrases(existing=["wrong words"], walker="Walker 2")
    controller = OpenKitController(services, asker, None, picker=ScriptedPicker(str(kit)),
                                   passphrases=passphrases)
    controller.open_kit()
    assert passphrases.asked == ["any.walkkit", "any.walkkit (again)"]
    assert asker.shown == [] and not controller.busy
    assert all(w.id != walk_id for w in services.walks.list_walks())


def test_importing_asks_again_after_a_wrong_passphrase(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                      asker: ScriptedAsker,
                                                      tmp_path: Path) -> None:
    walk_id, files = _notes_files(tmp_path, services, passphrase="river stone path")
    passphrases = ScriptedPassphrases(existing=["wrong words here", "river stone path"])
    controller = ImportController(services, asker, None, passphrases=passphrases)
    with qtbot.waitSignal(controller.finished, timeout=20_000) as signal:
        controller.import_files(files)
    assert passphrases.asked == [files[0].name, files[0].name + " (again)"]
    report = signal.args[0]
    assert report.new == 6 and len(report.files) == 2 and report.clean
    assert len(services.notes.list_notes(walk_id)) == 6
