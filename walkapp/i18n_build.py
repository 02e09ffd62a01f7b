"""Build walkapp's binary catalogues from their sources: `python -m walkapp.i18n_build`.

The sources live in resources/translations/: Qt Linguist files (`walkapp_<lang>.ts`, the
screens' text) and gettext files (`<lang>/LC_MESSAGES/walkapp.po`, the core's text). The
binaries the app reads (`.qm`, `.mo`) are never committed: the install step (`make venv`)
and the test suite build them here, with PySide6's own `pyside6-lrelease` and Babel's
compiler, so what runs is always what the sources say.

It also builds the pseudo-locale "qps" (`build_pseudo`): every translation is its source
wrapped as ⟦…⟧, so a run of the app under it shows at a glance — and a test can check —
which text on screen never went through a catalogue. The app is pointed at such a folder
with WALKAPP_TRANSLATIONS_DIR (walkapp.formatting and the Qt loader both honour it).

Qt-free: it only runs lrelease as a program, so the core can build catalogues without Qt.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path

from walkapp.language import PSEUDO, TRANSLATIONS_DIR_ENV

log = logging.getLogger(__name__)

DOMAIN = "walkapp"
__all__ = ["PSEUDO", "TRANSLATIONS_DIR_ENV", "build", "build_pseudo", "pseudo"]
# The pseudo-locale's brackets: rare in real text, so a test can tell wrapped text apart.
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


def source_folder() -> Path:
    """resources/translations of this checkout or installed package."""
    from walkapp.paths import data_dir

    return data_dir("resources") / "translations"


def lrelease_program() -> str | None:
    """`pyside6-lrelease` beside the running Python (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("pyside6-lrelease")


def compile_ts(ts: Path, qm: Path) -> None:
    """`ts` → `qm` with lrelease; RuntimeError (with lrelease's words) if it fails."""
    program = lrelease_program()
    if program is None:
        raise RuntimeError("pyside6-lrelease was not found (it comes with PySide6); "
                           "reinstall walkapp's dependencies")
    done = subprocess.run([program, "-silent", str(ts), "-qm", str(qm)],
                          capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"lrelease could not compile {ts}: "
                           f"{(done.stderr or done.stdout).strip()}")


def compile_po(po: Path, mo: Path) -> None:
    """`po` → `mo` with Babel; fuzzy entries are left out, as gettext's msgfmt does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalogue = read_po(source, domain=DOMAIN)
    mo.parent.mkdir(parents=True, exist_ok=True)
    with _atomic(mo) as target, target.open("wb") as out:
        write_mo(out, catalogue, use_fuzzy=False)


def build(folder: Path | None = None) -> list[Path]:
    """Compile every .ts and every .po under `folder` (default: the resources'); returns
    the binaries written."""
    folder = folder or source_folder()
    written: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        with _atomic(qm) as target:
            compile_ts(ts, target)
        written.append(qm)
    for po in sorted(folder.glob("**/*.po")):
        mo = po.with_suffix(".mo")
        compile_po(po, mo)
        written.append(mo)
    return written


def missing_binaries(folder: Path | None = None) -> list[Path]:
    """Sources whose binary is missing or older than they are."""
    folder = folder or source_folder()
    stale = []
    for source in [*folder.glob("*.ts"), *folder.glob("**/*.po")]:
        binary = source.with_suffix(".qm" if source.suffix == ".ts" else ".mo")
        if not binary.is_file() or binary.stat().st_mtime < source.stat().st_mtime:
            stale.append(source)
    return sorted(stale)


# -- the pseudo-locale ------------------------------------------------------------------
def pseudo(text: str) -> str:
    """`text` as the pseudo-locale shows it; placeholders (%1, %n, {name}) stay intact."""
    return f"{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}" if text else text


def pseudo_ts(ts_text: str) -> str:
    """A copy of a Linguist file where every message's translation is pseudo(source)."""
    root = ET.fromstring(ts_text)
    root.set("language", "en")  # lrelease needs a language it knows (its plural rules)
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.clear()
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo(source)
        else:
            translation.text = pseudo(source)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(
        root, encoding="unicode")


def core_messages(roots: Iterable[Path]) -> list[tuple[str, str | None]]:
    """Every message the core's text functions name in the Python files under `roots`:
    (message id, plural id or None). Extracted afresh, so the pseudo-locale covers strings
    a stale .pot would miss."""
    from babel.messages.extract import extract_from_dir

    keywords = {"tr": None, "N_": None, "plural": (2, 3), "ngettext": (1, 2),
                "gettext": None, "_": None}
    found: dict[tuple[str, str | None], None] = {}
    for root in roots:
        for _file, _line, message, _comments, _context in extract_from_dir(
                str(root), method_map=[("**.py", "python")], keywords=keywords,
                comment_tags=(), strip_comment_tags=True):
            if isinstance(message, tuple):
                # As written: fmt.plural asks the catalogue for its ids as they are.
                found[(message[0], message[1])] = None
            elif message:
                found[(message, None)] = None
    return list(found)


def _ui_folder() -> list[Path]:
    """Where walkapp.ui's files are, found without importing it (no Qt): the checkout's
    ui/ (an editable install maps it, there is no walkapp/ui folder) or the installed
    package's; none when the Qt layer is not there."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("walkapp.ui")
    except (ImportError, ValueError):
        return []
    places = list(spec.submodule_search_locations or []) if spec is not None else []
    return [Path(places[0]).resolve()] if places else []


def build_pseudo(target: Path, *, ts_files: Sequence[Path] | None = None,
                 code_roots: Sequence[Path] | None = None) -> Path:
    """Write the pseudo-locale's catalogues into `target` (made if missing): walkapp_qps.qm
    from every .ts, and a walkapp.mo (under qps/ and en/: the core formats in English
    under qps, Babel knowing no "qps") from the messages of the core and the Qt layer."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    target.mkdir(parents=True, exist_ok=True)
    folder = source_folder()
    for ts in ts_files if ts_files is not None else sorted(folder.glob("walkapp_*.ts")):
        wrapped = target / f"walkapp_{PSEUDO}.ts"
        wrapped.write_text(pseudo_ts(ts.read_text(encoding="utf-8")), encoding="utf-8")
        compile_ts(wrapped, target / f"walkapp_{PSEUDO}.qm")
        break  # one Qt catalogue: walkapp_es.ts holds every screen's text
    if code_roots is None:
        code_roots = [Path(__file__).resolve().parent, *_ui_folder()]
    catalogue = Catalog(locale="en", domain=DOMAIN)
    for one, other in core_messages(code_roots):
        if other is None:
            catalogue.add(one, pseudo(one))
        else:
            catalogue.add((one, other), (pseudo(one), pseudo(other)))
    for language in (PSEUDO, "en"):
        mo = target / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as out:
            write_mo(out, catalogue)
    return target


class _atomic:
    """A temporary name beside `path`, renamed onto it when the block ends without error:
    a half-written catalogue is never left where the app reads it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                        suffix=self.path.suffix)
        os.close(handle)
        self.temp = Path(name)
        return self.temp

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            os.chmod(self.temp, 0o644)  # mkstemp's 0600: an installed app must read it
            os.replace(self.temp, self.path)
        else:
            self.temp.unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m walkapp.i18n_build",
        description="Compile walkapp's translation catalogues (.ts → .qm, .po → .mo).")
    parser.add_argument("--pseudo", metavar="DIR",
                        help="also write the pseudo-locale's catalogues into DIR")
    args = parser.parse_args(argv)
    try:
        for path in build():
            print(f"built {path}")
        if args.pseudo:
            print(f"built the pseudo-locale in {build_pseudo(Path(args.pseudo))}")
    except (RuntimeError, OSError, ValueError) as error:
        print(f"walkapp.i18n_build: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
