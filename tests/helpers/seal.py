"""Hand-made notes files for tests: change a real file's parts, then make its checksums and
its seal match again, so the defence under test is the one after the seal."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.helpers.laptops import Laptop
from walkapp.bundles import format as f
from walkapp.storage import models as m

Change = Callable[[dict[str, Any]], None]


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def secret_of(laptop: Laptop, walk_id: str, walker_id: str) -> str | None:
    """The secret `laptop` seals (and checks) `walker_id`'s notes files of the walk with."""
    try:
        from walkapp.bundles import trust
    except ImportError:  # the code before walkers were authenticated
        return None
    with laptop.services.db.transaction() as session:
        walk = session.get(m.Walk, walk_id)
        assert walk is not None
        return trust.secret_for(session, walk, walker_id)


def resealed(data: bytes, parts: dict[str, Change] | None = None,
             manifest: Change | None = None, secret: str | None = None) -> bytes:
    """`data` with each part in `parts` changed, checksums remade, and sealed with `secret`
    (without a secret, the seal is left off)."""
    members = members_of(data)
    for name, change in (parts or {}).items():
        value = json.loads(members[name])
        change(value)
        members[name] = json.dumps(value).encode()
    head = json.loads(members[f.MANIFEST])
    head.pop("auth", None)
    head["members"] = {name: {"sha256": f.sha256(body), "size": len(body)}
                       for name, body in members.items() if name != f.MANIFEST}
    if manifest is not None:
        manifest(head)
    if secret is not None:
        from walkapp.bundles import trust

        head = trust.seal(head, secret)
    members[f.MANIFEST] = json.dumps(head).encode()
    return zipped(members)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
