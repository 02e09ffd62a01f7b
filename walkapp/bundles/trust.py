"""Who may change what: walkers' secrets, and the seal on a notes file that proves whose it is.

Each walk on the facilitator's laptop has a *kit secret* K (32 random bytes, `walk_keys`).
A walker's secret is `HMAC-SHA256(K, "walkapp walker secret 1|" walk id "|" walker id)`,
so the facilitator can work out any walker's secret without storing one per walker, and a
walker who picks their name from an "any walker" kit (which carries K) gets the same secret
the facilitator expects. A kit for one named walker carries only that walker's secret.

A notes file is sealed with the secret of the walker it is for: `manifest.auth.mac` is
HMAC-SHA256 over the canonical JSON of the manifest without `auth` — which lists the SHA-256
of every other part, so the seal covers every byte that matters. The walker is then taken
from the sealed manifest and this laptop's roster, never from free text.
"""

from __future__ import annotations

import hmac
import secrets
from hashlib import sha256
from typing import Any

from sqlalchemy.orm import Session

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.bundles import format as f
from walkapp.bundles.errors import BundleError
from walkapp.formatting import N_
from walkapp.storage import models as m

SCHEME = "hmac-sha256"
SECRET_BYTES = 32
_HEX = frozenset("0123456789abcdef")

# A catalogue id: `fresh_file_advice()` says it in the language in force.
FRESH_FILE_ADVICE = N_("To get one that can be checked: make a fresh walk kit for the walker, "
                       "have them open it on their laptop (their notes stay) and save their "
                       "notes file again.")


def fresh_file_advice() -> str:
    return fmt.tr(FRESH_FILE_ADVICE)


def new_secret() -> str:
    return secrets.token_bytes(SECRET_BYTES).hex()


def is_secret(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 2 * SECRET_BYTES and set(value) <= _HEX


def walker_secret(kit_secret: str, walk_id: str, walker_id: str) -> str:
    message = f"walkapp walker secret 1|{walk_id}|{walker_id}".encode()
    return hmac.new(bytes.fromhex(kit_secret), message, sha256).hexdigest()


def kit_secret(session: Session, walk_id: str, *, create: bool) -> str | None:
    """The walk's kit secret on the facilitator's laptop, made the first time it is needed."""
    row = session.get(m.WalkKey, walk_id)
    if row is None and create:
        row = m.WalkKey(walk_id=walk_id, secret=new_secret())
        session.add(row)
        session.flush()
    return row.secret if row is not None else None


def secret_for(session: Session, walk: m.Walk, walker_id: str, *, create: bool = False
               ) -> str | None:
    """The secret that seals `walker_id`'s notes files of `walk` on this laptop, or None.

    On the facilitator's laptop it is derived from the kit secret; on a walker's laptop it
    is the one the kit brought, and only for the walker the laptop holds the walk for.
    """
    if walk.local_mode == d.LocalMode.WALKER.value:
        row = session.get(m.WalkerKey, walk.id)
        if row is None or row.participant_id != walker_id:
            return None
        return row.secret
    secret = kit_secret(session, walk.id, create=create)
    return walker_secret(secret, walk.id, walker_id) if secret is not None else None


def _signed_bytes(manifest: dict[str, Any]) -> bytes:
    return f.canonical_json({k: v for k, v in manifest.items() if k != "auth"})


def seal(manifest: dict[str, Any], secret: str) -> dict[str, Any]:
    """`manifest` with its seal (the manifest must already list its parts' checksums)."""
    mac = hmac.new(bytes.fromhex(secret), _signed_bytes(manifest), sha256).hexdigest()
    return {**manifest, "auth": {"scheme": SCHEME, "mac": mac}}


def check_seal(manifest: dict[str, Any], secret: str, walker_name: str) -> None:
    """Refuse the file unless it carries a seal made with `secret`."""
    auth = manifest.get("auth")
    if auth is None:
        raise BundleError(fmt.tr("This notes file is not sealed with {name}'s secret, so "
                                 "walkapp cannot tell who made it (it was made by an older "
                                 "walkapp, or changed).").format(name=walker_name)
                          + f" {fresh_file_advice()}")
    mac = auth.get("mac") if isinstance(auth, dict) else None
    if not isinstance(auth, dict) or auth.get("scheme") != SCHEME or not isinstance(mac, str):
        raise BundleError(fmt.tr("This notes file's seal is damaged; it was refused.")
                          + f" {fresh_file_advice()}")
    try:
        expected = hmac.new(bytes.fromhex(secret), _signed_bytes(manifest), sha256).hexdigest()
    except (UnicodeEncodeError, ValueError):
        raise BundleError(fmt.tr("This notes file's manifest is damaged; it was refused.")
                          ) from None
    if not hmac.compare_digest(expected, mac):
        raise BundleError(fmt.tr("This notes file was not made with {name}'s walk kit: its "
                                 "seal does not match (it was made by someone else, or changed "
                                 "after it was made). Nothing was imported.").format(
                                     name=walker_name) + f" {fresh_file_advice()}")
