"""What can go wrong with a walk kit or a notes file, in words a teacher can act on."""

from __future__ import annotations

from walkapp.errors import WalkappError


class BundleError(WalkappError):
    """A kit or notes file was refused; nothing on this laptop was changed."""


class PassphraseNeededError(BundleError):
    """The file is protected with a passphrase and none was given."""


class WrongPassphraseError(BundleError):
    """The passphrase does not open the file."""


class WalkerChoiceNeededError(BundleError):
    """A kit for "any walker" was opened without saying which walker is opening it."""

    def __init__(self, message: str, walker_names: tuple[str, ...]) -> None:
        super().__init__(message)
        self.walker_names = walker_names
