"""The protocols a facilitator can choose from: the built-ins shipped with walkapp plus the
files in their own folder (`<data dir>/protocols/`).

A malformed file in the user's folder is reported in `problems` and skipped; the rest of the
library (and the app) carries on. Built-in ids are reserved, so a user file can never
silently replace a shipped protocol: importing or duplicating always makes a new id.

One protocol in two languages is two files with the same `id` and different `language`
(by custom `<id>.toml` and `<id>.<language>.toml`; protocols/README.md, *Two languages*).
The library lists the protocol once and finds the file of a walk's language
(`entry(id, language)`); a user's file may add a language to a built-in protocol, never
replace one it has.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from walkapp.config import Settings
from walkapp.errors import NotFoundError, ReadOnlyError, ValidationError
from walkapp.formatting import tr
from walkapp.paths import data_dir
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.fields import SLUG, SLUG_MAX
from walkapp.protocol.loader import check_text, load_text, read_text
from walkapp.protocol.schema import Protocol
from walkapp.protocol.snapshot import to_data, to_snapshot
from walkapp.protocol.tomlwrite import dumps, set_top_level
from walkapp.protocol.translations import lines_of, same_keys, translation_problem
from walkapp.storage.os_errors import DISK_FULL_ERRNOS, ErrorContext, disk_full_error
from walkapp.storage.safe_files import (
    UnsafePathError,
    link_target,
    make_private_dirs,
    write_private_atomically,
)

DEFAULT_PROTOCOL_ID = "learning-walk"
# Built-ins appear in this order; anything else shipped later follows alphabetically.
BUILTIN_ORDER = ("learning-walk", "instructional-rounds", "look-for-walkthrough", "ghost-walk",
                 "noticings-wonderings", "plc-mirror", "session-feedback", "tuning-protocol",
                 "microlabs", "lesson-study", "data-walk")
USER_FOLDER = "protocols"


@dataclass(frozen=True)
class LibraryEntry:
    protocol: Protocol
    path: Path
    builtin: bool
    content_hash: str

    @property
    def id(self) -> str:
        return self.protocol.id

    @property
    def title(self) -> str:
        return self.protocol.title

    @property
    def language(self) -> str:
        return self.protocol.language


def builtin_dir() -> Path:
    return data_dir("protocols")


def _protocol_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml")
                  if p.is_file() and not p.name.startswith("."))


def _entry(path: Path, text: str, builtin: bool) -> tuple[LibraryEntry | None,
                                                        ProtocolError | None]:
    protocol, errors = check_text(text, str(path))
    if protocol is None:
        return None, errors[0]
    return LibraryEntry(protocol, path, builtin, to_snapshot(protocol)[1]), None


@lru_cache(maxsize=4)
def _builtins(folder: Path) -> tuple[tuple[LibraryEntry, ...], tuple[ProtocolError, ...]]:
    entries: list[LibraryEntry] = []
    problems: list[ProtocolError] = []
    for path in _protocol_files(folder):
        try:
            entry, problem = _entry(path, read_text(path), builtin=True)
        except ProtocolError as error:
            entry, problem = None, error
        if entry is not None:
            entries.append(entry)
        elif problem is not None:
            problems.append(problem)
    rank = {key: i for i, key in enumerate(BUILTIN_ORDER)}
    # A protocol's `<id>.toml` first: it is the one listed, and the one its other
    # languages are held to.
    entries.sort(key=lambda e: (rank.get(e.id, len(rank)), e.id, _not_plain(e), e.path.name))
    kept, mismatched = same_keys(entries, {})
    return tuple(kept), (*problems, *mismatched)


def _not_plain(entry: LibraryEntry) -> bool:
    return entry.path.name != f"{entry.id}.toml"


def builtin_protocol(protocol_id: str = DEFAULT_PROTOCOL_ID,
                     language: str | None = None) -> Protocol:
    """A shipped protocol by id, in `language` when it has that one (needs no data folder;
    used by the demo and tests)."""
    found = [e for e in _builtins(builtin_dir())[0] if e.id == protocol_id]
    if found:
        return next((e.protocol for e in found if e.language == language), found[0].protocol)
    raise NotFoundError(tr("walkapp has no built-in protocol “{protocol_id}”.").format(
                            protocol_id=protocol_id))


def translation_check(protocol: Protocol, path: Path) -> ProtocolError | None:
    """For `walkapp protocol check`: why the file at `path` would be skipped as a
    translation, the way the library holds it — to its folder's `<id>.toml` in another
    language, else to the built-in protocol of that id; None when it would not be."""
    path = Path(path)
    sibling = path.parent / f"{protocol.id}.toml"
    original: LibraryEntry | None = None
    if sibling.is_file() and sibling.resolve() != path.resolve():
        try:
            entry, _problem = _entry(sibling, read_text(sibling), builtin=False)
        except ProtocolError:
            entry = None
        if entry is not None and entry.id == protocol.id:
            original = entry
    if original is None:
        shipped = [e for e in _builtins(builtin_dir())[0] if e.id == protocol.id]
        original = shipped[0] if shipped else None
    if original is None or original.path.resolve() == path.resolve() \
            or original.language == protocol.language:
        return None
    return translation_problem(original.protocol, original.path.name, protocol, str(path),
                               partial(lines_of, path))


def readable_id(key: str) -> str:
    """An id or key ("learning-walk", "student_talk") as words ("Learning walk"): for a
    protocol or look-for set whose title is not at hand, so no id is shown to people."""
    words = " ".join(key.replace("_", "-").split("-")).strip()
    return words[:1].upper() + words[1:] if words else ""


class ProtocolLibrary:
    """Built-in and user protocols. Reads lazily; call `reload()` after outside changes."""

    def __init__(self, user_dir: Path, builtins: Path | None = None) -> None:
        self.user_dir = Path(user_dir)
        self._builtin_dir = builtins or builtin_dir()
        self._entries: list[LibraryEntry] | None = None
        self._problems: list[ProtocolError] = []

    @classmethod
    def for_settings(cls, settings: Settings) -> ProtocolLibrary:
        return cls(settings.data_dir / USER_FOLDER)

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        builtin_entries, builtin_problems = _builtins(self._builtin_dir)
        entries = list(builtin_entries)
        problems = list(builtin_problems)
        taken = {(e.id, e.language): e for e in entries}
        mine: list[LibraryEntry] = []
        try:
            files = _protocol_files(self.user_dir) if self.user_dir.is_dir() else []
        except OSError as error:
            files = []
            problems.append(ProtocolError(tr("cannot be read ({value}); check the folder's "
                                             "permissions").format(
                                              value=error.strerror or error),
                                          file=str(self.user_dir)))
        for path in files:
            try:
                entry, problem = _entry(path, read_text(path), builtin=False)
            except ProtocolError as error:
                entry, problem = None, error
            if entry is not None and (entry.id, entry.language) in taken:
                clash, language = entry.id, entry.language
                other = taken[(clash, language)]
                message = (tr("uses the id “{clash}” in language “{language}”, which a built-in "
                              "protocol already has, so it was skipped; give it its own id, "
                              "e.g. id = \"{clash}-2\" (a file with the same id in another "
                              "language is that protocol's translation)") if other.builtin else
                           tr("uses the id “{clash}” in language “{language}”, which {whose} "
                              "already has, so it was skipped; give it its own id, e.g. id = "
                              "\"{clash}-2\" (a file with the same id in another language is "
                              "that protocol's translation)"))
                entry, problem = None, ProtocolError(
                    message.format(clash=clash, language=language, whose=other.path.name),
                    file=str(path), field="id")
            if entry is not None:
                mine.append(entry)
                taken[(entry.id, entry.language)] = entry
            elif problem is not None:
                problems.append(problem)
        # The user's files of one protocol are held to the built-in's listed file, else
        # to their own `<id>.toml` (else the first by name).
        originals = {e.id: e for e in reversed(builtin_entries)}
        mine.sort(key=lambda e: (e.id, _not_plain(e), e.path.name))
        kept, mismatched = same_keys(mine, originals)
        self._entries = entries + kept
        self._problems = problems + mismatched

    @property
    def entries(self) -> list[LibraryEntry]:
        """One entry per protocol: built-ins first (the default first of all), then the
        user's, by title. A protocol in several languages is listed in one of them (the
        built-in's, else its `<id>.toml`, else its first file by name); `languages(id)`
        has them all."""
        shown: dict[str, LibraryEntry] = {}
        for entry in self.all_entries:
            shown.setdefault(entry.id, entry)
        return list(shown.values())

    @property
    def all_entries(self) -> list[LibraryEntry]:
        """Every file read, each language of a protocol its own entry."""
        if self._entries is None:
            self.reload()
        assert self._entries is not None
        builtin = [e for e in self._entries if e.builtin]  # in BUILTIN_ORDER
        mine = [e for e in self._entries if not e.builtin]
        # A protocol's files together, its `<id>.toml` (else the first by name) first and
        # listed by its title.
        mine.sort(key=lambda e: (e.id, e.path.name != f"{e.id}.toml", e.path.name))
        titles: dict[str, str] = {}
        for entry in mine:
            titles.setdefault(entry.id, entry.title)
        mine.sort(key=lambda e: (titles[e.id].casefold(), e.id))
        return builtin + mine

    def languages(self, protocol_id: str) -> tuple[str, ...]:
        """The languages the protocol has a file in, the listed one first."""
        return tuple(e.language for e in self.all_entries if e.id == protocol_id)

    @property
    def problems(self) -> list[ProtocolError]:
        """Files that were skipped, each with a one-line reason."""
        if self._entries is None:
            self.reload()
        return list(self._problems)

    def entry(self, protocol_id: str, language: str | None = None) -> LibraryEntry:
        """The protocol's file in `language` (its base language, "es" for "es-MX", will
        do), else its listed one; None: its listed one."""
        found = [e for e in self.all_entries if e.id == protocol_id]
        if not found:
            raise NotFoundError(tr("No protocol with the id “{protocol_id}” in the library. Run "
                                   "`walkapp protocol list` to see the ids.").format(
                                    protocol_id=protocol_id))
        if language:
            base = language.split("-")[0].lower()
            exact = [e for e in found if e.language == language]
            near = [e for e in found if e.language.split("-")[0].lower() == base]
            return (exact or near or found)[0]
        return found[0]

    def get(self, protocol_id: str, language: str | None = None) -> Protocol:
        return self.entry(protocol_id, language).protocol

    def title_of(self, protocol_id: str, *, read: bool = True,
                 language: str | None = None) -> str:
        """The protocol's title for people ("Learning walk"), never its id; a walk of a
        protocol not in this library (from a kit, or since removed) gets its id in words.
        `language` ("es"): the title of that language's file when the protocol has one
        ("Recorrido de aprendizaje" in a Spanish app). `read` False: the files are not read
        for it (a list shown at start-up must not wait for every protocol file to be
        parsed); until they are, the id in words."""
        if read or self._entries is not None:
            if language:
                for entry in self.all_entries:
                    if entry.id == protocol_id and entry.language == language:
                        return entry.title
            for entry in self.entries:
                if entry.id == protocol_id:
                    return entry.title
        return readable_id(protocol_id)

    def default(self) -> Protocol:
        return self.get(DEFAULT_PROTOCOL_ID)

    # -- changing the user's folder ------------------------------------------------------------
    def import_file(self, path: Path | str, *, replace: bool = False) -> LibraryEntry:
        """Copy a checked protocol file into the user's folder as `<id>.toml` (as
        `<id>.<language>.toml` when the protocol is there in another language already)."""
        text = read_text(path)
        protocol = load_text(text, str(path))
        same_id = [e for e in self.all_entries if e.id == protocol.id]
        existing = next((e for e in same_id if e.language == protocol.language), None)
        if existing is not None and existing.builtin:
            raise ProtocolError(tr("uses the id “{id}” of a built-in protocol in the same "
                                   "language ({language}); change the id in the file (e.g. id = "
                                   "\"{id}-ours\") and import it again").format(
                                    id=protocol.id, language=protocol.language),
                                file=str(path), field="id")
        if existing is not None:
            if existing.content_hash == to_snapshot(protocol)[1]:
                return existing  # the same protocol again: nothing to do
            if not replace:
                raise ProtocolError(
                    tr("your library already has a protocol with the id “{id}” (“{title}”); "
                       "change the id in the file, or import with --replace to "
                       "overwrite it").format(
                        id=protocol.id, title=existing.title), file=str(path), field="id")
        translation = any(e.language != protocol.language for e in same_id)
        target = self.user_dir / (f"{protocol.id}.{protocol.language}.toml" if translation
                                  else f"{protocol.id}.toml")
        if existing is not None:
            target = existing.path
        elif target.exists():  # another language's file under the plain name
            target = self.user_dir / f"{protocol.id}.{protocol.language}.toml"
        self._write(target, text)
        self.reload()
        return self.entry(protocol.id, protocol.language)

    def duplicate(self, protocol_id: str, new_id: str,
                  new_title: str | None = None) -> LibraryEntry:
        """A copy of a protocol under a new id, ready to adapt; comments are kept."""
        source = self.entry(protocol_id)
        new_id = new_id.strip()
        if len(new_id) > SLUG_MAX or not SLUG.fullmatch(new_id):
            raise ValidationError(tr("“{new_id}” cannot be a protocol id; use lower-case "
                                     "letters, digits and '-' (at most {slug_max} characters), "
                                     "e.g. {protocol_id}-ours.").format(
                                      new_id=new_id, slug_max=SLUG_MAX, protocol_id=protocol_id))
        if any(e.id == new_id for e in self.entries):
            raise ValidationError(tr("The library already has a protocol with the id "
                                     "“{new_id}”; choose another id.").format(
                                      new_id=new_id))
        title = " ".join((new_title or f"{source.title} (copy)").split())
        if not title or len(title) > 200:
            raise ValidationError(tr("The new title must be 1 to 200 characters long."))
        values = {"id": new_id, "title": title, "version": "1",
                  "based_on": f"{source.id} version {source.protocol.version}"}
        target = self.user_dir / f"{new_id}.toml"
        text = self._copy_text(source, values)
        self._write(target, text)
        self.reload()
        return self.entry(new_id)

    def remove(self, protocol_id: str, language: str | None = None) -> None:
        """Delete one of the user's protocols (walks that ran it keep their snapshot): its
        file in `language`, or its listed one."""
        entry = self.entry(protocol_id, language)
        if entry.builtin:
            raise ValidationError(tr("“{title}” is built into walkapp and cannot be "
                                     "removed.").format(
                                      title=entry.title))
        self._check_own_folder()
        try:
            entry.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise _write_error(error, entry.path) from None
        self.reload()

    @staticmethod
    def _copy_text(source: LibraryEntry, values: dict[str, str]) -> str:
        try:
            original = read_text(source.path)
        except ProtocolError:
            original = ""
        patched = set_top_level(original, values) if original else None
        if patched is not None:
            copy, _ = check_text(patched)
            if copy is not None and all(getattr(copy, k) == v for k, v in values.items()):
                return patched
        data = to_data(source.protocol)
        data.update(values)
        return dumps(data)

    def _write(self, target: Path, text: str) -> None:
        """Write atomically: a crash or a full disk leaves the old file (or none), never
        half a protocol. The folder is made 0700 and the file 0600; the temporary file is
        a fresh one, so a link planted in the folder is never written through."""
        self._check_own_folder()
        try:
            make_private_dirs(self.user_dir)
            write_private_atomically(target, text.encode("utf-8"))
        except OSError as error:
            raise _write_error(error, target) from None


    def _check_own_folder(self) -> None:
        """Protocols are read through a linked folder (a team may share one) but never
        written or deleted there: that would change files outside the data folder."""
        target = link_target(self.user_dir)
        if target is not None:
            raise UnsafePathError(
                tr("Your protocol folder {user_dir} is a symbolic link (to {target}); walkapp "
                   "reads protocols from it but does not write or delete files through it, so "
                   "nothing was changed. Copy the file there yourself, or replace the link with "
                   "a real folder.").format(user_dir=self.user_dir, target=target))


def _write_error(error: OSError, path: Path) -> Exception:
    if error.errno in DISK_FULL_ERRNOS:
        return disk_full_error(ErrorContext(tr("saving {name}").format(name=path.name),
                                            space_of=path.parent))
    return ReadOnlyError(tr("walkapp could not write {path} ({value}). Check the folder's "
                            "permissions; nothing was changed.").format(
                             path=path, value=error.strerror or error))
