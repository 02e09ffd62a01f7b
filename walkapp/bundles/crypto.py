"""Passphrase protection for kits and notes files that travel on USB sticks.

AES-256-GCM (authenticated: a changed byte is detected, never decrypted into garbage)
with a key from scrypt, a memory-hard key derivation, so that guessing passphrases costs
an attacker memory as well as time. Both come from the `cryptography` library.

The scrypt cost is written into the file, so it can be raised later without breaking old
files; a reader accepts only a bounded range, so a hostile file cannot ask for gigabytes.
"""

from __future__ import annotations

import base64
import binascii
import os
import unicodedata
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from walkapp import formatting as fmt
from walkapp.bundles.errors import BundleError, WrongPassphraseError

CIPHER = "AES-256-GCM"
KDF = "scrypt"
# 2**17 × 8 × 128 bytes = 128 MiB and about half a second on a school laptop.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
MIN_N, MAX_N = 2**14, 2**20
# What a file may make a reader spend before its passphrase is even tried: scrypt takes
# n × r × 128 bytes of memory, and time in proportion to n × r × p. Files made here need
# 128 MiB; a reader allows twice that (about 2 s on a school laptop), never more, so a
# hostile file cannot make an import take a gigabyte and ten seconds a file.
MAX_SCRYPT_BYTES = 256 * 1024 * 1024
MIN_PASSPHRASE_CHARS = 6
SALT_BYTES = 16
NONCE_BYTES = 12


def check_passphrase(passphrase: str) -> bytes:
    """The passphrase as bytes; the same words typed on any laptop give the same bytes."""
    text = unicodedata.normalize("NFC", passphrase or "")
    if len(text.strip()) < MIN_PASSPHRASE_CHARS:
        raise BundleError(fmt.tr("A passphrase needs at least {count} characters. A few words "
                                 "that you can say aloud work well.").format(
                                     count=MIN_PASSPHRASE_CHARS))
    return text.encode("utf-8")


def _derive(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def encrypt(plain: bytes, passphrase: str, aad: bytes) -> tuple[dict[str, Any], bytes]:
    """Encrypt `plain`; returns the parameters to store beside it and the ciphertext."""
    secret = check_passphrase(passphrase)
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    params = {"cipher": CIPHER, "kdf": KDF, "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
              "salt": base64.b64encode(salt).decode("ascii"),
              "nonce": base64.b64encode(nonce).decode("ascii")}
    key = _derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return params, AESGCM(key).encrypt(nonce, plain, aad + _params_bytes(params))


def _params_bytes(params: dict[str, Any]) -> bytes:
    from walkapp.bundles.format import canonical_json

    return canonical_json(params)


def _damaged_settings() -> BundleError:
    return BundleError(fmt.tr("The file's protection settings are damaged."))


def _b64(value: Any, size: int) -> bytes:
    if not isinstance(value, str) or len(value) > 64:
        raise _damaged_settings()
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise _damaged_settings() from None
    if len(raw) != size:
        raise _damaged_settings()
    return raw


def check_params(params: Any) -> dict[str, Any]:
    """Refuse settings this walkapp does not know or that would cost too much to try."""
    if not isinstance(params, dict):
        raise _damaged_settings()
    if params.get("cipher") != CIPHER or params.get("kdf") != KDF:
        raise BundleError(fmt.tr("The file is protected in a way this walkapp does not know; "
                                 "update walkapp to open it."))
    n, r, p = params.get("n"), params.get("r"), params.get("p")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (n, r, p)):
        raise _damaged_settings()
    assert isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
    if not (MIN_N <= n <= MAX_N and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4):
        raise BundleError(fmt.tr("The file asks for protection settings outside the safe "
                                 "range; it was not made by walkapp."))
    cost = n * r * p * 128  # memory n·r·128 bytes, p times over in time
    if cost > MAX_SCRYPT_BYTES:
        raise BundleError(fmt.tr(
            "The file's protection would take {cost} MB of memory-hard work to try a "
            "passphrase; walkapp allows at most {limit} MB (files it makes need {own} MB). It "
            "was not made by walkapp, or by a walkapp set up differently; ask for a copy "
            "saved by walkapp.").format(
                cost=fmt.number(cost // (1024 * 1024)),
                limit=fmt.number(MAX_SCRYPT_BYTES // (1024 * 1024)),
                own=fmt.number(SCRYPT_N * SCRYPT_R * SCRYPT_P * 128 // (1024 * 1024))))
    _b64(params.get("salt"), SALT_BYTES)
    _b64(params.get("nonce"), NONCE_BYTES)
    return params


def decrypt(cipher: bytes, passphrase: str, params: dict[str, Any], aad: bytes) -> bytes:
    check_params(params)
    secret = unicodedata.normalize("NFC", passphrase or "").encode("utf-8")
    key = _derive(secret, _b64(params["salt"], SALT_BYTES), params["n"], params["r"],
                  params["p"])
    try:
        return AESGCM(key).decrypt(_b64(params["nonce"], NONCE_BYTES), cipher,
                                   aad + _params_bytes(params))
    except InvalidTag:
        raise WrongPassphraseError(fmt.tr(
            "The passphrase does not open this file. Check it with the person who made the "
            "file (passphrases are case-sensitive) and try again.")) from None
