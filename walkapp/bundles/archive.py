"""Write and read the zip container, with every defence a file from a USB stick needs.

Writing: members are JSON, listed with their SHA-256 in `manifest.json`; with a
passphrase the whole inner zip is encrypted into `payload.bin` of an outer zip whose
manifest holds only the format, version and encryption settings (no names, no titles).
Files are written atomically and privately: a fresh 0600 temp file beside the target
(never through a planted link), fsync, rename.

Reading never calls `extractall` and never trusts a header: the file size, member count,
each member's declared and actual size, the total and the compression ratio are capped;
member names must be exactly the ones the format allows; every checksum must match; JSON is
parsed only after its size is checked, and deep nesting is refused. Each refusal is a
`BundleError` with one sentence that says what is wrong.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from walkapp import __version__
from walkapp import formatting as fmt
from walkapp.bundles import format as f
from walkapp.bundles import schema as s
from walkapp.bundles.errors import BundleError, PassphraseNeededError
from walkapp.messages import N_
from walkapp.storage.os_errors import DISK_FULL_ERRNOS, ErrorContext, disk_full_error
from walkapp.storage.safe_files import write_private_atomically

_DATE_TIME = (2026, 1, 1, 0, 0, 0)  # fixed member times: the same content, the same bytes


@dataclass(frozen=True)
class Bundle:
    """A file that passed every check: its manifest and its parsed JSON members."""

    format: str
    manifest: dict[str, Any]
    members: dict[str, Any]
    encrypted: bool


def _zip_bytes(members: dict[str, bytes], stored: frozenset[str] = frozenset()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=_DATE_TIME)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o600) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _readable_zip(members: dict[str, bytes]) -> bytes:
    """The zip of `members`, as a reader accepts it: a member that deflate would shrink past
    the ratio a reader takes for a zip bomb (a part of very repetitive text) is stored."""
    data = _zip_bytes(members)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        too_small = frozenset(
            i.filename for i in archive.infolist()
            if i.file_size > f.RATIO_CHECK_FROM_BYTES
            and i.file_size > f.MAX_RATIO * max(i.compress_size, 1) // 2)
    return _zip_bytes(members, too_small) if too_small else data


def _mb(size: int) -> str:
    return fmt.tr("{size} MB").format(size=fmt.number(round(size / (1024 * 1024))))


def _kind(format_name: str) -> str:
    """"walk kit", "notes file", in the language in force."""
    return fmt.tr(f.KIND_NAMES[format_name])


def check_writable(kind: str, members: dict[str, bytes]) -> None:
    """Refuse, before anything is written, a file its reader would refuse for its size."""
    too_big = fmt.tr("This is far more than any walk needs; very long pasted texts are the "
                     "usual cause. Shorten or delete them, then try again. Nothing was "
                     "written.")
    for name, data in members.items():
        limit = f.MAX_MANIFEST_BYTES if name == f.MANIFEST else f.MAX_MEMBER_BYTES
        if len(data) > limit:
            raise BundleError(fmt.tr(
                "This {kind} would be too large to read back: its part {name} would be "
                "{size}, and a {kind} holds at most {limit} per part.").format(
                    kind=kind, name=name, size=_mb(len(data)), limit=_mb(limit))
                + f" {too_big}")
    total = sum(len(data) for data in members.values())
    if total > f.MAX_TOTAL_BYTES:
        raise BundleError(fmt.tr(
            "This {kind} would be too large to read back: {size} in all, and a {kind} holds "
            "at most {limit}.").format(kind=kind, size=_mb(total),
                                       limit=_mb(f.MAX_TOTAL_BYTES)) + f" {too_big}")


def build_bundle(format_name: str, header: dict[str, Any], payloads: dict[str, Any],
                 passphrase: str | None = None, seal_with: str | None = None, *,
                 format_version: int = f.FORMAT_VERSION) -> bytes:
    """The bytes of a kit or notes file: `header` goes into the manifest, `payloads` are
    the JSON members (names from `format.FORMAT_MEMBERS`). `seal_with` is the walker's
    secret a notes file is sealed with (`walkapp.bundles.trust`). A file its reader would
    refuse for its size is refused here instead (`check_writable`), before anything is
    written."""
    kind = _kind(format_name)
    members = {name: f.compact_json(value) for name, value in payloads.items()}
    check_writable(kind, members)
    manifest = dict(header)
    manifest.update({"format": format_name, "format_version": format_version,
                     "app_version": __version__,
                     "members": {name: {"sha256": f.sha256(data), "size": len(data)}
                                 for name, data in members.items()}})
    if seal_with is not None:
        from walkapp.bundles.trust import seal

        manifest = seal(manifest, seal_with)
    manifest_bytes = f.pretty_json(manifest)
    check_writable(kind, {f.MANIFEST: manifest_bytes})
    inner = _readable_zip({f.MANIFEST: manifest_bytes, **members})
    if passphrase is None:
        result = inner
    else:
        from walkapp.bundles import crypto  # loaded only when needed: it costs ~50 ms

        aad = f.canonical_json({"format": format_name, "format_version": format_version})
        params, cipher = crypto.encrypt(inner, passphrase, aad)
        outer = {"format": format_name, "format_version": format_version,
                 "encryption": params,
                 "members": {f.ENCRYPTED_PAYLOAD: {"sha256": f.sha256(cipher),
                                                   "size": len(cipher)}}}
        # The payload is ciphertext, which deflate cannot shrink: stored, it needs no
        # second pass through zlib.
        result = _zip_bytes({f.MANIFEST: f.pretty_json(outer), f.ENCRYPTED_PAYLOAD: cipher},
                            frozenset({f.ENCRYPTED_PAYLOAD}))
    if len(result) > f.MAX_FILE_BYTES:
        raise BundleError(fmt.tr("This {kind} would be {size}, more than the {limit} a "
                                 "{kind} may be. Nothing was written.").format(
                                     kind=kind, size=_mb(len(result)),
                                     limit=_mb(f.MAX_FILE_BYTES)))
    for data in (inner, result):  # the very checks a reader makes of the zip's parts
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                _check_entries(archive, {f.MANIFEST, f.ENCRYPTED_PAYLOAD, *members})
        except BundleError as error:
            raise BundleError(fmt.tr("This {kind} would be refused when it is read, so it "
                                     "was not written: {problem}").format(
                                         kind=kind, problem=error.message)) from None
    return result


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` so that a crash leaves the old file or the new, never half.

    Kits and notes files hold names and notes: the file is 0600 whatever the umask, and
    its temporary file is a fresh one (O_EXCL|O_NOFOLLOW, unpredictable name), so a link
    planted beside the target on a shared stick is never written through."""
    path = Path(path)
    try:
        return write_private_atomically(path, data)
    except OSError as error:
        if error.errno in DISK_FULL_ERRNOS:
            # Say so plainly, with the space left (like every other full disk).
            raise disk_full_error(ErrorContext(fmt.tr("writing {name}").format(
                name=path.name), space_of=path.parent)) from None
        reason = error.strerror or str(error)
        raise BundleError(fmt.tr("The file could not be written to {path}: {reason}. Check "
                                 "that the folder exists, is writable and has space.").format(
                                     path=path, reason=reason)) from None


# -- reading -----------------------------------------------------------------------------
def read_file_bytes(path: Path) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise BundleError(fmt.tr("The file does not exist (was it moved or renamed?).")
                          ) from None
    except OSError as error:
        raise _unreadable(error) from None
    if not stat.S_ISREG(info.st_mode):
        raise BundleError(fmt.tr("This is a folder or a device, not a walkapp file."))
    if info.st_size == 0:
        raise BundleError(fmt.tr("The file is empty (0 bytes): the copy was probably "
                                 "interrupted. Copy it again from the original."))
    if info.st_size > f.MAX_FILE_BYTES:
        raise BundleError(fmt.tr("The file is {size} MB, far larger than any walkapp file; it "
                                 "was not made by walkapp.").format(
                                     size=info.st_size // (1024 * 1024)))
    try:
        with open(path, "rb") as handle:
            return handle.read(f.MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _unreadable(error) from None


def _unreadable(error: OSError) -> BundleError:
    return BundleError(fmt.tr("The file cannot be read: {reason}.").format(
        reason=error.strerror or error))


def _cut_short() -> BundleError:
    return BundleError(fmt.tr("The file is damaged or cut short (the copy may have been "
                              "interrupted). Copy it again from the original."))


def _not_ours() -> BundleError:
    return BundleError(fmt.tr("This is not a walkapp kit or notes file."))


def _open_zip(data: bytes) -> zipfile.ZipFile:
    if not data:
        raise BundleError(fmt.tr("The file is empty: the copy was probably interrupted."))
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # zipfile raises many kinds on garbage; all mean "not readable"
        if data[:4] == b"PK\x03\x04":
            raise _cut_short() from None
        raise _not_ours() from None


def _member_limit(name: str) -> int:
    if name == f.MANIFEST:
        return f.MAX_MANIFEST_BYTES
    if name == f.ENCRYPTED_PAYLOAD:  # a whole inner file, encrypted
        return f.MAX_FILE_BYTES
    return f.MAX_MEMBER_BYTES


def _check_entries(archive: zipfile.ZipFile, allowed: set[str]) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > f.MAX_MEMBERS:
        raise BundleError(fmt.tr("The file holds {count} parts; a walkapp file has at most "
                                 "{limit}. It was not made by walkapp.").format(
                                     count=len(infos), limit=f.MAX_MEMBERS))
    entries: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if (name.startswith(("/", "\\")) or ".." in name or "\\" in name or ":" in name
                or "/" in name or "\x00" in name):
            raise BundleError(fmt.tr("The file contains a part with a path that points "
                                     "outside it ({name!r}); it was refused as unsafe.").format(
                                         name=name[:60]))
        if name not in allowed:
            raise BundleError(fmt.tr("The file contains an unexpected part {name!r}; it was "
                                     "not made by walkapp.").format(name=name[:60]))
        if name in entries:
            raise BundleError(fmt.tr("The file contains the part {name!r} twice; it was "
                                     "refused.").format(name=name))
        if info.flag_bits & 0x1:
            raise BundleError(fmt.tr("The file uses zip password protection, which walkapp "
                                     "does not use; it was not made by walkapp."))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BundleError(fmt.tr("The file is packed in a way walkapp does not use."))
        limit = _member_limit(name)
        if info.file_size > limit:
            raise BundleError(fmt.tr("The part {name!r} would unpack to {size} MB; that is too "
                                     "large and was refused.").format(
                                         name=name, size=info.file_size // (1024 * 1024)))
        if (info.file_size > f.RATIO_CHECK_FROM_BYTES
                and info.file_size > f.MAX_RATIO * max(info.compress_size, 1)):
            raise BundleError(fmt.tr("The file is a 'zip bomb' (it would unpack to far more "
                                     "than its size); it was refused."))
        total += info.file_size
        entries[name] = info
    if total > f.MAX_TOTAL_BYTES:
        raise BundleError(fmt.tr("The file would unpack to more than {size} MB; it was "
                                 "refused.").format(size=f.MAX_TOTAL_BYTES // (1024 * 1024)))
    return entries


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except Exception:  # BadZipFile, zlib.error, EOFError…: all mean "damaged"
        raise _cut_short() from None
    if len(data) > limit:
        raise BundleError(fmt.tr("The part {name!r} unpacks to more than its stated size; it "
                                 "was refused as a 'zip bomb'.").format(name=info.filename))
    return data


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


# A \\uD800–\\uDFFF or \\u0000 escape: JSON can spell half of a surrogate pair and NUL,
# which no stored text can hold (raw control characters are not valid JSON at all). Only a
# member that spells one is walked in full, to name the field that holds it.
_UNSTORABLE_ESCAPE = re.compile(r"\\u(?:[dD][89a-fA-F]|0000)")
# A list's entries, as the schema checks name them ("entry 3", "version 2").
_LIST_ENTRY = {"items": N_("entry {n}"), "versions": N_("version {n}")}
_SAFE_KEY = re.compile(r"[^A-Za-z0-9_ .-]")


def _key_words(key: str) -> str:
    return _SAFE_KEY.sub("?", key[:40])


def _field_words(member: str, path: list[str | int], is_key: bool) -> tuple[str, str]:
    """Where a value is, in the words the schema checks use: "notes.json, entry 3: “text”",
    "walk.json, participants 1: “display_name”", "manifest: “walker_name”"."""
    labels: list[str] = []
    field: str | None = None
    index = 0
    while index < len(path):
        step = path[index]
        following = path[index + 1] if index + 1 < len(path) else None
        if isinstance(step, int):
            labels.append(fmt.tr(_LIST_ENTRY["items"]).format(n=step + 1))
        elif isinstance(following, int) and index + 2 < len(path):
            entry = _LIST_ENTRY.get(step)  # any other list by its key ("participants 1")
            labels.append(fmt.tr(entry).format(n=following + 1) if entry is not None
                          else f"{_key_words(step)} {following + 1}")
            index += 1
        elif following is None or isinstance(following, int):
            field = step  # the last key, or a list of values (an entry's "parents")
            index += 1
        elif step != "content":  # an entry's content is part of the entry
            labels.append(_key_words(step))
        index += 1
    what = (fmt.tr("a field name") if is_key else f"“{_key_words(field)}”" if field is not None
            else fmt.tr("a value"))
    return ", ".join([member, *labels]), what


def _find_unstorable(value: Any, member: str) -> BundleError | None:
    stack: list[tuple[Any, list[str | int]]] = [(value, [])]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            why = s.unstorable(item)
            if why is not None:
                return s.unstorable_error(*_field_words(member, path, False), why)
        elif isinstance(item, dict):
            for key, inner in item.items():
                why = s.unstorable(key)
                if why is not None:
                    return s.unstorable_error(*_field_words(member, path, True), why)
                stack.append((inner, [*path, key]))
        elif isinstance(item, list):
            stack.extend((inner, [*path, i]) for i, inner in reversed(list(enumerate(item))))
    return None


def _finite(text: str) -> float:
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("a number too large to hold")  # 1e999: no canonical spelling
    return value


def parse_json(data: bytes, member: str) -> Any:
    """Parse JSON whose size was already capped; deep nesting, NaN, numbers too large to
    hold and text no field can store (lone surrogates, NUL) are refused, the last naming
    the field."""
    what = (fmt.tr("The manifest") if member == f.MANIFEST
            else fmt.tr("The part {name!r}").format(name=member))
    try:
        text = data.decode("utf-8")
        value = json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
    except RecursionError:
        raise BundleError(fmt.tr("{what} is nested too deeply; it was not made by "
                                 "walkapp.").format(what=what)) from None
    except (UnicodeDecodeError, ValueError):
        raise BundleError(fmt.tr("{what} is not valid JSON; the file is damaged.").format(
            what=what)) from None
    if _UNSTORABLE_ESCAPE.search(text):
        problem = _find_unstorable(value, fmt.tr("manifest") if member == f.MANIFEST
                                   else member)
        if problem is not None:
            raise problem
    return value


def _manifest(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
              expected: tuple[str, ...]) -> dict[str, Any]:
    if f.MANIFEST not in entries:
        raise BundleError(fmt.tr("The file has no manifest; it is not a walkapp kit or notes "
                                 "file."))
    manifest = parse_json(_read_member(archive, entries[f.MANIFEST], f.MAX_MANIFEST_BYTES),
                          f.MANIFEST)
    if not isinstance(manifest, dict):
        raise BundleError(fmt.tr("The manifest is damaged."))
    name, version = manifest.get("format"), manifest.get("format_version")
    if name not in f.FORMAT_MEMBERS:
        raise _not_ours()
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError(fmt.tr("The manifest's format version is damaged."))
    if version > f.NEWEST_FORMAT_VERSION:
        raise BundleError(fmt.tr("This {kind} was made by a newer walkapp (format version "
                                 "{version}; this walkapp reads up to {newest}). Update "
                                 "walkapp to open it.").format(
                                     kind=_kind(name), version=version,
                                     newest=f.NEWEST_FORMAT_VERSION))
    if name not in expected:
        wanted = _kind(expected[0])
        for other in expected[1:]:
            wanted = fmt.tr("{first} or {second}").format(first=wanted, second=_kind(other))
        hint = (fmt.tr("Open it with “Open walk kit” on the walker's laptop.")
                if name == f.KIT_FORMAT
                else fmt.tr("Import it with “Import notes” on the facilitator's laptop."))
        raise BundleError(fmt.tr("This is a {kind}, not a {wanted}.").format(
            kind=_kind(name), wanted=wanted) + f" {hint}")
    return manifest


def _checked_members(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo],
                     listed: Any, allowed: set[str]) -> dict[str, bytes]:
    if not isinstance(listed, dict) or not listed:
        raise BundleError(fmt.tr("The manifest's list of parts is damaged."))
    names = set(entries) - {f.MANIFEST}
    if set(listed) != names or not names <= allowed:
        missing = sorted(set(listed) - names)
        if missing:
            raise BundleError(fmt.tr("The file is missing its part {name!r}; it is damaged "
                                     "or incomplete.").format(name=missing[0][:60]))
        raise BundleError(fmt.tr("The file's parts do not match its manifest; it was changed "
                                 "after it was made."))
    result: dict[str, bytes] = {}
    for name in sorted(names):
        entry = listed[name]
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            raise BundleError(fmt.tr("The manifest's checksums are damaged."))
        data = _read_member(archive, entries[name], _member_limit(name))
        if f.sha256(data) != entry["sha256"]:
            raise BundleError(fmt.tr("The part {name!r} does not match its checksum: the file "
                                     "was damaged or changed after it was made. Ask for a "
                                     "fresh copy.").format(name=name))
        result[name] = data
    return result


def read_bundle(data: bytes, expected: tuple[str, ...], passphrase: str | None = None,
                *, _inner: bool = False) -> Bundle:
    """Check and parse a kit or notes file of one of the `expected` formats."""
    archive = _open_zip(data)
    with archive:
        all_names = {f.MANIFEST, f.ENCRYPTED_PAYLOAD}
        for members in f.FORMAT_MEMBERS.values():
            all_names.update(members)
        entries = _check_entries(archive, all_names)
        manifest = _manifest(archive, entries, expected)
        name = manifest["format"]
        if "encryption" in manifest:
            from walkapp.bundles import crypto

            if _inner:
                raise BundleError(fmt.tr("The file is damaged (protected twice)."))
            raw = _checked_members(archive, entries, manifest.get("members"),
                                   {f.ENCRYPTED_PAYLOAD})
            params = crypto.check_params(manifest["encryption"])
            if passphrase is None:
                raise PassphraseNeededError(fmt.tr(
                    "This {kind} is protected with a passphrase. Enter the passphrase that "
                    "was agreed when it was made.").format(kind=_kind(name)))
            aad = f.canonical_json({"format": name,
                                    "format_version": manifest["format_version"]})
            plain = crypto.decrypt(raw[f.ENCRYPTED_PAYLOAD], passphrase, params, aad)
            inner = read_bundle(plain, (name,), _inner=True)
            return Bundle(format=inner.format, manifest=inner.manifest,
                          members=inner.members, encrypted=True)
        allowed = set(f.FORMAT_MEMBERS[name])
        raw = _checked_members(archive, entries, manifest.get("members"), allowed)
        if set(raw) != allowed:
            raise BundleError(fmt.tr("The file is missing some of its parts; it is damaged."))
        # One part at a time, each one's bytes let go once parsed: the peak is the parsed
        # parts and one part's bytes, not every part twice.
        parsed = {key: parse_json(raw.pop(key), key) for key in sorted(raw)}
        return Bundle(format=name, manifest=manifest, members=parsed, encrypted=False)


def read_bundle_file(path: Path, expected: tuple[str, ...],
                     passphrase: str | None = None) -> Bundle:
    return read_bundle(read_file_bytes(path), expected, passphrase)
