"""The one error type that carries a message meant for the person using the app."""


class HearthsideError(Exception):
    """Bad input or a state the user can act on.

    The message is shown as-is to the user, so it says what was wrong and what to
    do next, and never contains journal text.
    """


class StoreError(HearthsideError):
    """The journal file cannot be used as it is (corrupt, too new, locked)."""


class WrongPassphrase(HearthsideError):
    """A passphrase that doesn't open the journal: another try may, so callers ask again."""

    MESSAGE = "That passphrase doesn't open this journal. Nothing was changed."

    def __init__(self) -> None:
        super().__init__(self.MESSAGE)
