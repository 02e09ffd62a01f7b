"""A pytest plugin that fails a test if the code under test touches the network.

walkapp promises that nothing leaves the computer. The `no_network` fixture turns that into
a check: while it is active, opening an internet socket, connecting, sending to an address
or looking up a host name raises `NetworkAccessError` — *and* the attempt is recorded, so
the test still fails at teardown if the code caught the error and carried on quietly.

Two layers: the functions are replaced on the `socket` module (what `socket.socket(...)`,
`socket.create_connection` and `socket.getaddrinfo` callers reach), and a Python audit
hook sees the C-level events (`socket.__new__`, `socket.connect`, `socket.getaddrinfo`…),
which also catches libraries that kept their own reference to the original functions.
Local Unix-domain sockets (used by multiprocessing, never by the network) stay allowed.

Use it with `@pytest.mark.usefixtures("no_network")`, or call `forbid_network()` as a
context manager. Registered through `pytest_plugins` in tests/conftest.py.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

_NETWORK_EVENTS = {"socket.__new__", "socket.connect", "socket.bind", "socket.sendto",
                   "socket.sendmsg", "socket.getaddrinfo", "socket.gethostbyname",
                   "socket.gethostbyaddr", "socket.getnameinfo", "socket.gethostbyname_ex"}
_LOCAL_FAMILIES = {getattr(socket, "AF_UNIX", -1)}


class NetworkAccessError(RuntimeError):
    """Raised when code tries to reach the network while it is forbidden."""


class _Guard:
    def __init__(self) -> None:
        self.depth = 0
        self.attempts: list[str] = []
        self.lock = threading.Lock()
        self.hook_installed = False

    def audit(self, event: str, args: tuple[Any, ...]) -> None:
        if self.depth <= 0 or event not in _NETWORK_EVENTS:
            return
        if event == "socket.__new__" and len(args) >= 2 and args[1] in _LOCAL_FAMILIES:
            return
        if event in ("socket.connect", "socket.bind", "socket.sendto") and args:
            family = getattr(args[0], "family", None)
            if family in _LOCAL_FAMILIES:
                return
        self.refuse(f"{event}{_short(args)}")

    def refuse(self, what: str) -> None:
        with self.lock:
            self.attempts.append(what)
        raise NetworkAccessError(f"network access attempted while forbidden: {what}")


_GUARD = _Guard()


def _short(args: tuple[Any, ...]) -> str:
    text = repr(args[1:] if args and isinstance(args[0], socket.socket) else args)
    return text if len(text) < 200 else text[:197] + "..."


@contextlib.contextmanager
def forbid_network() -> Iterator[list[str]]:
    """Forbid network access inside the block; yields the list of attempts seen."""
    if not _GUARD.hook_installed:
        # Audit hooks cannot be removed; this one does nothing unless a guard is active.
        sys.addaudithook(_GUARD.audit)
        _GUARD.hook_installed = True
    patches = {
        "create_connection": lambda *a, **k: _GUARD.refuse(f"create_connection{a}"),
        "getaddrinfo": lambda *a, **k: _GUARD.refuse(f"getaddrinfo{a}"),
        "gethostbyname": lambda *a, **k: _GUARD.refuse(f"gethostbyname{a}"),
        "gethostbyname_ex": lambda *a, **k: _GUARD.refuse(f"gethostbyname_ex{a}"),
        "gethostbyaddr": lambda *a, **k: _GUARD.refuse(f"gethostbyaddr{a}"),
    }
    originals = {name: getattr(socket, name) for name in patches}
    original_socket = socket.socket

    class GuardedSocket(original_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
            if family not in _LOCAL_FAMILIES:
                _GUARD.refuse(f"socket.socket(family={family!r})")
            super().__init__(family, *args, **kwargs)

    _GUARD.depth += 1
    for name, replacement in patches.items():
        setattr(socket, name, replacement)
    socket.socket = GuardedSocket  # type: ignore[misc]
    try:
        yield _GUARD.attempts
    finally:
        socket.socket = original_socket  # type: ignore[misc]
        for name, original in originals.items():
            setattr(socket, name, original)
        _GUARD.depth -= 1


@pytest.fixture
def no_network() -> Iterator[list[str]]:
    """Fail the test if anything in it tried to use the network (even if it was caught)."""
    before = len(_GUARD.attempts)
    with forbid_network() as attempts:
        yield attempts
    new = attempts[before:]
    assert not new, f"the code tried to use the network: {new}"
